#include "OutboxCounts.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace testsupport {

OutboxCounts readOutbox(const QString &queueDirectory)
{
    static int serial = 0;
    OutboxCounts c;
    const QString file = QDir(queueDirectory).filePath(QStringLiteral("outbox.sqlite"));
    if (!QFileInfo::exists(file)) {
        c.ok = true; // nothing was ever owed
        return c;
    }
    const QString name = QStringLiteral("testsupport-outbox-%1").arg(++serial);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
        if (!db.open()) {
            c.error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM outbox_changes WHERE sent_date = 0), "
                                      "(SELECT COUNT(*) FROM outbox_changes WHERE sent_date <> 0), "
                                      "(SELECT COUNT(*) FROM outbox_receipts)"))
                && q.next()) {
                c.ok = true;
                c.queued = q.value(0).toLongLong();
                c.sent = q.value(1).toLongLong();
                c.receipts = q.value(2).toLongLong();
            } else {
                c.error = q.lastError().text();
            }
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return c;
}

} // namespace testsupport
