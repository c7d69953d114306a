#include "transformers/TransformersPage.h"

#include "monitor/EntityDiffModel.h"
#include "monitor/TransformTrialRunner.h"
#include "monitor/TransformerListModel.h"
#include "widgets/Section.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mysqlsync::ui {

namespace {

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->setWordWrap(false);
}

} // namespace

TransformersPage::TransformersPage(QWidget *parent)
    : QWidget(parent)
    , m_list(new TransformerListModel(this))
    , m_runner(new TransformTrialRunner(this))
    , m_diff(new EntityDiffModel(this))
    , m_folder(new QLabel(this))
    , m_files(new QTableView(this))
    , m_table(new QComboBox(this))
    , m_key(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_remote(new QComboBox(this))
    , m_reloadKeys(new QPushButton(tr("Reload rows"), this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_result(new QLabel(this))
    , m_diffView(new QTableView(this))
    , m_sideEffects(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    m_folder->setWordWrap(true);
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_folder);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_files->setModel(m_list);
    setUpTable(m_files);
    splitter->addWidget(m_files);

    auto *trial = new Section(tr("Try it on a row of the database"), this);
    auto *trialLayout = new QVBoxLayout(trial->body());
    auto *choices = new QHBoxLayout;
    m_table->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_key->setEditable(true);
    m_key->setInsertPolicy(QComboBox::NoInsert);
    m_key->lineEdit()->setPlaceholderText(tr("Key"));
    m_key->setMinimumContentsLength(12);
    m_direction->addItem(tr("Outgoing: this site sends to"), false);
    m_direction->addItem(tr("Incoming: this site receives from"), true);
    choices->addWidget(new QLabel(tr("Table"), trial));
    choices->addWidget(m_table);
    choices->addWidget(new QLabel(tr("Row"), trial));
    choices->addWidget(m_key, 1);
    choices->addWidget(m_reloadKeys);
    choices->addWidget(m_direction);
    choices->addWidget(m_remote);
    choices->addWidget(m_run);
    trialLayout->addLayout(choices);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    trialLayout->addWidget(m_result);
    m_diffView->setModel(m_diff);
    setUpTable(m_diffView);
    m_diffView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_diffView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_diffView->setColumnWidth(EntityDiffModel::Before, 320);
    trialLayout->addWidget(m_diffView, 3);
    m_sideEffects->setReadOnly(true);
    m_sideEffects->setPlaceholderText(
        tr("Calls of context.database.query (run against the live database; what they write is rolled back) "
           "and context.mqtt.publish (recorded, not sent) appear here."));
    m_sideEffects->setMaximumBlockCount(2000);
    trialLayout->addWidget(m_sideEffects, 1);
    splitter->addWidget(trial);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    connect(m_list, &TransformerListModel::refreshed, this, &TransformersPage::updateFolder);
    connect(m_files, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QStringList tables = m_list->entry(index.row()).tables;
        if (!tables.isEmpty())
            chooseTable(tables.first());
    });
    connect(m_table, &QComboBox::currentTextChanged, this, [this] {
        loadKeys();
        updateRunnable();
    });
    connect(m_key, &QComboBox::currentTextChanged, this, &TransformersPage::updateRunnable);
    connect(m_remote, &QComboBox::currentTextChanged, this, &TransformersPage::updateRunnable);
    connect(m_reloadKeys, &QPushButton::clicked, this, &TransformersPage::loadKeys);
    connect(m_run, &QPushButton::clicked, this, &TransformersPage::tryIt);
    connect(m_key->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (m_run->isEnabled())
            tryIt();
    });
    connect(m_runner, &TransformTrialRunner::keysListed, this, &TransformersPage::onKeys);
    connect(m_runner, &TransformTrialRunner::finished, this, &TransformersPage::onFinished);
    connect(m_runner, &TransformTrialRunner::runningChanged, this, [this](bool running) {
        m_run->setText(running ? tr("Running…") : tr("Run"));
        updateRunnable();
    });
    updateFolder();
    updateRunnable();
}

void TransformersPage::setConfiguration(const Config &config)
{
    m_config = config;
    m_list->setConfiguration(config.transformerDirectory, config.syncTables, config.receiveTables);
    m_runner->setConfiguration(config);
    m_diff->clear();
    m_result->clear();
    m_sideEffects->clear();
    m_remote->clear();
    m_remote->addItems(config.remoteClients);
    const QSignalBlocker block(m_table);
    m_table->clear();
    m_table->addItems(m_list->tables());
    loadKeys();
    updateRunnable();
}

void TransformersPage::chooseTable(const QString &table)
{
    const int i = m_table->findText(table);
    if (i >= 0)
        m_table->setCurrentIndex(i);
}

void TransformersPage::loadKeys()
{
    m_key->clear();
    if (m_table->currentText().isEmpty() || !m_runner->isConfigured())
        return;
    m_key->lineEdit()->setPlaceholderText(tr("Loading the first rows…"));
    m_runner->listKeys(m_table->currentText());
}

void TransformersPage::onKeys(const QString &table, const QStringList &keys, const QString &error)
{
    if (table != m_table->currentText())
        return;
    const QString typed = m_key->currentText();
    m_key->clear();
    m_key->addItems(keys);
    m_key->setEditText(typed.isEmpty() ? keys.value(0) : typed);
    m_key->lineEdit()->setPlaceholderText(keys.isEmpty() && error.isEmpty() ? tr("The table is empty") : tr("Key"));
    if (!error.isEmpty())
        m_result->setText(tr("Cannot list the rows of %1: %2").arg(table, error));
    updateRunnable();
}

