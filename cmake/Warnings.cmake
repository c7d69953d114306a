# The project's guardrails: one INTERFACE target that every target of the project links
# (core modules, ui, app, tests, bench), carrying the warning flags and the Qt defines that
# keep strings explicit. MYSQL_SYNC_WERROR (ON when the environment has CI=true, as in
# .ci/run) turns every warning into an error.
if(DEFINED ENV{CI} AND "$ENV{CI}" STREQUAL "true")
  set(_mysql_sync_werror_default ON)
else()
  set(_mysql_sync_werror_default OFF)
endif()
option(MYSQL_SYNC_WERROR "Treat compiler warnings as errors (ON under CI=true)" ${_mysql_sync_werror_default})

add_library(mysql_sync_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(mysql_sync_warnings INTERFACE
      -Wall
      -Wextra
      -Wno-unused-parameter
      -Wnon-virtual-dtor
      -Woverloaded-virtual
      -Wcast-qual
      -Wformat=2
      -Wmissing-declarations
      -Wimplicit-fallthrough
      -Wundef)
  if(MYSQL_SYNC_WERROR)
    target_compile_options(mysql_sync_warnings INTERFACE -Werror)
  endif()
elseif(MSVC)
  target_compile_options(mysql_sync_warnings INTERFACE /W4)
  if(MYSQL_SYNC_WERROR)
    target_compile_options(mysql_sync_warnings INTERFACE /WX)
  endif()
endif()
target_compile_definitions(mysql_sync_warnings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER)
