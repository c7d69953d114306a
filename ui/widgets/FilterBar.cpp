#include "widgets/FilterBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace mysqlsync::ui {

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_first(new QComboBox(this))
    , m_table(new QComboBox(this))
    , m_remote(new QComboBox(this))
    , m_key(new QLineEdit(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    auto *bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    setChoices({}, {});
    m_key->setPlaceholderText(tr("Search key"));
    m_key->setClearButtonEnabled(true);
    bar->addWidget(m_first);
    bar->addWidget(m_table);
    bar->addWidget(m_remote);
    bar->addWidget(m_key, 1);
    bar->addWidget(m_refresh);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &FilterBar::changed);
    connect(m_key, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox *combo : {m_first, m_table, m_remote})
        connect(combo, &QComboBox::currentIndexChanged, this, &FilterBar::changed);
}

void FilterBar::setChoices(const QStringList &tables, const QStringList &remotes)
{
    const QSignalBlocker b1(m_table);
    const QSignalBlocker b2(m_remote);
    m_table->clear();
    m_table->addItem(tr("Any table"), QString());
    for (const QString &t : tables)
        m_table->addItem(t, t);
    m_remote->clear();
    m_remote->addItem(tr("Any remote"), QString());
    for (const QString &r : remotes)
        m_remote->addItem(r, r);
}

} // namespace mysqlsync::ui
