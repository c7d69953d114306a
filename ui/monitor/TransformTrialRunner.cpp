#include "monitor/TransformTrialRunner.h"

#include "monitor/TransformTrialWorker.h"
#include "monitor/UiLogging.h"

#include <QThread>

#include <utility>

namespace mysqlsync::ui {

TransformTrialRunner::TransformTrialRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<TrialRequest>();
    qRegisterMetaType<TrialResult>();
}

TransformTrialRunner::~TransformTrialRunner()
{
    blockSignals(true);               // whoever listens may be half destroyed already (the page owning us)
    m_latestKeys->store(~quint64(0)); // key lists still queued are skipped
    retire();
    for (const QPointer<QThread> &thread : std::as_const(m_retired)) {
        if (thread)
            thread->wait();
    }
}

void TransformTrialRunner::retire()
{
    if (!m_thread)
        return;
    m_worker->disconnect(this);
    // The worker is deleted on its thread as it ends (connected in setConfiguration), then
    // the thread object here.
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->quit();
    m_retired.removeAll(QPointer<QThread>());
    m_retired << m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    setRunning(false);
}

void TransformTrialRunner::setConfiguration(const Config &config)
{
    retire();
    ++m_runGeneration;
    if (config.mysql.database.isEmpty())
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("sync-ui-transform"));
    m_worker = new TransformTrialWorker(config, m_latestKeys);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(
        m_worker, &TransformTrialWorker::keysListed, this,
        [this](quint64 generation, const QString &table, const QStringList &keys, const QString &error) {
            if (generation == m_keysGeneration)
                Q_EMIT keysListed(table, keys, error);
        },
        Qt::QueuedConnection);
    connect(
        m_worker, &TransformTrialWorker::finished, this,
        [this](quint64 generation, const TrialResult &result) {
            if (generation != m_runGeneration)
                return;
            setRunning(false);
            Q_EMIT finished(result);
        },
        Qt::QueuedConnection);
    m_thread->start();
}

void TransformTrialRunner::listKeys(const QString &table, int limit)
{
    if (!m_worker) {
        Q_EMIT keysListed(table, {}, tr("no configuration is open"));
        return;
    }
    m_latestKeys->store(++m_keysGeneration);
    const quint64 generation = m_keysGeneration;
    TransformTrialWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [=] { worker->listKeys(generation, table, limit); }, Qt::QueuedConnection);
}

void TransformTrialRunner::run(const TrialRequest &request)
{
    if (m_running)
        return;
    if (!m_worker) {
        TrialResult result;
        result.request = request;
        result.error = tr("no configuration is open");
        Q_EMIT finished(result);
        return;
    }
    setRunning(true);
    const quint64 generation = ++m_runGeneration;
    TransformTrialWorker *worker = m_worker;
    qCDebug(lcUiTransform).noquote() << "trying the transformer of" << request.table << "on key" << request.key;
    QMetaObject::invokeMethod(
        worker, [=] { worker->run(generation, request); }, Qt::QueuedConnection);
}

void TransformTrialRunner::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

} // namespace mysqlsync::ui
