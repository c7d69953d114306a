#pragma once
// The test class of tst_config (core/config's loader), in three files: tst_config.cpp (the
// shared helpers, file errors, the transformers' login, secrets and the program's main),
// tst_config_valid.cpp (valid configurations) and tst_config_errors.cpp (every class of
// error message), and tst_config_postgres.cpp (postgresConfig), with the helpers they share.
#include "config/Config.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace configtest {
// The configuration of a site running the earlier TypeScript engine, as its README shows it.
extern const char *const kEarlierEngineConfig;

QJsonObject earlierEngineObject();
// Sets (or, for an empty `json`, removes) the value at a dotted key path.
QJsonObject patched(QJsonObject object, const QStringList &path, const QByteArray &json);
QJsonObject patched(const QJsonObject &object, const QString &keyPath, const QByteArray &json);
} // namespace configtest

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void earlierEngineConfig();
    void defaults();
    void accepted_data();
    void accepted();
    void pathResolution_data();
    void pathResolution();
    void brokerUris_data();
    void brokerUris();
    void fallbackServers();
    void conflictPolicies();
    void clientNames_data();
    void clientNames();

    void errors_data();
    void errors();
    void invalidJson_data();
    void invalidJson();
    void fileErrors();
    void unreadableFiles();
    void messageUsesPathAsGiven();
    void transformerLogin();
    void secretsNeverInMessages_data();
    void secretsNeverInMessages();
    void failureLeavesConfigUntouched();

    void postgresAccepted();
    void postgresErrors_data();
    void postgresErrors();
    void postgresPasswordNeverInMessages();

private:
    QString write(const QByteArray &json, const QString &name = QStringLiteral("config.json"));
    QString write(const QJsonObject &object, const QString &name = QStringLiteral("config.json"))
    {
        return write(QJsonDocument(object).toJson(), name);
    }

    QTemporaryDir m_dir;
};
