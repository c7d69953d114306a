#include "security/KeychainPasswordField.h"

#include "monitor/UiLogging.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mysqlsync::ui {

namespace {

QString referenceText(const QJsonObject &ref)
{
    if (ref.contains(QStringLiteral("keychain")))
        return KeychainPasswordField::tr("in the keychain as \"%1\" (service %2)")
            .arg(ref.value(QStringLiteral("keychain")).toString(),
                 ref.value(QStringLiteral("service")).toString(SecretStore::defaultService()));
    if (ref.contains(QStringLiteral("env")))
        return KeychainPasswordField::tr("from the environment variable %1")
            .arg(ref.value(QStringLiteral("env")).toString());
    if (ref.contains(QStringLiteral("file")))
        return KeychainPasswordField::tr("from the file %1").arg(ref.value(QStringLiteral("file")).toString());
    return KeychainPasswordField::tr("by reference");
}

} // namespace

KeychainPasswordField::KeychainPasswordField(const QString &key, QWidget *parent)
    : QWidget(parent)
    , m_key(key)
    , m_service(SecretStore::defaultService())
    , m_edit(new QLineEdit(this))
    , m_storeButton(new QPushButton(tr("Store in keychain"), this))
    , m_plain(
          new QCheckBox(tr("Write this password into the configuration file in plain text (not recommended)"), this))
    , m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_edit->setObjectName(key);
    m_edit->setToolTip(key);
    m_edit->setEchoMode(QLineEdit::Password);
    m_storeButton->setObjectName(key + QStringLiteral(".store"));
    m_plain->setObjectName(key + QStringLiteral(".plain"));
    m_status->setObjectName(key + QStringLiteral(".status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_edit, 1);
    row->addWidget(m_storeButton);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_plain);

    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_job)
            return; // a store is running: its result decides (editing again re-stores after it)
        if (text.isEmpty())
            setValue(m_value);
        else
            setState(State::Typed,
                     tr("Not stored yet: it goes to the keychain when you leave the field or press "
                        "\"Store in keychain\"."));
        Q_EMIT changed();
    });
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        if (!m_plain->isChecked())
            store();
    });
    connect(m_storeButton, &QPushButton::clicked, this, &KeychainPasswordField::store);
    connect(m_plain, &QCheckBox::toggled, this, &KeychainPasswordField::changed);
    setValue(QJsonValue::Undefined);
}

void KeychainPasswordField::setValue(const QJsonValue &value)
{
    m_value = value;
    m_error.clear();
    m_edit->clear();
    m_plain->setChecked(false);
    if (value.isObject()) {
        m_edit->setPlaceholderText(tr("unchanged"));
        setState(State::Kept, tr("Kept: %1. Type a new password to replace it.").arg(referenceText(value.toObject())));
    } else if (value.isString() && !value.toString().isEmpty()) {
        // The earlier engine's files hold the password itself: that was the operator's choice,
        // kept until they store it in the keychain.
        m_edit->setText(value.toString());
        m_plain->setChecked(true);
        setState(State::Typed,
                 tr("This password is in plain text in the configuration file. Untick the box below "
                    "and press \"Store in keychain\" to keep it in the keychain instead."));
    } else {
        m_edit->setPlaceholderText(QString());
        setState(State::Empty, tr("No password set."));
    }
}

QJsonValue KeychainPasswordField::value() const
{
    const QString typed = m_edit->text();
    if (!typed.isEmpty())
        return m_plain->isChecked() ? QJsonValue(typed) : m_value;
    return m_value;
}

QString KeychainPasswordField::problem() const
{
    if (m_edit->text().isEmpty() || m_plain->isChecked())
        return QString();
    switch (m_state) {
    case State::Storing:
        return tr("%1: the password is still being stored in the keychain; save again in a moment").arg(m_key);
    case State::Failed:
        return tr("%1: the password was not saved: %2. Unlock the keychain and press \"Store in keychain\", or tick "
                  "\"Write this password into the configuration file in plain text\"")
            .arg(m_key, m_error);
    default:
        return tr("%1: the password typed is not stored yet: press \"Store in keychain\"").arg(m_key);
    }
}

QString KeychainPasswordField::statusText() const
{
    return m_status->text();
}

void KeychainPasswordField::setState(State state, const QString &status)
{
    m_state = state;
    m_status->setText(status);
    m_status->setStyleSheet(state == State::Failed ? QStringLiteral("color: #b00020; font-weight: bold") : QString());
    m_storeButton->setEnabled(state == State::Typed || state == State::Failed);
}

void KeychainPasswordField::store()
{
    const QString typed = m_edit->text();
    if (typed.isEmpty() || m_job)
        return;
    if (m_account.isEmpty() || m_account.startsWith(QLatin1Char('-'))) {
        m_error = tr("set the client name first (the keychain entry is named after it)");
        setState(State::Failed, tr("Not stored: %1.").arg(m_error));
        Q_EMIT stored(false, m_error);
        return;
    }
    auto *job = new SecretJob(SecretJob::Operation::Write, m_service, m_account, this);
    job->setSecret(typed);
    connect(job, &SecretJob::finished, this, &KeychainPasswordField::onStored);
    m_job = job;
    setState(State::Storing, tr("Storing in the keychain as \"%1\"…").arg(m_account));
    qCInfo(lcUiSecurity).noquote() << "storing" << m_key << "in the keychain as" << m_account;
    job->start();
}

void KeychainPasswordField::onStored(SecretJob *job)
{
    m_job = nullptr;
    const bool typedAgain = m_edit->text() != job->secret();
    if (job->error() != SecretJob::Error::NoError) {
        m_error = job->errorString();
        qCWarning(lcUiSecurity).noquote() << m_key << "was not stored in the keychain:" << m_error;
        setState(State::Failed,
                 tr("Not stored in the keychain: %1. The password is not written anywhere: unlock the "
                    "keychain and press \"Store in keychain\" again, or tick the box below.")
                     .arg(m_error));
        Q_EMIT changed();
        Q_EMIT stored(false, m_error);
        return;
    }
    QJsonObject ref{{QStringLiteral("keychain"), m_account}};
    if (m_service != SecretStore::defaultService())
        ref.insert(QStringLiteral("service"), m_service);
    m_value = ref;
    m_error.clear();
    if (typedAgain) {
        // Edited while the job ran: the newer text still has to go.
        setState(State::Typed, tr("Not stored yet."));
        store();
    } else {
        m_edit->clear();
        m_edit->setPlaceholderText(tr("unchanged"));
        setState(State::Stored,
                 tr("Stored %1; the configuration file holds only this reference.").arg(referenceText(ref)));
    }
    Q_EMIT changed();
    Q_EMIT stored(true, QString());
}

} // namespace mysqlsync::ui
