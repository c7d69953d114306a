#pragma once
// Keys a remote refused for a reason that time may cure (its table lacked a column we sent:
// an ALTER TABLE that reached our site first). Each is sent again after a delay that doubles
// with every refusal (1 s, 2 s, 4 s ... at most 60 s), up to kMaxTries, with no operator
// click. Pure logic with an injected clock; bounded in size.
#include <QHash>
#include <QString>
#include <QStringList>

namespace mysqlsync {

class RetryBackoff {
public:
    static constexpr int kMaxTries = 12;
    static constexpr int kMaxEntries = 20000;

    // Whether an `error` receipt's message says the remote's table lacks a column.
    static bool isMissingColumn(const QString &message);

    // The remote refused (table, key): schedule a resend. False when it was tried kMaxTries
    // times already (it stays in error; the operator can resend it).
    bool refused(const QString &remote, const QString &table, const QString &key, qint64 now);
    // The remote accepted it: forget it.
    void accepted(const QString &remote, const QString &table, const QString &key);
    // What is due now, remote -> table -> keys; due entries wait for their next refusal.
    QHash<QString, QHash<QString, QStringList>> takeDue(qint64 now);
    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }

private:
    struct Entry {
        QString remote, table, key;
        int tries = 0;
        qint64 due = 0; // 0: sent, waiting for the answer
    };
    QHash<QString, Entry> m_entries;
};

} // namespace mysqlsync
