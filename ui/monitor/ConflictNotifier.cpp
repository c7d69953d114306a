#include "monitor/ConflictNotifier.h"

namespace mysqlsync::ui {

ConflictNotifier::ConflictNotifier(QObject *parent)
    : QObject(parent)
{
    connect(&m_pacer, &NotificationPacer::due, this, &ConflictNotifier::tell);
}

void ConflictNotifier::onConflicts(qint64 open, int detected)
{
    m_open = open;
    if (detected > 0 && m_pacer.offer(detected))
        tell(detected);
}

void ConflictNotifier::tell(int detected)
{
    Q_EMIT notification(tr("mysql-sync conflicts"),
                        tr("%n new conflict(s): two sites changed the same row; %1 open in the Conflicts tab", nullptr,
                           detected)
                            .arg(m_open));
}

} // namespace mysqlsync::ui
