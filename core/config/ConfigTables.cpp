// syncTables and receiveTables: a table's name, or an object that maps it
// (config/TableMapping.h; docs/protocol.md, "Mapping tables and columns").
#include "config/ConfigReader.h"

#include <QJsonArray>

namespace mysqlsync::configreader {

namespace {

const QString kNameExpected = QStringLiteral("a non-empty string of at most 64 characters");

bool isName(const QJsonValue &v)
{
    return v.isString() && !v.toString().isEmpty() && v.toString().toUcs4().size() <= 64;
}

QString quoted(const QString &s)
{
    return describe(QJsonValue(s));
}

} // namespace

bool Reader::onlyFields(const QJsonObject &o, const QString &path, const QStringList &fields)
{
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!fields.contains(it.key())) {
            const QString name = path + QLatin1Char('.') + it.key();
            fail(name, QStringLiteral("unknown key \"%1\" (expected %2)").arg(name, fields.join(QStringLiteral(", "))));
            return false;
        }
    }
    return true;
}

bool Reader::nameField(const QJsonObject &o, const QString &path, const char *field, bool required, QString *out)
{
    const QString name = path + QLatin1Char('.') + QLatin1String(field);
    const auto it = o.constFind(QLatin1String(field));
    if (it == o.constEnd()) {
        if (required)
            fail(name, QLatin1String("missing required key, expected ") + kNameExpected);
        return !required;
    }
    if (!isName(it.value())) {
        wrong(name, kNameExpected, it.value());
        return false;
    }
    *out = it.value().toString();
    return true;
}

bool Reader::columnMap(const QJsonObject &o, const QString &path, const QString &landsOn, QMap<QString, QString> *out)
{
    const QString name = path + QStringLiteral(".columns");
    const auto it = o.constFind(QStringLiteral("columns"));
    if (it == o.constEnd())
        return true;
    const QString expected = QStringLiteral("a non-empty object of column names to column names");
    if (!it.value().isObject() || it.value().toObject().isEmpty()) {
        wrong(name, expected, it.value());
        return false;
    }
    const QJsonObject columns = it.value().toObject();
    QMap<QString, QString> map;
    QHash<QString, QString> targets; // target -> the column mapped onto it first
    for (auto c = columns.constBegin(); c != columns.constEnd(); ++c) {
        const QString at = name + QLatin1Char('.') + c.key();
        if (!isName(QJsonValue(c.key()))) {
            fail(name, QStringLiteral("expected column names of at most 64 characters, got %1").arg(quoted(c.key())));
            return false;
        }
        if (!isName(c.value())) {
            wrong(at, QStringLiteral("a column name (%1)").arg(kNameExpected), c.value());
            return false;
        }
        const QString target = c.value().toString();
        if (targets.contains(target)) {
            fail(at,
                 QStringLiteral("maps onto %1 column `%2`, as %3 does: two columns would land on one")
                     .arg(landsOn, target, quoted(targets.value(target))));
            return false;
        }
        targets.insert(target, c.key());
        map.insert(c.key(), target);
    }
    *out = map;
    return true;
}

void Reader::tableEntries(const char *key, QStringList *names,
                          const std::function<QString(const QString &path, const QJsonObject &)> &object)
{
    uniqueList(key, names, [&](const QString &path, const QJsonValue &element, QString *table) {
        if (element.isObject()) {
            *table = object(path, element.toObject());
            return !failed();
        }
        if (isName(element)) {
            *table = element.toString();
            return true;
        }
        wrong(path, QStringLiteral("a table name (%1) or a mapping object").arg(kNameExpected), element);
        return false;
    });
}

void Reader::sendTables(const char *key, QStringList *names, QHash<QString, SendMapping> *out)
{
    QHash<QString, SendMapping> mappings;
    tableEntries(key, names, [&](const QString &path, const QJsonObject &o) {
        SendMapping m;
        m.key = path;
        if (!onlyFields(o, path, {QStringLiteral("table"), QStringLiteral("as"), QStringLiteral("columns")})
            || !nameField(o, path, "table", true, &m.table) || !nameField(o, path, "as", false, &m.as)
            || !columnMap(o, path, QStringLiteral("sent"), &m.columns))
            return QString();
        if (m.as.isEmpty())
            m.as = m.table;
        mappings.insert(m.table, m);
        return m.table;
    });
    if (failed())
        return;
    // One name on the wire per table: a receipt names the table as it was sent.
    QHash<QString, QString> wire; // name on the wire -> the table sent under it
    for (const QString &table : std::as_const(*names)) {
        const QString as = mappings.contains(table) ? mappings.value(table).as : table;
        if (wire.contains(as)) {
            const QString at =
                mappings.contains(table) ? mappings.value(table).key + QStringLiteral(".as") : keyPath(key);
            fail(at,
                 QStringLiteral("table `%1` would be sent as %2, which is already the name of table `%3`")
                     .arg(table, quoted(as), wire.value(as)));
            return;
        }
        wire.insert(as, table);
    }
    *out = mappings;
}

