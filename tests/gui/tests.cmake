# Desktop app tests (Qt Widgets, offscreen), label gui. include()d from tests/CMakeLists.txt:
# CMAKE_CURRENT_SOURCE_DIR is tests/. Run: ctest --test-dir build -L gui --output-on-failure
mysql_sync_add_test(NAME tst_ratetracker   SOURCES gui/tst_ratetracker.cpp   LIBS sync_monitor LABELS gui)
mysql_sync_add_test(NAME tst_clientsmodel  SOURCES gui/tst_clientsmodel.cpp  LIBS sync_monitor LABELS gui)
mysql_sync_add_test(NAME tst_errorsmodel   SOURCES gui/tst_errorsmodel.cpp   LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_syncstatusquery SOURCES gui/tst_syncstatusquery.cpp LIBS sync_monitor LABELS gui)
mysql_sync_add_test(NAME tst_configform    SOURCES gui/tst_configform.cpp    LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_trayfallback  SOURCES gui/tst_trayfallback.cpp  LIBS sync_ui LABELS gui)
# Against the harness's real MariaDB (fixture "servers"): 200,000 sync_status rows.
mysql_sync_add_test(NAME tst_syncstatusmodel SOURCES gui/tst_syncstatusmodel.cpp gui/StallMeter.h
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers TIMEOUT 600)
mysql_sync_add_test(NAME tst_pausesync     SOURCES gui/tst_pausesync.cpp     LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_syncstatusactions SOURCES gui/tst_syncstatusactions.cpp LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_stateicon     SOURCES gui/tst_stateicon.cpp     LIBS sync_ui LABELS gui)
# Also label package: the issue's check that both catalogues load and translate the main window.
mysql_sync_add_test(NAME tst_language      SOURCES gui/tst_language.cpp      LIBS sync_ui LABELS gui package)
mysql_sync_add_test(NAME tst_autostart     SOURCES gui/tst_autostart.cpp     LIBS sync_monitor LABELS gui)
mysql_sync_add_test(NAME tst_settingsdialog SOURCES gui/tst_settingsdialog.cpp LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_ratechart     SOURCES gui/tst_ratechart.cpp     LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_plaintextdelegate SOURCES gui/tst_plaintextdelegate.cpp LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_remotenotifier SOURCES gui/tst_remotenotifier.cpp LIBS sync_monitor LABELS gui)
# Pending/error counts per remote against the harness's MariaDB (fixture "servers").
mysql_sync_add_test(NAME tst_statuscountspoller SOURCES gui/tst_statuscountspoller.cpp
                    LIBS sync_ui mysqlsync_testsupport Qt6::Network LABELS gui FIXTURES servers)
mysql_sync_add_test(NAME tst_transformerlistmodel SOURCES gui/tst_transformerlistmodel.cpp LIBS sync_monitor LABELS gui)
mysql_sync_add_test(NAME tst_entitydiffmodel SOURCES gui/tst_entitydiffmodel.cpp LIBS sync_monitor LABELS gui)
# The Transformers tab's "try it" on the harness's MariaDB (fixture "servers"); runs JavaScript.
mysql_sync_add_test(NAME tst_transformtrialrunner SOURCES gui/tst_transformtrialrunner.cpp gui/StallMeter.h
                    LIBS sync_ui mysqlsync_testsupport LABELS gui transformers FIXTURES servers)
