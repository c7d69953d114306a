// Row versions (protocol/RowVersion) and the conflict decision (engine/ConflictRule): the
// order of two versions, the hybrid clock, the wire form's checks, and that every policy picks
// the same winner whichever side asks, with ties and skewed clocks.
#include "engine/ConflictRule.h"
#include "protocol/RowVersion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mysqlsync;

namespace {

RowVersion version(const QString &origin, qint64 time, QMap<QString, qint64> vector = {})
{
    vector.insert(origin, time);
    return RowVersion{origin, time, vector, {}};
}

ConflictPolicy priority(const QStringList &sites)
{
    ConflictPolicy p;
    p.kind = ConflictPolicy::Kind::Priority;
    p.sites = sites;
    return p;
}

} // namespace

Q_DECLARE_METATYPE(mysqlsync::RowVersion)
Q_DECLARE_METATYPE(mysqlsync::ConflictPolicy)

class TestConflictRule : public QObject {
    Q_OBJECT
private slots:
    void order_data();
    void order();
    void nextNeverGoesBack();
    void mergeTakesTheMaximum();
    void wireRoundTrip();
    void wireRejects_data();
    void wireRejects();
    void storedVector();
    void decide_data();
    void decide();
    void sameWinnerOnBothSides_data();
    void sameWinnerOnBothSides();
    void skewedClockAfterSeeing();
    void absorbedIsIncludedNotSent();
};

void TestConflictRule::order_data()
{
    QTest::addColumn<RowVersion>("a");
    QTest::addColumn<RowVersion>("b");
    QTest::addColumn<int>("expected");
    const RowVersion base = version(QStringLiteral("site_a"), 100);
    const RowVersion onTop = version(QStringLiteral("site_b"), 150, {{QStringLiteral("site_a"), 100}});
    const RowVersion other = version(QStringLiteral("site_b"), 120);
    QTest::newRow("same") << base << base << int(RowVersion::Order::Same);
    QTest::newRow("descendant after") << onTop << base << int(RowVersion::Order::After);
    QTest::newRow("ancestor before") << base << onTop << int(RowVersion::Order::Before);
    QTest::newRow("concurrent") << base << other << int(RowVersion::Order::Concurrent);
    QTest::newRow("none before any") << RowVersion() << base << int(RowVersion::Order::Before);
    QTest::newRow("none and none") << RowVersion() << RowVersion() << int(RowVersion::Order::Same);
    // Two changes of one site are never concurrent: the later includes the earlier.
    const RowVersion later = RowVersion::next(base, QStringLiteral("site_a"), 90);
    QTest::newRow("one site, later") << later << base << int(RowVersion::Order::After);
}

void TestConflictRule::order()
{
    QFETCH(RowVersion, a);
    QFETCH(RowVersion, b);
    QFETCH(int, expected);
    QCOMPARE(int(RowVersion::compare(a, b)), expected);
}

void TestConflictRule::nextNeverGoesBack()
{
    // The local clock says 50, but the row already holds a change made at 200 elsewhere: the
    // new change is later than everything the row holds, so it includes and follows it.
    const RowVersion seen = version(QStringLiteral("site_b"), 200, {{QStringLiteral("site_a"), 40}});
    const RowVersion mine = RowVersion::next(seen, QStringLiteral("site_a"), 50);
    QCOMPARE(mine.origin, QStringLiteral("site_a"));
    QCOMPARE(mine.time, 201);
    QCOMPARE(mine.vector.value(QStringLiteral("site_a")), 201);
    QCOMPARE(mine.vector.value(QStringLiteral("site_b")), 200);
    QCOMPARE(RowVersion::compare(mine, seen), RowVersion::Order::After);
    // A clock ahead of the row: its own time.
    QCOMPARE(RowVersion::next(seen, QStringLiteral("site_a"), 5000).time, 5000);
}

