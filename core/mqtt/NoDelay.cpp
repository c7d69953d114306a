#include "mqtt/NoDelay.h"

#include <QByteArray>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace mysqlsync {

void disableNagle(const QList<int> &ports)
{
#ifdef Q_OS_UNIX
#ifdef Q_OS_LINUX
    DIR *dir = ::opendir("/proc/self/fd");
#else
    DIR *dir = ::opendir("/dev/fd");
#endif
    if (!dir)
        return;
    while (dirent *entry = ::readdir(dir)) {
        bool ok = false;
        const int fd = QByteArray(entry->d_name).toInt(&ok);
        if (!ok)
            continue;
        int type = 0;
        socklen_t typeLength = sizeof type;
        if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &typeLength) != 0 || type != SOCK_STREAM)
            continue;
        sockaddr_storage peer{};
        socklen_t peerLength = sizeof peer;
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0)
            continue;
        int port = -1;
        if (peer.ss_family == AF_INET)
            port = ntohs(reinterpret_cast<sockaddr_in *>(&peer)->sin_port);
        else if (peer.ss_family == AF_INET6)
            port = ntohs(reinterpret_cast<sockaddr_in6 *>(&peer)->sin6_port);
        if (!ports.contains(port))
            continue;
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    ::closedir(dir);
#else
    Q_UNUSED(ports);
#endif
}

} // namespace mysqlsync
