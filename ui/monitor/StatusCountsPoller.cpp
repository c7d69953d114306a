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
    for (const QPointer<QThread> &thread : std::as_const(m_retired)) {
        if (thread)
            thread->wait(); // quit() was called: only a query already running is waited for
    }
}

void StatusCountsPoller::retire()
{
    m_timer.stop();
    m_busy = false;
    if (!m_thread)
        return;
    ++m_generation;
    m_loader->disconnect(this);
    // The loader (and its connection) is deleted on its thread when the thread ends, the
    // thread object afterwards on ours; nobody waits here.
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->quit();
    m_retired.removeAll(nullptr);
    m_retired.append(m_thread);
    m_thread = nullptr;
    m_loader = nullptr;
}

void StatusCountsPoller::setDatabase(const MysqlConfig &mysql)
{
    retire();
    if (mysql.database.isEmpty())
        return;
    m_thread = new QThread; // not a child: it may outlive a switch, deleted when finished
    m_thread->setObjectName(QStringLiteral("sync-ui-counts"));
    m_loader = new StatusCountsLoader(mysql);
    m_loader->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    // Answers already queued when the database is switched are not cancelled by disconnect():
    // the generation tells them apart.
    const quint64 generation = ++m_generation;
    connect(
        m_loader, &StatusCountsLoader::loaded, this,
        [this, generation](const StatusCountsByRemote &counts) {
            if (generation == m_generation)
                onLoaded(counts);
        },
        Qt::QueuedConnection);
    connect(
        m_loader, &StatusCountsLoader::failed, this,
        [this, generation](const QString &message) {
            if (generation == m_generation)
                onFailed(message);
        },
        Qt::QueuedConnection);
    m_thread->start();
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
