#pragma once
// `mysql-sync --check`: validates a configuration against the live database and
// broker and prints the plan, changing nothing. Returns the process exit code.
namespace mysqlsync {
struct Config;
}

int runCheck(const mysqlsync::Config &config);
