#include "configuration/ConfigForm.h"

#include "config/Config.h"
#include "config/ConfigSchema.h"
#include "configuration/FeedSettings.h"
#include "configuration/FiltersEditor.h"
#include "configuration/TablePicker.h"
#include "database/MappingCheck.h"
#include "monitor/ConflictPoliciesText.h"
#include "monitor/UiLogging.h"
#include "security/SecuritySettings.h"
#include "widgets/Section.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
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

// mqttConfig.servers as text: "host:port" or "protocol://host:port", comma separated.
QString brokersText(const QJsonArray &servers)
{
    QStringList items;
    for (const QJsonValue &v : servers) {
        const QJsonObject o = v.toObject();
        QString item = o.value(QStringLiteral("host")).toString();
        if (o.contains(QStringLiteral("port")))
            item += QLatin1Char(':') + o.value(QStringLiteral("port")).toVariant().toString();
        if (o.contains(QStringLiteral("protocol")))
            item.prepend(o.value(QStringLiteral("protocol")).toString() + QStringLiteral("://"));
        items << item;
    }
    return items.join(QStringLiteral(", "));
}

// The text back as brokers; what does not parse is left for ConfigLoader to name (a port
// that is not a number stays text, a missing one is missing).
QJsonArray brokersValue(const QString &text)
{
    QJsonArray servers;
    for (QString item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        item = item.trimmed();
        if (item.isEmpty())
            continue;
        QJsonObject o;
        const int scheme = item.indexOf(QStringLiteral("://"));
        if (scheme >= 0) {
            o.insert(QStringLiteral("protocol"), item.left(scheme));
            item = item.mid(scheme + 3);
        }
        const int colon = item.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && !item.endsWith(QLatin1Char(']'))) {
            bool ok = false;
            const int port = item.mid(colon + 1).toInt(&ok);
            o.insert(QStringLiteral("port"), ok ? QJsonValue(port) : QJsonValue(item.mid(colon + 1)));
            item = item.left(colon);
        }
        o.insert(QStringLiteral("host"), item);
        servers.append(o);
    }
    return servers;
}

} // namespace

QString ConfigForm::sectionOf(DatabaseKind kind)
{
    return kind == DatabaseKind::Postgres ? QStringLiteral("postgresConfig") : QStringLiteral("mysqlConfig");
}

ConfigForm::ConfigForm(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
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
    // Every key of ConfigSchema in its group; the security group is SecuritySettings'.
    QFormLayout *site = group(left, tr("Site"));
    QFormLayout *db = group(left, tr("Database"));
    left->addStretch();
    QFormLayout *broker = group(right, tr("Broker"));
    // The database kind, then the fields of mysqlConfig or of postgresConfig.
    m_kind->setObjectName(QStringLiteral("databaseKind"));
    m_kind->addItem(tr("MariaDB / MySQL"), QVariant::fromValue(int(DatabaseKind::MariaDb)));
    m_kind->addItem(tr("PostgreSQL"), QVariant::fromValue(int(DatabaseKind::Postgres)));
    m_kind->setToolTip(tr("The site's database: mysqlConfig for MariaDB or MySQL, postgresConfig for PostgreSQL."));
    db->addRow(tr("Database kind"), m_kind);
    auto kindBox = [&](QWidget **box) {
        *box = new QWidget(db->parentWidget());
        auto *form = new QFormLayout(*box);
        form->setContentsMargins(0, 0, 0, 0);
        db->addRow(*box);
        return form;
    };
    QFormLayout *mysqlDb = kindBox(&m_mysqlBox);
    QFormLayout *postgresDb = kindBox(&m_postgresBox);
    for (const ConfigKey &k : ConfigSchema::keys()) {
        switch (k.group) {
        case ConfigKey::Group::Site:
            add(site, k);
            break;
        case ConfigKey::Group::Database:
            add(k.path.startsWith(sectionOf(DatabaseKind::Postgres) + QLatin1Char('.')) ? postgresDb : mysqlDb, k);
            break;
        case ConfigKey::Group::Broker:
            add(broker, k);
            break;
        case ConfigKey::Group::Security:
        case ConfigKey::Group::None:
            break;
        }
    }

    // Passwords (keychain) and TLS files of both connections: SecuritySettings.
    m_security = new SecuritySettings(content);
    right->addWidget(m_security);
    connect(m_security, &SecuritySettings::changed, this, &ConfigForm::changed);
    connect(static_cast<QLineEdit *>(fieldFor(QStringLiteral("clientName"))), &QLineEdit::textChanged, m_security,
            &SecuritySettings::setClientName);
    // The live feed's section (docs/protocol.md, "Live feed").
    m_feed = new FeedSettings(content);
    right->addWidget(m_feed);
    connect(m_feed, &FeedSettings::changed, this, &ConfigForm::changed);
    right->addStretch();

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        showDatabaseKind();
        Q_EMIT changed();
    });
    showDatabaseKind();
}

DatabaseKind ConfigForm::databaseKind() const
{
    return DatabaseKind(m_kind->currentData().toInt());
}

