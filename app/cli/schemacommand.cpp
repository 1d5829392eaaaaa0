#include "clicommand.h"
#include "databaseargument.h"
#include "projectargument.h"
#include "schematext.h"

#include <QCommandLineParser>
#include <QDir>

namespace retort::cli {

namespace {

bool parse(QCommandLineParser &parser, const QStringList &arguments, const char *name, CliStreams streams, int *code)
{
    parser.addOption({QStringLiteral("db"), QStringLiteral("The database: postgresql://... or sqlite:///path."),
                      QStringLiteral("URL")});
    parser.addHelpOption();
    if (!parseOrHelp(parser, arguments, streams, name, code))
        return false;
    if (parser.value(QStringLiteral("db")).isEmpty()) {
        streams.err << "retort-cli " << name << ": --db URL is required (postgresql://... or sqlite:///path)\n";
        *code = ExitUsage;
        return false;
    }
    return true;
}

} // namespace

int runSchemaCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the schema of a database."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the snapshot as JSON.")});
    int code = ExitOk;
    if (!parse(parser, arguments, "schema", streams, &code))
        return code;
    if (!parser.positionalArguments().isEmpty()) {
        streams.err << "retort-cli schema: unexpected argument '" << parser.positionalArguments().first() << "'\n";
        return ExitUsage;
    }
    QString error;
    const std::optional<SchemaSnapshot> snapshot = introspectDatabase(parser.value(QStringLiteral("db")), &error);
    if (!snapshot) {
        streams.err << "retort-cli schema: " << error << '\n';
        return ExitErrors;
    }
    if (parser.isSet(QStringLiteral("json")))
        writeStdout(streams.out, snapshot->toJson() + '\n');
    else
        streams.out << SchemaText::toText(*snapshot);
    return ExitOk;
}

int runCurrentCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the revisions a database's alembic_version holds."));
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("Project folder, alembic.ini or versions folder "
                                                "(default: the current folder, if it is one)."),
                                 QStringLiteral("[PATH]"));
    int code = ExitOk;
    if (!parse(parser, arguments, "current", streams, &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        streams.err << "retort-cli current: expected at most one PATH\n";
        return ExitUsage;
    }
    // An explicit PATH must be a project; the current folder is used only when it is one.
    std::optional<Project> project;
    if (!positional.isEmpty()) {
        bool ok = false;
        project = loadProjectPath(positional.first(), streams.err, &ok);
        if (!ok)
            return ExitErrors;
    } else {
        Project here = Project::load(QDir::currentPath());
        if (here.config().isValid() && !here.graph().isEmpty())
            project = std::move(here);
    }
    QString error;
    const std::optional<SchemaSnapshot> snapshot = introspectDatabase(parser.value(QStringLiteral("db")), &error);
    if (!snapshot) {
        streams.err << "retort-cli current: " << error << '\n';
        return ExitErrors;
    }
    if (!snapshot->hasAlembicVersion()) {
        streams.err << "retort-cli current: the database has no alembic_version table (never migrated)\n";
        return ExitOk;
    }
    const QStringList heads = project ? project->graph().heads() : QStringList();
    for (const QString &version : snapshot->alembicVersions()) {
        QString line = version;
        if (project) {
            const Revision *revision = project->graph().revision(version);
            if (!revision)
                line += QLatin1String(" (not in the project)");
            else
                line +=
                    (heads.contains(version) ? QLatin1String(" (head), ") : QLatin1String(", ")) + revision->message;
        }
        streams.out << line << '\n';
    }
    return ExitOk;
}

} // namespace retort::cli
