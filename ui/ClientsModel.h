#pragma once
// Every configured remote and every client seen on /info: online, `until` as a countdown,
// last heartbeat, outbox depth. Fed by the engine's remoteStateChanged/outboxDepthChanged.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QTimer>

#include <functional>

namespace mysqlsync::ui {

class ClientsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Online, Until, LastHeartbeat, OutboxDepth, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ClientsModel(QObject *parent = nullptr);

    // Forgets everyone and lists the configured remotes (offline until heard from).
    void setConfiguredRemotes(const QStringList &remotes);
    // The clock (ms since epoch) used for countdowns; tests pass their own.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void onRemoteState(const QString &name, bool online, qint64 until);
    void onOutboxDepth(const QString &remote, int depth);

private:
    struct Client {
        QString name;
        bool configured = false;
        bool online = false;
        qint64 until = 0;          // ms since epoch
        qint64 lastHeartbeat = 0;  // ms since epoch, 0: never
        int outboxDepth = 0;
    };
    int rowOf(const QString &name);   // adds the client when unknown
    void tick();                      // refreshes the countdown column
    QString countdown(qint64 until) const;

    QList<Client> m_clients;
    QTimer m_ticker;
    std::function<qint64()> m_clock;
};

} // namespace mysqlsync::ui
