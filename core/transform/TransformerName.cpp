#include "transform/TransformerName.h"

#include <QStringList>

namespace mysqlsync {

QString camelCase(const QString &name)
{
    // Words: runs of letters/digits, also split where a lower-case letter or digit
    // is followed by an upper-case one (fooBar -> foo bar) and before the last capital
    // of an upper-case run followed by lower case (HTMLParser -> html parser).
    QStringList words;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty())
            words << word.toLower();
        word.clear();
    };
    for (int i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (!word.isEmpty() && c.isUpper()) {
            const QChar prev = word.back();
            const bool nextLower = i + 1 < name.size() && name.at(i + 1).isLower();
            if (prev.isLower() || prev.isDigit() || (prev.isUpper() && nextLower))
                flush();
        }
        word += c;
    }
    flush();
    QString result;
    for (int i = 0; i < words.size(); ++i) {
        QString w = words.at(i);
        if (i > 0 && !w.isEmpty())
            w[0] = w.at(0).toUpper();
        result += w;
    }
    return result;
}

QString transformerFileName(const QString &table)
{
    return camelCase(table) + QStringLiteral(".js");
}

} // namespace mysqlsync
