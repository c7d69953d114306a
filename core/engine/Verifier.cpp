#include "engine/Verifier.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/LoadStore.h"
#include "database/RowDigests.h"
#include "engine/DigestWorker.h"
#include "engine/RemotePaths.h"
#include "mqtt/Presence.h"
#include "mqtt/Transport.h"
#include "outbox/Outbox.h"
#include "protocol/Extensions.h"

#include <QJsonObject>
#include <QUuid>

namespace mysqlsync {

namespace {
constexpr int kTickMs = 250;
constexpr qint64 kIdleLookMs = 1000;    // sync_verifies read for queued runs at most this often
constexpr qint64 kAnswerMs = 60000;     // an answer that takes longer is asked for again (twice)
constexpr qint64 kWaitRemoteMs = 60000; // the remote must be online and speak verify by then
constexpr qint64 kAnnounceMs = 5000;    // an online remote of ours announces within a heartbeat or so
constexpr qint64 kSettleMs = 15000;     // at most this long for the remote's outbox to drain
constexpr qint64 kTargetMs = 250;       // a window's checksums should take about this long
constexpr int kMinWindow = 2000;
constexpr int kMaxWindow = 50000;
constexpr int kChunksPerWindow = 20;
constexpr int kDetails = 100;                // keys kept per run in sync_verifies.details
constexpr qint64 kBackgroundCheckMs = 60000; // how often background verifications are considered
constexpr int kBackgroundPauseMs = 250;      // between the windows of a background verification
} // namespace

Verifier::Verifier(EngineContext &context, DigestWorker *worker, Resend resend, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_worker(worker)
    , m_resend(std::move(resend))
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &Verifier::tick);
}

void Verifier::start()
{
    m_running = true;
    m_timer.start();
}

void Verifier::stop()
{
    if (m_phase != Phase::Idle && m_ctx.databaseUp)
        finish(QStringLiteral("the engine stopped before the verification finished"));
    m_running = false;
    m_timer.stop();
}

void Verifier::tick()
{
    if (!m_running || !m_ctx.databaseUp)
        return;
    const qint64 now = EngineContext::now();
    switch (m_phase) {
    case Phase::Idle: {
        QString error;
        VerifyRun run;
        bool found = false;
        if (!m_abandonedChecked) {
            // Runs an engine left `running` when it stopped: nobody will finish them.
            if (!VerifyStore::abandonRunning(m_ctx.db->db(), &error)) {
                qCWarning(lcEngine).noquote() << error;
                return;
            }
            m_abandonedChecked = true;
        }
        // Queued runs are looked for about once a second (an operator's request starts within it).
        if (m_idleLook.isValid() && !m_idleLook.hasExpired(kIdleLookMs))
            return;
        m_idleLook.start();
        if (!VerifyStore::nextQueued(m_ctx.db->db(), &run, &found, &error)) {
            qCWarning(lcEngine).noquote() << error;
            return;
        }
        if (found)
            begin(run);
        else
            scheduleBackground(now);
        return;
    }
    case Phase::Waiting:
        waitForRemote(now);
        return;
    case Phase::Opening:
    case Phase::Range:
    case Phase::Keys:
        if (!m_since.hasExpired(kAnswerMs))
            return;
        if (m_attempts < 2) {
            ++m_attempts;
            m_since.start();
            m_ctx.mqtt->publish(m_lastTopic, m_lastPayload);
            return;
        }
        finish(QStringLiteral("no answer from %1 within %2 s, asked three times: is its engine running, and may its "
                              "broker login read /mysql-sync/+/verify/%1 (an ACL written by an earlier setup-broker "
                              "lacks that line)?")
                   .arg(m_run.remote)
                   .arg(kAnswerMs / 1000));
        return;
    case Phase::Settling: {
        QString error;
        if (m_ctx.outbox->owedUpTo(m_run.remote, 1, &error) == 0 || m_since.hasExpired(kSettleMs))
            recheck();
        return;
    }
    case Phase::Window:
    case Phase::LocalKeys:
        return; // the worker answers
    }
}

