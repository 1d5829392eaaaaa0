#include "projectargument.h"

#include "graphexport.h"

#include <QDir>

#include <cstdio>

namespace retort::cli {

Project loadProjectArgument(const QCommandLineParser &parser, QTextStream &err, bool *ok)
{
    const QStringList positional = parser.positionalArguments();
    const QString path = positional.isEmpty() ? QDir::currentPath() : positional.first();
    Project project = Project::load(path);
    *ok = project.config().isValid();
    if (!*ok) {
        err << "retort-cli: " << path << " is not an Alembic project (no alembic.ini, script directory or "
            << "versions folder found)\n";
        for (const Diagnostic &d : project.config().diagnostics())
            err << GraphExport::diagnosticToText(d) << '\n';
    }
    return project;
}

void writeStdout(QTextStream &out, const QByteArray &bytes)
{
    out.flush();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace retort::cli
