#include "monitor/StatusCountsPoller.h"

#include "monitor/UiLogging.h"

namespace mysqlsync::ui {

StatusCountsPoller::StatusCountsPoller(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<StatusCounts>();
    qRegisterMetaType<StatusCountsByRemote>();
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &StatusCountsPoller::refresh);
}

StatusCountsPoller::~StatusCountsPoller()
{
    retire();
}

void StatusCountsPoller::retire()
{
    m_timer.stop();
    m_busy = false;
    if (!m_thread.isRunning())
        return;
    m_generation.next();
    m_thread.retire(); // nobody waits here
    m_loader = nullptr;
}

void StatusCountsPoller::setDatabase(const MysqlConfig &mysql)
{
    retire();
    if (!mysql.namesDatabase())
        return;
    m_loader = new StatusCountsLoader(mysql);
    // Answers already queued when the database is switched are not cancelled by retire():
    // the generation tells them apart.
    const quint64 generation = m_generation.next();
    connect(
        m_loader, &StatusCountsLoader::loaded, this,
        [this, generation](const StatusCountsByRemote &counts) {
            if (m_generation.isCurrent(generation))
                onLoaded(counts);
        },
        Qt::QueuedConnection);
    connect(
        m_loader, &StatusCountsLoader::failed, this,
        [this, generation](const QString &message) {
            if (m_generation.isCurrent(generation))
                onFailed(message);
        },
        Qt::QueuedConnection);
    m_thread.start(m_loader);
    m_timer.start();
    refresh();
}

void StatusCountsPoller::refresh()
{
    if (!m_loader || m_busy)
        return;
    m_busy = true;
    StatusCountsLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        loader, [loader] { loader->load(); }, Qt::QueuedConnection);
}

void StatusCountsPoller::onLoaded(const StatusCountsByRemote &counts)
{
    m_busy = false;
    Q_EMIT countsChanged(counts);
}

void StatusCountsPoller::onFailed(const QString &message)
{
    m_busy = false;
    qCWarning(lcUiStatus).noquote() << message;
    Q_EMIT failed(message);
}

} // namespace mysqlsync::ui
