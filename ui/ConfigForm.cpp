#include "ConfigForm.h"

#include "Section.h"
#include "SecuritySettings.h"
#include "TablePicker.h"
#include "UiLogging.h"
#include "config/Config.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mysqlsync::ui {

namespace {

QJsonValue valueAt(const QJsonObject &root, const QString &key)
{
    const int dot = key.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return root.value(key);
    return root.value(key.left(dot)).toObject().value(key.mid(dot + 1));
}

bool hasKey(const QJsonObject &root, const QString &key)
{
    const int dot = key.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return root.contains(key);
    return root.value(key.left(dot)).toObject().contains(key.mid(dot + 1));
}

void setValueAt(QJsonObject *root, const QString &key, const QJsonValue &value, bool remove)
{
    const int dot = key.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        if (remove)
            root->remove(key);
        else
            root->insert(key, value);
        return;
    }
    QJsonObject inner = root->value(key.left(dot)).toObject();
    if (remove)
        inner.remove(key.mid(dot + 1));
    else
        inner.insert(key.mid(dot + 1), value);
    root->insert(key.left(dot), inner);
}

QString referenceText(const QJsonObject &ref)
{
    if (ref.contains(QStringLiteral("env")))
        return QCoreApplication::translate("ConfigForm", "kept: environment variable %1").arg(ref.value(QStringLiteral("env")).toString());
    if (ref.contains(QStringLiteral("file")))
        return QCoreApplication::translate("ConfigForm", "kept: file %1").arg(ref.value(QStringLiteral("file")).toString());
    if (ref.contains(QStringLiteral("keychain")))
        return QCoreApplication::translate("ConfigForm", "kept: keychain entry %1").arg(ref.value(QStringLiteral("keychain")).toString());
    return QCoreApplication::translate("ConfigForm", "kept: reference");
}

} // namespace

