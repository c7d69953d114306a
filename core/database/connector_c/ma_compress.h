#pragma once
// Debian 12's libmariadb-dev installs mysql/client_plugin.h, which includes ma_compress.h,
// but not ma_compress.h itself. client_plugin.h only needs the context type's name (its
// compression plugin takes pointers to it); nothing here uses compression plugins.
typedef struct st_ma_compress_ctx ma_compress_ctx;
