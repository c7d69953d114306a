#include "protocol/JsonText.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace mysqlsync::json {

namespace {
void appendEscaped(QByteArray &out, const char *p, qsizetype n)
{
    static const char hex[] = "0123456789abcdef";
    qsizetype plain = 0; // bytes at the start of p not yet copied, that need no escape
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(p[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(p + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(u, sizeof u);
        }
        }
    }
    out.append(p + plain, n - plain);
}
} // namespace

void appendString(QByteArray &out, const QString &s)
{
    out += '"';
    bool ascii = true;
    for (const QChar c : s) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        const QByteArray latin = s.toLatin1();
        appendEscaped(out, latin.constData(), latin.size());
    } else {
        // UTF-8, but a surrogate without its pair is written as \uXXXX (as QJsonDocument
        // does): UTF-8 cannot hold it.
        static const char hex[] = "0123456789abcdef";
        const QStringView view(s);
        qsizetype run = 0;
        for (qsizetype i = 0; i < view.size(); ++i) {
            const QChar c = view.at(i);
            if (!c.isSurrogate())
                continue;
            if (c.isHighSurrogate() && i + 1 < view.size() && view.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            const QByteArray utf8 = view.mid(run, i - run).toUtf8();
            appendEscaped(out, utf8.constData(), utf8.size());
            const ushort u = c.unicode();
            const char e[] = {'\\', 'u', hex[u >> 12], hex[(u >> 8) & 0xf], hex[(u >> 4) & 0xf], hex[u & 0xf]};
            out.append(e, sizeof e);
            run = i + 1;
        }
        const QByteArray utf8 = view.mid(run).toUtf8();
        appendEscaped(out, utf8.constData(), utf8.size());
    }
    out += '"';
}

void appendValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        // QJsonValue keeps an integer as an integer: printed exactly, as QJsonDocument does.
        const QCborValue number = QCborValue::fromJsonValue(v);
        if (number.isInteger()) {
            out += QByteArray::number(number.toInteger());
            return;
        }
        const double d = v.toDouble();
        out += std::isfinite(d) ? QByteArray::number(d, 'g', QLocale::FloatingPointShortest) : QByteArray("null");
        return;
    }
    case QJsonValue::String:
        appendString(out, v.toString());
        return;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i > 0)
                out += ',';
            appendValue(out, a.at(i));
        }
        out += ']';
        return;
    }
    case QJsonValue::Object: {
        out += '{';
        const QJsonObject o = v.toObject();
        bool first = true;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendKey(out, it.key());
            appendValue(out, it.value());
        }
        out += '}';
        return;
    }
    }
}

} // namespace mysqlsync::json
