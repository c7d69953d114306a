#pragma once
// Every error the engine reported (receipts from remotes, apply failures, connection
// failures), newest last, at most `capacity` (the oldest are dropped). Rule: the receive rule
// that refused a change (protocol/Refusal: "delete", "insert", "receiveTables"), else empty.
#include "engine/EngineTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace mysqlsync::ui {

class ErrorsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Source, Remote, Table, Key, Rule, Message, ColumnCount };

    explicit ErrorsModel(int capacity = 10000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void clear();

public Q_SLOTS:
    void append(const mysqlsync::EngineError &error);

private:
    QList<EngineError> m_errors;
    int m_capacity;
};

} // namespace mysqlsync::ui