void ConfigForm::setDatabaseKind(DatabaseKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

void ConfigForm::showDatabaseKind()
{
    const bool postgres = databaseKind() == DatabaseKind::Postgres;
    m_mysqlBox->setVisible(!postgres);
    m_postgresBox->setVisible(postgres);
    m_security->setDatabaseKind(databaseKind());
}

bool ConfigForm::otherDatabaseKey(const QString &key) const
{
    const DatabaseKind other =
        databaseKind() == DatabaseKind::Postgres ? DatabaseKind::MariaDb : DatabaseKind::Postgres;
    return key.startsWith(sectionOf(other) + QLatin1Char('.'));
}

void ConfigForm::add(QFormLayout *form, const ConfigKey &k)
{
    Kind kind = Kind::Text;
    switch (k.type) {
    case ConfigKey::Type::Integer:
        kind = Kind::Int;
        break;
    case ConfigKey::Type::Boolean:
        kind = Kind::Bool;
        break;
    case ConfigKey::Type::Choice:
        kind = Kind::Choice;
        break;
    case ConfigKey::Type::ClientNames:
        kind = Kind::List;
        break;
    case ConfigKey::Type::Columns:
        kind = Kind::Filters;
        break;
    case ConfigKey::Type::Tables:
        kind = Kind::Tables;
        break;
    case ConfigKey::Type::Brokers:
        kind = Kind::Brokers;
        break;
    case ConfigKey::Type::ConflictPolicies:
        kind = Kind::Policies;
        break;
    default:
        kind = Kind::Text;
        break;
    }
    const QString &key = k.path;
    const QVariant def = k.defaultValue.toVariant();
    QWidget *editor = nullptr;
    switch (kind) {
    case Kind::Text:
    case Kind::List:
    case Kind::Brokers:
    case Kind::Policies: {
        auto *edit = new QLineEdit(form->parentWidget());
        if (kind == Kind::List)
            edit->setPlaceholderText(tr("comma separated"));
        if (kind == Kind::Brokers)
            edit->setPlaceholderText(tr("host:port, comma separated"));
        if (kind == Kind::Policies)
            edit->setPlaceholderText(tr("table=newest|manual|priority:site_a>site_b, comma separated"));
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
        picker->setSide(key == QLatin1String("receiveTables") ? MappingSide::Receive : MappingSide::Send);
        // An edited entry is checked in the lists as they would be saved, as the engine checks them.
        picker->setValidator([this, key](const QJsonArray &list) {
            const QJsonObject doc = document();
            QJsonObject lists;
            for (const QString &k :
                 {QStringLiteral("syncTables"), QStringLiteral("receiveTables"), QStringLiteral("filters")}) {
                if (doc.contains(k))
                    lists.insert(k, doc.value(k));
            }
            lists.insert(key, list);
            return mappingentry::check(lists, m_catalog, m_filePath);
        });
        connect(picker, &TablePicker::changed, this, &ConfigForm::changed);
        editor = picker;
        break;
    }
    case Kind::Filters: {
        auto *filters = new FiltersEditor(form->parentWidget());
        connect(filters, &FiltersEditor::changed, this, &ConfigForm::changed);
        editor = filters;
        break;
    }
    case Kind::Choice: {
        auto *combo = new QComboBox(form->parentWidget());
        combo->addItems(k.choices);
        connect(combo, &QComboBox::currentTextChanged, this, &ConfigForm::changed);
        editor = combo;
        break;
    }
    }
    editor->setObjectName(key);
    editor->setToolTip(key + QStringLiteral(": ") + k.help);
    form->addRow(QCoreApplication::translate("mysqlsync::ui::ConfigForm", k.label), editor);
    m_fields.append({key, kind, editor, def, k.required});
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
            // Names are picked; mapping objects are kept as they are (shown read-only).
            QStringList items;
            QJsonArray mapped;
            for (const QJsonValue &item : v.toArray()) {
                if (item.isObject())
                    mapped.append(item);
                else
                    items << item.toString();
            }
            static_cast<TablePicker *>(f.editor)->setSelected(items);
            static_cast<TablePicker *>(f.editor)->setMappedEntries(mapped);
            break;
        }
        case Kind::Filters:
            static_cast<FiltersEditor *>(f.editor)->setFilters(v.toVariant().toStringList());
            break;
        case Kind::Brokers:
            static_cast<QLineEdit *>(f.editor)->setText(brokersText(v.toArray()));
            break;
        case Kind::Policies:
            static_cast<QLineEdit *>(f.editor)->setText(ConflictPoliciesText::format(v.toObject()));
            break;
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
    m_feed->setDocument(object);
    setDatabaseKind(object.contains(sectionOf(DatabaseKind::Postgres)) ? DatabaseKind::Postgres
                                                                       : DatabaseKind::MariaDb);
    showDatabaseKind(); // also when the kind was already chosen: SecuritySettings took the document's
    clearMarks();
}

