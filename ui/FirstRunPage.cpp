#include "FirstRunPage.h"

#include "ConfigFile.h"
#include "ConfigForm.h"
#include "ConnectionTestPanel.h"
#include "KeychainSaver.h"
#include "UiLogging.h"

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
    , m_saver(new KeychainSaver(this))
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
    QJsonObject doc = QJsonDocument::fromJson(R"({
        "mqttConfig": {"host": "localhost", "port": 1883, "protocol": "mqtt"},
        "mysqlConfig": {"host": "localhost", "port": 3306, "user": "", "password": "", "database": ""},
        "syncTables": [], "receiveTables": [], "clientName": "", "remoteClients": [],
        "checkInterval": 1000})").object();
    doc.insert(QStringLiteral("queueDirectory"),
               QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("queue")));
    return doc;
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
    if (m_saver->isBusy()) {
        message = tr("The configuration is being saved.");
    } else if (path.isEmpty()) {
        message = tr("Choose where to save the configuration (Save as).");
    } else if (QFileInfo::exists(path)) {
        message = tr("%1 already exists: choose another file, or open it with File > Open configuration.").arg(path);
    } else if (!m_form->validate(path, &message)) {
        // ConfigForm shows ConfigLoader's message (it names the key) and marks the field.
        if (error)
            *error = message;
        return false;
    } else if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        message = tr("%1: cannot create the folder").arg(QFileInfo(path).absolutePath());
    } else {
        m_create->setEnabled(false);
        m_create->setText(tr("Saving…"));
        connect(m_saver, &KeychainSaver::finished, this,
                [this, path](const QJsonObject &document, const QStringList &notes) { save(path, document, notes); },
                Qt::SingleShotConnection);
        m_saver->start(m_form->document());
        return true;
    }
    showMessage(message);
    if (error)
        *error = message;
    return false;
}

void FirstRunPage::save(const QString &path, const QJsonObject &document, const QStringList &notes)
{
    m_create->setEnabled(true);
    m_create->setText(tr("Create configuration"));
    QString message;
    if (QFileInfo::exists(path)) // appeared meanwhile: never overwritten
        message = tr("%1 already exists: choose another file, or open it with File > Open configuration.").arg(path);
    else if (ConfigFile::save(path, QJsonDocument(document).toJson(QJsonDocument::Indented), &message)) {
        qCInfo(lcUiConfig).noquote() << "created" << path;
        if (!notes.isEmpty())
            showMessage(notes.join(QLatin1Char('\n')));
        Q_EMIT created(path, notes);
        return;
    }
    showMessage(message);
    Q_EMIT failed(message);
}

} // namespace mysqlsync::ui
