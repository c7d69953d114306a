#pragma once
// Decides when to tell the user that a configured remote went offline or came back (how it
// is shown is TrayController's business). Changes wait `coalesceMs` so that a burst (our own
// broker connection dropping takes every remote with it) becomes one notification; each
// remote is named at most once a minute, and a remote that flaps back to the
// state the user last heard of is not mentioned at all. Remotes seen online in the first
// `startGraceMs` after start() are the start itself, not news. Time comes from a clock that
// tests replace; deliverDue() is what the internal timer calls.
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace mysqlsync::ui {

class RemoteNotifier : public QObject {
    Q_OBJECT
public:
    explicit RemoteNotifier(QObject *parent = nullptr);

    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    void setCoalesceMs(qint64 ms) { m_coalesceMs = ms; }
    void setStartGraceMs(qint64 ms) { m_startGraceMs = ms; }

    // An engine started for these remotes (all offline until heard from): forgets the past.
    void start(const QStringList &remotes);
    // The engine stopped: nothing pending is told (its remotes going offline with it is no news).
    void stop();
    // When deliverDue() next has something to send (clock time), -1 when nothing is pending.
    qint64 nextDueMs() const;

public Q_SLOTS:
    // The engine's remoteStateChanged (repeated online reports are heartbeats).
    void onRemoteState(const QString &name, bool online, qint64 until = 0);
    // Sends one notification with every change that may be told now.
    void deliverDue();

Q_SIGNALS:
    // `wentOffline`: at least one remote named went offline (a warning rather than news).
    void notification(const QString &title, const QString &message, bool wentOffline);

private:
    struct Remote {
        bool online = false;
        bool shown = false;      // the state the user last heard of (offline at start)
        bool everOnline = false; // "back online" rather than "online"
        qint64 changedMs = -1;   // first change not told yet, -1: none
        qint64 notifiedMs = -1;  // last time it was named, -1: never
    };
    qint64 dueMs(const Remote &r) const;
    bool mayNameNow(const Remote &r, qint64 now) const;
    void schedule();

    QHash<QString, Remote> m_remotes;
    bool m_running = false;
    qint64 m_quietUntil = 0;
    const qint64 m_minimumIntervalMs = 60000;
    qint64 m_coalesceMs = 3000;
    qint64 m_startGraceMs = 30000;
    QTimer m_timer;
    std::function<qint64()> m_clock;
};

} // namespace mysqlsync::ui
