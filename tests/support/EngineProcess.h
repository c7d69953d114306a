#pragma once
// One mysql-sync daemon ($MYSQL_SYNC_DAEMON) run by a test, with its own JSON config.
#include <QByteArray>
#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "Servers.h"

namespace testsupport {

class EngineProcess : public QObject {
    Q_OBJECT
public:
    // A valid configuration for site 'A' or 'B': mqttConfig {host 127.0.0.1, port, protocol
    // mqtt}, mysqlConfig {host 127.0.0.1, port, user, password, database}, clientName,
    // remoteClients, syncTables, receiveTables, queueDirectory, checkInterval 500,
    // loggingLevel "debug", resendTimeout 3000. Site 'P': postgresConfig {host 127.0.0.1, the
    // harness's PostgreSQL port, role and password, database} in place of mysqlConfig.
    // queueDirectory is a fresh directory under this test process's temporary directory;
    // an EngineProcess replaces it by its own <temp dir>/queue (see below).
    static QJsonObject config(const Servers &servers, char site, const QString &database, const QString &clientName,
                              const QStringList &remotes, const QStringList &syncTables,
                              const QStringList &receiveTables);

    // Writes `config` to <own QTemporaryDir>/config.json. When the config's queueDirectory
    // is missing, empty or one made by config(), it becomes <temp dir>/queue, which stays
    // the same across start/stop/kill9/start and setConfig() of this object. An explicit
    // queueDirectory elsewhere is kept as given.
    EngineProcess(const QString &name, const QJsonObject &config, QObject *parent = nullptr);
    ~EngineProcess() override; // stops the daemon (SIGTERM, then SIGKILL)

    // Starts $MYSQL_SYNC_DAEMON [arguments] <configPath>; true once the process runs. A running
    // daemon is left alone (true).
    bool start();
    // Arguments before the configuration's path (e.g. {"feed"}: a standalone feed server).
    void setArguments(const QStringList &arguments) { m_arguments = arguments; }
    // SIGTERM and wait; true when it exited normally with code 0 (also when it had
    // already exited so). Kills it and returns false after timeoutMs.
    bool stop(int timeoutMs = 15000);
    // SIGKILL and wait.
    void kill9();
    bool isRunning() const;
    // The daemon's process id while it runs, else -1.
    qint64 processId() const;
    // Spins the event loop until the daemon exits on its own; true when it did.
    bool waitForExit(int timeoutMs);
    int exitCode() const;                    // of the last run
    QProcess::ExitStatus exitStatus() const; // of the last run

    // stdout+stderr of every run so far (each run starts with a "==== start" line);
    // also in logPath().
    QByteArray log() const;
    // Spins the event loop until log() contains `text` (searching only output that came
    // after `fromOffset`, a log().size() taken earlier); true when it appeared.
    bool waitForLog(const QByteArray &text, int timeoutMs, int fromOffset = 0);
    void clearLog();

    QString name() const { return m_name; }
    QString configPath() const;
    QString logPath() const;
    QString queueDirectory() const;
    QString tempDir() const { return m_dir.path(); }
    QJsonObject currentConfig() const { return m_config; }
    // Replaces the configuration (queueDirectory handled as in the constructor); used by
    // the next start().
    void setConfig(const QJsonObject &config);

    // $MYSQL_SYNC_DAEMON, or empty.
    static QString daemonPath();

    // The daemon run as a command (verify, --check, load, ...): its exit code (-1 when it did
    // not finish in time or crashed) and its stdout and stderr merged.
    struct CommandRun {
        int exitCode = -1;
        QString output;
    };
    static CommandRun runCommand(const QStringList &args, int timeoutMs = 120000);

private:
    void readOutput();
    void append(const QByteArray &data);
    bool writeConfig();

    QString m_name;
    QTemporaryDir m_dir;
    QJsonObject m_config;
    QProcess *m_process = nullptr;
    QByteArray m_log;
    QFile m_logFile;
    int m_starts = 0;
    QStringList m_arguments;
};

} // namespace testsupport
