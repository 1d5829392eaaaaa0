// Offline SQL through the long-lived Alembic helper (AlembicBridge) against a new `alembic` process
// per revision, on examples/demo.
//
//   bench_bridge [DEMO] [--helper-runs N] [--alembic-runs N]
//
// After a warm-up (the helper started and one `sql` request answered), times N `sql` requests (mode
// env, url postgresql://) cycling through the demo's non-merge revisions, and N runs of
// `/usr/bin/alembic upgrade PARENT:REV --sql` (RETORT_DATABASE_URL=postgresql://, in the demo's
// folder). Every revision measured on either side is checked: the helper's SQL must be byte for byte
// what Alembic prints, else the benchmark fails (exit 2). Prints both medians and their ratio with
// the targets (ratio >= 5x, helper median < 50 ms); exits 1 when a target is missed.

#include "alembicbridge.h"
#include "bridgecall.h"
#include "project.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace retort;

namespace {

constexpr double kRatioTarget = 5.0;
constexpr double kHelperTargetMs = 50.0;

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kAlembic = QStringLiteral("/usr/bin/alembic");
const QString kOfflineUrl = QStringLiteral("postgresql://");

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return 0;
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min(values.size() - 1, qsizetype(values.size() * p)));
}

struct Step
{
    QString revision;
    QString parent; ///< empty for a base
};

struct AlembicRun
{
    bool ok = false;
    QByteArray out;
    QString problem;
};

/// `alembic upgrade PARENT:REV --sql` (or `REV` for a base) as a new process.
AlembicRun runAlembic(const Step &step, const QString &demo, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setWorkingDirectory(demo);
    process.setProcessEnvironment(environment);
    const QString range = step.parent.isEmpty() ? step.revision : step.parent + QLatin1Char(':') + step.revision;
    process.start(kAlembic, {QStringLiteral("upgrade"), range, QStringLiteral("--sql")});
    AlembicRun run;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        run.problem = QStringLiteral("alembic did not finish: ") + process.errorString();
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!run.ok)
        run.problem = QString::fromUtf8(process.readAllStandardError().right(2000));
    return run;
}

QJsonObject sqlParams(const Step &step)
{
    return {{QStringLiteral("revision"), step.revision}, {QStringLiteral("direction"), QStringLiteral("up")},
            {QStringLiteral("mode"), QStringLiteral("env")}, {QStringLiteral("url"), kOfflineUrl}};
}

} // namespace

