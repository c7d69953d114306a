#include "SiteState.h"

#include <QSet>
#include <QStringList>
#include <QVariantMap>

#include "OutboxCounts.h"

namespace testsupport {

QString twoSitesState(SiteDatabase &dbA, SiteDatabase &dbB, const QList<EngineProcess *> &engines, const QString &table)
{
    QStringList out;
    for (SiteDatabase *db : {&dbA, &dbB}) {
        const QChar site = QLatin1Char(db->site());
        out << QStringLiteral("site %1: items %2 rows, table_changes %3 rows")
                   .arg(site)
                   .arg(db->count(table))
                   .arg(db->count(QStringLiteral("table_changes")));
        QStringList byStatus;
        for (const QVariantMap &r : db->rows(QStringLiteral(
                 "SELECT remote, `status`, COUNT(*) AS n FROM sync_status GROUP BY remote, `status` ORDER BY 1, 2")))
            byStatus << QStringLiteral("%1/%2=%3")
                            .arg(r.value(QStringLiteral("remote")).toString(),
                                 r.value(QStringLiteral("status")).toString(), r.value(QStringLiteral("n")).toString());
        out << QStringLiteral("site %1: sync_status by remote/status: %2")
                   .arg(site)
                   .arg(byStatus.isEmpty() ? QStringLiteral("(none)") : byStatus.join(QStringLiteral(", ")));
        QStringList open;
        for (const QVariantMap &r : db->rows(QStringLiteral("SELECT primary_key, remote, `status`, `date`, message "
                                                            "FROM sync_status WHERE `status` <> 'successful' "
                                                            "ORDER BY CAST(primary_key AS SIGNED) LIMIT 15")))
            open << QStringLiteral("%1->%2 %3 %4 %5")
                        .arg(r.value(QStringLiteral("primary_key")).toString(),
                             r.value(QStringLiteral("remote")).toString(), r.value(QStringLiteral("status")).toString(),
                             r.value(QStringLiteral("date")).toString(), r.value(QStringLiteral("message")).toString());
        if (!open.isEmpty())
            out << QStringLiteral("site %1: open sync_status rows (first 15):\n  %2")
                       .arg(site)
                       .arg(open.join(QStringLiteral("\n  ")));
    }
    for (EngineProcess *e : engines) {
        if (e)
            out << QStringLiteral("%1 (%2) outbox: %3")
                       .arg(e->name(), e->isRunning() ? QStringLiteral("running") : QStringLiteral("NOT running"),
                            readOutbox(e->queueDirectory()).text());
    }
    // The rows that differ, by the dumps' lines.
    const QStringList a = dbA.dump(table, QStringLiteral("id")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList b = dbB.dump(table, QStringLiteral("id")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QSet<QString> setA(a.cbegin(), a.cend());
    const QSet<QString> setB(b.cbegin(), b.cend());
    QStringList onlyA, onlyB;
    for (const QString &l : a) {
        if (!setB.contains(l))
            onlyA << l;
    }
    for (const QString &l : b) {
        if (!setA.contains(l))
            onlyB << l;
    }
    out << QStringLiteral("dump diff: %1 line(s) only on A, %2 only on B").arg(onlyA.size()).arg(onlyB.size());
    for (int i = 0; i < onlyA.size() && i < 25; ++i)
        out << QStringLiteral("  A only: ") + onlyA.at(i);
    for (int i = 0; i < onlyB.size() && i < 25; ++i)
        out << QStringLiteral("  B only: ") + onlyB.at(i);
    return out.join(QLatin1Char('\n'));
}

} // namespace testsupport
