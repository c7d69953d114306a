#pragma once
// A snapshot of a running feed for the desktop app's Feed page: its clients and what was lost.
// Made on the feed's thread (FeedService::requestReport) and handed over by value.
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mysqlsync {

struct FeedClientReport {
    quintptr id = 0;           // stable while the client is connected
    QString user;              // empty until its token was accepted
    QString peer;              // address:port
    QStringList subscriptions; // "table" or "table/key"
    qint64 sent = 0;           // frames written to it so far
    qint64 dropped = 0;        // frames it never got
    int queued = 0;            // frames waiting for its socket
};

struct FeedReport {
    quint16 port = 0;
    QList<FeedClientReport> clients;
    qint64 droppedClients = 0; // clients dropped because they did not keep up, since the start
    qint64 droppedChanges = 0; // changes the feed fell too far behind to push
    qint64 streamLost = 0;     // changes not published on the broker's stream (publishStream)
};

} // namespace mysqlsync

Q_DECLARE_METATYPE(mysqlsync::FeedReport)
