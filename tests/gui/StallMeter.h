#pragma once
// Measures the longest gap between ticks of a 5 ms timer: how long the GUI thread was busy.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = qMax(m_longest, m_clock.restart());
            ++m_ticks;
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }
    // Ticks so far: a gap is measured only once the tick after it came.
    qint64 ticks() const { return m_ticks; }
    void reset()
    {
        m_longest = 0;
        m_clock.restart();
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
    qint64 m_ticks = 0;
};
