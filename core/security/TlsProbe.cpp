#include "security/TlsProbe.h"

#include "security/CertificateInfo.h"
#include "security/OpenSslUtil.h"

#include <QFile>
#include <QHostAddress>

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace mysqlsync {

using namespace ossl;

namespace {

int connectTcp(const QString &host, int port, int timeoutMs, QString *error)
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    const QByteArray h = host.toUtf8();
    const QByteArray p = QByteArray::number(port);
    if (int rc = getaddrinfo(h.constData(), p.constData(), &hints, &list); rc != 0) {
        *error = QStringLiteral("cannot resolve %1: %2").arg(host, QString::fromLocal8Bit(gai_strerror(rc)));
        return -1;
    }
    int fd = -1;
    for (addrinfo *ai = list; ai; ai = ai->ai_next) {
        fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        const int flags = fcntl(fd, F_GETFL);
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd pfd{fd, POLLOUT, 0};
            rc = ::poll(&pfd, 1, timeoutMs) == 1 ? 0 : -1;
            int soError = 0;
            socklen_t len = sizeof soError;
            if (rc == 0 && (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len) != 0 || soError != 0)) {
                errno = soError;
                rc = -1;
            }
        }
        if (rc == 0) {
            fcntl(fd, F_SETFL, flags);
            timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
            break;
        }
        *error = QStringLiteral("cannot reach %1:%2: %3")
                     .arg(host)
                     .arg(port)
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        fd = -1;
    }
    freeaddrinfo(list);
    return fd;
}

QString errorQueue()
{
    QString text;
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        text += QString::fromLatin1(buf) + QLatin1Char(' ');
    }
    return text.trimmed();
}

// What the broker's alert (or OpenSSL's error) says about our side of the handshake.
TlsProbe::Result classifyAlert(const QString &errors, const TlsProbeOptions &o, QString *message)
{
    const QString cert = o.certFile.isEmpty() ? QStringLiteral("(none)") : o.certFile;
    if (errors.contains(QLatin1String("alert unknown ca")) || errors.contains(QLatin1String("alert bad certificate"))
        || errors.contains(QLatin1String("alert decrypt error"))) {
        *message =
            QStringLiteral("the broker refused this site's certificate %1 (%2): the broker does not trust the CA "
                           "that issued it; use a certificate made with the broker's CA")
                .arg(cert, o.certKey);
        return TlsProbe::Result::ClientCertificateUnknownCa;
    }
    if (errors.contains(QLatin1String("alert certificate expired"))) {
        *message = QStringLiteral("the broker refused this site's certificate %1 (%2): it has expired; renew it")
                       .arg(cert, o.certKey);
        return TlsProbe::Result::ClientCertificateExpired;
    }
    if (errors.contains(QLatin1String("certificate required"))
        || (o.certFile.isEmpty() && errors.contains(QLatin1String("alert handshake failure")))) {
        *message = QStringLiteral("the broker requires a client certificate and none was sent: set %1 and the "
                                  "matching key (mqttConfig.key)")
                       .arg(o.certKey);
        return TlsProbe::Result::ClientCertificateMissing;
    }
    if (errors.contains(QLatin1String("unsupported protocol")) || errors.contains(QLatin1String("protocol version"))
        || errors.contains(QLatin1String("wrong version number"))) {
        *message = QStringLiteral("the broker does not speak TLS 1.2 or later on this port (or not TLS at all: "
                                  "check mqttConfig.protocol and port)");
        return TlsProbe::Result::ProtocolVersion;
    }
    *message = QStringLiteral("the TLS handshake failed: %1")
                   .arg(errors.isEmpty() ? QStringLiteral("connection closed") : errors);
    return TlsProbe::Result::Other;
}

