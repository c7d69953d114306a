#pragma once
// One WebSocket client of the feed: its user (once its token was accepted), what it subscribed
// to, and its bounded queue of frames. Frames go to the socket only while the socket's own
// buffer is small; the rest wait here, and a client whose queue would pass its bound is told
// (an error frame) and dropped. Lives on the feed's thread.
#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <memory>

namespace mysqlsync {

class FeedClient : public QObject {
    Q_OBJECT
public:
    FeedClient(std::unique_ptr<QWebSocket> socket, int queueBound, QObject *parent = nullptr);
    ~FeedClient() override;

    QString user() const { return m_user; }
    bool isAuthenticated() const { return !m_user.isEmpty(); }
    void setUser(const QString &user);
    QString peer() const { return m_peer; }
    QWebSocket *socket() const { return m_socket.get(); }

    // Subscriptions: a whole table, or keys of it.
    void subscribe(const QString &table, const QString &key);
    void unsubscribe(const QString &table, const QString &key);
    bool wants(const QString &table, const QString &key) const;
    // Every table (a socket.io client: esink has no subscriptions).
    void subscribeAll() { m_all = true; }

    // How the feed's frames are written on this socket (SocketIoSession's packets); none: as
    // they are. An encoded frame may be several messages, or none.
    using Encoder = std::function<QList<QByteArray>(const QByteArray &frame)>;
    void setEncoder(Encoder encoder) { m_encoder = std::move(encoder); }

    // Queues one frame; false (and the client is being dropped) when its queue was full.
    bool send(const QByteArray &frame);
    // Queues one message as it is (not encoded), bounded like send().
    bool sendRaw(const QByteArray &message);
    // Sends an error frame and closes the connection (`code`: the close code, e.g. 1008).
    void refuse(const QString &error, const QString &message, int closeCode);
    bool isClosing() const { return m_closing; }
    int queued() const { return int(m_queue.size()); }
    qint64 sent() const { return m_sent; }       // frames written to the socket
    qint64 dropped() const { return m_dropped; } // frames it never got (dropped, or closing)
    // What it subscribed to: "table" for a whole table, "table/key" for a key; sorted.
    QStringList subscriptions() const;

    static QByteArray frame(const QString &action, const QJsonValue &body);

Q_SIGNALS:
    void message(const QString &text);
    void closed();

private:
    void pump();
    bool enqueue(const QList<QByteArray> &messages);

    std::unique_ptr<QWebSocket> m_socket;
    QString m_peer;
    QString m_user;
    int m_bound;
    QQueue<QByteArray> m_queue;
    qint64 m_sent = 0;
    qint64 m_dropped = 0;
    QSet<QString> m_tables;               // whole tables
    QHash<QString, QSet<QString>> m_keys; // table -> keys
    bool m_all = false;
    Encoder m_encoder;
    bool m_closing = false;
    QTimer m_closeTimer; // a client that does not answer the close is cut off
};

} // namespace mysqlsync
