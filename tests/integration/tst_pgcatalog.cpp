// Issue 17, the foundation of PostgreSQL sites, against the harness's private PostgreSQL
// server: DbConnection over QPSQL (schema, TLS refusal, errors that name the problem), the
// catalogue through PostgresDialect (every type of the value list, what does not map
// refused naming table and column), and the engine's tables made through the dialect with the
// stores converted so far (LoadStore, VersionStore, the site identity).
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "Servers.h"
#include "SiteDatabase.h"
#include "database/Catalog.h"
#include "database/ChangeLog.h"
#include "database/DbConnection.h"
#include "database/LoadStore.h"
#include "database/Schema.h"
#include "database/SqlDialect.h"
#include "database/VersionStore.h"

using namespace testsupport;
using namespace mysqlsync;

class TestPgCatalog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void connectsToTheSchema();
    void connectionErrorsNameTheProblem();
    void tlsIsNeverDroppedSilently();
    void catalogueOfEveryType();
    void refusesWhatDoesNotMap();
    void engineTablesOnPostgres();

private:
    Servers m_servers;
};

void TestPgCatalog::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY(m_servers.pgPort > 0);
}

void TestPgCatalog::connectsToTheSchema()
{
    SiteDatabase site(m_servers, 'P', QStringLiteral("pgcat_schema"));
    QVERIFY2(site.isOpen(), qPrintable(site.lastError()));
    QVERIFY(site.exec(QStringLiteral("CREATE SCHEMA sales")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE sales.items (id integer PRIMARY KEY, name text)")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE sales.\"Orders\" (id bigint PRIMARY KEY)")));
    // The same name in public, with other columns: never read for schema sales.
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE public.items (code text PRIMARY KEY, a int, b int)")));

    PostgresConfig config = site.postgresConfig();
    config.schema = QStringLiteral("sales");
    DbConnection db(config, QStringLiteral("pgcat-schema"));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QVERIFY(db.isPostgres());
    QVERIFY(!db.isMariaDb());
    QVERIFY(&db.dialect() == &SqlDialect::postgres());
    QVERIFY(&SqlDialect::of(db.db()) == &SqlDialect::postgres());
    QVERIFY2(db.serverVersion().startsWith(QLatin1String("PostgreSQL 15")), qPrintable(db.serverVersion()));
    QVERIFY2(db.description().contains(QLatin1String("(schema sales)")), qPrintable(db.description()));
    QVERIFY(!db.description().contains(m_servers.pgPassword));
    QSqlQuery q(db.db());
    QVERIFY(q.exec(QStringLiteral("SELECT current_schema()")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("sales"));

    QCOMPARE(Catalog::tableNames(db.db(), &error), (QStringList{QStringLiteral("Orders"), QStringLiteral("items")}));
    QHash<QString, TableInfo> tables;
    QStringList problems;
    QVERIFY2(Catalog::load(db.db(), {QStringLiteral("items"), QStringLiteral("Orders")}, &tables, &problems),
             qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(tables.value(QStringLiteral("items")).columns.size(), 2);
    QCOMPARE(tables.value(QStringLiteral("items")).key().name, QStringLiteral("id"));
    QCOMPARE(tables.value(QStringLiteral("Orders")).key().kind, ColumnKind::Integer);

    // A table of another schema (or none) is missing, as on MariaDB.
    QVERIFY(!Catalog::load(db.db(), {QStringLiteral("ITEMS")}, &tables, &problems));
    QCOMPARE(problems, QStringList{QStringLiteral("table `ITEMS` does not exist in the database")});
}

void TestPgCatalog::connectionErrorsNameTheProblem()
{
    SiteDatabase site(m_servers, 'P', QStringLiteral("pgcat_errors"));
    QVERIFY2(site.isOpen(), qPrintable(site.lastError()));
    QString error;

    PostgresConfig wrong = site.postgresConfig();
    wrong.password = QStringLiteral("not-the-password-4711");
    DbConnection badLogin(wrong, QStringLiteral("pgcat-badlogin"));
    QVERIFY(!badLogin.open(&error));
    QVERIFY2(error.contains(QLatin1String("password authentication failed")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("postgresConfig.user / postgresConfig.password")), qPrintable(error));
    QVERIFY2(!error.contains(wrong.password), qPrintable(error));

    PostgresConfig noSchema = site.postgresConfig();
    noSchema.schema = QStringLiteral("nope");
    DbConnection missingSchema(noSchema, QStringLiteral("pgcat-noschema"));
    QVERIFY(!missingSchema.open(&error));
    QVERIFY2(error.startsWith(
                 QLatin1String("postgresConfig.schema: the schema \"nope\" does not exist in the database")),
             qPrintable(error));

    PostgresConfig noDatabase = site.postgresConfig();
    noDatabase.database = QStringLiteral("pgcat_no_such_db");
    DbConnection missingDatabase(noDatabase, QStringLiteral("pgcat-nodb"));
    QVERIFY(!missingDatabase.open(&error));
    QVERIFY2(error.contains(QLatin1String("pgcat_no_such_db")) && error.contains(QLatin1String("does not exist")),
             qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1String(" - no such database (postgresConfig.database)")), qPrintable(error));

    PostgresConfig nobody = site.postgresConfig();
    nobody.port = m_servers.mysqlPortA == 1 ? 2 : 1; // nothing listens on port 1
    DbConnection unreachable(nobody, QStringLiteral("pgcat-unreachable"));
    QVERIFY(!unreachable.open(&error));
    QVERIFY2(error.contains(QLatin1String("the database server cannot be reached")), qPrintable(error));
}