// The plain-text start of a MySQL/MariaDB connection: the server's greeting (protocol 10),
// then our SSLRequest (capabilities with CLIENT_SSL), after which both sides speak TLS.
TlsProbe::Result mysqlStartTls(int fd, QString *message)
{
    auto readAll = [fd](char *buf, size_t n) {
        size_t got = 0;
        while (got < n) {
            const ssize_t r = ::recv(fd, buf + got, n - got, 0);
            if (r <= 0)
                return false;
            got += size_t(r);
        }
        return true;
    };
    unsigned char header[4];
    if (!readAll(reinterpret_cast<char *>(header), 4)) {
        *message = QStringLiteral("the database server sent no greeting");
        return TlsProbe::Result::Other;
    }
    const size_t length = header[0] | (header[1] << 8) | (header[2] << 16);
    QByteArray payload(int(length), Qt::Uninitialized);
    if (length == 0 || length > 65536 || !readAll(payload.data(), length)) {
        *message = QStringLiteral("the database server's greeting could not be read");
        return TlsProbe::Result::Other;
    }
    if (uchar(payload[0]) == 0xFF) { // an error packet: code, then (maybe) '#' + SQL state, then text
        QByteArray text = payload.mid(3);
        if (text.startsWith('#'))
            text = text.mid(6);
        *message = QStringLiteral("the database server refused the connection: %1").arg(QString::fromUtf8(text));
        return TlsProbe::Result::Other;
    }
    // protocol version, server version (NUL-terminated), thread id (4), scramble (8), filler (1),
    // capability flags (lower 2 bytes)
    const int nul = payload.indexOf('\0', 1);
    if (uchar(payload[0]) != 10 || nul < 0 || payload.size() < nul + 1 + 4 + 8 + 1 + 2) {
        *message = QStringLiteral("the server does not speak the MySQL protocol (check mysqlConfig.port)");
        return TlsProbe::Result::Other;
    }
    const int at = nul + 1 + 4 + 8 + 1;
    const unsigned capabilities = uchar(payload[at]) | (uchar(payload[at + 1]) << 8);
    constexpr unsigned kClientSsl = 0x0800;
    if (!(capabilities & kClientSsl)) {
        *message = QStringLiteral("the database server does not offer TLS: give it a certificate (ssl_cert, ssl_key "
                                  "in its configuration) or remove mysqlConfig.ssl");
        return TlsProbe::Result::TlsNotOffered;
    }
    // SSLRequest: capabilities (LONG_PASSWORD | PROTOCOL_41 | SSL | SECURE_CONNECTION),
    // max packet size, character set utf8mb4, 23 bytes of zeros; sequence number 1.
    const quint32 ours = 0x1 | 0x200 | kClientSsl | 0x8000;
    unsigned char packet[4 + 32] = {32, 0, 0, 1};
    for (int i = 0; i < 4; ++i)
        packet[4 + i] = uchar(ours >> (8 * i));
    const quint32 maxPacket = 16 * 1024 * 1024;
    for (int i = 0; i < 4; ++i)
        packet[8 + i] = uchar(maxPacket >> (8 * i));
    packet[12] = 45;
    if (::send(fd, packet, sizeof packet, MSG_NOSIGNAL) != ssize_t(sizeof packet)) {
        *message = QStringLiteral("the database server closed the connection before TLS started");
        return TlsProbe::Result::Other;
    }
    return TlsProbe::Result::Ok;
}

// The broker's wording, for another peer and its configuration keys.
void rename(const TlsProbeOptions &o, QString *message)
{
    if (o.peer != QLatin1String("the broker")) {
        message->replace(QLatin1String("the broker's"), o.peer + QLatin1String("'s"));
        message->replace(QLatin1String("the broker"), o.peer);
    }
    message->replace(QLatin1String("mqttConfig.host"), o.hostKey);
    message->replace(QLatin1String("mqttConfig.key"), o.keyKey);
}

TlsProbe::Result probeTls(const TlsProbeOptions &o, QString *message);

} // namespace

TlsProbe::Result TlsProbe::probe(const TlsProbeOptions &o, QString *message)
{
    const Result result = probeTls(o, message);
    rename(o, message);
    return result;
}

namespace {

TlsProbe::Result probeTls(const TlsProbeOptions &o, QString *message)
{
    using Result = TlsProbe::Result;
    ERR_clear_error();
    // This site's own certificate first: no need to ask the broker about an expired one.
    if (!o.certFile.isEmpty()) {
        const CertificateInfo own = CertificateInfo::fromFile(o.certFile);
        if (own.isValid() && own.daysUntilExpiry() < 0) {
            *message = QStringLiteral("this site's certificate %1 (%2) expired on %3: renew it")
                           .arg(o.certFile, o.certKey, own.notAfter().toString(Qt::ISODate));
            return Result::ClientCertificateExpired;
        }
    }

    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
    if (!ctx) {
        *message = errorQueue();
        return Result::Other;
    }
    SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr); // we read the verdict ourselves
    if (!o.caFile.isEmpty()) {
        if (SSL_CTX_load_verify_locations(ctx.get(), QFile::encodeName(o.caFile).constData(), nullptr) != 1) {
            *message = QStringLiteral("cannot read the CA file %1 (%2): %3").arg(o.caFile, o.caKey, errorQueue());
            return Result::WrongCa;
        }
    } else {
        SSL_CTX_set_default_verify_paths(ctx.get());
    }
    if (!o.certFile.isEmpty()) {
        if (SSL_CTX_use_certificate_chain_file(ctx.get(), QFile::encodeName(o.certFile).constData()) != 1) {
            *message = QStringLiteral("cannot read this site's certificate %1 (%2): %3")
                           .arg(o.certFile, o.certKey, errorQueue());
            return Result::Other;
        }
        const QString keyFile = o.keyFile.isEmpty() ? o.certFile : o.keyFile;
        if (SSL_CTX_use_PrivateKey_file(ctx.get(), QFile::encodeName(keyFile).constData(), SSL_FILETYPE_PEM) != 1
            || SSL_CTX_check_private_key(ctx.get()) != 1) {
            *message =
                QStringLiteral("the key %1 (mqttConfig.key) cannot be read or does not belong to the certificate %2")
                    .arg(keyFile, o.certFile);
            ERR_clear_error();
            return Result::ClientKeyMismatch;
        }
    }

