#include "monitor/ConsistencyModel.h"

#include "monitor/ConsistencyLoader.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace mysqlsync::ui {

namespace {

QString number(qint64 n)
{
    return QLocale().toString(n);
}

// "0:42", "1:02:03"
QString duration(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    const QString mmss =
        QStringLiteral("%1:%2").arg(m, h > 0 ? 2 : 1, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return h > 0 ? QStringLiteral("%1:%2").arg(h).arg(mmss) : mmss;
}

// The running work of a pair: a verification first (it was asked for), else the load.
bool runningVerify(const ConsistencyModel::Pair &p)
{
    return p.hasLatest && p.latest.state == VerifyRun::State::Running;
}

qint64 workDone(const ConsistencyModel::Pair &p)
{
    return runningVerify(p) ? p.latest.rowsChecked : p.load.rows;
}

} // namespace

bool ConsistencyModel::Pair::verifyPending() const
{
    return hasLatest && (latest.state == VerifyRun::State::Queued || latest.state == VerifyRun::State::Running);
}

ConsistencyModel::ConsistencyModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<ConsistencySnapshot>();
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &ConsistencyModel::refresh);
}

ConsistencyModel::~ConsistencyModel()
{
    retire();
}

void ConsistencyModel::retire()
{
    m_generation.next(); // whatever is still queued is skipped
    m_thread.retire();   // nobody waits here
    m_loader = nullptr;
    m_poll.stop();
}

void ConsistencyModel::setDatabase(const MysqlConfig &mysql)
{
    retire();
    m_snapshots = 0;
    if (!m_pairs.isEmpty()) {
        beginResetModel(); // what the old database said does not hold for the new one
        for (Pair &p : m_pairs)
            p = Pair(p.table, p.remote);
        endResetModel();
    }
    if (!mysql.namesDatabase())
        return;
    m_loader = new ConsistencyLoader(mysql, m_generation.latest());
    connect(m_loader, &ConsistencyLoader::snapshotRead, this, &ConsistencyModel::onSnapshot, Qt::QueuedConnection);
    connect(m_loader, &ConsistencyLoader::readFailed, this, &ConsistencyModel::onReadFailed, Qt::QueuedConnection);
    connect(
        m_loader, &ConsistencyLoader::actionDone, this,
        [this](bool ok, const QString &message) {
            Q_EMIT actionFinished(ok, message);
            refresh(); // show the queued verification or the restarted load at once
        },
        Qt::QueuedConnection);
    m_thread.start(m_loader);
    refresh();
}

void ConsistencyModel::setPairs(const QStringList &tables, const QStringList &remotes)
{
    beginResetModel();
    m_pairs.clear();
    for (const QString &table : tables) {
        for (const QString &remote : remotes)
            m_pairs.append(Pair(table, remote));
    }
    endResetModel();
    refresh();
}

void ConsistencyModel::refresh()
{
    if (!m_loader)
        return;
    m_poll.stop(); // the answer sets the next poll
    const quint64 generation = m_generation.next();
    ConsistencyLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        loader, [=] { loader->read(generation); }, Qt::QueuedConnection);
}

void ConsistencyModel::verify(int row, bool repair)
{
    if (!m_loader || row < 0 || row >= m_pairs.size())
        return;
    const QString table = m_pairs.at(row).table;
    const QString remote = m_pairs.at(row).remote;
    ConsistencyLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        loader, [=] { loader->queueVerify(table, remote, repair); }, Qt::QueuedConnection);
}

void ConsistencyModel::loadAgain(int row)
{
    if (!m_loader || row < 0 || row >= m_pairs.size())
        return;
    const QString table = m_pairs.at(row).table;
    const QString remote = m_pairs.at(row).remote;
    ConsistencyLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        loader, [=] { loader->restartLoad(table, remote); }, Qt::QueuedConnection);
}

void ConsistencyModel::onSnapshot(quint64 generation, const ConsistencySnapshot &snapshot)
{
    if (!m_generation.isCurrent(generation))
        return;
    for (Pair &p : m_pairs) {
        p.hasLoad = p.hasLatest = p.hasFinished = false;
        for (const LoadState &load : snapshot.loads) {
            if (load.table == p.table && load.remote == p.remote) {
                p.hasLoad = true;
                p.load = load;
            }
        }
        for (const VerifyRun &run : snapshot.verifies) { // by id: the newest last
            if (run.table != p.table || run.remote != p.remote)
                continue;
            p.hasLatest = true;
            p.latest = run;
            if (run.state == VerifyRun::State::Done || run.state == VerifyRun::State::Failed) {
                p.hasFinished = true;
                p.finished = run;
            }
        }
        p.total = snapshot.tableRows.value(p.table, -1);
        updateRate(&p, snapshot.readAtMs);
    }
    ++m_snapshots;
    if (!m_pairs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_pairs.size()) - 1, ColumnCount - 1));
    m_poll.start(pollInterval());
    Q_EMIT refreshed();
}

void ConsistencyModel::onReadFailed(quint64 generation, const QString &message)
{
    if (!m_generation.isCurrent(generation))
        return;
    m_poll.start(kIdlePollMs); // the tables may not exist yet: the engine makes them
    Q_EMIT readFailed(message);
}

