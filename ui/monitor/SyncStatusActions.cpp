#include "monitor/SyncStatusActions.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace mysqlsync::ui {

QList<ResendBatch> groupForResend(const QList<StatusRow> &rows)
{
    QList<ResendBatch> batches;
    QHash<QPair<QString, QString>, qsizetype> index; // (remote, table) -> batch
    QList<QSet<QString>> seen;                       // per batch: its keys
    for (const StatusRow &r : rows) {
        const QPair<QString, QString> id(r.remote, r.table);
        auto it = index.constFind(id);
        if (it == index.cend()) {
            it = index.insert(id, batches.size());
            batches.append({r.remote, r.table, {}});
            seen.append(QSet<QString>());
        }
        if (!seen[*it].contains(r.key)) {
            seen[*it].insert(r.key);
            batches[*it].keys.append(r.key);
        }
    }
    return batches;
}

static QString tsvField(QString field)
{
    for (QChar &c : field) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return field;
}

QString rowsAsTsv(const QAbstractItemModel &model, QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QString text;
    const int columns = model.columnCount();
    for (int r : rows) {
        QStringList fields;
        for (int c = 0; c < columns; ++c)
            fields << tsvField(model.index(r, c).data().toString());
        text += fields.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return text;
}

} // namespace mysqlsync::ui
