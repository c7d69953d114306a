#pragma once
// Log lines on stderr: time, level, category, message. Messages never carry secrets:
// the core never formats a password into a log line.
void installLogHandler();
