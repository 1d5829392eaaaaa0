#include "bridgelaunch.h"

#include "projectconfig.h"

#include <QFileInfo>

namespace retort {

BridgeLaunch BridgeLaunch::forProject(const ProjectConfig &config, const QString &interpreter)
{
    BridgeLaunch launch;
    launch.interpreter = interpreter;
    launch.workingDirectory = config.projectRoot();
    if (!config.iniPath().isEmpty()) {
        launch.projectArguments = {QStringLiteral("--ini"), config.iniPath(), QStringLiteral("--section"), config.section()};
        launch.workingDirectory = QFileInfo(config.iniPath()).absolutePath();
    } else {
        // A script directory, or a bare versions folder that stands in for one (no env.py: only
        // the direct SQL mode works there, and the helper says so).
        const QString location = config.scriptLocation().isEmpty() ? config.versionLocations().value(0)
                                                                   : config.scriptLocation();
        launch.projectArguments = {QStringLiteral("--script-location"), location};
        for (const QString &folder : config.versionLocations())
            launch.projectArguments << QStringLiteral("--version-location") << folder;
    }
    // Python must not buffer stderr lines we show as they come, nor write .pyc files next to
    // revision files the user is editing.
    launch.environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    launch.environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    launch.environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    // Alembic orders independent branches through Python sets, whose order follows the per-process
    // hash seed: `alembic upgrade heads --sql` prints branches in a different order from run to run.
    // A fixed seed makes the preview the same every time (unless the user chose a seed).
    if (!launch.environment.contains(QStringLiteral("PYTHONHASHSEED")))
        launch.environment.insert(QStringLiteral("PYTHONHASHSEED"), QStringLiteral("0"));
    return launch;
}

} // namespace retort
