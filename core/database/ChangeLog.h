#pragma once
// Reads and removes rows of table_changes, in the order they were written (by id).
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace mysqlsync {

struct CapturedChange {
    qint64 id = 0;
    QString table;
    QString key;
};

// A batch of captured changes with several changes of one key collapsed into one,
// kept at the position of the key's first change (a parent inserted before its
// child stays before it).
struct ChangeBatch {
    QList<qint64> ids;                   // every table_changes id read
    QList<QPair<QString, QString>> keys; // (table, key), unique, in order
};

class ChangeLog {
public:
    static bool read(const QSqlDatabase &db, int limit, QList<CapturedChange> *out, QSqlError *error);
    static bool remove(const QSqlDatabase &db, const QList<qint64> &ids, QSqlError *error);
    // A backlog begins (a read found more rows than it takes). PostgreSQL: ANALYZE
    // table_changes, so that read() is planned as a scan of the primary key; without statistics
    // (after a TRUNCATE, or when the table was empty at its last vacuum) the planner guesses
    // the row count from the column widths, far too low, and reads and sorts the whole table,
    // dead rows included, at every capture. MariaDB: nothing (its plan does not depend on it).
    static bool backlogStarts(const QSqlDatabase &db, QSqlError *error);
    static ChangeBatch collapse(const QList<CapturedChange> &changes);
    // The rows of table_changes for these keys of `table`.
    static bool rowsFor(const QSqlDatabase &db, const QString &table, const QStringList &keys,
                        QList<CapturedChange> *out, QSqlError *error);
};

} // namespace mysqlsync
