#include "bridgeargument.h"
#include "bridgecall.h"
#include "clicommand.h"
#include "projectargument.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>

namespace retort::cli {

namespace {

int printCreated(const BridgeOutcome &outcome, const Project &project, CliStreams streams, const QString &command)
{
    if (!outcome.ok)
        return reportBridgeError(outcome.error, project, streams.err, command);
    streams.out << outcome.result.value(QStringLiteral("revision")).toString() << ' '
                << outcome.result.value(QStringLiteral("path")).toString() << '\n';
    return ExitOk;
}

} // namespace

int runRevisionCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Create a revision file with Alembic (`alembic revision`); prints "
                                                    "its id and path."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Project folder or alembic.ini."), QStringLiteral("[PATH]"));
    parser.addOption({{QStringLiteral("m"), QStringLiteral("message")}, QStringLiteral("The revision's message."), QStringLiteral("MSG")});
    parser.addOption({QStringLiteral("head"), QStringLiteral("The head to build on (default: head)."), QStringLiteral("H")});
    parser.addOption({QStringLiteral("splice"), QStringLiteral("Allow a --head that is not a head (starts a branch).")});
    parser.addOption({QStringLiteral("branch-label"), QStringLiteral("A branch label for the new revision."), QStringLiteral("L")});
    parser.addOption({QStringLiteral("depends-on"), QStringLiteral("Revisions it depends on, comma separated (or the option repeated)."), QStringLiteral("REVS")});
    parser.addOption({QStringLiteral("rev-id"), QStringLiteral("Use this id instead of a generated one."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("version-path"), QStringLiteral("The version location to write to."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("autogenerate"), QStringLiteral("Compare the database with the models (env.py must reach it).")});
    addPythonOption(parser);
    parser.addHelpOption();
    int code = ExitOk;
    if (!parseOrHelp(parser, arguments, streams, "revision", &code))
        return code;
    if (parser.positionalArguments().size() > 1) {
        streams.err << "retort-cli revision: expected at most one PATH\n";
        return ExitUsage;
    }
    bool ok = false;
    const Project project = loadProjectArgument(parser, streams.err, &ok);
    if (!ok)
        return ExitErrors;
    // Alembic takes depends_on as a list (its own --depends-on is repeatable): one comma-separated
    // string would be looked up as a single revision id.
    QJsonArray dependsOn;
    for (const QString &values : parser.values(QStringLiteral("depends-on")))
        for (const QString &rev : values.split(u',', Qt::SkipEmptyParts))
            dependsOn.append(rev.trimmed());
    // The helper runs in the project's folder: a relative --version-path means the caller's folder.
    QString versionPath = parser.value(QStringLiteral("version-path"));
    if (!versionPath.isEmpty())
        versionPath = QFileInfo(versionPath).absoluteFilePath();
    QJsonObject params{{QStringLiteral("message"), parser.value(QStringLiteral("m"))},
                       {QStringLiteral("head"), parser.value(QStringLiteral("head"))},
                       {QStringLiteral("splice"), parser.isSet(QStringLiteral("splice"))},
                       {QStringLiteral("branch_label"), parser.value(QStringLiteral("branch-label"))},
                       {QStringLiteral("depends_on"), dependsOn},
                       {QStringLiteral("rev_id"), parser.value(QStringLiteral("rev-id"))},
                       {QStringLiteral("version_path"), versionPath},
                       {QStringLiteral("autogenerate"), parser.isSet(QStringLiteral("autogenerate"))}};
    const std::unique_ptr<AlembicBridge> bridge = openBridge(parser, project, streams.err);
    return printCreated(callAndWait(*bridge, QStringLiteral("revision"), params), project, streams, QStringLiteral("revision"));
}

int runMergeCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Merge revisions (usually heads) into one with Alembic (`alembic merge`); "
                                                    "prints the merge revision's id and path."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Project folder or alembic.ini (optional when it is "
                                                                        "the current folder)."), QStringLiteral("[PATH]"));
    parser.addPositionalArgument(QStringLiteral("REV"), QStringLiteral("Two or more revisions to merge (or heads)."),
                                 QStringLiteral("REV REV..."));
    parser.addOption({{QStringLiteral("m"), QStringLiteral("message")}, QStringLiteral("The merge revision's message."), QStringLiteral("MSG")});
    parser.addOption({QStringLiteral("branch-label"), QStringLiteral("A branch label for the merge revision."), QStringLiteral("L")});
    parser.addOption({QStringLiteral("rev-id"), QStringLiteral("Use this id instead of a generated one."), QStringLiteral("ID")});
    addPythonOption(parser);
    parser.addHelpOption();
    int code = ExitOk;
    if (!parseOrHelp(parser, arguments, streams, "merge", &code))
        return code;
    QStringList positional = parser.positionalArguments();
    // PATH is optional: the first argument is a project when it names an existing path.
    QString path;
    if (!positional.isEmpty() && (positional.first().contains(u'/') || QFileInfo::exists(positional.first())))
        path = positional.takeFirst();
    if (positional.size() < 2 && !(positional.size() == 1 && positional.first() == u"heads")) {
        streams.err << "retort-cli merge: give two or more revisions (or 'heads')\n";
        return ExitUsage;
    }
    bool ok = false;
    const Project project = loadProjectPath(path, streams.err, &ok);
    if (!ok)
        return ExitErrors;
    QJsonArray revisions;
    for (const QString &rev : std::as_const(positional))
        revisions.append(rev);
    const QJsonObject params{{QStringLiteral("revisions"), revisions},
                             {QStringLiteral("message"), parser.value(QStringLiteral("m"))},
                             {QStringLiteral("branch_label"), parser.value(QStringLiteral("branch-label"))},
                             {QStringLiteral("rev_id"), parser.value(QStringLiteral("rev-id"))}};
    const std::unique_ptr<AlembicBridge> bridge = openBridge(parser, project, streams.err);
    return printCreated(callAndWait(*bridge, QStringLiteral("merge"), params), project, streams, QStringLiteral("merge"));
}

} // namespace retort::cli
