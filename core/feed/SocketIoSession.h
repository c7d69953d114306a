#pragma once
// socket.io v4 compatibility of the feed (docs/protocol.md, "Live feed", "socket.io clients"):
// Engine.IO v4 and Socket.IO v5 packets over one FeedClient's WebSocket, for esink's clients
// (`io(url, {auth: {token}, transports: ['websocket']})` on /socket.io/). It sends the open
// packet, pings, takes the CONNECT packet's token (FeedServer checks it as any other), and
// encodes the feed's own frames as the packets such a client understands: the answer to a token
// as CONNECT (40) or CONNECT_ERROR (44), every change as the events `{table}` and `changes`.
// Delivery (routing, the bounded queue) stays FeedServer's and FeedClient's. Lives on the
// feed's thread, a child of its client.
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

namespace mysqlsync {

class FeedClient;

class SocketIoSession : public QObject {
    Q_OBJECT
public:
    static constexpr int kPingIntervalMs = 25000;
    static constexpr int kPingTimeoutMs = 20000;
    static constexpr int kMaxPayload = 64 * 1024; // what FeedClient accepts from a client

    // Whether a WebSocket request is for socket.io (the path /socket.io/).
    static bool isSocketIo(const QUrl &url);
    // Why a socket.io request cannot be served (not EIO=4, not the websocket transport), or empty.
    static QString refusal(const QUrl &url);

    // Takes over `client`'s messages and encoding, and sends the open packet.
    explicit SocketIoSession(FeedClient *client);

    // The packets for one of the feed's own frames ({"action": ..., "body": ...}); none for a
    // frame a socket.io client has no use for. `connected`: the client's CONNECT was answered.
    static QList<QByteArray> encode(const QByteArray &frame, const QString &sid, bool connected);

Q_SIGNALS:
    // The client asked to connect with this token (auth.token of its CONNECT packet).
    void connectRequest(const QString &token);

private:
    void received(const QString &text);
    void packet(const QString &packet);
    QList<QByteArray> encodeFrame(const QByteArray &frame);

    FeedClient *m_client;
    QString m_sid;   // Engine.IO session id (the open packet)
    QString m_ioSid; // Socket.IO session id (the CONNECT answer)
    bool m_connectAsked = false;
    bool m_connected = false;
    QTimer m_ping;        // the next ping
    QTimer m_pongTimeout; // a ping not answered in time closes the connection
};

} // namespace mysqlsync
