#pragma once
// The sync_status table, read in pages off the GUI thread (SyncStatusLoader on a worker
// thread): the first page after every filter or sort change, the next one when a view
// asks for more (canFetchMore/fetchMore). Sorting is done by the database (keyset pages).
// Rows are counted by a second loader on a thread of its own: a COUNT(*) over a large
// table takes seconds and never holds back the pages of the next filter. A database switch
// retires both threads without waiting for them; answers carry a generation, stale ones are dropped.
#include "config/Config.h"
#include "database/SyncStatusStore.h"
#include "monitor/RequestGeneration.h"
#include "monitor/WorkerThread.h"

#include <QAbstractTableModel>
#include <QList>

namespace mysqlsync::ui {

class SyncStatusLoader;

class SyncStatusModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit SyncStatusModel(QObject *parent = nullptr);
    ~SyncStatusModel() override; // joins the worker threads (only a query running is waited for)

    // Connects to `mysql` (password resolved) and loads the first page. An empty
    // database name disconnects.
    void setDatabase(const MysqlConfig &mysql);
    void setFilter(const StatusFilter &filter);
    StatusFilter filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // Loads the first page again (the table changes under us all the time).
    void refresh();

    bool isLoading() const { return m_loading; }
    // Rows are counted up to the count limit (default 100,000): totalRows() is the exact number
    // of matching rows, or the limit when there are more (countCapped() then).
    void setCountLimit(qint64 rows) { m_countLimit = qMax<qint64>(1, rows); }
    qint64 countLimit() const { return m_countLimit; }
    qint64 totalRows() const { return m_total; } // -1 until counted
    bool countCapped() const { return m_capped; }
    StatusRow row(int r) const { return m_rows.at(r); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalRowsChanged(qint64 total);
    // A page arrived (`elapsedMs`: the time the database took).
    void pageLoaded(int rows, qint64 elapsedMs);
    void loadFailed(const QString &message);

private:
    void restart();
    void request(bool fromStart);
    void onPage(quint64 generation, const QList<mysqlsync::StatusRow> &rows, bool atEnd, qint64 elapsedMs);
    void onCount(quint64 generation, qint64 count);
    void onFailed(quint64 generation, const QString &message);
    void setLoading(bool loading);

    WorkerThread m_pageThread{QStringLiteral("sync-ui-status")};
    SyncStatusLoader *m_loader = nullptr;
    WorkerThread m_countThread{QStringLiteral("sync-ui-count")};
    SyncStatusLoader *m_counter = nullptr;
    RequestGeneration m_generation;
    StatusFilter m_filter;
    QList<StatusRow> m_rows;
    bool m_atEnd = true;
    bool m_loading = false;
    qint64 m_total = -1;
    qint64 m_countLimit = 100000;
    bool m_capped = false;
    int m_pageSize = 500;
};

} // namespace mysqlsync::ui
