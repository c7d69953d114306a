#pragma once
// Settings > Preferences: the app's language (applied at the next start) and starting at login
// (Autostart). OK saves both; a failure to write the autostart entry is shown and keeps the
// dialog open.
#include "monitor/Autostart.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace mysqlsync::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `autostart`: the entry to edit (tests pass one for a program of their own).
    explicit SettingsDialog(const Autostart &autostart = Autostart(), QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QCheckBox *autostartBox() const { return m_autostart; }
    // Saves the choices; false (and the error shown) when the autostart entry cannot be written.
    bool apply();

public Q_SLOTS:
    void accept() override;

private:
    Autostart m_entry;
    QComboBox *m_language;
    QCheckBox *m_autostart;
};

} // namespace mysqlsync::ui
