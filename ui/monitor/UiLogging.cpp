#include "monitor/UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "sync.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiStatus, "sync.ui.status", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiConfig, "sync.ui.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiTray, "sync.ui.tray", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiTransform, "sync.ui.transform", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiSecurity, "sync.ui.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiConflicts, "sync.ui.conflicts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiConsistency, "sync.ui.consistency", QtInfoMsg)
