#pragma once
// An Engine for tests: no thread, no servers. Commands are only recorded (read them back from
// the public lists); reports are what the test makes it say, through the report…() methods or
// by emitting its signals directly. It keeps the state an Engine shows as the real one does:
// start() makes it running (started() is the test's to report), stopped() or fatalError()
// ends the run, pausedChanged() is the engine's word on pausing.
#include "engine/Engine.h"

#include <QList>

namespace testsupport {

class FakeEngine : public mysqlsync::Engine {
    Q_OBJECT
public:
    struct Resend {
        QString remote;
        QString table;
        QStringList keys;
    };

    explicit FakeEngine(QObject *parent = nullptr);

    void start(const mysqlsync::Config &config) override;
    void stop() override;
    bool isRunning() const override { return m_running; }
    bool isPaused() const override { return m_paused; }
    const mysqlsync::Config &config() const override { return m_config; }
    void setPaused(bool paused) override;
    void resend(const QString &remote, const QString &table, const QStringList &keys) override;
    void resendErrors(const QString &remote) override;
    void settleConflict(qint64 id, mysqlsync::ConflictOutcome choice, const QJsonValue &edited,
                        const QString &by) override;

    // Reports, as the engine would make them (each emits the signal of that name).
    void reportStarted();
    void reportStopped();
    void reportFatal(const QString &message);
    void reportPaused(bool paused);
    void reportDatabase(bool connected, const QString &detail = QString());
    void reportBroker(bool connected, const QString &detail = QString());
    void reportRemote(const QString &name, bool online, qint64 until = 0);
    void reportOutboxDepth(const QString &remote, int depth);
    // `path`: "batch" or "per-row" (the engine's names); 0 rows per message: nothing sent yet.
    void reportRemotePath(const QString &name, const QString &path, double rowsPerMessage = 0);
    void reportError(mysqlsync::EngineError::Source source, const QString &message, const QString &remote = QString(),
                     const QString &table = QString(), const QString &key = QString());

    // Commands received, oldest first.
    QList<mysqlsync::Config> starts;
    int stops = 0;
    QList<bool> pauseRequests;
    QList<Resend> resends;
    QStringList resendErrorsRequests;
    struct Settle {
        qint64 id = 0;
        mysqlsync::ConflictOutcome choice = mysqlsync::ConflictOutcome::Local;
        QJsonValue edited;
        QString by;
    };
    QList<Settle> settles;

private:
    mysqlsync::Config m_config;
    bool m_running = false;
    bool m_paused = false;
};

} // namespace testsupport
