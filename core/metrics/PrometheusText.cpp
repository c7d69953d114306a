#include "metrics/PrometheusText.h"

#include <QLocale>

#include <cmath>

namespace mysqlsync {

namespace {

QString escapeHelp(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return text;
}

QString escapeLabel(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    value.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return value;
}

bool validLabelName(const QString &name)
{
    return PrometheusText::validName(name) && !name.contains(QLatin1Char(':')) && !name.startsWith(QLatin1String("__"));
}

const char *typeName(PrometheusText::Type type)
{
    switch (type) {
    case PrometheusText::Type::Counter:
        return "counter";
    case PrometheusText::Type::Gauge:
        return "gauge";
    case PrometheusText::Type::Histogram:
        return "histogram";
    }
    return "untyped";
}

} // namespace

bool PrometheusText::validName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool letter = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('_') || c == QLatin1Char(':');
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

QString PrometheusText::number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

PrometheusText::Labels PrometheusText::withLe(Labels labels, const QString &le)
{
    labels.append({QStringLiteral("le"), le});
    return labels;
}

void PrometheusText::family(const QString &name, Type type, const QString &help)
{
    Q_ASSERT(validName(name));
    if (!validName(name))
        return;
    m_text += "# HELP " + name.toUtf8() + ' ' + escapeHelp(help).toUtf8() + '\n';
    m_text += "# TYPE " + name.toUtf8() + ' ' + typeName(type) + '\n';
}

void PrometheusText::sample(const QString &name, const Labels &labels, double value)
{
    Q_ASSERT(validName(name));
    if (!validName(name))
        return;
    m_text += name.toUtf8();
    QByteArray pairs;
    for (const auto &[label, value] : labels) {
        Q_ASSERT(validLabelName(label));
        if (!validLabelName(label))
            continue;
        if (!pairs.isEmpty())
            pairs += ',';
        pairs += label.toUtf8() + "=\"" + escapeLabel(value).toUtf8() + '"';
    }
    if (!pairs.isEmpty())
        m_text += '{' + pairs + '}';
    m_text += ' ' + number(value).toUtf8() + '\n';
}

} // namespace mysqlsync
