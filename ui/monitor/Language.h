#pragma once
// The app's language: the system's (QLocale::system(), which follows LANGUAGE/LC_ALL/LANG on
// Unix) unless the user chose one in Settings (QSettings key "language": "", "en", "de", "fr").
// install() loads the app's catalogue (built in at :/i18n/mysql-sync_<lang>.qm) and Qt's own
// qtbase catalogue (from Qt's translations folder, when installed) into the application.
#include <QLocale>
#include <QString>
#include <QStringList>

namespace mysqlsync::ui {

class Language {
public:
    // "" (follow the system), then every language the app speaks: "en", "de", "fr".
    static QStringList choices();
    // The language's own name ("Deutsch", "Français"; "" gives a translated "System default").
    static QString displayName(const QString &code);

    static QString configured(); // from QSettings; "" when none (or an unknown one) is set
    static void setConfigured(const QString &code);
    // The locale whose catalogues install() loads: the configured language, else the system's.
    static QLocale effectiveLocale();

    // Replaces the catalogues installed by an earlier call with those of `locale` (on the
    // current QCoreApplication). Returns the language of the app's catalogue that was loaded,
    // "" for English (the source language: no catalogue).
    static QString install(const QLocale &locale);
    static QString install() { return install(effectiveLocale()); }
};

} // namespace mysqlsync::ui
