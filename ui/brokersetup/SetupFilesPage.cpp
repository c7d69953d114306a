#include "brokersetup/SetupFilesPage.h"

#include "brokersetup/BrokerSetupWizard.h"
#include "monitor/UiLogging.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace mysqlsync::ui {

namespace {

QString modeText(const QString &path)
{
    const QFileDevice::Permissions p = QFileInfo(path).permissions();
    auto digit = [&](QFileDevice::Permission r, QFileDevice::Permission w, QFileDevice::Permission x) {
        return QString::number((p & r ? 4 : 0) + (p & w ? 2 : 0) + (p & x ? 1 : 0));
    };
    return QLatin1Char('0') + digit(QFileDevice::ReadUser, QFileDevice::WriteUser, QFileDevice::ExeUser)
        + digit(QFileDevice::ReadGroup, QFileDevice::WriteGroup, QFileDevice::ExeGroup)
        + digit(QFileDevice::ReadOther, QFileDevice::WriteOther, QFileDevice::ExeOther);
}

} // namespace

SetupFilesPage::SetupFilesPage(BrokerSetupState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_files(new QPlainTextEdit(this))
{
    setTitle(tr("Keys, certificates and Mosquitto files"));
    auto *layout = new QVBoxLayout(this);
    m_status->setObjectName(QStringLiteral("setup.status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setRange(0, 0);
    m_busy->hide();
    m_files->setObjectName(QStringLiteral("setup.files"));
    m_files->setReadOnly(true);
    m_files->setFont(QFont(QStringLiteral("monospace")));
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addWidget(m_files, 1);
}

SetupFilesPage::~SetupFilesPage()
{
    // Key generation takes a moment; it is not interrupted halfway through a file.
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void SetupFilesPage::initializePage()
{
    if (m_state->generated) {
        showFiles();
        return;
    }
    if (m_thread)
        return; // still running from an earlier visit
    const BrokerSetupOptions options = m_state->options;
    struct Outcome {
        bool ok = false;
        BrokerSetupResult result;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    m_thread = QThread::create(
        [options, outcome] { outcome->ok = BrokerSetup::run(options, &outcome->result, &outcome->error); });
    m_thread->setObjectName(QStringLiteral("broker-setup"));
    connect(m_thread, &QThread::finished, this, [this, outcome, options] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_busy->hide();
        if (outcome->ok) {
            m_state->options = options;
            m_state->result = outcome->result;
            m_state->generated = true;
            m_state->passwordFilesKept = true;
            qCInfo(lcUiSecurity).noquote()
                << "broker setup wrote" << outcome->result.files.size() << "files to" << options.outDir;
            showFiles();
            Q_EMIT generated(QString());
        } else {
            qCWarning(lcUiSecurity).noquote() << "broker setup failed:" << outcome->error;
            m_status->setText(tr("Nothing usable was made: %1. Go back to change the settings.").arg(outcome->error));
            m_status->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
            Q_EMIT generated(outcome->error);
        }
        Q_EMIT completeChanged();
    });
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Making keys and certificates in %1…").arg(QDir::toNativeSeparators(options.outDir)));
    m_files->clear();
    m_busy->show();
    m_thread->start();
    Q_EMIT completeChanged();
}

bool SetupFilesPage::isComplete() const
{
    return !m_thread && m_state->generated;
}

void SetupFilesPage::showFiles()
{
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Written to %1. Keys and passwords are readable only by you (0600). Keep ca.key offline: "
                         "whoever has it can make certificates the broker trusts.")
                          .arg(QDir::toNativeSeparators(m_state->options.outDir)));
    QStringList lines;
    const QDir base(m_state->options.outDir);
    for (const QString &f : std::as_const(m_state->result.files)) {
        if (QFileInfo::exists(f))
            lines << QStringLiteral("%1  %2").arg(modeText(f), QDir::toNativeSeparators(base.relativeFilePath(f)));
    }
    m_files->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace mysqlsync::ui
