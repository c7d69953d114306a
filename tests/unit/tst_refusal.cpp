// protocol/Refusal: the error receipts that a receiver's rules cause, as the engine words them
// (engine/IncomingMapping), are classified by the rule they name; other errors are not.
#include "config/Config.h"
#include "engine/IncomingMapping.h"
#include "protocol/Messages.h"
#include "protocol/Refusal.h"

#include <QTest>

using namespace mysqlsync;

class TestRefusal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void enginesMessagesAreClassified()
    {
        Config config;
        config.receiveTables = {QStringLiteral("stock")};
        ReceiveMapping rules;
        rules.table = QStringLiteral("stock");
        rules.from = QStringLiteral("items");
        rules.key = QStringLiteral("receiveTables[1]");
        rules.insert = false;
        rules.remove = false;
        config.receiveMappings.insert(rules.table, rules);

        const QString insert = incoming::insertRefused(rules);
        QCOMPARE(refusal::classify(insert), refusal::Rule::Insert);

        ChangeMessage remove;
        remove.table = QStringLiteral("items");
        remove.id = QStringLiteral("4");
        const QString deleted = incoming::toLocal(config, &remove);
        QCOMPARE(deleted,
                 QStringLiteral("refused by the receiver's rule \"delete\": false of table stock (receiveTables[1]): a "
                                "remote may not delete its rows"));
        QCOMPARE(refusal::classify(deleted), refusal::Rule::Delete);

        ChangeMessage other;
        other.table = QStringLiteral("orders");
        other.id = QStringLiteral("1");
        const QString notReceived = incoming::toLocal(config, &other);
        QCOMPARE(notReceived, QStringLiteral("The table is not configured as receive table!"));
        QCOMPARE(refusal::classify(notReceived), refusal::Rule::NotReceived);
    }

    void namesOfRules()
    {
        QCOMPARE(refusal::ruleName(refusal::Rule::Insert), QStringLiteral("insert"));
        QCOMPARE(refusal::ruleName(refusal::Rule::Delete), QStringLiteral("delete"));
        QCOMPARE(refusal::ruleName(refusal::Rule::NotReceived), QStringLiteral("receiveTables"));
        QVERIFY(refusal::ruleName(refusal::Rule::None).isEmpty());
        QVERIFY(refusal::message(refusal::Rule::Insert, QStringLiteral("t"), QStringLiteral("k"), QStringLiteral("w"))
                    .startsWith(refusal::rulePrefix()));
    }

    void cutMessagesStillClassified()
    {
        // sync_status keeps 255 characters: a long table name cuts the text, not its rule.
        const QString long64 = QString(64, QLatin1Char('t'));
        const QString full = refusal::message(refusal::Rule::Delete, long64, QStringLiteral("receiveTables[12]"),
                                              QString(200, QLatin1Char('w')));
        QCOMPARE(refusal::classify(full.left(255)), refusal::Rule::Delete);
        QCOMPARE(refusal::classify(full.left(40)), refusal::Rule::Delete);
    }

    void otherErrorsAreNotRefusals_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("database") << "Duplicate entry '4' for key 'PRIMARY'";
        QTest::newRow("id mismatch") << "Sent id does not match entity id!";
        QTest::newRow("empty") << "";
        QTest::newRow("not at the start") << "error: refused by the receiver's rule \"delete\": false";
        QTest::newRow("unknown rule") << "refused by the receiver's rule \"update\": false of table t (k): w";
        QTest::newRow("rule name cut") << "refused by the receiver's rule \"del";
        QTest::newRow("not received, other case") << "the table is not configured as receive table!";
    }
    void otherErrorsAreNotRefusals()
    {
        QFETCH(QString, message);
        QCOMPARE(refusal::classify(message), refusal::Rule::None);
    }
};

QTEST_GUILESS_MAIN(TestRefusal)
#include "tst_refusal.moc"
