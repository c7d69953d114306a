#include "monitor/TransformTrialWorker.h"

#include "database/RowStore.h"
#include "database/SqlDialect.h"
#include "monitor/TrialServices.h"
#include "monitor/UiLogging.h"
#include "transform/TransformerHost.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mysqlsync::ui {

namespace {

// The table's catalogue entry, read again for every request (columns may have changed).
bool loadTable(const QSqlDatabase &db, const QString &name, TableInfo *out, QString *error)
{
    QHash<QString, TableInfo> tables;
    QStringList problems;
    if (!Catalog::load(db, {name}, &tables, &problems)) {
        *error = problems.join(QStringLiteral("; "));
        return false;
    }
    *out = tables.value(name);
    return true;
}

} // namespace

TransformTrialWorker::TransformTrialWorker(const Config &config, std::shared_ptr<const std::atomic<quint64>> latestKeys)
    : m_directory(config.transformerDirectory)
    , m_clientName(config.clientName)
    , m_timeLimitMs(config.transformTimeoutMs)
    // The engine's own way to open a connection (TLS, character set, time zone included),
    // so values are read exactly as the engine reads them.
    , m_db(config.siteDatabase(), QStringLiteral("sync-ui-transform-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_latestKeys(std::move(latestKeys))
{ }

// Runs on the worker thread (deleteLater at the thread's end): the host's QJSEngine and
// the connection go where they were made.
TransformTrialWorker::~TransformTrialWorker() = default;

bool TransformTrialWorker::open(QString *error)
{
    return m_db.isOpen() || m_db.open(error);
}

void TransformTrialWorker::forgetConnection(const QSqlError &error)
{
    if (DbConnection::isConnectionError(error))
        m_db.close(); // reopened by the next request
}

void TransformTrialWorker::listKeys(quint64 generation, const QString &table, int limit)
{
    if (generation < m_latestKeys->load())
        return;
    QString error;
    TableInfo info;
    if (!open(&error) || !loadTable(m_db.db(), table, &info, &error)) {
        Q_EMIT keysListed(generation, table, {}, error);
        return;
    }
    // Identifiers from the catalogue only; the key as the protocol writes it (RowStore's CAST).
    const SqlDialect &dialect = SqlDialect::of(m_db.db());
    const QString key = dialect.quoteIdentifier(info.key().name);
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3 LIMIT %4")
                    .arg(dialect.textCast(key), dialect.quoteIdentifier(info.name), key)
                    .arg(qMax(1, limit)))) {
        error = tr("cannot read the keys of `%1`: %2").arg(table, DbConnection::describe(q.lastError()));
        const QSqlError sqlError = q.lastError();
        q = QSqlQuery();
        forgetConnection(sqlError);
        Q_EMIT keysListed(generation, table, {}, error);
        return;
    }
    QStringList keys;
    while (q.next())
        keys << q.value(0).toString();
    Q_EMIT keysListed(generation, table, keys, QString());
}

void TransformTrialWorker::run(quint64 generation, const TrialRequest &request)
{
    TrialResult result;
    result.request = request;
    result.source = request.incoming ? request.remote : m_clientName;
    result.target = request.incoming ? m_clientName : request.remote;
    auto fail = [&](const QString &message) {
        result.outcome = TrialResult::Outcome::Failed;
        result.error = message;
        Q_EMIT finished(generation, result);
    };
    if (m_directory.isEmpty())
        return fail(tr("no transformer folder is configured (transformerDirectory)"));
    QString error;
    TableInfo info;
    if (!open(&error) || !loadTable(m_db.db(), request.table, &info, &error))
        return fail(error);

    QHash<QString, QJsonObject> rows;
    RowStore store(m_db.name());
    const RowStore::Result read = store.fetch(info, {request.key}, &rows, &error);
    if (read != RowStore::Result::Ok) {
        if (read == RowStore::Result::ConnectionLost)
            m_db.close();
        return fail(error);
    }
    // One key asked for, so at most one row (its key may be spelled differently: 01 -> 1).
    if (rows.isEmpty())
        return fail(tr("`%1` has no row with the key %2").arg(request.table, request.key));
    result.before = rows.cbegin().value();

    if (!m_host) {
        m_database = std::make_unique<TrialDatabase>(m_db.name());
        m_publisher = std::make_unique<TrialPublisher>();
        m_host = std::make_unique<TransformerHost>(m_directory, m_database.get(), m_publisher.get());
        m_host->setTimeLimit(m_timeLimitMs);
    }
    result.file = m_host->filePath(request.table);
    m_database->take();
    m_publisher->take();
    // What the transformer writes through context.database.query is seen by its own later
    // queries, as in the engine, and rolled back afterwards: a try changes nothing
    // (except on tables without transactions, and DDL, which commits by itself).
    QSqlDatabase db = m_db.db();
    const bool inTransaction = db.transaction();
    if (!inTransaction)
        qCWarning(lcUiTransform).noquote() << "cannot start a transaction for a try:" << db.lastError().text();
    QElapsedTimer timer;
    timer.start();
    const TransformResult t = m_host->transform(request.table, QJsonValue(result.before), result.source, result.target);
    result.elapsedMs = timer.elapsed();
    if (inTransaction && !db.rollback())
        qCWarning(lcUiTransform).noquote() << "cannot roll back a try:" << db.lastError().text();
    result.queries = m_database->take();
    result.published = m_publisher->take();
    switch (t.action) {
    case TransformResult::Action::Unchanged:
        result.outcome = TrialResult::Outcome::Unchanged;
        result.after = result.before;
        break;
    case TransformResult::Action::Entity:
        result.outcome = TrialResult::Outcome::Entity;
        result.after = t.entity;
        break;
    case TransformResult::Action::Delete:
        result.outcome = TrialResult::Outcome::Delete;
        break;
    case TransformResult::Action::Drop:
        result.outcome = TrialResult::Outcome::Drop;
        break;
    case TransformResult::Action::Error:
        result.outcome = TrialResult::Outcome::Error;
        result.error = t.error;
        result.line = t.line;
        break;
    }
    qCDebug(lcUiTransform).noquote() << "tried" << result.file << "on" << request.table << request.key << "in"
                                     << result.elapsedMs << "ms";
    Q_EMIT finished(generation, result);
}

} // namespace mysqlsync::ui