void TestConflictRule::mergeTakesTheMaximum()
{
    const QMap<QString, qint64> a{{QStringLiteral("x"), 5}, {QStringLiteral("y"), 1}};
    const QMap<QString, qint64> b{{QStringLiteral("y"), 7}, {QStringLiteral("z"), 2}};
    const QMap<QString, qint64> m = RowVersion::merge(a, b);
    QCOMPARE(m, (QMap<QString, qint64>{{QStringLiteral("x"), 5}, {QStringLiteral("y"), 7}, {QStringLiteral("z"), 2}}));
    QCOMPARE(RowVersion::merge(b, a), m);
}

void TestConflictRule::wireRoundTrip()
{
    const RowVersion v = version(QStringLiteral("site_b"), 1767225600123, {{QStringLiteral("site_a"), 1767225600000}});
    RowVersion back;
    QString error;
    QVERIFY2(RowVersion::fromJson(v.toJson(), QStringLiteral("version"), &back, &error), qPrintable(error));
    QCOMPARE(back, v);
}

void TestConflictRule::wireRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("named");
    QTest::newRow("not an object") << QByteArray(R"([1])") << QStringLiteral("must be an object");
    QTest::newRow("bad origin") << QByteArray(R"({"origin":"a b","time":1,"vector":{"a b":1}})")
                                << QStringLiteral("version.origin");
    QTest::newRow("time a string") << QByteArray(R"({"origin":"site_a","time":"1","vector":{"site_a":1}})")
                                   << QStringLiteral("version.time");
    QTest::newRow("vector not object") << QByteArray(R"({"origin":"site_a","time":1,"vector":[1]})")
                                       << QStringLiteral("version.vector");
    QTest::newRow("site name hostile") << QByteArray(
        R"({"origin":"site_a","time":1,"vector":{"site_a":1,"x'; DROP":2}})")
                                       << QStringLiteral("not a valid client name");
    QTest::newRow("origin entry differs")
        << QByteArray(R"({"origin":"site_a","time":5,"vector":{"site_a":4}})") << QStringLiteral("must equal `time`");
    QTest::newRow("negative time") << QByteArray(R"({"origin":"site_a","time":1,"vector":{"site_a":1,"site_b":-3}})")
                                   << QStringLiteral("positive");
}

void TestConflictRule::wireRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, named);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonValue value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    RowVersion v;
    QString error;
    QVERIFY(!RowVersion::fromJson(value, QStringLiteral("version"), &v, &error));
    QVERIFY2(error.contains(named), qPrintable(error));
}

void TestConflictRule::storedVector()
{
    const RowVersion v = version(QStringLiteral("site_a"), 10, {{QStringLiteral("site_b"), 3}});
    QMap<QString, qint64> back;
    QString error;
    QVERIFY(RowVersion::vectorFromText(v.vectorText(), &back, &error));
    QCOMPARE(back, v.vector);
    QVERIFY(!RowVersion::vectorFromText(QStringLiteral("{broken"), &back, &error));
    QVERIFY(error.contains(QStringLiteral("not a JSON object")));
}

void TestConflictRule::decide_data()
{
    QTest::addColumn<ConflictPolicy>("policy");
    QTest::addColumn<RowVersion>("local");
    QTest::addColumn<RowVersion>("remote");
    QTest::addColumn<int>("winner");
    const ConflictPolicy newest;
    ConflictPolicy manual;
    manual.kind = ConflictPolicy::Kind::Manual;
    const RowVersion a100 = version(QStringLiteral("site_a"), 100);
    const RowVersion b200 = version(QStringLiteral("site_b"), 200);
    const RowVersion b100 = version(QStringLiteral("site_b"), 100);
    const RowVersion c300 = version(QStringLiteral("site_c"), 300);
    QTest::newRow("newest: remote later") << newest << a100 << b200 << int(ConflictWinner::Remote);
    QTest::newRow("newest: local later") << newest << b200 << a100 << int(ConflictWinner::Local);
    QTest::newRow("newest: tie, first name wins (local)") << newest << a100 << b100 << int(ConflictWinner::Local);
    QTest::newRow("newest: tie, first name wins (remote)") << newest << b100 << a100 << int(ConflictWinner::Remote);
    QTest::newRow("priority: listed first wins though older")
        << priority({QStringLiteral("site_a"), QStringLiteral("site_b")}) << a100 << b200 << int(ConflictWinner::Local);
    QTest::newRow("priority: remote listed first") << priority({QStringLiteral("site_b"), QStringLiteral("site_a")})
                                                   << a100 << b100 << int(ConflictWinner::Remote);
    QTest::newRow("priority: unlisted loses to listed")
        << priority({QStringLiteral("site_b")}) << c300 << b100 << int(ConflictWinner::Remote);
    QTest::newRow("priority: both unlisted, newest")
        << priority({QStringLiteral("site_x")}) << a100 << c300 << int(ConflictWinner::Remote);
    QTest::newRow("manual stays open") << manual << a100 << b200 << int(ConflictWinner::Open);
}

