#include "bridgeargument.h"
#include "clicommand.h"
#include "databaselabel.h"
#include "durationtext.h"
#include "migrationrunner.h"
#include "projectargument.h"
#include "rundatabase.h"
#include "runjournal.h"
#include "runprogressprinter.h"
#include "runtext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>

#include <cstdio>

namespace retort::cli {

namespace {

/// Asks on stdin whether to go on after a step: y (next step), a (all the rest), anything else stops.
QChar askToContinue(QTextStream &err, int done, int total)
{
    err << "Step " << done << " of " << total << " done. Continue? [y]es, [a]ll, [N]o: " << Qt::flush;
    char buffer[64] = {};
    if (!std::fgets(buffer, sizeof buffer, stdin))
        return QLatin1Char('n');
    return QChar::fromLatin1(buffer[0]).toLower();
}

int exitCodeFor(const RunRecord &record)
{
    switch (record.status) {
    case RunStatus::Succeeded:
        return ExitOk;
    case RunStatus::Cancelled:
        return ExitStopped;
    default:
        break;
    }
    const bool stepFailed = std::any_of(record.steps.cbegin(), record.steps.cend(), [](const RunStepRecord &step) {
        return step.failed() && step.error.type != QLatin1String("VersionMismatch")
            && step.error.type != QLatin1String("VersionUnreadable");
    });
    return stepFailed ? ExitAlembicFailed : ExitErrors;
}

} // namespace

int runRunCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Upgrade or downgrade a database one revision per step with Alembic, "
                                                    "reading alembic_version back after every step."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Project folder or alembic.ini."), QStringLiteral("[PATH]"));
    parser.addOption({QStringLiteral("db"), QStringLiteral("The database: postgresql://... or sqlite:///path."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Target: heads, head, base, a revision, label@head, +N, -N..."), QStringLiteral("TARGET")});
    parser.addOption({QStringLiteral("down"), QStringLiteral("Downgrade to TARGET (default: whichever direction reaches it).")});
    parser.addOption({QStringLiteral("step"), QStringLiteral("Ask before each step after the first.")});
    parser.addOption({QStringLiteral("lock-timeout"), QStringLiteral("lock_timeout for the run (500ms, 5s, 1min; a bare number is ms)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("statement-timeout"), QStringLiteral("statement_timeout for the run."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("url-variable"), QStringLiteral("Environment variable env.py reads the URL from (default RETORT_DATABASE_URL)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("journal"), QStringLiteral("The run journal to record the run in (default: %1).")
                                                     .arg(RunJournal::defaultPath()), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the plan and stop.")});
    parser.addOption({QStringLiteral("yes"), QStringLiteral("Do not ask: run every step.")});
    addPythonOption(parser);
    parser.addHelpOption();
    if (int code = ExitOk; !parseOrHelp(parser, arguments, streams, "run", &code))
        return code;
    const QString url = parser.value(QStringLiteral("db"));
    const QString target = parser.value(QStringLiteral("to"));
    if (url.isEmpty() || target.isEmpty()) {
        streams.err << "retort-cli run: --db URL and --to TARGET are required\n";
        return ExitUsage;
    }
    MigrationRunner::Options options;
    for (const auto &[name, field] : {std::pair{"lock-timeout", &options.lockTimeoutMs},
                                      std::pair{"statement-timeout", &options.statementTimeoutMs}}) {
        const QString text = parser.value(QString::fromLatin1(name));
        if (text.isEmpty())
            continue;
        const std::optional<int> ms = parseDurationMs(text);
        if (!ms) {
            streams.err << "retort-cli run: --" << name << " " << text << ": not a duration (500ms, 5s, 1min)\n";
            return ExitUsage;
        }
        *field = *ms;
    }
    options.urlVariable = parser.value(QStringLiteral("url-variable"));
    // Python's start and Alembic's imports take longer than everything up to the first step: the helper
    // starts first, from alembic.ini alone, and gets ready while the revision files are read,
    // alembic_version is read, the plan made and the journal opened.
    std::unique_ptr<AlembicBridge> bridge;
    if (!parser.isSet(QStringLiteral("dry-run"))) {
        const QStringList positional = parser.positionalArguments();
        const ProjectConfig config = ProjectConfig::load(positional.isEmpty() ? QDir::currentPath() : positional.first());
        if (config.isValid()) { // else the project is refused below
            bridge = openBridge(parser, config, streams.err);
            bridge->start();
        }
    }
    bool ok = false;
    const Project project = loadProjectArgument(parser, streams.err, &ok);
    if (!ok)
        return ExitErrors;

    const QString label = databaseLabel(url);
    const RunDatabase::Versions versions = RunDatabase::readOnce(url, QStringLiteral("retort-cli run (reading alembic_version)"));
    if (!versions.ok()) {
        streams.err << "retort-cli run: " << label << ": " << versions.error << '\n';
        return ExitErrors;
    }
    const bool forceDown = parser.isSet(QStringLiteral("down"));
    RunPlan plan = RunPlan::make(project.graph(), versions.revisions, target, !forceDown);
    if (!forceDown && (!plan.ok() || plan.isEmpty())) {
        const RunPlan down = RunPlan::make(project.graph(), versions.revisions, target, false);
        if (down.ok() && !down.isEmpty())
            plan = down;
    }
    if (!plan.ok()) {
        streams.err << "retort-cli run: " << plan.error << '\n';
        if (!plan.parentChoices.isEmpty())
            streams.err << "  step down to one parent explicitly: --to " << plan.parentChoices.join(QStringLiteral(" or --to "))
                        << '\n';
        return ExitRejectedTarget;
    }
    streams.out << label << " is at " << listedRevisions(versions.revisions) << '\n';
    if (plan.isEmpty()) {
        streams.out << "Nothing to do: the database is at " << target << '\n';
        return ExitOk;
    }
    streams.out << "Plan (" << plan.steps.size() << (plan.steps.size() == 1 ? " step" : " steps") << "):\n";
    for (const RunPlanStep &step : plan.steps)
        streams.out << "  " << (step.upgrade ? "upgrade   " : "downgrade ") << step.revision << "  " << step.message << '\n';
    streams.out.flush();
    if (parser.isSet(QStringLiteral("dry-run")))
        return ExitOk;

    RunJournal journal;
    const QString journalPath = parser.isSet(QStringLiteral("journal")) ? parser.value(QStringLiteral("journal"))
                                                                         : RunJournal::defaultPath();
    if (const QString journalError = journal.open(journalPath); !journalError.isEmpty()) {
        streams.err << "retort-cli run: " << journalError << "\nNothing ran: a run is only started when it can be recorded.\n";
        return ExitIoError;
    }
    MigrationRunner runner(bridge.get());
    runner.setJournal(&journal);
    options.pauseAfterEachStep = parser.isSet(QStringLiteral("step")) && !parser.isSet(QStringLiteral("yes"));
    options.databaseWorkInline = true; // nothing else to keep responsive while the database answers
    QEventLoop loop;
    RunProgressPrinter progress(runner, int(plan.steps.size()), streams.out, [&](const RunStepRecord &step) {
        reportBridgeError(step.error, project, streams.err, QStringLiteral("run"));
    });
    QObject::connect(&runner, &MigrationRunner::paused, &loop, [&](int next) {
        progress.flush();
        const QChar answer = askToContinue(streams.err, next, int(plan.steps.size()));
        if (answer == QLatin1Char('y'))
            runner.resume();
        else if (answer == QLatin1Char('a'))
            runner.resumeToEnd();
        else
            runner.cancel();
    });
    QObject::connect(&runner, &MigrationRunner::runFinished, &loop, &QEventLoop::quit);
    runner.start(plan, {url, label, label, QString(), project.config().iniPath()}, options);
    if (runner.state() != MigrationRunner::State::Finished)
        loop.exec();

    progress.flush();
    const RunRecord &record = runner.record();
    streams.out << "Run " << record.id << ' ' << statusName(record.status) << "; " << label << " is at "
                << listedRevisions(record.versionsAfter) << " (journal " << journalPath << ")\n";
    if (!record.error.isEmpty() && record.status != RunStatus::Succeeded)
        streams.err << "retort-cli run: " << record.error << '\n';
    return exitCodeFor(record);
}

} // namespace retort::cli