void Verifier::scheduleBackground(qint64 now)
{
    const qint64 interval = m_ctx.config.verifyIntervalMs;
    if (interval <= 0)
        return;
    // Each pair whose remote can answer now, whose initial load is done (before, rows would be
    // missing for a good reason) and that was not verified within the interval. A pair is
    // looked at in the database at most once a minute.
    for (const QString &table : std::as_const(m_ctx.config.syncTables)) {
        for (const QString &remote : std::as_const(m_ctx.config.remoteClients)) {
            const QString pair = table + QLatin1Char('\n') + remote;
            if (!m_ctx.paths || !m_ctx.paths->speaks(remote, ext::capabilityVerify(), now)
                || m_nextBackgroundLook.value(pair) > now)
                continue;
            m_nextBackgroundLook.insert(pair, now + kBackgroundCheckMs);
            QString error;
            bool loaded = false;
            qint64 last = 0;
            qint64 id = 0;
            if (!LoadStore::isDone(m_ctx.db->db(), table, remote, &loaded, &error)
                || (loaded && !VerifyStore::lastRequested(m_ctx.db->db(), table, remote, &last, &error))) {
                qCWarning(lcEngine).noquote() << error;
                return;
            }
            if (!loaded || now - last < interval)
                continue;
            if (!VerifyStore::queue(m_ctx.db->db(), table, remote, false, &id, &error, QStringLiteral("background"))) {
                qCWarning(lcEngine).noquote() << error;
                return;
            }
        }
    }
}

void Verifier::waitForRemote(qint64 now)
{
    const QString &remote = m_run.remote;
    if (m_ctx.paths && m_ctx.paths->speaks(remote, ext::capabilityVerify(), now)) {
        sendOpen();
        return;
    }
    if (!m_ctx.presence || !m_ctx.presence->isOnline(remote, now)) {
        m_onlineSince.invalidate();
        // `--check` reports on the remotes that are online now; others wait a while for them.
        if (m_run.requestedBy == VerifyStore::requestedByCheck())
            finish(QStringLiteral("%1 is offline").arg(remote));
        else if (m_since.hasExpired(kWaitRemoteMs))
            finish(QStringLiteral("%1 is offline (waited %2 s)").arg(remote).arg(kWaitRemoteMs / 1000));
        return;
    }
    if (!m_onlineSince.isValid())
        m_onlineSince.start();
    if (m_ctx.paths && m_ctx.paths->hasAnnounced(remote, now))
        finish(QStringLiteral("%1's engine does not answer verify messages (an earlier version of this engine): "
                              "verification needs this version on both sites")
                   .arg(remote));
    else if (m_onlineSince.hasExpired(kAnnounceMs))
        finish(QStringLiteral("%1 is an earlier engine (it is online but does not announce the extension channel: "
                              "the TypeScript engine, or extensions.enabled false): it cannot be verified")
                   .arg(remote));
}

void Verifier::begin(const VerifyRun &queued)
{
    const Config &cfg = m_ctx.config;
    m_run = queued;
    m_run.state = VerifyRun::State::Running;
    m_run.startedAt = EngineContext::now();
    m_run.rowsChecked = m_run.differing = m_run.missing = m_run.extra = m_run.repaired = 0;
    m_run.details = QJsonArray();
    m_run.message.clear();
    m_runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_seq = 0;
    m_lastKey = QString();
    m_windowRows = 10000;
    m_suspects.clear();
    m_recheck.clear();
    m_phase = Phase::Waiting;
    m_since.start();
    m_onlineSince.invalidate();
    m_isBackground = m_run.requestedBy == QLatin1String("background");
    qCInfo(lcEngine).noquote() << "verifying" << m_run.table << "against" << m_run.remote
                               << (m_run.repair ? "(repairing)" : "");
    if (!cfg.syncTables.contains(m_run.table)) {
        finish(QStringLiteral("%1 is not one of the syncTables of this site").arg(m_run.table));
        return;
    }
    if (!cfg.remoteClients.contains(m_run.remote)) {
        finish(QStringLiteral("%1 is not one of the remoteClients of this site").arg(m_run.remote));
        return;
    }
    const auto table = m_ctx.tables.constFind(m_run.table);
    if (table == m_ctx.tables.cend() || table->primaryKey < 0) {
        finish(QStringLiteral("%1 is not in the catalogue of this site's database").arg(m_run.table));
        return;
    }
    m_info = *table;
    m_wireTable = cfg.sentName(m_run.table);
    m_local.clear();
    m_wire.clear();
    for (const ColumnInfo &c : table->columns) {
        const QString wire = cfg.sentColumn(m_run.table, c.name);
        if (!wire.isEmpty()) {
            m_local.append(c.name);
            m_wire.append(wire);
        }
    }
    save();
    tick();
}

