#include "clicommand.h"
#include "projectargument.h"
#include "rundatabase.h"
#include "runjournal.h"
#include "runreport.h"
#include "runtext.h"

#include <QCommandLineParser>

namespace retort::cli {

int runRunsCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the runs in a run journal, or print one as Markdown or JSON."));
    parser.addOption({QStringLiteral("journal"), QStringLiteral("The run journal (default: %1).").arg(RunJournal::defaultPath()),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("profile"), QStringLiteral("Only the runs against this profile or database."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("show"), QStringLiteral("Print run ID in full."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("With --show: JSON instead of Markdown.")});
    parser.addHelpOption();
    if (int code = ExitOk; !parseOrHelp(parser, arguments, streams, "runs", &code))
        return code;
    const QString path = parser.isSet(QStringLiteral("journal")) ? parser.value(QStringLiteral("journal")) : RunJournal::defaultPath();
    RunJournal journal;
    if (const QString error = journal.open(path); !error.isEmpty()) {
        streams.err << "retort-cli runs: " << error << '\n';
        return ExitErrors;
    }
    if (parser.isSet(QStringLiteral("show"))) {
        bool ok = false;
        const qint64 id = parser.value(QStringLiteral("show")).toLongLong(&ok);
        const RunRecord run = ok ? journal.run(id) : RunRecord();
        if (run.id == 0) {
            streams.err << "retort-cli runs: " << path << " has no run " << parser.value(QStringLiteral("show")) << '\n';
            return ExitErrors;
        }
        if (parser.isSet(QStringLiteral("json")))
            writeStdout(streams.out, RunReport::toJson(run));
        else
            streams.out << RunReport::toMarkdown(run);
        return ExitOk;
    }
    // Runs whose writer died while they ran are shown as interrupted, with the database's real state.
    const QList<RunRecord> interrupted = journal.interruptedRuns();
    for (const RunRecord &run : interrupted) {
        streams.out << "Run " << run.id << " was interrupted at step "
                    << (std::count_if(run.steps.cbegin(), run.steps.cend(),
                                      [](const RunStepRecord &s) { return s.status == RunStatus::Succeeded; }) + 1)
                    << " of " << run.steps.size() << " (" << run.database << ")";
        if (run.database.startsWith(QLatin1String("sqlite:")) || run.database.contains(QLatin1String("://"))) {
            const RunDatabase::Versions versions = RunDatabase::readOnce(run.database, QStringLiteral("retort-cli runs"));
            if (versions.ok())
                streams.out << "; the database is at " << listedRevisions(versions.revisions, QStringLiteral("base"), QStringLiteral(",")) << " now";
        }
        streams.out << '\n';
    }
    const QList<RunRecord> runs = journal.runs(parser.value(QStringLiteral("profile")));
    for (const RunRecord &run : runs) {
        const bool wasInterrupted = std::any_of(interrupted.cbegin(), interrupted.cend(),
                                                [&run](const RunRecord &r) { return r.id == run.id; });
        streams.out << run.id << '\t' << run.startedAt.toLocalTime().toString(Qt::ISODate) << '\t'
                    << (wasInterrupted ? QStringLiteral("interrupted") : statusName(run.status)) << '\t'
                    << (run.kind == RunRecord::Kind::Verify ? "verify " : (run.upgrade ? "upgrade " : "downgrade "))
                    << run.target << '\t' << listedRevisions(run.versionsBefore, QStringLiteral("base"), QStringLiteral(",")) << " -> " << listedRevisions(run.versionsAfter, QStringLiteral("base"), QStringLiteral(",")) << '\t'
                    << run.database << '\t' << run.user << '@' << run.host << '\n';
    }
    if (runs.isEmpty())
        streams.err << "retort-cli runs: no runs in " << path << '\n';
    return ExitOk;
}

} // namespace retort::cli
