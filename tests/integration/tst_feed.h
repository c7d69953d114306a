#pragma once
// tst_feed (issue 18): the live feed of a real daemon against the private servers, seen by
// WebSocket clients in this process. tst_feed.cpp: set-up, routing, subscriptions, filters, a
// row applied from a remote; tst_feed_clients.cpp: tokens, a client that stops reading, HTTP,
// wss:// and https://, catalogue problems refused at start and by --check.
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpSocket>
#include <QWebSocket>

#include <memory>

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"

// One WebSocket client of the feed: every text frame it received, raw and parsed.
class FeedTestClient : public QObject {
    Q_OBJECT
public:
    explicit FeedTestClient(QObject *parent = nullptr);
    // Connects to ws://127.0.0.1:port/ (with ?token= when given); true once open.
    bool open(quint16 port, const QString &token = QString());
    void send(const QJsonObject &message);
    // Sends {"action": action, "body": {"entity": table(, "id": key)}} and waits for the answer.
    bool subscribe(const QString &table, const QString &key = QString(),
                   const QString &action = QStringLiteral("subscribe"));
    // The first frame with this action (and, if given, body.table/body.key) after `from`; waits.
    QJsonObject waitFor(const QString &action, const QString &table = QString(), const QString &key = QString(),
                        int timeoutMs = 30000);
    // How many frames of this action, table and key were received.
    int count(const QString &action, const QString &table, const QString &key) const;
    QList<QJsonObject> frames() const { return m_frames; }
    QList<QByteArray> raw() const { return m_raw; }
    bool isClosed() const { return m_closed; }
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QList<QByteArray> m_raw;
    QList<QJsonObject> m_frames;
    bool m_connected = false;
    bool m_closed = false;
};

class TestFeed : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void routingByColumnListAndStar();
    void rowMovingBetweenUsers();
    void perKeySubscriptions();
    void appliedFromRemote();
    void wrongOrRevokedTokenRefused();
    void slowClientDroppedOthersKeepReceiving();
    void httpPingAndPublish();
    void tlsOnly();
    void catalogueProblemsRefused();
    void filteredColumnsNeverSent();

private:
    // Inserts a `notes` row (routed to everyone) and waits until each client has it: every frame
    // sent to them before it has arrived by then.
    void barrier(const QList<FeedTestClient *> &clients);
    std::unique_ptr<FeedTestClient> client(const QString &token, const QStringList &tables);

    testsupport::Servers m_servers;
    std::unique_ptr<testsupport::SiteDatabase> m_a;
    std::unique_ptr<testsupport::SiteDatabase> m_b;
    std::unique_ptr<testsupport::EngineProcess> m_engineA;
    std::unique_ptr<testsupport::EngineProcess> m_engineB;
    quint16 m_port = 0;
    int m_note = 0;
    QList<QByteArray> m_allFrames; // every frame any client received, for filteredColumnsNeverSent
};
