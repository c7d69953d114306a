#pragma once
// Reading and saving the configuration file: saving writes a temporary file and renames
// it over the old one (QSaveFile), after copying the old one to `<file>.bak`. A new file is
// created owner-only (it may hold passwords).
#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace mysqlsync::ui {

class ConfigFile {
    // tr() with the context lupdate gives the class (its qualified name).
    Q_DECLARE_TR_FUNCTIONS(mysqlsync::ui::ConfigFile)
public:
    static bool read(const QString &path, QJsonObject *object, QString *error);
    static bool save(const QString &path, const QByteArray &contents, QString *error);
    static QString backupPath(const QString &path) { return path + QStringLiteral(".bak"); }
};

} // namespace mysqlsync::ui