void TransformersPage::tryIt()
{
    TrialRequest request;
    request.table = m_table->currentText();
    request.key = m_key->currentText().trimmed();
    request.incoming = m_direction->currentData().toBool();
    request.remote = m_remote->currentText();
    if (request.table.isEmpty() || request.key.isEmpty() || m_runner->isRunning())
        return;
    m_diff->clear();
    m_sideEffects->clear();
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Running the transformer of %1 on the row %2…").arg(request.table, request.key));
    m_runner->run(request);
}

void TransformersPage::onFinished(const TrialResult &result)
{
    const QString file = QFileInfo(result.file).fileName();
    const QString table = result.request.table;
    const QString where =
        result.request.incoming ? tr("applied here (from %1)").arg(result.source) : tr("sent to %1").arg(result.target);
    QString text;
    bool bad = false;
    switch (result.outcome) {
    case TrialResult::Outcome::Entity:
        m_diff->setEntities(result.before, result.after, true);
        text = tr("%1 returned an entity with %n change(s) in %2 ms; this is what would be %3.", nullptr,
                  m_diff->changedCount())
                   .arg(file)
                   .arg(result.elapsedMs)
                   .arg(where);
        break;
    case TrialResult::Outcome::Unchanged:
        m_diff->setEntities(result.before, result.after, true);
        text = tr("%1 has no transformer (%2 does not exist): the row is %3 unchanged.")
                   .arg(table, QDir::toNativeSeparators(result.file), where);
        break;
    case TrialResult::Outcome::Delete:
        m_diff->setEntities(result.before, {}, false);
        text = tr("Delete (null): %1 returned null, so a delete of the row would be %2.").arg(file, where);
        break;
    case TrialResult::Outcome::Drop:
        m_diff->setEntities(result.before, {}, false);
        text = result.request.incoming
            ? tr("Dropped: %1 returned context.drop, so this change would not be applied (it counts as delivered).")
                  .arg(file)
            : tr("Dropped: %1 returned context.drop, so this change would not be sent to %2 (it counts as delivered).")
                  .arg(file, result.target);
        break;
    case TrialResult::Outcome::Error:
        m_diff->setEntities(result.before, {}, false);
        text = tr("Error: %1").arg(result.error); // names the file and, where known, the line
        bad = true;
        break;
    case TrialResult::Outcome::Failed:
        m_diff->clear();
        text = tr("Cannot try it: %1").arg(result.error);
        bad = true;
        break;
    }
    const bool configured =
        result.request.incoming ? m_config.receiveTables.contains(table) : m_config.syncTables.contains(table);
    if (!configured && result.outcome != TrialResult::Outcome::Failed) {
        text += QLatin1Char(' ')
            + (result.request.incoming ? tr("(%1 is not in receiveTables: the engine never receives it.)").arg(table)
                                       : tr("(%1 is not in syncTables: the engine never sends it.)").arg(table));
    }
    m_result->setStyleSheet(bad ? QStringLiteral("color: #a00000;") : QString());
    m_result->setText(text);

    QStringList lines;
    if (result.outcome != TrialResult::Outcome::Failed)
        lines << tr("context.source = %1, context.target = %2").arg(result.source, result.target);
    for (const QString &q : result.queries)
        lines << tr("context.database.query: %1").arg(q);
    for (const TrialPublish &p : result.published) {
        lines << tr("context.mqtt.publish (recorded, not sent): %1 qos %2%3: %4")
                     .arg(p.topic)
                     .arg(p.qos)
                     .arg(p.retain ? tr(", retained") : QString())
                     .arg(QString::fromUtf8(p.payload.left(2000)));
    }
    m_sideEffects->setPlainText(lines.join(QLatin1Char('\n')));
}

QString TransformersPage::resultText() const
{
    return m_result->text();
}

QString TransformersPage::sideEffectsText() const
{
    return m_sideEffects->toPlainText();
}

void TransformersPage::updateFolder()
{
    m_files->resizeColumnToContents(TransformerListModel::File);
    m_files->resizeColumnToContents(TransformerListModel::Tables);
    const QString problem = m_list->problem();
    if (!problem.isEmpty()) {
        m_folder->setText(problem);
        return;
    }
    int files = 0;
    int unmatched = 0;
    int withoutFile = 0;
    for (int i = 0; i < m_list->rowCount(); ++i) {
        switch (m_list->entry(i).state) {
        case TransformerListModel::EntryState::Matched:
            ++files;
            break;
        case TransformerListModel::EntryState::NoTable:
            ++files;
            ++unmatched;
            break;
        case TransformerListModel::EntryState::NoFile:
            ++withoutFile;
            break;
        }
    }
    QString text = tr("Folder %1: %n file(s)", nullptr, files).arg(QDir::toNativeSeparators(m_list->directory()));
    if (unmatched > 0)
        text += tr(", %n matching no configured table", nullptr, unmatched);
    if (withoutFile > 0)
        text += tr(", %n table(s) without a transformer", nullptr, withoutFile);
    m_folder->setText(text + QLatin1Char('.'));
}

void TransformersPage::updateRunnable()
{
    const bool ready = m_runner->isConfigured() && !m_runner->isRunning() && !m_table->currentText().isEmpty()
        && !m_key->currentText().trimmed().isEmpty() && !m_remote->currentText().isEmpty();
    m_run->setEnabled(ready);
    m_reloadKeys->setEnabled(m_runner->isConfigured() && !m_table->currentText().isEmpty());
    m_run->setToolTip(m_remote->count() == 0 ? tr("The configuration names no remoteClients.") : QString());
}

} // namespace mysqlsync::ui
