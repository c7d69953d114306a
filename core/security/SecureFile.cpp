#include "security/SecureFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mysqlsync {

bool SecureFile::write(const QString &path, const QByteArray &data, unsigned mode, bool overwrite, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW;
    flags |= overwrite ? O_TRUNC : O_EXCL;
    const int fd = ::open(native.constData(), flags, mode_t(mode));
    if (fd < 0) {
        if (errno == EEXIST)
            *error = QStringLiteral("%1 already exists (use --force to overwrite)").arg(path);
        else
            *error = QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // An existing file keeps its old mode through O_TRUNC, and the umask may have taken bits away.
    if (::fchmod(fd, mode_t(mode)) != 0) {
        *error = QStringLiteral("cannot set the permissions of %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return false;
    }
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            ::close(fd);
            return false;
        }
        done += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

bool SecureFile::isOwnerOnly(const QString &path, QString *why)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        *why = QStringLiteral("cannot read %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = QStringLiteral("%1 is not a regular file").arg(path);
        return false;
    }
    if (st.st_uid != ::geteuid()) {
        *why = QStringLiteral("%1 belongs to another user (uid %2); it must belong to the user running mysql-sync")
                   .arg(path)
                   .arg(st.st_uid);
        return false;
    }
    if (st.st_mode & 077) {
        *why = QStringLiteral("%1 can be read by other users (mode %2): run chmod 600 %1")
                   .arg(path, QString::number(st.st_mode & 0777, 8).rightJustified(4, QLatin1Char('0')));
        return false;
    }
    return true;
}

} // namespace mysqlsync
