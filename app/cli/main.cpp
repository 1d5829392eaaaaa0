#include "clicommand.h"
#include "malloctuning.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>
#include <cstdlib>

namespace {

const char *const kUsage = R"(Usage: retort-cli <command> [options]

Commands:
  graph [PATH] [--format text|json|dot]
        The revision graph of the Alembic project at PATH (default: the current folder).
        Exit 0, or 1 when there are error diagnostics.
  plan [PATH] --to TARGET [--from REV[,REV...]] [--down] [--format text|json]
        The steps `alembic upgrade TARGET` (or `downgrade` with --down) would run from a
        database whose alembic_version holds the --from revisions (default: empty).
        Exit 0, or 2 with Alembic's message when it would reject the target.
  sql [PATH] REV|FROM:TO [--down] [--mode env|direct] [--url URL] [--dialect NAME] [--python PATH]
        The SQL Alembic emits offline for one revision or a range: through env.py as
        `alembic upgrade FROM:TO --sql` (env), or the revision modules alone (direct).
        Exit 3 when Alembic fails (the message names the file and line), 69 when there
        is no Python with Alembic.
  revision [PATH] -m MSG [--head H] [--splice] [--branch-label L] [--depends-on R[,R...]]
           [--rev-id ID] [--version-path DIR] [--autogenerate] [--python PATH]
        A new revision file made by Alembic; prints its id and path.
  merge [PATH] REV REV... -m MSG [--branch-label L] [--rev-id ID] [--python PATH]
        A merge revision of the given revisions (or 'heads'); prints its id and path.
  schema --db URL [--json]
        The live schema of a database: schemas, tables, views, columns, constraints,
        indexes, enums, sequences and alembic_version, as a tree or as JSON.
        Exit 1 with a plain message when the database cannot be read.
  current [PATH] --db URL
        The revisions the database's alembic_version holds (like `alembic current`, without
        Python), with each revision's message from the project at PATH (default: the
        current folder, when it is a project). Exit 1 when the database cannot be read.
  run [PATH] --db URL --to TARGET [--down] [--step] [--lock-timeout 5s]
      [--statement-timeout 60s] [--url-variable NAME] [--journal FILE] [--dry-run] [--yes]
      [--python PATH]
        Upgrades (or downgrades) the database to TARGET one revision per step with Alembic,
        through the project's env.py with the URL injected, printing every statement with
        its duration; alembic_version is read back after each step. Holds a run lock so two
        runs cannot interleave. --step asks before each further step.
        Exit 0 at the target; 1 when the database cannot be read, the lock is held or
        alembic_version is not what the plan expects; 2 when Alembic would reject the
        target; 3 when a step fails (the message names the file and line); 4 when the run
        was stopped before the target; 74 when the run journal cannot be written (nothing
        runs unless it can be recorded). Every step and statement goes into the journal.
  verify [PATH] --db URL [--range A:B | --revision R] [--reupgrade] [--url-variable NAME]
         [--journal FILE] [--verbose] [--python PATH]
        Proves that downgrades undo upgrades, on a sandbox (the database is changed):
        snapshot, upgrade, snapshot, downgrade, snapshot, and the first and last snapshots
        compared object by object (alembic_version's rows left out); --reupgrade upgrades
        again and compares with the first upgrade. --range verifies the revisions from A's
        parents up to B together, --revision one revision; without either, every revision
        from the database's state (best: an empty database) to the heads, one at a time,
        one line each: OK, DIFFERS with the difference, or FAILED, stopping at the first
        that is not OK. A database below a revision's start is upgraded to it first (a run
        of its own, not verified); one above it is refused. Each
        verification goes into the journal with its verdict (retort-cli runs --show ID).
        Exit 0 when every downgrade restores the schema; 1 when the database cannot be
        read or is not at the start; 2 for a revision that does not exist; 3 when a step
        fails (Alembic raised); 5 when a downgrade leaves a difference; 74 when the
        journal cannot be written.
  runs [--journal FILE] [--profile NAME] [--show ID [--json]]
        The runs in the journal, newest first; runs whose writer died are listed as
        interrupted with the database's alembic_version now. --show prints one run as a
        Markdown report (or JSON): who, where, when, each step and statement.
  help  This text.

Commands that run Alembic use the project's Python: --python, else the project's .venv or
venv, $VIRTUAL_ENV, poetry's environment, the alembic command's interpreter, or
/usr/bin/python3 (the choice is printed on stderr).

URL is postgresql://user:password@host:port/database (or a libpq key=value string) or
sqlite:///path/to/file.db.

PATH may be an alembic.ini, a folder holding one, a script directory or a versions folder.
)";

} // namespace

int main(int argc, char *argv[])
{
    retort::cli::tuneMallocForOneShotRun();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retort-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    retort::cli::CliStreams streams{out, err};

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        err << kUsage;
        return retort::cli::ExitUsage;
    }
    const QString command = arguments.at(1);
    arguments.removeAt(1); // keep argv[0] for QCommandLineParser
    using Runner = int (*)(const QStringList &, retort::cli::CliStreams);
    const std::pair<const char16_t *, Runner> commands[] = {
        {u"graph", retort::cli::runGraphCommand},       {u"plan", retort::cli::runPlanCommand},
        {u"sql", retort::cli::runSqlCommand},           {u"revision", retort::cli::runRevisionCommand},
        {u"merge", retort::cli::runMergeCommand},       {u"schema", retort::cli::runSchemaCommand},
        {u"current", retort::cli::runCurrentCommand},   {u"run", retort::cli::runRunCommand},
        {u"runs", retort::cli::runRunsCommand},         {u"verify", retort::cli::runVerifyCommand},
    };
    const auto found = std::find_if(std::begin(commands), std::end(commands),
                                     [&command](const auto &entry) { return command == QStringView(entry.first); });
    if (found != std::end(commands)) {
        const int code = found->second(arguments, streams);
        // Everything is written: skip freeing a whole project's worth of small objects one by one
        // (a tenth of the run time at 10,000 revisions); the system reclaims the process at once.
        out.flush();
        err.flush();
        const bool written = std::fflush(stdout) == 0 && !std::ferror(stdout) && out.status() == QTextStream::Ok;
        std::fflush(stderr);
        if (!written) {
            std::fputs("retort-cli: cannot write the output (disk full or closed pipe?)\n", stderr);
            std::_Exit(retort::cli::ExitIoError);
        }
        std::_Exit(code);
    }
    if (command == u"help" || command == u"--help" || command == u"-h") {
        out << kUsage;
        return retort::cli::ExitOk;
    }
    if (command == u"--version") {
        out << "retort-cli " << RETORT_VERSION << '\n';
        return retort::cli::ExitOk;
    }
    err << "retort-cli: unknown command '" << command << "'\n\n" << kUsage;
    return retort::cli::ExitUsage;
}
