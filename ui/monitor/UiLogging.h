#pragma once
// Logging categories of the desktop app (sync.ui.*).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcUiStatus)
Q_DECLARE_LOGGING_CATEGORY(lcUiConfig)
Q_DECLARE_LOGGING_CATEGORY(lcUiTray)
Q_DECLARE_LOGGING_CATEGORY(lcUiTransform)
Q_DECLARE_LOGGING_CATEGORY(lcUiSecurity)
Q_DECLARE_LOGGING_CATEGORY(lcUiConflicts)
Q_DECLARE_LOGGING_CATEGORY(lcUiConsistency)
