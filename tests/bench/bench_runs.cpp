// Upgrade runs on a private PostgreSQL: a generated linear history upgraded step by step through
// Retort (`retort-cli run --to heads`, with the run journal) against `alembic upgrade head` in one
// process, and against one `alembic upgrade +1` process per revision, on the same server in one run.
// For comparison also `alembic upgrade head` with a transaction per revision (env.py passes
// transaction_per_migration=True when RETORT_BENCH_TRANSACTION_PER_MIGRATION is set): what
// committing every step costs any step-by-step runner, before anything Retort adds.
//
//   bench_runs [--revisions N] [--runs N] [--per-step-runs N] [--cli PATH] [--no-fail]
//   bench_runs --write-project DIR [--revisions N]     only write the project (to profile a run by hand)
//
// The project (N revisions, default 200, each creating or altering a table; the generic template's
// alembic.ini and env.py, with env.py taking RETORT_DATABASE_URL over sqlalchemy.url) is written to a
// temporary folder. Every measurement gets a new empty database and times the whole process (or the
// processes) from start to exit: Python's start and Alembic's imports count on every side. After each
// one the database must be at the head with the same schema as every other, and Retort's journal must
// hold N succeeded steps with their statements; otherwise the timings mean nothing (exit 2).
//
// Alembic is measured warm: an untimed run first writes the revisions' .pyc files (Retort's helper
// never uses them). Prints each tool's times and median and the ratios against `alembic upgrade head`;
// target: Retort at most 1.3x. Exit 1 when it is missed (0 with --no-fail), 2 when a setup or a tool
// fails.

#include "postgresserver.h"
#include "runjournal.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <pqxx/pqxx>

using namespace retort;

namespace {

constexpr double kRatioTarget = 1.3;
const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kAlembic = QStringLiteral("/usr/bin/alembic");

// Alembic's generic template (alembic init), but for the database URL.
const char *const kAlembicIni = R"([alembic]
script_location = %(here)s/migrations
prepend_sys_path = .
version_path_separator = os
# env.py prefers RETORT_DATABASE_URL (Retort injects both)
sqlalchemy.url = postgresql://localhost/set-by-the-environment

[post_write_hooks]

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
)";

const char *const kEnvPy = R"(import os
from logging.config import fileConfig

from sqlalchemy import engine_from_config
from sqlalchemy import pool

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = None

url = os.environ.get("RETORT_DATABASE_URL")
if url:
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
# Only bench_runs' comparison row (d) sets it.
per_migration = bool(os.environ.get("RETORT_BENCH_TRANSACTION_PER_MIGRATION"))


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            transaction_per_migration=per_migration,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
)";

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.isEmpty() ? 0 : values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

QString times(const QList<double> &values)
{
    QStringList texts;
    for (double value : values)
        texts.append(QString::number(value, 'f', 2));
    return texts.join(QStringLiteral(" "));
}

QByteArray revisionId(int i)
{
    return QCryptographicHash::hash("retort bench_runs " + QByteArray::number(i), QCryptographicHash::Sha1)
        .toHex()
        .left(12);
}

