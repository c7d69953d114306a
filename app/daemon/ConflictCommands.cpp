#include "ConflictCommands.h"
#include "SiteCommand.h"

#include "config/Config.h"
#include "database/Catalog.h"
#include "database/ConflictStore.h"
#include "database/DbConnection.h"
#include "engine/ConflictSettlement.h"

#include <QDateTime>
#include <QHostInfo>
#include <QJsonDocument>
#include <QTextStream>

using namespace mysqlsync;

namespace {

QString jsonText(const QJsonValue &v)
{
    return v.isObject() ? QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
                        : QStringLiteral("null");
}

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODateWithMs);
}

const char kUsage[] = "usage: mysql-sync conflicts CONFIG [--all]\n"
                      "       mysql-sync settle CONFIG ID keep-local|take-remote|edit JSON\n";

} // namespace

int runConflictCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    // arguments: program, command, CONFIG, ...
    const QString command = arguments.value(1);
    const QStringList rest = arguments.mid(2);
    const bool list = command == QLatin1String("conflicts");
    if (rest.isEmpty() || rest.contains(QStringLiteral("--help")) || (list && rest.size() > 2)
        || (!list && rest.size() < 3)) {
        (rest.contains(QStringLiteral("--help")) ? out : err) << kUsage;
        return rest.contains(QStringLiteral("--help")) ? 0 : 2;
    }
    Config config;
    std::unique_ptr<DbConnection> site;
    if (!openSite(rest.first(), QStringLiteral("mysql-sync-conflicts"), &config, &site, err))
        return 1;
    DbConnection &db = *site;
    QString error;
    if (list) {
        ConflictFilter filter;
        if (rest.value(1) == QLatin1String("--all"))
            filter.state = ConflictFilter::State::Any;
        else if (rest.size() == 1)
            filter.state = ConflictFilter::State::Open;
        else {
            err << kUsage;
            return 2;
        }
        qint64 before = 0;
        int shown = 0;
        for (;;) {
            QList<ConflictRecord> page;
            if (!ConflictStore::readPage(db.db(), filter, before, 500, &page, &error)) {
                err << "mysql-sync: " << error << "\n";
                return 1;
            }
            for (const ConflictRecord &c : std::as_const(page)) {
                out << c.id << "\t" << c.table << "\t" << c.key << "\t" << c.localSite << " vs " << c.remoteSite << "\t"
                    << c.policy << "\tdetected " << when(c.detectedAt) << "\t"
                    << (c.isOpen() ? QStringLiteral("open")
                                   : QStringLiteral("settled (%1) by %2 at %3")
                                         .arg(c.winner ? conflictOutcomeText(*c.winner) : QStringLiteral("?"),
                                              c.settledBy, when(c.settledAt)))
                    << "\n\tlocal:  " << jsonText(c.localVersion) << "\n\tremote: " << jsonText(c.remoteVersion)
                    << "\n";
                ++shown;
            }
            if (page.size() < 500)
                break;
            before = page.last().id;
        }
        out << shown << " conflict(s)\n";
        return 0;
    }

    bool ok = false;
    const qint64 id = rest.at(1).toLongLong(&ok);
    const QString how = rest.at(2);
    ConflictOutcome choice = ConflictOutcome::Local;
    QJsonValue edited;
    if (!ok || id <= 0) {
        err << "mysql-sync: settle: expected a conflict id, got \"" << rest.at(1) << "\"\n";
        return 2;
    }
    if (how == QLatin1String("keep-local") && rest.size() == 3) {
        choice = ConflictOutcome::Local;
    } else if (how == QLatin1String("take-remote") && rest.size() == 3) {
        choice = ConflictOutcome::Remote;
    } else if (how == QLatin1String("edit") && rest.size() == 4) {
        choice = ConflictOutcome::Edited;
        QJsonParseError parse{};
        const QJsonDocument doc = QJsonDocument::fromJson(rest.at(3).toUtf8(), &parse);
        if (!doc.isObject()) {
            err << "mysql-sync: settle: the edited row must be a JSON object: " << parse.errorString() << "\n";
            return 2;
        }
        edited = doc.object();
    } else {
        err << kUsage;
        return 2;
    }
    QHash<QString, TableInfo> tables;
    QStringList problems;
    (void)Catalog::load(db.db(), config.configuredTables(), &tables, &problems);
    const QString by = QStringLiteral("%1@%2").arg(qEnvironmentVariable("USER", QStringLiteral("operator")),
                                                   QHostInfo::localHostName());
    const ConflictSettlement::Result r = ConflictSettlement::settle(db.db(), config, tables, id, choice, edited, by);
    if (!r.ok) {
        err << "mysql-sync: " << r.error << "\n";
        return 1;
    }
    out << "conflict " << id << " settled (" << conflictOutcomeText(choice) << "); " << r.settled
        << " open conflict(s) of " << r.conflict.table << " " << r.conflict.key
        << " closed; the engine sends the row to every site\n";
    return 0;
}
