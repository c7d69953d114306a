#include "monitor/ConfigFile.h"

#include "monitor/UiLogging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace mysqlsync::ui {

bool ConfigFile::read(const QString &path, QJsonObject *object, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error =
            tr("%1: not a JSON object (%2 at offset %3)").arg(path, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    *object = doc.object();
    return true;
}

bool ConfigFile::save(const QString &path, const QByteArray &contents, QString *error)
{
    if (QFile::exists(path)) {
        QFile old(path);
        QSaveFile backup(backupPath(path));
        if (!old.open(QIODevice::ReadOnly) || !backup.open(QIODevice::WriteOnly)) {
            *error = tr("%1: cannot make the backup %2").arg(path, backupPath(path));
            return false;
        }
        const QByteArray previous = old.readAll();
        if (backup.write(previous) != previous.size() || !backup.commit()) {
            *error = tr("%1: cannot write the backup: %2").arg(backupPath(path), backup.errorString());
            return false;
        }
        QFile::setPermissions(backupPath(path), old.permissions()); // it may hold passwords
    }
    const bool created = !QFile::exists(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    // A new file may hold passwords: owner-only before it gets its name (an existing file keeps its mode).
    if (created && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = tr("%1: cannot make the file private: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(contents) != contents.size() || !file.commit()) {
        *error = tr("%1: cannot save: %2").arg(path, file.errorString());
        return false;
    }
    qCInfo(lcUiConfig).noquote() << "saved" << path;
    return true;
}

} // namespace mysqlsync::ui
