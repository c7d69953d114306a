#pragma once
// The private test servers started by tests/harness/servers.sh (CTest fixture "servers").
#include <QString>

namespace testsupport {

struct Servers {
    QString dir;     // the harness directory (holds env, logs, sockets)
    QString harness; // path of servers.sh ($MYSQL_SYNC_HARNESS)
    int mysqlPortA = 0;
    int mysqlPortB = 0;
    QString socketA;
    QString socketB;
    int mqttPort = 0;
    QString user; // "sync": ALL PRIVILEGES ON *.* WITH GRANT OPTION, over TCP 127.0.0.1
    QString password;
    // The private PostgreSQL server: a login role with CREATEDB (not a superuser), password
    // authentication over TCP 127.0.0.1; it owns a database of its own name.
    int pgPort = 0;
    QString pgSocketDir;
    QString pgUser;
    QString pgPassword;
    bool valid = false;
    QString error; // why not valid

    // Reads $MYSQL_SYNC_SERVERS_DIR/env; harness from $MYSQL_SYNC_HARNESS.
    static Servers fromEnvironment();
    // Reads DIR/env.
    static Servers fromDirectory(const QString &dir, const QString &harness = QString());

    int mysqlPort(char site) const; // 'A' or 'B' (lower case accepted)
    QString mysqlSocket(char site) const;
    // The process id in the harness's pid file `file` ("mysql-a.pid", "mysql-b.pid",
    // "postgres.pid", "mosquitto.pid"), or -1 when it cannot be read.
    qint64 pid(const QString &file) const;

    // Runs `bash <harness> <action> <dir>` and waits for it: "stop-broker", "start-broker",
    // "restart-broker" (same port; the broker forgets everything), "status".
    // True when it exited with 0; otherwise qWarning()s its output.
    bool broker(const QString &action, int timeoutMs = 120000) const { return run(action, timeoutMs); }
    // The same for the PostgreSQL server: "stop-postgres" (fast shutdown, clients cut off),
    // "start-postgres" (same port, same data).
    bool postgres(const QString &action, int timeoutMs = 120000) const { return run(action, timeoutMs); }

private:
    bool run(const QString &action, int timeoutMs) const;
};

} // namespace testsupport
