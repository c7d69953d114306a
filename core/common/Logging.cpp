#include "Logging.h"

Q_LOGGING_CATEGORY(lcConfig, "sync.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "sync.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDatabase, "sync.database", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMqtt, "sync.mqtt", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPresence, "sync.presence", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "sync.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "sync.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMetrics, "sync.metrics", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFeed, "sync.feed", QtInfoMsg)

namespace mysqlsync {

bool applyLoggingLevel(const QString &level)
{
    QString rules;
    if (level == QLatin1String("error"))
        rules = QStringLiteral("sync.*.debug=false\nsync.*.info=false\nsync.*.warning=false");
    else if (level == QLatin1String("warn"))
        rules = QStringLiteral("sync.*.debug=false\nsync.*.info=false\nsync.*.warning=true");
    else if (level == QLatin1String("info"))
        rules = QStringLiteral("sync.*.debug=false\nsync.*.info=true\nsync.*.warning=true");
    else if (level == QLatin1String("debug") || level == QLatin1String("trace"))
        rules = QStringLiteral("sync.*=true");
    else
        return false;
    QLoggingCategory::setFilterRules(rules);
    return true;
}

} // namespace mysqlsync
