#include "LogHandler.h"

#include <QDateTime>
#include <QMutex>
#include <QString>

#include <cstdio>

namespace {
QMutex g_mutex;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warn";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

// Names from the network (tables, columns, senders) end up in messages: control
// characters are escaped so that no one can forge or break a log line.
QString escapeControls(const QString &message)
{
    QString out;
    out.reserve(message.size());
    for (const QChar c : message) {
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7f || u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line =
        QStringLiteral("%1 %2 %3: %4\n")
            .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs), QString::fromLatin1(levelName(type)),
                 QString::fromLatin1(context.category ? context.category : "default"), escapeControls(message))
            .toUtf8();
    QMutexLocker lock(&g_mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}
} // namespace

void installLogHandler()
{
    qInstallMessageHandler(handler);
}