    QString error;
    const int fd = connectTcp(o.host, o.port, o.timeoutMs, &error);
    if (fd < 0) {
        *message = error;
        return Result::Unreachable;
    }
    if (o.mysqlStartTls) {
        const Result started = mysqlStartTls(fd, message);
        if (started != Result::Ok) {
            ::close(fd);
            return started;
        }
    }
    std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(ctx.get()), SSL_free);
    SSL_set_fd(ssl.get(), fd);
    const QByteArray host = o.host.toUtf8();
    if (!QHostAddress().setAddress(o.host))
        SSL_set_tlsext_host_name(ssl.get(), host.constData());

    Result result = Result::Ok;
    if (SSL_connect(ssl.get()) != 1) {
        result = classifyAlert(errorQueue(), o, message);
    } else {
        const long verdict = SSL_get_verify_result(ssl.get());
        X509 *peer = SSL_get0_peer_certificate(ssl.get());
        if (o.verifyPeer && verdict != X509_V_OK) {
            const QString why = QString::fromLatin1(X509_verify_cert_error_string(verdict));
            switch (verdict) {
            case X509_V_ERR_CERT_HAS_EXPIRED:
                *message =
                    QStringLiteral("the broker's certificate has expired (%1): the broker needs a new one").arg(why);
                result = Result::ServerCertificateExpired;
                break;
            case X509_V_ERR_CERT_NOT_YET_VALID:
                *message = QStringLiteral("the broker's certificate is not valid yet (%1): check the clocks").arg(why);
                result = Result::ServerCertificateNotYetValid;
                break;
            default:
                *message = QStringLiteral("the broker's certificate is not signed by %1 (%2): %3; set %2 to the CA "
                                          "that signed the broker's certificate")
                               .arg(o.caFile.isEmpty() ? QStringLiteral("a CA of the system's trust store") : o.caFile,
                                    o.caKey, why);
                result = Result::WrongCa;
                break;
            }
        } else if (o.verifyPeer && peer) {
            const bool isIp = QHostAddress().setAddress(o.host);
            const int match = isIp ? X509_check_ip_asc(peer, host.constData(), 0)
                                   : X509_check_host(peer, host.constData(), size_t(host.size()), 0, nullptr);
            if (match != 1) {
                const CertificateInfo info = CertificateInfo::fromPem([&] {
                    Bio bio(BIO_new(BIO_s_mem()));
                    PEM_write_bio_X509(bio.get(), peer);
                    return bioBytes(bio.get());
                }());
                QStringList names = info.dnsNames() + info.ipAddresses();
                *message = QStringLiteral("the broker's certificate is not issued for \"%1\" (it names %2): connect to "
                                          "one of those names (mqttConfig.host) or give the broker a certificate for "
                                          "\"%1\"")
                               .arg(o.host, names.isEmpty() ? info.commonName() : names.join(QStringLiteral(", ")));
                result = Result::HostMismatch;
            }
        }
        if (result == Result::Ok && !o.mysqlStartTls) {
            // TLS 1.3: the broker judges our certificate after the handshake; its alert
            // arrives with the first read. The broker sends nothing else before our CONNECT.
            timeval tv{1, 500000};
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            char byte;
            const int n = SSL_read(ssl.get(), &byte, 1);
            if (n <= 0) {
                const int e = SSL_get_error(ssl.get(), n);
                const QString errors = errorQueue();
                if (e == SSL_ERROR_SSL && !errors.isEmpty())
                    result = classifyAlert(errors, o, message);
            }
        }
        if (result == Result::Ok)
            *message = QStringLiteral("TLS handshake with %1:%2 succeeded").arg(o.host).arg(o.port);
    }
    SSL_shutdown(ssl.get());
    ::close(fd);
    ERR_clear_error();
    return result;
}

} // namespace

} // namespace mysqlsync
