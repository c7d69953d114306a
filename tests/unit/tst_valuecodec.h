#pragma once
// The test class of tst_valuecodec (core/codec/ValueCodec), in two files: tst_valuecodec.cpp
// (the column kinds, select expressions, encoding, identifiers; the helpers) and
// tst_valuecodec_decode.cpp (decoding, its errors, round trips, NULL), with the helpers both use.
#include "codec/ValueCodec.h"

#include <QByteArray>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <initializer_list>

Q_DECLARE_METATYPE(mysqlsync::ColumnKind)

namespace codectest {
mysqlsync::ColumnInfo column(const QString &dataType, const QString &columnType = QString(),
                             const QString &name = QStringLiteral("col"));
// A JSON value as compact text, so that 1 and "1" and 1.5 are told apart exactly.
QByteArray jsonText(const QJsonValue &v);
// Parses one JSON value from text.
QJsonValue json(const QByteArray &text);
QByteArray bytes(std::initializer_list<int> values);
} // namespace codectest

class tst_ValueCodec : public QObject {
    Q_OBJECT

private slots:
    void fromCatalog_data();
    void fromCatalog();
    void selectExpression_data();
    void selectExpression();

    void encode_data();
    void encode();
    void decode_data();
    void decode();
    void decodeErrors_data();
    void decodeErrors();
    void roundTrip_data();
    void roundTrip();
    void decodeNull_data();
    void decodeNull();

    void quoteIdentifier_data();
    void quoteIdentifier();
};
