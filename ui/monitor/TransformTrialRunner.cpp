#include "monitor/TransformTrialRunner.h"

#include "monitor/TransformTrialWorker.h"
#include "monitor/UiLogging.h"

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
    blockSignals(true);      // whoever listens may be half destroyed already (the page owning us)
    m_keysGeneration.next(); // key lists still queued are skipped
    retire();
}

void TransformTrialRunner::retire()
{
    if (!m_thread.isRunning())
        return;
    m_thread.retire(); // the worker ends its run on its own thread; nothing waits here
    m_worker = nullptr;
    setRunning(false);
}

void TransformTrialRunner::setConfiguration(const Config &config)
{
    retire();
    m_runGeneration.next();
    if (!config.siteDatabase().namesDatabase())
        return;
    m_worker = new TransformTrialWorker(config, m_keysGeneration.latest());
    connect(
        m_worker, &TransformTrialWorker::keysListed, this,
        [this](quint64 generation, const QString &table, const QStringList &keys, const QString &error) {
            if (m_keysGeneration.isCurrent(generation))
                Q_EMIT keysListed(table, keys, error);
        },
        Qt::QueuedConnection);
    connect(
        m_worker, &TransformTrialWorker::finished, this,
        [this](quint64 generation, const TrialResult &result) {
            if (!m_runGeneration.isCurrent(generation))
                return;
            setRunning(false);
            Q_EMIT finished(result);
        },
        Qt::QueuedConnection);
    m_thread.start(m_worker);
}

void TransformTrialRunner::listKeys(const QString &table, int limit)
{
    if (!m_worker) {
        Q_EMIT keysListed(table, {}, tr("no configuration is open"));
        return;
    }
    const quint64 generation = m_keysGeneration.next();
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
    const quint64 generation = m_runGeneration.next();
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
