#include "Servers.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>

namespace testsupport {

Servers Servers::fromEnvironment()
{
    const QString dir = qEnvironmentVariable("MYSQL_SYNC_SERVERS_DIR");
    const QString harness = qEnvironmentVariable("MYSQL_SYNC_HARNESS");
    if (dir.isEmpty()) {
        Servers s;
        s.harness = harness;
        s.error = QStringLiteral("MYSQL_SYNC_SERVERS_DIR is not set (run the test through ctest, "
                                 "or start tests/harness/servers.sh start DIR and export it)");
        return s;
    }
    return fromDirectory(dir, harness);
}

Servers Servers::fromDirectory(const QString &dirPath, const QString &harness)
{
    Servers s;
    s.dir = QDir(dirPath).absolutePath();
    s.harness = harness;
    QFile file(s.dir + QStringLiteral("/env"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        s.error = QStringLiteral("cannot read %1: %2 (did the servers_start fixture run?)")
                      .arg(file.fileName(), file.errorString());
        return s;
    }
    QHash<QString, QString> env;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const int eq = line.indexOf(QLatin1Char('='));
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || eq <= 0)
            continue;
        env.insert(line.left(eq), line.mid(eq + 1));
    }
    const auto port = [&](const char *key) { return env.value(QLatin1String(key)).toInt(); };
    s.mysqlPortA = port("MYSQL_A_PORT");
    s.mysqlPortB = port("MYSQL_B_PORT");
    s.mqttPort = port("MQTT_PORT");
    s.socketA = env.value(QStringLiteral("MYSQL_A_SOCKET"));
    s.socketB = env.value(QStringLiteral("MYSQL_B_SOCKET"));
    s.user = env.value(QStringLiteral("MYSQL_USER"));
    s.password = env.value(QStringLiteral("MYSQL_PASSWORD"));
    s.pgPort = port("PG_PORT");
    s.pgSocketDir = env.value(QStringLiteral("PG_SOCKET_DIR"));
    s.pgUser = env.value(QStringLiteral("PG_USER"));
    s.pgPassword = env.value(QStringLiteral("PG_PASSWORD"));
    if (s.mysqlPortA <= 0 || s.mysqlPortB <= 0 || s.mqttPort <= 0 || s.user.isEmpty() || s.pgPort <= 0
        || s.pgUser.isEmpty()) {
        s.error = QStringLiteral("%1 lacks MYSQL_A_PORT, MYSQL_B_PORT, MQTT_PORT, MYSQL_USER, PG_PORT or PG_USER")
                      .arg(file.fileName());
        return s;
    }
    s.valid = true;
    return s;
}

int Servers::mysqlPort(char site) const
{
    return (site == 'B' || site == 'b') ? mysqlPortB : mysqlPortA;
}

QString Servers::mysqlSocket(char site) const
{
    return (site == 'B' || site == 'b') ? socketB : socketA;
}

qint64 Servers::pid(const QString &file) const
{
    QFile f(QDir(dir).filePath(file));
    bool ok = false;
    const qint64 id = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong(&ok) : -1;
    return ok && id > 0 ? id : -1;
}

bool Servers::run(const QString &action, int timeoutMs) const
{
    if (harness.isEmpty() || !QFileInfo::exists(harness)) {
        qWarning().noquote() << "Servers: MYSQL_SYNC_HARNESS is not set or missing:" << harness;
        return false;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("bash"), {harness, action, dir});
    if (!p.waitForStarted(10000)) {
        qWarning().noquote() << "Servers: cannot run bash:" << p.errorString();
        return false;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        qWarning().noquote() << "Servers:" << action << "timed out:" << p.readAll();
        return false;
    }
    const QByteArray out = p.readAll();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "Servers:" << action << "failed with" << p.exitCode() << ":" << out;
        return false;
    }
    return true;
}

} // namespace testsupport
