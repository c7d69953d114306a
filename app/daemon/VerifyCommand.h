#pragma once
// `mysql-sync verify [--table NAME] [--remote NAME] [--repair] [--no-wait] [--timeout SECONDS]
// CONFIG`: asks the site's running engine (through sync_verifies) to compare every sync table
// (or one) with each remote (or one), prints per table and remote `identical` or what differs
// with the first keys, and with --repair makes each remote's copy equal to this site's and
// verifies again. `mysql-sync verify --status CONFIG` lists the latest verifications.
// Exit status 0 (identical), 1 (something differs), 2 (could not compare, or usage).
#include <QStringList>

int runVerifyCommand(const QStringList &arguments);
