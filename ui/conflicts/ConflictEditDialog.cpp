#include "conflicts/ConflictEditDialog.h"

#include "monitor/EntityDiffModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mysqlsync::ui {

ConflictEditDialog::ConflictEditDialog(const ConflictRecord &conflict, QWidget *parent)
    : QDialog(parent)
    , m_conflict(conflict)
    , m_table(new QTableWidget(this))
    , m_message(new QLabel(this))
    , m_fromLocal(new QPushButton(tr("Start from this site's"), this))
    , m_fromRemote(new QPushButton(tr("Start from the remote's"), this))
{
    setWindowTitle(tr("Edit and keep — %1, key %2").arg(conflict.table, conflict.key));
    const QJsonObject local = conflict.localVersion.toObject();
    const QJsonObject remote = conflict.remoteVersion.toObject();
    m_columns = local.keys();
    for (const QString &name : remote.keys()) {
        if (!m_columns.contains(name))
            m_columns << name;
    }
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Values in JSON: \"text\", 12, null. Anything else is taken as text. "
                               "The row is written here and sent to every site."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *starts = new QHBoxLayout;
    m_fromLocal->setEnabled(conflict.localVersion.isObject());
    m_fromRemote->setEnabled(conflict.remoteVersion.isObject());
    starts->addWidget(m_fromLocal);
    starts->addWidget(m_fromRemote);
    starts->addStretch();
    layout->addLayout(starts);
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Value")});
    m_table->setRowCount(int(m_columns.size()));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < m_columns.size(); ++r) {
        auto *name = new QTableWidgetItem(m_columns.at(r));
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, new QTableWidgetItem);
    }
    layout->addWidget(m_table, 1);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->hide();
    layout->addWidget(m_message);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setText(tr("Keep this row"));
    connect(box, &QDialogButtonBox::accepted, this, &ConflictEditDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &ConflictEditDialog::reject);
    layout->addWidget(box);
    connect(m_fromLocal, &QPushButton::clicked, this, [this] { startFrom(true); });
    connect(m_fromRemote, &QPushButton::clicked, this, [this] { startFrom(false); });
    startFrom(conflict.localVersion.isObject());
    resize(560, 420);
}

void ConflictEditDialog::startFrom(bool local)
{
    const QJsonValue version = local ? m_conflict.localVersion : m_conflict.remoteVersion;
    if (!version.isObject())
        return;
    const QJsonObject row = version.toObject();
    for (int r = 0; r < m_columns.size(); ++r) {
        const QString &name = m_columns.at(r);
        m_table->item(r, 1)->setText(row.contains(name) ? EntityDiffModel::valueText(row.value(name))
                                                        : QStringLiteral("null"));
    }
}

QString ConflictEditDialog::valueText(const QString &column) const
{
    const int r = int(m_columns.indexOf(column));
    return r < 0 ? QString() : m_table->item(r, 1)->text();
}

void ConflictEditDialog::setValueText(const QString &column, const QString &text)
{
    const int r = int(m_columns.indexOf(column));
    if (r >= 0)
        m_table->item(r, 1)->setText(text);
}

QJsonValue ConflictEditDialog::parseValue(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
        return doc.array().at(0);
    return text;
}

QJsonObject ConflictEditDialog::edited() const
{
    QJsonObject row;
    for (int r = 0; r < m_columns.size(); ++r)
        row.insert(m_columns.at(r), parseValue(m_table->item(r, 1)->text()));
    return row;
}

QString ConflictEditDialog::problem() const
{
    if (m_columns.isEmpty())
        return tr("Neither version has a row to start from.");
    return {};
}

void ConflictEditDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_message->setText(why);
        m_message->show();
        return;
    }
    QDialog::accept();
}

} // namespace mysqlsync::ui
