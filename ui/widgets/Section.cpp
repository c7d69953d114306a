#include "widgets/Section.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mysqlsync::ui {

Section::Section(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_body(new QWidget(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
}

QString Section::title() const
{
    return m_title->text();
}

} // namespace mysqlsync::ui
