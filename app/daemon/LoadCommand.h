#pragma once
// `mysql-sync load CONFIG TABLE REMOTE|--all`: loads a sync table into a remote again from its
// first key (sync_loads), also while the engine runs (it picks the request up within seconds).
// `mysql-sync load CONFIG --status` lists every pair. Exit status 0, 1 (failed) or 2 (usage).
#include <QStringList>

int runLoadCommand(const QStringList &arguments);
