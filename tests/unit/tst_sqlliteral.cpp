// SqlLiteral: values written into multi-row SQL, the same under every sql_mode.
#include "database/SqlLiteral.h"

#include <QDate>
#include <QTest>

using namespace mysqlsync;

namespace {
QString lit(const QVariant &v)
{
    return sqlLiteral(nullptr, v);
}
QString hexOf(const QString &s)
{
    return QStringLiteral("_utf8mb4 X'") + QString::fromLatin1(s.toUtf8().toHex()) + QLatin1Char('\'');
}
} // namespace

class TestSqlLiteral : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nulls()
    {
        QCOMPARE(lit(QVariant()), QStringLiteral("NULL"));
        QCOMPARE(lit(QVariant(QMetaType::fromType<QString>())), QStringLiteral("NULL"));
        QCOMPARE(lit(QVariant(QMetaType::fromType<int>())), QStringLiteral("NULL"));
        QCOMPARE(lit(QVariant(QMetaType::fromType<QByteArray>())), QStringLiteral("NULL"));
    }

    void numbers()
    {
        QCOMPARE(lit(true), QStringLiteral("1"));
        QCOMPARE(lit(false), QStringLiteral("0"));
        QCOMPARE(lit(int(-42)), QStringLiteral("-42"));
        QCOMPARE(lit(qint64(-9223372036854775807LL - 1)), QStringLiteral("-9223372036854775808"));
        QCOMPARE(lit(uint(4294967295U)), QStringLiteral("4294967295"));
        QCOMPARE(lit(quint64(18446744073709551615ULL)), QStringLiteral("18446744073709551615"));
        QCOMPARE(lit(0.1), QStringLiteral("0.1"));
        QCOMPARE(lit(-1.5e300), QStringLiteral("-1.5e+300"));
        QCOMPARE(lit(1.0f / 4), QStringLiteral("0.25"));
        // The shortest text that reads back as the same double.
        QCOMPARE(lit(1.0 / 3).toDouble(), 1.0 / 3);
    }

    void bytes()
    {
        QCOMPARE(lit(QByteArray()), QStringLiteral("X''"));
        QCOMPARE(lit(QByteArray("\x00\xff'\\", 4)), QStringLiteral("X'00ff275c'"));
    }

    void plainStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString(QLatin1String(""));
        QTest::newRow("key") << QStringLiteral("order-17");
        QTest::newRow("md5") << QStringLiteral("0cc175b9c0f1b6a831c399e269772661");
        QTest::newRow("date") << QStringLiteral("2024-01-02 03:04:05.123");
        QTest::newRow("name") << QStringLiteral("site_b");
    }
    void plainStrings()
    {
        // Quoted as they are: nothing in them means anything to the server.
        QFETCH(QString, text);
        QCOMPARE(lit(text), QLatin1Char('\'') + text + QLatin1Char('\''));
    }

    void otherStringsAsHex_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quote") << QStringLiteral("O'Brien");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"");
        QTest::newRow("backslash") << QStringLiteral("C:\\temp\\");
        QTest::newRow("backslash quote") << QStringLiteral("\\'; DROP TABLE items; -- ");
        QTest::newRow("NUL") << QString(QStringLiteral("a")) + QChar(0) + QStringLiteral("b");
        QTest::newRow("newline") << QStringLiteral("line1\nline2\r\n");
        QTest::newRow("tab") << QStringLiteral("a\tb");
        QTest::newRow("percent") << QStringLiteral("100%");
        QTest::newRow("accents") << QStringLiteral("Crème brûlée");
        QTest::newRow("emoji") << QStringLiteral("ok \U0001F600");
        QTest::newRow("backtick") << QStringLiteral("`items`");
    }
    void otherStringsAsHex()
    {
        QFETCH(QString, text);
        const QString sql = lit(text);
        QCOMPARE(sql, hexOf(text));
        // Nothing of the value reaches the statement but hex digits.
        const QString inner = sql.mid(11, sql.size() - 12);
        QVERIFY(
            std::all_of(inner.cbegin(), inner.cend(), [](QChar c) { return c.isDigit() || (c >= u'a' && c <= u'f'); }));
        QCOMPARE(QString::fromUtf8(QByteArray::fromHex(inner.toLatin1())), text);
    }

    void emojiBytes()
    {
        // U+1F600 is four UTF-8 bytes (utf8mb4 holds it; utf8mb3 would not).
        QCOMPARE(lit(QStringLiteral("\U0001F600")), QStringLiteral("_utf8mb4 X'f09f9880'"));
    }

    void otherTypesAsTheirText()
    {
        QCOMPARE(lit(QDate(2024, 1, 2)), QStringLiteral("'2024-01-02'"));
        QCOMPARE(lit(QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5))), QStringLiteral("'2024-01-02T03:04:05.000'"));
        QCOMPARE(lit(QTime(3, 4, 5)), QStringLiteral("'03:04:05.000'"));
    }
};

QTEST_GUILESS_MAIN(TestSqlLiteral)
#include "tst_sqlliteral.moc"
