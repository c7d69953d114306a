#pragma once
// The "try it" work, on a worker thread of its own (TransformTrialRunner owns it): its own
// named QMYSQL connection (core's DbConnection, opened, used and closed on that thread) and
// its own TransformerHost (a QJSEngine of its own, created on that thread) whose
// context.database.query runs against the live database and whose context.mqtt.publish is
// recorded, never sent (TrialServices.h); what its queries write is rolled back after the
// run. Rows are read with core's Catalog and RowStore, so
// the entity is exactly what the engine would hand the transformer.
#include "config/Config.h"
#include "database/Catalog.h"
#include "database/DbConnection.h"
#include "monitor/TransformTrial.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <memory>

namespace mysqlsync {
class TransformerHost;
}

namespace mysqlsync::ui {

class TrialDatabase;
class TrialPublisher;

class TransformTrialWorker : public QObject {
    Q_OBJECT
public:
    // `latestKeys`: the newest listKeys generation the runner asked for (older ones are skipped).
    TransformTrialWorker(const Config &config, std::shared_ptr<const std::atomic<quint64>> latestKeys);
    ~TransformTrialWorker() override;

    // Worker-thread slots (call them queued).
    void listKeys(quint64 generation, const QString &table, int limit);
    void run(quint64 generation, const mysqlsync::ui::TrialRequest &request);

Q_SIGNALS:
    // The first `limit` keys of `table` in key order (as strings), or `error`.
    void keysListed(quint64 generation, const QString &table, const QStringList &keys, const QString &error);
    void finished(quint64 generation, const mysqlsync::ui::TrialResult &result);

private:
    bool open(QString *error);
    const TableInfo *table(const QString &name, QString *error);
    void forgetConnection(const QSqlError &error);

    QString m_directory;
    QString m_clientName;
    int m_timeLimitMs;
    DbConnection m_db;
    std::shared_ptr<const std::atomic<quint64>> m_latestKeys;
    QHash<QString, TableInfo> m_tables;
    std::unique_ptr<TrialDatabase> m_database;
    std::unique_ptr<TrialPublisher> m_publisher;
    std::unique_ptr<TransformerHost> m_host; // made on first use, on the worker thread
};

} // namespace mysqlsync::ui
