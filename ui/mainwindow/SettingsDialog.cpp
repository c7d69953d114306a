#include "mainwindow/SettingsDialog.h"

#include "monitor/Language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QVBoxLayout>

namespace mysqlsync::ui {

SettingsDialog::SettingsDialog(const Autostart &autostart, QWidget *parent)
    : QDialog(parent)
    , m_entry(autostart)
    , m_language(new QComboBox(this))
    , m_autostart(new QCheckBox(tr("Start mysql-sync-monitor at login, in the system tray"), this))
{
    setWindowTitle(tr("Preferences"));
    for (const QString &code : Language::choices())
        m_language->addItem(Language::displayName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(Language::configured())));
    auto *languageNote = new QLabel(tr("The language changes when mysql-sync-monitor is started again."), this);
    languageNote->setWordWrap(true);
    m_autostart->setChecked(m_entry.isEnabled());
    m_autostart->setToolTip(QDir::toNativeSeparators(m_entry.location()));

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);
    form->addRow(m_autostart);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
}

bool SettingsDialog::apply()
{
    Language::setConfigured(m_language->currentData().toString());
    if (m_autostart->isChecked() != m_entry.isEnabled()) {
        QString error;
        if (!m_entry.setEnabled(m_autostart->isChecked(), &error)) {
            QMessageBox::warning(this, tr("Start at login"), error);
            return false;
        }
    }
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace mysqlsync::ui
