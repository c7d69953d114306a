#pragma once
// TransformDatabase over a named QSqlDatabase connection (opened and used on the caller's
// thread): QSqlQuery::prepare + addBindValue, so values are always bound parameters.
#include "transform/TransformServices.h"

namespace mysqlsync {

class SqlTransformDatabase : public TransformDatabase {
public:
    explicit SqlTransformDatabase(QString connectionName);
    QList<QVariantMap> query(const QString &sql, const QVariantList &values, QString *error) override;

private:
    QString m_connectionName;
};

} // namespace mysqlsync
