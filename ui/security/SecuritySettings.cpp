#include "security/SecuritySettings.h"

#include "monitor/SecretAccounts.h"
#include "security/KeychainPasswordField.h"
#include "security/TlsFilesEditor.h"
#include "widgets/Section.h"

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
    m_transformerPassword = new KeychainPasswordField(QStringLiteral("mysqlConfig.transformerPassword"), this);
    m_transformerPassword->setToolTip(tr("The password of the transformers' database user (Transformers' user); "
                                         "leave it empty when that field is empty."));
    box(tr("Broker password"), m_brokerPassword);
    box(tr("Broker TLS"), m_brokerTls);
    box(tr("Database password"), m_databasePassword);
    box(tr("Database TLS"), m_databaseTls);
    box(tr("Transformers' database password"), m_transformerPassword);
    for (KeychainPasswordField *f : passwords())
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
    m_transformerPassword->setValue(mysql.value(QStringLiteral("transformerPassword")));
    m_brokerTls->setObject(mqtt);
    m_databaseTls->setObject(mysql.value(QStringLiteral("ssl")).toObject(), mysql.contains(QStringLiteral("ssl")));
}

void SecuritySettings::apply(QJsonObject *document) const
{
    QJsonObject mqtt = document->value(QStringLiteral("mqttConfig")).toObject();
    QJsonObject mysql = document->value(QStringLiteral("mysqlConfig")).toObject();
    auto password = [](QJsonObject *section, const KeychainPasswordField *field) {
        const QString name = field->key().section(QLatin1Char('.'), -1);
        const QJsonValue value = field->value();
        if (value.isUndefined())
            section->remove(name);
        else
            section->insert(name, value);
    };
    password(&mqtt, m_brokerPassword);
    password(&mysql, m_databasePassword);
    password(&mysql, m_transformerPassword);
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
    for (KeychainPasswordField *f : passwords()) {
        if (f->state() != KeychainPasswordField::State::Storing && !f->problem().isEmpty())
            fields << f;
    }
    return fields;
}

QString SecuritySettings::problem(QString *key, bool typedPasswordsPending) const
{
    const QList<KeychainPasswordField *> pending =
        typedPasswordsPending ? unstoredPasswords() : QList<KeychainPasswordField *>();
    for (KeychainPasswordField *f : passwords()) {
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
    for (KeychainPasswordField *f : passwords()) {
        if (key == f->key())
            return f->edit();
    }
    return findChild<QWidget *>(key);
}

QList<KeychainPasswordField *> SecuritySettings::passwords() const
{
    return {m_brokerPassword, m_databasePassword, m_transformerPassword};
}

void SecuritySettings::setClientName(const QString &clientName)
{
    const QString site = clientName.trimmed();
    m_brokerPassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::broker(site));
    m_databasePassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::database(site));
    m_transformerPassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::transformers(site));
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
