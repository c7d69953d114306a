#include "TestUtil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QStringList>
#include <QTcpServer>

#include <algorithm>

namespace testsupport {

int freePort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString keyText(const QSet<int> &keys, int limit)
{
    QList<int> sorted(keys.cbegin(), keys.cend());
    std::sort(sorted.begin(), sorted.end());
    QStringList out;
    for (int i = 0; i < sorted.size() && i < limit; ++i)
        out << QString::number(sorted.at(i));
    if (sorted.size() > limit)
        out << QStringLiteral("... (%1 in all)").arg(sorted.size());
    return out.join(QStringLiteral(", "));
}

QString logTail(const QByteArray &log, int lines)
{
    QList<QByteArray> all = log.split('\n');
    QList<QByteArray> problems;
    for (const QByteArray &l : std::as_const(all)) {
        if (l.contains(" warn ") || l.contains(" error ") || l.contains(" fatal ") || l.startsWith("===="))
            problems << l;
    }
    const auto last = [](const QList<QByteArray> &from, int n) {
        QStringList out;
        for (qsizetype i = qMax<qsizetype>(0, from.size() - n); i < from.size(); ++i)
            out << QString::fromUtf8(from.at(i));
        return out.join(QLatin1Char('\n'));
    };
    return QStringLiteral("-- warnings/errors/lifecycle (last 40):\n%1\n-- last %2 lines:\n%3")
        .arg(last(problems, 40))
        .arg(lines)
        .arg(last(all, lines));
}

QString statusId(const QString &table, const QString &key, const QString &remote)
{
    return QString::fromLatin1(
        QCryptographicHash::hash((table + QLatin1Char('-') + key + QLatin1Char('-') + remote).toUtf8(),
                                 QCryptographicHash::Md5)
            .toHex());
}

} // namespace testsupport
