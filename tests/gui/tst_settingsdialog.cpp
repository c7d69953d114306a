// SettingsDialog: shows the saved language and the autostart entry's state, and OK saves both
// (the language in QSettings, the entry under a temporary XDG_CONFIG_HOME).
#include "mainwindow/SettingsDialog.h"
#include "monitor/Language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync::ui;

class TestSettingsDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path()));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path() + QStringLiteral("/settings"));
        QCoreApplication::setOrganizationName(QStringLiteral("mysql-sync-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
    }

    void offersEveryLanguage()
    {
        SettingsDialog dialog(Autostart(QStringLiteral("/usr/bin/mysql-sync-monitor")));
        QStringList codes, names;
        for (int i = 0; i < dialog.languageBox()->count(); ++i) {
            codes << dialog.languageBox()->itemData(i).toString();
            names << dialog.languageBox()->itemText(i);
        }
        QCOMPARE(codes, Language::choices());
        QCOMPARE(names,
                 (QStringList{QStringLiteral("System default"), QStringLiteral("English"), QStringLiteral("Deutsch"),
                              QStringLiteral("Français")}));
        QCOMPARE(dialog.languageBox()->currentIndex(), 0); // nothing saved: the system's
        QVERIFY(!dialog.autostartBox()->isChecked());
    }

    void okSavesLanguageAndAutostart()
    {
        const QString entry = m_home.path() + QStringLiteral("/autostart/mysql-sync-monitor.desktop");
        {
            SettingsDialog dialog(Autostart(QStringLiteral("/usr/bin/mysql-sync-monitor")));
            dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
            dialog.autostartBox()->setChecked(true);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(Language::configured(), QStringLiteral("de"));
        QVERIFY(QFile::exists(entry));
        {
            SettingsDialog dialog(Autostart(QStringLiteral("/usr/bin/mysql-sync-monitor")));
            QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("de"));
            QVERIFY(dialog.autostartBox()->isChecked());
            dialog.languageBox()->setCurrentIndex(0);
            dialog.autostartBox()->setChecked(false);
            QVERIFY(dialog.apply());
        }
        QCOMPARE(Language::configured(), QString());
        QVERIFY(!QFile::exists(entry));
    }

    void cancelChangesNothing()
    {
        SettingsDialog dialog(Autostart(QStringLiteral("/usr/bin/mysql-sync-monitor")));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("fr")));
        dialog.autostartBox()->setChecked(true);
        dialog.reject();
        QCOMPARE(Language::configured(), QString());
        QVERIFY(!Autostart(QStringLiteral("/usr/bin/mysql-sync-monitor")).isEnabled());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
