# Unit tests: pure logic, no servers.
mysql_sync_add_test(NAME tst_config     SOURCES unit/tst_config.cpp unit/tst_config.h unit/tst_config_valid.cpp unit/tst_config_errors.cpp unit/tst_config_postgres.cpp LIBS sync_config LABELS unit)
mysql_sync_add_test(NAME tst_feedconfig SOURCES unit/tst_feedconfig.cpp LIBS sync_config LABELS unit)
mysql_sync_add_test(NAME tst_feedrouting SOURCES unit/tst_feedrouting.cpp LIBS sync_feed LABELS unit)
mysql_sync_add_test(NAME tst_feedjwt SOURCES unit/tst_feedjwt.cpp LIBS sync_feed LABELS unit)
mysql_sync_add_test(NAME tst_httplistener SOURCES unit/tst_httplistener.cpp LIBS sync_feed LABELS unit)
mysql_sync_add_test(NAME tst_configschema SOURCES unit/tst_configschema.cpp LIBS sync_config LABELS unit)
mysql_sync_add_test(NAME tst_messages   SOURCES unit/tst_messages.cpp   LIBS sync_protocol LABELS unit)
mysql_sync_add_test(NAME tst_valuecodec SOURCES unit/tst_valuecodec.cpp unit/tst_valuecodec.h unit/tst_valuecodec_decode.cpp LIBS sync_codec LABELS unit)
mysql_sync_add_test(NAME tst_outbox     SOURCES unit/tst_outbox.cpp     LIBS sync_outbox   LABELS unit)
mysql_sync_add_test(NAME tst_outboxsyncer SOURCES unit/tst_outboxsyncer.cpp LIBS sync_outbox LABELS unit)
mysql_sync_add_test(NAME tst_presence   SOURCES unit/tst_presence.cpp   LIBS sync_mqtt     LABELS unit)
mysql_sync_add_test(NAME tst_reportlimiter SOURCES unit/tst_reportlimiter.cpp LIBS sync_common LABELS unit)
mysql_sync_add_test(NAME tst_jsondescription SOURCES unit/tst_jsondescription.cpp LIBS sync_common LABELS unit)
mysql_sync_add_test(NAME tst_publishqueue SOURCES unit/tst_publishqueue.cpp LIBS sync_mqtt LABELS unit)
mysql_sync_add_test(NAME tst_transformername SOURCES unit/tst_transformername.cpp LIBS sync_transform LABELS unit)
mysql_sync_add_test(NAME tst_security   SOURCES unit/tst_security.cpp   LIBS sync_security LABELS unit)
mysql_sync_add_test(NAME tst_transformer SOURCES unit/tst_transformer.cpp unit/tst_transformer.h unit/tst_transformer_runtime.cpp LIBS sync_transform LABELS "unit;transformers")
mysql_sync_add_test(NAME tst_transformcontainment SOURCES unit/tst_transformcontainment.cpp LIBS sync_transform LABELS "unit;transformers")
# Translations: lupdate on ui/ app/ core/ into temporary copies of translations/*.ts; fails when
# a message of either language is unfinished, empty or missing (scripts/update-translations.sh).
add_test(NAME translations_complete COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/update-translations.sh --check)
set_tests_properties(translations_complete PROPERTIES LABELS "unit;package" TIMEOUT 120)
# The Engine that runs SyncEngine on its own thread: restart, fatal error, commands (no servers).
mysql_sync_add_test(NAME tst_threadedengine SOURCES unit/tst_threadedengine.cpp LIBS sync_engine LABELS unit)
# The engine's parts without servers (issue 12): pure rules extracted for them, and
# ChangeSender behind a fake Transport (unit/FakeTransport.h) with a real outbox.
mysql_sync_add_test(NAME tst_statusrows  SOURCES unit/tst_statusrows.cpp  LIBS sync_engine   LABELS unit)
mysql_sync_add_test(NAME tst_statustracker SOURCES unit/tst_statustracker.cpp LIBS sync_engine LABELS unit)
mysql_sync_add_test(NAME tst_sendwindow  SOURCES unit/tst_sendwindow.cpp  LIBS sync_engine   LABELS unit)
mysql_sync_add_test(NAME tst_loadchunks  SOURCES unit/tst_loadchunks.cpp  LIBS sync_engine   LABELS unit)
mysql_sync_add_test(NAME tst_retrybackoff SOURCES unit/tst_retrybackoff.cpp LIBS sync_engine LABELS unit)
mysql_sync_add_test(NAME tst_changelog   SOURCES unit/tst_changelog.cpp   LIBS sync_database LABELS unit)
mysql_sync_add_test(NAME tst_sqlliteral  SOURCES unit/tst_sqlliteral.cpp  LIBS sync_database LABELS unit)
mysql_sync_add_test(NAME tst_rowstore    SOURCES unit/tst_rowstore.cpp    LIBS sync_database LABELS unit)
mysql_sync_add_test(NAME tst_changesender SOURCES unit/tst_changesender.cpp unit/FakeTransport.h LIBS sync_engine LABELS unit)
mysql_sync_add_test(NAME tst_incomingmessages SOURCES unit/tst_incomingmessages.cpp LIBS sync_engine LABELS unit)
# The extension channel (issue 13): its codec (topics, framing, announcement, batches,
# receipts; hostile input) and the choice of path per remote.
mysql_sync_add_test(NAME tst_jsontext SOURCES unit/tst_jsontext.cpp LIBS sync_protocol LABELS unit)
mysql_sync_add_test(NAME tst_extensions  SOURCES unit/tst_extensions.cpp unit/tst_extensions.h unit/tst_extensions_batches.cpp unit/tst_extensions_summaries.cpp LIBS sync_protocol LABELS unit)
mysql_sync_add_test(NAME tst_verifymessages SOURCES unit/tst_verifymessages.cpp LIBS sync_protocol LABELS unit)
mysql_sync_add_test(NAME tst_remotepaths SOURCES unit/tst_remotepaths.cpp LIBS sync_engine   LABELS unit)
mysql_sync_add_test(NAME tst_conflictrule SOURCES unit/tst_conflictrule.cpp LIBS sync_engine LABELS unit)
mysql_sync_add_test(NAME tst_tablemapping SOURCES unit/tst_tablemapping.cpp LIBS sync_engine   LABELS unit)
# GET /metrics' text read back with Prometheus' own parser (python3-prometheus-client), issue 18.
mysql_sync_add_test(NAME tst_metrics SOURCES unit/tst_metrics.cpp LIBS sync_metrics mysqlsync_testsupport LABELS unit)
mysql_sync_add_test(NAME tst_refusal SOURCES unit/tst_refusal.cpp LIBS sync_engine LABELS unit)
mysql_sync_add_test(NAME tst_mappingjson SOURCES unit/tst_mappingjson.cpp LIBS sync_config LABELS unit)
