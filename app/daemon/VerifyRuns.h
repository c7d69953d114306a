#pragma once
// What `mysql-sync verify` and `mysql-sync --check` share: verifications queued in
// sync_verifies for the site's running engine, waited for, and printed.
#include "config/Config.h"
#include "database/DbConnection.h"
#include "database/VerifyStore.h"

#include <QDeadlineTimer>
#include <QList>
#include <QPair>
#include <QTextStream>

bool identical(const mysqlsync::VerifyRun &r);

// One line per run (`table -> remote: ...`), then its first differing keys.
void print(QTextStream &out, const mysqlsync::VerifyRun &r, const QString &indent = QString());

// Queues one verification per (table, remote) and waits for each; false when one could not
// be queued or read, or the deadline passed (the reason on `err`).
bool runAll(mysqlsync::DbConnection &db, const mysqlsync::Config &config, const QList<QPair<QString, QString>> &pairs,
            bool repair, const QString &requestedBy, QDeadlineTimer deadline, QTextStream &err,
            QList<mysqlsync::VerifyRun> *done);
