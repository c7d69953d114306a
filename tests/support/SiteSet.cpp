#include "SiteSet.h"

#include <QDebug>
#include <QVariantMap>

#include "WaitUntil.h"

namespace testsupport {

namespace {
QString truncated(const QString &text, int max)
{
    return text.size() <= max ? text
                              : text.left(max) + QStringLiteral("\n... (%1 more characters)").arg(text.size() - max);
}
// A statement of this file for the site's database: backticks become double quotes on PostgreSQL.
QString forSite(const Site &site, const QString &sql)
{
    return site.db->isPostgres() ? QString(sql).replace(QLatin1Char('`'), QLatin1Char('"')) : sql;
}
} // namespace

Site *SiteSet::make(const QString &client, char server, const QString &database, const QStringList &ddl)
{
    Site &site = m_sites.emplace_back();
    site.client = client;
    site.server = server;
    site.db = std::make_unique<SiteDatabase>(m_servers, server, database);
    if (!site.db->isOpen()) {
        qWarning().noquote() << "cannot create database" << database << "on server" << server << ":"
                             << site.db->lastError();
        return nullptr;
    }
    for (const QString &sql : ddl) {
        if (!site.db->exec(sql))
            return nullptr;
    }
    return &site;
}

void SiteSet::configure(Site &site, const QStringList &remotes, const QStringList &syncTables,
                        const QStringList &receiveTables, const QJsonObject &extra)
{
    QJsonObject config = EngineProcess::config(m_servers, site.server, site.db->databaseName(), site.client, remotes,
                                               syncTables, receiveTables);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        config.insert(it.key(), it.value());
    if (site.engine)
        site.engine->setConfig(config);
    else
        site.engine = std::make_unique<EngineProcess>(site.client, config);
}

bool SiteSet::start(Site &site)
{
    site.logOffset = int(site.engine->log().size());
    return site.engine->start();
}

bool SiteSet::waitReady(Site &site, const QStringList &online, int timeoutMs)
{
    EngineProcess &e = *site.engine;
    const int from = site.logOffset;
    const bool ok = waitUntil(
        [&] {
            if (!e.isRunning())
                return false;
            const QByteArray log = e.log();
            if (log.indexOf(" ready (", from) < 0 || log.indexOf("subscribed to", from) < 0)
                return false;
            for (const QString &remote : online) {
                if (log.indexOf((remote + QStringLiteral(" is online")).toUtf8(), from) < 0)
                    return false;
            }
            return true;
        },
        timeoutMs, 100);
    if (!ok)
        qWarning().noquote() << "engine" << site.client << "not ready within" << timeoutMs
                             << "ms (running:" << e.isRunning() << "), log:\n"
                             << QString::fromUtf8(e.log().mid(from).right(8000));
    return ok;
}

bool SiteSet::logged(const Site &site, const QByteArray &text)
{
    return site.engine && site.engine->log().indexOf(text, site.logOffset) >= 0;
}

QSet<QString> SiteSet::statusKeys(Site &site, const QString &table, const QString &remote, const QString &status)
{
    QSet<QString> keys;
    const auto rows =
        site.db->rows(forSite(site,
                              QStringLiteral(
                                  "SELECT primary_key FROM sync_status WHERE `table_name` = ? AND remote = ? "
                                  "AND `status` = ?")),
                      {table, remote, status});
    for (const QVariantMap &r : rows)
        keys.insert(r.value(QStringLiteral("primary_key")).toString());
    return keys;
}

qint64 SiteSet::unsettled(Site &site, const QString &remote)
{
    const QVariant v =
        site.db->scalar(forSite(site,
                                QStringLiteral(
                                    "SELECT COUNT(*) FROM sync_status WHERE remote = ? AND `status` <> 'successful'")),
                        {remote});
    return v.isValid() ? v.toLongLong() : -1;
}

qint64 SiteSet::pendingChanges(Site &site)
{
    return site.db->count(QStringLiteral("table_changes"));
}

bool SiteSet::allSuccessful(Site &site, const QString &table, const QString &remote, const QSet<QString> &expected)
{
    const QVariant others =
        site.db->scalar(forSite(site,
                                QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `table_name` = ? AND remote = ? "
                                               "AND `status` <> 'successful'")),
                        {table, remote});
    if (!others.isValid() || others.toLongLong() != 0)
        return false;
    return statusKeys(site, table, remote, QStringLiteral("successful")) == expected;
}

bool SiteSet::sameDumps(Site &a, Site &b, const QString &table, const QString &orderBy)
{
    const QString da = a.db->dump(table, orderBy);
    return !da.isEmpty() && da == b.db->dump(table, orderBy);
}

void SiteSet::diagnostics(const QString &why, const QStringList &tables) const
{
    QString out = QStringLiteral("==== diagnostics: %1\n").arg(why);
    for (const Site &site : m_sites) {
        if (!site.db || !site.db->isOpen())
            continue;
        out += QStringLiteral("---- site %1 (server %2, database %3), engine %4\n")
                   .arg(site.client, QString(QLatin1Char(site.server)), site.db->databaseName(),
                        site.engine && site.engine->isRunning() ? QStringLiteral("running")
                                                                : QStringLiteral("not running"));
        for (const QString &table : tables)
            out += QStringLiteral("table %1:\n%2").arg(table, truncated(site.db->dump(table), 3000));
        out += QStringLiteral("table_changes:\n%1")
                   .arg(truncated(site.db->dump(QStringLiteral("table_changes"), QStringLiteral("id")), 2000));
        const auto rows =
            site.db->rows(forSite(site,
                                  QStringLiteral("SELECT remote, `table_name`, `status`, COUNT(*) AS n, MAX(message) "
                                                 "AS message FROM sync_status "
                                                 "GROUP BY remote, `table_name`, `status` ORDER BY 1, 2, 3")));
        for (const QVariantMap &r : rows) {
            out +=
                QStringLiteral("  sync_status %1 %2 %3: %4 %5\n")
                    .arg(r.value(QStringLiteral("remote")).toString(), r.value(QStringLiteral("table_name")).toString(),
                         r.value(QStringLiteral("status")).toString(), r.value(QStringLiteral("n")).toString(),
                         r.value(QStringLiteral("message")).toString());
        }
        const auto unsettledRows = site.db->rows(
            forSite(site,
                    QStringLiteral(
                        "SELECT remote, `table_name`, primary_key, `status`, `date`, message FROM sync_status "
                        "WHERE `status` <> 'successful' ORDER BY `date` LIMIT 20")));
        for (const QVariantMap &r : unsettledRows) {
            out +=
                QStringLiteral("  not successful: %1 %2 [%3] %4 %5 %6\n")
                    .arg(r.value(QStringLiteral("remote")).toString(), r.value(QStringLiteral("table_name")).toString(),
                         r.value(QStringLiteral("primary_key")).toString(),
                         r.value(QStringLiteral("status")).toString(), r.value(QStringLiteral("date")).toString(),
                         r.value(QStringLiteral("message")).toString());
        }
        if (site.engine)
            out += QStringLiteral("log tail:\n%1\n").arg(QString::fromUtf8(site.engine->log().right(4000)));
    }
    qWarning().noquote() << out;
}

} // namespace testsupport
