#include "bridgeargument.h"
#include "clicommand.h"
#include "databaselabel.h"
#include "projectargument.h"
#include "rollbackverifier.h"
#include "rundatabase.h"
#include "runjournal.h"
#include "runtext.h"

#include <QCommandLineParser>
#include <QEventLoop>

namespace retort::cli {

namespace {

/// What one line of output names: a revision with its message, or a range with its size.
QString subject(const RevisionGraph &graph, const RollbackVerifier::Range &range)
{
    if (range.first == range.last) {
        const Revision *revision = graph.revision(range.last);
        return revision && !revision->message.isEmpty() ? range.last + QStringLiteral("  ") + revision->message
                                                        : range.last;
    }
    return QStringLiteral("%1:%2 (%3 revisions)").arg(range.first, range.last).arg(range.upgrade.steps.size());
}

int exitCodeFor(const VerificationResult &result)
{
    switch (result.outcome) {
    case VerificationResult::Outcome::Restored:
        return ExitOk;
    case VerificationResult::Outcome::Differs:
        return ExitNotReversible;
    case VerificationResult::Outcome::StepFailed:
        return ExitAlembicFailed;
    case VerificationResult::Outcome::Cancelled:
        return ExitStopped;
    case VerificationResult::Outcome::Failed:
        break;
    }
    return ExitErrors;
}

/// One line for the verification (OK, DIFFERS, FAILED, ERROR), then what it found, indented.
int report(const VerificationResult &result, const QString &what, const Project &project, CliStreams streams)
{
    const QString runId = result.run.id > 0 ? QStringLiteral("  (run %1)").arg(result.run.id) : QString();
    int code = exitCodeFor(result);
    switch (result.outcome) {
    case VerificationResult::Outcome::Restored:
        streams.out << "OK       " << what << runId << '\n';
        break;
    case VerificationResult::Outcome::Differs:
        streams.out << "DIFFERS  " << what << runId << '\n';
        for (const QString &line : result.error.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            streams.out << "         " << line << '\n';
        break;
    case VerificationResult::Outcome::StepFailed:
        streams.out << "FAILED   " << what << runId << '\n' << "         " << result.error.simplified() << '\n';
        streams.out.flush();
        code = reportBridgeError(result.failedStep.error, project, streams.err, QStringLiteral("verify"));
        break;
    case VerificationResult::Outcome::Failed:
    case VerificationResult::Outcome::Cancelled:
        streams.out << "ERROR    " << what << runId << '\n';
        streams.err << "retort-cli verify: " << result.error << '\n';
        break;
    }
    for (const QString &note : result.notes)
        streams.out << "         note: " << note << '\n';
    streams.out.flush();
    return code;
}

} // namespace

int runVerifyCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prove that downgrades undo upgrades: snapshot, upgrade, snapshot, downgrade, snapshot, and "
                       "compare the first and last snapshots object by object. The database is changed: use a "
                       "sandbox."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Project folder or alembic.ini."),
                                 QStringLiteral("[PATH]"));
    parser.addOption({QStringLiteral("db"), QStringLiteral("The database: postgresql://... or sqlite:///path."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("range"),
                      QStringLiteral("Verify the revisions from A's parents up to B together."),
                      QStringLiteral("A:B")});
    parser.addOption({QStringLiteral("revision"), QStringLiteral("Verify one revision."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("reupgrade"),
                      QStringLiteral("After a faithful downgrade, upgrade again and compare with the first upgrade.")});
    parser.addOption({QStringLiteral("url-variable"),
                      QStringLiteral("Environment variable env.py reads the URL from (default RETORT_DATABASE_URL)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("journal"),
         QStringLiteral("The run journal to record the verification in (default: %1).").arg(RunJournal::defaultPath()),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Print each phase and step on stderr.")});
    addPythonOption(parser);
    parser.addHelpOption();
    if (int code = ExitOk; !parseOrHelp(parser, arguments, streams, "verify", &code))
        return code;
    const QString url = parser.value(QStringLiteral("db"));
    const QString rangeText = parser.value(QStringLiteral("range"));
    const QString revisionText = parser.value(QStringLiteral("revision"));
    if (url.isEmpty()) {
        streams.err << "retort-cli verify: --db URL is required\n";
        return ExitUsage;
    }
    if (!rangeText.isEmpty() && !revisionText.isEmpty()) {
        streams.err << "retort-cli verify: give --range or --revision, not both\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("range")) &&
        (rangeText.count(QLatin1Char(':')) != 1 || rangeText.startsWith(QLatin1Char(':')) ||
         rangeText.endsWith(QLatin1Char(':')))) {
        streams.err << "retort-cli verify: --range " << rangeText << ": write FIRST:LAST, two revisions\n";
        return ExitUsage;
    }
    bool ok = false;
    const Project project = loadProjectArgument(parser, streams.err, &ok);
    if (!ok)
        return ExitErrors;
    const RevisionGraph &graph = project.graph();

    const QString label = databaseLabel(url);
    RunDatabase database;
    QString error = database.open(url, QStringLiteral("retort-cli verify (reading alembic_version)"));
    const RunDatabase::Versions versions = error.isEmpty() ? database.readVersions() : RunDatabase::Versions{};
    database.close();
    if (error.isEmpty() && !versions.ok())
        error = versions.error;
    if (!error.isEmpty()) {
        streams.err << "retort-cli verify: " << label << ": " << error << '\n';
        return ExitErrors;
    }

    // What to verify: the range, the revision, or every revision from here to the heads, one at a time.
    QList<RollbackVerifier::Range> ranges;
    if (!rangeText.isEmpty()) {
        ranges.append(RollbackVerifier::range(graph, rangeText.section(QLatin1Char(':'), 0, 0),
                                              rangeText.section(QLatin1Char(':'), 1, 1)));
    } else if (!revisionText.isEmpty()) {
        ranges.append(RollbackVerifier::range(graph, {}, revisionText));
    } else {
        const RunPlan plan = RunPlan::make(graph, versions.revisions, QStringLiteral("heads"), true);
        if (!plan.ok()) {
            streams.err << "retort-cli verify: " << label << ": " << plan.error << '\n';
            return ExitErrors;
        }
        for (const RunPlanStep &step : plan.steps)
            ranges.append(RollbackVerifier::range(graph, {}, step.revision));
    }
    for (const RollbackVerifier::Range &range : std::as_const(ranges)) {
        if (!range.ok()) {
            streams.err << "retort-cli verify: " << range.error << '\n';
            return ExitRejectedTarget;
        }
    }
    streams.out << label << " is at " << listedRevisions(versions.revisions) << '\n';
    if (ranges.isEmpty()) {
        streams.out << "Nothing to verify: every revision is applied. Verify on an empty sandbox, or name a "
                       "--revision or --range.\n";
        return ExitOk;
    }
    if (rangeText.isEmpty() && revisionText.isEmpty())
        streams.out << "Verifying " << ranges.size() << (ranges.size() == 1 ? " revision" : " revisions")
                    << " one at a time, from " << listedRevisions(versions.revisions) << " to the heads\n";
    streams.out.flush();

    RunJournal journal;
    const QString journalPath =
        parser.isSet(QStringLiteral("journal")) ? parser.value(QStringLiteral("journal")) : RunJournal::defaultPath();
    if (const QString journalError = journal.open(journalPath); !journalError.isEmpty()) {
        streams.err << "retort-cli verify: " << journalError
                    << "\nNothing ran: a verification is only started when it can be recorded.\n";
        return ExitIoError;
    }
    const std::unique_ptr<AlembicBridge> bridge = openBridge(parser, project, streams.err);
    RollbackVerifier verifier(bridge.get(), graph);
    verifier.setJournal(&journal);
    if (parser.isSet(QStringLiteral("verbose")))
        QObject::connect(&verifier, &RollbackVerifier::progress, &verifier, [&streams](const QString &text) {
            streams.err << "  " << text << '\n';
            streams.err.flush();
        });
    MigrationRunner::Options options;
    options.urlVariable = parser.value(QStringLiteral("url-variable"));
    const MigrationRunner::Target target{url, label, label, QString(), project.config().iniPath()};

    int code = ExitOk;
    qsizetype verified = 0;
    for (const RollbackVerifier::Range &range : std::as_const(ranges)) {
        QEventLoop loop;
        QObject::connect(&verifier, &RollbackVerifier::finished, &loop, &QEventLoop::quit);
        verifier.start({range.first, range.last, parser.isSet(QStringLiteral("reupgrade"))}, target, options);
        loop.exec();
        code = report(verifier.result(), subject(graph, range), project, streams);
        if (code != ExitOk)
            break;
        ++verified;
    }
    if (verified < ranges.size() - 1) {
        QStringList rest;
        for (qsizetype i = verified + 1; i < ranges.size(); ++i)
            rest.append(ranges.at(i).last);
        streams.out << "Not verified (stopped at the first failure): " << rest.join(QStringLiteral(", ")) << '\n';
    }
    // Where the database really is now, read on a connection of its own.
    RunDatabase after;
    QString where = after.open(url, QStringLiteral("retort-cli verify (reading alembic_version)"));
    const RunDatabase::Versions now = where.isEmpty() ? after.readVersions() : RunDatabase::Versions{};
    where = where.isEmpty() && now.ok() ? listedRevisions(now.revisions) : QStringLiteral("an unknown revision (unreadable)");
    streams.out << (code == ExitOk ? "Verified: " : "Stopped: ") << verified << " of " << ranges.size()
                << (ranges.size() == 1 ? " verification" : " verifications") << " restored the schema; " << label
                << " is at " << where << " (journal " << journal.path() << ")\n";
    return code;
}

} // namespace retort::cli
