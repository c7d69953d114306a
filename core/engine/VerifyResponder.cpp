#include "engine/VerifyResponder.h"

#include "common/Logging.h"
#include "database/RowDigests.h"
#include "engine/DigestWorker.h"
#include "engine/RemotePaths.h"
#include "mqtt/Transport.h"
#include "protocol/Extensions.h"

namespace mysqlsync {

VerifyResponder::VerifyResponder(EngineContext &context, DigestWorker *worker, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_worker(worker)
{ }

bool VerifyResponder::resolve(const ext::VerifyMessage &request, TableInfo *table, QStringList *local,
                              QStringList *wire, QString *error) const
{
    const Config &cfg = m_ctx.config;
    const QString name = cfg.receiveTableFor(request.table);
    if (name.isEmpty()) {
        *error = QStringLiteral("%1 is not one of the receiveTables of %2").arg(request.table.left(64), cfg.clientName);
        return false;
    }
    const auto it = m_ctx.tables.constFind(name);
    if (it == m_ctx.tables.cend() || it->primaryKey < 0) {
        *error = QStringLiteral("%1 is not in the catalogue of %2's database").arg(name, cfg.clientName);
        return false;
    }
    *table = *it;
    const ReceiveMapping *mapping = cfg.receiveMapping(name);
    for (const QString &c : request.columns) {
        const QString column = mapping ? mapping->localColumn(c) : c;
        if (!column.isEmpty() && table->column(column)) {
            local->append(column);
            wire->append(c);
        } else if (request.type != ext::VerifyMessage::Type::Open) {
            // Agreed at open: a column that went away since is a schema change.
            *error = QStringLiteral("%1 has no column for %2 any more").arg(name, c.left(64));
            return false;
        }
    }
    if (local->isEmpty()) {
        *error = QStringLiteral("%1 stores none of the columns offered").arg(name);
        return false;
    }
    return true;
}

void VerifyResponder::handle(const ext::VerifyMessage &request)
{
    TableInfo table;
    QStringList local;
    QStringList wire;
    QString error;
    if (!resolve(request, &table, &local, &wire, &error)) {
        fail(request, error);
        return;
    }
    using Type = ext::VerifyMessage::Type;
    ext::VerifyMessage reply;
    reply.run = request.run;
    reply.seq = request.seq;
    reply.table = request.table;
    reply.columns = wire;
    if (request.type == Type::Open) {
        reply.type = Type::Opened;
        const ReceiveMapping *mapping = m_ctx.config.receiveMapping(table.name);
        reply.mirror = mapping && mapping->mirror;
        answer(request.sender, reply);
        return;
    }
    if (m_pending >= kMaxPending) {
        // A remote that asks faster than this database answers gets told, not queued without end.
        fail(request, QStringLiteral("busy: %1 verify requests are being answered; ask again later").arg(m_pending));
        return;
    }
    ++m_pending;
    const QString to = request.sender;
    m_worker->post([this, request, table, local, reply, to](const QSqlDatabase &db, const QString &openError) mutable {
        QString error = openError;
        const RowDigests digests(table, local);
        if (error.isEmpty() && request.type == Type::Range) {
            reply.type = Type::RangeResult;
            QString from = request.from;
            qsizetype rows = 0;
            for (qsizetype i = 0; i < request.chunks.size() && error.isEmpty(); ++i) {
                const ext::VerifyChunk &chunk = request.chunks.at(i);
                QList<ext::RowDigest> here;
                if (!digests.range(db, from, chunk.to, ext::kMaxVerifyRows + 1, &here, &error))
                    break;
                reply.count += here.size();
                if (here.size() != chunk.count || ext::xorDigests(here, 0, here.size()) != chunk.sum) {
                    rows += here.size();
                    if (rows > ext::kMaxVerifyRows)
                        error = QStringLiteral("more than %1 rows differ in one range").arg(ext::kMaxVerifyRows);
                    reply.differ.append({int(i), here});
                }
                from = chunk.to;
            }
        } else if (error.isEmpty()) {
            reply.type = Type::KeysResult;
            digests.keys(db, request.keys, &reply.rows, &error);
        }
        QMetaObject::invokeMethod(
            this,
            [this, request, reply, to, error] {
                --m_pending;
                if (error.isEmpty())
                    answer(to, reply);
                else
                    fail(request, error);
            },
            Qt::QueuedConnection);
    });
}

void VerifyResponder::fail(const ext::VerifyMessage &request, const QString &why)
{
    qCWarning(lcEngine).noquote() << "verify request of" << request.sender << "for" << request.table.left(64)
                                  << "refused:" << why;
    ext::VerifyMessage m;
    m.type = ext::VerifyMessage::Type::Failed;
    m.run = request.run;
    m.seq = request.seq;
    m.table = request.table;
    m.message = why;
    answer(request.sender, m);
}

void VerifyResponder::answer(const QString &to, ext::VerifyMessage m)
{
    m.sender = m_ctx.config.clientName;
    QByteArray json = m.toJson();
    if (json.size() > ext::kMaxMessageBytes) {
        qCWarning(lcEngine).noquote() << "verify answer to" << to << "would be" << json.size()
                                      << "bytes, over the 16 MiB limit";
        ext::VerifyMessage failed;
        failed.type = ext::VerifyMessage::Type::Failed;
        failed.sender = m.sender;
        failed.run = m.run;
        failed.seq = m.seq;
        failed.table = m.table;
        failed.message = QStringLiteral("the answer would be over 16 MiB (rows too large to compare)");
        json = failed.toJson();
    }
    m_ctx.mqtt->publish(ext::verifyTopic(m.sender, to),
                        ext::frame(json, m_ctx.paths && m_ctx.paths->compresses(to, EngineContext::now())));
}

} // namespace mysqlsync