QJsonObject ConfigForm::document() const
{
    QJsonObject out = m_base;
    for (const Field &f : m_fields) {
        if (otherDatabaseKey(f.key))
            continue; // the section is left out below
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
            const QStringList parts =
                static_cast<QLineEdit *>(f.editor)->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &p : parts) {
                if (!p.trimmed().isEmpty())
                    items.append(p.trimmed());
            }
            value = items;
            isDefault = items.isEmpty() && !f.required;
            break;
        }
        case Kind::Tables:
            value = static_cast<TablePicker *>(f.editor)->entries();
            break;
        case Kind::Filters: {
            const QStringList filters = static_cast<FiltersEditor *>(f.editor)->filters();
            value = QJsonArray::fromStringList(filters);
            isDefault = filters.isEmpty() && !f.required;
            break;
        }
        case Kind::Brokers: {
            const QString text = static_cast<QLineEdit *>(f.editor)->text().trimmed();
            if (text == brokersText(valueAt(m_base, f.key).toArray()))
                continue; // unchanged: kept exactly as the file has it
            value = brokersValue(text);
            isDefault = text.isEmpty();
            break;
        }
        case Kind::Policies: {
            const QString text = static_cast<QLineEdit *>(f.editor)->text().trimmed();
            QJsonObject policies;
            QString problem;
            if (text == ConflictPoliciesText::format(valueAt(m_base, f.key).toObject())
                || !ConflictPoliciesText::parse(text, &policies, &problem))
                continue; // unchanged, or not parsed (validate() says why): kept as the file has it
            value = policies;
            isDefault = policies.isEmpty();
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
    m_feed->apply(&out);
    // Exactly one database section: the chosen kind's.
    out.remove(sectionOf(databaseKind() == DatabaseKind::Postgres ? DatabaseKind::MariaDb : DatabaseKind::Postgres));
    return out;
}

QString ConfigForm::textProblem(QString *key) const
{
    for (const Field &f : m_fields) {
        if (f.kind != Kind::Policies)
            continue;
        QJsonObject policies;
        QString problem;
        if (!ConflictPoliciesText::parse(static_cast<QLineEdit *>(f.editor)->text(), &policies, &problem)) {
            *key = f.key;
            return problem;
        }
    }
    return m_feed->problem(key);
}

QString ConfigForm::fieldKeyFor(const QString &key) const
{
    // "remoteClients[1]" is the field remoteClients; "mqttConfig.servers[0].port" the field
    // mqttConfig.servers; "mysqlConfig.ssl.ca" SecuritySettings' own.
    QString path = ConfigSchema::schemaPath(key);
    while (!path.isEmpty()) {
        if (fieldFor(path))
            return path;
        const int dot = path.lastIndexOf(QLatin1Char('.'));
        path = dot < 0 ? QString() : path.left(dot);
        if (path.endsWith(QLatin1String("[]")))
            path.chop(2);
    }
    return {};
}

QWidget *ConfigForm::fieldFor(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return f.editor;
    }
    if (QWidget *feed = m_feed->fieldFor(key))
        return feed;
    return m_security->fieldFor(key);
}

void ConfigForm::setAvailableTables(const QStringList &tables, const QString &error)
{
    for (const Field &f : std::as_const(m_fields)) {
        if (f.kind == Kind::Tables)
            static_cast<TablePicker *>(f.editor)->setAvailable(tables, error);
    }
}

void ConfigForm::setCatalogue(const TableCatalog &catalog)
{
    m_catalog = catalog;
    for (const Field &f : std::as_const(m_fields)) {
        if (f.kind == Kind::Tables)
            static_cast<TablePicker *>(f.editor)->setCatalogue(catalog);
        else if (f.kind == Kind::Filters)
            static_cast<FiltersEditor *>(f.editor)->setCatalogue(catalog);
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
    if (QWidget *marked = m_feed->fieldFor(m_invalidKey))
        marked->setStyleSheet(QString());
    m_invalidKey.clear();
    m_message->clear();
    m_message->hide();
}

bool ConfigForm::validate(const QString &filePath, QString *message, bool typedPasswordsPending)
{
    clearMarks();
    m_filePath = filePath;
    Config config;
    QString error;
    const QByteArray json = QJsonDocument(document()).toJson();
    m_security->setConfigPath(filePath);
    const QString securityProblem = m_security->problem(&m_invalidKey, typedPasswordsPending);
    QString textKey;
    const QString textError = textProblem(&textKey);
    if (!securityProblem.isEmpty()) {
        error = filePath + QStringLiteral(": ") + securityProblem;
    } else if (!textError.isEmpty()) {
        error = filePath + QStringLiteral(": ") + textError;
        m_invalidKey = textKey;
    } else {
        ConfigError loaderError;
        if (ConfigLoader::parse(json, filePath, &config, &loaderError)) {
            // Mappings and filters against the live catalogue, as the engine checks them at start.
            config.filePath = filePath;
            error = MappingCheck::problems(config, m_catalog).value(0);
            if (error.isEmpty())
                return true;
            m_invalidKey = fieldKeyFor(error.mid(filePath.size() + 2).section(QStringLiteral(": "), 0, 0));
        } else {
            error = loaderError.text;
            m_invalidKey = fieldKeyFor(loaderError.key);
        }
    }
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
