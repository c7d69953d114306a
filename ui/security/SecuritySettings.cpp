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
        return group;
    };
    m_brokerPassword = new KeychainPasswordField(QStringLiteral("mqttConfig.password"), this);
    m_brokerTls = new TlsFilesEditor(QStringLiteral("mqttConfig"), false, this);
    m_databasePassword = new KeychainPasswordField(QStringLiteral("mysqlConfig.password"), this);
    m_databaseTls = new TlsFilesEditor(QStringLiteral("mysqlConfig.ssl"), true, this);
    m_transformerPassword = new KeychainPasswordField(QStringLiteral("mysqlConfig.transformerPassword"), this);
    m_transformerPassword->setToolTip(tr("The password of the transformers' database user (Transformers' user); "
                                         "leave it empty when that field is empty."));
    m_postgresPassword = new KeychainPasswordField(QStringLiteral("postgresConfig.password"), this);
    m_postgresTls = new TlsFilesEditor(QStringLiteral("postgresConfig.tls"), true, this, QStringLiteral("verify"));
    box(tr("Broker password"), m_brokerPassword);
    box(tr("Broker TLS"), m_brokerTls);
    m_mysqlSections << box(tr("Database password"), m_databasePassword);
    m_postgresSections << box(tr("Database password"), m_postgresPassword);
    m_mysqlSections << box(tr("Database TLS"), m_databaseTls);
    m_postgresSections << box(tr("Database TLS"), m_postgresTls);
    m_mysqlSections << box(tr("Transformers' database password"), m_transformerPassword);
    for (KeychainPasswordField *f : allPasswords())
        connect(f, &KeychainPasswordField::changed, this, &SecuritySettings::changed);
    for (TlsFilesEditor *t : {m_brokerTls, m_databaseTls, m_postgresTls})
        connect(t, &TlsFilesEditor::changed, this, &SecuritySettings::changed);
    setDatabaseKind(DatabaseKind::MariaDb);
}

void SecuritySettings::setDatabaseKind(DatabaseKind kind)
{
    m_kind = kind;
    for (Section *s : std::as_const(m_mysqlSections))
        s->setVisible(kind == DatabaseKind::MariaDb);
    for (Section *s : std::as_const(m_postgresSections))
        s->setVisible(kind == DatabaseKind::Postgres);
}

void SecuritySettings::setDocument(const QJsonObject &document)
{
    const QJsonObject mqtt = document.value(QStringLiteral("mqttConfig")).toObject();
    const QJsonObject mysql = document.value(QStringLiteral("mysqlConfig")).toObject();
    const QJsonObject postgres = document.value(QStringLiteral("postgresConfig")).toObject();
    setClientName(document.value(QStringLiteral("clientName")).toString());
    m_brokerPassword->setValue(mqtt.value(QStringLiteral("password")));
    m_databasePassword->setValue(mysql.value(QStringLiteral("password")));
    m_transformerPassword->setValue(mysql.value(QStringLiteral("transformerPassword")));
    m_postgresPassword->setValue(postgres.value(QStringLiteral("password")));
    m_brokerTls->setObject(mqtt);
    m_databaseTls->setObject(mysql.value(QStringLiteral("ssl")).toObject(), mysql.contains(QStringLiteral("ssl")));
    m_postgresTls->setObject(postgres.value(QStringLiteral("tls")).toObject(),
                             postgres.contains(QStringLiteral("tls")));
    setDatabaseKind(document.contains(QStringLiteral("postgresConfig")) ? DatabaseKind::Postgres
                                                                        : DatabaseKind::MariaDb);
}

void SecuritySettings::apply(QJsonObject *document) const
{
    auto password = [](QJsonObject *section, const KeychainPasswordField *field) {
        const QString name = field->key().section(QLatin1Char('.'), -1);
        const QJsonValue value = field->value();
        if (value.isUndefined())
            section->remove(name);
        else
            section->insert(name, value);
    };
    // An optional TLS object: written when TLS is on, removed when off.
    auto tls = [](QJsonObject *section, const QString &name, const TlsFilesEditor *editor) {
        QJsonObject files = section->value(name).toObject();
        if (editor->apply(&files))
            section->insert(name, files);
        else
            section->remove(name);
    };
    QJsonObject mqtt = document->value(QStringLiteral("mqttConfig")).toObject();
    password(&mqtt, m_brokerPassword);
    m_brokerTls->apply(&mqtt);
    document->insert(QStringLiteral("mqttConfig"), mqtt);
    if (m_kind == DatabaseKind::Postgres) {
        QJsonObject postgres = document->value(QStringLiteral("postgresConfig")).toObject();
        password(&postgres, m_postgresPassword);
        tls(&postgres, QStringLiteral("tls"), m_postgresTls);
        document->insert(QStringLiteral("postgresConfig"), postgres);
        return;
    }
    QJsonObject mysql = document->value(QStringLiteral("mysqlConfig")).toObject();
    password(&mysql, m_databasePassword);
    password(&mysql, m_transformerPassword);
    tls(&mysql, QStringLiteral("ssl"), m_databaseTls);
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
    for (TlsFilesEditor *t : tlsEditors()) {
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
    for (KeychainPasswordField *f : allPasswords()) {
        if (key == f->key())
            return f->edit();
    }
    return findChild<QWidget *>(key);
}

QList<KeychainPasswordField *> SecuritySettings::passwords() const
{
    if (m_kind == DatabaseKind::Postgres)
        return {m_brokerPassword, m_postgresPassword};
    return {m_brokerPassword, m_databasePassword, m_transformerPassword};
}

QList<KeychainPasswordField *> SecuritySettings::allPasswords() const
{
    return {m_brokerPassword, m_databasePassword, m_transformerPassword, m_postgresPassword};
}

QList<TlsFilesEditor *> SecuritySettings::tlsEditors() const
{
    return {m_brokerTls, m_kind == DatabaseKind::Postgres ? m_postgresTls : m_databaseTls};
}

void SecuritySettings::setClientName(const QString &clientName)
{
    const QString site = clientName.trimmed();
    // One site has one database: either kind's password is the site's database entry.
    m_brokerPassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::broker(site));
    m_databasePassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::database(site));
    m_postgresPassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::database(site));
    m_transformerPassword->setAccount(site.isEmpty() ? QString() : SecretAccounts::transformers(site));
}

void SecuritySettings::setConfigPath(const QString &path)
{
    const QString dir = path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
    for (TlsFilesEditor *t : {m_brokerTls, m_databaseTls, m_postgresTls}) {
        t->setBaseDirectory(dir);
        t->check();
    }
}

} // namespace mysqlsync::ui
