#include "monitor/TransformerListModel.h"

#include "monitor/UiLogging.h"
#include "transform/TransformerName.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace mysqlsync::ui {

TransformerListModel::TransformerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(100);
    connect(&m_settle, &QTimer::timeout, this, &TransformerListModel::refresh);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settle.start(); });
}

void TransformerListModel::setConfiguration(const QString &directory, const QStringList &syncTables,
                                            const QStringList &receiveTables)
{
    m_directory = directory;
    m_tables.syncTables = syncTables;
    m_tables.receiveTables = receiveTables;
    refresh();
}

QStringList TransformerListModel::tables() const
{
    QStringList all = m_tables.configuredTables();
    all.sort();
    return all;
}

void TransformerListModel::watch(const QString &path)
{
    const QStringList watched = m_watcher.directories();
    if (watched.size() == 1 && watched.first() == path)
        return;
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
    if (!path.isEmpty() && !m_watcher.addPath(path))
        qCWarning(lcUi).noquote() << "cannot watch" << path << "for transformer changes";
}

void TransformerListModel::refresh()
{
    QList<Entry> entries;
    QString problem;
    const QStringList configured = tables();
    if (m_directory.isEmpty()) {
        problem =
            tr("No transformer folder is configured (transformerDirectory): rows are sent and received unchanged.");
        watch(QString());
    } else {
        const QFileInfo info(m_directory);
        if (!info.exists()) {
            problem = tr("The transformer folder %1 does not exist.").arg(QDir::toNativeSeparators(m_directory));
            // Wait for it to appear: watch the nearest folder that exists.
            QDir parent(m_directory);
            while (!parent.exists() && parent.cdUp()) { }
            watch(parent.exists() ? parent.absolutePath() : QString());
        } else if (!info.isDir()) {
            problem = tr("%1 is not a folder.").arg(QDir::toNativeSeparators(m_directory));
            watch(info.absolutePath());
        } else {
            watch(info.absoluteFilePath());
            const QDir dir(m_directory);
            if (!info.isReadable())
                problem = tr("The transformer folder %1 cannot be read.").arg(QDir::toNativeSeparators(m_directory));
            // Case-insensitive, so a "productItems.JS" the engine would never load shows up
            // as matching no table instead of being silently left out.
            const QStringList files =
                dir.entryList({QStringLiteral("*.js")}, QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
            QStringList matchedTables;
            for (const QString &file : files) {
                Entry e;
                e.file = file;
                for (const QString &table : configured) {
                    if (transformerFileName(table) == file)
                        e.tables << table;
                }
                e.state = e.tables.isEmpty() ? EntryState::NoTable : EntryState::Matched;
                matchedTables += e.tables;
                entries << e;
            }
            for (const QString &table : configured) {
                if (!matchedTables.contains(table))
                    entries << Entry{transformerFileName(table), {table}, EntryState::NoFile};
            }
        }
    }
    if (entries != m_entries) {
        beginResetModel();
        m_entries = entries;
        endResetModel();
    }
    m_problem = problem;
    Q_EMIT refreshed();
}

int TransformerListModel::rowOfTable(const QString &table) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).tables.contains(table))
            return i;
    }
    return -1;
}

QString TransformerListModel::directionText(const QString &table) const
{
    const bool send = m_tables.syncTables.contains(table);
    const bool receive = m_tables.receiveTables.contains(table);
    if (send && receive)
        return tr("%1 (send and receive)").arg(table);
    return send ? tr("%1 (send)").arg(table) : tr("%1 (receive)").arg(table);
}

int TransformerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TransformerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransformerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case File:
            return e.state == EntryState::NoFile ? tr("(no %1)").arg(e.file) : e.file;
        case Tables: {
            QStringList parts;
            for (const QString &t : e.tables)
                parts << directionText(t);
            return parts.join(QStringLiteral(", "));
        }
        case State:
            switch (e.state) {
            case EntryState::Matched:
                return tr("transforms %n table(s)", nullptr, int(e.tables.size()));
            case EntryState::NoTable:
                return tr("matches no configured table");
            case EntryState::NoFile:
                return tr("no transformer: rows pass unchanged");
            }
        }
        return {};
    case Qt::ToolTipRole:
        switch (e.state) {
        case EntryState::Matched:
            return tr("%1 runs for every change of %2.")
                .arg(QDir(m_directory).filePath(e.file), e.tables.join(QStringLiteral(", ")));
        case EntryState::NoTable:
            return tr("No table of syncTables or receiveTables is named %1 in camel case, so the engine never "
                      "runs this file (product_items, product-items and \"product items\" all match productItems.js).")
                .arg(QFileInfo(e.file).completeBaseName());
        case EntryState::NoFile:
            return tr("Create %1 to transform the rows of %2.")
                .arg(QDir::toNativeSeparators(QDir(m_directory).filePath(e.file)), e.tables.value(0));
        }
        return {};
    case Qt::ForegroundRole:
        if (e.state == EntryState::NoTable)
            return QColor(Qt::darkRed);
        if (e.state == EntryState::NoFile)
            return QColor(Qt::darkGray);
        return {};
    case StateRole:
        return int(e.state);
    case TablesRole:
        return e.tables;
    default:
        return {};
    }
}

QVariant TransformerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case File:
        return tr("File");
    case Tables:
        return tr("Tables");
    case State:
        return tr("State");
    default:
        return {};
    }
}

} // namespace mysqlsync::ui
