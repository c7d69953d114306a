#pragma once
// Pure helpers behind the Sync status tab's actions (no widgets, no engine): grouping
// selected rows into resend commands, and rows as tab-separated text for the clipboard.
#include "database/SyncStatusStore.h"

#include <QList>
#include <QStringList>

class QAbstractItemModel;

namespace mysqlsync::ui {

// One SyncEngine::resend() call: keys of one table, for one remote.
struct ResendBatch {
    QString remote;
    QString table;
    QStringList keys;
    bool operator==(const ResendBatch &o) const { return remote == o.remote && table == o.table && keys == o.keys; }
};

// Groups `rows` by (remote, table) in the order each pair first appears; keys keep their
// order and appear once per batch.
QList<ResendBatch> groupForResend(const QList<StatusRow> &rows);

// `rows` of `model` (in ascending order, every column, DisplayRole) as tab-separated text:
// one line per row, each ended by '\n'. Tabs and line breaks inside fields become spaces.
QString rowsAsTsv(const QAbstractItemModel &model, QList<int> rows);

} // namespace mysqlsync::ui
