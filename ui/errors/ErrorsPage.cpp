#include "errors/ErrorsPage.h"

#include "monitor/CsvWriter.h"
#include "monitor/ErrorsModel.h"
#include "widgets/PlainTextDelegate.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mysqlsync::ui {

ErrorsPage::ErrorsPage(ErrorsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter (any column)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &ErrorsPage::setFilterText);
    bar->addWidget(m_filter, 1);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(exportButton, &QPushButton::clicked, this, &ErrorsPage::exportInteractive);
    bar->addWidget(exportButton);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    connect(clearButton, &QPushButton::clicked, model, &ErrorsModel::clear);
    bar->addWidget(clearButton);
    layout->addLayout(bar);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new PlainTextDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setColumnWidth(ErrorsModel::Time,
                           m_view->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000")) + 24);
    layout->addWidget(m_view);
}

void ErrorsPage::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
}

bool ErrorsPage::exportCsv(const QString &path, QString *error) const
{
    return CsvWriter::writeFile(*m_proxy, path, error);
}

void ErrorsPage::exportInteractive()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export errors"), QStringLiteral("errors.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export errors"), error);
}

} // namespace mysqlsync::ui
