#pragma once
// The test class of tst_extensions (core/protocol/Extensions), in two files:
// tst_extensions.cpp (topics, framing, the announcement), tst_extensions_batches.cpp (change
// batches, BatchBuilder, batch receipts) and tst_extensions_summaries.cpp (numbered batches,
// summary receipts), with the helpers they share.
#include "protocol/Extensions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace extest {
inline const QString kA = QStringLiteral("site_a");
inline const QString kB = QStringLiteral("site_b");

QByteArray compact(const QJsonObject &o);
// `o` with `field` set to `v` (removed when `v` is undefined), compact.
QByteArray compactWith(QJsonObject o, const QString &field, const QJsonValue &v);
mysqlsync::ChangeMessage change(const QString &table, const QString &id, const QJsonValue &entity);
// A row of a change batch, of table "items".
QJsonObject row(const QString &id, const QJsonValue &entity = QJsonObject{{QStringLiteral("n"), 1}});
// A batch from site_a dated 1700000000000 whose count is right.
QJsonObject batchEnvelope(const QJsonArray &rows);
// A valid announcement from site_a.
QJsonObject announcement();
// Checks that a receipt message from site_b is refused whole, its error naming `errorHas`.
void expectReceiptsRefused(const QByteArray &payload, const QString &errorHas);
} // namespace extest

class TestExtensions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- topics -------------------------------------------------------------------------
    void topicStrings();
    void parseTopic_data();
    void parseTopic();
    // ---- framing ------------------------------------------------------------------------
    void frameSmallStaysPlain();
    void frameCompressesWhenItPays();
    void frameIncompressibleStaysPlain();
    void unframeRefuses_data();
    void unframeRefuses();
    void unframeAcceptsAtTheLimit();
    void unframeZipBomb_data();
    void unframeZipBomb();
    // ---- announcement -------------------------------------------------------------------
    void announcementRoundTrip();
    void announcementAccepts_data();
    void announcementAccepts();
    void announcementRejects_data();
    void announcementRejects();
    // ---- change batches -----------------------------------------------------------------
    void batchRoundTrip();
    void batchRefused_data();
    void batchRefused();
    void batchAtTheRowLimit();
    void batchRowRejected_data();
    void batchRowRejected();
    void batchRowCannotSpeakForAnotherSender();
    void batchEmpty();
    void batchCarriesVersions();
    // ---- BatchBuilder -------------------------------------------------------------------
    void builderSplitsByRows();
    void builderClampsRows();
    void builderSplitsByBytes();
    // ---- batch receipts -----------------------------------------------------------------
    void receiptsRoundTrip();
    void receiptsSplit();
    void receiptsRefused_data();
    void receiptsRefused();
    void receiptsSkipMalformedRows();
    // ---- numbered batches and summary receipts ------------------------------------------
    void builderNumbersBatches();
    void batchNumber_data();
    void batchNumber();
    void summaryRoundTrip();
    void summaryRefused_data();
    void summaryRefused();
    void summarySkipsMalformedErrors();
};
