#pragma once

// Shared by tests that stand in for an interpreter with a small shell script.

#include <QFile>
#include <QString>

namespace retort::test {

/// Writes \a content to \a path and makes it executable by its owner; false if it cannot.
inline bool writeExecutable(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    file.close();
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace retort::test
