#include "projectargument.h"

#include "graphexport.h"

#include <QDir>

#include <cstdio>

namespace retort::cli {

Project loadProjectArgument(const QCommandLineParser &parser, QTextStream &err, bool *ok)
{
    const QStringList positional = parser.positionalArguments();
    return loadProjectPath(positional.isEmpty() ? QString() : positional.first(), err, ok);
}

Project loadProjectPath(const QString &given, QTextStream &err, bool *ok)
{
    const QString path = given.isEmpty() ? QDir::currentPath() : given;
    Project project = Project::load(path);
    // A folder with no alembic.ini, no script directory and no revision files is not a project
    // (Alembic refuses it too); read as an empty versions folder it would silently say nothing.
    const ProjectConfig &config = project.config();
    const bool nothingThere = config.iniPath().isEmpty() && config.scriptLocation().isEmpty()
                              && project.graph().isEmpty() && !hasErrors(project.diagnostics());
    *ok = config.isValid() && !nothingThere;
    if (!*ok) {
        err << "retort-cli: " << path << " is not an Alembic project (no alembic.ini, script directory or "
            << "versions folder found)\n";
        for (const Diagnostic &d : project.config().diagnostics())
            err << GraphExport::diagnosticToText(d) << '\n';
    }
    return project;
}

void writeStdout(QTextStream &out, QByteArrayView bytes)
{
    out.flush();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace retort::cli
