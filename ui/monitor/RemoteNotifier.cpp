#include "monitor/RemoteNotifier.h"

#include "monitor/UiLogging.h"

#include <QDateTime>

namespace mysqlsync::ui {

RemoteNotifier::RemoteNotifier(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RemoteNotifier::deliverDue);
}

void RemoteNotifier::start(const QStringList &remotes)
{
    m_remotes.clear();
    for (const QString &name : remotes)
        m_remotes.insert(name, Remote());
    m_running = true;
    m_quietUntil = m_clock() + m_startGraceMs;
    m_timer.stop();
}

void RemoteNotifier::stop()
{
    m_running = false;
    for (Remote &r : m_remotes)
        r.changedMs = -1;
    m_timer.stop();
}

void RemoteNotifier::onRemoteState(const QString &name, bool online, qint64)
{
    auto it = m_remotes.find(name);
    if (!m_running || it == m_remotes.end())
        return; // clients that are not our remotes are no news
    Remote &r = *it;
    if (r.online == online)
        return;
    const qint64 now = m_clock();
    r.online = online;
    if (online && !r.everOnline && r.notifiedMs < 0 && now < m_quietUntil) {
        // Found online right after the start: that is the start, not news.
        r.shown = true;
        r.everOnline = true;
        r.changedMs = -1;
        return;
    }
    if (r.online == r.shown)
        r.changedMs = -1; // back to what the user knows: nothing to tell
    else if (r.changedMs < 0)
        r.changedMs = now;
    schedule();
}

bool RemoteNotifier::mayNameNow(const Remote &r, qint64 now) const
{
    return r.notifiedMs < 0 || now >= r.notifiedMs + m_minimumIntervalMs;
}

qint64 RemoteNotifier::dueMs(const Remote &r) const
{
    const qint64 coalesced = r.changedMs + m_coalesceMs;
    return r.notifiedMs < 0 ? coalesced : qMax(coalesced, r.notifiedMs + m_minimumIntervalMs);
}

qint64 RemoteNotifier::nextDueMs() const
{
    qint64 best = -1;
    for (const Remote &r : m_remotes) {
        if (r.changedMs >= 0 && (best < 0 || dueMs(r) < best))
            best = dueMs(r);
    }
    return best;
}

void RemoteNotifier::deliverDue()
{
    if (!m_running)
        return;
    const qint64 now = m_clock();
    const qint64 due = nextDueMs();
    if (due < 0 || due > now) {
        schedule();
        return;
    }
    // One remote is due: every other change that may be named now goes with it.
    QStringList offline;
    QStringList online;
    QStringList back;
    for (auto it = m_remotes.begin(); it != m_remotes.end(); ++it) {
        Remote &r = *it;
        if (r.changedMs < 0 || !mayNameNow(r, now))
            continue;
        if (!r.online)
            offline << it.key();
        else
            (r.everOnline ? back : online) << it.key();
        r.shown = r.online;
        r.everOnline = r.everOnline || r.online;
        r.changedMs = -1;
        r.notifiedMs = now;
    }
    offline.sort();
    online.sort();
    back.sort();
    const int count = int(offline.size() + online.size() + back.size());
    if (count == 0) {
        schedule();
        return;
    }
    QString title;
    QString message;
    if (count == 1 && !offline.isEmpty()) {
        title = tr("%1 is offline").arg(offline.first());
        message = tr("No heartbeat from %1: its changes wait in the outbox until it is back.").arg(offline.first());
    } else if (count == 1) {
        const QString name = back.isEmpty() ? online.first() : back.first();
        title = back.isEmpty() ? tr("%1 is online").arg(name) : tr("%1 is back online").arg(name);
        message = tr("What waited in the outbox for %1 is being sent.").arg(name);
    } else {
        title = tr("%n remotes changed state", nullptr, count);
        QStringList lines;
        const QString separator = QStringLiteral(", ");
        if (!offline.isEmpty())
            lines << tr("Offline: %1").arg(offline.join(separator));
        if (!back.isEmpty())
            lines << tr("Back online: %1").arg(back.join(separator));
        if (!online.isEmpty())
            lines << tr("Online: %1").arg(online.join(separator));
        message = lines.join(QLatin1Char('\n'));
    }
    qCInfo(lcUiTray).noquote() << "notification:" << title << "-" << message;
    Q_EMIT notification(title, message, !offline.isEmpty());
    schedule();
}

void RemoteNotifier::schedule()
{
    const qint64 due = nextDueMs();
    if (due < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(qBound(qint64(0), due - m_clock(), qint64(24 * 3600 * 1000))));
}

} // namespace mysqlsync::ui
