#include "configuration/FirstRunPage.h"

#include "config/ConfigSchema.h"
#include "configuration/ConfigForm.h"
#include "configuration/ConnectionTestPanel.h"
#include "monitor/ConfigFile.h"
#include "monitor/UiLogging.h"
#include "security/KeychainPasswordField.h"
#include "security/SecuritySettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace mysqlsync::ui {

FirstRunPage::FirstRunPage(QWidget *parent)
    : QWidget(parent)
    , m_path(new QLineEdit(this))
    , m_form(new ConfigForm(this))
    , m_tests(new ConnectionTestPanel(m_form, this))
    , m_message(new QLabel(this))
    , m_create(new QPushButton(tr("Create configuration"), this))
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Set up this site</h2>"), this);
    layout->addWidget(title);
    auto *intro = new QLabel(tr("There is no configuration yet. Name this site (client name), enter its database "
                                "and the broker, the sites it exchanges rows with (remote clients), the tables, "
                                "and the folder for queued changes. Test the connections, then create the file."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *where = new QHBoxLayout;
    where->addWidget(new QLabel(tr("Save as:"), this));
    m_path->setObjectName(QStringLiteral("targetPath"));
    where->addWidget(m_path, 1);
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    where->addWidget(browseButton);
    layout->addLayout(where);
    layout->addWidget(m_form, 1);
    layout->addWidget(m_tests);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_create->setObjectName(QStringLiteral("create"));
    buttons->addWidget(m_create);
    layout->addLayout(buttons);

    connect(browseButton, &QPushButton::clicked, this, &FirstRunPage::browse);
    connect(m_create, &QPushButton::clicked, this, [this] { create(); });
    connect(m_path, &QLineEdit::textChanged, m_tests, &ConnectionTestPanel::setFilePath);
    connect(m_tests, &ConnectionTestPanel::tablesListed, m_form, &ConfigForm::setAvailableTables);
    connect(m_tests, &ConnectionTestPanel::catalogueListed, m_form, &ConfigForm::setCatalogue);
    m_form->setDocument(starterDocument());
    setTargetPath(defaultTargetPath());
}

QString FirstRunPage::defaultTargetPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("configuration.json"));
}

QJsonObject FirstRunPage::starterDocument()
{
    return ConfigSchema::starterDocument(QString(),
                                         QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                             .filePath(QStringLiteral("queue")));
}

void FirstRunPage::setTargetPath(const QString &path)
{
    m_path->setText(QFileInfo(path).absoluteFilePath());
}

QString FirstRunPage::targetPath() const
{
    const QString text = m_path->text().trimmed();
    return text.isEmpty() ? QString() : QFileInfo(text).absoluteFilePath();
}

QString FirstRunPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void FirstRunPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->setVisible(!text.isEmpty());
}

void FirstRunPage::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the configuration as"), targetPath(),
                                                      tr("Configuration files (*.json)"));
    if (!path.isEmpty())
        setTargetPath(path);
}

bool FirstRunPage::create(QString *error)
{
    showMessage(QString());
    const QString path = targetPath();
    QString message;
    if (m_storing > 0) {
        message = tr("The configuration is being saved.");
    } else if (path.isEmpty()) {
        message = tr("Choose where to save the configuration (Save as).");
    } else if (QFileInfo::exists(path)) {
        message = tr("%1 already exists: choose another file, or open it with File > Open configuration.").arg(path);
    } else if (!m_form->validate(path, &message, /*typedPasswordsPending=*/true)) {
        // ConfigForm shows ConfigLoader's message (it names the key) and marks the field.
        if (error)
            *error = message;
        return false;
    } else if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        message = tr("%1: cannot create the folder").arg(QFileInfo(path).absolutePath());
    } else {
        // Typed passwords go to the keychain first; when it has answered for all of them,
        // the form is validated again (a refused one is named) and saved.
        const QList<KeychainPasswordField *> typed = m_form->security()->unstoredPasswords();
        if (typed.isEmpty()) {
            save(path);
            return true;
        }
        setBusy(true);
        m_storing = int(typed.size());
        for (KeychainPasswordField *field : typed) {
            connect(
                field, &KeychainPasswordField::stored, this,
                [this, path] {
                    if (--m_storing > 0)
                        return;
                    setBusy(false);
                    QString refused;
                    if (m_form->validate(path, &refused))
                        save(path);
                    else
                        Q_EMIT failed(refused);
                },
                Qt::SingleShotConnection);
            field->store();
        }
        return true;
    }
    showMessage(message);
    if (error)
        *error = message;
    return false;
}

void FirstRunPage::setBusy(bool busy)
{
    m_create->setEnabled(!busy);
    m_create->setText(busy ? tr("Saving…") : tr("Create configuration"));
}

void FirstRunPage::save(const QString &path)
{
    QString message;
    if (QFileInfo::exists(path)) // appeared meanwhile: never overwritten
        message = tr("%1 already exists: choose another file, or open it with File > Open configuration.").arg(path);
    else if (ConfigFile::save(path, QJsonDocument(m_form->document()).toJson(QJsonDocument::Indented), &message)) {
        qCInfo(lcUiConfig).noquote() << "created" << path;
        Q_EMIT created(path);
        return;
    }
    showMessage(message);
    Q_EMIT failed(message);
}

} // namespace mysqlsync::ui
