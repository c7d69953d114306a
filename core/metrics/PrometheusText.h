#pragma once
// Writes the Prometheus text exposition format (version 0.0.4): per metric family a `# HELP`
// and a `# TYPE` line, then its samples, `name{label="value",...} value`. Names are checked
// (a name the format does not allow is a programming error: asserted, and written nowhere);
// label values and help texts are escaped as the format says.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace mysqlsync {

class PrometheusText {
public:
    using Labels = QList<QPair<QString, QString>>;
    enum class Type { Counter, Gauge, Histogram };

    // Starts a family; the samples that follow belong to it.
    void family(const QString &name, Type type, const QString &help);
    void sample(const QString &name, const Labels &labels, double value);
    // A histogram's samples from per-bucket counts (not cumulative; the last one above every
    // bound): _bucket{le} cumulative, _bucket{le="+Inf"}, _sum and _count.
    template <typename Bounds, typename Counts>
    void histogram(const QString &name, const Labels &labels, const Bounds &bounds, const Counts &counts, double sum)
    {
        double cumulative = 0;
        size_t i = 0;
        for (; i < bounds.size(); ++i) {
            cumulative += double(counts[i]);
            sample(name + QStringLiteral("_bucket"), withLe(labels, number(bounds[i])), cumulative);
        }
        cumulative += double(counts[i]);
        sample(name + QStringLiteral("_bucket"), withLe(labels, QStringLiteral("+Inf")), cumulative);
        sample(name + QStringLiteral("_sum"), labels, sum);
        sample(name + QStringLiteral("_count"), labels, cumulative);
    }

    QByteArray text() const { return m_text; }
    static bool validName(const QString &name);
    static QString number(double value);

private:
    static Labels withLe(Labels labels, const QString &le);
    QByteArray m_text;
};

} // namespace mysqlsync