ConfigForm::ConfigForm(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
{
    auto *outer = new QVBoxLayout(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    m_message->hide();
    outer->addWidget(m_message);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *columns = new QHBoxLayout(content);
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    auto group = [&](QVBoxLayout *column, const QString &title) {
        auto *section = new Section(title, content);
        auto *form = new QFormLayout(section->body());
        column->addWidget(section);
        return form;
    };
    QFormLayout *site = group(left, tr("Site"));
    add(site, QStringLiteral("clientName"), tr("Client name"), Kind::Text, QString(), true);
    add(site, QStringLiteral("remoteClients"), tr("Remote clients"), Kind::List, QString(), true);
    add(site, QStringLiteral("syncTables"), tr("Sync tables"), Kind::Tables, QString(), true);
    add(site, QStringLiteral("receiveTables"), tr("Receive tables"), Kind::Tables, QString(), true);
    add(site, QStringLiteral("queueDirectory"), tr("Queue directory"), Kind::Text, QString(), true);
    add(site, QStringLiteral("checkInterval"), tr("Check interval (ms)"), Kind::Int, 1000, true);
    add(site, QStringLiteral("loggingLevel"), tr("Logging level"), Kind::Choice, QStringLiteral("info"), false,
        {QStringLiteral("error"), QStringLiteral("warn"), QStringLiteral("info"), QStringLiteral("debug"),
         QStringLiteral("trace")});
    add(site, QStringLiteral("transformerDirectory"), tr("Transformer directory"), Kind::Text, QString());
    add(site, QStringLiteral("captureInterval"), tr("Capture interval (ms)"), Kind::Int, 10);
    add(site, QStringLiteral("batchSize"), tr("Batch size"), Kind::Int, 1000);
    add(site, QStringLiteral("resendTimeout"), tr("Resend timeout (ms)"), Kind::Int, 30000);

    QFormLayout *db = group(left, tr("Database"));
    add(db, QStringLiteral("mysqlConfig.host"), tr("Host"), Kind::Text, QStringLiteral("localhost"), true);
    add(db, QStringLiteral("mysqlConfig.port"), tr("Port"), Kind::Int, 3306);
    add(db, QStringLiteral("mysqlConfig.user"), tr("User"), Kind::Text, QString(), true);
    add(db, QStringLiteral("mysqlConfig.database"), tr("Database"), Kind::Text, QString(), true);
    left->addStretch();

    QFormLayout *broker = group(right, tr("Broker"));
    add(broker, QStringLiteral("mqttConfig.host"), tr("Host"), Kind::Text, QStringLiteral("localhost"), true);
    add(broker, QStringLiteral("mqttConfig.port"), tr("Port"), Kind::Int, 0);
    add(broker, QStringLiteral("mqttConfig.protocol"), tr("Protocol"), Kind::Choice, QStringLiteral("mqtt"), false,
        {QStringLiteral("mqtt"), QStringLiteral("mqtts"), QStringLiteral("ws"), QStringLiteral("wss"),
         QStringLiteral("tcp"), QStringLiteral("ssl")});
    add(broker, QStringLiteral("mqttConfig.path"), tr("WebSocket path"), Kind::Text, QStringLiteral("/mqtt"));
    add(broker, QStringLiteral("mqttConfig.username"), tr("User name"), Kind::Text, QString());
    add(broker, QStringLiteral("mqttConfig.clientId"), tr("Client id"), Kind::Text, QString());
    add(broker, QStringLiteral("mqttConfig.keepalive"), tr("Keep-alive (s)"), Kind::Int, 60);
    add(broker, QStringLiteral("mqttConfig.clean"), tr("Clean session"), Kind::Bool, true);
    add(broker, QStringLiteral("mqttConfig.reconnectPeriod"), tr("Reconnect period (ms)"), Kind::Int, 1000);
    add(broker, QStringLiteral("mqttConfig.connectTimeout"), tr("Connect timeout (ms)"), Kind::Int, 30000);

    // Passwords (keychain) and TLS files of both connections: SecuritySettings.
    m_security = new SecuritySettings(content);
    right->addWidget(m_security);
    connect(m_security, &SecuritySettings::changed, this, &ConfigForm::changed);
    connect(static_cast<QLineEdit *>(fieldFor(QStringLiteral("clientName"))), &QLineEdit::textChanged, m_security,
            &SecuritySettings::setClientName);
    right->addStretch();
}

void ConfigForm::add(QFormLayout *form, const QString &key, const QString &label, Kind kind, const QVariant &def,
                     bool required, const QStringList &choices)
{
    QWidget *editor = nullptr;
    switch (kind) {
    case Kind::Text:
    case Kind::List:
    case Kind::Password: {
        auto *edit = new QLineEdit(form->parentWidget());
        if (kind == Kind::Password)
            edit->setEchoMode(QLineEdit::Password);
        if (kind == Kind::List)
            edit->setPlaceholderText(tr("comma separated"));
        connect(edit, &QLineEdit::textEdited, this, &ConfigForm::changed);
        editor = edit;
        break;
    }
    case Kind::Int: {
        auto *spin = new QSpinBox(form->parentWidget());
        spin->setRange(0, std::numeric_limits<int>::max());
        if (def.toInt() == 0)
            spin->setSpecialValueText(tr("default"));
        connect(spin, &QSpinBox::valueChanged, this, &ConfigForm::changed);
        editor = spin;
        break;
    }
    case Kind::Bool: {
        auto *box = new QCheckBox(form->parentWidget());
        connect(box, &QCheckBox::toggled, this, &ConfigForm::changed);
        editor = box;
        break;
    }
    case Kind::Tables: {
        auto *picker = new TablePicker(form->parentWidget());
        connect(picker, &TablePicker::changed, this, &ConfigForm::changed);
        editor = picker;
        break;
    }
    case Kind::Choice: {
        auto *combo = new QComboBox(form->parentWidget());
        combo->addItems(choices);
        connect(combo, &QComboBox::currentTextChanged, this, &ConfigForm::changed);
        editor = combo;
        break;
    }
    }
    editor->setObjectName(key);
    editor->setToolTip(key);
    form->addRow(label, editor);
    m_fields.append({key, kind, editor, def, required});
}

void ConfigForm::setDocument(const QJsonObject &object)
{
    m_base = object;
    const QSignalBlocker blocker(this);
    for (const Field &f : std::as_const(m_fields)) {
        const QJsonValue v = valueAt(object, f.key);
        const bool present = hasKey(object, f.key);
        switch (f.kind) {
        case Kind::Text:
            static_cast<QLineEdit *>(f.editor)->setText(present ? v.toVariant().toString() : f.defaultValue.toString());
            break;
        case Kind::List: {
            QStringList items;
            for (const QJsonValue &item : v.toArray())
                items << item.toString();
            static_cast<QLineEdit *>(f.editor)->setText(items.join(QStringLiteral(", ")));
            break;
        }
        case Kind::Tables: {
            QStringList items;
            for (const QJsonValue &item : v.toArray())
                items << item.toString();
            static_cast<TablePicker *>(f.editor)->setSelected(items);
            break;
        }
        case Kind::Password: {
            auto *edit = static_cast<QLineEdit *>(f.editor);
            edit->setText(v.isString() ? v.toString() : QString());
            edit->setPlaceholderText(v.isObject() ? referenceText(v.toObject()) : QString());
            break;
        }
        case Kind::Int:
            static_cast<QSpinBox *>(f.editor)->setValue(present ? v.toVariant().toInt() : f.defaultValue.toInt());
            break;
        case Kind::Bool:
            static_cast<QCheckBox *>(f.editor)->setChecked(present ? v.toBool() : f.defaultValue.toBool());
            break;
        case Kind::Choice: {
            auto *combo = static_cast<QComboBox *>(f.editor);
            const QString text = present ? v.toString() : f.defaultValue.toString();
            if (combo->findText(text) < 0)
                combo->addItem(text);
            combo->setCurrentText(text);
            break;
        }
        }
    }
    m_security->setDocument(object);
    clearMarks();
}

QJsonObject ConfigForm::document() const
{
    QJsonObject out = m_base;
    for (const Field &f : m_fields) {
        const bool present = hasKey(m_base, f.key);
        QJsonValue value;
        bool isDefault = false;
        switch (f.kind) {
        case Kind::Text: {
            const QString text = static_cast<QLineEdit *>(f.editor)->text().trimmed();
            value = text;
            isDefault = text == f.defaultValue.toString();
            break;
        }
        case Kind::List: {
            QJsonArray items;
            const QStringList parts = static_cast<QLineEdit *>(f.editor)->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &p : parts) {
                if (!p.trimmed().isEmpty())
                    items.append(p.trimmed());
            }
            value = items;
            break;
        }
        case Kind::Tables:
            value = QJsonArray::fromStringList(static_cast<TablePicker *>(f.editor)->selected());
            break;
        case Kind::Password: {
            const QString text = static_cast<QLineEdit *>(f.editor)->text();
            if (text.isEmpty() && valueAt(m_base, f.key).isObject())
                continue; // the reference stays
            value = text;
            isDefault = text.isEmpty();
            break;
        }
        case Kind::Int: {
            const int n = static_cast<QSpinBox *>(f.editor)->value();
            value = n;
            isDefault = n == f.defaultValue.toInt();
            break;
        }
        case Kind::Bool: {
            const bool b = static_cast<QCheckBox *>(f.editor)->isChecked();
            value = b;
            isDefault = b == f.defaultValue.toBool();
            break;
        }
        case Kind::Choice: {
            const QString text = static_cast<QComboBox *>(f.editor)->currentText();
            value = text;
            isDefault = text == f.defaultValue.toString();
            break;
        }
        }
        const bool write = f.required || present || !isDefault;
        setValueAt(&out, f.key, value, !write);
    }
    m_security->apply(&out);
    return out;
}

QWidget *ConfigForm::fieldFor(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return f.editor;
    }
    return m_security->fieldFor(key);
}

