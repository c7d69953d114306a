#pragma once
// The test class of tst_transformer (TransformerHost: per-table JavaScript transformers in a
// sandboxed QJSEngine), in two files: tst_transformer.cpp (file matching, the context API,
// database queries) and tst_transformer_runtime.cpp (async/await, Promise results, null/drop,
// errors with line numbers, the time limit, reloading, the sandbox), with the fakes both use.
#include "transform/AcornSource.h"
#include "transform/SqlTransformDatabase.h"
#include "transform/TransformServices.h"
#include "transform/TransformerHost.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using Action = TransformResult::Action;

namespace transformtest {

// The seed's example (seed 000, "productItems.js"), byte for byte, kept in tests/data.
inline QByteArray seedProductItems()
{
    QFile f(qEnvironmentVariable("MYSQL_SYNC_SOURCE_DIR") + QStringLiteral("/tests/data/productItems.js"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Query {
    QString sql;
    QVariantList values;
};

class FakeDatabase : public TransformDatabase {
public:
    QList<Query> queries;
    QList<QVariantMap> rows;
    QString error;
    QList<QVariantMap> query(const QString &sql, const QVariantList &values, QString *err) override
    {
        queries.append({sql, values});
        if (!error.isEmpty()) {
            *err = error;
            return {};
        }
        return rows;
    }
};

struct Publish {
    QString topic;
    QByteArray payload;
    int qos;
    bool retain;
};

class FakePublisher : public TransformPublisher {
public:
    QList<Publish> published;
    QString error;
    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *err) override
    {
        if (!error.isEmpty()) {
            *err = error;
            return false;
        }
        published.append({topic, payload, qos, retain});
        return true;
    }
};

inline QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace transformtest

using namespace transformtest;

class TestTransformer : public QObject {
    Q_OBJECT

    QTemporaryDir *m_dir = nullptr;
    FakeDatabase *m_db = nullptr;
    FakePublisher *m_mqtt = nullptr;
    TransformerHost *m_host = nullptr;

    void write(const QString &file, const QByteArray &content)
    {
        QFile f(m_dir->filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), content.size());
    }
    // Writes and makes sure the modification time differs from the previous version's.
    void rewrite(const QString &file, const QByteArray &content, int secondsAhead)
    {
        write(file, content);
        QFile f(m_dir->filePath(file));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(secondsAhead), QFileDevice::FileModificationTime));
    }
    TransformResult run(const QString &table,
                        const QJsonValue &entity = QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}},
                        const QString &source = QStringLiteral("site_a"),
                        const QString &target = QStringLiteral("site_b"))
    {
        return m_host->transform(table, entity, source, target);
    }

private Q_SLOTS:
    void init();
    void cleanup();
    void acornIsTheUpstreamFile();
    void nameMatching_data();
    void nameMatching();
    void noDirectoryMeansUnchanged();
    void seedExampleMapsIds();
    void contextApi();
    void entityIsACopy();
    void queryValuesThatCannotBeBound();
    void queryErrors();
    void sqliteBindsParameters();
    void asyncForms();
    void asyncSyntaxErrorsHaveLines();
    void promiseResults();
    void nullDeletesAndDropDrops();
    void badReturnValues_data();
    void badReturnValues();
    void thrownErrorsCarryLines();
    void syntaxErrors();
    void timeLimit_data();
    void timeLimit();
    void defaultTimeLimit();
    void reloadsChangedFiles();
    void sandbox();
};
