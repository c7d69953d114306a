#include "engine/ReceiptSender.h"

#include "common/Logging.h"
#include "engine/RemotePaths.h"
#include "mqtt/Transport.h"
#include "outbox/Outbox.h"
#include "protocol/Extensions.h"

#include <QSet>

namespace mysqlsync {

bool ReceiptSender::onBatchPath(const QString &remote)
{
    const qint64 now = EngineContext::now();
    if (m_path.at != now || m_path.remote != remote)
        m_path = {remote, now, m_ctx.canSendTo(remote, now) && m_ctx.batchesTo(remote, now)};
    return m_path.batch;
}

void ReceiptSender::send(const QString &remote, const InfoMessage &receipt, const ChangeMessage &change)
{
    if (!m_ctx.config.remoteClients.contains(remote))
        return; // never owed to a name that is not a remote: it would wait in the outbox for ever
    if (onBatchPath(remote)) {
        m_held[remote].append({receipt, change.batch, change.batchRows});
        return;
    }
    const QByteArray payload = receipt.toJson();
    if (m_ctx.canSendTo(remote, EngineContext::now()) && m_ctx.mqtt->publish(topics::infoFor(remote), payload)) {
        ++m_ctx.counters.receiptsOut;
        return;
    }
    keep(remote, receipt);
}

void ReceiptSender::keep(const QString &remote, const InfoMessage &receipt)
{
    QString error;
    if (!m_ctx.outbox->putReceipt(remote, receipt.toJson(), &error))
        m_ctx.reportError(EngineError::Source::Outbox, error, remote, receipt.table, receipt.id);
    m_ctx.outboxChanged = true;
}

void ReceiptSender::flush()
{
    const QHash<QString, QList<Held>> all = std::exchange(m_held, {});
    m_path.at = -1;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        const QList<InfoMessage> rest = publishSummaries(it.key(), it.value());
        qsizetype published = 0;
        publish(it.key(), rest, &published);
        for (const InfoMessage &r : rest.mid(published))
            keep(it.key(), r);
    }
}

QList<InfoMessage> ReceiptSender::publishSummaries(const QString &remote, const QList<Held> &held)
{
    QHash<qint64, QList<qsizetype>> byBatch; // batch number -> positions in `held`
    for (qsizetype i = 0; i < held.size(); ++i) {
        if (held.at(i).batch > 0)
            byBatch[held.at(i).batch].append(i);
    }
    const Config::Extensions &x = m_ctx.config.extensions;
    const bool compress = x.compress && m_ctx.paths->compresses(remote, EngineContext::now());
    const QString topic = ext::receiptsTopic(m_ctx.config.clientName, remote);
    QList<bool> summarised(held.size(), false);
    for (auto b = byBatch.cbegin(); b != byBatch.cend(); ++b) {
        const QList<qsizetype> &at = b.value();
        const Held &first = held.at(at.first());
        // Only a batch answered whole, each of its rows once: the summary stands for them all.
        if (at.size() != first.batchRows)
            continue;
        QSet<QString> keys;
        keys.reserve(at.size());
        QList<InfoMessage> errors;
        bool whole = true;
        for (const qsizetype i : at) {
            const InfoMessage &r = held.at(i).receipt;
            whole = r.date == first.receipt.date && held.at(i).batchRows == first.batchRows;
            if (whole) {
                const qsizetype before = keys.size();
                keys.insert(r.table + QLatin1Char('\n') + r.id);
                whole = keys.size() > before;
            }
            if (!whole)
                break;
            if (r.kind == InfoKind::Error)
                errors.append(r);
        }
        if (!whole)
            continue;
        const QByteArray json = ext::ReceiptBatch::summaryJson(m_ctx.config.clientName, b.key(), first.receipt.date,
                                                               first.batchRows, errors);
        if (json.size() > x.batchBytes && !errors.isEmpty())
            continue; // many long errors: listed in batch receipts of the usual size instead
        for (const qsizetype i : at)
            summarised[i] = true;
        if (m_ctx.mqtt->publish(topic, ext::frame(json, compress))) {
            m_ctx.counters.receiptsOut += at.size();
            continue;
        }
        for (const qsizetype i : at) // not connected: kept row by row, sent when it is back
            keep(remote, held.at(i).receipt);
    }
    QList<InfoMessage> rest;
    for (qsizetype i = 0; i < held.size(); ++i) {
        if (!summarised.at(i))
            rest.append(held.at(i).receipt);
    }
    return rest;
}

bool ReceiptSender::publish(const QString &remote, const QList<InfoMessage> &receipts, qsizetype *published)
{
    const Config::Extensions &x = m_ctx.config.extensions;
    const bool compress = x.compress && m_ctx.paths->compresses(remote, EngineContext::now());
    const QString topic = ext::receiptsTopic(m_ctx.config.clientName, remote);
    *published = 0;
    for (const ext::ReceiptBatch::Encoded &batch :
         ext::ReceiptBatch::toJson(m_ctx.config.clientName, receipts, x.batchRows, x.batchBytes)) {
        if (!m_ctx.mqtt->publish(topic, ext::frame(batch.json, compress)))
            return false;
        *published += batch.rows;
        m_ctx.counters.receiptsOut += batch.rows;
    }
    return true;
}

} // namespace mysqlsync
