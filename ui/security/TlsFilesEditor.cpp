#include "security/TlsFilesEditor.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace mysqlsync::ui {

TlsFilesEditor::TlsFilesEditor(const QString &prefix, bool optional, QWidget *parent, const QString &verifyKey)
    : QWidget(parent)
    , m_prefix(prefix)
    , m_verifyKey(verifyKey)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    if (optional) {
        m_enabled = new QCheckBox(tr("Connect over TLS"), this);
        m_enabled->setObjectName(prefix);
        form->addRow(QString(), m_enabled);
        connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
            m_ca->setEnabled(on);
            m_cert->setEnabled(on);
            m_key->setEnabled(on);
            m_verify->setEnabled(on);
            check();
            Q_EMIT changed();
        });
    }
    const QString certs = tr("Certificates (*.crt *.pem *.cer);;All files (*)");
    m_ca = addPicker(form, QStringLiteral("ca"), tr("CA certificate"), certs);
    m_cert = addPicker(form, QStringLiteral("cert"), tr("Client certificate"), certs);
    m_key = addPicker(form, QStringLiteral("key"), tr("Client key"), tr("Keys (*.key *.pem);;All files (*)"));
    m_verify = new QCheckBox(tr("Verify the server's certificate and host name"), this);
    m_verify->setObjectName(prefix + QLatin1Char('.') + verifyKey);
    m_verify->setChecked(true);
    connect(m_verify, &QCheckBox::toggled, this, &TlsFilesEditor::changed);
    form->addRow(QString(), m_verify);
    m_report = new QLabel(this);
    m_report->setObjectName(prefix + QStringLiteral(".report"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_report);
    if (m_enabled)
        m_enabled->toggled(false);
}

QLineEdit *TlsFilesEditor::addPicker(QFormLayout *form, const QString &name, const QString &label,
                                     const QString &filter)
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(m_prefix + QLatin1Char('.') + name);
    edit->setToolTip(edit->objectName());
    auto *browse = new QPushButton(tr("Browse…"), row);
    h->addWidget(edit, 1);
    h->addWidget(browse);
    form->addRow(label, row);
    connect(edit, &QLineEdit::textEdited, this, &TlsFilesEditor::changed);
    connect(edit, &QLineEdit::editingFinished, this, &TlsFilesEditor::check);
    connect(browse, &QPushButton::clicked, this, [this, edit, label, filter] {
        QString start = edit->text();
        if (!start.isEmpty() && QFileInfo(start).isRelative() && !m_baseDir.isEmpty())
            start = m_baseDir + QLatin1Char('/') + start;
        const QString path = QFileDialog::getOpenFileName(this, label, start.isEmpty() ? m_baseDir : start, filter);
        if (path.isEmpty())
            return;
        edit->setText(path);
        check();
        Q_EMIT changed();
    });
    return edit;
}

void TlsFilesEditor::setBaseDirectory(const QString &dir)
{
    m_baseDir = dir;
}

void TlsFilesEditor::setObject(const QJsonObject &object, bool present)
{
    const QSignalBlocker blocker(this);
    m_ca->setText(object.value(QStringLiteral("ca")).toString());
    m_cert->setText(object.value(QStringLiteral("cert")).toString());
    m_key->setText(object.value(QStringLiteral("key")).toString());
    m_hadReject = object.contains(m_verifyKey);
    m_verify->setChecked(object.value(m_verifyKey).toBool(true));
    if (m_enabled)
        m_enabled->setChecked(present);
    check();
}

bool TlsFilesEditor::isEnabledTls() const
{
    return !m_enabled || m_enabled->isChecked();
}

bool TlsFilesEditor::apply(QJsonObject *object) const
{
    if (!isEnabledTls())
        return false;
    const std::pair<const char *, QLineEdit *> files[] = {{"ca", m_ca}, {"cert", m_cert}, {"key", m_key}};
    for (const auto &[name, edit] : files) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            object->remove(QLatin1String(name));
        else
            object->insert(QLatin1String(name), text);
    }
    if (m_hadReject || !m_verify->isChecked())
        object->insert(m_verifyKey, m_verify->isChecked());
    else
        object->remove(m_verifyKey);
    return true;
}

CertificateFilesResult TlsFilesEditor::check()
{
    if (!isEnabledTls()) {
        m_result = {};
        m_report->clear();
        return m_result;
    }
    m_result = CertificateFilesCheck::check(m_prefix, m_ca->text().trimmed(), m_cert->text().trimmed(),
                                            m_key->text().trimmed(), m_baseDir);
    QStringList html;
    for (const QString &line : std::as_const(m_result.lines))
        html << line.toHtmlEscaped();
    for (const QString &w : std::as_const(m_result.warnings))
        html << QStringLiteral("<span style=\"color:#b06000\">%1</span>").arg(w.toHtmlEscaped());
    if (!m_result.ok())
        html << QStringLiteral("<b style=\"color:#b00020\">%1</b>").arg(m_result.problem.toHtmlEscaped());
    m_report->setText(html.join(QStringLiteral("<br>")));
    return m_result;
}

} // namespace mysqlsync::ui
