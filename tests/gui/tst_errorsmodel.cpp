#include "errors/ErrorsPage.h"
#include "monitor/CsvWriter.h"
#include "monitor/ErrorsModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;

static EngineError error(EngineError::Source source, const QString &remote, const QString &table, const QString &key,
                         const QString &message)
{
    EngineError e = EngineError::now(source, message, remote, table, key);
    e.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5));
    return e;
}

class TestErrorsModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendAndCap()
    {
        ErrorsModel model(3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i)
            model.append(error(EngineError::Source::Remote, QStringLiteral("site_b"), QStringLiteral("items"),
                               QString::number(i), QStringLiteral("duplicate key %1").arg(i)));
        QCOMPARE(model.rowCount(), 3); // the two oldest were dropped
        QCOMPARE(model.index(0, ErrorsModel::Key).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(2, ErrorsModel::Message).data().toString(), QStringLiteral("duplicate key 4"));
        QCOMPARE(model.index(2, ErrorsModel::Source).data().toString(), QStringLiteral("remote"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filterAndExportCsv()
    {
        ErrorsModel model;
        ErrorsPage page(&model);
        QAbstractItemModelTester tester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(error(EngineError::Source::Apply, QStringLiteral("site_b"), QStringLiteral("items"),
                           QStringLiteral("7"), QStringLiteral("Data too long for column \"name\", row 1")));
        model.append(
            error(EngineError::Source::Broker, QString(), QString(), QString(), QStringLiteral("connection refused")));
        model.append(error(EngineError::Source::Remote, QStringLiteral("site_c"), QStringLiteral("orders"),
                           QStringLiteral("9"), QStringLiteral("unknown column")));
        page.setFilterText(QStringLiteral("SITE_")); // case-insensitive, any column
        QCOMPARE(page.proxy()->rowCount(), 2);
        page.setFilterText(QStringLiteral("refused"));
        QCOMPARE(page.proxy()->rowCount(), 1);
        page.setFilterText(QStringLiteral("items"));
        QCOMPARE(page.proxy()->rowCount(), 1);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("errors.csv"));
        QString message;
        QVERIFY2(page.exportCsv(path, &message), qPrintable(message));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(file.readAll());
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // header + the one filtered row
        QCOMPARE(lines.at(0), QStringLiteral("Time,Source,Remote,Table,Key,Rule,Message"));
        QVERIFY2(lines.at(1).endsWith(
                     QStringLiteral(",apply,site_b,items,7,,\"Data too long for column \"\"name\"\", row 1\"")),
                 qPrintable(lines.at(1)));
    }

    void csvQuoting()
    {
        QCOMPARE(CsvWriter::quote(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(CsvWriter::quote(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(CsvWriter::quote(QStringLiteral("line\nbreak")), QStringLiteral("\"line\nbreak\""));
    }
};

QTEST_MAIN(TestErrorsModel)
#include "tst_errorsmodel.moc"
