#pragma once
// Verify and repair, the side that asks (docs/protocol.md, "Verify and repair"). Takes the
// queued rows of sync_verifies one at a time and compares the sync table with the remote's
// copy: agrees on the columns (open/opened), sends the checksums of its rows a window of
// chunks at a time (range), and gets back the remote's rows of the chunks that differ. The
// keys found different are asked about again once the remote's outbox is empty (keys), so a
// row that was merely in flight is not reported; what still differs is recorded, and with
// `repair` owed to the remote again through the outbox (a row this site lacks as a delete),
// so that the remote's copy becomes this site's. Checksums are computed on the
// DigestWorker's thread; the window is sized so each computation takes about a quarter second.
#include "database/Catalog.h"
#include "database/VerifyStore.h"
#include "engine/EngineContext.h"
#include "protocol/VerifyMessages.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace mysqlsync {

class DigestWorker;

class Verifier : public QObject {
    Q_OBJECT
public:
    // `resend(remote, table, keys)`: owe the rows to the remote again (the repair).
    using Resend = std::function<void(const QString &, const QString &, const QStringList &)>;
    Verifier(EngineContext &context, DigestWorker *worker, Resend resend, QObject *parent = nullptr);

    void start();
    void stop();
    // An answer from a remote (opened, range-result, keys-result, failed).
    void handle(const ext::VerifyMessage &answer);

private:
    enum class Phase { Idle, Waiting, Opening, Window, Range, Settling, LocalKeys, Keys };
    void tick();
    // The remote must be online and speak verify; says plainly why not.
    void waitForRemote(qint64 now);
    // With verifyInterval: queues a verification of each pair not verified within it.
    void scheduleBackground(qint64 now);
    void begin(const VerifyRun &run);
    void sendOpen();
    void readWindow();
    void onWindow(quint64 token, const QList<ext::RowDigest> &rows, qint64 elapsedMs, int limit, const QString &error);
    void onRangeResult(const ext::VerifyMessage &m);
    void recheck();
    void onLocalKeys(quint64 token, const QList<ext::RowDigest> &rows, const QString &error);
    void onKeysResult(const ext::VerifyMessage &m);
    void finish(const QString &failure = QString());
    void publish(ext::VerifyMessage m);
    void save();
    void note(const QString &key, const QString &kind);

    EngineContext &m_ctx;
    DigestWorker *m_worker;
    Resend m_resend;
    QTimer m_timer;
    bool m_running = false;
    bool m_abandonedChecked = false;
    QHash<QString, qint64> m_nextBackgroundLook; // "table\nremote" -> when to look at it again
    bool m_isBackground = false;
    bool m_remoteMirror = false; // the remote's table is a mirror (from its `opened`)
    quint64 m_token = 0;         // worker answers for an older run are dropped

    // The run in progress.
    Phase m_phase = Phase::Idle;
    VerifyRun m_run;
    QString m_runId;
    qint64 m_seq = 0;
    QString m_wireTable;
    TableInfo m_info;
    QStringList m_local; // compared columns, local names, in the agreed order
    QStringList m_wire;  // the same, as sent
    QString m_lastKey;   // the window's lower bound (exclusive); null: the first key
    int m_windowRows = 10000;
    QList<ext::RowDigest> m_window;
    QList<qsizetype> m_chunkEnds; // m_window index after each chunk
    bool m_lastWindow = false;
    QSet<QString> m_suspects;
    QStringList m_recheck;               // suspects still to ask about
    QHash<QString, QString> m_localSums; // key -> sum, for the keys being asked about
    QStringList m_batch;                 // the keys asked about now
    QString m_lastTopic;                 // the last request, sent again when its answer is late
    QByteArray m_lastPayload;
    QElapsedTimer m_idleLook;    // when sync_verifies was last read for queued runs
    QElapsedTimer m_since;       // since the phase began (answers time out)
    QElapsedTimer m_onlineSince; // waiting: since the remote was seen online
    int m_attempts = 0;
};

} // namespace mysqlsync
