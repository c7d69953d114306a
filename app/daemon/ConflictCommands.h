#pragma once
// `mysql-sync conflicts CONFIG [--all]` lists the conflicts of sync_conflicts; `mysql-sync
// settle CONFIG ID keep-local|take-remote|edit JSON` settles one (ConflictSettlement), also
// while the site's engine runs. Exit status 0, 1 (failed) or 2 (usage).
#include <QStringList>

int runConflictCommand(const QStringList &arguments);
