#pragma once
#include <functional>

namespace testsupport {

// Checks `condition` every `stepMs` while spinning the event loop (QTest::qWait) in
// between, until it holds (true) or `timeoutMs` passed (false; checked once more at the end).
bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int stepMs = 50);

} // namespace testsupport
