#include "monitor/ErrorNotifier.h"

#include <QDateTime>

namespace mysqlsync::ui {

ErrorNotifier::ErrorNotifier(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ErrorNotifier::deliverDue);
}

QString ErrorNotifier::describe(const EngineError &error)
{
    QStringList where;
    if (!error.remote.isEmpty())
        where << tr("remote %1").arg(error.remote);
    if (!error.table.isEmpty())
        where << (error.key.isEmpty() ? tr("table %1").arg(error.table)
                                      : tr("table %1, key %2").arg(error.table, error.key));
    const QString source = EngineError::sourceName(error.source);
    return where.isEmpty() ? tr("[%1] %2").arg(source, error.message)
                           : tr("[%1] %2 (%3)").arg(source, error.message, where.join(QStringLiteral(", ")));
}

qint64 ErrorNotifier::nextDueMs() const
{
    return m_waiting > 0 ? m_lastToldMs + m_intervalMs : -1;
}

void ErrorNotifier::onError(const EngineError &error)
{
    const qint64 now = m_clock();
    if (m_lastToldMs < 0 || now - m_lastToldMs >= m_intervalMs) {
        tell(tr("mysql-sync error"), describe(error), now);
        return;
    }
    ++m_waiting;
    m_latest = error;
    if (!m_timer.isActive())
        m_timer.start(int(qMax<qint64>(0, nextDueMs() - now)));
}

void ErrorNotifier::deliverDue()
{
    const qint64 now = m_clock();
    if (m_waiting == 0)
        return;
    if (now < nextDueMs()) {
        m_timer.start(int(nextDueMs() - now));
        return;
    }
    tell(tr("mysql-sync errors"), tr("%n more error(s); the latest: %1", nullptr, m_waiting).arg(describe(m_latest)),
         now);
}

void ErrorNotifier::reset()
{
    m_timer.stop();
    m_waiting = 0;
    m_lastToldMs = -1;
}

void ErrorNotifier::tell(const QString &title, const QString &message, qint64 now)
{
    m_timer.stop();
    m_waiting = 0;
    m_lastToldMs = now;
    Q_EMIT notification(title, message);
}

} // namespace mysqlsync::ui
