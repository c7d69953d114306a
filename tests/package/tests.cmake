# Label "package": builds the DEB with CPack in a staging directory of its own and checks it
# (metadata, contents, .desktop, AppStream, systemd unit, installed programs run).
add_test(NAME package_deb
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package/check_deb.sh
                 ${CMAKE_BINARY_DIR} ${CMAKE_BINARY_DIR}/package-test ${PROJECT_VERSION})
set_tests_properties(package_deb PROPERTIES
    LABELS package TIMEOUT 600 RUN_SERIAL ON
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
# The tarball: file list, owners, and both programs run from the unpacked tree.
add_test(NAME package_tgz
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package/check_tgz.sh
                 ${CMAKE_BINARY_DIR} ${CMAKE_BINARY_DIR}/package-test-tgz ${PROJECT_VERSION})
set_tests_properties(package_tgz PROPERTIES
    LABELS package TIMEOUT 600 RUN_SERIAL ON
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