void TestConflictRule::decide()
{
    QFETCH(ConflictPolicy, policy);
    QFETCH(RowVersion, local);
    QFETCH(RowVersion, remote);
    QFETCH(int, winner);
    QCOMPARE(int(ConflictRule::decide(policy, local, remote)), winner);
}

void TestConflictRule::sameWinnerOnBothSides_data()
{
    decide_data();
}

void TestConflictRule::sameWinnerOnBothSides()
{
    // What one site calls local the other calls remote: both must keep the same version.
    QFETCH(ConflictPolicy, policy);
    QFETCH(RowVersion, local);
    QFETCH(RowVersion, remote);
    const ConflictWinner here = ConflictRule::decide(policy, local, remote);
    const ConflictWinner there = ConflictRule::decide(policy, remote, local);
    if (here == ConflictWinner::Open) {
        QCOMPARE(there, ConflictWinner::Open);
        return;
    }
    const RowVersion keptHere = here == ConflictWinner::Local ? local : remote;
    const RowVersion keptThere = there == ConflictWinner::Local ? remote : local;
    QCOMPARE(keptHere, keptThere);
}

void TestConflictRule::skewedClockAfterSeeing()
{
    // site_b's clock is an hour behind. It takes site_a's change and changes the row again: its
    // change follows site_a's (it includes it), so no policy is asked, whatever the clocks say.
    const RowVersion fromA = version(QStringLiteral("site_a"), 10'000'000);
    const RowVersion byB = RowVersion::next(fromA, QStringLiteral("site_b"), 10'000'000 - 3'600'000);
    QCOMPARE(RowVersion::compare(byB, fromA), RowVersion::Order::After);
    QVERIFY(byB.time > fromA.time);
    // Made without seeing it, the skewed change is older by the clocks and loses under newest,
    // on both sides alike.
    const RowVersion blind = version(QStringLiteral("site_b"), 10'000'000 - 3'600'000);
    QCOMPARE(RowVersion::compare(blind, fromA), RowVersion::Order::Concurrent);
    QCOMPARE(ConflictRule::decide(ConflictPolicy(), blind, fromA), ConflictWinner::Remote);
    QCOMPARE(ConflictRule::decide(ConflictPolicy(), fromA, blind), ConflictWinner::Local);
}

void TestConflictRule::absorbedIsIncludedNotSent()
{
    // site_b's version won against site_a's: site_b keeps its own version and absorbs
    // site_a's. A late copy of site_a's is not judged again; site_b's next change includes both.
    const RowVersion fromA = version(QStringLiteral("site_a"), 100);
    RowVersion held = version(QStringLiteral("site_b"), 200);
    held.absorbed = fromA.vector;
    QVERIFY(RowVersion::includes(held, fromA));
    QVERIFY(RowVersion::includes(held, version(QStringLiteral("site_b"), 200)));
    QVERIFY(!RowVersion::includes(held, version(QStringLiteral("site_c"), 50)));
    const RowVersion next = RowVersion::next(held, QStringLiteral("site_b"), 300);
    QCOMPARE(RowVersion::compare(next, fromA), RowVersion::Order::After);
    QVERIFY(next.absorbed.isEmpty());
    // The wire form is the version alone.
    RowVersion back;
    QString error;
    QVERIFY(RowVersion::fromJson(held.toJson(), QStringLiteral("version"), &back, &error));
    QVERIFY(back.absorbed.isEmpty());
    QCOMPARE(back.vector, held.vector);
}

QTEST_GUILESS_MAIN(TestConflictRule)
#include "tst_conflictrule.moc"
