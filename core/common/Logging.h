#pragma once
// One logging category per module of the core library.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcProtocol)
Q_DECLARE_LOGGING_CATEGORY(lcDatabase)
Q_DECLARE_LOGGING_CATEGORY(lcMqtt)
Q_DECLARE_LOGGING_CATEGORY(lcPresence)
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)
Q_DECLARE_LOGGING_CATEGORY(lcFeed)

namespace mysqlsync {
// Applies one of the configuration's logging levels (error, warn, info, debug, trace)
// to every sync.* category. Returns false for an unknown level.
bool applyLoggingLevel(const QString &level);
} // namespace mysqlsync