void Reader::receiveTables(const char *key, QStringList *names, QHash<QString, ReceiveMapping> *out)
{
    QHash<QString, ReceiveMapping> mappings;
    tableEntries(key, names, [&](const QString &path, const QJsonObject &o) {
        ReceiveMapping m;
        m.key = path;
        if (!onlyFields(o, path,
                        {QStringLiteral("table"), QStringLiteral("from"), QStringLiteral("columns"),
                         QStringLiteral("update"), QStringLiteral("insert"), QStringLiteral("delete"),
                         QStringLiteral("mirror")})
            || !nameField(o, path, "table", true, &m.table) || !nameField(o, path, "from", false, &m.from)
            || !columnMap(o, path, QStringLiteral("local"), &m.columns))
            return QString();
        if (m.from.isEmpty())
            m.from = m.table;
        for (const auto &[field, flag] :
             {std::pair<const char *, bool *>{"insert", &m.insert}, {"delete", &m.remove}, {"mirror", &m.mirror}}) {
            const QJsonValue v = o.value(QLatin1String(field));
            if (v.isUndefined())
                continue;
            if (!v.isBool()) {
                wrong(path + QLatin1Char('.') + QLatin1String(field), QStringLiteral("true or false"), v);
                return QString();
            }
            *flag = v.toBool();
        }
        if (m.mirror && (!m.remove || !m.insert)) {
            fail(path + QStringLiteral(".mirror"),
                 QStringLiteral("a mirror takes every row of the source and deletes those it lacks: it needs "
                                "\"insert\" and \"delete\" true, got %1 false")
                     .arg(m.remove ? QStringLiteral("\"insert\"") : QStringLiteral("\"delete\"")));
            return QString();
        }
        if (o.contains(QStringLiteral("update"))) {
            const QJsonValue v = o.value(QStringLiteral("update"));
            if (!v.isArray()) {
                wrong(path + QStringLiteral(".update"), QStringLiteral("an array of local column names"), v);
                return QString();
            }
            m.updateListed = true;
            const QJsonArray columns = v.toArray();
            for (int i = 0; i < columns.size(); ++i) {
                const QString at = path + QStringLiteral(".update[%1]").arg(i);
                if (!isName(columns[i])) {
                    wrong(at, QStringLiteral("a column name (%1)").arg(kNameExpected), columns[i]);
                    return QString();
                }
                const QString column = columns[i].toString();
                if (m.update.contains(column)) {
                    fail(at, QStringLiteral("expected no duplicates, got %1 again").arg(quoted(column)));
                    return QString();
                }
                if (!m.columns.isEmpty() && m.remoteColumn(column).isEmpty()) {
                    fail(at,
                         QStringLiteral("`%1` is not a local column that \"columns\" of table `%2` maps onto")
                             .arg(column, m.table));
                    return QString();
                }
                m.update << column;
            }
        }
        mappings.insert(m.table, m);
        return m.table;
    });
    if (failed())
        return;
    // One local table per remote name: a change names the table as its sender has it.
    QHash<QString, QString> from; // remote name -> local table
    for (const QString &table : std::as_const(*names)) {
        const QString remote = mappings.contains(table) ? mappings.value(table).from : table;
        if (from.contains(remote)) {
            const QString at =
                mappings.contains(table) ? mappings.value(table).key + QStringLiteral(".from") : keyPath(key);
            fail(at,
                 QStringLiteral("table `%1` would receive %2, which table `%3` receives already")
                     .arg(table, quoted(remote), from.value(remote)));
            return;
        }
        from.insert(remote, table);
    }
    *out = mappings;
}

} // namespace mysqlsync::configreader
