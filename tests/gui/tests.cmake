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
# Configuration page: table picker, connection tests (harness servers), first run, async passwords.
mysql_sync_add_test(NAME tst_tablelistmodel SOURCES gui/tst_tablelistmodel.cpp gui/StallMeter.h
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers)
mysql_sync_add_test(NAME tst_connectiontestpanel SOURCES gui/tst_connectiontestpanel.cpp gui/StallMeter.h
                    LIBS sync_ui mysqlsync_testsupport LABELS gui FIXTURES servers)
# Passwords read from / stored in the keychain: inside a private gnome-keyring
# (tests/harness/with-keyring.sh, as tst_keychain). Labels gui and keychain.
foreach(name tst_asyncsecretresolver tst_firstrunpage)
  add_executable(${name} gui/${name}.cpp gui/StallMeter.h)
  target_link_libraries(${name} PRIVATE sync_ui Qt6::Test)
  add_test(NAME ${name} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/harness/with-keyring.sh $<TARGET_FILE:${name}>)
  set_tests_properties(${name} PROPERTIES LABELS "gui;keychain" TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endforeach()
