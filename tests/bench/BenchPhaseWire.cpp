// Phase wire: what one row costs on the broker's links on each path, seen by WireObserver
// during a short run of its own (not timed: the observer is one more subscriber).
#include "Bench.h"

#include "WireObserver.h"

#include <QJsonObject>

#include <cmath>

namespace bench {

namespace {

double perRow(qint64 v, int rows)
{
    return rows > 0 ? double(v) / rows : 0;
}

double rounded(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

} // namespace

void Bench::phaseWire()
{
    heading(QStringLiteral("[4] messages and bytes on the wire per row, %1 rows in %2-row transactions on each path "
                           "(an observer on the broker; not timed)")
                .arg(m_opt.wireRows)
                .arg(m_opt.batch));
    const PathSetting paths[] = {{true, true}, {true, false}, {false, false}};
    const char *keys[] = {"fast", "fast_uncompressed", "per_row"};
    QJsonObject wire;
    QStringList table;
    for (int i = 0; i < 3 && !g_interrupted; ++i) {
        const QJsonObject r = runWire(paths[i]);
        if (r.isEmpty())
            continue;
        wire.insert(QLatin1String(keys[i]), r);
        table << QStringLiteral("%1: %2 + %3 messages/row, %4 + %5 payload bytes/row, %6 bytes/row on a link")
                     .arg(paths[i].label().leftJustified(24, QLatin1Char(' ')))
                     .arg(num(r.value(QStringLiteral("change_messages_per_row")).toDouble(), 3))
                     .arg(num(r.value(QStringLiteral("receipt_messages_per_row")).toDouble(), 3))
                     .arg(num(r.value(QStringLiteral("change_bytes_per_row")).toDouble(), 1))
                     .arg(num(r.value(QStringLiteral("receipt_bytes_per_row")).toDouble(), 1))
                     .arg(num(r.value(QStringLiteral("link_bytes_per_row")).toDouble(), 1));
    }
    heading(QStringLiteral("[4d] per row on each path (changes + receipts)"));
    for (const QString &t : std::as_const(table))
        line(QString(), t);
    m_result.insert(QStringLiteral("wire"), wire);
}

QJsonObject Bench::runWire(const PathSetting &path)
{
    heading(QStringLiteral("  %1").arg(path.label()));
    QJsonObject r;
    const QString phase = QStringLiteral("wire (%1)").arg(path.label());
    if (!usePath(path))
        return r;
    const int n = m_opt.wireRows;
    const qint64 base =
        scalarInt(m_a->database(), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM items WHERE id < %1").arg(kProbeId),
                  0)
        + 1;
    const QStringList statements = buildInserts(QStringLiteral("items"), base, n, m_opt.batch, 3);
    WireObserver observer(m_servers.mqttPort, QStringLiteral("site_a"), QStringLiteral("site_b"));
    QString error;
    if (!observer.start(&error)) {
        fail(phase, error);
        return r;
    }
    if (timedInserts(m_a->database(), statements, n, &error) < 0) {
        fail(phase, error);
        return r;
    }
    const QString countB =
        QStringLiteral("SELECT COUNT(*) FROM items WHERE id BETWEEN %1 AND %2").arg(base).arg(base + n - 1);
    const QString countAcked =
        QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `status` = 'successful' AND remote = 'site_b' "
                       "AND CAST(primary_key AS UNSIGNED) BETWEEN %1 AND %2")
            .arg(base)
            .arg(base + n - 1);
    QString why;
    const bool done = pollUntil(
        [&] {
            return !enginesAlive(&why)
                || (scalarInt(m_b->database(), countB) >= n && scalarInt(m_aCheck->database(), countAcked) >= n);
        },
        timeout(std::max(120.0, n / 100.0)), 100);
    if (!done || !why.isEmpty()) {
        fail(phase,
             why.isEmpty() ? QStringLiteral("not all %1 rows on B and acknowledged within %2 s")
                                 .arg(n)
                                 .arg(timeout(std::max(120.0, n / 100.0)))
                           : why);
        return r;
    }
    // The last receipts reach the observer about when they reach site_a.
    auto receiptRows = [&] {
        return observer.count(WireObserver::RowReceipt).rows + observer.count(WireObserver::BatchReceipt).rows;
    };
    pollUntil([&] { return receiptRows() >= n; }, 5, 10);
    observer.stop();

