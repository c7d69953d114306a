#include "LoadCommand.h"
#include "SiteCommand.h"

#include "config/Config.h"
#include "database/DbConnection.h"
#include "database/LoadStore.h"

#include <QDateTime>
#include <QTextStream>

using namespace mysqlsync;

int runLoadCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList rest = arguments.mid(2);
    const char usage[] = "usage: mysql-sync load CONFIG TABLE REMOTE|--all\n"
                         "       mysql-sync load CONFIG --status\n";
    const bool status = rest.size() == 2 && rest.at(1) == QLatin1String("--status");
    if (rest.contains(QStringLiteral("--help"))) {
        out << usage;
        return 0;
    }
    if (!status && rest.size() != 3) {
        err << usage;
        return 2;
    }
    Config config;
    std::unique_ptr<DbConnection> site;
    if (!openSite(rest.first(), QStringLiteral("mysql-sync-load"), &config, &site, err))
        return 1;
    DbConnection &db = *site;
    QString error;
    if (status) {
        QList<LoadState> states;
        if (!LoadStore::readAll(db.db(), &states, &error)) {
            err << "mysql-sync: " << error << "\n";
            return 1;
        }
        for (const LoadState &s : std::as_const(states)) {
            out << s.table << "\t" << s.remote << "\t" << (s.done ? "done" : "loading") << "\t" << s.rows << " row(s)";
            if (s.finishedAt > 0)
                out << "\tfinished " << QDateTime::fromMSecsSinceEpoch(s.finishedAt).toUTC().toString(Qt::ISODate);
            else if (!s.lastKey.isNull())
                out << "\tup to key " << s.lastKey;
            out << "\n";
        }
        return 0;
    }
    const QString table = rest.at(1);
    if (!config.syncTables.contains(table)) {
        err << "mysql-sync: load: " << table << " is not one of the syncTables of " << rest.first() << "\n";
        return 2;
    }
    const QStringList remotes = rest.at(2) == QLatin1String("--all") ? config.remoteClients : QStringList{rest.at(2)};
    for (const QString &remote : remotes) {
        if (!config.remoteClients.contains(remote)) {
            err << "mysql-sync: load: " << remote << " is not one of the remoteClients of " << rest.first() << "\n";
            return 2;
        }
        if (!LoadStore::restart(db.db(), table, remote, &error)) {
            err << "mysql-sync: " << error << "\n";
            return 1;
        }
        out << table << " will be loaded into " << remote << " again (the engine starts within seconds)\n";
    }
    return 0;
}
