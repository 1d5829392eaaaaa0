#pragma once

// Tests run as root, so PostgresServer runs the server as the postgres user: the temporary folder
// that holds a test's cluster must be one that user can reach.

#include <QFile>
#include <QString>

namespace retort::test {

/// Lets other users traverse and read \a path (a QTemporaryDir is 0700); false if it cannot.
inline bool openToServerUser(const QString &path)
{
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                           | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
}

} // namespace retort::test
