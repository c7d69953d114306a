#include "feed/FeedRuntime.h"

#include "common/Logging.h"
#include "feed/FeedDatabase.h"
#include "feed/FeedJwt.h"
#include "feed/FeedServer.h"
#include "feed/FeedStream.h"
#include "feed/FeedStreamMessage.h"

#include <QDateTime>

namespace mysqlsync {

FeedRuntime::FeedRuntime(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_db(std::make_unique<FeedDatabase>(config))
{
    m_stream =
        std::make_unique<FeedStream>(config,
                                     [this](const QString &table, const QString &key, const FeedDelivery &delivery,
                                            const QByteArray &change, const QByteArray &gone) {
                                         if (m_server)
                                             m_server->deliver(table, key, delivery, change, gone);
                                     });
}

FeedRuntime::~FeedRuntime()
{
    delete m_server; // its clients before the stream and the database
    m_server = nullptr;
}

void FeedRuntime::setStreamPublisher(std::function<void(const QByteArray &payload)> publish)
{
    m_stream->setResolved([publish = std::move(publish), sender = m_config.clientName](const FeedChange &change,
                                                                                       const QSet<QString> &before,
                                                                                       const QSet<QString> &after) {
        publish(FeedStreamMessage::encode(sender, change, before, after));
    });
}

bool FeedRuntime::start(QString *error)
{
    if (m_config.feed.jwt && m_config.feed.jwtKey.toUtf8().size() < FeedJwt::kMinKeyBytes) {
        *error = QStringLiteral("feed.tokens.jwtKey: the key has %1 bytes; HS256 needs at least %2")
                     .arg(m_config.feed.jwtKey.toUtf8().size())
                     .arg(FeedJwt::kMinKeyBytes);
        return false;
    }
    bool fatal = false;
    if (!m_db->open(error, &fatal)) {
        if (!fatal)
            *error = QStringLiteral("the feed's database connection: %1").arg(*error);
        return false;
    }
    for (auto it = m_config.feed.routing.cbegin(); it != m_config.feed.routing.cend(); ++it) {
        if (it->everyone && m_config.feed.cacheRows <= 0)
            continue;
        QHash<QString, QJsonObject> values;
        QString why;
        if (!m_db->routingValues(it.key(), it->columns, m_config.feed.cacheRows, &values, &why)) {
            *error = why;
            return false;
        }
        m_stream->prime(it.key(), values);
    }
    // Made here, on the feed's thread: Qt HttpServer's WebSocket server has no parent, so a
    // moveToThread() of the runtime would leave it behind.
    m_server = new FeedServer(m_config, m_db.get(), m_stream.get(), this);
    connect(m_server, &FeedServer::clientsChanged, this, &FeedRuntime::clientsChanged);
    return m_server->start(error);
}

quint16 FeedRuntime::port() const
{
    return m_server ? m_server->port() : 0;
}

void FeedRuntime::rowsChanged(const QList<ChangedRow> &rows)
{
    QHash<QString, QStringList> byTable;
    for (const ChangedRow &r : rows) {
        if (m_stream->isRouted(r.table))
            byTable[r.table].append(r.key);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
        QHash<QString, QJsonObject> current;
        QString error;
        if (!m_db->rows(it.key(), it.value(), &current, &error)) {
            // At most once a minute: a database that is away must not flood the log.
            if (!m_lastWarning.isValid() || m_lastWarning.hasExpired(60000)) {
                m_lastWarning.start();
                qCWarning(lcFeed).noquote()
                    << "the feed cannot read changed rows of" << it.key() << ":" << error << "- their pushes are lost";
            }
            continue;
        }
        for (const QString &key : it.value()) {
            FeedChange change;
            change.table = it.key();
            change.key = key;
            auto row = current.constFind(key);
            change.row = row == current.cend() ? QJsonValue(QJsonValue::Null) : QJsonValue(*row);
            change.time = now;
            m_stream->changed(change);
        }
    }
}

} // namespace mysqlsync
