#include "SetupBroker.h"

#include "security/BrokerSetup.h"
#include "security/SiteConfigWriter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

using namespace mysqlsync;

namespace {

QStringList splitList(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values) {
        for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    }
    out.removeAll(QString());
    return out;
}

} // namespace

int runSetupBroker(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "mysql-sync setup-broker: creates everything a secure Mosquitto 2.0 broker and its sites need.\n"
        "\n"
        "Writes into DIR (keys and passwords readable only by you):\n"
        "  ca.crt ca.key            the certificate authority (keep ca.key offline)\n"
        "  server.crt server.key    the broker's certificate, valid for every --broker-host\n"
        "  passwordfile acl         one random password per site ($7$ PBKDF2-SHA512); per-site topic rights\n"
        "  mosquitto.conf           a TLS listener on --port requiring a client certificate and a password\n"
        "  clients/NAME.crt .key .password .json   per site: certificate (CN = NAME), key, password and\n"
        "                           a ready configuration (mqtts to the first --broker-host).\n"
        "\n"
        "Each NAME.json reads the broker password from NAME.password and ca.crt from the folder above;\n"
        "copy ca.crt and the site's four files to the site together, keeping that layout or editing the\n"
        "paths. Its mysqlConfig assumes host localhost, port 3306, database and user NAME, and reads the\n"
        "database password from the environment variable MYSQL_SYNC_DB_PASSWORD: complete it, and add the\n"
        "site's syncTables and receiveTables.\n"
        "Start the broker with: mosquitto -c DIR/mosquitto.conf"));
    parser.addHelpOption();
    QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("The folder to write (created if missing)."),
                              QStringLiteral("DIR"));
    QCommandLineOption
        hostsOpt(QStringLiteral("broker-host"),
                 QStringLiteral("The broker's host names and/or IP addresses, comma separated (all go into the server "
                                "certificate; the first is what the sites connect to)."),
                 QStringLiteral("HOST[,HOST…]"));
    QCommandLineOption clientsOpt(QStringLiteral("clients"), QStringLiteral("The site names, comma separated."),
                                  QStringLiteral("NAME[,NAME…]"));
    QCommandLineOption
        daysOpt(QStringLiteral("days"),
                QStringLiteral("Validity of the server and client certificates in days (default 825; the CA gets at "
                               "least 3650)."),
                QStringLiteral("N"), QStringLiteral("825"));
    QCommandLineOption portOpt(QStringLiteral("port"), QStringLiteral("The broker's TLS port (default 8883)."),
                               QStringLiteral("P"), QStringLiteral("8883"));
    QCommandLineOption wsOpt(QStringLiteral("websockets-port"),
                             QStringLiteral(
                                 "Also a websockets-over-TLS listener (wss) on this port, same certificates."),
                             QStringLiteral("P"));
    QCommandLineOption bindOpt(QStringLiteral("bind"),
                               QStringLiteral("Listen on this address only (default: every interface)."),
                               QStringLiteral("ADDRESS"));
    QCommandLineOption forceOpt(QStringLiteral("force"), QStringLiteral("Overwrite existing files."));
    parser.addOptions({outOpt, hostsOpt, clientsOpt, daysOpt, portOpt, wsOpt, bindOpt, forceOpt});

    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // "setup-broker"
    if (!parser.parse(args)) {
        err << "mysql-sync setup-broker: " << parser.errorText() << " (see setup-broker --help)\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText().replace(QStringLiteral("Usage: ") + QFileInfo(arguments.value(0)).fileName(),
                                         QStringLiteral("Usage: mysql-sync setup-broker"));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "mysql-sync setup-broker: unexpected argument \"" << parser.positionalArguments().first() << "\"\n";
        return 2;
    }
    for (const QCommandLineOption &required : {outOpt, hostsOpt, clientsOpt}) {
        if (!parser.isSet(required)) {
            err << "mysql-sync setup-broker: --" << required.names().first()
                << " is required (see setup-broker --help)\n";
            return 2;
        }
    }
    BrokerSetupOptions options;
    options.outDir = parser.value(outOpt);
    options.brokerHosts = splitList(parser.values(hostsOpt));
    options.clients = splitList(parser.values(clientsOpt));
    bool ok = true;
    options.days = parser.value(daysOpt).toInt(&ok);
    if (!ok) {
        err << "mysql-sync setup-broker: --days: expected a number of days, got \"" << parser.value(daysOpt) << "\"\n";
        return 2;
    }
    options.port = parser.value(portOpt).toInt(&ok);
    if (!ok) {
        err << "mysql-sync setup-broker: --port: expected a port number, got \"" << parser.value(portOpt) << "\"\n";
        return 2;
    }
    if (parser.isSet(wsOpt)) {
        options.websocketsPort = parser.value(wsOpt).toInt(&ok);
        if (!ok || options.websocketsPort < 1) {
            err << "mysql-sync setup-broker: --websockets-port: expected a port number, got \"" << parser.value(wsOpt)
                << "\"\n";
            return 2;
        }
    }
    options.bindAddress = parser.value(bindOpt);
    options.force = parser.isSet(forceOpt);

    BrokerSetupResult result;
    QString error;
    if (!BrokerSetup::run(options, &result, &error)) {
        err << "mysql-sync setup-broker: " << error << "\n";
        return 1;
    }
    for (const QString &file : result.files)
        out << "wrote " << QDir::toNativeSeparators(file) << "\n";
    out << "start the broker with: mosquitto -c "
        << QDir(options.outDir).absoluteFilePath(QStringLiteral("mosquitto.conf")) << "\n";
    out << "each site's clients/NAME.json needs its database settings (and "
        << SiteConfigWriter::databasePasswordVariable() << " in its environment) and its syncTables/receiveTables\n";
    return 0;
}
