#pragma once
// The reports of a sync engine, declared once: SyncEngine emits them on its own thread, and
// every Engine (ThreadedEngine re-emitting SyncEngine's, tests' FakeEngine) emits them on the
// thread it lives in. SyncEngine is no Engine (it runs one configuration, on its thread, and
// takes no start(config)); both derive from this class so that the signals cannot drift apart.
#include "engine/EngineTypes.h"

#include <QObject>
#include <QString>

namespace mysqlsync {

class EngineReports : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void started();
    void pausedChanged(bool paused);
    void stopped();
    // The engine cannot work with this configuration and has shut down (no stopped() follows).
    void fatalError(const QString &message);
    void databaseStateChanged(bool connected, const QString &detail);
    void brokerStateChanged(bool connected, const QString &detail);
    // `until`: when the remote's presence runs out, in our clock (every online report is a heartbeat).
    void remoteStateChanged(const QString &name, bool online, qint64 until);
    // At each heartbeat of a remote: its clock minus ours, as Presence estimates it (ms).
    void remoteClockSkew(const QString &name, qint64 skewMs);
    void outboxDepthChanged(const QString &remote, int depth);
    // The path a remote is served on ("batch" or "per-row") and the rows per message sent to
    // it so far on that path (0: nothing sent yet).
    void remotePathChanged(const QString &name, const QString &path, double rowsPerMessage);
    void countersChanged(const mysqlsync::EngineCounters &counters);
    void errorOccurred(const mysqlsync::EngineError &error);
    // The open conflicts of sync_conflicts, after each change; `detected`: how many were
    // newly seen since the last report (0 when only settled ones changed the count).
    void conflictsChanged(qint64 open, int detected);
};

} // namespace mysqlsync
