#pragma once
// The JavaScript side of TransformerHost, evaluated once per engine:
// (function (global, bridge) { … return { load, invoke, drop } })
//
// - Sandbox: removes every global that is not an ECMAScript built-in (Qt adds URL and
//   URLSearchParams), installs its own Promise, and makes every global binding read-only
//   and non-configurable, so one transformer cannot replace JSON or Promise for the others.
// - Promise: a complete Promise (then/catch/finally, resolve/reject/all/allSettled/race/any)
//   whose jobs go to a queue that invoke() drains before it returns. Qt 6.4's own Promise
//   posts its jobs as events to a private, parentless QObject (QV4::Promise::ReactionHandler)
//   that no public API can reach: sendPostedEvents(engine) does not deliver them and
//   sendPostedEvents(nullptr, type) would deliver other objects' events too (re-entering
//   engine work). With the queue in JavaScript a change is transformed synchronously,
//   deterministically and without touching the event loop. A transformer has no timers or
//   I/O, so a Promise still pending once the queue is empty can never settle: an error.
// - The async runner (AsyncTranspiler::kRunnerName) drives the generators the transpiler
//   makes of async functions.
// - context.database/mysql.query and context.mqtt.publish call the C++ bridge, which only
//   the runtime's closure can see.
#include <QString>

namespace mysqlsync {

QString transformRuntimeSource();

} // namespace mysqlsync
