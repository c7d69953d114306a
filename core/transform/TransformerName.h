#pragma once
// The file a table's transformer lives in: the table name in camel case plus ".js"
// (product_items, product-items, "product items" and ProductItems all give productItems.js),
// following the to-camel-case rules the earlier engine used.
#include <QString>

namespace mysqlsync {

QString camelCase(const QString &name);
QString transformerFileName(const QString &table);

} // namespace mysqlsync
