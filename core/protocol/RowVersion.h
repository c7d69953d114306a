#pragma once
// The version of one row of a bidirectional table (docs/protocol.md, "Row versions and
// conflicts"): which site made the row's current state and when (its origin), and a version
// vector: for every site, the time of its latest change that this state includes. Two
// versions are ordered when one vector covers the other; otherwise they were made without
// seeing each other: a conflict. Times are milliseconds of a hybrid clock (never behind the
// row's own history), so a change made after seeing another is always later than it.
#include <QJsonValue>
#include <QMap>
#include <QString>

namespace mysqlsync {

struct RowVersion {
    QString origin;               // the site whose change made this state ("" : no version known)
    qint64 time = 0;              // when, at the origin (ms since the epoch, hybrid clock)
    QMap<QString, qint64> vector; // site -> time of its latest change included
    // Kept by the site that holds the row, never sent: the vectors of the versions this state
    // won a conflict against. The row's next change includes them; the state itself travels
    // with its own version, so a site whose version lost still sees the conflict.
    QMap<QString, qint64> absorbed;

    bool isNull() const { return origin.isEmpty(); }

    // How `a` relates to `b`.
    enum class Order {
        Same,       // the same vector
        Before,     // b includes everything of a, and more (b descends from a)
        After,      // a includes everything of b, and more
        Concurrent, // each has a change the other lacks
    };
    static Order compare(const RowVersion &a, const RowVersion &b);
    // Whether the row's state `held` already includes `incoming`: by its vector, or because it
    // won against it (absorbed).
    static bool includes(const RowVersion &held, const RowVersion &incoming);
    // The entry-wise maximum of both vectors.
    static QMap<QString, qint64> merge(const QMap<QString, qint64> &a, const QMap<QString, qint64> &b);
    // The version of a change that `site` makes at `now` on top of `current` (and of what it
    // absorbed): its time is `now`, or later than anything `current` holds when the clock is behind.
    static RowVersion next(const RowVersion &current, const QString &site, qint64 now);

    // {"origin": "site_a", "time": ms, "vector": {"site_a": ms, ...}}
    QJsonValue toJson() const;
    // Strict: names are client names, times within ECMAScript's Date range, at most
    // kMaxSites entries, the origin's own entry equal to `time`.
    static bool fromJson(const QJsonValue &value, const QString &path, RowVersion *out, QString *error);
    // The vector alone, as stored in sync_versions.vector.
    QString vectorText() const;
    static bool vectorFromText(const QString &text, QMap<QString, qint64> *out, QString *error);

    static constexpr int kMaxSites = 256;

    friend bool operator==(const RowVersion &a, const RowVersion &b)
    {
        return a.origin == b.origin && a.time == b.time && a.vector == b.vector;
    }
};

} // namespace mysqlsync
