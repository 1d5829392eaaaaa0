// Schema introspection on a large database: Retort's PgIntrospector against SQLAlchemy 1.4's
// MetaData.reflect() (Debian's /usr/bin/python3, psycopg2) and pg_dump --schema-only, on the same
// database in one run.
//
//   bench_introspection [--tables N] [--runs N] [--hold]
//
// --hold: after creating the tables, print the connection string and wait for a line on stdin before
// measuring (to look at the catalog queries with psql).
//
// Starts a private PostgreSQL (PostgresServer), creates N tables (default 2,000) of 20 columns with a
// primary key, one index and one foreign key each, then times each tool RUNS times (default 3) and
// prints the medians and ratios. Targets: Retort at least 20x faster than SQLAlchemy and no slower than
// pg_dump; exit 1 when one is missed, 2 when the setup or a tool fails.

#include "pgintrospector.h"
#include "postgresserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <pqxx/pqxx>

using namespace retort;

namespace {

constexpr double kSqlAlchemyRatioTarget = 20.0;
constexpr double kPgDumpRatioTarget = 1.0;

// Times reflect() alone, inside the process: the interpreter's start and imports are not counted.
const char *const kReflect = R"(import sys, time
from sqlalchemy import create_engine, MetaData
engine = create_engine(sys.argv[1])
metadata = MetaData()
start = time.perf_counter()
metadata.reflect(engine)
elapsed = time.perf_counter() - start
print(elapsed, len(metadata.tables), sum(len(t.columns) for t in metadata.tables.values()))
)";

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.isEmpty() ? 0 : values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

/// One DO block per batch of tables: a single transaction creating all of them would run out of
/// lock slots (max_locks_per_transaction).
QByteArray createTables(int from, int to)
{
    QByteArray columns;
    static const char *const types[] = {"text", "integer", "numeric(10,2)", "timestamptz", "boolean", "varchar(50)"};
    for (int c = 3; c <= 20; ++c)
        columns += ", c" + QByteArray::number(c) + ' ' + types[c % 6] + (c % 4 == 0 ? " NOT NULL DEFAULT 0" : "");
    columns.replace("boolean NOT NULL DEFAULT 0", "boolean NOT NULL DEFAULT false");
    columns.replace("timestamptz NOT NULL DEFAULT 0", "timestamptz NOT NULL DEFAULT now()");
    // Inside the format() literal a quote is doubled.
    columns.replace("text NOT NULL DEFAULT 0", "text NOT NULL DEFAULT ''''");
    columns.replace("varchar(50) NOT NULL DEFAULT 0", "varchar(50) NOT NULL DEFAULT ''''");
    return "DO $$ BEGIN FOR i IN " + QByteArray::number(from) + ".." + QByteArray::number(to) +
           " LOOP EXECUTE format('CREATE TABLE t%s (id integer PRIMARY KEY, parent_id integer REFERENCES t%s (id)" +
           columns +
           ")', i, greatest(i - 1, 1)); EXECUTE format('CREATE INDEX t%s_c3 ON t%s (c3)', i, i); "
           "END LOOP; END $$";
}

