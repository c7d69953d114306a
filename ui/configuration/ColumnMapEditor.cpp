#include "configuration/ColumnMapEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mysqlsync::ui {

ColumnMapEditor::ColumnMapEditor(const QString &wireHeader, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setHorizontalHeaderLabels({tr("Local column"), wireHeader});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add column"), this);
    add->setObjectName(QStringLiteral("addColumn"));
    auto *all = new QPushButton(tr("Add all columns"), this);
    all->setObjectName(QStringLiteral("addAllColumns"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeColumn"));
    buttons->addWidget(add);
    buttons->addWidget(all);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] { addPair(QString()); });
    connect(all, &QPushButton::clicked, this, &ColumnMapEditor::addAll);
    connect(remove, &QPushButton::clicked, this, &ColumnMapEditor::removeSelected);
    connect(m_table, &QTableWidget::itemChanged, this, &ColumnMapEditor::changed);
}

void ColumnMapEditor::setLocalColumns(const QStringList &columns)
{
    m_columns = columns;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        auto *combo = static_cast<QComboBox *>(m_table->cellWidget(r, 0));
        const QString current = combo->currentText();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItems(columns);
        combo->setCurrentText(current);
    }
}

void ColumnMapEditor::setPairs(const QList<QPair<QString, QString>> &pairs)
{
    const QSignalBlocker blocker(this);
    m_table->setRowCount(0);
    for (const auto &[local, wire] : pairs)
        addPair(local, wire);
}

QList<QPair<QString, QString>> ColumnMapEditor::pairs() const
{
    QList<QPair<QString, QString>> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString local = static_cast<QComboBox *>(m_table->cellWidget(r, 0))->currentText().trimmed();
        const QTableWidgetItem *item = m_table->item(r, 1);
        out.append({local, item ? item->text().trimmed() : QString()});
    }
    return out;
}

void ColumnMapEditor::addPair(const QString &local, const QString &wire)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *combo = new QComboBox(m_table);
    combo->setEditable(true); // a column the catalogue does not list (yet) can be typed
    combo->addItems(m_columns);
    combo->setCurrentText(local);
    m_table->setCellWidget(row, 0, combo);
    {
        const QSignalBlocker blocker(m_table);
        m_table->setItem(row, 1, new QTableWidgetItem(wire.isEmpty() ? local : wire));
    }
    connect(combo, &QComboBox::currentTextChanged, this, [this, combo](const QString &text) {
        // A wire name still equal to the old local name follows the new one.
        for (int r = 0; r < m_table->rowCount(); ++r) {
            if (m_table->cellWidget(r, 0) != combo)
                continue;
            QTableWidgetItem *item = m_table->item(r, 1);
            const QString previous = combo->property("previous").toString();
            if (item && (item->text().isEmpty() || item->text() == previous))
                item->setText(text);
        }
        combo->setProperty("previous", text);
        Q_EMIT changed();
    });
    combo->setProperty("previous", local);
    Q_EMIT changed();
}

void ColumnMapEditor::addAll()
{
    QStringList present;
    for (const auto &pair : pairs())
        present << pair.first;
    for (const QString &column : std::as_const(m_columns)) {
        if (!present.contains(column))
            addPair(column, column);
    }
}

void ColumnMapEditor::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int r : rows)
        m_table->removeRow(r);
    if (!rows.isEmpty())
        Q_EMIT changed();
}

} // namespace mysqlsync::ui
