#pragma once
// Before a connection is opened: does the database server answer, and (mysqlConfig.ssl with
// rejectUnauthorized) does its certificate verify against mysqlConfig.ssl.ca and name
// mysqlConfig.host (security/TlsProbe, which explains a failure in words an operator can act
// on)? Blocking, on any thread; start() runs it on a thread of its own so that the engine's
// thread never waits for DNS or a TCP connect.
#include "config/Config.h"

#include <QObject>

#include <functional>

namespace mysqlsync {

struct ServerCheck {
    enum class State { Answers, Unreachable, Refused };
    State state = State::Answers;
    QString message; // Unreachable, Refused: one sentence naming the problem

    // Blocking: at most about 2 × mysqlConfig.connectTimeoutMs (clamped to 1..10 s).
    static ServerCheck run(const MysqlConfig &config);
    // Runs run() on a thread of its own; `done` is called on `context`'s thread (not at all
    // when `context` is gone by then).
    static void start(const MysqlConfig &config, QObject *context, std::function<void(const ServerCheck &)> done);
};

} // namespace mysqlsync