bool runTool(const QString &program, const QStringList &arguments, const QProcessEnvironment &env, QByteArray *out,
             double *wallSeconds)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(QProcess::nullDevice());
    if (out)
        process.setStandardOutputFile(QString()); // keep stdout
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    const bool finished = process.waitForFinished(30 * 60 * 1000);
    *wallSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (out)
        *out = process.readAllStandardOutput();
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     process.readAllStandardError().left(2000).constData());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int tables = 2000;
    int runs = 3;
    const QStringList args = app.arguments();
    const bool hold = args.contains(QStringLiteral("--hold"));
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--hold")
            --i;
        else if (args.at(i) == u"--tables")
            tables = args.at(i + 1).toInt();
        else if (args.at(i) == u"--runs")
            runs = args.at(i + 1).toInt();
    }
    if (tables < 1 || runs < 1) {
        std::fprintf(stderr, "usage: bench_introspection [--tables N] [--runs N]\n");
        return 2;
    }

    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                          QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    PostgresServer server(dir.filePath(QStringLiteral("pg")));
    QString error;
    if (!server.start(&error) || !server.createDatabase(QStringLiteral("bench"), &error)) {
        std::fprintf(stderr, "cannot start PostgreSQL: %s\n", qPrintable(error));
        return 2;
    }
    const QString connection = server.connectionString(QStringLiteral("bench"));
    QElapsedTimer setup;
    setup.start();
    try {
        pqxx::connection c(connection.toStdString());
        pqxx::nontransaction work(c);
        for (int from = 1; from <= tables; from += 250)
            work.exec(createTables(from, std::min(tables, from + 249)).toStdString());
        work.exec("ANALYZE");
    } catch (const std::exception &e) {
        std::fprintf(stderr, "cannot create the tables: %s\n", e.what());
        return 2;
    }
    std::printf("introspection: %d tables x 20 columns, primary key, index and foreign key each (created in %.1f s)\n",
                tables, double(setup.elapsed()) / 1000);
    if (hold) {
        std::printf("%s\n", qPrintable(connection));
        std::fflush(stdout);
        char line[16];
        if (!std::fgets(line, sizeof(line), stdin))
            return 2;
    }

    QList<double> retort, sqlalchemy, pgdump;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        PgIntrospector introspector;
        const PgIntrospector::Result result = introspector.introspect(connection);
        retort.append(double(timer.nsecsElapsed()) / 1e9);
        qsizetype columns = 0;
        for (const auto &table : result.snapshot.tables())
            columns += table.columns.size();
        if (!result.ok() || result.snapshot.tables().size() != tables || columns != qsizetype(tables) * 20) {
            std::fprintf(stderr, "Retort's snapshot is wrong: %s (%lld tables, %lld columns)\n",
                         qPrintable(result.error), qlonglong(result.snapshot.tables().size()), qlonglong(columns));
            return 2;
        }
    }
    std::printf("  Retort PgIntrospector       median %8.3f s\n", median(retort));
    std::fflush(stdout);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), server.password());
    for (int r = 0; r < runs; ++r) {
        QByteArray out;
        double wall = 0;
        if (!runTool(
                QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QString::fromLatin1(kReflect), server.sqlalchemyUrl(QStringLiteral("bench"))},
                env, &out, &wall))
            return 2;
        const QList<QByteArray> fields = out.trimmed().split(' ');
        if (fields.size() != 3 || fields.at(1).toInt() != tables || fields.at(2).toInt() != tables * 20) {
            std::fprintf(stderr, "SQLAlchemy reflected something else: %s\n", out.constData());
            return 2;
        }
        sqlalchemy.append(fields.at(0).toDouble());
    }
    std::printf("  SQLAlchemy 1.4 reflect()    median %8.3f s  (reflect() alone, without Python's start)\n",
                median(sqlalchemy));
    std::fflush(stdout);

    const QString pgDump = PostgresServer::findBinDir() + QStringLiteral("/pg_dump");
    for (int r = 0; r < runs; ++r) {
        double wall = 0;
        if (!runTool(pgDump,
                     {QStringLiteral("--schema-only"), QStringLiteral("-h"), server.host(), QStringLiteral("-p"),
                      QString::number(server.port()), QStringLiteral("-U"), server.user(), QStringLiteral("-d"),
                      QStringLiteral("bench")},
                     env, nullptr, &wall))
            return 2;
        pgdump.append(wall);
    }
    std::printf("  pg_dump --schema-only       median %8.3f s\n", median(pgdump));

    const double vsSqlAlchemy = median(sqlalchemy) / median(retort);
    const double vsPgDump = median(pgdump) / median(retort);
    const bool sqlalchemyOk = vsSqlAlchemy >= kSqlAlchemyRatioTarget;
    const bool pgdumpOk = vsPgDump >= kPgDumpRatioTarget;
    std::printf("  SQLAlchemy / Retort  %7.1fx  (target >= %.0fx)  %s\n", vsSqlAlchemy, kSqlAlchemyRatioTarget,
                sqlalchemyOk ? "ok" : "MISSED");
    std::printf("  pg_dump / Retort     %7.1fx  (target >= %.0fx)  %s\n", vsPgDump, kPgDumpRatioTarget,
                pgdumpOk ? "ok" : "MISSED");
    return sqlalchemyOk && pgdumpOk ? 0 : 1;
}
