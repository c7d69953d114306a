// Pause/resume from the Overview button and the tray entry, through the Engine (a ThreadedEngine) to a
// real engine (its database and broker unreachable: pausing needs neither) and back via
// pausedChanged; and the Sync status page's resend commands reaching that engine.
#include "engine/ThreadedEngine.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/TrayController.h"
#include "overview/OverviewPage.h"
#include "syncstatus/SyncStatusPage.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;

class TestPauseSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutEngineNothingHappens()
    {
        ThreadedEngine controller;
        QSignalSpy spy(&controller, &Engine::pausedChanged);
        controller.setPaused(true);
        controller.resendErrors(QStringLiteral("site_b"));
        QTest::qWait(50);
        QCOMPARE(spy.count(), 0);
        QVERIFY(!controller.isPaused());

        MainWindow window(false);
        QVERIFY(!window.overview()->pauseButton()->isEnabled());
        QVERIFY(!window.tray()->pauseAction()->isEnabled());
        QCOMPARE(window.overview()->pauseButton()->text(), QStringLiteral("Pause sync"));
    }

    void buttonAndTrayPauseAndResumeTheEngine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Config config;
        config.clientName = QStringLiteral("site_a");
        config.remoteClients = {QStringLiteral("site_b")};
        config.syncTables = {QStringLiteral("items")};
        config.queueDirectory = dir.path();
        config.mysql.host = QStringLiteral("127.0.0.1");
        config.mysql.port = 1; // nothing listens: refused at once
        config.mysql.user = QStringLiteral("nobody");
        config.mysql.database = QStringLiteral("nothing");
        config.mysql.connectTimeoutMs = 1000;
        config.mqtt.host = QStringLiteral("127.0.0.1");
        config.mqtt.port = 1;
        config.mqtt.connectTimeoutMs = 1000;

        MainWindow window(false);
        Engine *engine = window.engine();
        QPushButton *button = window.overview()->pauseButton();
        QAction *trayEntry = window.tray()->pauseAction();
        QSignalSpy paused(engine, &Engine::pausedChanged);
        QSignalSpy stopped(engine, &Engine::stopped);
        engine->start(config);
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 15000);
        QVERIFY(trayEntry->isEnabled());
        QCOMPARE(window.overview()->engineText(), QStringLiteral("running"));

        // The button asks; only the engine's answer changes what is shown.
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(button->text(), QStringLiteral("Pause sync"));
        QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 1, 5000);
        QCOMPARE(paused.at(0).at(0).toBool(), true);
        QVERIFY(engine->isPaused());
        QCOMPARE(button->text(), QStringLiteral("Resume sync"));
        QCOMPARE(trayEntry->text(), QStringLiteral("Resume sync"));
        QCOMPARE(window.overview()->engineText(), QStringLiteral("paused"));
        QVERIFY2(window.stateText().contains(QStringLiteral("paused")), qPrintable(window.stateText()));

        // The tray entry resumes.
        trayEntry->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 2, 5000);
        QCOMPARE(paused.at(1).at(0).toBool(), false);
        QVERIFY(!engine->isPaused());
        QCOMPARE(button->text(), QStringLiteral("Pause sync"));
        QCOMPARE(trayEntry->text(), QStringLiteral("Pause sync"));
        QCOMPARE(window.overview()->engineText(), QStringLiteral("running"));
        QVERIFY(!window.stateText().contains(QStringLiteral("paused")));

        // Resend commands from the Sync status page reach the engine: it refuses a remote
        // that is not in its configuration, and says so.
        QSignalSpy errors(engine, &Engine::errorOccurred);
        Q_EMIT window.syncStatusPage()->resendRequested(QStringLiteral("site_x"), QStringLiteral("items"),
                                                        {QStringLiteral("1")});
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(errors.cbegin(), errors.cend(),
                                             [](const QList<QVariant> &args) {
                                                 return args.at(0).value<EngineError>().message.contains(
                                                     QStringLiteral("cannot resend"));
                                             }),
                                 5000);

        // Paused again, then stopped: the controls go back to a stopped engine's.
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(engine->isPaused(), 5000);
        engine->stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 20000);
        QVERIFY(!engine->isPaused());
        QVERIFY(!button->isEnabled());
        QVERIFY(!trayEntry->isEnabled());
        QCOMPARE(button->text(), QStringLiteral("Pause sync"));
        QCOMPARE(window.overview()->engineText(), QStringLiteral("stopped"));
    }
};

QTEST_MAIN(TestPauseSync)
#include "tst_pausesync.moc"