void ConfigForm::setAvailableTables(const QStringList &tables, const QString &error)
{
    for (const Field &f : std::as_const(m_fields)) {
        if (f.kind == Kind::Tables)
            static_cast<TablePicker *>(f.editor)->setAvailable(tables, error);
    }
}

QString ConfigForm::validationMessage() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ConfigForm::clearMarks()
{
    for (const Field &f : std::as_const(m_fields))
        f.editor->setStyleSheet(QString());
    if (QWidget *marked = m_security->fieldFor(m_invalidKey))
        marked->setStyleSheet(QString());
    m_invalidKey.clear();
    m_message->clear();
    m_message->hide();
}

bool ConfigForm::validate(const QString &filePath, QString *message, bool typedPasswordsPending)
{
    clearMarks();
    Config config;
    QString error;
    const QByteArray json = QJsonDocument(document()).toJson();
    m_security->setConfigPath(filePath);
    const QString securityProblem = m_security->problem(&m_invalidKey, typedPasswordsPending);
    if (!securityProblem.isEmpty())
        error = filePath + QStringLiteral(": ") + securityProblem;
    else if (ConfigLoader::parse(json, filePath, &config, &error))
        return true;
    // "file: key: what was expected" -> the field of the longest key named.
    for (const Field &f : std::as_const(m_fields)) {
        const bool named = error.contains(QStringLiteral(": ") + f.key + QLatin1Char(':'))
            || error.contains(QStringLiteral(": ") + f.key + QLatin1Char('['));
        if (named && f.key.size() > m_invalidKey.size())
            m_invalidKey = f.key;
    }
    if (m_invalidKey.isEmpty() && m_security->fieldFor(error.section(QStringLiteral(": "), 1, 1)))
        m_invalidKey = error.section(QStringLiteral(": "), 1, 1);
    if (QWidget *editor = fieldFor(m_invalidKey)) {
        editor->setStyleSheet(QStringLiteral("border: 2px solid #b00020"));
        editor->setFocus();
    }
    m_message->setText(error);
    m_message->show();
    qCInfo(lcUiConfig).noquote() << "invalid configuration:" << error;
    if (message)
        *message = error;
    return false;
}

} // namespace mysqlsync::ui
