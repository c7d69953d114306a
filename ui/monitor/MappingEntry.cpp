#include "monitor/MappingEntry.h"

#include "config/Config.h"
#include "config/ConfigSchema.h"
#include "database/MappingCheck.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mysqlsync::ui::mappingentry {

namespace {

// A valid configuration around `lists`: only the table lists and filters can be wrong.
QByteArray frame(const QJsonObject &lists)
{
    QJsonObject doc = ConfigSchema::starterDocument(QStringLiteral("mapping_check"), QStringLiteral("queue"));
    doc.insert(QStringLiteral("mysqlConfig"), QJsonObject{{QStringLiteral("database"), QStringLiteral("check")}});
    for (auto it = lists.constBegin(); it != lists.constEnd(); ++it)
        doc.insert(it.key(), it.value());
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

bool read(const char *key, const QJsonValue &entry, Config *config, QString *error)
{
    const QJsonObject lists{{QLatin1String(key), QJsonArray{entry}}};
    return ConfigLoader::parse(frame(lists), QStringLiteral("(entry)"), config, error);
}

} // namespace

QString tableOf(const QJsonValue &entry)
{
    return entry.isObject() ? entry.toObject().value(QStringLiteral("table")).toString() : entry.toString();
}

bool readSend(const QJsonValue &entry, SendMapping *out, QString *error)
{
    Config config;
    if (!read("syncTables", entry, &config, error))
        return false;
    const QString table = config.syncTables.value(0);
    *out = config.sendMappings.value(table);
    out->table = table;
    if (out->as.isEmpty())
        out->as = table;
    return true;
}

bool readReceive(const QJsonValue &entry, ReceiveMapping *out, QString *error)
{
    Config config;
    if (!read("receiveTables", entry, &config, error))
        return false;
    const QString table = config.receiveTables.value(0);
    *out = config.receiveMappings.value(table);
    out->table = table;
    if (out->from.isEmpty())
        out->from = table;
    return true;
}

QString check(const QJsonObject &lists, const TableCatalog &catalog, const QString &filePath)
{
    Config config;
    QString error;
    const QString path = filePath.isEmpty() ? QStringLiteral("(configuration)") : filePath;
    if (!ConfigLoader::parse(frame(lists), path, &config, &error))
        return error;
    config.filePath = path;
    return MappingCheck::problems(config, catalog).value(0);
}

} // namespace mysqlsync::ui::mappingentry
