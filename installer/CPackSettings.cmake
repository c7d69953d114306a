# CPack settings for every platform; included at the end of installer/CMakeLists.txt.
#   Linux (here):  cpack -G DEB   and   cpack -G TGZ      (from the build directory)
#   Windows:       cpack -G NSIS                            (see installer/README.md)
#   macOS:         cpack -G DragNDrop                       (see installer/README.md)

set(CPACK_PACKAGE_NAME "mysql-sync")
set(CPACK_PACKAGE_VENDOR "The mysql-sync developers")
set(CPACK_PACKAGE_CONTACT "mysql-sync maintainers <mysql-sync@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
"Database triggers record every insert, update and delete of the chosen tables; a sync
engine sends the changed rows to the other sites over an MQTT broker, applies what they
send, records per-row delivery, and keeps changes for offline sites until they come back.
Contains the headless daemon mysql-sync (with a systemd unit) and the desktop monitor
mysql-sync-monitor.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "mysql-sync")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_PACKAGE_EXECUTABLES "mysql-sync-monitor;MySQL Sync Monitor")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")

if(WIN32)
  set(CPACK_GENERATOR "NSIS;ZIP")
  set(CPACK_NSIS_DISPLAY_NAME "MySQL Sync")
  set(CPACK_NSIS_PACKAGE_NAME "MySQL Sync ${PROJECT_VERSION}")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_MODIFY_PATH ON)
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\mysql-sync-monitor.exe")
  set(CPACK_NSIS_CREATE_ICONS_EXTRA
      "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\MySQL Sync Monitor.lnk' '$INSTDIR\\\\bin\\\\mysql-sync-monitor.exe'")
  set(CPACK_NSIS_DELETE_ICONS_EXTRA
      "Delete '$SMPROGRAMS\\\\$START_MENU\\\\MySQL Sync Monitor.lnk'")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_DMG_VOLUME_NAME "MySQL Sync")
  set(CPACK_DMG_FORMAT "UDZO")
else()
  set(CPACK_GENERATOR "DEB;TGZ")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
  set(CPACK_DEBIAN_PACKAGE_NAME "mysql-sync")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
  set(CPACK_DEBIAN_PACKAGE_SECTION "database")
  set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # dpkg-shlibdeps finds the linked libraries; these are loaded as plugins (SQL drivers, the
  # platform plugins of the monitor) or called by postinst, so they are named here.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libqt6sql6-mysql, libqt6sql6-sqlite, qt6-qpa-plugins")
  # Qt's own catalogues (standard buttons and dialogs in German and French); the app's are built in.
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "mariadb-server | default-mysql-server, mosquitto")
  set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CMAKE_CURRENT_LIST_DIR}/postinst")
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
endif()

include(CPack)
