#include "configuration/FeedSettings.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace mysqlsync::ui {

namespace {
const QString kDefaultListen = QStringLiteral("127.0.0.1:8765");

QStringList splitList(const QString &text, QChar separator)
{
    QStringList out;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

// {"keychain": "x"} <-> "keychain:x" (also env, file); empty for anything else.
QString referenceText(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    for (const char *kind : {"keychain", "env", "file"}) {
        if (o.size() == 1 && o.value(QLatin1String(kind)).isString())
            return QLatin1String(kind) + QLatin1Char(':') + o.value(QLatin1String(kind)).toString();
    }
    return {};
}
} // namespace

FeedSettings::FeedSettings(QWidget *parent)
    : QWidget(parent)
    , m_box(new QGroupBox(tr("Live feed (WebSocket push to apps and browsers)"), this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_box);
    m_box->setCheckable(true);
    m_box->setChecked(false);
    m_box->setObjectName(QStringLiteral("feed"));
    connect(m_box, &QGroupBox::toggled, this, &FeedSettings::changed);
    new QFormLayout(m_box);
    m_listen = addLine(QStringLiteral("feed.listen"), tr("Listen on"), kDefaultListen);
    m_tokenTable = addLine(QStringLiteral("feed.tokens.table"), tr("Tokens table"), QStringLiteral("users"));
    m_tokenColumn = addLine(QStringLiteral("feed.tokens.tokenColumn"), tr("Token column"), QStringLiteral("token"));
    m_userColumn = addLine(QStringLiteral("feed.tokens.userColumn"), tr("User id column"), QStringLiteral("id"));
    m_routing = addLine(QStringLiteral("feed.routing"), tr("Routing"),
                        QStringLiteral("orders=user_id; messages=sender_id,recipient_id; news=*"));
    m_routing->setToolTip(tr("Per table: the column(s) holding the user id a row belongs to, or * for every "
                             "client; a table not listed reaches no client."));
    m_filters = addLine(QStringLiteral("feed.filters"), tr("Never pushed"), QStringLiteral("users.password, …"));
    m_publishToken = addLine(QStringLiteral("feed.publishToken"), tr("Publish token"),
                             QStringLiteral("keychain:NAME, env:VARIABLE or file:PATH"));
    m_publishToken->setToolTip(tr("Where the securityToken of POST /publish is read from; empty: /publish refused."));
    m_publishStream = new QCheckBox(tr("Publish the changes on the broker for standalone feed servers"), m_box);
    m_publishStream->setObjectName(QStringLiteral("feed.publishStream"));
    connect(m_publishStream, &QCheckBox::toggled, this, &FeedSettings::changed);
    static_cast<QFormLayout *>(m_box->layout())->addRow(QString(), m_publishStream);
    m_fields.append({QStringLiteral("feed.publishStream"), m_publishStream});
}

QLineEdit *FeedSettings::addLine(const QString &key, const QString &label, const QString &placeholder)
{
    auto *edit = new QLineEdit(m_box);
    edit->setObjectName(key);
    edit->setPlaceholderText(placeholder);
    connect(edit, &QLineEdit::textEdited, this, &FeedSettings::changed);
    static_cast<QFormLayout *>(m_box->layout())->addRow(label, edit);
    m_fields.append({key, edit});
    return edit;
}

QString FeedSettings::routingText(const QJsonObject &routing)
{
    QStringList parts;
    for (auto it = routing.begin(); it != routing.end(); ++it) {
        QStringList columns;
        if (it.value().isArray()) {
            for (const QJsonValue &c : it.value().toArray())
                columns << c.toString();
        } else {
            columns << it.value().toString();
        }
        parts << it.key() + QLatin1Char('=') + columns.join(QLatin1Char(','));
    }
    return parts.join(QStringLiteral("; "));
}

bool FeedSettings::parseRouting(const QString &text, QJsonObject *routing, QString *error)
{
    QJsonObject out;
    for (const QString &entry : splitList(text, QLatin1Char(';'))) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        const QString table = entry.left(eq).trimmed();
        const QStringList columns = eq < 0 ? QStringList() : splitList(entry.mid(eq + 1), QLatin1Char(','));
        if (table.isEmpty() || columns.isEmpty()) {
            *error = tr("\"%1\" is not table=column, table=column,column or table=*").arg(entry);
            return false;
        }
        if (out.contains(table)) {
            *error = tr("the table %1 is listed twice").arg(table);
            return false;
        }
        out.insert(table,
                   columns.size() == 1 ? QJsonValue(columns.first()) : QJsonValue(QJsonArray::fromStringList(columns)));
    }
    *routing = out;
    return true;
}