/// Revision \a i (1-based) of four kinds in turn, on table t<n>: create it (with a foreign key to the
/// previous one), add a column, index a column, change a column's type. Each has its downgrade.
QByteArray revisionBody(int i, QByteArray *message)
{
    const int table = (i - 1) / 4 + 1;
    const QByteArray t = "t" + QByteArray::number(table);
    switch ((i - 1) % 4) {
    case 0: {
        *message = "create table " + t;
        const QByteArray parent = table > 1 ? "        sa.Column('parent_id', sa.Integer, sa.ForeignKey('t" +
                                                  QByteArray::number(table - 1) + ".id')),\n"
                                            : QByteArray();
        return "def upgrade():\n    op.create_table(\n        '" + t +
               "',\n        sa.Column('id', sa.Integer, primary_key=True),\n"
               "        sa.Column('name', sa.String(100), nullable=False),\n"
               "        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now()),\n" +
               parent + "    )\n\n\ndef downgrade():\n    op.drop_table('" + t + "')\n";
    }
    case 1:
        *message = "add column note to " + t;
        return "def upgrade():\n    op.add_column('" + t +
               "', sa.Column('note', sa.Text(), nullable=True))\n\n\n"
               "def downgrade():\n    op.drop_column('" +
               t + "', 'note')\n";
    case 2:
        *message = "index " + t + ".name";
        return "def upgrade():\n    op.create_index('ix_" + t + "_name', '" + t +
               "', ['name'])\n\n\n"
               "def downgrade():\n    op.drop_index('ix_" +
               t + "_name', table_name='" + t + "')\n";
    default:
        *message = "widen " + t + ".name";
        return "def upgrade():\n    op.alter_column('" + t +
               "', 'name', type_=sa.String(200), "
               "existing_type=sa.String(100), existing_nullable=False)\n\n\n"
               "def downgrade():\n    op.alter_column('" +
               t +
               "', 'name', type_=sa.String(100), "
               "existing_type=sa.String(200), existing_nullable=False)\n";
    }
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

/// The project; returns the head revision, or empty when a file could not be written.
QByteArray writeProject(const QString &root, int revisions)
{
    if (!writeFile(root + QStringLiteral("/alembic.ini"), kAlembicIni) ||
        !writeFile(root + QStringLiteral("/migrations/env.py"), kEnvPy) ||
        !writeFile(root + QStringLiteral("/migrations/script.py.mako"), "# not used\n"))
        return {};
    QByteArray down;
    for (int i = 1; i <= revisions; ++i) {
        const QByteArray id = revisionId(i);
        QByteArray message;
        const QByteArray body = revisionBody(i, &message);
        const QByteArray source = "\"\"\"" + message + "\n\nRevision ID: " + id + "\nRevises: " + down +
                                  "\nCreate Date: 2024-01-01 00:00:00\n\n\"\"\"\nfrom alembic import op\n"
                                  "import sqlalchemy as sa\n\n\n# revision identifiers, used by Alembic.\n"
                                  "revision = '" +
                                  id +
                                  "'\ndown_revision = " + (down.isEmpty() ? QByteArray("None") : "'" + down + "'") +
                                  "\nbranch_labels = None\ndepends_on = None\n\n\n" + body;
        const QString name = QStringLiteral("/migrations/versions/%1_step_%2.py")
                                 .arg(QString::fromLatin1(id))
                                 .arg(i, 3, 10, QLatin1Char('0'));
        if (!writeFile(root + name, source))
            return {};
        down = id;
    }
    return down;
}

struct Outcome
{
    bool ok = false;
    QString problem;
};

Outcome runProcess(const QString &program, const QStringList &arguments, const QString &workingDirectory,
                   const QProcessEnvironment &environment)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(program, arguments);
    Outcome outcome;
    if (!process.waitForFinished(30 * 60 * 1000)) {
        process.kill();
        process.waitForFinished();
        outcome.problem = program + QStringLiteral(" did not finish: ") + process.errorString();
        return outcome;
    }
    outcome.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!outcome.ok)
        outcome.problem = QStringLiteral("%1 %2 exited with %3:\n%4")
                              .arg(program, arguments.join(QLatin1Char(' ')))
                              .arg(process.exitCode())
                              .arg(QString::fromUtf8(process.readAllStandardError().right(3000)));
    return outcome;
}

/// alembic_version and a text of the schema (tables, columns with types, indexes), or the error.
QString schemaOf(const QString &connection, QString *version)
{
    try {
        pqxx::connection c(connection.toStdString());
        pqxx::nontransaction work(c);
        version->clear();
        for (const pqxx::row &row : work.exec("SELECT version_num FROM alembic_version"))
            *version += QString::fromStdString(row[0].as<std::string>()) + QLatin1Char(' ');
        QString schema;
        for (const pqxx::row &row :
             work.exec("SELECT table_name || '.' || column_name || ' ' || data_type || "
                       "coalesce('(' || character_maximum_length || ')', '') FROM information_schema.columns "
                       "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"))
            schema += QString::fromStdString(row[0].as<std::string>()) + QLatin1Char('\n');
        for (const pqxx::row &row :
             work.exec("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"))
            schema += QString::fromStdString(row[0].as<std::string>()) + QLatin1Char('\n');
        *version = version->trimmed();
        return schema;
    } catch (const std::exception &e) {
        *version = QStringLiteral("<%1>").arg(QString::fromUtf8(e.what()).trimmed());
        return {};
    }
}

} // namespace

