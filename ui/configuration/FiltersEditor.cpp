#include "configuration/FiltersEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mysqlsync::ui {

FiltersEditor::FiltersEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_table(new QComboBox(this))
    , m_column(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setMaximumHeight(90);
    layout->addWidget(m_list);
    auto *row = new QHBoxLayout;
    m_table->setEditable(true);
    m_table->setObjectName(QStringLiteral("filterTable"));
    m_table->lineEdit()->setPlaceholderText(tr("table"));
    m_column->setEditable(true);
    m_column->setObjectName(QStringLiteral("filterColumn"));
    m_column->lineEdit()->setPlaceholderText(tr("column"));
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addFilter"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeFilter"));
    row->addWidget(m_table, 1);
    row->addWidget(m_column, 1);
    row->addWidget(add);
    row->addWidget(remove);
    layout->addLayout(row);
    connect(m_table, &QComboBox::currentTextChanged, this, &FiltersEditor::tableChanged);
    connect(add, &QPushButton::clicked, this, [this] { this->add(m_table->currentText(), m_column->currentText()); });
    connect(remove, &QPushButton::clicked, this, &FiltersEditor::removeSelected);
}

void FiltersEditor::setFilters(const QStringList &filters)
{
    m_list->clear();
    m_list->addItems(filters);
}

QStringList FiltersEditor::filters() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void FiltersEditor::setCatalogue(const TableCatalog &catalog)
{
    m_catalog = catalog;
    QStringList tables = catalog.keys();
    std::sort(tables.begin(), tables.end());
    const QString current = m_table->currentText();
    {
        const QSignalBlocker blocker(m_table);
        m_table->clear();
        m_table->addItems(tables);
        m_table->setCurrentText(current);
    }
    tableChanged();
}

void FiltersEditor::tableChanged()
{
    const QString current = m_column->currentText();
    m_column->clear();
    const auto it = m_catalog.constFind(m_table->currentText().trimmed());
    if (it != m_catalog.cend()) {
        for (const ColumnInfo &c : it->columns)
            m_column->addItem(c.name);
    }
    m_column->setCurrentText(current);
}

bool FiltersEditor::add(const QString &table, const QString &column)
{
    const QString filter = table.trimmed() + QLatin1Char('.') + column.trimmed();
    if (table.trimmed().isEmpty() || column.trimmed().isEmpty() || filters().contains(filter))
        return false;
    m_list->addItem(filter);
    Q_EMIT changed();
    return true;
}

void FiltersEditor::removeSelected()
{
    const QList<QListWidgetItem *> items = m_list->selectedItems();
    for (QListWidgetItem *item : items)
        delete item;
    if (!items.isEmpty())
        Q_EMIT changed();
}

} // namespace mysqlsync::ui
