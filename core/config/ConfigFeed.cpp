// The `feed` section of the configuration (docs/protocol.md, "Live feed"): its keys are read by
// ConfigSchema like every other; here are the two forms of their own (the listen address, the
// routing object) and the rules between keys.
#include "config/ConfigReader.h"

#include <QJsonArray>

namespace mysqlsync {

QStringList FeedConfig::filteredColumns(const QString &table) const
{
    QStringList columns;
    const QString prefix = table + QLatin1Char('.');
    for (const QString &f : filters) {
        if (f.startsWith(prefix))
            columns << f.mid(prefix.size());
    }
    return columns;
}

namespace configreader {

namespace {

bool isColumnName(const QJsonValue &v)
{
    return v.isString() && !v.toString().isEmpty() && v.toString().toUcs4().size() <= 64;
}

} // namespace

void Reader::listen(const char *key, QString *host, int *port)
{
    const ConfigKey &k = spec(key);
    QString text = k.defaultValue.toString();
    rawString(key, &text, k.required, {k.expected(), {}});
    if (failed() || !m_present)
        return;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    QString h = text.left(colon);
    bool numeric = false;
    const int p = colon > 0 ? text.mid(colon + 1).toInt(&numeric) : 0;
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (colon <= 0 || h.isEmpty() || !numeric || p < 1 || p > 65535) {
        wrong(keyPath(key), k.expected() + QStringLiteral(", the port from 1 to 65535"), QJsonValue(text));
        return;
    }
    *host = h;
    *port = p;
}

void Reader::feedRouting(const char *key, QHash<QString, FeedRoute> *out)
{
    QJsonObject tables;
    if (!takeObject(key, &tables))
        return;
    QHash<QString, FeedRoute> routes;
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const QString path = keyPath(key) + QLatin1Char('.') + it.key();
        const QJsonValue v = it.value();
        FeedRoute route;
        if (v.isString() && v.toString() == QLatin1String("*")) {
            route.everyone = true;
        } else if (isColumnName(v)) {
            route.columns << v.toString();
        } else if (v.isArray() && !v.toArray().isEmpty()) {
            const QJsonArray list = v.toArray();
            for (int i = 0; i < list.size(); ++i) {
                if (!isColumnName(list[i]) || list[i].toString() == QLatin1String("*")
                    || route.columns.contains(list[i].toString())) {
                    wrong(path + QStringLiteral("[%1]").arg(i),
                          QStringLiteral("a column name (non-empty, at most 64 characters) not listed before"),
                          list[i]);
                    return;
                }
                route.columns << list[i].toString();
            }
        } else {
            wrong(path, QStringLiteral(R"(a column name, a non-empty array of column names or "*")"), v);
            return;
        }
        routes.insert(it.key(), route);
    }
    *out = routes;
}

void readFeed(Reader &r, Config *c)
{
    Reader feed = r.object("feed");
    if (r.failed() || !feed.present())
        return;
    FeedConfig &f = c->feed;
    f.enabled = true;
    feed.allowOnly();
    feed.listen("listen", &f.host, &f.port);
    Reader tls = feed.object("tls");
    tls.allowOnly();
    tls.file("cert", &f.tlsCert);
    tls.file("key", &f.tlsKey);
    Reader tokens = feed.object("tokens");
    tokens.allowOnly();
    // Either looked up (table, tokenColumn, userColumn) or signed (jwtKey, userClaim).
    const char *lookup[] = {"table", "tokenColumn", "userColumn"};
    if (tokens.has("jwtKey")) {
        f.jwt = true;
        tokens.secret("jwtKey", &f.jwtKey, &f.jwtKeyRef);
        tokens.string("userClaim", &f.jwtUserClaim);
        // A reference is read later: its length is checked when the feed starts.
        if (!tokens.failed() && !f.jwtKeyRef.isReference() && f.jwtKey.toUtf8().size() < 32)
            tokens.fail(QStringLiteral("feed.tokens.jwtKey"),
                        QStringLiteral("expected a key of at least 32 bytes (HS256), got %1 bytes")
                            .arg(f.jwtKey.toUtf8().size()));
        for (const char *key : lookup) {
            if (tokens.has(key) && !tokens.failed())
                tokens.fail(QStringLiteral("feed.tokens.") + QLatin1String(key),
                            QStringLiteral("expected either jwtKey (signed tokens) or table, tokenColumn and "
                                           "userColumn (tokens looked up), not both"));
        }
    } else if (tokens.present()) {
        if (tokens.has("userClaim"))
            tokens.fail(QStringLiteral("feed.tokens.userClaim"),
                        QStringLiteral("applies to signed tokens only: give jwtKey, or remove userClaim"));
        tokens.string("table", &f.tokenTable);
        tokens.string("tokenColumn", &f.tokenColumn);
        tokens.string("userColumn", &f.userColumn);
        for (const char *key : lookup) {
            if (!tokens.has(key) && !tokens.failed())
                tokens.fail(QStringLiteral("feed.tokens.") + QLatin1String(key),
                            QStringLiteral(
                                "missing required key, expected a non-empty string; or jwtKey (signed tokens) "
                                "instead of table, tokenColumn and userColumn"));
        }
    }
    feed.feedRouting("routing", &f.routing);
    feed.stringList("filters", &f.filters);
    feed.secret("publishToken", &f.publishToken, &f.publishTokenRef);
    feed.integer("clientQueue", &f.clientQueue);
    feed.integer("cacheRows", &f.cacheRows);
    feed.boolean("publishStream", &f.publishStream);
    if (feed.failed())
        return;
    if (!f.jwt && f.tokenColumn == f.userColumn)
        feed.fail(QStringLiteral("feed.tokens.userColumn"),
                  QStringLiteral("expected a column other than tokenColumn \"%1\": a token must not be its own user "
                                 "id")
                      .arg(f.tokenColumn));
    // The feed hears of the changes the engine captures or applies: those of its tables only.
    QStringList tables = f.routing.keys();
    tables.sort();
    for (const QString &table : std::as_const(tables)) {
        if (!c->syncTables.contains(table) && !c->receiveTables.contains(table)) {
            feed.fail(QStringLiteral("feed.routing.") + table,
                      QStringLiteral("names a table that is in neither syncTables nor receiveTables: the feed "
                                     "hears only of changes of those"));
            return;
        }
    }
}

void readHttp(Reader &r, Config *c)
{
    Reader http = r.object("http");
    if (r.failed() || !http.present())
        return;
    http.allowOnly();
    http.listen("listen", &c->httpHost, &c->httpPort);
}

} // namespace configreader

} // namespace mysqlsync
