#include "StateIcon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace mysqlsync::ui {

QColor StateIcon::color(SyncState state)
{
    switch (state) {
    case SyncState::InSync: return QColor(0x2e, 0x9d, 0x4f);
    case SyncState::Syncing: return QColor(0x1e, 0x6f, 0xd9);
    case SyncState::RemoteOffline: return QColor(0xe0, 0x8a, 0x00);
    case SyncState::Error: return QColor(0xc6, 0x28, 0x28);
    case SyncState::Disconnected: return QColor(0x80, 0x80, 0x80);
    }
    return Qt::gray;
}

static QPixmap draw(SyncState state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal m = size * 0.06;
    p.setPen(QPen(StateIcon::color(state).darker(140), size * 0.05));
    p.setBrush(StateIcon::color(state));
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m));
    p.setPen(QPen(Qt::white, size * 0.11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    const qreal s = size;
    switch (state) {
    case SyncState::InSync: { // a tick
        QPainterPath path;
        path.moveTo(s * 0.28, s * 0.52);
        path.lineTo(s * 0.44, s * 0.68);
        path.lineTo(s * 0.72, s * 0.34);
        p.drawPath(path);
        break;
    }
    case SyncState::Syncing: // two arrows
        p.drawLine(QPointF(s * 0.28, s * 0.38), QPointF(s * 0.72, s * 0.38));
        p.drawLine(QPointF(s * 0.60, s * 0.27), QPointF(s * 0.72, s * 0.38));
        p.drawLine(QPointF(s * 0.28, s * 0.62), QPointF(s * 0.72, s * 0.62));
        p.drawLine(QPointF(s * 0.28, s * 0.62), QPointF(s * 0.40, s * 0.73));
        break;
    case SyncState::RemoteOffline: // a pause sign
        p.drawLine(QPointF(s * 0.40, s * 0.30), QPointF(s * 0.40, s * 0.70));
        p.drawLine(QPointF(s * 0.60, s * 0.30), QPointF(s * 0.60, s * 0.70));
        break;
    case SyncState::Error: // an exclamation mark
        p.drawLine(QPointF(s * 0.5, s * 0.25), QPointF(s * 0.5, s * 0.56));
        p.drawPoint(QPointF(s * 0.5, s * 0.73));
        break;
    case SyncState::Disconnected: // a cross
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    }
    return pixmap;
}

QIcon StateIcon::icon(SyncState state)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(draw(state, size));
    return icon;
}

} // namespace mysqlsync::ui
