#pragma once

#include "project.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace retort::cli {

/// The optional PATH positional argument (default: current folder), loaded as a Project.
/// Configuration problems that leave no version location are printed to `err`.
Project loadProjectArgument(const QCommandLineParser &parser, QTextStream &err, bool *ok);
/// The same for an explicit \a path (empty: the current folder).
Project loadProjectPath(const QString &path, QTextStream &err, bool *ok);

/// Writes bytes to stdout unchanged (JSON may be large; no text conversion).
void writeStdout(QTextStream &out, QByteArrayView bytes);

} // namespace retort::cli
