#pragma once
// Prometheus' own reading of an exposition text (Debian's python3-prometheus-client, strict
// about the format): tst_metrics and tst_opsendpoints check what GET /metrics writes with it.
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace testsupport {

// Per metric family (the parser's name: a counter's without _total): {"type", "help",
// "samples": [{"name", "labels", "value"}]}. An empty object, and *error, when the parser
// refused the text or could not run.
QJsonObject parsePrometheus(const QByteArray &text, QString *error);

} // namespace testsupport
