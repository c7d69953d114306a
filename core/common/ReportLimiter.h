#pragma once
// Bounded rate limiting for log lines and error reports about events that anyone on the broker
// can cause (messages from unknown senders, error receipts): at most `perWindow` events per key
// are reported in each window of `windowMs`; the others are only counted, and their number is
// handed back by takeSummaries() once the window has ended. At most `maxKeys` keys are tracked
// at a time; events of further keys share one overflow key (an empty string) until windows
// end and expire() forgets them. Pure logic: every call takes the current time.
#include <QHash>
#include <QList>
#include <QString>

namespace mysqlsync {

class ReportLimiter {
public:
    ReportLimiter(int perWindow, qint64 windowMs, int maxKeys);

    // True when this event of `key` is to be reported; false when it is only counted.
    bool admit(const QString &key, qint64 now);

    struct Summary {
        QString key; // empty: the overflow key (names beyond maxKeys)
        qint64 suppressed = 0;
    };
    // Forgets every window that has ended; returns those that counted events not reported.
    QList<Summary> expire(qint64 now);

    int trackedKeys() const { return int(m_windows.size()); }

private:
    struct Window {
        qint64 start = 0;
        int admitted = 0;
        qint64 suppressed = 0;
    };
    int m_perWindow;
    qint64 m_windowMs;
    int m_maxKeys;
    QHash<QString, Window> m_windows;
    QList<Summary> m_ended; // windows that a new one replaced before expire() saw them
};

} // namespace mysqlsync
