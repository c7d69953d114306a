#pragma once
// What SyncEngine does with a batch of messages from the broker: only configured remotes
// are heard (others counted and logged at most once a minute per name), changes go to the
// ChangeReceiver, presence to Presence, receipts to StatusTracker (refused alone when
// sync_status cannot hold them), with RetryBackoff for a column the remote lacked; receipts
// make room in the send window. Lives on the engine's thread.
#include "common/ReportLimiter.h"
#include "engine/EngineContext.h"
#include "mqtt/Transport.h"
#include "protocol/VerifyMessages.h"

#include <QList>

#include <functional>

namespace mysqlsync {

class CaptureScheduler;
class ChangeReceiver;
class FlushScheduler;
class RetryBackoff;
struct ChangeMessage;
struct InfoMessage;

class IncomingMessages {
public:
    IncomingMessages(EngineContext &context, RetryBackoff &retries, FlushScheduler &flushes, CaptureScheduler &capture);

    void setReceiver(ChangeReceiver *receiver) { m_receiver = receiver; }
    // Verify messages (requests and answers) from configured remotes go here.
    void setVerify(std::function<void(const ext::VerifyMessage &)> handler) { m_verify = std::move(handler); }
    void setPaused(bool paused) { m_paused = paused; }
    // Changes to `remotes` left the send window: schedules the sends that wait behind it
    // (the outbox's and capture's).
    void roomMade(const QStringList &remotes);

    // One batch, as MqttClient hands it over.
    void handle(const QList<MqttIncoming> &messages);
    // Sums up what the report limits held back (from housekeeping).
    void summarise(qint64 now);

private:
    // Whether a message from `sender` is heard: only configured remotes are. Any other name
    // (not ourselves) is counted and logged at most once a minute per name.
    bool heard(const QString &sender, const QString &what);
    void handleReceipts(const QList<InfoMessage> &receipts);
    // A message on the extension channel (/mysql-sync/...): announcements go to RemotePaths,
    // the changes of a batch and the receipts of a batch receipt join the others.
    void handleExtension(const MqttIncoming &message, qint64 now, QList<ChangeMessage> *changes,
                         QList<InfoMessage> *receipts);

    EngineContext &m_ctx;
    RetryBackoff &m_retries;
    FlushScheduler &m_flushes;
    CaptureScheduler &m_capture;
    ChangeReceiver *m_receiver = nullptr;
    std::function<void(const ext::VerifyMessage &)> m_verify;
    bool m_paused = false;
    ReportLimiter m_unknownSenders{1, 60000, 256}; // log lines about unknown senders, by name
    ReportLimiter m_errorReceipts{20, 10000, 64};  // error receipts logged one by one, by remote
    ReportLimiter m_backedUp{1, 10000, 64};        // receipts left while sync_status is backed up, by remote
};

} // namespace mysqlsync
