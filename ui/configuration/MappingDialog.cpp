#include "configuration/MappingDialog.h"

#include "configuration/ColumnMapEditor.h"
#include "monitor/UiLogging.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>

namespace mysqlsync::ui {

namespace {

QString canonical(const QJsonValue &v)
{
    // QJsonDocument holds objects and arrays only: a plain name is wrapped.
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

} // namespace

MappingDialog::MappingDialog(MappingSide side, QWidget *parent)
    : QDialog(parent)
    , m_side(side)
    , m_table(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_mapColumns(new QCheckBox(this))
    , m_columns(new ColumnMapEditor(side == MappingSide::Send ? tr("Published as") : tr("Remote column"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const bool send = side == MappingSide::Send;
    setWindowTitle(send ? tr("Sync table mapping") : tr("Receive table mapping"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_table->setEditable(true); // a table the catalogue does not list (yet) can be typed
    m_table->setObjectName(QStringLiteral("table"));
    form->addRow(tr("Local table"), m_table);
    m_name->setObjectName(send ? QStringLiteral("as") : QStringLiteral("from"));
    m_name->setPlaceholderText(tr("the local table's name"));
    m_name->setToolTip(send ? tr("\"as\": the name remotes receive this table under")
                            : tr("\"from\": the name the remote sends this table under"));
    form->addRow(send ? tr("Published as") : tr("Received from"), m_name);
    layout->addLayout(form);

    m_mapColumns->setText(send ? tr("Publish only these columns, under these names")
                               : tr("Write only these columns (remote column → local column)"));
    m_mapColumns->setToolTip(tr("\"columns\"; unticked: every column under its own name"));
    layout->addWidget(m_mapColumns);
    layout->addWidget(m_columns);
    m_columns->setEnabled(false);
    connect(m_mapColumns, &QCheckBox::toggled, m_columns, &QWidget::setEnabled);
    connect(m_mapColumns, &QCheckBox::toggled, this, &MappingDialog::refreshUpdateList);
    connect(m_columns, &ColumnMapEditor::changed, this, &MappingDialog::refreshUpdateList);

    if (!send) {
        m_limitUpdates = new QCheckBox(tr("A remote may change only the ticked columns of an existing row"), this);
        m_limitUpdates->setToolTip(tr("\"update\"; unticked: every column it writes"));
        m_update = new QListWidget(this);
        m_update->setMaximumHeight(120);
        m_update->setEnabled(false);
        connect(m_limitUpdates, &QCheckBox::toggled, m_update, &QWidget::setEnabled);
        m_insert = new QCheckBox(tr("A remote may add rows (\"insert\")"), this);
        m_delete = new QCheckBox(tr("A remote may delete rows (\"delete\")"), this);
        m_mirror =
            new QCheckBox(tr("Mirror: after an initial load, delete the rows the source lacks (\"mirror\")"), this);
        layout->addWidget(m_limitUpdates);
        layout->addWidget(m_update);
        layout->addWidget(m_insert);
        layout->addWidget(m_delete);
        layout->addWidget(m_mirror);
    }

    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    m_error->hide();
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MappingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MappingDialog::reject);
    connect(m_table, &QComboBox::currentTextChanged, this, &MappingDialog::tableChanged);
    setEntry(QJsonValue());
}

void MappingDialog::setCatalogue(const TableCatalog &catalog)
{
    m_catalog = catalog;
    QStringList tables = catalog.keys();
    std::sort(tables.begin(), tables.end());
    const QString current = m_table->currentText();
    const QSignalBlocker blocker(m_table);
    m_table->clear();
    m_table->addItems(tables);
    m_table->setCurrentText(current);
    tableChanged();
}

void MappingDialog::tableChanged()
{
    QStringList columns;
    const auto it = m_catalog.constFind(m_table->currentText().trimmed());
    if (it != m_catalog.cend()) {
        for (const ColumnInfo &c : it->columns)
            columns << c.name;
    }
    m_columns->setLocalColumns(columns);
    refreshUpdateList();
}

void MappingDialog::refreshUpdateList()
{
    if (!m_update)
        return;
    QStringList candidates;
    if (m_mapColumns->isChecked()) {
        for (const auto &pair : m_columns->pairs()) {
            if (!pair.first.isEmpty() && !candidates.contains(pair.first))
                candidates << pair.first;
        }
    } else {
        candidates = m_columns->localColumns();
    }
    QStringList checked;
    for (int i = 0; i < m_update->count(); ++i) {
        if (m_update->item(i)->checkState() == Qt::Checked)
            checked << m_update->item(i)->text();
    }
    for (const QString &c : std::as_const(checked)) {
        if (!candidates.contains(c))
            candidates << c; // kept visible, so that a column no longer mapped can be unticked
    }
    m_update->clear();
    for (const QString &c : std::as_const(candidates)) {
        auto *item = new QListWidgetItem(c, m_update);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(c) ? Qt::Checked : Qt::Unchecked);
    }
}

void MappingDialog::setEntry(const QJsonValue &entry)
{
    m_original = entry;
    m_originalCanonical.clear();
    m_error->hide();
    QString table = mappingentry::tableOf(entry);
    QString name;
    QList<QPair<QString, QString>> pairs;
    QStringList update;
    bool limited = false, insert = true, remove = true, mirror = false;
    QString error;
    if (!entry.isNull()) {
        if (m_side == MappingSide::Send) {
            SendMapping m;
            if (mappingentry::readSend(entry, &m, &error)) {
                table = m.table;
                name = m.as;
                for (auto it = m.columns.cbegin(); it != m.columns.cend(); ++it)
                    pairs.append({it.key(), it.value()});
                m_originalCanonical = canonical(m.toJson());
            }
        } else {
            ReceiveMapping m;
            if (mappingentry::readReceive(entry, &m, &error)) {
                table = m.table;
                name = m.from;
                for (auto it = m.columns.cbegin(); it != m.columns.cend(); ++it)
                    pairs.append({it.value(), it.key()});
                limited = m.updateListed;
                update = m.update;
                insert = m.insert;
                remove = m.remove;
                mirror = m.mirror;
                m_originalCanonical = canonical(m.toJson());
            }
        }
    }
    m_table->setCurrentText(table);
    tableChanged();
    m_name->setText(name == table ? QString() : name);
    m_mapColumns->setChecked(!pairs.isEmpty());
    m_columns->setPairs(pairs);
    if (m_update) {
        m_update->clear();
        for (const QString &c : std::as_const(update)) {
            auto *item = new QListWidgetItem(c, m_update);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        refreshUpdateList();
        m_limitUpdates->setChecked(limited);
        m_insert->setChecked(insert);
        m_delete->setChecked(remove);
        m_mirror->setChecked(mirror);
    }
    if (!error.isEmpty())
        showError(error);
}

QJsonValue MappingDialog::edited(QString *error) const
{
    const QString table = m_table->currentText().trimmed();
    if (table.isEmpty()) {
        *error = tr("Choose the local table.");
        return {};
    }
    const QString name = m_name->text().trimmed().isEmpty() ? table : m_name->text().trimmed();
    QMap<QString, QString> columns; // as the file keys them: local (send) or remote (receive) first
    if (m_mapColumns->isChecked()) {
        const auto pairs = m_columns->pairs();
        if (pairs.isEmpty()) {
            *error = tr("Add the columns to map, or untick \"%1\".").arg(m_mapColumns->text());
            return {};
        }
        for (int r = 0; r < pairs.size(); ++r) {
            const auto &[local, wire] = pairs.at(r);
            if (local.isEmpty() || wire.isEmpty()) {
                *error = tr("Row %1 of the column map needs both column names.").arg(r + 1);
                return {};
            }
            const QString key = m_side == MappingSide::Send ? local : wire;
            if (columns.contains(key)) {
                *error = m_side == MappingSide::Send
                    ? tr("Local column `%1` is listed twice in the column map.").arg(key)
                    : tr("Remote column `%1` is listed twice in the column map.").arg(key);
                return {};
            }
            columns.insert(key, m_side == MappingSide::Send ? wire : local);
        }
    }
    QJsonValue value;
    if (m_side == MappingSide::Send) {
        SendMapping m;
        m.table = table;
        m.as = name;
        m.columns = columns;
        value = m.toJson();
    } else {
        ReceiveMapping m;
        m.table = table;
        m.from = name;
        m.columns = columns;
        m.updateListed = m_limitUpdates->isChecked();
        for (int i = 0; m.updateListed && i < m_update->count(); ++i) {
            if (m_update->item(i)->checkState() == Qt::Checked)
                m.update << m_update->item(i)->text();
        }
        m.insert = m_insert->isChecked();
        m.remove = m_delete->isChecked();
        m.mirror = m_mirror->isChecked();
        value = m.toJson();
    }
    if (!m_original.isNull() && canonical(value) == m_originalCanonical)
        return m_original; // unchanged: exactly as the file had it
    return value;
}

QJsonValue MappingDialog::entry() const
{
    QString error;
    return edited(&error);
}

QString MappingDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void MappingDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    qCInfo(lcUiConfig).noquote() << "mapping not accepted:" << text;
}

void MappingDialog::accept()
{
    QString error;
    const QJsonValue value = edited(&error);
    if (error.isEmpty() && m_validator)
        error = m_validator(value);
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    m_error->hide();
    QDialog::accept();
}

} // namespace mysqlsync::ui