void Verifier::sendOpen()
{
    ext::VerifyMessage m;
    m.type = ext::VerifyMessage::Type::Open;
    m.columns = m_wire;
    m_phase = Phase::Opening;
    publish(m);
}

void Verifier::handle(const ext::VerifyMessage &answer)
{
    if (m_phase == Phase::Idle || answer.run != m_runId || answer.sender != m_run.remote || answer.seq != m_seq)
        return; // another run's, or a repeated answer
    using Type = ext::VerifyMessage::Type;
    if (answer.type == Type::Failed) {
        finish(QStringLiteral("%1 answered: %2").arg(m_run.remote, answer.message));
        return;
    }
    if (answer.type == Type::Opened && m_phase == Phase::Opening) {
        // The columns the remote stores, among those offered: only these are compared.
        QStringList local;
        QStringList wire;
        for (const QString &c : answer.columns) {
            const qsizetype i = m_wire.indexOf(c);
            if (i < 0) {
                finish(
                    QStringLiteral("%1 answered with a column it was not offered (%2)").arg(m_run.remote, c.left(64)));
                return;
            }
            local.append(m_local.at(i));
            wire.append(c);
        }
        if (!local.contains(m_info.key().name)) {
            finish(QStringLiteral("%1 does not store the key column of %2").arg(m_run.remote, m_wireTable));
            return;
        }
        m_local = local;
        m_wire = wire;
        m_remoteMirror = answer.mirror;
        readWindow();
    } else if (answer.type == Type::RangeResult && m_phase == Phase::Range) {
        onRangeResult(answer);
    } else if (answer.type == Type::KeysResult && m_phase == Phase::Keys) {
        onKeysResult(answer);
    }
}

void Verifier::readWindow()
{
    m_phase = Phase::Window;
    const quint64 token = ++m_token;
    const int limit = m_windowRows;
    const TableInfo info = m_info;
    const QStringList columns = m_local;
    const QString from = m_lastKey;
    m_worker->post([this, token, limit, info, columns, from](const QSqlDatabase &db, const QString &openError) {
        QElapsedTimer t;
        t.start();
        QList<ext::RowDigest> rows;
        QString error = openError;
        if (error.isEmpty())
            RowDigests(info, columns).range(db, from, QString(), limit, &rows, &error);
        const qint64 elapsed = t.elapsed();
        QMetaObject::invokeMethod(
            this, [this, token, rows, elapsed, error, limit] { onWindow(token, rows, elapsed, limit, error); },
            Qt::QueuedConnection);
    });
}

void Verifier::onWindow(quint64 token, const QList<ext::RowDigest> &rows, qint64 elapsedMs, int limit,
                        const QString &error)
{
    if (token != m_token || m_phase != Phase::Window)
        return;
    if (!error.isEmpty()) {
        finish(error);
        return;
    }
    // Sized by time: about kTargetMs per window, so the worker never holds the database long.
    m_windowRows = int(
        qBound(qint64(kMinWindow), qint64(m_windowRows) * kTargetMs / qMax<qint64>(1, elapsedMs), qint64(kMaxWindow)));
    m_window = rows;
    m_lastWindow = rows.size() < limit;
    m_chunkEnds.clear();
    ext::VerifyMessage m;
    m.type = ext::VerifyMessage::Type::Range;
    m.from = m_lastKey;
    const qsizetype per = qMax<qsizetype>(1, (rows.size() + kChunksPerWindow - 1) / kChunksPerWindow);
    for (qsizetype begin = 0; begin < rows.size(); begin += per) {
        const qsizetype end = qMin(begin + per, rows.size());
        m.chunks.append({rows.at(end - 1).key, end - begin, ext::xorDigests(rows, begin, end)});
        m_chunkEnds.append(end);
    }
    if (m.chunks.isEmpty()) {
        m.chunks.append({QString(), 0, ext::xorDigests(rows, 0, 0)});
        m_chunkEnds.append(0);
    }
    if (m_lastWindow)
        m.chunks.last().to = QString(); // the last chunk takes every key above: rows only the remote has
    m_phase = Phase::Range;
    publish(m);
}

