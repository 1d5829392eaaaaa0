#pragma once

#include <QString>

namespace retort {

/// Puts what has been written to the file at \a path on the disk (fdatasync; FlushFileBuffers on
/// Windows), whoever wrote it. Empty on success, else why not (the file is missing, the disk failed).
QString syncFileToDisk(const QString &path);

} // namespace retort
