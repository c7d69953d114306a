#pragma once
// The test class of tst_hostile (hostile and malformed input against one real engine), in three
// files: tst_hostile.cpp (the helpers, initTestCase, valid changes, hostile names, own sender,
// the log), tst_hostile_refused.cpp (changes answered with one receipt and nothing written)
// and tst_hostile_malformed.cpp (malformed payloads on every topic), with what they share.
#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"

using namespace testsupport;

namespace hostile {

inline const QString kSelf = QStringLiteral("site_b");
inline const QString kRemote = QStringLiteral("site_a");
inline const QString kDatabase = QStringLiteral("hostile_b");
inline const QString kHostileColumn = QStringLiteral("x`; DROP TABLE t; --");
inline const QString kHostileTable = QStringLiteral("hostile_cols");
inline const QString kNotReceiveTable = QStringLiteral("The table is not configured as receive table!");
inline const QString kIdMismatch = QStringLiteral("Sent id does not match entity id!");
inline const int kSentinelId = 9999;
inline const int kTimeoutMs = 15000;

inline const QString kChangeTopic = QStringLiteral("/change/site_b");
inline const QString kOwnInfoTopic = QStringLiteral("/info/site_b");
inline const QString kInfoTopic = QStringLiteral("/info");
inline const QString kReceiptTopic = QStringLiteral("/info/site_a");

// One line of mosquitto_sub -v output: "topic payload".
struct Line {
    QString topic;
    QString payload;
    QJsonObject json; // empty unless the payload is a JSON object
    bool isJson = false;
};

Line parseLine(const QString &line);
QString senderOf(const Line &l);
QString kind(const Line &l);
QJsonObject args(const Line &l);
// Whether a line is something the engine published (its heartbeats left out).
bool isEngineOutput(const Line &l);
QByteArray compact(const QJsonObject &o);
QJsonObject entity(const QJsonValue &id, const QJsonValue &name, const QJsonValue &qty);
// A change message as raw bytes; `id` and `entity` may be any JSON value (even undefined: left out).
QByteArray changePayload(const QString &from, const QString &table, const QJsonValue &id, qint64 date,
                         const QJsonValue &entityValue);

} // namespace hostile

using namespace hostile;

class TestHostile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void validChange_data();
    void validChange();
    void notReceiveTable_data();
    void notReceiveTable();
    // idMismatch, unknownColumn, wrongValueType, deleteMissingKey and deleteMalformedKey.
    void oneReceiptNothingWritten_data();
    void oneReceiptNothingWritten();
    void hostileColumnTable();
    void malformed_data();
    void malformed();
    void numericIdFromEarlierEngine_data();
    void numericIdFromEarlierEngine();
    void ownSenderIgnored();
    void logHasNoSecrets();

private:
    qint64 nextDate() { return m_dateBase + (++m_dateCounter); }
    bool publish(const QString &topic, const QByteArray &payload) { return mqttPublish(m_servers, topic, payload); }
    bool sendChange(const QString &table, const QJsonValue &id, qint64 date, const QJsonValue &entityValue)
    {
        return publish(kChangeTopic, changePayload(kRemote, table, id, date, entityValue));
    }
    int mark() const { return int(m_all->lines().size()); }
    QList<Line> engineOutputSince(int mark) const;
    // The receipt on /info/site_a whose args.date is `date`.
    std::optional<Line> waitForReceipt(qint64 date, int timeoutMs = kTimeoutMs);
    // Upserts the sentinel row through the engine and waits for its data_received; empty when
    // all went well, else what went wrong.
    QString sentinel(qint64 *date = nullptr);
    // Every user table's rows (the sentinel row left out) and the list of tables.
    QString snapshot();
    bool tableTExists();
    // Checks the receipt's exact shape; empty when fine.
    static QString checkReceipt(const Line &receipt, const QString &kind, const QString &table, const QString &id,
                                qint64 date);
    // After a bad message: sentinel round trip, then only `expected` (plus the sentinel's receipt)
    // may have come from the engine, the data is as in `before`, t is still there.
    void expectNothingWritten(const QString &before, int fromMark, QList<Line> *engineOutput);

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<MqttSubscriber> m_all;
    std::unique_ptr<EngineProcess> m_engine;
    QElapsedTimer m_clock;
    qint64 m_dateBase = 0;
    qint64 m_dateCounter = 0;
    int m_sentinelRuns = 0;
};
