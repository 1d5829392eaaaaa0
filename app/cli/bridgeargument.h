#pragma once

#include "alembicbridge.h"
#include "clicommand.h"
#include "project.h"

#include <QCommandLineParser>

#include <memory>

namespace retort::cli {

/// Adds --python PATH (the interpreter that runs Alembic; default: found by InterpreterLocator).
void addPythonOption(QCommandLineParser &parser);

/// A bridge to Alembic for \a project, in the interpreter --python names or the one found for the
/// project. Says on stderr which interpreter it is and why, so the choice is never a surprise.
std::unique_ptr<AlembicBridge> openBridge(const QCommandLineParser &parser, const Project &project, QTextStream &err);
/// The same from the project's configuration alone (before its revision files are read).
std::unique_ptr<AlembicBridge> openBridge(const QCommandLineParser &parser, const ProjectConfig &config, QTextStream &err);

/// Prints \a error as `file:line: error: message` lines (the innermost frame in the project first),
/// with the hint; returns the exit code for it.
int reportBridgeError(const BridgeError &error, const Project &project, QTextStream &err, const QString &command);

} // namespace retort::cli
