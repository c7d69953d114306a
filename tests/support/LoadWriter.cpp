#include "LoadWriter.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QSqlDatabase>

namespace testsupport {

bool LoadWriter::burst(int transactions, QSet<int> *touched)
{
    Q_ASSERT(!isRunning());
    SiteDatabase db(m_servers, m_site, m_database, SiteDatabase::Attach);
    if (!db.isOpen())
        return false;
    QRandomGenerator rng(m_seed + quint32(m_transactions.load()));
    m_recent.clear();
    for (int i = 0; i < transactions; ++i)
        tick(db, rng);
    if (touched)
        *touched = m_recent;
    return m_failures.load() == 0;
}

void LoadWriter::run()
{
    SiteDatabase db(m_servers, m_site, m_database, SiteDatabase::Attach);
    if (!db.isOpen()) {
        QMutexLocker lock(&m_mutex);
        m_error = QStringLiteral("writer for site %1 cannot connect: %2").arg(QLatin1Char(m_site)).arg(db.lastError());
        return;
    }
    m_connectionId.store(db.scalar(QStringLiteral("SELECT CONNECTION_ID()")).toLongLong());
    QRandomGenerator rng(m_seed + quint32(m_transactions.load()));
    while (!m_stop.load()) {
        QElapsedTimer t;
        t.start();
        tick(db, rng);
        const qint64 left = m_intervalMs - t.elapsed();
        if (left > 0)
            QThread::msleep(quint64(left));
    }
}

void LoadWriter::tick(SiteDatabase &db, QRandomGenerator &rng)
{
    const int n = m_transactions.load();
    QList<int> inserted;
    QVariantList binds;
    QStringList marks;
    for (int i = 0; i < m_rowsPerTick; ++i) {
        const int id = m_nextId + i;
        inserted << id;
        marks << QStringLiteral("(?, ?, ?)");
        binds << id << QStringLiteral("new %1/%2").arg(id).arg(n) << int(rng.bounded(1000));
    }
    QList<int> updated;
    for (int i = 0; i < 3 && m_alive.size() > 10; ++i)
        updated << m_alive.at(int(rng.bounded(qsizetype(m_alive.size()))));
    int deletedIndex = -1;
    if (m_alive.size() > 40)
        deletedIndex = int(rng.bounded(qsizetype(m_alive.size())));
    int revived = -1;
    if (n % 4 == 3 && !m_gone.isEmpty())
        revived = m_gone.at(int(rng.bounded(qsizetype(m_gone.size()))));

    QSqlDatabase conn = db.database();
    bool ok = conn.transaction();
    ok = ok
        && db.exec(QStringLiteral("INSERT INTO items (id, name, qty) VALUES ") + marks.join(QStringLiteral(", ")),
                   binds);
    for (int id : std::as_const(updated)) {
        ok = ok
            && db.exec(QStringLiteral("UPDATE items SET name = ?, qty = qty + ? WHERE id = ?"),
                       {QStringLiteral("upd %1/%2").arg(id).arg(n), int(rng.bounded(1, 50)), id});
    }
    if (deletedIndex >= 0)
        ok = ok && db.exec(QStringLiteral("DELETE FROM items WHERE id = ?"), {m_alive.at(deletedIndex)});
    if (revived >= 0) {
        ok = ok
            && db.exec(QStringLiteral("INSERT INTO items (id, name, qty) VALUES (?, ?, ?)"),
                       {revived, QStringLiteral("back %1/%2").arg(revived).arg(n), int(rng.bounded(1000))});
    }
    ok = ok && conn.commit();
    if (!ok) {
        // A deadlock or the like: nothing of this transaction happened.
        conn.rollback();
        m_failures.fetch_add(1);
        m_transactions.fetch_add(1);
        return;
    }
    m_nextId += m_rowsPerTick;
    QSet<int> changed(inserted.cbegin(), inserted.cend());
    m_alive += inserted;
    for (int id : std::as_const(updated))
        changed.insert(id);
    if (deletedIndex >= 0) {
        const int id = m_alive.takeAt(deletedIndex);
        m_gone << id;
        changed.insert(id);
    }
    if (revived >= 0) {
        m_gone.removeOne(revived);
        m_alive << revived;
        changed.insert(revived);
    }
    m_touched += changed;
    m_recent += changed;
    m_transactions.fetch_add(1);
}

} // namespace testsupport
