// Language: the built-in German and French catalogues load and translate the main window
// (its title above all); English and unknown languages show the source strings; the
// language setting overrides the system locale.
#include "mainwindow/MainWindow.h"
#include "monitor/ConfigFile.h"
#include "monitor/Language.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync::ui;

class TestLanguage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("mysql-sync-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_language"));
    }

    void cleanup()
    {
        Language::setConfigured(QString());
        Language::install(QLocale(QLocale::English));
    }

    void catalogues_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("overview");
        QTest::addColumn<QString>("settingsMenu");
        QTest::newRow("de") << "de" << QStringLiteral("mysql-sync-Monitor") << QStringLiteral("Übersicht")
                            << QStringLiteral("&Einstellungen");
        QTest::newRow("fr") << "fr" << QStringLiteral("Moniteur mysql-sync") << QStringLiteral("Vue d’ensemble")
                            << QStringLiteral("&Paramètres");
    }

    void catalogues()
    {
        QFETCH(QString, code);
        QFETCH(QString, title);
        QFETCH(QString, overview);
        QFETCH(QString, settingsMenu);
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/mysql-sync_%1.qm").arg(code)));
        QCOMPARE(Language::install(QLocale(code)), code);
        MainWindow window(false);
        QCOMPARE(window.windowTitle(), title);
        QCOMPARE(window.tabs()->tabText(MainWindow::OverviewTab), overview);
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(settingsMenu), qPrintable(menus.join(QLatin1Char(','))));
    }

    void regionalVariantsUseTheLanguage()
    {
        QCOMPARE(Language::install(QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
        QCOMPARE(Language::install(QLocale(QStringLiteral("fr_CA"))), QStringLiteral("fr"));
    }

    void englishAndUnknownShowTheSource()
    {
        QCOMPARE(Language::install(QLocale(QStringLiteral("de"))), QStringLiteral("de"));
        QCOMPARE(Language::install(QLocale(QStringLiteral("en_GB"))), QString()); // replaces German
        QCOMPARE(MainWindow(false).windowTitle(), QStringLiteral("mysql-sync monitor"));
        QCOMPARE(Language::install(QLocale(QStringLiteral("ja_JP"))), QString());
        QCOMPARE(MainWindow(false).windowTitle(), QStringLiteral("mysql-sync monitor"));
    }

    void settingOverridesTheSystem()
    {
        QCOMPARE(Language::configured(), QString());
        QCOMPARE(Language::effectiveLocale(), QLocale::system());
        Language::setConfigured(QStringLiteral("fr"));
        QCOMPARE(Language::configured(), QStringLiteral("fr"));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("fr"));
        QCOMPARE(Language::install(), QStringLiteral("fr"));
        QCOMPARE(MainWindow(false).windowTitle(), QStringLiteral("Moniteur mysql-sync"));
        Language::setConfigured(QStringLiteral("en")); // English even on a German system
        QCOMPARE(Language::effectiveLocale().language(), QLocale::English);
        QCOMPARE(Language::install(), QString());
        QSettings().setValue(QStringLiteral("language"), QStringLiteral("xx")); // unknown: the system's
        QCOMPARE(Language::configured(), QString());
        Language::setConfigured(QString());
        QVERIFY(!QSettings().contains(QStringLiteral("language")));
    }

    void classesWithoutQObjectAreTranslated()
    {
        // ConfigFile is no QObject: its tr() context must be the one lupdate wrote.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[1, 2]");
        file.close();
        QJsonObject object;
        QString error;
        QCOMPARE(Language::install(QLocale(QStringLiteral("de"))), QStringLiteral("de"));
        QVERIFY(!ConfigFile::read(path, &object, &error));
        QVERIFY2(error.contains(QStringLiteral("kein JSON-Objekt")), qPrintable(error));
        QCOMPARE(Language::install(QLocale(QStringLiteral("fr"))), QStringLiteral("fr"));
        QVERIFY(!ConfigFile::read(path, &object, &error));
        QVERIFY2(error.contains(QStringLiteral("pas un objet JSON")), qPrintable(error));
    }

    void qtCataloguesWhenInstalled()
    {
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!QFile::exists(dir + QStringLiteral("/qtbase_de.qm")))
            QSKIP("Qt's own catalogues are not installed (Debian: qt6-translations-l10n)");
        QCOMPARE(Language::install(QLocale(QStringLiteral("de"))), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        QCOMPARE(Language::install(QLocale(QStringLiteral("fr"))), QStringLiteral("fr"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
