#include "monitor/CertificateFilesCheck.h"

#include "security/CertificateExpiry.h"
#include "security/CertificateInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mysqlsync::ui {

namespace {

QString resolve(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || QFileInfo(path).isAbsolute() || baseDir.isEmpty())
        return path;
    return QDir(baseDir).absoluteFilePath(path);
}

} // namespace

CertificateFilesResult CertificateFilesCheck::check(const QString &prefix, const QString &ca, const QString &cert,
                                                    const QString &key, const QString &baseDir, const QDateTime &now)
{
    CertificateFilesResult r;
    auto fail = [&](const QString &name, const QString &message) {
        r.lines << message;
        if (r.problem.isEmpty()) {
            r.problemKey = prefix + QLatin1Char('.') + name;
            r.problem = r.problemKey + QLatin1String(": ") + message;
        }
    };
    auto describe = [&](const QString &name, const CertificateInfo &info) {
        const int days = info.daysUntilExpiry(now);
        QString line = tr("%1: %2, issued by %3, valid until %4")
                           .arg(name, info.commonName(), info.issuerCommonName(),
                                info.notAfter().toString(QStringLiteral("yyyy-MM-dd")));
        if (days < 0)
            r.warnings
                << tr("%1.%2: the certificate expired on %3").arg(prefix, name, info.notAfter().toString(Qt::ISODate));
        else if (days <= CertificateExpiry::kWarnDays)
            r.warnings << tr("%1.%2: the certificate expires in %3 days").arg(prefix, name).arg(days);
        r.lines << line;
    };

    QByteArray caPem;
    const QString caPath = resolve(ca, baseDir);
    if (!caPath.isEmpty()) {
        QFile f(caPath);
        if (!f.open(QIODevice::ReadOnly)) {
            fail(QStringLiteral("ca"), tr("cannot read %1: %2").arg(caPath, f.errorString()));
        } else {
            caPem = f.readAll();
            const CertificateInfo info = CertificateInfo::fromPem(caPem);
            if (!info.isValid()) {
                fail(QStringLiteral("ca"), tr("%1 is not a PEM certificate (%2)").arg(caPath, info.error()));
                caPem.clear();
            } else {
                describe(QStringLiteral("ca"), info);
                if (!info.isAuthority())
                    r.warnings << tr("%1.ca: %2 is not a certificate authority (CA:FALSE)").arg(prefix, caPath);
            }
        }
    }

    CertificateInfo certInfo;
    const QString certPath = resolve(cert, baseDir);
    if (!certPath.isEmpty()) {
        certInfo = CertificateInfo::fromFile(certPath);
        if (!certInfo.isValid()) {
            fail(QStringLiteral("cert"),
                 tr("%1 is not a readable PEM certificate (%2)").arg(certPath, certInfo.error()));
        } else {
            describe(QStringLiteral("cert"), certInfo);
            if (!caPem.isEmpty() && !certInfo.isSignedBy(caPem))
                r.lines << tr("cert: not signed by the CA above (fine only if the server trusts its issuer)");
        }
    }

    const QString keyPath = resolve(key, baseDir);
    if (!keyPath.isEmpty()) {
        QFile f(keyPath);
        if (!f.open(QIODevice::ReadOnly)) {
            fail(QStringLiteral("key"), tr("cannot read %1: %2").arg(keyPath, f.errorString()));
        } else {
            const QByteArray pem = f.readAll();
            if (!pem.contains("PRIVATE KEY-----"))
                fail(QStringLiteral("key"), tr("%1 is not a PEM private key").arg(keyPath));
            else if (certInfo.isValid() && !certInfo.matchesKey(pem))
                fail(QStringLiteral("key"), tr("%1 is not the key of the certificate %2").arg(keyPath, certPath));
            else if (certPath.isEmpty())
                fail(QStringLiteral("cert"), tr("a key is set but no certificate"));
            else if (certInfo.isValid())
                r.lines << tr("key: belongs to the certificate");
        }
    } else if (!certPath.isEmpty()) {
        fail(QStringLiteral("key"), tr("a certificate is set but no key"));
    }
    return r;
}

} // namespace mysqlsync::ui
