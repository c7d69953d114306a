#include "configuration/TablePicker.h"

#include "configuration/MappingDialog.h"
#include "monitor/TableListModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mysqlsync::ui {

TablePicker::TablePicker(QWidget *parent)
    : QWidget(parent)
    , m_model(new TableListModel(this))
    , m_view(new QListView(this))
    , m_name(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_mappedList(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setModel(m_model);
    m_view->setMinimumHeight(90);
    m_view->setMaximumHeight(160);
    layout->addWidget(m_view);
    auto *row = new QHBoxLayout;
    m_name->setPlaceholderText(tr("another table name"));
    auto *add = new QPushButton(tr("Add"), this);
    row->addWidget(m_name, 1);
    row->addWidget(add);
    layout->addLayout(row);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    // Mapped entries: other names, a column map, rights.
    m_mappedList->setMaximumHeight(90);
    m_mappedList->setToolTip(tr("Tables mapped under other names or columns, or with rights; double-click to edit"));
    layout->addWidget(m_mappedList);
    auto *mapRow = new QHBoxLayout;
    auto *map = new QPushButton(tr("Map a table…"), this);
    map->setObjectName(QStringLiteral("mapTable"));
    auto *edit = new QPushButton(tr("Edit…"), this);
    edit->setObjectName(QStringLiteral("editMapping"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeMapping"));
    mapRow->addWidget(map);
    mapRow->addWidget(edit);
    mapRow->addWidget(remove);
    mapRow->addStretch();
    layout->addLayout(mapRow);

    connect(add, &QPushButton::clicked, this, &TablePicker::addTyped);
    connect(m_name, &QLineEdit::returnPressed, this, &TablePicker::addTyped);
    connect(m_model, &TableListModel::checkedChanged, this, [this] {
        updateStatus();
        Q_EMIT changed();
    });
    connect(map, &QPushButton::clicked, this, [this] { editMapping(-1); });
    connect(edit, &QPushButton::clicked, this, [this] {
        if (m_mappedList->currentRow() >= 0)
            editMapping(m_mappedList->currentRow());
    });
    connect(m_mappedList, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { editMapping(m_mappedList->row(item)); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int r = m_mappedList->currentRow();
        if (r < 0 || r >= m_mapped.size())
            return;
        m_mapped.removeAt(r);
        updateMappedList();
        Q_EMIT changed();
    });
    updateStatus();
    updateMappedList();
}

void TablePicker::addTyped()
{
    m_model->addName(m_name->text());
    m_name->clear();
}

void TablePicker::setSelected(const QStringList &names)
{
    const QSignalBlocker blocker(this);
    m_model->setChecked(names);
    updateStatus();
}

QStringList TablePicker::selected() const
{
    return m_model->checked();
}

void TablePicker::setMappedEntries(const QJsonArray &entries)
{
    m_mapped = entries;
    updateMappedList();
}

QJsonArray TablePicker::entries() const
{
    QJsonArray out = QJsonArray::fromStringList(selected());
    for (const QJsonValue &entry : m_mapped)
        out.append(entry);
    return out;
}

void TablePicker::updateMappedList()
{
    m_mappedList->clear();
    for (const QJsonValue &v : std::as_const(m_mapped)) {
        const QJsonObject o = v.toObject();
        const QString table = o.value(QStringLiteral("table")).toString();
        const QString other = o.contains(QStringLiteral("from")) ? o.value(QStringLiteral("from")).toString()
                                                                 : o.value(QStringLiteral("as")).toString();
        QString text = other.isEmpty() || other == table ? table : tr("%1 (as %2)").arg(table, other);
        QStringList notes;
        const int columns = int(o.value(QStringLiteral("columns")).toObject().size());
        if (columns > 0)
            notes << tr("%n column(s)", nullptr, columns);
        if (o.contains(QStringLiteral("update")))
            notes << tr("updates: %1")
                         .arg(o.value(QStringLiteral("update")).toVariant().toStringList().join(QStringLiteral(", ")));
        if (!o.value(QStringLiteral("insert")).toBool(true))
            notes << tr("no insert");
        if (!o.value(QStringLiteral("delete")).toBool(true))
            notes << tr("no delete");
        if (o.value(QStringLiteral("mirror")).toBool())
            notes << tr("mirror");
        if (!notes.isEmpty())
            text += QStringLiteral(" — ") + notes.join(QStringLiteral("; "));
        m_mappedList->addItem(text);
    }
    m_mappedList->setVisible(!m_mapped.isEmpty());
}

QString TablePicker::mappedText() const
{
    QStringList lines;
    for (int i = 0; i < m_mappedList->count(); ++i)
        lines << m_mappedList->item(i)->text();
    return lines.join(QLatin1Char('\n'));
}

QJsonArray TablePicker::candidate(int row, const QJsonValue &entry) const
{
    QStringList names = selected();
    QJsonArray mapped = m_mapped;
    const QString table = mappingentry::tableOf(entry);
    if (entry.isString()) {
        if (row >= 0 && row < mapped.size())
            mapped.removeAt(row);
        if (!names.contains(table))
            names << table;
    } else {
        names.removeAll(table);
        if (row >= 0 && row < mapped.size())
            mapped.replace(row, entry);
        else
            mapped.append(entry);
    }
    QJsonArray out = QJsonArray::fromStringList(names);
    for (const QJsonValue &v : std::as_const(mapped))
        out.append(v);
    return out;
}

void TablePicker::apply(int row, const QJsonValue &entry)
{
    const QJsonArray list = candidate(row, entry);
    QStringList names;
    QJsonArray mapped;
    for (const QJsonValue &v : list) {
        if (v.isString())
            names << v.toString();
        else
            mapped.append(v);
    }
    m_mapped = mapped;
    {
        const QSignalBlocker blocker(m_model);
        m_model->setChecked(names);
    }
    updateStatus();
    updateMappedList();
    Q_EMIT changed();
}

MappingDialog *TablePicker::editMapping(int row)
{
    auto *dialog = new MappingDialog(m_side, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCatalogue(m_catalog);
    if (row >= 0 && row < m_mapped.size()) {
        dialog->setEntry(m_mapped.at(row));
    } else {
        row = -1;
        const QModelIndex current = m_view->currentIndex();
        dialog->setEntry(QJsonValue());
        if (current.isValid())
            dialog->tableCombo()->setCurrentText(current.data().toString());
    }
    dialog->setValidator(
        [this, row](const QJsonValue &entry) { return m_validator ? m_validator(candidate(row, entry)) : QString(); });
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] { apply(row, dialog->entry()); });
    dialog->open();
    return dialog;
}

void TablePicker::setAvailable(const QStringList &tables, const QString &error)
{
    m_error = error;
    m_model->setAvailable(tables, error.isEmpty());
    updateStatus();
}

QString TablePicker::statusText() const
{
    return m_status->text();
}

void TablePicker::updateStatus()
{
    QString text;
    if (!m_error.isEmpty())
        text = tr("The database's tables could not be listed: %1").arg(m_error);
    else if (!m_model->hasAvailable())
        text = tr("The database's tables are not listed yet: Test database lists them.");
    const QStringList unknown = m_model->unknownChecked();
    if (!unknown.isEmpty())
        text = tr("Not in the database: %1").arg(unknown.join(QStringLiteral(", ")));
    m_status->setText(text);
    m_status->setStyleSheet(unknown.isEmpty() ? QString() : QStringLiteral("color: #b00020"));
    m_status->setVisible(!text.isEmpty());
}

} // namespace mysqlsync::ui
