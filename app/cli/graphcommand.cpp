#include "clicommand.h"
#include "graphexport.h"
#include "projectargument.h"

#include <QCommandLineParser>

namespace retort::cli {

int runGraphCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the revision graph of an Alembic project."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Project folder, alembic.ini or versions folder."),
                                 QStringLiteral("[PATH]"));
    parser.addOption({QStringLiteral("format"), QStringLiteral("Output format: text, json or dot."),
                      QStringLiteral("FORMAT"), QStringLiteral("text")});
    parser.addHelpOption();
    if (int code = ExitOk; !parseOrHelp(parser, arguments, streams, "graph", &code))
        return code;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json" && format != u"dot") {
        streams.err << "retort-cli graph: unknown format '" << format << "' (use text, json or dot)\n";
        return ExitUsage;
    }
    if (parser.positionalArguments().size() > 1) {
        streams.err << "retort-cli graph: expected at most one PATH\n";
        return ExitUsage;
    }

    bool ok = false;
    // Static, so it is never destroyed: main() ends the process with _Exit() right after this
    // returns, and freeing 10,000 revisions one string at a time would cost a tenth of the run.
    static Project project;
    project = loadProjectArgument(parser, streams.err, &ok);
    if (!ok)
        return ExitErrors;
    const RevisionGraph &graph = project.graph();
    if (format == u"json") {
        // Streamed in pieces: at 10,000 revisions the document is some megabytes.
        GraphExport::writeJson(graph, [&](QByteArrayView bytes) { writeStdout(streams.out, bytes); });
        writeStdout(streams.out, "\n");
    } else if (format == u"dot") {
        streams.out << GraphExport::toDot(graph);
    } else {
        streams.out << GraphExport::toText(graph);
    }
    streams.out.flush();
    return hasErrors(graph.diagnostics()) ? ExitErrors : ExitOk;
}

} // namespace retort::cli
