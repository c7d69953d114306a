#include "PrometheusParse.h"

#include <QJsonDocument>
#include <QProcess>

namespace testsupport {

QJsonObject parsePrometheus(const QByteArray &text, QString *error)
{
    static const char script[] = R"(
import json, sys
from prometheus_client.parser import text_string_to_metric_families
out = {}
for f in text_string_to_metric_families(sys.stdin.read()):
    out[f.name] = {"type": f.type, "help": f.documentation,
                   "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples]}
print(json.dumps(out))
)";
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromLatin1(script)});
    if (!p.waitForStarted(10000)) {
        *error = QStringLiteral("python3 did not start: ") + p.errorString();
        return {};
    }
    p.write(text);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace testsupport
