#include "database/VerifiedTls.h"

#include <QMutex>
#include <QMutexLocker>

#include <errmsg.h>
#include <mysql.h>
#include <mysql/client_plugin.h>
#include <openssl/x509.h>

namespace mysqlsync {

namespace {

constexpr char kPluginName[] = "mysqlsync_verified_tls";

MYSQL *connectVerified(MYSQL *mysql, const char *host, const char *user, const char *passwd, const char *db,
                       unsigned int port, const char *unixSocket, unsigned long clientFlag)
{
    my_bool on = 1;
    // TCP even for "localhost" (which the library would otherwise take to mean its default
    // Unix socket: another server, perhaps, than the one the host name and port name).
    unsigned int tcp = MYSQL_PROTOCOL_TCP;
    if (mysql_optionsv(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on) != 0
        || mysql_optionsv(mysql, MYSQL_OPT_PROTOCOL, &tcp) != 0) {
        mysql->methods->set_error(mysql, CR_UNKNOWN_ERROR, "HY000",
                                  "the client library refused to verify the server's certificate");
        return nullptr;
    }
    return mysql->methods->db_connect(mysql, host, user, passwd, db, port, unixSocket, clientFlag);
}

// Called before every command while the plugin handles a connection: nothing to do.
int passCommand(MYSQL *, enum enum_server_command, const char *, size_t, my_bool, void *)
{
    return 0;
}

MARIADB_CONNECTION_PLUGIN g_plugin = {
    MARIADB_CLIENT_CONNECTION_PLUGIN,
    MARIADB_CLIENT_CONNECTION_PLUGIN_INTERFACE_VERSION,
    kPluginName,
    "mysql-sync",
    "TLS with verification of the server's certificate and host name",
    {1, 0, 0},
    "GPL",
    nullptr, // mysql_api
    nullptr, // init
    nullptr, // deinit
    nullptr, // options
    connectVerified,
    nullptr, // close: the library closes as usual
    nullptr, // set_optionsv
    passCommand,
    nullptr, // reconnect: never (MYSQL_OPT_RECONNECT is off)
    nullptr, // reset
};

QMutex g_mutex;

} // namespace

bool VerifiedTls::ensureRegistered(QString *error)
{
    QMutexLocker lock(&g_mutex);
    MYSQL *handle = mysql_init(nullptr); // initialises the library (and its plugin list)
    if (!handle) {
        *error = QStringLiteral("the MySQL client library cannot be initialised");
        return false;
    }
    auto *plugin = reinterpret_cast<st_mysql_client_plugin *>(&g_plugin);
    st_mysql_client_plugin *registered = mysql_client_register_plugin(handle, plugin);
    if (!registered) {
        // Already registered (by an earlier connection) is fine; anything else under our
        // name (a file in the plugin directory) is not.
        registered = mysql_client_find_plugin(handle, kPluginName, MARIADB_CLIENT_CONNECTION_PLUGIN);
    }
    const bool ok = registered == plugin;
    if (!ok)
        *error =
            QStringLiteral("the MySQL client library refused the plugin that verifies the server's certificate: %1")
                .arg(QString::fromUtf8(mysql_error(handle)));
    mysql_close(handle);
    return ok;
}

QString VerifiedTls::hostName(const QString &host)
{
    return QString::fromLatin1(kPluginName) + QStringLiteral("://") + host;
}

QString VerifiedTls::systemCaDirectory()
{
    return QString::fromLocal8Bit(X509_get_default_cert_dir());
}

bool VerifiedTls::isTlsFailure(const QString &nativeErrorCode)
{
    return nativeErrorCode == QString::number(CR_SSL_CONNECTION_ERROR);
}

} // namespace mysqlsync
