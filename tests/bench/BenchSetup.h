#pragma once
// What both benchmark programs check before they start: the daemon they run and the private
// servers that tests/harness/servers.sh started. On a problem it says so on stderr, naming
// the program, and returns false.
#include "Servers.h"

#include <QFileInfo>
#include <QTextStream>

// `harness`: the servers.sh that started them.
inline bool prepareBench(const char *program, const QString &daemon, const QString &serversDir, const QString &harness,
                         testsupport::Servers *servers)
{
    QTextStream err(stderr);
    if (!QFileInfo(daemon).isExecutable()) {
        err << program << ": the daemon is not an executable: " << daemon << "\n";
        return false;
    }
    *servers = testsupport::Servers::fromDirectory(serversDir, harness);
    if (!servers->valid) {
        err << program << ": " << servers->error << "\n";
        return false;
    }
    qputenv("MYSQL_SYNC_DAEMON", daemon.toLocal8Bit());
    return true;
}
