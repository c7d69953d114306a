#include "database/SqlDialect.h"

#include "database/MariaDbDialect.h"
#include "database/PostgresDialect.h"

namespace mysqlsync {

QString SqlDialect::placeholders(int count)
{
    QStringList marks;
    for (int i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

const SqlDialect &SqlDialect::mariaDb()
{
    static const MariaDbDialect dialect;
    return dialect;
}

const SqlDialect &SqlDialect::postgres()
{
    static const PostgresDialect dialect;
    return dialect;
}

const SqlDialect &SqlDialect::of(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL") ? postgres() : mariaDb();
}

} // namespace mysqlsync