void FeedSettings::setDocument(const QJsonObject &document)
{
    const QSignalBlocker blocker(this);
    m_base = document.value(QStringLiteral("feed")).toObject();
    m_box->setChecked(document.contains(QStringLiteral("feed")));
    const QJsonObject tokens = m_base.value(QStringLiteral("tokens")).toObject();
    m_listen->setText(m_base.value(QStringLiteral("listen")).toString(kDefaultListen));
    m_tokenTable->setText(tokens.value(QStringLiteral("table")).toString());
    m_tokenColumn->setText(tokens.value(QStringLiteral("tokenColumn")).toString());
    m_userColumn->setText(tokens.value(QStringLiteral("userColumn")).toString());
    m_routing->setText(routingText(m_base.value(QStringLiteral("routing")).toObject()));
    QStringList filters;
    for (const QJsonValue &f : m_base.value(QStringLiteral("filters")).toArray())
        filters << f.toString();
    m_filters->setText(filters.join(QStringLiteral(", ")));
    const QJsonValue token = m_base.value(QStringLiteral("publishToken"));
    m_publishToken->setText(referenceText(token));
    if (token.isString())
        m_publishToken->setPlaceholderText(tr("(a token written in the file: kept)"));
    m_publishStream->setChecked(m_base.value(QStringLiteral("publishStream")).toBool());
}

void FeedSettings::apply(QJsonObject *document) const
{
    if (!m_box->isChecked()) {
        document->remove(QStringLiteral("feed"));
        return;
    }
    QJsonObject feed = m_base;
    const QString listen = m_listen->text().trimmed();
    if (listen.isEmpty() || (listen == kDefaultListen && !m_base.contains(QStringLiteral("listen"))))
        feed.remove(QStringLiteral("listen"));
    else
        feed.insert(QStringLiteral("listen"), listen);
    QJsonObject tokens = m_base.value(QStringLiteral("tokens")).toObject();
    tokens.insert(QStringLiteral("table"), m_tokenTable->text().trimmed());
    tokens.insert(QStringLiteral("tokenColumn"), m_tokenColumn->text().trimmed());
    tokens.insert(QStringLiteral("userColumn"), m_userColumn->text().trimmed());
    feed.insert(QStringLiteral("tokens"), tokens);
    QJsonObject routing;
    QString error;
    if (parseRouting(m_routing->text(), &routing, &error)) { // else kept as the file has it (problem() says why)
        if (routing.isEmpty())
            feed.remove(QStringLiteral("routing"));
        else
            feed.insert(QStringLiteral("routing"), routing);
    }
    const QStringList filters = splitList(m_filters->text(), QLatin1Char(','));
    if (filters.isEmpty())
        feed.remove(QStringLiteral("filters"));
    else
        feed.insert(QStringLiteral("filters"), QJsonArray::fromStringList(filters));
    const QString reference = m_publishToken->text().trimmed();
    static const QRegularExpression kReference(QStringLiteral("^(keychain|env|file):(.+)$"));
    const QRegularExpressionMatch match = kReference.match(reference);
    if (match.hasMatch())
        feed.insert(QStringLiteral("publishToken"), QJsonObject{{match.captured(1), match.captured(2)}});
    else if (!m_base.value(QStringLiteral("publishToken")).isString())
        feed.remove(QStringLiteral("publishToken")); // empty (or not a reference: problem() says so)
    if (m_publishStream->isChecked())
        feed.insert(QStringLiteral("publishStream"), true);
    else if (m_base.contains(QStringLiteral("publishStream")))
        feed.insert(QStringLiteral("publishStream"), false);
    document->insert(QStringLiteral("feed"), feed);
}

QString FeedSettings::problem(QString *key) const
{
    if (!m_box->isChecked())
        return {};
    QJsonObject routing;
    QString error;
    if (!parseRouting(m_routing->text(), &routing, &error)) {
        if (key)
            *key = QStringLiteral("feed.routing");
        return QStringLiteral("feed.routing: ") + error;
    }
    const QString reference = m_publishToken->text().trimmed();
    if (!reference.isEmpty() && !reference.contains(QRegularExpression(QStringLiteral("^(keychain|env|file):.+$")))) {
        if (key)
            *key = QStringLiteral("feed.publishToken");
        return QStringLiteral("feed.publishToken: ")
            + tr("expected keychain:NAME, env:VARIABLE or file:PATH (the token itself is never typed here)");
    }
    return {};
}

QWidget *FeedSettings::fieldFor(const QString &key) const
{
    for (const auto &f : m_fields) {
        if (f.first == key || key.startsWith(f.first + QLatin1Char('.')) || key.startsWith(f.first + QLatin1Char('[')))
            return f.second;
    }
    return key == QLatin1String("feed") || key.startsWith(QLatin1String("feed.")) ? m_box : nullptr;
}

} // namespace mysqlsync::ui
