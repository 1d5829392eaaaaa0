#include "clicommand.h"
#include "graphexport.h"
#include "projectargument.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace retort::cli {

namespace {

QJsonObject planToJson(const Plan &plan)
{
    QJsonObject object;
    if (!plan.ok()) {
        object.insert(QStringLiteral("error"), plan.error);
        return object;
    }
    QJsonArray steps;
    for (const PlanStep &step : plan.steps) {
        QJsonObject s;
        s.insert(QStringLiteral("revision"), step.revision);
        s.insert(QStringLiteral("direction"), step.upgrade ? QStringLiteral("up") : QStringLiteral("down"));
        steps.append(s);
    }
    object.insert(QStringLiteral("steps"), steps);
    return object;
}

Plan planFor(const RevisionGraph &graph, const QStringList &from, const QString &target, bool down)
{
    return down ? graph.downgradePlan(from, target) : graph.upgradePlan(from, target);
}

/// --batch FILE: one JSON query per line ({"from":[...],"to":"...","down":bool}), one JSON answer
/// per line. For tools and the differential test.
int runBatch(const RevisionGraph &graph, const QString &path, CliStreams streams)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        streams.err << "retort-cli plan: cannot read " << path << ": " << file.errorString() << '\n';
        return ExitUsage;
    }
    QByteArray output;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument query = QJsonDocument::fromJson(line, &error);
        if (!query.isObject()) {
            streams.err << "retort-cli plan: " << path << ':' << lineNumber << ": not a JSON object: "
                        << error.errorString() << '\n';
            return ExitUsage;
        }
        const QJsonObject object = query.object();
        QStringList from;
        for (const QJsonValue &v : object.value(QStringLiteral("from")).toArray())
            from.append(v.toString());
        const Plan plan = planFor(graph, from, object.value(QStringLiteral("to")).toString(),
                                  object.value(QStringLiteral("down")).toBool());
        output += QJsonDocument(planToJson(plan)).toJson(QJsonDocument::Compact);
        output += '\n';
    }
    writeStdout(streams.out, output);
    return ExitOk;
}

} // namespace

int runPlanCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the steps Alembic would run to reach a target."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Project folder, alembic.ini or versions folder."),
                                 QStringLiteral("[PATH]"));
    parser.addOption({QStringLiteral("to"), QStringLiteral("Target: heads, head, base, an id, label@head, +1, -1, ..."),
                      QStringLiteral("TARGET")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("Applied heads (alembic_version), comma separated."),
                      QStringLiteral("REV,...")});
    parser.addOption({QStringLiteral("down"), QStringLiteral("Plan a downgrade instead of an upgrade.")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Output format: text or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("batch"), QStringLiteral("Answer many queries, one JSON object per line."),
                      QStringLiteral("FILE")});
    parser.addHelpOption();
    if (int code = ExitOk; !parseOrHelp(parser, arguments, streams, "plan", &code))
        return code;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json") {
        streams.err << "retort-cli plan: unknown format '" << format << "' (use text or json)\n";
        return ExitUsage;
    }
    if (!parser.isSet(QStringLiteral("to")) && !parser.isSet(QStringLiteral("batch"))) {
        streams.err << "retort-cli plan: --to TARGET is required\n";
        return ExitUsage;
    }

    if (parser.positionalArguments().size() > 1) {
        streams.err << "retort-cli plan: expected at most one PATH\n";
        return ExitUsage;
    }

    bool ok = false;
    const Project project = loadProjectArgument(parser, streams.err, &ok);
    if (!ok)
        return ExitErrors;
    const RevisionGraph &graph = project.graph();
    if (parser.isSet(QStringLiteral("batch")))
        return runBatch(graph, parser.value(QStringLiteral("batch")), streams);

    // Alembic refuses a project with errors (a file it cannot import, a missing parent, a cycle);
    // a plan without those revisions would not be what it runs.
    if (hasErrors(graph.diagnostics()) || !graph.fatalError().isEmpty()) {
        streams.err << "retort-cli plan: the project has errors; Alembic would not load it\n";
        for (const Diagnostic &d : graph.diagnostics())
            if (d.severity == Diagnostic::Severity::Error)
                streams.err << GraphExport::diagnosticToText(d) << '\n';
        return ExitErrors;
    }

    QStringList from;
    for (const QString &rev : parser.value(QStringLiteral("from")).split(u',', Qt::SkipEmptyParts))
        from.append(rev.trimmed());
    const bool down = parser.isSet(QStringLiteral("down"));
    const QString target = parser.value(QStringLiteral("to"));
    const Plan plan = planFor(graph, from, target, down);
    if (!plan.ok()) {
        streams.err << "retort-cli plan: " << plan.error << '\n';
        return ExitRejectedTarget;
    }
    if (format == u"json") {
        writeStdout(streams.out, QJsonDocument(planToJson(plan)).toJson(QJsonDocument::Compact) + '\n');
        return ExitOk;
    }
    if (plan.steps.isEmpty())
        streams.out << "nothing to do: the database is already at " << target << '\n';
    for (const PlanStep &step : plan.steps) {
        const Revision *rev = graph.revision(step.revision);
        streams.out << (step.upgrade ? "upgrade   " : "downgrade ") << step.revision;
        if (rev && !rev->message.isEmpty())
            streams.out << "  " << rev->message.section(u'\n', 0, 0);
        streams.out << '\n';
    }
    return ExitOk;
}

} // namespace retort::cli
