#include "security/SiteConfigWriter.h"

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
         QJsonObject{{QStringLiteral("file"), o.passwordFile.isEmpty() ? name + QStringLiteral(".password") : o.passwordFile}}},
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
    QJsonObject root{
        {QStringLiteral("mqttConfig"), mqtt},
        {QStringLiteral("mysqlConfig"), mysql},
        {QStringLiteral("syncTables"), QJsonArray()},
        {QStringLiteral("receiveTables"), QJsonArray()},
        {QStringLiteral("clientName"), name},
        {QStringLiteral("remoteClients"), QJsonArray::fromStringList(o.remoteClients)},
        {QStringLiteral("queueDirectory"), QString(name + QStringLiteral("-queue"))},
        {QStringLiteral("checkInterval"), 1000},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace mysqlsync
