#include "security/MosquittoFiles.h"

namespace mysqlsync {

QString MosquittoAcl::text(const QStringList &clients)
{
    QString out =
        QStringLiteral("# mysql-sync: each site publishes presence and receipts on /info and /info/<site>,\n"
                       "# and changes on /change/<site>; it reads only what is meant for it.\n"
                       "# These per-row topics cannot be bound to their sender: /info, /info/<site> and\n"
                       "# /change/<site> name only the addressee, so any site may write them and a receiver\n"
                       "# cannot tell from the broker which login sent a message.\n"
                       "# The extension channel between mysql-sync engines is sender-bound: its topics are\n"
                       "# /mysql-sync/<sender>/hello, /mysql-sync/<sender>/batch/<target>,\n"
                       "# /mysql-sync/<sender>/receipts/<target> and /mysql-sync/<sender>/verify/<target>, and\n"
                       "# a site may write only under its own name (/mysql-sync/<site>/#). It reads every\n"
                       "# announcement and only the batches, receipts and verify messages addressed to it.\n"
                       "# Mosquitto checks read rights on every message it delivers, so a subscription with\n"
                       "# a wildcard never yields what these lines do not allow.\n"
                       "# Anything not listed is denied.\n");
    for (const QString &name : clients) {
        out += QStringLiteral("\nuser %1\n").arg(name);
        out += QStringLiteral("topic write /info\n");
        out += QStringLiteral("topic write /info/+\n");
        out += QStringLiteral("topic write /change/+\n");
        out += QStringLiteral("topic read /info\n");
        out += QStringLiteral("topic read /info/%1\n").arg(name);
        out += QStringLiteral("topic read /change/%1\n").arg(name);
        out += QStringLiteral("topic write /mysql-sync/%1/#\n").arg(name);
        out += QStringLiteral("topic read /mysql-sync/+/hello\n");
        out += QStringLiteral("topic read /mysql-sync/+/batch/%1\n").arg(name);
        out += QStringLiteral("topic read /mysql-sync/+/receipts/%1\n").arg(name);
        out += QStringLiteral("topic read /mysql-sync/+/verify/%1\n").arg(name);
    }
    return out;
}

QString MosquittoConf::text(const MosquittoConfOptions &o)
{
    QString out =
        QStringLiteral("# Mosquitto 2.0 configuration written by mysql-sync setup-broker.\n"
                       "# Clients need a certificate signed by ca.crt AND their password.\n"
                       "per_listener_settings false\n"
                       "allow_anonymous false\n"
                       "# The client id is the login: one site cannot take over another's session.\n"
                       "use_username_as_clientid true\n"
                       "# The protocol never retains: a retained change would be replayed at every reconnect.\n"
                       "retain_available false\n"
                       "password_file %1\n"
                       "acl_file %2\n")
            .arg(o.passwordFile, o.aclFile);
    for (const MosquittoListener &l : o.listeners) {
        out += QStringLiteral("\nlistener %1%2\n")
                   .arg(l.port)
                   .arg(l.bindAddress.isEmpty() ? QString() : QLatin1Char(' ') + l.bindAddress);
        if (l.websockets)
            out += QStringLiteral("protocol websockets\n");
        out += QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\n").arg(o.caFile, o.certFile, o.keyFile);
        out += QStringLiteral("require_certificate true\n"
                              "use_identity_as_username false\n"
                              "tls_version tlsv1.2\n");
    }
    return out;
}

} // namespace mysqlsync
