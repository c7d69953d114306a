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
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warn";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "?";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = QStringLiteral("%1 %2 %3: %4\n")
                                .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs),
                                     QString::fromLatin1(levelName(type)),
                                     QString::fromLatin1(context.category ? context.category : "default"), message)
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
