#include "bridgeargument.h"

#include "interpreterlocator.h"

#include <QDir>

namespace retort::cli {

void addPythonOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("python"),
                      QStringLiteral("The Python interpreter that runs Alembic (default: the project's .venv or venv, "
                                     "$VIRTUAL_ENV, poetry's environment, the alembic command's interpreter, "
                                     "/usr/bin/python3)."),
                      QStringLiteral("PATH")});
}

std::unique_ptr<AlembicBridge> openBridge(const QCommandLineParser &parser, const Project &project, QTextStream &err)
{
    return openBridge(parser, project.config(), err);
}

std::unique_ptr<AlembicBridge> openBridge(const QCommandLineParser &parser, const ProjectConfig &config, QTextStream &err)
{
    const InterpreterCandidate interpreter =
        InterpreterLocator().locate(config.projectRoot(), parser.value(QStringLiteral("python")));
    err << "retort-cli: Python " << interpreter.path << " (" << interpreter.sourceText() << ")\n";
    err.flush();
    return std::make_unique<AlembicBridge>(BridgeLaunch::forProject(config, interpreter.path));
}

int reportBridgeError(const BridgeError &error, const Project &project, QTextStream &err, const QString &command)
{
    // Only frames in the project's own files help the user; Alembic's and Python's are in --verbose
    // territory (the full traceback is in error.details).
    const QString root = QDir::cleanPath(project.config().projectRoot()) + QLatin1Char('/');
    QList<BridgeFrame> own;
    for (const BridgeFrame &frame : error.frames)
        if (QDir::cleanPath(frame.file).startsWith(root))
            own.append(frame);
    if (!own.isEmpty())
        err << own.constLast().file << ':' << own.constLast().line << ": ";
    err << "error: " << error.message << " (" << error.type << ")\n";
    if (!error.hint.isEmpty())
        err << "  " << error.hint << '\n';
    for (qsizetype i = own.size() - 2; i >= 0; --i)
        err << "  from " << own.at(i).file << ':' << own.at(i).line << " in " << own.at(i).function << '\n';
    if (error.frames.isEmpty() && !error.details.isEmpty())
        err << error.details << '\n';
    err << "retort-cli " << command << ": Alembic failed\n";
    if (error.type == u"InterpreterMissing" || error.type == u"AlembicMissing" || error.type == u"HelperMissing")
        return ExitUnavailable;
    return ExitAlembicFailed;
}

} // namespace retort::cli