# Security (issue 4, desktop half): under a private gnome-keyring (tests/harness/with-keyring.sh,
# as tst_keychain); the wizard test starts its own Mosquitto with the files it made.
foreach(t tst_securitysettings tst_brokersetupwizard)
  add_executable(${t} gui/${t}.cpp)
  target_link_libraries(${t} PRIVATE sync_ui mysqlsync_testsupport Qt6::Test mysql_sync_warnings)
  add_test(NAME ${t} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/harness/with-keyring.sh $<TARGET_FILE:${t}>)
  set_tests_properties(${t} PROPERTIES LABELS "gui;keychain" TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endforeach()
mysql_sync_add_test(NAME tst_expirybanner SOURCES gui/tst_expirybanner.cpp LIBS sync_ui LABELS gui)
# Configuration page: table picker, connection tests (harness servers), first run, async passwords.
mysql_sync_add_test(NAME tst_tablelistmodel SOURCES gui/tst_tablelistmodel.cpp gui/StallMeter.h
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers)
mysql_sync_add_test(NAME tst_connectiontestpanel SOURCES gui/tst_connectiontestpanel.cpp gui/StallMeter.h
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers)
# Passwords read from / stored in the keychain: inside a private gnome-keyring
# (tests/harness/with-keyring.sh, as tst_keychain). Labels gui and keychain.
foreach(name tst_asyncsecretresolver tst_firstrunpage)
  add_executable(${name} gui/${name}.cpp gui/StallMeter.h)
  target_link_libraries(${name} PRIVATE sync_ui Qt6::Test mysql_sync_warnings)
  add_test(NAME ${name} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/harness/with-keyring.sh $<TARGET_FILE:${name}>)
  set_tests_properties(${name} PROPERTIES LABELS "gui;keychain" TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endforeach()
# MainWindow end to end (fixture "servers"): site_a's engine in the app, site_b a mysql-sync daemon.
mysql_sync_add_test(NAME tst_mainwindow    SOURCES gui/tst_mainwindow.cpp    LIBS sync_ui mysqlsync_testsupport LABELS gui
                    FIXTURES servers)
mysql_sync_add_test(NAME tst_errornotifier SOURCES gui/tst_errornotifier.cpp LIBS sync_monitor LABELS gui)
# The session (open configuration -> passwords -> engine -> models, notifiers, state) and the
# main window over it, against tests/support's FakeEngine: no servers, no engine thread.
mysql_sync_add_test(NAME tst_monitorsession SOURCES gui/tst_monitorsession.cpp LIBS sync_monitor mysqlsync_testsupport LABELS gui)
# Conflicts (issue 15): the notifier, and the inbox in a MainWindow over a FakeEngine reading a
# real sync_conflicts on the harness's MariaDB (fixture "servers").
mysql_sync_add_test(NAME tst_conflictnotifier SOURCES gui/tst_conflictnotifier.cpp LIBS sync_monitor LABELS gui)
mysql_sync_add_test(NAME tst_conflictspage SOURCES gui/tst_conflictspage.cpp
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers)
# The Consistency tab (issue 14) on the harness's MariaDB (fixture "servers"): sync_loads and
# sync_verifies as the page shows them, its actions, then Verify and Repair between two daemons.
mysql_sync_add_test(NAME tst_consistencypage SOURCES gui/tst_consistencypage.cpp
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers)
# The monitor's loader threads and request generations (WorkerThread, RequestGeneration).
mysql_sync_add_test(NAME tst_workerthread SOURCES gui/tst_workerthread.cpp LIBS sync_monitor LABELS gui)
mysql_sync_add_test(NAME tst_notificationpacer SOURCES gui/tst_notificationpacer.cpp LIBS sync_monitor LABELS gui)
# Issue 16 (desktop): refusals by rule in the Sync status (real sync_status, fixture "servers")
# and Errors views.
mysql_sync_add_test(NAME tst_refusaldisplay SOURCES gui/tst_refusaldisplay.cpp
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers)
# Issue 16 (desktop): the mapping and filter editors with the harness's catalogue (fixture "servers").
mysql_sync_add_test(NAME tst_mappingeditor SOURCES gui/tst_mappingeditor.cpp
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers)
# The Feed tab (issue 18): the app's FeedService and its clients, on the harness's MariaDB.
mysql_sync_add_test(NAME tst_feedclientspage SOURCES gui/tst_feedclientspage.cpp
                    LIBS sync_ui mysqlsync_testsupport Qt6::WebSockets LABELS gui FIXTURES servers)
mysql_sync_add_test(NAME tst_feedsettings SOURCES gui/tst_feedsettings.cpp LIBS sync_ui LABELS gui)
