#pragma once
// The sites of one integration test: each a database on one of the harness's MariaDB servers
// and a mysql-sync daemon for it, with the checks most tests make (engine ready, sync_status
// settled, tables equal) and a diagnostic dump of every site for a failed wait.
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <list>
#include <memory>

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"

namespace testsupport {

struct Site {
    QString client;
    char server = 'A';
    std::unique_ptr<SiteDatabase> db;
    std::unique_ptr<EngineProcess> engine;
    int logOffset = 0; // where the current run's output starts in engine->log()
};

class SiteSet {
public:
    explicit SiteSet(const Servers &servers)
        : m_servers(servers)
    { }

    // A new site: database `database` (re)created on server 'A' or 'B', `ddl` run in it.
    // nullptr (with a qWarning) when that failed.
    Site *make(const QString &client, char server, const QString &database, const QStringList &ddl = {});
    // Its engine's configuration (EngineProcess::config), with `extra` keys set on top.
    void configure(Site &site, const QStringList &remotes, const QStringList &syncTables,
                   const QStringList &receiveTables, const QJsonObject &extra = {});
    bool start(Site &site);
    // Until the engine's database is ready, it subscribed, and every remote of `online` is online.
    bool waitReady(Site &site, const QStringList &online, int timeoutMs = 30000);
    // Whether `text` appeared in the site's log since its last start.
    static bool logged(const Site &site, const QByteArray &text);

    static QSet<QString> statusKeys(Site &site, const QString &table, const QString &remote, const QString &status);
    // sync_status rows of `remote` that are not 'successful'; -1 on failure.
    static qint64 unsettled(Site &site, const QString &remote);
    static qint64 pendingChanges(Site &site); // rows in table_changes
    // Every key of `expected` is 'successful' for `remote`, nothing else of the table is there.
    static bool allSuccessful(Site &site, const QString &table, const QString &remote, const QSet<QString> &expected);
    static bool sameDumps(Site &a, Site &b, const QString &table, const QString &orderBy = QStringLiteral("1"));

    // Every site's tables of `tables`, table_changes, and sync_status summary, as one warning.
    void diagnostics(const QString &why, const QStringList &tables) const;
    const Servers &servers() const { return m_servers; }

private:
    const Servers &m_servers;
    std::list<Site> m_sites;
};

} // namespace testsupport

// Declares `Site &var`, a new site of `sites` (SiteSet::make), and fails the test when it
// cannot be made.
#define SITES_MAKE(sites, var, client, server, database, ddl)                                                          \
    testsupport::Site *var##Site_ = (sites).make((client), (server), (database), (ddl));                               \
    QVERIFY2(var##Site_ != nullptr, "cannot make the site's database");                                                \
    testsupport::Site &var = *var##Site_

// Waits for `cond` (spinning the event loop); on time-out dumps `sites` (a SiteSet) with
// `tables` and fails the test.
#define SITES_WAIT(sites, tables, cond, timeoutMs)                                                                     \
    do {                                                                                                               \
        if (!testsupport::waitUntil([&]() -> bool { return bool(cond); }, (timeoutMs), 100)) {                         \
            const QString why_ =                                                                                       \
                QStringLiteral("timed out after %1 ms waiting for: %2").arg(timeoutMs).arg(QString::fromUtf8(#cond));  \
            (sites).diagnostics(why_, (tables));                                                                       \
            QFAIL(qPrintable(why_));                                                                                   \
        }                                                                                                              \
    } while (false)
