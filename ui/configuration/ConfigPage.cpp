#include "configuration/ConfigPage.h"

#include "configuration/ConfigForm.h"
#include "configuration/ConnectionTestPanel.h"
#include "monitor/ConfigFile.h"
#include "security/SecuritySettings.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mysqlsync::ui {

ConfigPage::ConfigPage(QWidget *parent)
    : QWidget(parent)
    , m_form(new ConfigForm(this))
    , m_tests(new ConnectionTestPanel(m_form, this))
    , m_raw(new QPlainTextEdit(this))
    , m_file(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_file);
    auto *tabs = new QTabWidget(this);
    tabs->setDocumentMode(true); // no frame the size of the page to paint on every show
    tabs->addTab(m_form, tr("Form"));
    m_raw->setReadOnly(true);
    m_raw->setFont(QFont(QStringLiteral("monospace")));
    tabs->addTab(m_raw, tr("Raw JSON"));
    layout->addWidget(tabs, 1);
    layout->addWidget(m_tests);
    connect(m_tests, &ConnectionTestPanel::tablesListed, m_form, &ConfigForm::setAvailableTables);
    connect(m_tests, &ConnectionTestPanel::catalogueListed, m_form, &ConfigForm::setCatalogue);
    auto *buttons = new QHBoxLayout;
    auto *validate = new QPushButton(tr("Validate"), this);
    auto *saveButton = new QPushButton(tr("Save"), this);
    auto *applyButton = new QPushButton(tr("Save and restart sync"), this);
    buttons->addStretch();
    buttons->addWidget(validate);
    buttons->addWidget(saveButton);
    buttons->addWidget(applyButton);
    layout->addLayout(buttons);

    connect(m_form, &ConfigForm::changed, this, &ConfigPage::updateRaw);
    connect(validate, &QPushButton::clicked, this, [this] {
        if (m_form->validate(m_path))
            QMessageBox::information(this, tr("Configuration"), tr("The configuration is valid."));
    });
    connect(saveButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!save(&error) && !error.isEmpty())
            QMessageBox::warning(this, tr("Configuration"), error);
    });
    connect(applyButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (save(&error))
            Q_EMIT applyRequested(m_path);
        else if (!error.isEmpty())
            QMessageBox::warning(this, tr("Configuration"), error);
    });
    m_file->setText(tr("No configuration file loaded."));
}

bool ConfigPage::load(const QString &path)
{
    QJsonObject object;
    QString error;
    if (!ConfigFile::read(path, &object, &error)) {
        m_file->setText(error);
        return false;
    }
    m_path = path;
    m_file->setText(tr("File: %1").arg(path));
    m_form->security()->setConfigPath(path);
    m_form->setFilePath(path);
    m_form->setDocument(object);
    m_tests->setFilePath(path);
    m_tests->listTables(); // for the table pickers, off the GUI thread
    updateRaw();
    return true;
}

bool ConfigPage::save(QString *error)
{
    if (m_path.isEmpty()) {
        if (error)
            *error = tr("No configuration file is loaded.");
        return false;
    }
    if (!m_form->validate(m_path))
        return false; // the form shows the message next to the field
    return ConfigFile::save(m_path, QJsonDocument(m_form->document()).toJson(QJsonDocument::Indented), error);
}

void ConfigPage::updateRaw()
{
    // What will be saved, with plain passwords masked on screen.
    QJsonObject doc = m_form->document();
    for (const QString &section :
         {QStringLiteral("mqttConfig"), QStringLiteral("mysqlConfig"), QStringLiteral("postgresConfig")}) {
        QJsonObject inner = doc.value(section).toObject();
        for (const QString &key : {QStringLiteral("password"), QStringLiteral("transformerPassword")}) {
            if (!inner.value(key).toString().isEmpty()) {
                inner.insert(key, QStringLiteral("********"));
                doc.insert(section, inner);
            }
        }
    }
    m_raw->setPlainText(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
}

} // namespace mysqlsync::ui
