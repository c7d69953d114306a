#pragma once
// A line chart of rows/s in and out over the last minutes (Qt Charts is not used): two
// polylines painted with QPainter over a scale that grows to the largest rate shown,
// time labels back from the newest sample, and a legend. The data is a RateHistory.
#include "monitor/RateHistory.h"

#include <QWidget>

namespace mysqlsync::ui {

class RateChart : public QWidget {
    Q_OBJECT
public:
    explicit RateChart(QWidget *parent = nullptr);

    const RateHistory &history() const { return m_history; }
    // See RateHistory::addSample / addTotals; the chart repaints.
    void addSample(qint64 nowMs, double in, double out);
    void addTotals(qint64 nowMs, qint64 totalIn, qint64 totalOut);
    void clear();

    static QColor inColor();
    static QColor outColor();
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString valueText(double value) const;

    RateHistory m_history;
};

} // namespace mysqlsync::ui
