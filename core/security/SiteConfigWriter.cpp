#include "security/SiteConfigWriter.h"

#include "config/ConfigSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mysqlsync {

QByteArray SiteConfigWriter::json(const SiteConfigOptions &o)
{
    const QString name = o.clientName;
    QJsonObject mqtt{
        {QStringLiteral("protocol"), o.protocol},
        {QStringLiteral("host"), o.brokerHost},
        {QStringLiteral("port"), o.brokerPort},
        {QStringLiteral("username"), name},
        {QStringLiteral("password"),
         QJsonObject{
             {QStringLiteral("file"), o.passwordFile.isEmpty() ? name + QStringLiteral(".password") : o.passwordFile}}},
        {QStringLiteral("ca"), o.ca},
        {QStringLiteral("cert"), o.cert.isEmpty() ? name + QStringLiteral(".crt") : o.cert},
        {QStringLiteral("key"), o.key.isEmpty() ? name + QStringLiteral(".key") : o.key},
        {QStringLiteral("rejectUnauthorized"), true},
    };
    QJsonObject mysql{
        {QStringLiteral("host"), QStringLiteral("localhost")},
        {QStringLiteral("port"), 3306},
        {QStringLiteral("user"), name},
        {QStringLiteral("password"), QJsonObject{{QStringLiteral("env"), databasePasswordVariable()}}},
        {QStringLiteral("database"), name},
    };
    // The starter configuration, with this site's broker, database and remotes.
    QJsonObject root = ConfigSchema::starterDocument(name, name + QStringLiteral("-queue"));
    root.insert(QStringLiteral("mqttConfig"), mqtt);
    root.insert(QStringLiteral("mysqlConfig"), mysql);
    root.insert(QStringLiteral("remoteClients"), QJsonArray::fromStringList(o.remoteClients));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace mysqlsync