    using K = WireObserver;
    const K::Count rowC = observer.count(K::RowChange), batchC = observer.count(K::BatchChange);
    const K::Count rowR = observer.count(K::RowReceipt), batchR = observer.count(K::BatchReceipt);
    const K::Count hello = observer.count(K::Hello);
    const qint64 changeMsgs = rowC.messages + batchC.messages, receiptMsgs = rowR.messages + batchR.messages;
    const qint64 changeBytes = rowC.payloadBytes + batchC.payloadBytes,
                 receiptBytes = rowR.payloadBytes + batchR.payloadBytes;
    const qint64 changeJson = rowC.jsonBytes + batchC.jsonBytes, receiptJson = rowR.jsonBytes + batchR.jsonBytes;
    const qint64 link = rowC.linkBytes + batchC.linkBytes + rowR.linkBytes + batchR.linkBytes;
    const qint64 changeRows = rowC.rows + batchC.rows, receiptRowsSeen = rowR.rows + batchR.rows;

    line(QStringLiteral("changes A -> B"),
         QStringLiteral("%1 messages (%2 per row, %3 per-row + %4 batches, %5 compressed), "
                        "%6 rows carried")
             .arg(changeMsgs)
             .arg(num(perRow(changeMsgs, n), 3))
             .arg(rowC.messages)
             .arg(batchC.messages)
             .arg(batchC.compressed)
             .arg(changeRows));
    line(QString(),
         QStringLiteral("%1 payload bytes/row (JSON inside: %2 bytes/row)")
             .arg(num(perRow(changeBytes, n), 1), num(perRow(changeJson, n), 1)));
    line(QStringLiteral("receipts B -> A"),
         QStringLiteral("%1 messages (%2 per row, %3 per-row + %4 batches, %5 compressed), "
                        "%6 rows carried")
             .arg(receiptMsgs)
             .arg(num(perRow(receiptMsgs, n), 3))
             .arg(rowR.messages)
             .arg(batchR.messages)
             .arg(batchR.compressed)
             .arg(receiptRowsSeen));
    line(QString(),
         QStringLiteral("%1 payload bytes/row (JSON inside: %2 bytes/row)")
             .arg(num(perRow(receiptBytes, n), 1), num(perRow(receiptJson, n), 1)));
    line(QStringLiteral("one link, MQTT framing and acks included"),
         QStringLiteral("%1 bytes/row (changes and receipts; each crosses two links, sender -> broker -> receiver)")
             .arg(num(perRow(link, n), 1)));
    line(QStringLiteral("announcements meanwhile (not per row)"), QString::number(hello.messages));
    if (path.fast && path.compress) {
        const QByteArray sample = observer.sampleBatchRow();
        if (!sample.isEmpty())
            line(QStringLiteral("a row in a batch, e.g."), QString::fromUtf8(sample));
    }
    if (changeRows < n || receiptRowsSeen < n)
        line(QStringLiteral("NOTE"),
             QStringLiteral("the observer saw fewer rows than were synced (%1 changes, %2 receipts of %3): "
                            "the broker dropped some of its messages?")
                 .arg(changeRows)
                 .arg(receiptRowsSeen)
                 .arg(n));
    if (path.fast && (rowC.messages > 0 || rowR.messages > 0))
        line(QStringLiteral("NOTE"),
             QStringLiteral("per-row messages on the fast path (resends before the announcement?)"));

    r.insert(QStringLiteral("rows"), n);
    r.insert(QStringLiteral("change_messages_per_row"), rounded(perRow(changeMsgs, n), 4));
    r.insert(QStringLiteral("receipt_messages_per_row"), rounded(perRow(receiptMsgs, n), 4));
    r.insert(QStringLiteral("change_bytes_per_row"), rounded(perRow(changeBytes, n), 1));
    r.insert(QStringLiteral("receipt_bytes_per_row"), rounded(perRow(receiptBytes, n), 1));
    r.insert(QStringLiteral("change_json_bytes_per_row"), rounded(perRow(changeJson, n), 1));
    r.insert(QStringLiteral("receipt_json_bytes_per_row"), rounded(perRow(receiptJson, n), 1));
    r.insert(QStringLiteral("link_bytes_per_row"), rounded(perRow(link, n), 1));
    r.insert(QStringLiteral("change_rows_seen"), changeRows);
    r.insert(QStringLiteral("receipt_rows_seen"), receiptRowsSeen);
    return r;
}

} // namespace bench
