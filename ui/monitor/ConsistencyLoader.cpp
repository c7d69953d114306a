#include "monitor/ConsistencyLoader.h"

#include "database/SqlDialect.h"
#include "monitor/UiLogging.h"

#include <QDateTime>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace mysqlsync::ui {

ConsistencyLoader::ConsistencyLoader(const MysqlConfig &mysql, std::shared_ptr<const std::atomic<quint64>> latest)
    : m_db(mysql, QStringLiteral("sync-ui-consistency-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_latest(std::move(latest))
{ }

ConsistencyLoader::~ConsistencyLoader() = default;

bool ConsistencyLoader::ensureOpen(QString *error)
{
    return m_db.isOpen() || m_db.open(error);
}

void ConsistencyLoader::read(quint64 generation)
{
    if (generation < m_latest->load())
        return; // a newer request follows
    QString error;
    ConsistencySnapshot snapshot;
    if (!ensureOpen(&error) || !LoadStore::readAll(m_db.db(), &snapshot.loads, &error)
        || !VerifyStore::latestPerPair(m_db.db(), &snapshot.verifies, &error)) {
        qCWarning(lcUiConsistency).noquote() << error;
        m_db.close(); // reopened by the next request
        Q_EMIT readFailed(generation, error);
        return;
    }
    QSet<QString> running;
    for (const LoadState &load : std::as_const(snapshot.loads)) {
        if (!load.done && (load.startedAt > 0 || load.rows > 0)) // begun: a bar to draw
            running.insert(load.table);
    }
    for (const VerifyRun &run : std::as_const(snapshot.verifies)) {
        if (run.state == VerifyRun::State::Running || run.state == VerifyRun::State::Queued)
            running.insert(run.table);
    }
    if (!running.isEmpty() && !countRows(running.values(), &snapshot.tableRows, &error)) {
        // The progress goes without totals; the states are still worth showing.
        qCWarning(lcUiConsistency).noquote() << error;
    }
    snapshot.readAtMs = QDateTime::currentMSecsSinceEpoch();
    Q_EMIT snapshotRead(generation, snapshot);
}

bool ConsistencyLoader::countRows(const QStringList &tables, QHash<QString, qint64> *rows, QString *error)
{
    const SqlDialect &dialect = SqlDialect::of(m_db.db());
    QSqlQuery q(m_db.db());
    q.prepare(dialect.rowEstimatesSql(int(tables.size())));
    for (const QString &table : tables)
        q.addBindValue(table);
    if (!q.exec()) {
        *error = QStringLiteral("cannot read the tables' row estimates: %1").arg(DbConnection::describe(q.lastError()));
        return false;
    }
    QHash<QString, qint64> estimates; // names as the catalogue has them
    while (q.next())
        estimates.insert(q.value(0).toString(), q.value(1).toLongLong());
    for (auto it = estimates.cbegin(); it != estimates.cend(); ++it) {
        if (it.value() >= kExactCountBelow) {
            rows->insert(it.key(), it.value()); // large: the estimate is close enough for a bar
            continue;
        }
        QSqlQuery count(m_db.db());
        if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(dialect.quoteIdentifier(it.key())))
            || !count.next()) {
            *error = QStringLiteral("cannot count the rows of %1: %2")
                         .arg(it.key(), DbConnection::describe(count.lastError()));
            return false;
        }
        rows->insert(it.key(), count.value(0).toLongLong());
    }
    return true;
}

void ConsistencyLoader::queueVerify(const QString &table, const QString &remote, bool repair)
{
    QString error;
    qint64 id = 0;
    if (!ensureOpen(&error) || !VerifyStore::queue(m_db.db(), table, remote, repair, &id, &error)) {
        qCWarning(lcUiConsistency).noquote() << error;
        m_db.close();
        Q_EMIT actionDone(false, error);
        return;
    }
    qCInfo(lcUiConsistency).noquote() << (repair ? "repair" : "verification") << id << "of" << table << "against"
                                      << remote << "queued";
    Q_EMIT actionDone(true,
                      repair ? tr("repair of %1 on %2 queued (verification %3)").arg(table, remote).arg(id)
                             : tr("verification of %1 against %2 queued (%3)").arg(table, remote).arg(id));
}

void ConsistencyLoader::restartLoad(const QString &table, const QString &remote)
{
    QString error;
    if (!ensureOpen(&error) || !LoadStore::restart(m_db.db(), table, remote, &error)) {
        qCWarning(lcUiConsistency).noquote() << error;
        m_db.close();
        Q_EMIT actionDone(false, error);
        return;
    }
    qCInfo(lcUiConsistency).noquote() << "load of" << table << "into" << remote << "asked for again";
    Q_EMIT actionDone(true, tr("%1 is loaded into %2 again from its first key").arg(table, remote));
}

} // namespace mysqlsync::ui
