#pragma once
// sync_conflicts, newest first, read in pages by id off the GUI thread (ConflictsLoader on a
// worker thread with a connection of its own): the first page after every filter change, the
// next one when a view asks for more (canFetchMore/fetchMore). refresh() reads the rows shown
// again and swaps them in when they arrive (the view is not emptied in between), so the inbox
// can follow the engine's conflictsChanged reports. A database switch retires the old thread
// without waiting for it; requests and answers carry a generation, stale ones are dropped.
#include "config/Config.h"
#include "database/ConflictStore.h"
#include "monitor/RequestGeneration.h"
#include "monitor/WorkerThread.h"

#include <QAbstractTableModel>
#include <QList>

namespace mysqlsync::ui {

class ConflictsLoader;

class ConflictsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Detected, Table, Key, Remote, Policy, State, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, OpenRole };

    explicit ConflictsModel(QObject *parent = nullptr);
    ~ConflictsModel() override; // joins the threads still running (quit already asked)

    // Reads `mysql`'s sync_conflicts (password resolved) from now on. An empty database name
    // disconnects.
    void setDatabase(const MysqlConfig &mysql);
    void setFilter(const ConflictFilter &filter);
    ConflictFilter filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // Reads the rows shown again (at least a page); they replace the current ones on arrival.
    void refresh();

    bool isLoading() const { return m_loading; }
    const ConflictRecord &conflict(int row) const { return m_rows.at(row); }
    // The row of conflict `id`, or -1.
    int rowOf(qint64 id) const;
    // Local time of a ms timestamp as the inbox shows it ("" for 0).
    static QString timeText(qint64 ms);
    // "open", or how it was settled ("settled: remote").
    static QString stateText(const ConflictRecord &conflict);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A page arrived (`rows` of it); after a refresh, the rows were replaced.
    void pageLoaded(int rows);
    void loadFailed(const QString &message);

private:
    void retire();
    void restart();
    void request(qint64 beforeId, int limit, bool replace);
    void onPage(quint64 generation, const QList<mysqlsync::ConflictRecord> &rows, bool atEnd);
    void onFailed(quint64 generation, const QString &message);
    void setLoading(bool loading);

    WorkerThread m_thread{QStringLiteral("sync-ui-conflicts")};
    ConflictsLoader *m_loader = nullptr;
    RequestGeneration m_generation;
    ConflictFilter m_filter;
    QList<ConflictRecord> m_rows;
    bool m_atEnd = true;
    bool m_loading = false;
    bool m_replace = false; // the page on its way replaces the rows (refresh)
    int m_pageSize = 200;
};

} // namespace mysqlsync::ui
