// Autostart: the XDG autostart entry is written under $XDG_CONFIG_HOME/autostart, is a valid
// desktop file (desktop-file-validate) that starts the program with --minimized, and is
// removed again; the macOS and Windows entries' contents are checked here too.
#include "monitor/Autostart.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace mysqlsync::ui;

class TestAutostart : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QString entry() const { return m_home.path() + QStringLiteral("/autostart/mysql-sync-monitor.desktop"); }

    static QString validate(const QString &path)
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        if (tool.isEmpty())
            return QStringLiteral("desktop-file-validate is missing (bash scripts/setup.sh installs it)");
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(tool, {path});
        if (!process.waitForFinished(30000))
            return QStringLiteral("desktop-file-validate did not finish");
        const QString out = QString::fromUtf8(process.readAll()).trimmed();
        if (process.exitCode() != 0 || !out.isEmpty())
            return QStringLiteral("desktop-file-validate: ") + out;
        return QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path()));
    }

    void writesAndRemovesTheXdgEntry_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("exec");
        QTest::newRow("plain") << "/usr/bin/mysql-sync-monitor"
                               << "Exec=/usr/bin/mysql-sync-monitor --minimized";
        QTest::newRow("spaces and quotes") << "/opt/My Apps/mysql\"sync$/monitor"
                                           << "Exec=\"/opt/My Apps/mysql\\\\\"sync\\\\$/monitor\" --minimized";
    }

    void writesAndRemovesTheXdgEntry()
    {
        QFETCH(QString, program);
        QFETCH(QString, exec);
        Autostart autostart(program);
        QCOMPARE(autostart.location(), entry());
        QVERIFY(!autostart.isEnabled());
        QString error;
        QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error));
        QVERIFY(autostart.isEnabled());
        QFile file(entry());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(exec), qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY(lines.contains(QStringLiteral("Type=Application")));
        const QString problem = validate(entry());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error)); // again: rewritten, still one file
        QVERIFY2(autostart.setEnabled(false, &error), qPrintable(error));
        QVERIFY(!QFile::exists(entry()));
        QVERIFY(!autostart.isEnabled());
        QVERIFY2(autostart.setEnabled(false, &error), qPrintable(error)); // nothing to remove is fine
    }

    void defaultsToThisProgram() { QCOMPARE(Autostart().program(), QCoreApplication::applicationFilePath()); }

    void unwritableFolderIsReported()
    {
        QTemporaryDir dir;
        QFile blocker(dir.path() + QStringLiteral("/autostart")); // a file where the folder should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.path()));
        QString error;
        const bool written = Autostart(QStringLiteral("/usr/bin/mysql-sync-monitor")).setEnabled(true, &error);
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path()));
        QVERIFY(!written);
        QVERIFY2(error.contains(dir.path() + QStringLiteral("/autostart")), qPrintable(error));
    }

    void launchAgentPlist()
    {
        const QString plist = Autostart::launchAgentPlist(QStringLiteral("/Applications/A & B.app/Contents/MacOS/m"));
        QXmlStreamReader xml(plist);
        QStringList strings;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("string"))
                strings << xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(strings,
                 (QStringList{QStringLiteral("io.github.mysql_sync.monitor"),
                              QStringLiteral("/Applications/A & B.app/Contents/MacOS/m"), QStringLiteral("--minimized"),
                              QStringLiteral("Interactive")}));
        QVERIFY(plist.contains(QStringLiteral("<key>RunAtLoad</key>\n  <true/>")));
    }

    void runCommandQuotesTheProgram()
    {
        QCOMPARE(Autostart::runCommand(QStringLiteral("/x y/mysql-sync-monitor")),
                 QStringLiteral("\"/x y/mysql-sync-monitor\" --minimized"));
    }
};

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
