#pragma once
// A titled section of a page: a bold heading over its content. Used instead of QGroupBox on
// the pages that are shown often: Fusion paints a group box's frame by blending a nine-patch
// image over the whole box on every repaint (QGroupBox::setFlat changes nothing there), the
// largest single cost of switching to such a page.
#include <QWidget>

class QLabel;

namespace mysqlsync::ui {

class Section : public QWidget {
    Q_OBJECT
public:
    explicit Section(const QString &title, QWidget *parent = nullptr);

    // Where the section's content goes: give it a layout.
    QWidget *body() const { return m_body; }
    QString title() const;

private:
    QLabel *m_title;
    QWidget *m_body;
};

} // namespace mysqlsync::ui
