#pragma once
// Every configured remote and every client seen on /info: online, `until` as a countdown,
// last heartbeat, outbox depth (the engine's remoteStateChanged/outboxDepthChanged), the
// pending and error rows of sync_status per remote (counted off the GUI thread by a
// StatusCountsPoller every few seconds) and, for an offline remote, an estimate of the time
// to catch up: its outbox depth divided by the recent send rate (setSendRate), and the clock
// skew the engine measured from its heartbeats (onClockSkew), and the path the engine serves it on
// (onRemotePath: our batch channel or the per-row protocol) with its rows per message.
#include "monitor/StatusCountsLoader.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QTimer>

#include <functional>

namespace mysqlsync::ui {

class StatusCountsPoller;

class ClientsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Online,
        Until,
        LastHeartbeat,
        OutboxDepth,
        Pending,
        Errors,
        CatchUp,
        ClockSkew,
        Path,
        RowsPerMessage,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ClientsModel(QObject *parent = nullptr);
    ~ClientsModel() override;

    // Forgets everyone and lists the configured remotes (offline until heard from).
    void setConfiguredRemotes(const QStringList &remotes);
    // The clock (ms since epoch) used for countdowns; tests pass their own.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    // Counts pending and error rows in `mysql`'s sync_status from now on (empty database
    // name: stop); the counts are unknown (blank) until the first answer.
    void setDatabase(const mysqlsync::MysqlConfig &mysql);
    // Counts again now (e.g. the engine has just created sync_status).
    void refreshCounts();

    // "about 2 min 5 s" for `seconds`; used for the catch-up estimate.
    static QString durationText(qint64 seconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void onRemoteState(const QString &name, bool online, qint64 until);
    void onOutboxDepth(const QString &remote, int depth);
    // Its clock minus ours, in ms (the engine's estimate at its last heartbeat).
    void onClockSkew(const QString &name, qint64 skewMs);
    // The engine's remotePathChanged: `path` "batch" or "per-row", rows sent per MQTT message
    // on it so far (0: nothing sent yet, shown blank).
    void onRemotePath(const QString &name, const QString &path, double rowsPerMessage);
    // Rows of sync_status per remote; remotes not in `counts` have none.
    void setStatusCounts(const mysqlsync::StatusCountsByRemote &counts);
    // The recent rows/s sent (0 or less: no rate known yet).
    void setSendRate(double rowsPerSecond);

Q_SIGNALS:
    // Counting failed (the message names the problem); the last counts stay shown.
    void countsFailed(const QString &message);
    void countsLoaded();

private:
    struct Client {
        QString name;
        bool configured = false;
        bool online = false;
        qint64 until = 0;         // ms since epoch
        qint64 lastHeartbeat = 0; // ms since epoch, 0: never
        int outboxDepth = 0;
        bool skewKnown = false;
        qint64 skewMs = 0;
        QString path;              // the engine's word, empty: not reported
        double rowsPerMessage = 0; // 0: unknown
    };
    int rowOf(const QString &name); // adds the client when unknown
    void tick();                    // refreshes the countdown column
    QString countdown(qint64 until) const;
    static QString skewText(qint64 skewMs);
    static QString pathText(const QString &path);
    QVariant catchUp(const Client &c, int role) const;
    // Seconds to send `c`'s outbox at the send rate: -1 unknown (no rate), 0 nothing owed.
    qint64 catchUpSeconds(const Client &c) const;
    void columnChanged(int column);

    QList<Client> m_clients;
    StatusCountsByRemote m_counts;
    bool m_countsKnown = false;
    double m_sendRate = 0;
    QTimer m_ticker;
    std::function<qint64()> m_clock;
    StatusCountsPoller *m_poller;
};

} // namespace mysqlsync::ui
