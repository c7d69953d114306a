#include "monitor/Language.h"

#include "monitor/UiLogging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace mysqlsync::ui {

static const char *const kLanguageKey = "language";

QStringList Language::choices()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString Language::displayName(const QString &code)
{
    if (code.isEmpty())
        return QCoreApplication::translate("Language", "System default");
    // Each language in its own words, as language menus do.
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    return code;
}

QString Language::configured()
{
    const QString code = QSettings().value(QLatin1String(kLanguageKey)).toString();
    return choices().contains(code) ? code : QString();
}

void Language::setConfigured(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kLanguageKey));
    else
        settings.setValue(QLatin1String(kLanguageKey), code);
}

QLocale Language::effectiveLocale()
{
    const QString code = configured();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QString Language::install(const QLocale &locale)
{
    // Owned here for the life of the process; removed from the application before reloading.
    static QTranslator *app = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **t : {&app, &qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    // The first of the locale's UI languages that has a catalogue wins; English has none, so an
    // English locale (or one we do not speak) loads nothing and the source strings show.
    QString loaded;
    const QStringList languages = locale.uiLanguages();
    for (const QString &ui : languages) {
        const QString code = QLocale(ui).name().section(QLatin1Char('_'), 0, 0);
        if (code == QLatin1String("en") || code == QLatin1String("C"))
            break;
        auto *translator = new QTranslator;
        if (translator->load(QStringLiteral(":/i18n/mysql-sync_%1.qm").arg(code))) {
            QCoreApplication::installTranslator(translator);
            app = translator;
            loaded = code;
            break;
        }
        delete translator;
    }
    if (!loaded.isEmpty()) {
        // qtbase_<lang>.qm as Linux distributions install it, else qt_<lang>.qm, the one file
        // windeployqt gathers into the program's translations folder on Windows.
        auto *translator = new QTranslator;
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (translator->load(QLocale(loaded), QStringLiteral("qtbase"), QStringLiteral("_"), dir)
            || translator->load(QLocale(loaded), QStringLiteral("qt"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(translator);
            qt = translator;
        } else {
            qCDebug(lcUi).noquote() << "no Qt catalogue for" << loaded << "in" << dir;
            delete translator;
        }
    }
    qCDebug(lcUi).noquote() << "language:" << (loaded.isEmpty() ? QStringLiteral("en") : loaded) << "for"
                            << languages.join(QLatin1Char(','));
    return loaded;
}

} // namespace mysqlsync::ui
