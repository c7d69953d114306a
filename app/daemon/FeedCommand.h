#pragma once
// mysql-sync feed CONFIG: a standalone feed server (FeedStandalone) until SIGINT/SIGTERM.
#include <QStringList>

int runFeedCommand(const QStringList &arguments);
