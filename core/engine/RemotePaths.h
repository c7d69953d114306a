#pragma once
// Which path each remote is served on (docs/protocol.md, "Extensions"): the extension
// channel's batches while it has announced them in its current online period and the
// announcement has not lapsed, else the five per-row messages. Also what was sent to each
// remote on each path (messages, rows, bytes), for the Clients view and the benchmark.
// Pure logic: every call takes the current time (our clock).
#include "protocol/Extensions.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <utility>

namespace mysqlsync {

class RemotePaths {
public:
    enum class Path { PerRow, Batch };

    struct Traffic {
        qint64 messages = 0;
        qint64 rows = 0;
        qint64 bytes = 0;
    };

    // An announcement heard from a configured remote (topic and payload agree on its name).
    // It holds until `deadline` (our clock): the next one, beside its next heartbeat, renews it.
    // Returns true when the remote's path changed.
    bool announced(const ext::Announcement &announcement, qint64 deadline, qint64 now);
    // The remote went offline: whatever it announced is forgotten (it may come back as an
    // earlier engine). Returns true when its path changed.
    bool wentOffline(const QString &remote, qint64 now);
    // The remote came online. Until it announces, or kAnnouncementGraceMs have passed, it is
    // not sent changes (they wait in its outbox): an engine of ours announces right after
    // its heartbeat, and on the batch path its changes carry their row versions, which the
    // per-row messages cannot (docs/ARCHITECTURE.md, "Conflicts").
    void cameOnline(const QString &remote, qint64 now);
    bool awaitingAnnouncement(const QString &remote, qint64 now) const;
    static constexpr qint64 kAnnouncementGraceMs = 1000;

    Path path(const QString &remote, qint64 now) const;
    bool batches(const QString &remote, qint64 now) const { return path(remote, now) == Path::Batch; }
    bool compresses(const QString &remote, qint64 now) const;
    // Whether the remote has an announcement still valid at `now` (it speaks the channel).
    bool hasAnnounced(const QString &remote, qint64 now) const;
    // Whether the remote's announcement, still valid at `now`, names `capability`.
    bool speaks(const QString &remote, const QString &capability, qint64 now) const;
    // The site identity it last announced (empty: never announced).
    QString site(const QString &remote) const { return m_remotes.value(remote).announcement.site; }

    void sent(const QString &remote, Path path, int rows, qint64 bytes);
    // Which keys the batches sent to `remote` at `date` carried, and the rows of a numbered
    // batch in order (the most recent sends only, at most kRememberedRows rows per remote
    // each way).
    void sentBatch(const QString &remote, qint64 date, const QList<ChangeMessage> &changes, qint64 number = 0);
    // False when a batch receipt names a row that the batches of its date did not carry
    // (a date not remembered is left to the outbox's own rules).
    bool couldHaveSent(const QString &remote, const QString &table, const QString &id, qint64 date) const;
    // The receipts a summary receipt from `remote` stands for: each row of its numbered batch,
    // as the error the summary lists for it or else received. False (*why) when the batch is
    // not remembered or the summary does not match it; errors naming a row the batch did not
    // carry are left out and named in *skipped.
    bool expand(const QString &remote, const ext::ReceiptBatch &summary, QList<InfoMessage> *out, QString *why,
                QStringList *skipped) const;
    static constexpr qsizetype kRememberedRows = 50000;
    Traffic traffic(const QString &remote, Path path) const;
    static QString name(Path path);

private:
    struct Remote {
        ext::Announcement announcement;
        qint64 deadline = 0; // 0: nothing announced in this online period
        qint64 onlineSince = 0;
        Traffic perRow, batch;
        QHash<qint64, QSet<QString>> sentKeys; // date -> "table\nid" of the batches sent then
        QList<qint64> sentDates;               // oldest first
        qsizetype rememberedRows = 0;
        struct Numbered {
            qint64 date = 0;
            QList<std::pair<QString, QString>> rows; // (table, id) as sent, in order
        };
        QHash<qint64, Numbered> numbered; // batch number -> its rows
        QList<qint64> numbers;            // oldest first
        qsizetype numberedRows = 0;
    };
    QHash<QString, Remote> m_remotes;
};

} // namespace mysqlsync
