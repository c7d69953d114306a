#include "monitor/ErrorNotifier.h"

namespace mysqlsync::ui {

ErrorNotifier::ErrorNotifier(QObject *parent)
    : QObject(parent)
{
    connect(&m_pacer, &NotificationPacer::due, this, &ErrorNotifier::onDue);
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

void ErrorNotifier::onError(const EngineError &error)
{
    m_latest = error;
    if (m_pacer.offer())
        Q_EMIT notification(tr("mysql-sync error"), describe(error));
}

void ErrorNotifier::onDue(int waiting)
{
    Q_EMIT notification(tr("mysql-sync errors"),
                        tr("%n more error(s); the latest: %1", nullptr, waiting).arg(describe(m_latest)));
}

} // namespace mysqlsync::ui
