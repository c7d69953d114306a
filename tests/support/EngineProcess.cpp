#include "EngineProcess.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "WaitUntil.h"

namespace testsupport {

namespace {
QAtomicInt g_queueCounter;

// Queue directories made by config() live here, for the whole test process.
QTemporaryDir &processTempDir()
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/mysql-sync-test-XXXXXX"));
    return dir;
}

bool isAutoQueueDirectory(const QString &path)
{
    if (path.isEmpty())
        return true;
    const QString root = processTempDir().path();
    return path.startsWith(root + QStringLiteral("/auto-queue-"));
}
} // namespace

QJsonObject EngineProcess::config(const Servers &servers, char site, const QString &database, const QString &clientName,
                                  const QStringList &remotes, const QStringList &syncTables,
                                  const QStringList &receiveTables)
{
    QJsonObject mqtt;
    mqtt.insert(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    mqtt.insert(QStringLiteral("port"), servers.mqttPort);
    mqtt.insert(QStringLiteral("protocol"), QStringLiteral("mqtt"));

    QJsonObject mysql;
    mysql.insert(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    mysql.insert(QStringLiteral("port"), servers.mysqlPort(site));
    mysql.insert(QStringLiteral("user"), servers.user);
    mysql.insert(QStringLiteral("password"), servers.password);
    mysql.insert(QStringLiteral("database"), database);

    const QString queue = QStringLiteral("%1/auto-queue-%2-%3")
                              .arg(processTempDir().path(), clientName)
                              .arg(g_queueCounter.fetchAndAddRelaxed(1));
    QDir().mkpath(queue);

    QJsonObject c;
    c.insert(QStringLiteral("mqttConfig"), mqtt);
    if (site == 'P' || site == 'p') { // the harness's PostgreSQL server (schema public)
        QJsonObject pg;
        pg.insert(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        pg.insert(QStringLiteral("port"), servers.pgPort);
        pg.insert(QStringLiteral("user"), servers.pgUser);
        pg.insert(QStringLiteral("password"), servers.pgPassword);
        pg.insert(QStringLiteral("database"), database);
        c.insert(QStringLiteral("postgresConfig"), pg);
    } else {
        c.insert(QStringLiteral("mysqlConfig"), mysql);
    }
    c.insert(QStringLiteral("clientName"), clientName);
    c.insert(QStringLiteral("remoteClients"), QJsonArray::fromStringList(remotes));
    c.insert(QStringLiteral("syncTables"), QJsonArray::fromStringList(syncTables));
    c.insert(QStringLiteral("receiveTables"), QJsonArray::fromStringList(receiveTables));
    c.insert(QStringLiteral("queueDirectory"), queue);
    c.insert(QStringLiteral("checkInterval"), 500);
    c.insert(QStringLiteral("loggingLevel"), QStringLiteral("debug"));
    c.insert(QStringLiteral("resendTimeout"), 3000);
    return c;
}

EngineProcess::CommandRun EngineProcess::runCommand(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(daemonPath(), args);
    CommandRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.output = QString::fromUtf8(p.readAll()) + QStringLiteral("\n(did not finish within %1 ms)").arg(timeoutMs);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

QString EngineProcess::daemonPath()
{
    return qEnvironmentVariable("MYSQL_SYNC_DAEMON");
}

EngineProcess::EngineProcess(const QString &name, const QJsonObject &config, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_dir(QDir::tempPath() + QStringLiteral("/mysql-sync-engine-") + name + QStringLiteral("-XXXXXX"))
{
    if (!m_dir.isValid())
        qWarning().noquote() << "EngineProcess" << name
                             << ": cannot create a temporary directory:" << m_dir.errorString();
    QDir().mkpath(queueDirectory());
    m_logFile.setFileName(logPath());
    if (!m_logFile.open(QIODevice::WriteOnly | QIODevice::Append))
        qWarning().noquote() << "EngineProcess" << name << ": cannot write" << logPath();
    setConfig(config);

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_dir.path());
    connect(m_process, &QProcess::readyRead, this, &EngineProcess::readOutput);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readOutput();
        append(
            QStringLiteral("==== %1 %2 exited: %3 %4\n")
                .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs), m_name,
                     status == QProcess::NormalExit ? QStringLiteral("code") : QStringLiteral("crashed/killed, code"))
                .arg(code)
                .toUtf8());
    });
}

