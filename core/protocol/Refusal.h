#pragma once
// Refusals by rule: the `error` receipts a receiver answers when its configuration refuses a
// change (the table is not one of receiveTables, or a receive rule of config/TableMapping.h:
// "insert": false, "delete": false). The engine words them here (IncomingMapping) and the
// desktop app classifies them here, so that both keep to one wording.
#include <QString>

namespace mysqlsync::refusal {

enum class Rule {
    None,        // not a refusal by rule (a database error, a bad message, ...)
    NotReceived, // the table is not configured as receive table
    Insert,      // "insert": false
    Delete,      // "delete": false
};

// The receipt's message of a refusal by the receive rule `rule` (Insert or Delete) of local
// table `table`, from the configuration entry `key` ("receiveTables[1]"); `why` in words.
QString message(Rule rule, const QString &table, const QString &key, const QString &why);
// The protocol's own message for a table that is not received (docs/protocol.md).
QString notReceivedMessage();
// The rule a receipt's message names; None when it is not a refusal by rule. Works on a
// message cut at 255 characters (sync_status keeps no more).
Rule classify(const QString &message);
// The rule as the configuration names it: "insert", "delete", "receiveTables"; empty for None.
QString ruleName(Rule rule);
// What every rule refusal's message starts with (for a prefix search in SQL), and the exact
// message of NotReceived.
QString rulePrefix();

} // namespace mysqlsync::refusal
