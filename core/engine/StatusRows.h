#pragma once
// The sync_status rows StatusTracker waits to write, one per (table, key, remote), several
// updates of one row collapsing into the one that counts: a pending row (a change sent or
// queued) always replaces what waits; a receipt replaces it unless SyncStatusStore::keeps
// the waiting one (a newer date, or for the same date an error over a success). Pure logic.
#include "database/SyncStatusStore.h"

#include <QHash>
#include <QList>

namespace mysqlsync {

class StatusRows {
public:
    // A pending row replaces what waits for its row, unless that is a receipt for the same
    // send or a later one (a load chunk's late pending rows must not hide their answers).
    void pending(const StatusUpdate &update);
    void receipt(const StatusUpdate &update);
    // The receipt of (table, key, remote) with this date was stale (the outbox owes a newer
    // send): it is not written, unless a pending row or another receipt replaced it.
    void dropReceipt(const QString &table, const QString &key, const QString &remote, qint64 date);

    bool isEmpty() const { return m_rows.isEmpty(); }
    int size() const { return int(m_rows.size()); }
    // What waits, as pending rows and as receipts (the order of rows is not kept).
    void split(QList<StatusUpdate> *pending, QList<StatusUpdate> *receipts) const;
    void clear() { m_rows.clear(); }

    static QString rowKey(const QString &table, const QString &key, const QString &remote);

private:
    struct Row {
        StatusUpdate update;
        bool fromReceipt = false;
    };
    QHash<QString, Row> m_rows; // "table\nkey\nremote" -> the update that counts
};

} // namespace mysqlsync
