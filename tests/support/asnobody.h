#pragma once

// Tests run as root, and root ignores permission bits: a test of a read-only file or folder runs
// its block as the user nobody instead.

#include <QFile>
#include <QString>
#include <QtGlobal>
#include <sys/stat.h>
#include <unistd.h>

namespace retort::test {

/// For its lifetime the process is the user nobody (real and effective ids) when it was root,
/// with root kept as the saved id to return to; nothing changes for anyone else.
class AsNobody
{
public:
    AsNobody()
    {
        if (::geteuid() == 0)
            m_dropped = ::setresgid(65534, 65534, 0) == 0 && ::setresuid(65534, 65534, 0) == 0;
    }
    ~AsNobody()
    {
        if (m_dropped && (::setresuid(0, 0, 0) != 0 || ::setresgid(0, 0, 0) != 0))
            qFatal("cannot return to root");
    }
    AsNobody(const AsNobody &) = delete;
    AsNobody &operator=(const AsNobody &) = delete;

    /// False when it was root and could not become nobody.
    bool ok() const { return m_dropped || ::geteuid() != 0; }

private:
    bool m_dropped = false;
};

/// chmod \a path to \a mode (e.g. 0555).
inline bool setMode(const QString &path, mode_t mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

} // namespace retort::test
