#include "monitor/CsvWriter.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSaveFile>

namespace mysqlsync::ui {

QString CsvWriter::quote(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n'))
        && !field.contains(QLatin1Char('\r')))
        return field;
    QString q = field;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

bool CsvWriter::write(const QAbstractItemModel &model, QIODevice *out, QString *error)
{
    auto line = [&](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << quote(f);
        const QByteArray bytes = (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
        return out->write(bytes) == bytes.size();
    };
    const int columns = model.columnCount();
    QStringList header;
    for (int c = 0; c < columns; ++c)
        header << model.headerData(c, Qt::Horizontal).toString();
    bool ok = line(header);
    for (int r = 0; ok && r < model.rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < columns; ++c)
            fields << model.index(r, c).data().toString();
        ok = line(fields);
    }
    if (!ok && error)
        *error = QCoreApplication::translate("CsvWriter", "cannot write: %1").arg(out->errorString());
    return ok;
}

bool CsvWriter::writeFile(const QAbstractItemModel &model, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("CsvWriter", "%1: %2").arg(path, file.errorString());
        return false;
    }
    if (!write(model, &file, error))
        return false;
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("CsvWriter", "%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mysqlsync::ui
