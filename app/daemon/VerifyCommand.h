#pragma once
// `mysql-sync verify CONFIG TABLE REMOTE|--all [--repair] [--no-wait] [--timeout SECONDS]`:
// asks the site's running engine (through sync_verifies) to compare a sync table with a
// remote's copy, and with --repair to send the rows that differ again; waits for the outcome
// and prints it. `mysql-sync verify CONFIG --status` lists the latest verifications.
// Exit status 0 (the same, or repaired), 3 (differences found), 1 (failed), 2 (usage).
#include <QStringList>

int runVerifyCommand(const QStringList &arguments);
