#pragma once
// Decides when to tell the user that conflicts appeared (Engine::conflictsChanged with
// `detected` > 0), paced as ErrorNotifier paces errors (NotificationPacer): the first after a
// quiet minute is told at once; those that follow within the minute are added up and told
// together when it ends, with the open count of then. Reports with nothing detected
// (settlements) say nothing. Time comes from a clock that tests replace; deliverDue() is what
// the internal timer calls.
#include "monitor/NotificationPacer.h"

#include <QObject>

#include <functional>

namespace mysqlsync::ui {

class ConflictNotifier : public QObject {
    Q_OBJECT
public:
    explicit ConflictNotifier(QObject *parent = nullptr);

    void setClock(std::function<qint64()> clock) { m_pacer.setClock(std::move(clock)); }
    void setIntervalMs(qint64 ms) { m_pacer.setIntervalMs(ms); }
    // When deliverDue() next has something to tell (clock time), -1 when nothing waits.
    qint64 nextDueMs() const { return m_pacer.nextDueMs(); }

public Q_SLOTS:
    void onConflicts(qint64 open, int detected);
    void deliverDue() { m_pacer.deliverDue(); }
    // The engine stopped or another configuration opened: what waits is not told.
    void reset() { m_pacer.reset(); }

Q_SIGNALS:
    void notification(const QString &title, const QString &message);

private:
    void tell(int detected);

    NotificationPacer m_pacer;
    qint64 m_open = 0; // the latest open count
};

} // namespace mysqlsync::ui
