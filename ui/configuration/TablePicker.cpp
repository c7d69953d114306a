#include "configuration/TablePicker.h"

#include "monitor/TableListModel.h"

#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace mysqlsync::ui {

TablePicker::TablePicker(QWidget *parent)
    : QWidget(parent)
    , m_model(new TableListModel(this))
    , m_view(new QListView(this))
    , m_name(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_mappedLabel(new QLabel(this))
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
    m_mappedLabel->setWordWrap(true);
    m_mappedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_mappedLabel->hide();
    layout->addWidget(m_mappedLabel);

    connect(add, &QPushButton::clicked, this, &TablePicker::addTyped);
    connect(m_name, &QLineEdit::returnPressed, this, &TablePicker::addTyped);
    connect(m_model, &TableListModel::checkedChanged, this, [this] {
        updateStatus();
        Q_EMIT changed();
    });
    updateStatus();
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
    QStringList items;
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        const QString table = o.value(QStringLiteral("table")).toString();
        const QString other = o.contains(QStringLiteral("from")) ? o.value(QStringLiteral("from")).toString()
                                                                   : o.value(QStringLiteral("as")).toString();
        items << (other.isEmpty() || other == table ? table : tr("%1 (as %2)").arg(table, other));
    }
    m_mappedLabel->setText(items.isEmpty() ? QString()
                                           : tr("Mapped in the configuration file (kept as they are; edit them "
                                                "there): %1")
                                                 .arg(items.join(QStringLiteral(", "))));
    m_mappedLabel->setVisible(!items.isEmpty());
}

QString TablePicker::mappedText() const
{
    return m_mappedLabel->text();
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
