#include "security/SecuritySettings.h"

#include "widgets/Section.h"
#include "security/KeychainPasswordField.h"
#include "monitor/SecretAccounts.h"
#include "security/TlsFilesEditor.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace mysqlsync::ui {

SecuritySettings::SecuritySettings(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto box = [&](const QString &title, QWidget *content) {
        auto *group = new Section(title, this);
        auto *inner = new QVBoxLayout(group->body());
        inner->setContentsMargins(0, 0, 0, 0);
        inner->addWidget(content);
        layout->addWidget(group);
    };
    m_brokerPassword = new KeychainPasswordField(QStringLiteral("mqttConfig.password"), this);
    m_brokerTls = new TlsFilesEditor(QStringLiteral("mqttConfig"), false, this);
    m_databasePassword = new KeychainPasswordField(QStringLiteral("mysqlConfig.password"), this);
    m_databaseTls = new TlsFilesEditor(QStringLiteral("mysqlConfig.ssl"), true, this);
    box(tr("Broker password"), m_brokerPassword);
    box(tr("Broker TLS"), m_brokerTls);
    box(tr("Database password"), m_databasePassword);
    box(tr("Database TLS"), m_databaseTls);
    for (KeychainPasswordField *f : {m_brokerPassword, m_databasePassword})
        connect(f, &KeychainPasswordField::changed, this, &SecuritySettings::changed);
    for (TlsFilesEditor *t : {m_brokerTls, m_databaseTls})
        connect(t, &TlsFilesEditor::changed, this, &SecuritySettings::changed);
}

void SecuritySettings::setDocument(const QJsonObject &document)
{
    const QJsonObject mqtt = document.value(QStringLiteral("mqttConfig")).toObject();
    const QJsonObject mysql = document.value(QStringLiteral("mysqlConfig")).toObject();
    setClientName(document.value(QStringLiteral("clientName")).toString());
    m_brokerPassword->setValue(mqtt.value(QStringLiteral("password")));
    m_databasePassword->setValue(mysql.value(QStringLiteral("password")));
    m_brokerTls->setObject(mqtt);
    m_databaseTls->setObject(mysql.value(QStringLiteral("ssl")).toObject(), mysql.contains(QStringLiteral("ssl")));
}

void SecuritySettings::apply(QJsonObject *document) const
{
    QJsonObject mqtt = document->value(QStringLiteral("mqttConfig")).toObject();
    QJsonObject mysql = document->value(QStringLiteral("mysqlConfig")).toObject();
    auto password = [](QJsonObject *section, const QJsonValue &value) {
        if (value.isUndefined())
            section->remove(QStringLiteral("password"));
        else
            section->insert(QStringLiteral("password"), value);
    };
    password(&mqtt, m_brokerPassword->value());
    password(&mysql, m_databasePassword->value());
    m_brokerTls->apply(&mqtt);
    QJsonObject ssl = mysql.value(QStringLiteral("ssl")).toObject();
    if (m_databaseTls->apply(&ssl))
        mysql.insert(QStringLiteral("ssl"), ssl);
    else
        mysql.remove(QStringLiteral("ssl"));
    document->insert(QStringLiteral("mqttConfig"), mqtt);
    document->insert(QStringLiteral("mysqlConfig"), mysql);
}

QList<KeychainPasswordField *> SecuritySettings::unstoredPasswords() const
{
    QList<KeychainPasswordField *> fields;
    for (KeychainPasswordField *f : {m_brokerPassword, m_databasePassword}) {
        if (f->state() != KeychainPasswordField::State::Storing && !f->problem().isEmpty())
            fields << f;
    }
    return fields;
}

QString SecuritySettings::problem(QString *key, bool typedPasswordsPending) const
{
    const QList<KeychainPasswordField *> pending = typedPasswordsPending ? unstoredPasswords() : QList<KeychainPasswordField *>();
    for (KeychainPasswordField *f : {m_brokerPassword, m_databasePassword}) {
        const QString p = pending.contains(f) ? QString() : f->problem();
        if (!p.isEmpty()) {
            if (key)
                *key = f->key();
            return p;
        }
    }
    for (TlsFilesEditor *t : {m_brokerTls, m_databaseTls}) {
        const CertificateFilesResult r = t->check();
        if (!r.ok()) {
            if (key)
                *key = r.problemKey;
            return r.problem;
        }
    }
    return QString();
}

QWidget *SecuritySettings::fieldFor(const QString &key) const
{
    if (key == m_brokerPassword->key())
        return m_brokerPassword->edit();
    if (key == m_databasePassword->key())
        return m_databasePassword->edit();
    return findChild<QWidget *>(key);
}

void SecuritySettings::setClientName(const QString &clientName)
{
    const QString site = clientName.trimmed();
    m_brokerPassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::broker(site));
    m_databasePassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::database(site));
}

void SecuritySettings::setConfigPath(const QString &path)
{
    const QString dir = path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
    m_brokerTls->setBaseDirectory(dir);
    m_databaseTls->setBaseDirectory(dir);
    m_brokerTls->check();
    m_databaseTls->check();
}

} // namespace mysqlsync::ui