void Verifier::onRangeResult(const ext::VerifyMessage &m)
{
    for (const auto &[chunk, remoteRows] : m.differ) {
        if (chunk >= m_chunkEnds.size()) {
            finish(QStringLiteral("%1 answered about a chunk it was not sent").arg(m_run.remote));
            return;
        }
        const qsizetype begin = chunk == 0 ? 0 : m_chunkEnds.at(chunk - 1);
        QHash<QString, QString> local;
        for (qsizetype i = begin; i < m_chunkEnds.at(chunk); ++i)
            local.insert(m_window.at(i).key, m_window.at(i).sum);
        for (const ext::RowDigest &r : remoteRows) {
            const auto it = local.constFind(r.key);
            if (it != local.cend() && *it == r.sum)
                local.remove(r.key);
            else
                m_suspects.insert(r.key);
        }
        for (auto it = local.cbegin(); it != local.cend(); ++it)
            m_suspects.insert(it.key());
    }
    m_run.rowsChecked += m_window.size();
    if (!m_window.isEmpty())
        m_lastKey = m_window.last().key;
    m_window.clear();
    save();
    if (!m_lastWindow) {
        if (m_isBackground) {
            // At low priority: the database gets a rest between windows.
            m_phase = Phase::Window;
            const quint64 token = m_token;
            QTimer::singleShot(kBackgroundPauseMs, this, [this, token] {
                if (token == m_token && m_phase == Phase::Window)
                    readWindow();
            });
            return;
        }
        readWindow();
        return;
    }
    // Keys that differed may only have been in flight: asked again once the remote's outbox is empty.
    m_recheck = QStringList(m_suspects.cbegin(), m_suspects.cend());
    m_recheck.sort();
    m_suspects.clear();
    m_phase = Phase::Settling;
    m_since.start();
}

void Verifier::recheck()
{
    if (m_recheck.isEmpty()) {
        finish();
        return;
    }
    m_batch = m_recheck.mid(0, ext::kMaxVerifyKeys);
    m_recheck.remove(0, m_batch.size());
    m_phase = Phase::LocalKeys;
    const quint64 token = ++m_token;
    const TableInfo info = m_info;
    const QStringList columns = m_local;
    const QStringList keys = m_batch;
    m_worker->post([this, token, info, columns, keys](const QSqlDatabase &db, const QString &openError) {
        QList<ext::RowDigest> rows;
        QString error = openError;
        if (error.isEmpty())
            RowDigests(info, columns).keys(db, keys, &rows, &error);
        QMetaObject::invokeMethod(
            this, [this, token, rows, error] { onLocalKeys(token, rows, error); }, Qt::QueuedConnection);
    });
}

void Verifier::onLocalKeys(quint64 token, const QList<ext::RowDigest> &rows, const QString &error)
{
    if (token != m_token || m_phase != Phase::LocalKeys)
        return;
    if (!error.isEmpty()) {
        finish(error);
        return;
    }
    m_localSums.clear();
    for (const ext::RowDigest &r : rows)
        m_localSums.insert(r.key, r.sum);
    ext::VerifyMessage m;
    m.type = ext::VerifyMessage::Type::Keys;
    m.keys = m_batch;
    m_phase = Phase::Keys;
    publish(m);
}

