#pragma once
// The configuration key `conflicts` (table -> "newest" | "manual" | {"policy": "priority",
// "sites": [...]}) as one line of text for the configuration form:
//   items=newest, notes=manual, orders=priority:site_a>site_b
// (tables in name order; priority sites first to last, the first winning). ConfigLoader still
// checks what parse() makes (site names, bidirectional tables); parse() refuses only what it
// cannot turn into that object, with a message that names the item.
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace mysqlsync::ui {

class ConflictPoliciesText {
    Q_DECLARE_TR_FUNCTIONS(mysqlsync::ui::ConflictPoliciesText)
public:
    static QString format(const QJsonObject &policies);
    static bool parse(const QString &text, QJsonObject *policies, QString *error);
    // What a valid text looks like (placeholder and messages).
    static QString example();
};

} // namespace mysqlsync::ui
