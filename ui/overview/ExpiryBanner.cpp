#include "overview/ExpiryBanner.h"

#include "monitor/ExpiryWatcher.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mysqlsync::ui {

ExpiryBanner::ExpiryBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("expiryBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#expiryBanner { background: #fff3cd; border: 1px solid #d39e00; }"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    hide();
}

QString ExpiryBanner::text() const
{
    return m_label->text();
}

void ExpiryBanner::setNotices(const QList<ExpiryNotice> &notices)
{
    if (notices.isEmpty()) {
        m_label->clear();
        hide();
        return;
    }
    bool expired = false;
    for (const ExpiryNotice &n : notices)
        expired = expired || n.daysLeft < 0;
    m_label->setText(
        QStringLiteral("<b>%1</b> %2 %3")
            .arg((expired ? tr("A certificate has expired.") : tr("A certificate expires soon.")).toHtmlEscaped(),
                 ExpiryWatcher::summary(notices).toHtmlEscaped(),
                 tr("Make new ones with Tools → Secure broker setup (or mysql-sync setup-broker) and "
                    "install them before then.")
                     .toHtmlEscaped()));
    show();
}

} // namespace mysqlsync::ui
