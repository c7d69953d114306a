#pragma once
// The Consistency page's database work, on a worker thread through a named QMYSQL connection
// of its own (ConsistencyModel owns it; requests arrive as queued calls, answers leave as
// signals): read() takes a snapshot of sync_loads, the newest verifications per pair
// (VerifyStore::latestPerPair) and the row counts of the tables something is running on;
// queueVerify() and restartLoad() ask the site's running engine for a verification (a row in
// sync_verifies) or a load from the first key (LoadStore::restart). A read older than the
// newest one the model asked for (`latest`) is skipped; actions never are.
#include "config/Config.h"
#include "database/DbConnection.h"
#include "database/LoadStore.h"
#include "database/VerifyStore.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>

#include <atomic>
#include <memory>

namespace mysqlsync::ui {

struct ConsistencySnapshot {
    QList<LoadState> loads;
    QList<VerifyRun> verifies;        // per pair: the newest run and the newest finished one
    QHash<QString, qint64> tableRows; // tables with a load or verification running: their rows
    qint64 readAtMs = 0;
};

class ConsistencyLoader : public QObject {
    Q_OBJECT
public:
    // Below this estimate (information_schema) a table's rows are counted exactly (COUNT(*)).
    static constexpr qint64 kExactCountBelow = 100000;

    ConsistencyLoader(const MysqlConfig &mysql, std::shared_ptr<const std::atomic<quint64>> latest);
    ~ConsistencyLoader() override;

    // Worker-thread slots (call them queued).
    void read(quint64 generation);
    void queueVerify(const QString &table, const QString &remote, bool repair);
    void restartLoad(const QString &table, const QString &remote);

Q_SIGNALS:
    void snapshotRead(quint64 generation, const mysqlsync::ui::ConsistencySnapshot &snapshot);
    void readFailed(quint64 generation, const QString &message);
    // An action's outcome: `message` says what was asked, or why it could not be.
    void actionDone(bool ok, const QString &message);

private:
    bool ensureOpen(QString *error);
    // Rows of `tables` (names checked against information_schema before COUNT(*) sees them).
    bool countRows(const QStringList &tables, QHash<QString, qint64> *rows, QString *error);

    DbConnection m_db;
    std::shared_ptr<const std::atomic<quint64>> m_latest;
};

} // namespace mysqlsync::ui

Q_DECLARE_METATYPE(mysqlsync::ui::ConsistencySnapshot)
