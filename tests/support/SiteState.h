#pragma once
// How two sites of a test stand, as text for a failure message.
#include <QList>
#include <QString>

#include "EngineProcess.h"
#include "SiteDatabase.h"

namespace testsupport {

// For each database: rows of `table` and table_changes, sync_status by remote and status, the
// first rows not successful; for each engine whether it runs and its outbox; then the lines
// of the two dumps of `table` that differ.
QString twoSitesState(SiteDatabase &dbA, SiteDatabase &dbB, const QList<EngineProcess *> &engines,
                      const QString &table);

} // namespace testsupport
