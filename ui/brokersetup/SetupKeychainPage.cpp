#include "brokersetup/SetupKeychainPage.h"

#include "brokersetup/BrokerSetupWizard.h"
#include "monitor/SecretAccounts.h"
#include "monitor/UiLogging.h"
#include "security/SecretJob.h"
#include "security/SecureFile.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace mysqlsync::ui {

SetupKeychainPage::SetupKeychainPage(BrokerSetupState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_sites(new QListWidget(this))
    , m_keep(new QCheckBox(this))
    , m_summary(new QLabel(this))
{
    setTitle(tr("Passwords into the keychain"));
    setSubTitle(tr("Each site's broker password is stored in this computer's keychain (service \"%1\", entry "
                   "\"<site>-broker\"), where the desktop app of that site finds it.")
                    .arg(SecretStore::defaultService()));
    auto *layout = new QVBoxLayout(this);
    m_sites->setObjectName(QStringLiteral("setup.keychain"));
    m_keep->setObjectName(QStringLiteral("setup.keepFiles"));
    m_keep->setChecked(true);
    m_summary->setObjectName(QStringLiteral("setup.keychainSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_sites, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_keep);
}

void SetupKeychainPage::initializePage()
{
    ++m_generation; // answers of an earlier visit are ignored
    m_sites->clear();
    m_pending = m_stored = m_failed = 0;
    m_summary->clear();
    m_summary->setStyleSheet(QString());
    m_keep->setText(
        tr("Also keep each password in %1 (readable only by you; the daemon on a server without a "
           "keychain reads it from there)")
            .arg(QDir::toNativeSeparators(m_state->options.outDir + QStringLiteral("/clients/NAME.password"))));
    m_keep->setEnabled(m_state->passwordFilesKept);
    m_keep->setChecked(true);
    const QStringList &clients = m_state->options.clients;
    for (int row = 0; row < clients.size() && row < m_state->result.passwords.size(); ++row) {
        const QString account = SecretAccounts::broker(clients[row]);
        m_sites->addItem(tr("%1: storing as \"%2\"…").arg(clients[row], account));
        auto *job = new SecretJob(SecretJob::Operation::Write, SecretStore::defaultService(), account, this);
        job->setSecret(m_state->result.passwords[row]);
        const int generation = m_generation;
        connect(job, &SecretJob::finished, this, [this, row, generation](SecretJob *j) {
            if (generation == m_generation)
                onJob(row, j);
        });
        ++m_pending;
        job->start();
    }
    Q_EMIT completeChanged();
}

void SetupKeychainPage::onJob(int row, SecretJob *job)
{
    --m_pending;
    const QString site = m_state->options.clients.value(row);
    QListWidgetItem *item = m_sites->item(row);
    if (job->error() == SecretJob::Error::NoError) {
        ++m_stored;
        item->setText(tr("%1: stored in the keychain as \"%2\"").arg(site, job->account()));
    } else {
        ++m_failed;
        item->setText(tr("%1: NOT stored: %2").arg(site, job->errorString()));
        item->setForeground(QColor(0xb0, 0x00, 0x20));
        qCWarning(lcUiSecurity).noquote() << "keychain:" << site << job->errorString();
    }
    if (m_pending == 0) {
        if (m_failed > 0) {
            // Nothing may be lost: the files stay the only copy.
            m_keep->setChecked(true);
            m_keep->setEnabled(false);
            m_summary->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
            m_summary->setText(tr("The keychain could not store %1 of the passwords. They stay in the files "
                                  "clients/NAME.password (mode 0600) only; go back and forward again to retry once "
                                  "the keychain is unlocked or available.")
                                   .arg(m_failed));
        } else {
            m_summary->setText(tr("Every password is in the keychain."));
        }
        Q_EMIT keychainDone();
    }
    Q_EMIT completeChanged();
}

bool SetupKeychainPage::isComplete() const
{
    return m_pending == 0;
}

bool SetupKeychainPage::validatePage()
{
    if (m_keep->isChecked() || !allStored())
        return true;
    QString error;
    if (!dropPasswordFiles(&error)) {
        m_summary->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
        m_summary->setText(error);
        return false;
    }
    m_state->passwordFilesKept = false;
    m_keep->setEnabled(false);
    m_summary->setText(tr("The password files were removed; each site's configuration refers to the keychain."));
    return true;
}

bool SetupKeychainPage::dropPasswordFiles(QString *error)
{
    const QDir clients(m_state->options.outDir + QStringLiteral("/clients"));
    // First every configuration refers to the keychain, then the files go: a failure half-way
    // leaves each site with a working reference.
    for (const QString &site : std::as_const(m_state->options.clients)) {
        const QString jsonPath = clients.filePath(site + QStringLiteral(".json"));
        QFile f(jsonPath);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read %1: %2").arg(jsonPath, f.errorString());
            return false;
        }
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonObject mqtt = root.value(QStringLiteral("mqttConfig")).toObject();
        mqtt.insert(QStringLiteral("password"),
                    QJsonObject{{QStringLiteral("keychain"), SecretAccounts::broker(site)}});
        root.insert(QStringLiteral("mqttConfig"), mqtt);
        if (!SecureFile::write(jsonPath, QJsonDocument(root).toJson(QJsonDocument::Indented), 0644, true, error))
            return false;
    }
    for (const QString &site : std::as_const(m_state->options.clients)) {
        const QString passwordPath = clients.filePath(site + QStringLiteral(".password"));
        if (QFile::exists(passwordPath) && !QFile::remove(passwordPath)) {
            *error = tr("cannot remove %1").arg(passwordPath);
            return false;
        }
    }
    return true;
}

} // namespace mysqlsync::ui