void TestPgCatalog::tlsIsNeverDroppedSilently()
{
    // The private server speaks no TLS: asked for TLS (verified or not), the connection fails
    // instead of going on in plain text.
    SiteDatabase site(m_servers, 'P', QStringLiteral("pgcat_tls"));
    QVERIFY2(site.isOpen(), qPrintable(site.lastError()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const bool verify : {true, false}) {
        PostgresConfig config = site.postgresConfig();
        config.tlsEnabled = true;
        config.tls.rejectUnauthorized = verify;
        DbConnection db(config, QStringLiteral("pgcat-tls"));
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(QLatin1String("SSL"), Qt::CaseInsensitive), qPrintable(error));
        QVERIFY(!db.isOpen());
    }
    // A path that libpq's options cannot carry is refused by name, before connecting.
    PostgresConfig config = site.postgresConfig();
    config.tlsEnabled = true;
    config.tls.ca = dir.filePath(QStringLiteral("a;b.pem"));
    DbConnection db(config, QStringLiteral("pgcat-tls-path"));
    QString error;
    QVERIFY(!db.open(&error));
    QVERIFY2(error.contains(QLatin1String("contains a semicolon")), qPrintable(error));
}

void TestPgCatalog::catalogueOfEveryType()
{
    SiteDatabase site(m_servers, 'P', QStringLiteral("pgcat_types"));
    QVERIFY2(site.isOpen(), qPrintable(site.lastError()));
    QVERIFY(site.exec(QStringLiteral("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')")));
    QVERIFY(site.exec(QStringLiteral("CREATE DOMAIN positive AS integer CHECK (VALUE > 0)")));
    QVERIFY(site.exec(QStringLiteral(
        "CREATE TABLE everything (id bigint PRIMARY KEY, c_smallint smallint, c_integer integer NOT NULL, "
        "c_numeric numeric(30,10), c_real real, c_double double precision, c_boolean boolean, c_text text, "
        "c_varchar varchar(40), c_char char(3), c_date date, c_time time, c_timetz time with time zone, "
        "c_timestamp timestamp(3), c_timestamptz timestamptz, c_bytea bytea, c_json json, c_jsonb jsonb, "
        "c_uuid uuid, c_enum mood, c_domain positive)")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE keyed (code varchar(20) PRIMARY KEY, email text UNIQUE)")));
    QVERIFY(site.exec(QStringLiteral("ALTER TABLE everything DROP COLUMN c_domain"))); // dropped: never listed
    QVERIFY(site.exec(QStringLiteral("ALTER TABLE everything ADD COLUMN c_domain positive")));

    DbConnection db(site.postgresConfig(), QStringLiteral("pgcat-types"));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QHash<QString, TableInfo> tables;
    QStringList problems;
    QVERIFY2(Catalog::load(db.db(), {QStringLiteral("everything"), QStringLiteral("keyed")}, &tables, &problems),
             qPrintable(problems.join(QLatin1Char('\n'))));

    const TableInfo everything = tables.value(QStringLiteral("everything"));
    QCOMPARE(everything.primaryKey, 0);
    QVERIFY(!everything.hasOtherUniqueKeys);
    const struct {
        const char *column;
        ColumnKind kind;
        const char *dataType;
        const char *columnType;
    } expected[] = {
        {"id", ColumnKind::Integer, "bigint", "bigint"},
        {"c_smallint", ColumnKind::Integer, "smallint", "smallint"},
        {"c_integer", ColumnKind::Integer, "int", "integer"},
        {"c_numeric", ColumnKind::Decimal, "decimal", "numeric(30,10)"},
        {"c_real", ColumnKind::Float, "float", "real"},
        {"c_double", ColumnKind::Double, "double", "double precision"},
        {"c_boolean", ColumnKind::Integer, "tinyint", "boolean"},
        {"c_text", ColumnKind::Text, "text", "text"},
        {"c_varchar", ColumnKind::Text, "varchar", "character varying(40)"},
        {"c_char", ColumnKind::Text, "char", "character(3)"},
        {"c_date", ColumnKind::Date, "date", "date"},
        {"c_time", ColumnKind::Text, "time", "time without time zone"},
        {"c_timetz", ColumnKind::Text, "time", "time with time zone"},
        {"c_timestamp", ColumnKind::DateTime, "datetime", "timestamp(3) without time zone"},
        {"c_timestamptz", ColumnKind::DateTime, "timestamp", "timestamp with time zone"},
        {"c_bytea", ColumnKind::Binary, "blob", "bytea"},
        {"c_json", ColumnKind::Text, "json", "json"},
        {"c_jsonb", ColumnKind::Text, "json", "jsonb"},
        {"c_uuid", ColumnKind::Text, "char", "uuid"},
        {"c_enum", ColumnKind::Text, "enum", "mood"},
        {"c_domain", ColumnKind::Integer, "int", "positive"},
    };
    QCOMPARE(everything.columns.size(), qsizetype(std::size(expected)));
    for (qsizetype i = 0; i < everything.columns.size(); ++i) {
        const ColumnInfo &c = everything.columns.at(i);
        const auto &e = expected[i];
        QCOMPARE(c.name, QLatin1String(e.column));
        QCOMPARE(everything.columnIndex.value(c.name), int(i));
        QVERIFY2(c.kind == e.kind, e.column);
        QCOMPARE(c.dataType, QLatin1String(e.dataType));
        QCOMPARE(c.columnType, QLatin1String(e.columnType));
        QCOMPARE(c.nullable, i != 0 && QLatin1String(e.column) != QLatin1String("c_integer"));
        QVERIFY(!c.isUnsigned);
    }
    const TableInfo keyed = tables.value(QStringLiteral("keyed"));
    QCOMPARE(keyed.key().name, QStringLiteral("code"));
    QVERIFY(keyed.hasOtherUniqueKeys); // rows are then written by primary key only (RowStore)
}

void TestPgCatalog::refusesWhatDoesNotMap()
{
    SiteDatabase site(m_servers, 'P', QStringLiteral("pgcat_refused"));
    QVERIFY2(site.isOpen(), qPrintable(site.lastError()));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE tagged (id integer PRIMARY KEY, tags text[])")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE booked (id integer PRIMARY KEY, during tstzrange)")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE placed (id integer PRIMARY KEY, at point)")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE addressed (id integer PRIMARY KEY, ip inet)")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE loose (id integer, name text)")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE pairs (a integer, b integer, PRIMARY KEY (a, b))")));
    QVERIFY(site.exec(QStringLiteral("CREATE TABLE plain (id integer PRIMARY KEY, name text)")));

    DbConnection db(site.postgresConfig(), QStringLiteral("pgcat-refused"));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    const QString advice =
        QStringLiteral(": leave the table out of syncTables and receiveTables, or change the column's type");
    const auto problemsOf = [&](const QString &table) {
        QHash<QString, TableInfo> tables;
        QStringList problems;
        const bool ok = Catalog::load(db.db(), {table}, &tables, &problems);
        return ok ? QStringList() : problems;
    };
    QCOMPARE(problemsOf(QStringLiteral("tagged")),
             QStringList{QStringLiteral("table \"tagged\", column \"tags\" (text[]) is an array: arrays have no wire "
                                        "form (docs/protocol.md)")
                         + advice});
    QCOMPARE(problemsOf(QStringLiteral("booked")),
             QStringList{QStringLiteral("table \"booked\", column \"during\" (tstzrange) is a range: ranges have no "
                                        "wire form (docs/protocol.md)")
                         + advice});
    QCOMPARE(problemsOf(QStringLiteral("placed")),
             QStringList{QStringLiteral("table \"placed\", column \"at\" (point) is a geometric type: geometric "
                                        "types have no wire form (docs/protocol.md)")
                         + advice});
    const QStringList inet = problemsOf(QStringLiteral("addressed"));
    QCOMPARE(inet.size(), 1);
    QVERIFY2(inet.first().startsWith(QLatin1String("table \"addressed\", column \"ip\" (inet) has a type that "
                                                   "PostgreSQL sites do not carry")),
             qPrintable(inet.first()));
    QCOMPARE(problemsOf(QStringLiteral("loose")),
             QStringList{
                 QStringLiteral("table `loose` has no primary key: a synced table needs a single-column primary key")});
    QCOMPARE(problemsOf(QStringLiteral("pairs")),
             QStringList{QStringLiteral("table `pairs` has a composite primary key (2 columns): a synced table needs "
                                        "a single-column primary key")});
    QVERIFY(problemsOf(QStringLiteral("plain")).isEmpty());
    // Only the tables asked for are judged: an array elsewhere does not stop a good table.
    QHash<QString, TableInfo> tables;
    QStringList problems;
    QVERIFY(!Catalog::load(db.db(), {QStringLiteral("plain"), QStringLiteral("tagged")}, &tables, &problems));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QLatin1String("\"tags\"")));
}

