#pragma once
// Decides when to tell the user that conflicts appeared (Engine::conflictsChanged with
// `detected` > 0), rate-limited as ErrorNotifier does errors: the first after a quiet minute is
// told at once; those that follow within the minute are added up and told together when it
// ends, with the open count of then. Reports with nothing detected (settlements) say nothing.
// Time comes from a clock that tests replace; deliverDue() is what the internal timer calls.
#include <QObject>
#include <QTimer>

#include <functional>

namespace mysqlsync::ui {

class ConflictNotifier : public QObject {
    Q_OBJECT
public:
    explicit ConflictNotifier(QObject *parent = nullptr);

    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    void setIntervalMs(qint64 ms) { m_intervalMs = ms; }
    // When deliverDue() next has something to tell (clock time), -1 when nothing waits.
    qint64 nextDueMs() const;

public Q_SLOTS:
    void onConflicts(qint64 open, int detected);
    void deliverDue();
    // The engine stopped or another configuration opened: what waits is not told.
    void reset();

Q_SIGNALS:
    void notification(const QString &title, const QString &message);

private:
    void tell(int detected, qint64 now);

    qint64 m_intervalMs = 60000;
    qint64 m_lastToldMs = -1; // -1: never
    int m_waiting = 0;        // detected since then, not told yet
    qint64 m_open = 0;        // the latest open count
    QTimer m_timer;
    std::function<qint64()> m_clock;
};

} // namespace mysqlsync::ui
