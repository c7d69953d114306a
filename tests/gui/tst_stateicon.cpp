// StateIcon: every state (and paused) has its own built-in icon at every tray size.
#include "mainwindow/StateIcon.h"

#include <QSet>
#include <QTest>

using namespace mysqlsync::ui;

class TestStateIcon : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyStateHasEverySize()
    {
        const QList<SyncState> states{SyncState::InSync, SyncState::Syncing, SyncState::RemoteOffline, SyncState::Error,
                                      SyncState::Disconnected};
        QSet<QString> names;
        QSet<QByteArray> images;
        for (bool paused : {false, true}) {
            for (SyncState s : states) {
                const QIcon icon = StateIcon::icon(s, paused);
                names.insert(StateIcon::name(s, paused));
                QList<int> sizes;
                for (const QSize &size : icon.availableSizes())
                    sizes << size.width();
                QCOMPARE(sizes, StateIcon::sizes());
                for (int size : StateIcon::sizes()) {
                    const QImage image = icon.pixmap(size, size).toImage();
                    QCOMPARE(image.size(), QSize(size, size));
                    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);                 // transparent corner
                    QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255); // opaque disc
                }
                const QImage big = icon.pixmap(48, 48).toImage().convertToFormat(QImage::Format_ARGB32);
                images.insert(QByteArray(reinterpret_cast<const char *>(big.constBits()), int(big.sizeInBytes())));
            }
        }
        QCOMPARE(names.size(), states.size() + 1); // paused is one icon whatever the state
        QCOMPARE(images.size(), states.size() + 1);
        QVERIFY(names.contains(QStringLiteral("paused")));
    }
};

QTEST_MAIN(TestStateIcon)
#include "tst_stateicon.moc"
