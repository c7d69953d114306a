#pragma once
// Writes a table model (header and every row, DisplayRole) as RFC 4180 CSV.
#include <QString>

class QAbstractItemModel;
class QIODevice;

namespace mysqlsync::ui {

class CsvWriter {
public:
    static bool write(const QAbstractItemModel &model, QIODevice *out, QString *error);
    // Writes to `path` atomically (QSaveFile).
    static bool writeFile(const QAbstractItemModel &model, const QString &path, QString *error);
    static QString quote(const QString &field);
};

} // namespace mysqlsync::ui
