#include "security/BrokerSetup.h"

#include "common/ClientName.h"
#include "security/CertificateIssuer.h"
#include "security/MosquittoFiles.h"
#include "security/MosquittoPassword.h"
#include "security/RandomSecret.h"
#include "security/SecureFile.h"
#include "security/SiteConfigWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

namespace mysqlsync {

namespace {

bool validHost(const QString &host)
{
    if (QHostAddress().setAddress(host))
        return true;
    static const QRegularExpression dns(QStringLiteral(
        "^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return host.size() <= 253 && dns.match(host).hasMatch();
}

} // namespace

bool BrokerSetup::validate(const BrokerSetupOptions &o, QString *error)
{
    if (o.outDir.isEmpty()) {
        *error = QStringLiteral("--out: a folder is required");
        return false;
    }
    if (o.brokerHosts.isEmpty()) {
        *error = QStringLiteral("--broker-host: at least one host name or address is required");
        return false;
    }
    for (const QString &h : o.brokerHosts) {
        if (!validHost(h)) {
            *error = QStringLiteral("--broker-host: \"%1\" is not a host name or IP address").arg(h);
            return false;
        }
    }
    if (o.clients.isEmpty()) {
        *error = QStringLiteral("--clients: at least one client name is required");
        return false;
    }
    for (const QString &c : o.clients) {
        if (!isValidClientName(c)) {
            *error =
                QStringLiteral("--clients: \"%1\" is not a client name (2 to 32 characters of A-Z, a-z, 0-9, _ and -)")
                    .arg(c);
            return false;
        }
        if (o.clients.count(c) > 1) {
            *error = QStringLiteral("--clients: \"%1\" is given twice").arg(c);
            return false;
        }
    }
    if (o.days < 1 || o.days > 36500) {
        *error = QStringLiteral("--days: expected 1 to 36500, got %1").arg(o.days);
        return false;
    }
    if (o.port < 1 || o.port > 65535 || o.websocketsPort < 0 || o.websocketsPort > 65535
        || (o.websocketsPort && o.websocketsPort == o.port)) {
        *error = QStringLiteral("--port: expected a port from 1 to 65535 (and a different websockets port)");
        return false;
    }
    if (!o.bindAddress.isEmpty() && !QHostAddress().setAddress(o.bindAddress)) {
        *error = QStringLiteral("--bind: \"%1\" is not an IP address").arg(o.bindAddress);
        return false;
    }
    return true;
}

bool BrokerSetup::run(const BrokerSetupOptions &o, BrokerSetupResult *result, QString *error)
{
    if (!validate(o, error))
        return false;
    const QDir dir(QFileInfo(o.outDir).absoluteFilePath());
    const QString clientsDir = dir.filePath(QStringLiteral("clients"));
    if (!QDir().mkpath(clientsDir)) {
        *error = QStringLiteral("cannot create the folder %1").arg(clientsDir);
        return false;
    }
    auto path = [&](const QString &name) { return QDir::cleanPath(dir.filePath(name)); };
    auto clientPath = [&](const QString &client, const char *ext) {
        return QDir::cleanPath(clientsDir + QLatin1Char('/') + client + QLatin1Char('.') + QLatin1String(ext));
    };

    // Refuse before writing anything, so a refused run leaves no half-made set behind.
    QStringList targets{path(QStringLiteral("ca.crt")),
                        path(QStringLiteral("ca.key")),
                        path(QStringLiteral("server.crt")),
                        path(QStringLiteral("server.key")),
                        path(QStringLiteral("mosquitto.conf")),
                        path(QStringLiteral("passwordfile")),
                        path(QStringLiteral("acl"))};
    for (const QString &c : o.clients)
        targets << clientPath(c, "crt") << clientPath(c, "key") << clientPath(c, "password") << clientPath(c, "json");
    if (!o.force) {
        for (const QString &t : targets) {
            if (QFileInfo::exists(t)) {
                *error = QStringLiteral("%1 already exists; nothing was written (use --force to overwrite)").arg(t);
                return false;
            }
        }
    }

    Validity validity;
    validity.days = o.days;
    Validity caValidity;
    caValidity.days = std::max(o.days, 3650);
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("mysql-sync CA"), caValidity, error);
    if (ca.isNull())
        return false;
    const PemPair server = CertificateIssuer::issueServer(ca, o.brokerHosts, validity, error);
    if (server.isNull())
        return false;

    BrokerSetupResult out;
    auto write = [&](const QString &file, const QByteArray &data, unsigned mode) {
        if (!SecureFile::write(file, data, mode, o.force, error))
            return false;
        out.files << file;
        return true;
    };
    if (!write(path(QStringLiteral("ca.crt")), ca.certificate, 0644)
        || !write(path(QStringLiteral("ca.key")), ca.key, 0600)
        || !write(path(QStringLiteral("server.crt")), server.certificate, 0644)
        || !write(path(QStringLiteral("server.key")), server.key, 0600))
        return false;

    QString passwordFile;
    for (const QString &client : o.clients) {
        const PemPair cert = CertificateIssuer::issueClient(ca, client, validity, error);
        if (cert.isNull())
            return false;
        const QString password = RandomSecret::password(32);
        const QString entry = MosquittoPassword::entry(client, password);
        if (password.isEmpty() || entry.isEmpty()) {
            *error = QStringLiteral("the random number generator failed");
            return false;
        }
        passwordFile += entry + QLatin1Char('\n');
        out.passwords << password;
        SiteConfigOptions site;
        site.clientName = client;
        site.remoteClients = o.clients;
        site.remoteClients.removeAll(client);
        site.brokerHost = o.brokerHosts.first();
        site.brokerPort = o.port;
        if (!write(clientPath(client, "crt"), cert.certificate, 0644)
            || !write(clientPath(client, "key"), cert.key, 0600)
            || !write(clientPath(client, "password"), password.toUtf8() + '\n', 0600)
            || !write(clientPath(client, "json"), SiteConfigWriter::json(site), 0644))
            return false;
    }

    MosquittoConfOptions conf;
    conf.listeners = {MosquittoListener{o.port, o.bindAddress, false}};
    if (o.websocketsPort > 0)
        conf.listeners << MosquittoListener{o.websocketsPort, o.bindAddress, true};
    conf.caFile = path(QStringLiteral("ca.crt"));
    conf.certFile = path(QStringLiteral("server.crt"));
    conf.keyFile = path(QStringLiteral("server.key"));
    conf.passwordFile = path(QStringLiteral("passwordfile"));
    conf.aclFile = path(QStringLiteral("acl"));
    // The password file holds hashes only, but Mosquitto warns about (and future versions
    // refuse) world-readable password and ACL files.
    if (!write(path(QStringLiteral("passwordfile")), passwordFile.toUtf8(), 0600)
        || !write(path(QStringLiteral("acl")), MosquittoAcl::text(o.clients).toUtf8(), 0600)
        || !write(path(QStringLiteral("mosquitto.conf")), MosquittoConf::text(conf).toUtf8(), 0644))
        return false;
    if (result)
        *result = out;
    return true;
}

} // namespace mysqlsync
