#include "filesync.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace retort {

QString syncFileToDisk(const QString &path)
{
    // Syncing is per file, not per descriptor: a descriptor of our own reaches what another wrote.
    QFile file(path);
#ifdef Q_OS_WIN
    const QIODevice::OpenMode mode = QIODevice::ReadWrite; // _commit needs a handle that may write
#else
    const QIODevice::OpenMode mode = QIODevice::ReadOnly;
#endif
    if (!file.open(mode | QIODevice::ExistingOnly))
        return QStringLiteral("cannot open %1 to put it on the disk: %2").arg(path, file.errorString());
#ifdef Q_OS_WIN
    const int result = ::_commit(file.handle());
#elif defined(Q_OS_DARWIN)
    const int result = ::fsync(file.handle());
#else
    const int result = ::fdatasync(file.handle());
#endif
    if (result != 0)
        return QStringLiteral("cannot put %1 on the disk: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

} // namespace retort
