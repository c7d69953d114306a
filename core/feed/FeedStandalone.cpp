#include "feed/FeedStandalone.h"

#include "common/Logging.h"
#include "feed/FeedDatabase.h"
#include "feed/FeedServer.h"
#include "feed/FeedStream.h"
#include "feed/FeedStreamReader.h"

namespace mysqlsync {

FeedStandalone::FeedStandalone(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_db(std::make_unique<FeedDatabase>(config))
{
    // No owner cache: the stream's messages carry the owners before and after.
    m_config.feed.cacheRows = 0;
    m_stream =
        std::make_unique<FeedStream>(m_config,
                                     [this](const QString &table, const QString &key, const FeedDelivery &delivery,
                                            const QByteArray &change, const QByteArray &gone) {
                                         if (m_server)
                                             m_server->deliver(table, key, delivery, change, gone);
                                     });
}

FeedStandalone::~FeedStandalone()
{
    delete m_reader; // nothing arrives any more
    m_reader = nullptr;
    delete m_server; // its clients before the stream and the database
    m_server = nullptr;
}

bool FeedStandalone::start(QString *error)
{
    bool fatal = false;
    QString why;
    if (!m_db->open(&why, &fatal)) {
        if (fatal) {
            *error = why;
            return false;
        }
        qCWarning(lcFeed).noquote() << "the feed's database is not reachable (" << why
                                    << "): tokens cannot be looked up in it";
    }
    m_server = new FeedServer(m_config, m_db.get(), m_stream.get(), this);
    if (!m_server->start(error))
        return false;
    m_reader = new FeedStreamReader(m_config, m_stream.get(), this);
    m_reader->start();
    return true;
}

quint16 FeedStandalone::port() const
{
    return m_server ? m_server->port() : 0;
}

} // namespace mysqlsync