int main(int argc, char **argv)
{
    // The helper script is written to the cache folder: keep it out of the user's.
    QTemporaryDir cache;
    if (!cache.isValid()) {
        std::fprintf(stderr, "bench_bridge: no temporary folder\n");
        return 2;
    }
    qputenv("XDG_CACHE_HOME", QFile::encodeName(cache.path()));
    QCoreApplication app(argc, argv);

    QString demo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
    int helperRuns = 50;
    int alembicRuns = 10;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--helper-runs" && i + 1 < args.size())
            helperRuns = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == u"--alembic-runs" && i + 1 < args.size())
            alembicRuns = std::max(1, args.at(++i).toInt());
        else
            demo = args.at(i);
    }
    demo = QDir(demo).absolutePath();

    const Project project = Project::load(demo);
    QList<Step> steps;
    for (const Revision &rev : project.graph().revisions()) {
        if (rev.downRevisions.size() <= 1)
            steps.append({rev.id, rev.downRevisions.isEmpty() ? QString() : rev.downRevisions.constFirst()});
    }
    if (steps.isEmpty()) {
        std::fprintf(stderr, "bench_bridge: no revisions in %s\n", qPrintable(demo));
        return 2;
    }

    // Alembic as a process: the demo's env.py reads the URL from RETORT_DATABASE_URL. Bytecode goes
    // to a scratch folder (cached between runs, as a user's would be, but not in the source tree).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RETORT_DATABASE_URL"), kOfflineUrl);
    environment.remove(QStringLiteral("DATABASE_URL"));
    environment.insert(QStringLiteral("PYTHONPYCACHEPREFIX"), cache.filePath(QStringLiteral("pycache")));

    AlembicBridge bridge(BridgeLaunch::forProject(project.config(), kPython));
    QElapsedTimer timer;
    timer.start();
    const BridgeOutcome warm = callAndWait(bridge, QStringLiteral("sql"), sqlParams(steps.constFirst()));
    const double warmUpMs = timer.nsecsElapsed() / 1e6;
    if (!warm.ok) {
        std::fprintf(stderr, "bench_bridge: the helper failed: %s (%s)\n", qPrintable(warm.error.message),
                     qPrintable(warm.error.type));
        return 2;
    }

    QHash<QString, QString> helperSql; // revision -> SQL the helper returned (the last time)
    QList<double> helperMs;
    for (int i = 0; i < helperRuns; ++i) {
        const Step &step = steps.at(i % steps.size());
        timer.restart();
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("sql"), sqlParams(step));
        helperMs.append(timer.nsecsElapsed() / 1e6);
        if (!outcome.ok) {
            std::fprintf(stderr, "bench_bridge: sql %s failed: %s\n", qPrintable(step.revision),
                         qPrintable(outcome.error.message));
            return 2;
        }
        const QString sql = outcome.result.value(QStringLiteral("sql")).toString();
        if (helperSql.contains(step.revision) && helperSql.value(step.revision) != sql) {
            std::fprintf(stderr, "bench_bridge: the helper's SQL for %s changed between requests\n",
                         qPrintable(step.revision));
            return 2;
        }
        helperSql.insert(step.revision, sql);
    }

    // The same revisions, each as a new alembic process; then the revisions only the helper measured,
    // untimed, so every measured output is checked.
    QList<double> alembicMs;
    QHash<QString, QByteArray> alembicSql;
    const auto runAndKeep = [&](const Step &step) {
        const AlembicRun run = runAlembic(step, demo, environment);
        if (!run.ok) {
            std::fprintf(stderr, "bench_bridge: alembic upgrade %s --sql failed:\n%s\n", qPrintable(step.revision),
                         qPrintable(run.problem));
            return false;
        }
        alembicSql.insert(step.revision, run.out);
        return true;
    };
    for (int i = 0; i < alembicRuns; ++i) {
        const Step &step = steps.at(i % steps.size());
        timer.restart();
        const bool ok = runAndKeep(step);
        alembicMs.append(timer.nsecsElapsed() / 1e6);
        if (!ok)
            return 2;
    }
    int mismatches = 0;
    for (const Step &step : std::as_const(steps)) {
        const bool measured = helperSql.contains(step.revision) || alembicSql.contains(step.revision);
        if (!measured)
            continue;
        if (!alembicSql.contains(step.revision) && !runAndKeep(step))
            return 2;
        if (!helperSql.contains(step.revision)) {
            const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("sql"), sqlParams(step));
            if (!outcome.ok)
                return 2;
            helperSql.insert(step.revision, outcome.result.value(QStringLiteral("sql")).toString());
        }
        const QByteArray expected = alembicSql.value(step.revision);
        if (expected.isEmpty() || helperSql.value(step.revision) != QString::fromUtf8(expected)) {
            std::fprintf(stderr, "bench_bridge: MISMATCH for %s: the helper's SQL is not what alembic prints\n",
                         qPrintable(step.revision));
            ++mismatches;
        }
    }
    if (mismatches) {
        std::fprintf(stderr, "bench_bridge: %d revision(s) with different SQL; the timings mean nothing\n", mismatches);
        return 2;
    }

    const double helperMedian = median(helperMs);
    const double alembicMedian = median(alembicMs);
    const double ratio = helperMedian > 0 ? alembicMedian / helperMedian : 0;
    const bool ratioOk = ratio >= kRatioTarget;
    const bool helperOk = helperMedian < kHelperTargetMs;
    std::printf("bench_bridge: %s, %d non-merge revisions, Alembic %s, Python %s\n", qPrintable(demo),
                int(steps.size()), qPrintable(bridge.versions().alembic), qPrintable(bridge.versions().python));
    std::printf("  warm-up (start the helper, first sql request, not timed against a target): %8.1f ms\n", warmUpMs);
    std::printf("  helper `sql`, median of %3d:          %8.2f ms   target < %.0f ms   %s   (p90 %.2f ms, max %.2f ms)\n",
                int(helperMs.size()), helperMedian, kHelperTargetMs, helperOk ? "ok" : "MISSED",
                percentile(helperMs, 0.9), percentile(helperMs, 1.0));
    std::printf("  `alembic upgrade P:R --sql`, median of %3d: %8.2f ms\n", int(alembicMs.size()), alembicMedian);
    std::printf("  ratio (alembic / helper):             %8.1fx     target >= %.0fx   %s\n", ratio, kRatioTarget,
                ratioOk ? "ok" : "MISSED");
    std::printf("  SQL identical for all %d revisions measured\n", int(helperSql.size()));
    std::fflush(stdout);
    bridge.shutdown();
    return ratioOk && helperOk ? 0 : 1;
}