void Verifier::onKeysResult(const ext::VerifyMessage &m)
{
    QHash<QString, QString> remote;
    for (const ext::RowDigest &r : m.rows)
        remote.insert(r.key, r.sum);
    QStringList repair;
    for (const QString &key : std::as_const(m_batch)) {
        const QString here = m_localSums.value(key);
        const QString there = remote.value(key);
        if (here.isNull() && there.isNull())
            continue; // gone on both sides since
        if (here.isNull()) {
            note(key, QStringLiteral("extra"));
            ++m_run.extra;
            // Owed as the row this site has: none, a delete. After a load only into a mirror:
            // loads merge otherwise.
            if (m_run.requestedBy != QLatin1String("load") || m_remoteMirror)
                repair.append(key);
        } else if (there.isNull()) {
            note(key, QStringLiteral("missing"));
            ++m_run.missing;
            repair.append(key);
        } else if (here != there) {
            note(key, QStringLiteral("differs"));
            ++m_run.differing;
            repair.append(key);
        }
    }
    if (m_run.repair && !repair.isEmpty()) {
        m_resend(m_run.remote, m_run.table, repair);
        m_run.repaired += repair.size();
    }
    save();
    recheck();
}

void Verifier::note(const QString &key, const QString &kind)
{
    if (m_run.details.size() < kDetails)
        m_run.details.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("kind"), kind}});
}

void Verifier::finish(const QString &failure)
{
    m_run.state = failure.isEmpty() ? VerifyRun::State::Done : VerifyRun::State::Failed;
    m_run.finishedAt = EngineContext::now();
    const double seconds = (m_run.finishedAt - m_run.startedAt) / 1000.0;
    if (failure.isEmpty()) {
        m_run.message = QStringLiteral("%1 row(s) compared in %2 s: %3 differ, %4 missing on %5, %6 only on %5%7")
                            .arg(m_run.rowsChecked)
                            .arg(seconds, 0, 'f', 1)
                            .arg(m_run.differing)
                            .arg(m_run.missing)
                            .arg(m_run.remote)
                            .arg(m_run.extra)
                            .arg(m_run.repair ? QStringLiteral(", %1 sent again").arg(m_run.repaired) : QString());
        qCInfo(lcEngine).noquote() << "verify of" << m_run.table << "against" << m_run.remote
                                   << "done:" << m_run.message;
        if (m_isBackground && m_run.differing + m_run.missing + m_run.extra > 0) {
            const QString drift = QStringLiteral("background verification found drift: %1 differs in %2 (%3); "
                                                 "mysql-sync verify --repair makes it equal")
                                      .arg(m_run.table, m_run.remote, m_run.message);
            qCWarning(lcEngine).noquote() << drift;
            m_ctx.reportError(EngineError::Source::Remote, drift, m_run.remote, m_run.table);
        }
    } else {
        m_run.message = failure;
        qCWarning(lcEngine).noquote() << "verify of" << m_run.table << "against" << m_run.remote
                                      << "failed:" << failure;
        m_ctx.reportError(EngineError::Source::Remote,
                          QStringLiteral("verify of %1 against %2 failed: %3").arg(m_run.table, m_run.remote, failure),
                          m_run.remote, m_run.table);
    }
    save();
    m_phase = Phase::Idle;
    ++m_token;
    m_window.clear();
    m_recheck.clear();
    m_localSums.clear();
}

void Verifier::publish(ext::VerifyMessage m)
{
    m.sender = m_ctx.config.clientName;
    m.run = m_runId;
    m.seq = ++m_seq;
    m.table = m_wireTable;
    if (m.type != ext::VerifyMessage::Type::Open)
        m.columns = m_wire;
    m_lastTopic = ext::verifyTopic(m.sender, m_run.remote);
    m_lastPayload = ext::frame(m.toJson(), m_ctx.paths && m_ctx.paths->compresses(m_run.remote, EngineContext::now()));
    m_attempts = 0;
    m_since.start();
    m_ctx.mqtt->publish(m_lastTopic, m_lastPayload);
}

void Verifier::save()
{
    QString error;
    if (m_ctx.databaseUp && !VerifyStore::update(m_ctx.db->db(), m_run, &error))
        qCWarning(lcEngine).noquote() << error;
}

} // namespace mysqlsync
