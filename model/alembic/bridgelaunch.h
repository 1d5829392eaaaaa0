#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace retort {

class ProjectConfig;

/// How to start the Alembic helper for one project: the interpreter, the helper's arguments that
/// name the project, and the folder it runs in (Alembic 1.8 resolves a relative script_location
/// against the current folder, as the `alembic` command does when run beside alembic.ini).
struct BridgeLaunch
{
    QString interpreter;
    /// The helper script; empty means the embedded retort_bridge.py (BridgeScript::install()).
    QString scriptPath;
    QStringList projectArguments;
    QString workingDirectory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    /// The launch for \a config with \a interpreter: `--ini` and `--section` when the project has
    /// an ini file, else `--script-location` and `--version-location` for each folder.
    static BridgeLaunch forProject(const ProjectConfig &config, const QString &interpreter);
};

} // namespace retort
