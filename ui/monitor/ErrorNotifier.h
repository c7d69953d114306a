#pragma once
// Decides when to tell the user about the engine's errors (how it is shown is TrayController's
// business). The first error after a quiet minute is told at once; errors that follow within
// the minute are counted and told together when it ends ("3 more errors; the latest: …"), so a
// remote that refuses a thousand rows makes two notifications, not a thousand (NotificationPacer).
// Time comes from a clock that tests replace; deliverDue() is what the internal timer calls.
#include "engine/EngineTypes.h"
#include "monitor/NotificationPacer.h"

#include <QObject>

#include <functional>

namespace mysqlsync::ui {

class ErrorNotifier : public QObject {
    Q_OBJECT
public:
    explicit ErrorNotifier(QObject *parent = nullptr);

    void setClock(std::function<qint64()> clock) { m_pacer.setClock(std::move(clock)); }
    void setIntervalMs(qint64 ms) { m_pacer.setIntervalMs(ms); }
    // When deliverDue() next has something to tell (clock time), -1 when nothing waits.
    qint64 nextDueMs() const { return m_pacer.nextDueMs(); }

public Q_SLOTS:
    void onError(const mysqlsync::EngineError &error);
    // Tells what waits, if its minute is over.
    void deliverDue() { m_pacer.deliverDue(); }
    // The engine stopped or another configuration opened: what waits is not told.
    void reset() { m_pacer.reset(); }

Q_SIGNALS:
    void notification(const QString &title, const QString &message);

private:
    static QString describe(const EngineError &error);
    void onDue(int waiting);

    NotificationPacer m_pacer;
    EngineError m_latest; // the newest error
};

} // namespace mysqlsync::ui
