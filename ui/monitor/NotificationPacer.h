#pragma once
// The pace of a tray notifier (ErrorNotifier, ConflictNotifier): the first event after a quiet
// interval is told at once; events that follow within the interval are added up and told
// together when it ends (due()), and that counts as the last telling. Time comes from a clock
// that tests replace; deliverDue() is what the internal timer calls.
#include <QObject>
#include <QTimer>

#include <functional>

namespace mysqlsync::ui {

class NotificationPacer : public QObject {
    Q_OBJECT
public:
    explicit NotificationPacer(QObject *parent = nullptr);

    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    void setIntervalMs(qint64 ms) { m_intervalMs = ms; }
    // When deliverDue() next has something to tell (clock time), -1 when nothing waits.
    qint64 nextDueMs() const;

    // `count` new events: true when they are to be told now (which counts as a telling);
    // otherwise they wait for the end of the interval.
    bool offer(int count = 1);
    // Emits due() when events wait and their interval is over.
    void deliverDue();
    // What waits is not told; the next event is told at once.
    void reset();

Q_SIGNALS:
    // `waiting` events were held back and are to be told now.
    void due(int waiting);

private:
    void told(qint64 now);

    qint64 m_intervalMs = 60000;
    qint64 m_lastToldMs = -1; // when the last telling went out, -1: never
    int m_waiting = 0;        // events since then, not told yet
    QTimer m_timer;
    std::function<qint64()> m_clock;
};

} // namespace mysqlsync::ui
