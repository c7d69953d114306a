#include "engine/IncomingMessages.h"

#include "common/ClientName.h"
#include "common/Logging.h"
#include "engine/CaptureScheduler.h"
#include "engine/ChangeReceiver.h"
#include "engine/ChangeSender.h"
#include "engine/FlushScheduler.h"
#include "engine/RemotePaths.h"
#include "engine/RetryBackoff.h"
#include "engine/StatusTracker.h"
#include "mqtt/Presence.h"
#include "protocol/Extensions.h"
#include "protocol/Messages.h"

namespace mysqlsync {

IncomingMessages::IncomingMessages(EngineContext &context, RetryBackoff &retries, FlushScheduler &flushes,
                                   CaptureScheduler &capture)
    : m_ctx(context)
    , m_retries(retries)
    , m_flushes(flushes)
    , m_capture(capture)
{ }

void IncomingMessages::handle(const QList<MqttIncoming> &messages)
{
    const QString self = m_ctx.config.clientName;
    const QString infoTopic = topics::info();
    const QString receiptTopic = topics::infoFor(self);
    const QString changeTopic = topics::changeFor(self);
    const qint64 now = EngineContext::now();
    QList<ChangeMessage> changes;
    QList<InfoMessage> receipts;
    for (const MqttIncoming &m : messages) {
        QString error;
        if (m.topic == changeTopic) {
            ChangeMessage change;
            const bool valid = ChangeMessage::fromJson(m.payload, &change, &error);
            // An unreadable sender is a malformed message (rejected, not answered); a readable
            // one must be a configured remote.
            if (!change.sender.isEmpty() && isValidClientName(change.sender) && !heard(change.sender, m.topic))
                continue;
            if (valid)
                changes.append(change);
            else
                m_receiver->reject(change, error);
            continue;
        }
        if (m.topic.startsWith(QLatin1String("/mysql-sync/"))) {
            handleExtension(m, now, &changes, &receipts);
            continue;
        }
        if (m.topic != infoTopic && m.topic != receiptTopic)
            continue;
        InfoMessage info;
        if (!InfoMessage::fromJson(m.payload, &info, &error)) {
            qCWarning(lcProtocol).noquote() << "ignoring a malformed message on" << m.topic << ":" << error;
            m_ctx.reportError(EngineError::Source::Incoming, QStringLiteral("%1: %2").arg(m.topic, error),
                              loggableName(info.sender));
            continue;
        }
        if (!heard(info.sender, m.topic))
            continue;
        if (m.topic == infoTopic)
            m_ctx.presence->handle(info, now);
        else if (info.kind == InfoKind::DataReceived || info.kind == InfoKind::Error)
            receipts.append(info);
    }
    if (!changes.isEmpty() && !m_paused)
        m_receiver->apply(changes);
    if (m_receiver)
        m_receiver->finishReceipts();
    if (!receipts.isEmpty())
        handleReceipts(receipts);
}

void IncomingMessages::handleExtension(const MqttIncoming &m, qint64 now, QList<ChangeMessage> *changes,
                                       QList<InfoMessage> *receipts)
{
    const ext::Route route = ext::parseTopic(m.topic);
    const QString self = m_ctx.config.clientName;
    // The topic names the sender (the broker's ACL binds it to the sender's login); the
    // payload must agree. Addressed messages must be addressed to us.
    if (!m_ctx.paths || route.kind == ext::Kind::None
        || ((route.kind == ext::Kind::Batch || route.kind == ext::Kind::Receipts || route.kind == ext::Kind::Verify)
            && route.target != self))
        return;
    if (!heard(route.sender, m.topic))
        return;
    QByteArray json;
    QString error;
    auto malformed = [&](const QString &why) {
        qCWarning(lcProtocol).noquote() << "ignoring a malformed message on" << loggableName(m.topic) << ":" << why;
        m_ctx.reportError(EngineError::Source::Incoming, QStringLiteral("%1: %2").arg(loggableName(m.topic), why),
                          route.sender);
    };
    if (!ext::unframe(m.payload, &json, &error)) {
        malformed(error);
        return;
    }
    switch (route.kind) {
    case ext::Kind::Hello: {
        ext::Announcement a;
        if (!ext::Announcement::fromJson(json, route.sender, &a, &error)) {
            malformed(error);
            return;
        }
        const qint64 lead = 2 * qint64(m_ctx.config.checkIntervalMs) + 3000;
        const qint64 deadline = qMax(m_ctx.presence->deadlineOf(a.sender), now + lead);
        const bool before = m_ctx.batchesTo(a.sender, now);
        m_ctx.paths->announced(a, deadline, now);
        if (m_ctx.batchesTo(a.sender, now) != before)
            m_flushes.schedule(a.sender, 0); // its window changed with its path
        return;
    }
    case ext::Kind::Batch: {
        ext::ReceivedBatch batch;
        if (!ext::ReceivedBatch::fromJson(json, route.sender, &batch, &error)) {
            // Nothing of it is applied and nothing answered: its sender sends the rows again.
            malformed(error);
            return;
        }
        for (const auto &[partial, why] : std::as_const(batch.rejected))
            m_receiver->reject(partial, why);
        *changes += batch.changes;
        return;
    }
    case ext::Kind::Receipts: {
        ext::ReceiptBatch batch;
        QStringList skipped;
        if (!ext::ReceiptBatch::fromJson(json, route.sender, &batch, &skipped, &error)) {
            malformed(error);
            return;
        }
        if (batch.batch > 0) {
            // A summary: the rows of a batch we sent, each received unless listed as an error.
            QList<InfoMessage> expanded;
            if (!m_ctx.paths->expand(route.sender, batch, &expanded, &error, &skipped))
                qCInfo(lcEngine).noquote() << "a summary receipt from" << route.sender << "is not used:" << error;
            for (const QString &why : std::as_const(skipped))
                malformed(why);
            *receipts += expanded;
            return;
        }
        for (const QString &why : std::as_const(skipped))
            malformed(why);
        for (const InfoMessage &r : std::as_const(batch.receipts)) {
            if (m_ctx.paths->couldHaveSent(r.sender, r.table, r.id, r.date))
                receipts->append(r);
            else
                malformed(QStringLiteral("a receipt names %1 %2, which the batch sent at %3 did not carry")
                              .arg(r.table.left(64), r.id.left(64))
                              .arg(r.date));
        }
        return;
    }
    case ext::Kind::Verify: {
        ext::VerifyMessage v;
        if (!ext::VerifyMessage::fromJson(json, route.sender, &v, &error)) {
            malformed(error);
            return;
        }
        if (m_verify)
            m_verify(v);
        return;
    }
    case ext::Kind::None:
        return;
    }
}

bool IncomingMessages::heard(const QString &sender, const QString &what)
{
    if (m_ctx.config.remoteClients.contains(sender))
        return true;
    if (sender == m_ctx.config.clientName)
        return false; // our own heartbeat on /info, or our own name on our own topics
    ++m_ctx.counters.unknownSenders;
    if (m_unknownSenders.admit(sender, EngineContext::now())) {
        qCWarning(lcProtocol).noquote() << QStringLiteral(
                                               "dropped a message on %1 from unknown sender \"%2\": not one of "
                                               "remoteClients (further ones from it are only counted for a minute)")
                                               .arg(loggableName(what), loggableName(sender));
    }
    return false;
}

void IncomingMessages::summarise(qint64 now)
{
    for (const ReportLimiter::Summary &s : m_unknownSenders.expire(now)) {
        qCWarning(lcProtocol).noquote() << QStringLiteral(
                                               "dropped %1 more message(s) in the last minute from %2, not in "
                                               "remoteClients")
                                               .arg(s.suppressed)
                                               .arg(s.key.isEmpty()
                                                        ? QStringLiteral("names too many to list")
                                                        : QStringLiteral("\"%1\"").arg(loggableName(s.key)));
    }
    for (const ReportLimiter::Summary &s : m_errorReceipts.expire(now)) {
        const QString message =
            QStringLiteral("%1 more error receipt(s) from %2 in the last seconds, not listed one by one "
                           "(sync_status has each)")
                .arg(s.suppressed)
                .arg(s.key);
        qCWarning(lcEngine).noquote() << message;
        m_ctx.reportError(EngineError::Source::Remote, message, s.key);
    }
}

void IncomingMessages::handleReceipts(const QList<InfoMessage> &receipts)
{
    if (!m_ctx.databaseUp) {
        // The outbox keeps the entries; they are sent again and answered again.
        qCDebug(lcEngine) << "database down: leaving" << receipts.size() << "receipt(s) for a later resend";
        return;
    }
    QHash<QString, int> leftForLater; // sender -> receipts not taken: sync_status is backed up
    // Consecutive taken receipts of one (table, sender, date), told to receiptsArrived at once:
    // a batch's receipts come together.
    struct Run {
        QString table, sender;
        qint64 date = 0;
        int count = 0;
    } run;
    auto endRun = [this, &run] {
        if (run.count > 0 && m_ctx.receiptsArrived)
            m_ctx.receiptsArrived(run.table, run.sender, run.date, run.count);
        run.count = 0;
    };
    for (const InfoMessage &r : receipts) {
        ++m_ctx.counters.receiptsIn;
        if (m_ctx.status->isFull()) {
            ++leftForLater[r.sender];
            continue;
        }
        // A flood of them is summed up (summariseReports) rather than logged one by one.
        if (r.kind == InfoKind::Error && m_errorReceipts.admit(r.sender, EngineContext::now())) {
            qCWarning(lcEngine).noquote() << r.sender << "could not apply" << r.table << r.id << ":" << r.message;
            m_ctx.reportError(EngineError::Source::Remote, r.message, r.sender, r.table, r.id);
        }
        // A receipt for a key our transformer changed settles the key the outbox owes.
        // A receipt names the table as it was sent (a mapped table under its "as" name).
        InfoMessage settled = r;
        const QString local = m_ctx.config.sendTableFor(r.table);
        if (!local.isEmpty())
            settled.table = local;
        auto alias = m_ctx.sentIds.find(sentIdKey(r.sender, settled.table, r.id, r.date));
        if (alias != m_ctx.sentIds.end()) {
            settled.id = *alias;
            m_ctx.sentIds.erase(alias);
        }
        // Refused alone: a receipt that sync_status cannot hold, or for a table this site
        // never sends, must not cost the other receipts of the batch their rows.
        QString why;
        if (local.isEmpty())
            why = QStringLiteral("%1 is not one of this site's syncTables").arg(settled.table.left(64));
        if (why.isEmpty() && m_ctx.status->receipt(settled, &why)) {
            if (run.count == 0 || run.date != settled.date || run.table != settled.table || run.sender != r.sender) {
                endRun();
                run = {settled.table, r.sender, settled.date, 0};
            }
            ++run.count;
            // A remote whose table lacks a column we sent may get it soon (an ALTER TABLE that
            // reached us first): sent again with back-off, without an operator's click.
            if (r.kind == InfoKind::Error && RetryBackoff::isMissingColumn(r.message))
                m_retries.refused(r.sender, settled.table, settled.id, EngineContext::now());
            else if (r.kind == InfoKind::DataReceived && !m_retries.isEmpty())
                m_retries.accepted(r.sender, settled.table, settled.id);
            continue;
        }
        const QString message = QStringLiteral("ignored a receipt from %1 for %2 %3: %4")
                                    .arg(r.sender, r.table.left(64), r.id.left(64), why);
        qCWarning(lcEngine).noquote() << message;
        m_ctx.reportError(EngineError::Source::Incoming, message, r.sender, r.table.left(255), r.id.left(255));
    }
    endRun();
    for (auto it = leftForLater.cbegin(); it != leftForLater.cend(); ++it) {
        if (!m_backedUp.admit(it.key(), EngineContext::now()))
            continue;
        const QString message =
            QStringLiteral("sync_status is backed up (%1 rows wait for the database): %2 receipt(s) "
                           "from %3 left for a later resend")
                .arg(m_ctx.status->waitingRows())
                .arg(it.value())
                .arg(it.key());
        qCWarning(lcEngine).noquote() << message;
        m_ctx.reportError(EngineError::Source::Database, message, it.key());
    }
    m_ctx.statusQueued();
    // Receipts make room in the send window: send what waits behind it, in the outbox and
    // in table_changes.
    QStringList senders;
    for (const InfoMessage &r : receipts) {
        if (!senders.contains(r.sender))
            senders.append(r.sender);
    }
    roomMade(senders);
}

void IncomingMessages::roomMade(const QStringList &remotes)
{
    for (const QString &remote : remotes) {
        if (m_ctx.waiting.contains(remote))
            m_flushes.schedule(remote, 0);
    }
    if (!m_paused)
        m_capture.roomMade(); // (not when capture is backing off after a failure)
}

} // namespace mysqlsync
