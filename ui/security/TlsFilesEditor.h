#pragma once
// The TLS files of one connection (broker: mqttConfig.ca/cert/key/rejectUnauthorized;
// database: mysqlConfig.ssl.{ca,cert,key,rejectUnauthorized} or postgresConfig.tls.{ca,cert,key,verify})
// with file pickers and a check
// of what the files are (CertificateFilesCheck) shown under them.
#include "monitor/CertificateFilesCheck.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace mysqlsync::ui {

class TlsFilesEditor : public QWidget {
    Q_OBJECT
public:
    // `prefix`: the JSON object of the keys ("mqttConfig", "mysqlConfig.ssl"); the editors are
    // named prefix + ".ca" etc. `optional`: a "use TLS" box decides whether the object exists.
    // `verifyKey`: the name of the verification switch ("verify" in postgresConfig.tls).
    TlsFilesEditor(const QString &prefix, bool optional, QWidget *parent = nullptr,
                   const QString &verifyKey = QStringLiteral("rejectUnauthorized"));

    // Relative paths are checked against this folder (the configuration file's).
    void setBaseDirectory(const QString &dir);
    // `object` holds the keys; `present`: for an optional editor, whether TLS is on.
    void setObject(const QJsonObject &object, bool present = true);
    // Writes the keys into `object` (keeping others); false for an optional editor that is off.
    bool apply(QJsonObject *object) const;
    bool isEnabledTls() const;

    // Checks the files again and shows the result.
    CertificateFilesResult check();
    CertificateFilesResult lastResult() const { return m_result; }
    QLineEdit *caEdit() const { return m_ca; }
    QLineEdit *certEdit() const { return m_cert; }
    QLineEdit *keyEdit() const { return m_key; }
    QCheckBox *enabledBox() const { return m_enabled; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *addPicker(QFormLayout *form, const QString &name, const QString &label, const QString &filter);

    QString m_prefix;
    QString m_verifyKey;
    QString m_baseDir;
    bool m_hadReject = false;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_ca;
    QLineEdit *m_cert;
    QLineEdit *m_key;
    QCheckBox *m_verify;
    QLabel *m_report;
    CertificateFilesResult m_result;
};

} // namespace mysqlsync::ui
