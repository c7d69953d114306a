// HttpListener's accept queue (issue 18): a burst of connections arriving before the listener
// takes any of them (every client of a restarted feed coming back at once) is queued by the
// kernel, not dropped. With Qt's default backlog of 50 the 51st connect waited for the SYN to be
// retried (1 s, then 3, 7, 15 s...): 1,000 feed clients took up to 107 s to connect.
#include "feed/HttpListener.h"

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <vector>

using namespace mysqlsync;

class TstHttpListener : public QObject {
    Q_OBJECT
private slots:
    void burstOfConnectionsIsQueued();
};

void TstHttpListener::burstOfConnectionsIsQueued()
{
    HttpListener listener;
    QString error;
    QVERIFY2(listener.start(QStringLiteral("127.0.0.1"), 0, QString(), QString(), &error), qPrintable(error));

    // The event loop does not run: the listener takes none of these, so each one is either in
    // the kernel's accept queue or waiting for a SYN retry. A blocking connect that has to wait
    // for a retry runs into the send timeout instead.
    constexpr int kBurst = 400;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(listener.port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::vector<int> sockets;
    int queued = 0;
    for (int i = 0; i < kBurst; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockets.push_back(fd);
        timeval timeout{};
        timeout.tv_usec = 500 * 1000;
        QCOMPARE(::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout), 0);
        if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0)
            ++queued;
        else
            break;
    }
    for (const int fd : sockets)
        ::close(fd);
    QCOMPARE(queued, kBurst);
}

QTEST_GUILESS_MAIN(TstHttpListener)
#include "tst_httplistener.moc"