void TestPgCatalog::engineTablesOnPostgres()
{
    SiteDatabase site(m_servers, 'P', QStringLiteral("pgcat_engine"));
    QVERIFY2(site.isOpen(), qPrintable(site.lastError()));
    DbConnection db(site.postgresConfig(), QStringLiteral("pgcat-engine"));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QSqlQuery q(db.db());
    // Twice: CREATE ... IF NOT EXISTS, as on every start.
    for (int round = 0; round < 2; ++round) {
        for (const QString &ddl : Schema::tableDdl(db.dialect()))
            QVERIFY2(q.exec(ddl), qPrintable(ddl + QStringLiteral(": ") + q.lastError().text()));
    }
    QCOMPARE(site.rows(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                      "ORDER BY table_name"))
                 .size(),
             7);
    // table_changes and sync_status: the contract's columns, in its order.
    const auto columns = [&](const QString &table) {
        QStringList names;
        for (const QVariantMap &row :
             site.rows(QStringLiteral(
                           "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                           "AND table_name = ? ORDER BY ordinal_position"),
                       {table}))
            names << row.value(QStringLiteral("column_name")).toString();
        return names;
    };
    QCOMPARE(columns(QStringLiteral("table_changes")),
             (QStringList{QStringLiteral("id"), QStringLiteral("table_name"), QStringLiteral("primary_key"),
                          QStringLiteral("date")}));
    QCOMPARE(columns(QStringLiteral("sync_status")),
             (QStringList{QStringLiteral("id"), QStringLiteral("table_name"), QStringLiteral("primary_key"),
                          QStringLiteral("remote"), QStringLiteral("date"), QStringLiteral("status"),
                          QStringLiteral("message")}));
    // status holds the three values and nothing else.
    const QString insert = QStringLiteral("INSERT INTO sync_status (id, table_name, primary_key, remote, \"date\", "
                                          "status) VALUES (?, 'items', '1', 'site_b', %1, ?)")
                               .arg(db.dialect().utcNow());
    for (const char *status : {"successful", "pending", "error"})
        QVERIFY(
            site.exec(insert,
                      {QString::fromLatin1(status).leftJustified(32, QLatin1Char('x')), QString::fromLatin1(status)}));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("sync_status_status")));
    QVERIFY(!site.exec(insert, {QStringLiteral("bogus"), QStringLiteral("done")}));
    QCOMPARE(site.count(QStringLiteral("sync_status")), 3);
    // table_changes numbers its rows itself.
    QVERIFY(site.exec(QStringLiteral("INSERT INTO table_changes (table_name, primary_key, \"date\") VALUES ('items', "
                                     "'1', %1), ('items', '2', %1)")
                          .arg(db.dialect().utcNow())));
    QCOMPARE(site.scalar(QStringLiteral("SELECT max(id) - min(id) FROM table_changes")).toInt(), 1);
    // ChangeLog reads and removes them.
    QList<CapturedChange> changes;
    QSqlError sqlError;
    QVERIFY2(ChangeLog::read(db.db(), 10, &changes, &sqlError), qPrintable(sqlError.text()));
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).table, QStringLiteral("items"));
    QCOMPARE(changes.at(1).key, QStringLiteral("2"));
    QList<CapturedChange> forKey;
    QVERIFY2(ChangeLog::rowsFor(db.db(), QStringLiteral("items"), {QStringLiteral("2")}, &forKey, &sqlError),
             qPrintable(sqlError.text()));
    QCOMPARE(forKey.size(), 1);
    QCOMPARE(forKey.first().id, changes.at(1).id);
    QVERIFY2(ChangeLog::remove(db.db(), {changes.at(0).id}, &sqlError), qPrintable(sqlError.text()));
    QCOMPARE(site.count(QStringLiteral("table_changes")), 1);

    // The site's identity, made once.
    QString id, again;
    QVERIFY2(Schema::siteIdentity(db.db(), &id, &error), qPrintable(error));
    QVERIFY2(Schema::siteIdentity(db.db(), &again, &error), qPrintable(error));
    QCOMPARE(id.size(), 36);
    QCOMPARE(again, id);
    QCOMPARE(site.count(QStringLiteral("sync_site")), 1);

    // LoadStore's upserts (ON CONFLICT through the dialect).
    LoadState load;
    load.table = QStringLiteral("items");
    load.remote = QStringLiteral("site_b");
    load.lastKey = QStringLiteral("41");
    load.rows = 41;
    load.startedAt = 1767225600000;
    QVERIFY2(LoadStore::write(db.db(), load, &error), qPrintable(error));
    load.done = true;
    load.rows = 42;
    load.finishedAt = 1767225601000;
    QVERIFY2(LoadStore::write(db.db(), load, &error), qPrintable(error));
    QList<LoadState> loads;
    QVERIFY2(LoadStore::readAll(db.db(), &loads, &error), qPrintable(error));
    QCOMPARE(loads.size(), 1);
    QVERIFY(loads.first().done);
    QCOMPARE(loads.first().rows, 42);
    QCOMPARE(loads.first().finishedAt, 1767225601000);
    bool done = false;
    QVERIFY2(LoadStore::isDone(db.db(), QStringLiteral("items"), QStringLiteral("site_b"), &done, &error),
             qPrintable(error));
    QVERIFY(done);
    QVERIFY2(LoadStore::restart(db.db(), QStringLiteral("items"), QStringLiteral("site_b"), &error), qPrintable(error));
    QVERIFY2(LoadStore::readAll(db.db(), &loads, &error), qPrintable(error));
    QCOMPARE(loads.size(), 1);
    QVERIFY(!loads.first().done);
    QVERIFY(loads.first().lastKey.isNull());
    QCOMPARE(loads.first().finishedAt, 0);
    bool synced = false;
    QVERIFY2(LoadStore::everSynced(db.db(), QStringLiteral("items"), QStringLiteral("site_b"), &synced, &error),
             qPrintable(error));
    QVERIFY(synced);

    // VersionStore's upserts.
    RowVersion v;
    v.origin = QStringLiteral("site_a");
    v.time = 1767225600123;
    v.vector.insert(QStringLiteral("site_a"), 1767225600123);
    QVERIFY2(VersionStore::write(db.db(), QStringLiteral("items"), {{QStringLiteral("1"), v}}, &error),
             qPrintable(error));
    v.origin = QStringLiteral("site_b");
    v.time = 1767225600999;
    v.vector.insert(QStringLiteral("site_b"), 1767225600999);
    QVERIFY2(VersionStore::write(db.db(), QStringLiteral("items"), {{QStringLiteral("1"), v}}, &error),
             qPrintable(error));
    QHash<QString, RowVersion> versions;
    QVERIFY2(VersionStore::read(db.db(), QStringLiteral("items"), {QStringLiteral("1"), QStringLiteral("2")}, &versions,
                                &error),
             qPrintable(error));
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.value(QStringLiteral("1")).origin, QStringLiteral("site_b"));
    QCOMPARE(versions.value(QStringLiteral("1")).vector.size(), 2);
    QCOMPARE(site.count(QStringLiteral("sync_versions")), 1);
}

QTEST_GUILESS_MAIN(TestPgCatalog)
#include "tst_pgcatalog.moc"
