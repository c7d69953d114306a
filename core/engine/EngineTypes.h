#pragma once
// What the engine reports to observers (the daemon's log, the desktop app).
#include <QDateTime>
#include <QMap>

#include <QMetaType>
#include <QString>
#include <array>

namespace mysqlsync {

// Seconds from an incoming change's send date (the `date` its sender gave it, in the sender's
// clock) to its commit here, counted into fixed buckets: the apply latency histogram of
// GET /metrics. A difference between the two clocks adds to it; one that makes it negative
// counts as 0.
struct LatencyHistogram {
    static constexpr std::array<double, 12> kBounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    std::array<qint64, kBounds.size() + 1> counts{}; // per bucket, not cumulative; the last: above every bound
    double sum = 0;                                  // seconds
    qint64 count = 0;

    void add(double seconds);
    friend bool operator==(const LatencyHistogram &a, const LatencyHistogram &b)
    {
        return a.counts == b.counts && a.sum == b.sum && a.count == b.count;
    }
};

struct EngineCounters {
    qint64 captured = 0;         // table_changes rows taken
    qint64 sent = 0;             // change messages published (first sends and resends)
    qint64 resent = 0;           // of which resends
    qint64 applied = 0;          // incoming changes written
    qint64 relayed = 0;          // incoming changes owed on to other remotes, once per remote owed
    qint64 receiptsIn = 0;       // receipts received
    qint64 receiptsOut = 0;      // receipts published
    qint64 errors = 0;           // error events
    qint64 unknownSenders = 0;   // messages dropped because their sender is not in remoteClients
    qint64 messagesOut = 0;      // MQTT messages that carried the sent changes (per-row: one each)
    qint64 bytesOut = 0;         // their payload bytes
    qint64 conflicts = 0;        // conflicts seen (two changes of a row made without seeing each other)
    qint64 conflictsSettled = 0; // settled: by the table's policy, an operator, or another site
    // Conflicts seen per "table/remote" (the remote: the origin of the version that arrived).
    QMap<QString, qint64> conflictsByTable;
    LatencyHistogram applyLatency; // incoming changes written

    friend bool operator==(const EngineCounters &a, const EngineCounters &b)
    {
        return a.captured == b.captured && a.sent == b.sent && a.resent == b.resent && a.applied == b.applied
            && a.relayed == b.relayed && a.receiptsIn == b.receiptsIn && a.receiptsOut == b.receiptsOut
            && a.errors == b.errors && a.unknownSenders == b.unknownSenders && a.messagesOut == b.messagesOut
            && a.bytesOut == b.bytesOut && a.conflicts == b.conflicts && a.conflictsSettled == b.conflictsSettled
            && a.conflictsByTable == b.conflictsByTable && a.applyLatency == b.applyLatency;
    }
    friend bool operator!=(const EngineCounters &a, const EngineCounters &b) { return !(a == b); }
};

struct EngineError {
    enum class Source { Configuration, Database, Broker, Outbox, Incoming, Remote, Apply, Transform };
    QDateTime time;
    Source source = Source::Database;
    QString remote; // the other site concerned, if any
    QString table;
    QString key;
    QString message;

    // An error of now (time: the current local time).
    static EngineError now(Source source, const QString &message, const QString &remote = {}, const QString &table = {},
                           const QString &key = {});
    static QString sourceName(Source s);
};

} // namespace mysqlsync

Q_DECLARE_METATYPE(mysqlsync::EngineCounters)
Q_DECLARE_METATYPE(mysqlsync::EngineError)
