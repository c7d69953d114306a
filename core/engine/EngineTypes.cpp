#include "engine/EngineTypes.h"

namespace mysqlsync {

void LatencyHistogram::add(double seconds)
{
    seconds = qMax(0.0, seconds);
    size_t i = 0;
    while (i < kBounds.size() && seconds > kBounds[i])
        ++i;
    ++counts[i];
    sum += seconds;
    ++count;
}

EngineError EngineError::now(Source source, const QString &message, const QString &remote, const QString &table,
                             const QString &key)
{
    EngineError e;
    e.time = QDateTime::currentDateTime();
    e.source = source;
    e.remote = remote;
    e.table = table;
    e.key = key;
    e.message = message;
    return e;
}

QString EngineError::sourceName(Source s)
{
    switch (s) {
    case Source::Configuration:
        return QStringLiteral("configuration");
    case Source::Database:
        return QStringLiteral("database");
    case Source::Broker:
        return QStringLiteral("broker");
    case Source::Outbox:
        return QStringLiteral("outbox");
    case Source::Incoming:
        return QStringLiteral("incoming");
    case Source::Remote:
        return QStringLiteral("remote");
    case Source::Apply:
        return QStringLiteral("apply");
    case Source::Transform:
        return QStringLiteral("transform");
    }
    return QString();
}

} // namespace mysqlsync