void ConsistencyModel::updateRate(Pair *p, qint64 nowMs)
{
    QString key;
    qint64 startedAt = 0;
    if (runningVerify(*p)) {
        key = QStringLiteral("verify %1").arg(p->latest.id);
        startedAt = p->latest.startedAt;
    } else if (p->loading()) {
        key = QStringLiteral("load %1").arg(p->load.startedAt);
        startedAt = p->load.startedAt;
    }
    const qint64 done = workDone(*p);
    if (key.isEmpty()) {
        p->workKey.clear();
        p->rate = 0;
        return;
    }
    if (key == p->workKey && nowMs > p->sampleAtMs && done >= p->sampleDone) {
        const double recent = double(done - p->sampleDone) * 1000.0 / double(nowMs - p->sampleAtMs);
        p->rate = p->rate > 0 ? 0.5 * p->rate + 0.5 * recent : recent; // smoothed over the polls
    } else {
        // First seen: the average since the work started.
        p->rate = startedAt > 0 && nowMs > startedAt ? double(done) * 1000.0 / double(nowMs - startedAt) : 0;
    }
    p->workKey = key;
    p->sampleDone = done;
    p->sampleAtMs = nowMs;
}

int ConsistencyModel::rowOf(const QString &table, const QString &remote) const
{
    for (int r = 0; r < m_pairs.size(); ++r) {
        if (m_pairs.at(r).table == table && m_pairs.at(r).remote == remote)
            return r;
    }
    return -1;
}

bool ConsistencyModel::isBusy() const
{
    for (const Pair &p : m_pairs) {
        if (p.verifyPending() || p.loading())
            return true;
    }
    return false;
}

QString ConsistencyModel::timeText(qint64 ms)
{
    if (ms <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString ConsistencyModel::resultText(const VerifyRun &run)
{
    switch (run.state) {
    case VerifyRun::State::Queued:
        return tr("queued");
    case VerifyRun::State::Running:
        return tr("running");
    case VerifyRun::State::Failed:
        return tr("failed: %1").arg(run.message);
    case VerifyRun::State::Done:
        break;
    }
    QStringList parts;
    if (run.differing > 0)
        parts << tr("%1 differ").arg(number(run.differing));
    if (run.missing > 0)
        parts << tr("%1 missing there").arg(number(run.missing));
    if (run.extra > 0)
        parts << tr("%1 extra there").arg(number(run.extra));
    QString text = parts.isEmpty() ? tr("identical") : parts.join(QStringLiteral(", "));
    if (run.repair && run.repaired > 0)
        text += tr(" — %n row(s) sent again", nullptr, int(qMin<qint64>(run.repaired, INT_MAX)));
    return text;
}

QString ConsistencyModel::loadText(const Pair &p)
{
    if (!p.hasLoad)
        return tr("not recorded yet");
    if (p.load.done)
        return p.load.finishedAt > 0 ? tr("loaded %1").arg(timeText(p.load.finishedAt)) : tr("loaded");
    if (p.load.startedAt == 0 && p.load.rows == 0)
        return tr("to be loaded");
    return tr("loading: %1 row(s) sent").arg(number(p.load.rows));
}

double ConsistencyModel::fraction(const Pair &p)
{
    if (!runningVerify(p) && !p.loading())
        return -1;
    if (p.total <= 0)
        return p.total == 0 ? 1.0 : 0.0;
    return qBound(0.0, double(workDone(p)) / double(p.total), 1.0);
}

QString ConsistencyModel::progressText(const Pair &p)
{
    const bool verifying = runningVerify(p);
    if (!verifying && !p.loading()) {
        if (p.hasLatest && p.latest.state == VerifyRun::State::Queued)
            return p.latest.repair ? tr("repair queued") : tr("verification queued");
        return QString();
    }
    const qint64 done = workDone(p);
    QStringList parts;
    parts << (verifying ? (p.latest.repair ? tr("repairing") : tr("verifying")) : tr("loading"));
    if (p.total > 0)
        parts << tr("%1 of %2 rows (%3%)").arg(number(done), number(p.total)).arg(int(fraction(p) * 100.0));
    else
        parts << tr("%1 rows").arg(number(done));
    if (p.rate >= 1) {
        parts << tr("%1 rows/s").arg(number(qint64(p.rate)));
        if (p.total > done)
            parts << tr("%1 left").arg(duration(qint64(double(p.total - done) / p.rate + 0.5)));
    }
    return parts.join(QStringLiteral(" · "));
}

int ConsistencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

int ConsistencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsistencyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Pair &p = m_pairs.at(index.row());
    if (role == FractionRole)
        return index.column() == Progress ? fraction(p) : QVariant();
    if (role == Qt::ToolTipRole && index.column() == Load && p.loadPending() && !p.loading())
        return tr("The engine sends the table's rows when %1 is online").arg(p.remote);
    if (role == Qt::ToolTipRole && index.column() == Result && p.hasFinished)
        return resultText(p.finished); // may be longer than the column
    if (role == Qt::ForegroundRole && index.column() == Result && p.hasFinished) {
        const VerifyRun &r = p.finished;
        const bool same = r.state == VerifyRun::State::Done && r.differing == 0 && r.missing == 0 && r.extra == 0;
        return same ? QColor(Qt::darkGreen) : QColor(Qt::darkRed);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Table:
        return p.table;
    case Remote:
        return p.remote;
    case Verified:
        return p.hasFinished ? timeText(p.finished.finishedAt) : tr("never");
    case Result:
        return p.hasFinished ? resultText(p.finished) : QString();
    case Load:
        return loadText(p);
    case Progress:
        return progressText(p);
    }
    return {};
}

QVariant ConsistencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Table:
        return tr("Table");
    case Remote:
        return tr("Remote");
    case Verified:
        return tr("Last verified");
    case Result:
        return tr("Result");
    case Load:
        return tr("Initial load");
    case Progress:
        return tr("Progress");
    }
    return {};
}

} // namespace mysqlsync::ui
