#pragma once
// A site's engine holds a named server lock (`mysql-sync/<client name>`) on its main
// connection while it runs. It is a beacon, not a guard: the server drops it with the
// connection, so a killed engine leaves nothing behind, but a connection the server still
// believes alive (a host lost without closing it) would hold it for hours, so a second engine
// is warned and not refused. `mysql-sync --check` reads it to know whether an engine is there
// to compare tables through.
#include <QSqlDatabase>
#include <QString>

namespace mysqlsync {

class EngineLock {
public:
    static QString name(const QString &site);
    // Takes the lock without waiting. *held: this connection holds it now; *holder: the
    // connection id that holds it otherwise (0 when nobody does).
    static bool take(const QSqlDatabase &db, const QString &site, bool *held, qint64 *holder, QString *error);
    // The connection id that holds the lock, 0 when no engine of the site runs.
    static bool holder(const QSqlDatabase &db, const QString &site, qint64 *holder, QString *error);
};

} // namespace mysqlsync
