#pragma once
// What GET /metrics and GET /healthz answer, kept from an engine's reports (EngineReports,
// on the thread the Engine lives in): the counters, the apply latency histogram, per remote
// whether it is online and how deep its outbox is, the open conflicts, and whether the
// database and the broker are connected. Gauges of other parts (the feed's clients) are
// added by whoever owns them.
#include "engine/EngineReports.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <functional>

namespace mysqlsync {

class EngineMetrics : public QObject {
    Q_OBJECT
public:
    explicit EngineMetrics(QObject *parent = nullptr);

    // Follows `engine`'s reports from now on (one engine at a time).
    void watch(EngineReports *engine, const QString &site, const QStringList &remotes);
    // A gauge read when the text is built, e.g. the feed's connected clients.
    void addGauge(const QString &name, const QString &help, std::function<double()> read);

    // The Prometheus text (version 0.0.4) of everything above.
    QByteArray prometheusText() const;
    // 200 while the database and the broker are connected: true, with a line saying so.
    bool healthy(QString *why) const;

private:
    struct Remote {
        bool online = false;
        int outboxDepth = 0;
    };
    struct Gauge {
        QString name;
        QString help;
        std::function<double()> read;
    };
    QString m_site;
    bool m_database = false;
    bool m_broker = false;
    QString m_databaseDetail;
    QString m_brokerDetail;
    QMap<QString, Remote> m_remotes;
    EngineCounters m_counters;
    qint64 m_conflictsOpen = 0;
    QList<Gauge> m_gauges;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace mysqlsync
