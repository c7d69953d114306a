#pragma once
// A banner at the top of the Overview while a certificate of the configuration expires
// within 30 days (or has expired); hidden otherwise.
#include "security/CertificateExpiry.h"

#include <QFrame>

class QLabel;

namespace mysqlsync::ui {

class ExpiryBanner : public QFrame {
    Q_OBJECT
public:
    explicit ExpiryBanner(QWidget *parent = nullptr);
    QString text() const;

public Q_SLOTS:
    void setNotices(const QList<mysqlsync::ExpiryNotice> &notices);

private:
    QLabel *m_label;
};

} // namespace mysqlsync::ui