int main(int argc, char *argv[])
{
    // retort-cli writes its helper script to the cache folder: keep it out of the user's.
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_runs: no temporary folder\n");
        return 2;
    }
    qputenv("XDG_CACHE_HOME", QFile::encodeName(dir.filePath(QStringLiteral("cache"))));
    QCoreApplication app(argc, argv);

    int revisions = 200;
    int runs = 3;
    int perStepRuns = -1;
    bool noFail = false;
    QString projectOnly;
    QString cli = QStringLiteral(RETORT_CLI_PATH);
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == u"--no-fail")
            noFail = true;
        else if (arg == u"--revisions" && hasValue)
            revisions = args.at(++i).toInt();
        else if (arg == u"--runs" && hasValue)
            runs = args.at(++i).toInt();
        else if (arg == u"--per-step-runs" && hasValue)
            perStepRuns = args.at(++i).toInt();
        else if (arg == u"--cli" && hasValue)
            cli = args.at(++i);
        else if (arg == u"--write-project" && hasValue)
            projectOnly = args.at(++i);
        else
            revisions = 0;
    }
    if (perStepRuns < 0)
        perStepRuns = runs;
    if (revisions < 1 || runs < 1) {
        std::fprintf(stderr,
                     "usage: bench_runs [--revisions N] [--runs N] [--per-step-runs N] [--cli PATH] [--no-fail]\n"
                     "       bench_runs --write-project DIR [--revisions N]\n");
        return 2;
    }
    if (!projectOnly.isEmpty()) {
        const QByteArray written = writeProject(projectOnly, revisions);
        std::printf("%s\n", written.isEmpty() ? "cannot write the project" : written.constData());
        return written.isEmpty() ? 2 : 0;
    }
    for (const QString &program : {cli, kPython, kAlembic}) {
        if (!QFileInfo(program).isExecutable()) {
            std::fprintf(stderr, "bench_runs: %s is missing\n", qPrintable(program));
            return 2;
        }
    }

    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                          QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const QString project = dir.filePath(QStringLiteral("project"));
    const QString head = QString::fromLatin1(writeProject(project, revisions));
    if (head.isEmpty()) {
        std::fprintf(stderr, "bench_runs: cannot write the project to %s\n", qPrintable(project));
        return 2;
    }
    PostgresServer server(dir.filePath(QStringLiteral("pg")));
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "bench_runs: cannot start PostgreSQL: %s\n", qPrintable(error));
        return 2;
    }

    QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    base.remove(QStringLiteral("DATABASE_URL"));
    base.remove(QStringLiteral("RETORT_DATABASE_URL"));
    base.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));

    int databases = 0;
    QString expectedSchema;
    // A new database; its URL (and its libpq connection string in *connection), empty if it failed.
    const auto freshDatabase = [&](const QString &tool, QString *connection) {
        const QString name = QStringLiteral("%1_%2").arg(tool).arg(++databases);
        QString why;
        if (!server.createDatabase(name, &why)) {
            std::fprintf(stderr, "bench_runs: cannot create database %s: %s\n", qPrintable(name), qPrintable(why));
            return QString();
        }
        *connection = server.connectionString(name);
        return server.sqlalchemyUrl(name);
    };
    // The database must be at the head, with the schema every other measurement left.
    const auto check = [&](const QString &what, const QString &connection) {
        QString version;
        const QString schema = schemaOf(connection, &version);
        if (version != head || schema.isEmpty()) {
            std::fprintf(stderr, "bench_runs: after %s the database is at %s, not at the head %s\n", qPrintable(what),
                         qPrintable(version), qPrintable(head));
            return false;
        }
        if (expectedSchema.isEmpty())
            expectedSchema = schema;
        if (schema != expectedSchema) {
            std::fprintf(stderr, "bench_runs: after %s the schema differs from the first measurement's\n",
                         qPrintable(what));
            return false;
        }
        return true;
    };
    const auto alembicEnvironment = [&](const QString &url) {
        QProcessEnvironment environment = base;
        environment.insert(QStringLiteral("RETORT_DATABASE_URL"), url);
        return environment;
    };

    int journals = 0;
    // (a) retort-cli run --to heads, journal on; seconds or -1.
    const auto retortRun = [&]() -> double {
        QString connection;
        const QString url = freshDatabase(QStringLiteral("retort"), &connection);
        if (url.isEmpty())
            return -1;
        const QString journalPath = dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++journals));
        QElapsedTimer timer;
        timer.start();
        const Outcome outcome =
            runProcess(cli,
                       {QStringLiteral("run"), project, QStringLiteral("--db"), url, QStringLiteral("--to"),
                        QStringLiteral("heads"), QStringLiteral("--journal"), journalPath, QStringLiteral("--yes"),
                        QStringLiteral("--python"), kPython},
                       project, base);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!outcome.ok) {
            std::fprintf(stderr, "bench_runs: %s\n", qPrintable(outcome.problem));
            return -1;
        }
        if (!check(QStringLiteral("retort-cli run"), connection))
            return -1;
        RunJournal journal;
        const QString journalError = journal.open(journalPath);
        const QList<RunRecord> headers = journal.runs();
        const RunRecord run = headers.size() == 1 ? journal.run(headers.constFirst().id) : RunRecord();
        const bool allSteps = run.steps.size() == revisions &&
                              std::all_of(run.steps.cbegin(), run.steps.cend(), [](const RunStepRecord &step) {
                                  return step.status == RunStatus::Succeeded && step.versionsAfter.size() == 1 &&
                                         std::any_of(step.statements.cbegin(), step.statements.cend(),
                                                     [](const StatementRecord &s) { return s.finished(); });
                              });
        if (!journalError.isEmpty() || run.status != RunStatus::Succeeded || !allSteps) {
            std::fprintf(
                stderr, "bench_runs: the journal does not hold the run as it happened: %s (%lld runs, %lld steps)\n",
                qPrintable(journalError + journal.lastError()), qlonglong(headers.size()), qlonglong(run.steps.size()));
            return -1;
        }
        return seconds;
    };
    // (b) alembic upgrade head, one process; (d) the same with a transaction per revision.
    const auto alembicHead = [&](const QString &label, bool perMigration = false) -> double {
        QString connection;
        const QString url = freshDatabase(label, &connection);
        if (url.isEmpty())
            return -1;
        QProcessEnvironment environment = alembicEnvironment(url);
        if (perMigration)
            environment.insert(QStringLiteral("RETORT_BENCH_TRANSACTION_PER_MIGRATION"), QStringLiteral("1"));
        QElapsedTimer timer;
        timer.start();
        const Outcome outcome =
            runProcess(kAlembic, {QStringLiteral("upgrade"), QStringLiteral("head")}, project, environment);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!outcome.ok) {
            std::fprintf(stderr, "bench_runs: %s\n", qPrintable(outcome.problem));
            return -1;
        }
        return check(QStringLiteral("alembic upgrade head"), connection) ? seconds : -1;
    };
    // (c) alembic upgrade +1, a process per revision.
    const auto alembicPerStep = [&]() -> double {
        QString connection;
        const QString url = freshDatabase(QStringLiteral("perstep"), &connection);
        if (url.isEmpty())
            return -1;
        const QProcessEnvironment environment = alembicEnvironment(url);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < revisions; ++i) {
            const Outcome outcome =
                runProcess(kAlembic, {QStringLiteral("upgrade"), QStringLiteral("+1")}, project, environment);
            if (!outcome.ok) {
                std::fprintf(stderr, "bench_runs: step %d: %s\n", i + 1, qPrintable(outcome.problem));
                return -1;
            }
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        return check(QStringLiteral("%1 x alembic upgrade +1").arg(revisions), connection) ? seconds : -1;
    };

    std::printf("bench_runs: %d revisions, linear, each creating or altering a table; PostgreSQL on 127.0.0.1:%d\n",
                revisions, server.port());
    std::fflush(stdout);
    // Warm-up, untimed: Alembic writes the revisions' .pyc files; both read their libraries once.
    if (alembicHead(QStringLiteral("warmup")) < 0 || retortRun() < 0)
        return 2;

    QList<double> retort, head1, perStep, perMigration;
    for (int r = 0; r < std::max(runs, perStepRuns); ++r) {
        if (r < runs) {
            const double a = retortRun();
            const double b = alembicHead(QStringLiteral("alembic"));
            const double d = alembicHead(QStringLiteral("permigration"), true);
            if (a < 0 || b < 0 || d < 0)
                return 2;
            retort.append(a);
            head1.append(b);
            perMigration.append(d);
            std::printf("  run %d: Retort %.2f s, alembic upgrade head %.2f s (a transaction per revision %.2f s)\n",
                        r + 1, a, b, d);
            std::fflush(stdout);
        }
        if (r < perStepRuns) {
            const double c = alembicPerStep();
            if (c < 0)
                return 2;
            perStep.append(c);
            std::printf("  run %d: %d x alembic upgrade +1 %.2f s\n", r + 1, revisions, c);
            std::fflush(stdout);
        }
    }

    const auto row = [&](const char *label, const QList<double> &values) {
        const double value = median(values);
        std::printf("  %-44s median %7.2f s  (%s)  %6.1f ms/revision\n", label, value, qPrintable(times(values)),
                    value * 1000 / revisions);
        return value;
    };
    const auto ratio = [](const char *label, double value, const char *note) {
        std::printf("  %-44s %6.2fx  %s\n", label, value, note);
    };
    const double a = row("(a) Retort step by step, journal on", retort);
    const double b = row("(b) alembic upgrade head, one process", head1);
    const double c = perStep.isEmpty() ? 0 : row("(c) alembic upgrade +1, a process per step", perStep);
    const double d = row("(d) as (b), a transaction per revision", perMigration);
    if (c > 0)
        ratio("(c)/(b) a process per step", c / b, "(for comparison)");
    ratio("(d)/(b) committing every revision", d / b, "(for comparison: any step-by-step run commits each step)");
    ratio("(a)/(d) Retort / alembic committing each", a / d, "(for comparison)");
    const bool ok = a <= b * kRatioTarget;
    ratio("(a)/(b) Retort / alembic upgrade head", a / b,
          qPrintable(QStringLiteral("(target <= %1x)  %2").arg(kRatioTarget).arg(ok ? u"PASS" : u"FAIL")));
    std::printf("  every database ended at %s with the same schema; every journal holds %d succeeded steps\n",
                qPrintable(head), revisions);
    return ok || noFail ? 0 : 1;
}
