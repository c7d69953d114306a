#include "mainwindow/MainWindow.h"
#include "mainwindow/StateIcon.h"
#include "mainwindow/TrayController.h"
#include "transformers/TransformersPage.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace mysqlsync::ui;

class TestTrayFallback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void offscreenHasNoTray()
    {
        // The offscreen platform (as bare Xvfb) has no system tray.
        QVERIFY(!TrayController::systemTrayAvailable());
    }

    void saysSoOnceAndStaysInactive()
    {
        QWidget window;
        TrayController tray(&window, false);
        QSignalSpy spy(&tray, &TrayController::unavailable);
        tray.activate();
        tray.activate();
        QCOMPARE(spy.count(), 1);
        QVERIFY(spy.at(0).at(0).toString().contains(QStringLiteral("normal window")));
        QVERIFY(!tray.isActive());
        tray.setState(SyncState::Error); // harmless without an icon
        QCOMPARE(tray.state(), SyncState::Error);
    }

    void windowWithoutTrayClosesNormally()
    {
        MainWindow window(false);
        QVERIFY(!window.tray()->isActive());
        QVERIFY(QApplication::quitOnLastWindowClosed());
        QCOMPARE(window.tabs()->count(), int(MainWindow::FeedTab) + 1);
        QCOMPARE(window.tabs()->widget(MainWindow::TransformersTab), static_cast<QWidget *>(window.transformersPage()));
        QVERIFY(!window.tabs()->isTabVisible(MainWindow::FeedTab)); // no configuration, no feed
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.close()); // accepted: no tray to hide in
        QVERIFY(!window.isVisible());
    }

    void windowWithTrayHidesOnClose()
    {
        MainWindow window(true); // as if a tray existed
        if (!window.tray()->isActive())
            QSKIP("QSystemTrayIcon could not be created here");
        QVERIFY(!QApplication::quitOnLastWindowClosed());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.close()); // ignored: hidden to the tray, sync keeps running
        QVERIFY(!window.isVisible());
    }

    void stateIconsDiffer()
    {
        const QList<SyncState> states{SyncState::InSync, SyncState::Syncing, SyncState::RemoteOffline, SyncState::Error,
                                      SyncState::Disconnected};
        QSet<QRgb> centres;
        for (SyncState s : states) {
            const QImage image = StateIcon::icon(s).pixmap(32, 32).toImage();
            QVERIFY(!image.isNull());
            centres.insert(image.pixel(6, 16)); // inside the disc, left of the symbol
        }
        QCOMPARE(centres.size(), states.size());
    }
};

QTEST_MAIN(TestTrayFallback)
#include "tst_trayfallback.moc"