EngineProcess::~EngineProcess()
{
    if (isRunning() && !stop(5000) && isRunning())
        kill9();
    if (QTest::currentTestFailed()) {
        // The daemon's output is the first thing one wants after a failure.
        const QByteArray tail = m_log.right(30000);
        qWarning().noquote() << "==== log of engine" << m_name << "(last" << tail.size() << "bytes) ====\n"
                             << QString::fromUtf8(tail);
    }
    if (m_process) {
        m_process->disconnect(this);
        delete m_process;
        m_process = nullptr;
    }
}

void EngineProcess::setConfig(const QJsonObject &config)
{
    m_config = config;
    const QString queue = m_config.value(QStringLiteral("queueDirectory")).toString();
    if (isAutoQueueDirectory(queue))
        m_config.insert(QStringLiteral("queueDirectory"), queueDirectory());
    writeConfig();
}

bool EngineProcess::writeConfig()
{
    QFile f(configPath());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        qWarning().noquote() << "EngineProcess" << m_name << ": cannot write" << configPath() << f.errorString();
        return false;
    }
    f.write(QJsonDocument(m_config).toJson(QJsonDocument::Indented));
    return true;
}

QString EngineProcess::configPath() const
{
    return m_dir.filePath(QStringLiteral("config.json"));
}
QString EngineProcess::logPath() const
{
    return m_dir.filePath(m_name + QStringLiteral(".log"));
}
QString EngineProcess::queueDirectory() const
{
    return m_dir.filePath(QStringLiteral("queue"));
}

bool EngineProcess::start()
{
    if (isRunning())
        return true;
    const QString program = daemonPath();
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        qWarning().noquote() << "EngineProcess" << m_name << ": MYSQL_SYNC_DAEMON is not an executable:" << program;
        return false;
    }
    if (!writeConfig())
        return false;
    ++m_starts;
    append(QStringLiteral("==== %1 start #%2 of %3: %4 %5\n")
               .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs))
               .arg(m_starts)
               .arg(m_name, program, configPath())
               .toUtf8());
    m_process->start(program, m_arguments + QStringList{configPath()});
    if (!m_process->waitForStarted(15000)) {
        qWarning().noquote() << "EngineProcess" << m_name << ": cannot start" << program << ":"
                             << m_process->errorString();
        append("==== failed to start: " + m_process->errorString().toUtf8() + '\n');
        return false;
    }
    return true;
}

bool EngineProcess::stop(int timeoutMs)
{
    if (isRunning()) {
        m_process->terminate(); // SIGTERM
        if (!m_process->waitForFinished(timeoutMs)) {
            qWarning().noquote() << "EngineProcess" << m_name << ": no exit" << timeoutMs
                                 << "ms after SIGTERM, killing it";
            append("==== no exit after SIGTERM, sending SIGKILL\n");
            kill9();
            return false;
        }
    }
    if (m_starts == 0)
        return true;
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void EngineProcess::kill9()
{
    if (!isRunning())
        return;
    m_process->kill(); // SIGKILL
    m_process->waitForFinished(10000);
}

bool EngineProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 EngineProcess::processId() const
{
    return isRunning() && m_process->processId() > 0 ? m_process->processId() : -1;
}

bool EngineProcess::waitForExit(int timeoutMs)
{
    return waitUntil([this] { return !isRunning(); }, timeoutMs);
}

int EngineProcess::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

QProcess::ExitStatus EngineProcess::exitStatus() const
{
    return m_process ? m_process->exitStatus() : QProcess::NormalExit;
}

void EngineProcess::readOutput()
{
    if (!m_process)
        return;
    const QByteArray data = m_process->readAll();
    if (!data.isEmpty())
        append(data);
}

void EngineProcess::append(const QByteArray &data)
{
    m_log += data;
    if (m_logFile.isOpen()) {
        m_logFile.write(data);
        m_logFile.flush();
    }
}

QByteArray EngineProcess::log() const
{
    // Pull in what the pipe holds now, even when no event loop ran since.
    if (isRunning()) {
        m_process->waitForReadyRead(0); // emits readyRead synchronously -> readOutput()
        const_cast<EngineProcess *>(this)->readOutput();
    }
    return m_log;
}

bool EngineProcess::waitForLog(const QByteArray &text, int timeoutMs, int fromOffset)
{
    return waitUntil([&] { return log().indexOf(text, fromOffset) >= 0; }, timeoutMs);
}

void EngineProcess::clearLog()
{
    log();
    m_log.clear();
}

} // namespace testsupport
