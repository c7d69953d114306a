#include "brokersetup/SetupParametersPage.h"

#include "brokersetup/BrokerSetupWizard.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace mysqlsync::ui {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

} // namespace

SetupParametersPage::SetupParametersPage(BrokerSetupState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
{
    setTitle(tr("Secure broker setup"));
    setSubTitle(tr("Makes a certificate authority, the broker's certificate, one certificate and one random password "
                   "per site, Mosquitto's password and ACL files and mosquitto.conf, and a ready configuration file "
                   "per site. Each site may publish only its own changes and read only what is meant for it."));
    auto *form = new QFormLayout(this);
    auto line = [&](const char *name, const QString &label, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        form->addRow(label, edit);
        return edit;
    };
    m_hosts = line("setup.hosts", tr("Broker host names / addresses"), tr("broker.example.org, 192.0.2.10"));
    m_clients = line("setup.clients", tr("Sites (client names)"), tr("site_a, site_b"));
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("setup.days"));
    m_days->setRange(1, 36500);
    m_days->setValue(BrokerSetupOptions().days);
    m_days->setSuffix(tr(" days"));
    form->addRow(tr("Certificates valid for"), m_days);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("setup.port"));
    m_port->setRange(1, 65535);
    m_port->setValue(BrokerSetupOptions().port);
    form->addRow(tr("TLS port"), m_port);
    m_bind = line("setup.bind", tr("Listen on address"), tr("every interface"));
    m_wsPort = new QSpinBox(this);
    m_wsPort->setObjectName(QStringLiteral("setup.websocketsPort"));
    m_wsPort->setRange(0, 65535);
    m_wsPort->setSpecialValueText(tr("none"));
    form->addRow(tr("WebSockets (wss) port"), m_wsPort);

    auto *folderRow = new QHBoxLayout;
    m_outDir = new QLineEdit(this);
    m_outDir->setObjectName(QStringLiteral("setup.outDir"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    folderRow->addWidget(m_outDir, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Output folder"), folderRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Output folder"), m_outDir->text());
        if (!dir.isEmpty())
            m_outDir->setText(QDir::toNativeSeparators(dir));
    });
    m_force = new QCheckBox(tr("Overwrite files that already exist there"), this);
    m_force->setObjectName(QStringLiteral("setup.force"));
    form->addRow(QString(), m_force);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("setup.error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    form->addRow(m_error);
}

bool SetupParametersPage::validatePage()
{
    BrokerSetupOptions o;
    o.brokerHosts = splitList(m_hosts->text());
    o.clients = splitList(m_clients->text());
    o.days = m_days->value();
    o.port = m_port->value();
    o.bindAddress = m_bind->text().trimmed();
    o.websocketsPort = m_wsPort->value();
    o.outDir = m_outDir->text().trimmed().isEmpty()
        ? QString()
        : QDir(QDir::fromNativeSeparators(m_outDir->text().trimmed())).absolutePath();
    o.force = m_force->isChecked();
    QString error;
    if (!BrokerSetup::validate(o, &error)) {
        // setup-broker's messages name its options; here the fields have labels.
        const std::pair<const char *, QString> names[] = {{"--out:", tr("Output folder:")},
                                                          {"--broker-host:", tr("Broker host names:")},
                                                          {"--clients:", tr("Sites:")},
                                                          {"--days:", tr("Validity:")},
                                                          {"--port:", tr("Ports:")},
                                                          {"--bind:", tr("Listen on address:")}};
        for (const auto &[option, label] : names) {
            if (error.startsWith(QLatin1String(option)))
                error = label + error.mid(int(qstrlen(option)));
        }
        m_error->setText(error);
        return false;
    }
    m_error->clear();
    const bool same = m_state->generated && m_state->options.outDir == o.outDir && m_state->options.clients == o.clients
        && m_state->options.brokerHosts == o.brokerHosts && m_state->options.days == o.days
        && m_state->options.port == o.port && m_state->options.bindAddress == o.bindAddress
        && m_state->options.websocketsPort == o.websocketsPort;
    if (!same) {
        m_state->options = o;
        m_state->generated = false;
        m_state->result = {};
        m_state->passwordFilesKept = true;
    }
    return true;
}

} // namespace mysqlsync::ui
