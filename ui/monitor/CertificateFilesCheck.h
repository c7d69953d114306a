#pragma once
// Checks the TLS files of one connection (a CA, a certificate and its key) the way the
// configuration page shows them: each file exists and parses (security/CertificateInfo), the
// key belongs to the certificate, and when each certificate expires. Local files only.
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mysqlsync::ui {

struct CertificateFilesResult {
    QStringList lines;    // one per file: what it is, or what is wrong with it
    QString problemKey;   // the first key whose file is unusable ("mqttConfig.cert"), or empty
    QString problem;      // "mqttConfig.cert: …", empty when every file is usable
    QStringList warnings; // usable but worth a look: expired or expiring within 30 days, not a CA
    bool ok() const { return problem.isEmpty(); }
};

class CertificateFilesCheck {
    Q_DECLARE_TR_FUNCTIONS(mysqlsync::ui::CertificateFilesCheck)
public:
    // `prefix` is the JSON object holding the keys ("mqttConfig", "mysqlConfig.ssl"); relative
    // paths are resolved against `baseDir`. Empty paths are not checked.
    static CertificateFilesResult check(const QString &prefix, const QString &ca, const QString &cert,
                                        const QString &key, const QString &baseDir,
                                        const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace mysqlsync::ui
