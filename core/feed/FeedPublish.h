#pragma once
// POST /publish as esink defines it: a backend pushes an event itself. The body is JSON with
// `data` (the row, an object), `type` (insert, update, delete), `securityToken`, `userId`,
// `table`, and optionally `timestamp`, `source`, `version`. The answer's status: 200 pushed,
// 400 malformed, 401 no securityToken, 403 a wrong one (or no feed.publishToken configured),
// 500 the feed could not push it.
#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace mysqlsync {

class FeedStream;

class FeedPublish {
public:
    struct Answer {
        int status = 500;
        QJsonObject body; // {"status": "ok"} or {"error": "..."}
    };
    // `keyColumn`: the primary key column of a table the feed knows (empty: "id").
    static Answer handle(const QByteArray &body, const QString &publishToken, FeedStream *stream,
                         const std::function<QString(const QString &table)> &keyColumn);
};

} // namespace mysqlsync
