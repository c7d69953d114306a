#pragma once
// Makes the data connection itself verify the database server's certificate: chain and host
// name, during the TLS handshake, before any password is sent.
//
// Qt 6.4's QMYSQL has no connect option for MYSQL_OPT_SSL_VERIFY_SERVER_CERT and creates its
// MYSQL handle inside QSqlDatabase::open(), so the option cannot be set from outside. MariaDB
// Connector/C hands a connection whose host is "name://host" to the connection plugin
// registered under that name, before anything is sent; ours, registered in this process (no
// file is loaded), turns verification on for that handle and connects as usual, over TCP.
#include <QString>

namespace mysqlsync {

class VerifiedTls {
public:
    // Registers the plugin (once; again after the client library was re-initialised).
    // False with `error` when the client library refuses it: the caller must not connect.
    static bool ensureRegistered(QString *error);
    // The host name to give QSqlDatabase::setHostName() for a verified connection to `host`.
    static QString hostName(const QString &host);
    // OpenSSL's directory of trusted CAs, for mysqlConfig.ssl without a ca of its own (the
    // client library verifies no chain without a CA file or directory).
    static QString systemCaDirectory();
    // True when the client library's error code is its TLS failure (2026).
    static bool isTlsFailure(const QString &nativeErrorCode);
};

} // namespace mysqlsync
