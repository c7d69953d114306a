# Integration tests: real private servers (two MariaDB, one Mosquitto) started by
# tests/harness/servers.sh as the CTest fixture "servers", in ${CMAKE_BINARY_DIR}/test-servers.
# This file is include()d from tests/CMakeLists.txt: CMAKE_CURRENT_SOURCE_DIR is tests/.
#
# Run by hand:   ctest --test-dir build -L integration --output-on-failure
# Keep servers:  bash tests/harness/servers.sh start build/test-servers  (then the fixture
#                start is a no-op and the tests reuse them; stop with ... stop build/test-servers)

set(MYSQL_SYNC_TEST_SERVERS_DIR ${CMAKE_BINARY_DIR}/test-servers)

add_test(NAME servers_start
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/harness/servers.sh start ${MYSQL_SYNC_TEST_SERVERS_DIR})
set_tests_properties(servers_start PROPERTIES
    FIXTURES_SETUP servers
    LABELS integration
    TIMEOUT 180)

add_test(NAME servers_stop
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/harness/servers.sh stop ${MYSQL_SYNC_TEST_SERVERS_DIR})
set_tests_properties(servers_stop PROPERTIES
    FIXTURES_CLEANUP servers
    LABELS integration
    TIMEOUT 120)

# ---------------------------------------------------------------------------
# Integration tests are registered below this line, one per file, e.g.
#   mysql_sync_add_test(NAME tst_something SOURCES integration/tst_something.cpp
#                       LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
# ---------------------------------------------------------------------------
mysql_sync_add_test(NAME tst_harness SOURCES integration/tst_harness.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
mysql_sync_add_test(NAME tst_sync SOURCES integration/tst_sync.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
mysql_sync_add_test(NAME tst_sync_codec SOURCES integration/tst_sync_codec.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
mysql_sync_add_test(NAME tst_hostile SOURCES integration/tst_hostile.cpp integration/tst_hostile.h
                    integration/tst_hostile_refused.cpp integration/tst_hostile_malformed.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
mysql_sync_add_test(NAME tst_resilience SOURCES integration/tst_resilience.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 1200)
mysql_sync_add_test(NAME tst_daemon SOURCES integration/tst_daemon.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# Keychain (QtKeychain over a private gnome-keyring on a private D-Bus session) and TLS
# (a real Mosquitto made by `mysql-sync setup-broker`). Labels keychain and tls.
# (CMake 3.25 has no TEST_LAUNCHER: the wrapper is the test's command.)
add_executable(tst_keychain integration/tst_keychain.cpp)
target_link_libraries(tst_keychain PRIVATE sync_security Qt6::Test mysql_sync_warnings)
add_test(NAME tst_keychain
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/harness/with-keyring.sh $<TARGET_FILE:tst_keychain>)
set_tests_properties(tst_keychain PROPERTIES LABELS keychain TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
mysql_sync_add_test(NAME tst_tls SOURCES integration/tst_tls.cpp
                    LIBS mysqlsync_testsupport sync_security LABELS "integration;tls" FIXTURES servers TIMEOUT 900)
# Issue 13: setup-broker's ACL binds the extension channel to the sender's login (a Mosquitto
# of its own, started with BrokerSetup's files; no fixture needed).
mysql_sync_add_test(NAME tst_extacl SOURCES integration/tst_extacl.cpp
                    LIBS mysqlsync_testsupport sync_security LABELS "integration;tls" TIMEOUT 300)
mysql_sync_add_test(NAME tst_transformers SOURCES integration/tst_transformers.cpp
                    LIBS mysqlsync_testsupport LABELS "integration;transformers" FIXTURES servers TIMEOUT 600)
mysql_sync_add_test(NAME tst_engine_commands SOURCES integration/tst_engine_commands.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# Heartbeats go on while the engine's thread waits for the database (a row lock).
mysql_sync_add_test(NAME tst_heartbeat SOURCES integration/tst_heartbeat.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# mysqlConfig.ssl: a private MariaDB with TLS of its own (no fixture needed).
mysql_sync_add_test(NAME tst_dbtls SOURCES integration/tst_dbtls.cpp
                    LIBS sync_database sync_security mysqlsync_testsupport Qt6::Network LABELS "integration;tls" TIMEOUT 600)
# Issue 11 (integrity): one program per group of failures, each reproduced against real servers.
foreach(t tst_receipts tst_uniquekey tst_schemachange tst_badrows tst_relayloop tst_statuswriter)
  mysql_sync_add_test(NAME ${t} SOURCES integration/${t}.cpp
                      LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
endforeach()
# Issue 11: character sets and SQL modes (NO_BACKSLASH_ESCAPES, ANSI_QUOTES, latin1), retained messages.
mysql_sync_add_test(NAME tst_charsets SOURCES integration/tst_charsets.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
mysql_sync_add_test(NAME tst_retained SOURCES integration/tst_retained.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# A damaged outbox file is moved aside and what is owed rebuilt from sync_status (issue 11).
mysql_sync_add_test(NAME tst_outbox_damage SOURCES integration/tst_outbox_damage.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# Transformers are contained: their own database connection with a statement time limit (issue 11).
mysql_sync_add_test(NAME tst_transform_containment SOURCES integration/tst_transform_containment.cpp
                    LIBS mysqlsync_testsupport LABELS "integration;transformers" FIXTURES servers TIMEOUT 600)
# Issue 11 (integrity): only configured remotes are heard (an in-process engine: counters, log).
mysql_sync_add_test(NAME tst_senders SOURCES integration/tst_senders.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# Issue 11: floods (10,000 names, 100,000 error receipts) leave the daemon's RSS flat.
mysql_sync_add_test(NAME tst_flood SOURCES integration/tst_flood.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
# Issue 11: a remote whose clock is a minute behind is online (and goes offline on time).
mysql_sync_add_test(NAME tst_clockskew SOURCES integration/tst_clockskew.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 300)
# The "Relayed" counter: relays owed to other remotes only (two, three and four sites).
mysql_sync_add_test(NAME tst_relaycount SOURCES integration/tst_relaycount.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers)
# Issue 13: the fast path between our engines (batches, per-row peers, rollbacks, kill -9, forged senders).
mysql_sync_add_test(NAME tst_fastpath SOURCES integration/tst_fastpath.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
mysql_sync_add_test(NAME tst_conflicts SOURCES integration/tst_conflicts.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
# Table and column mapping, receive rights, filters (issue 16).
mysql_sync_add_test(NAME tst_mapping SOURCES integration/tst_mapping.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# Issue 14: initial load of the rows a sync table already holds (resumable, not repeated).
mysql_sync_add_test(NAME tst_initialload SOURCES integration/tst_initialload.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 900)
# Issue 14: verify and repair between two engines (mysql-sync verify).
mysql_sync_add_test(NAME tst_verify SOURCES integration/tst_verify.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# Issue 14: --check compares each sync table with each online remote through the running engine.
mysql_sync_add_test(NAME tst_startcheck SOURCES integration/tst_startcheck.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 300)
# Issue 18: the live feed of a real daemon (WebSocket clients, the slow-client drop, HTTP).
mysql_sync_add_test(NAME tst_feed SOURCES integration/tst_feed.cpp integration/tst_feed.h
                    integration/tst_feed_clients.cpp
                    LIBS mysqlsync_testsupport Qt6::WebSockets LABELS integration FIXTURES servers TIMEOUT 600)
# Issue 18, scale-out: an engine with feed.publishStream and two standalone feed servers.
mysql_sync_add_test(NAME tst_feedscaleout SOURCES integration/tst_feedscaleout.cpp
                    LIBS mysqlsync_testsupport Qt6::WebSockets LABELS integration FIXTURES servers TIMEOUT 300)
# Issue 18: the example page docs/examples/feed.html in headless Chromium against a daemon's feed.
mysql_sync_add_test(NAME tst_feedpage SOURCES integration/tst_feedpage.cpp
                    LIBS mysqlsync_testsupport Qt6::WebSockets Qt6::Network LABELS integration browser
                    FIXTURES servers TIMEOUT 300)
# Issue 17: PostgreSQL sites' foundation (connection, catalogue, engine tables) against the
# harness's private PostgreSQL server.
mysql_sync_add_test(NAME tst_pgcatalog SOURCES integration/tst_pgcatalog.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 300)
# Issue 18, operations: GET /metrics (Prometheus' parser) and GET /healthz on http.listen.
mysql_sync_add_test(NAME tst_opsendpoints SOURCES integration/tst_opsendpoints.cpp
                    LIBS mysqlsync_testsupport Qt6::Network Qt6::WebSockets LABELS integration FIXTURES servers TIMEOUT 300)
# Issue 18: esink's clients: a socket.io v4 client from npm (tests/node, package-lock.json) gets
# the {table} and changes events. node_modules_install puts its modules in the build directory
# (from npm's cache when it has them, else from the registry).
add_test(NAME node_modules_install
         COMMAND sh -c "mkdir -p '${CMAKE_BINARY_DIR}/tests-node' && cp '${CMAKE_SOURCE_DIR}/tests/node/package.json' '${CMAKE_SOURCE_DIR}/tests/node/package-lock.json' '${CMAKE_BINARY_DIR}/tests-node/' && cd '${CMAKE_BINARY_DIR}/tests-node' && (npm ci --offline --no-audit --no-fund || npm ci --no-audit --no-fund)")
set_tests_properties(node_modules_install PROPERTIES LABELS integration TIMEOUT 300 FIXTURES_SETUP node_modules)
mysql_sync_add_test(NAME tst_feedsocketio SOURCES integration/tst_feedsocketio.cpp
                    LIBS mysqlsync_testsupport Qt6::Network LABELS integration FIXTURES servers TIMEOUT 300)
set_tests_properties(tst_feedsocketio PROPERTIES FIXTURES_REQUIRED "servers;node_modules")
set_property(TEST tst_feedsocketio APPEND PROPERTY ENVIRONMENT
             "MYSQL_SYNC_NODE_MODULES=${CMAKE_BINARY_DIR}/tests-node/node_modules")
# Issue 17: a MariaDB site and a PostgreSQL site synchronising end to end.
mysql_sync_add_test(NAME tst_pgsync SOURCES integration/tst_pgsync.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 600)
# Issue 17: a PostgreSQL server restarted under its engine, a settlement's wake-up, transformer queries.
mysql_sync_add_test(NAME tst_pgsites SOURCES integration/tst_pgsites.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 300)
# Issue 17: seed 003's fan-out from a PostgreSQL site to a PostgreSQL and a MariaDB site, engines stopped mid-stream.
mysql_sync_add_test(NAME tst_pgfanout SOURCES integration/tst_pgfanout.cpp
                    LIBS mysqlsync_testsupport LABELS integration FIXTURES servers TIMEOUT 300)
