#pragma once
// What the rest of the program knows of a sync engine: its commands and its reports. The
// desktop app, the daemon and the tests hold an Engine; ThreadedEngine runs the real one
// (SyncEngine) on a thread of its own, tests/support's FakeEngine stands in for it in tests.
// Reports (EngineReports) arrive on the thread the Engine object lives in; commands never wait.
#include "config/Config.h"
#include "database/ConflictStore.h"
#include "engine/EngineReports.h"

#include <QJsonValue>
#include <QObject>
#include <QStringList>

namespace mysqlsync {

class Engine : public EngineReports {
    Q_OBJECT
public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    // Starts an engine for `config` (passwords already resolved); started() or fatalError()
    // follows. One that runs is stopped first and the new one starts after its goodbye.
    virtual void start(const Config &config) = 0;
    // Asks the engine to stop (it finishes what is in flight and says goodbye); stopped() follows.
    virtual void stop() = 0;
    // Whether an engine was started and has neither stopped nor failed.
    virtual bool isRunning() const = 0;
    // The engine's last word on pausing (false when none runs).
    virtual bool isPaused() const = 0;
    // The configuration of the last start().
    virtual const Config &config() const = 0;
    // Paused, the engine takes no changes from table_changes, sends none and applies none that
    // arrive (their senders send them again later); presence and receipts go on.
    // pausedChanged() follows once the engine has changed state.
    virtual void setPaused(bool paused) = 0;
    // Sends the current state of these keys to `remote` again (sync_status: pending).
    virtual void resend(const QString &remote, const QString &table, const QStringList &keys) = 0;
    // resend() for every row of sync_status that is in error for `remote`.
    virtual void resendErrors(const QString &remote) = 0;
    // Settles conflict `id` of sync_conflicts (and every other open one of its row): the row
    // becomes the local version (Local), the remote's (Remote) or `edited` (Edited: an object,
    // or null for "delete the row"), as a change of this site that every site takes, since
    // it includes both versions. `by` is recorded as who settled it. conflictsChanged() follows.
    virtual void settleConflict(qint64 id, mysqlsync::ConflictOutcome choice, const QJsonValue &edited,
                                const QString &by) = 0;
};

} // namespace mysqlsync
