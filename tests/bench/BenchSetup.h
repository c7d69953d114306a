#pragma once
// What both benchmark programs share before they start: the command line's common options
// (--servers DIR, --daemon PATH, --phases LIST, --log-level LEVEL), and the check of the
// daemon they run and of the private servers that tests/harness/servers.sh started. On a
// problem it says so on stderr, naming the program.
#include "Servers.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
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

// A benchmark's command line: the common options are added here, the program adds its own to
// parser() before process(), then reads the common values with readCommon() and its own from
// parser().
class BenchCommandLine {
public:
    // `defaultDaemon`: the mysql-sync built with the benchmark; `phasesHelp` and
    // `defaultPhases`: the program's phases (comma separated).
    BenchCommandLine(const QString &description, const QString &daemonHelp, const QString &defaultDaemon,
                     const QString &phasesHelp, const QString &defaultPhases)
        : m_servers(QStringLiteral("servers"), QStringLiteral("Directory of tests/harness/servers.sh start DIR."),
                    QStringLiteral("dir"))
        , m_daemon(QStringLiteral("daemon"), daemonHelp, QStringLiteral("path"), defaultDaemon)
        , m_phases(QStringLiteral("phases"), phasesHelp, QStringLiteral("list"), defaultPhases)
        , m_logLevel(QStringLiteral("log-level"), QStringLiteral("The engines' loggingLevel (warn)."),
                     QStringLiteral("level"), QStringLiteral("warn"))
    {
        m_parser.setApplicationDescription(description);
        m_parser.addHelpOption();
        m_parser.addOptions({m_servers, m_daemon, m_phases, m_logLevel});
    }

    QCommandLineParser &parser() { return m_parser; }
    // Parses the command line (--help and errors exit here, as QCommandLineParser::process).
    void process(const QCoreApplication &app) { m_parser.process(app); }

    // serversDir, daemon (made absolute), phases and logLevel of `options` (bench::Options or
    // guibench::Options) from the command line.
    template <typename Options> void readCommon(Options *options) const
    {
        options->serversDir = m_parser.value(m_servers);
        options->daemon = QFileInfo(m_parser.value(m_daemon)).absoluteFilePath();
        options->phases = m_parser.value(m_phases).split(QLatin1Char(','), Qt::SkipEmptyParts);
        options->logLevel = m_parser.value(m_logLevel);
    }

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_servers;
    QCommandLineOption m_daemon;
    QCommandLineOption m_phases;
    QCommandLineOption m_logLevel;
};
