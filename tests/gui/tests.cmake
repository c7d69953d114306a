# Desktop app tests (Qt Widgets, offscreen), label gui. include()d from tests/CMakeLists.txt:
# CMAKE_CURRENT_SOURCE_DIR is tests/. Run: ctest --test-dir build -L gui --output-on-failure
mysql_sync_add_test(NAME tst_ratetracker   SOURCES gui/tst_ratetracker.cpp   LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_clientsmodel  SOURCES gui/tst_clientsmodel.cpp  LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_errorsmodel   SOURCES gui/tst_errorsmodel.cpp   LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_syncstatusquery SOURCES gui/tst_syncstatusquery.cpp LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_configform    SOURCES gui/tst_configform.cpp    LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_trayfallback  SOURCES gui/tst_trayfallback.cpp  LIBS sync_ui LABELS gui)
# Against the harness's real MariaDB (fixture "servers"): 200,000 sync_status rows.
mysql_sync_add_test(NAME tst_syncstatusmodel SOURCES gui/tst_syncstatusmodel.cpp
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers TIMEOUT 600)
mysql_sync_add_test(NAME tst_pausesync     SOURCES gui/tst_pausesync.cpp     LIBS sync_ui LABELS gui)
mysql_sync_add_test(NAME tst_syncstatusactions SOURCES gui/tst_syncstatusactions.cpp LIBS sync_ui LABELS gui)
# MainWindow end to end (fixture "servers"): site_a's engine in the app, site_b a mysql-sync daemon.
mysql_sync_add_test(NAME tst_mainwindow    SOURCES gui/tst_mainwindow.cpp    LIBS sync_ui mysqlsync_testsupport LABELS gui
                    FIXTURES servers)
