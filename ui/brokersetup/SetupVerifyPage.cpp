#include "brokersetup/SetupVerifyPage.h"

#include "brokersetup/BrokerSetupWizard.h"
#include "monitor/BrokerVerifier.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace mysqlsync::ui {

SetupVerifyPage::SetupVerifyPage(BrokerSetupState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_verifier(new BrokerVerifier(this))
    , m_site(new QComboBox(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_password(new QLineEdit(this))
    , m_run(new QPushButton(tr("Verify"), this))
    , m_result(new QLabel(this))
{
    setTitle(tr("Verify"));
    setSubTitle(tr("Once Mosquitto runs with the new mosquitto.conf, connect to it as a site: with its certificate, "
                   "its key and its password, subscribing to the topics the ACL gives it."));
    auto *form = new QFormLayout(this);
    m_site->setObjectName(QStringLiteral("verify.site"));
    m_host->setObjectName(QStringLiteral("verify.host"));
    m_port->setObjectName(QStringLiteral("verify.port"));
    m_port->setRange(1, 65535);
    m_password->setObjectName(QStringLiteral("verify.password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_run->setObjectName(QStringLiteral("verify.run"));
    m_result->setObjectName(QStringLiteral("verify.result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Site"), m_site);
    form->addRow(tr("Broker host"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Password"), m_password);
    form->addRow(QString(), m_run);
    form->addRow(m_result);
    connect(m_site, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_password->setText(m_state->result.passwords.value(index)); });
    connect(m_run, &QPushButton::clicked, this, &SetupVerifyPage::verify);
    connect(m_verifier, &BrokerVerifier::finished, this, &SetupVerifyPage::onFinished);
}

void SetupVerifyPage::initializePage()
{
    m_site->clear();
    m_site->addItems(m_state->options.clients);
    m_host->setText(m_state->options.brokerHosts.value(0));
    m_port->setValue(m_state->options.port);
    m_password->setText(m_state->result.passwords.value(0));
    m_result->clear();
}

QString SetupVerifyPage::resultText() const
{
    return m_result->text();
}

bool SetupVerifyPage::isRunning() const
{
    return m_verifier->isRunning();
}

void SetupVerifyPage::verify()
{
    const QString site = m_site->currentText();
    if (site.isEmpty() || m_host->text().trimmed().isEmpty())
        return;
    const MqttConfig config = BrokerVerifier::siteConfig(m_state->options.outDir, site, m_host->text().trimmed(),
                                                         m_port->value(), m_password->text());
    if (!m_verifier->verify(config, site))
        return;
    m_run->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Connecting to %1:%2 as %3…").arg(config.host).arg(config.port).arg(site));
}

void SetupVerifyPage::onFinished(bool ok, const QString &message)
{
    m_run->setEnabled(true);
    m_result->setStyleSheet(ok ? QStringLiteral("color: #1b7f1b; font-weight: bold")
                               : QStringLiteral("color: #b00020; font-weight: bold"));
    m_result->setText(message);
    Q_EMIT verified(ok, message);
}

} // namespace mysqlsync::ui
