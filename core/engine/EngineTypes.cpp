#include "engine/EngineTypes.h"

namespace mysqlsync {

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
