#pragma once

// What the MigrationRunner tests (tst_migrationrunner, tst_migrationrunnerfailures) share: a runner
// on a project with its helper, small generated projects and a wait for the run's end.

#include "alembicbridge.h"
#include "migrationrunner.h"
#include "project.h"

#include "alembicprojectwriter.h"
#include "alembicversions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <pqxx/pqxx>

#include <algorithm>
#include <memory>

namespace retort::test {

inline const QString kPython = QStringLiteral("/usr/bin/python3");
inline const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
inline constexpr int kRunTimeoutMs = 120'000;

inline QByteArray revision(const QByteArray &id, const QByteArray &down, const QByteArray &body)
{
    return revisionSource(id, down, body);
}

/// \a envPy, which first appends a line to \a countFile each time it runs.
inline QByteArray counted(const QString &countFile, const QByteArray &envPy)
{
    return "with open(" + QJsonDocument(QJsonArray{countFile}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
           ", 'a') as count:\n    count.write('env.py\\n')\n" + envPy;
}

inline int linesIn(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
}

/// Sessions on the database other than Retort's own (the run lock, the read-back) and the caller's.
inline int otherSessions(const QString &connection)
{
    pqxx::connection c(connection.toStdString());
    pqxx::nontransaction work(c);
    return work.exec1("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND pid <> pg_backend_pid() AND application_name NOT LIKE 'Retort run by %'")[0]
        .as<int>();
}

inline bool tableExists(const QString &connection, const char *table)
{
    pqxx::connection c(connection.toStdString());
    pqxx::nontransaction work(c);
    return !work.exec_params1("SELECT to_regclass($1) IS NULL", table)[0].as<bool>();
}

/// Whether \a started, a spy on MigrationRunner::statementStarted, has seen a statement whose SQL
/// contains \a text.
inline bool sawStatement(const QSignalSpy &started, const QString &text)
{
    return std::any_of(started.cbegin(), started.cend(), [&text](const QList<QVariant> &args) {
        return args.at(1).value<StatementRecord>().sql.contains(text);
    });
}

/// A runner on a project, with the helpers the tests use.
struct Harness
{
    Project project;
    std::unique_ptr<AlembicBridge> bridge;
    std::unique_ptr<MigrationRunner> runner;

    explicit Harness(const QString &root)
        : project(Project::load(root))
        , bridge(std::make_unique<AlembicBridge>(BridgeLaunch::forProject(project.config(), kPython)))
        , runner(std::make_unique<MigrationRunner>(bridge.get()))
    {
    }

    RunPlan plan(const QString &url, const QString &target, bool upgrade) const
    {
        return RunPlan::make(project.graph(), versionsOf(url), target, upgrade);
    }

    void start(const RunPlan &plan, const QString &url, MigrationRunner::Options options = {})
    {
        runner->start(plan, {url, url, QStringLiteral("test"), QStringLiteral("local"), project.config().iniPath()}, options);
    }

    /// Upgrades the database at \a url to its heads; the run's record once it has finished.
    RunRecord runToHeads(const QString &url);

    /// Opens \a journal as runs.sqlite in \a dir and records the runner's runs there; empty, or why not.
    QString journalIn(RunJournal &journal, const QTemporaryDir &dir)
    {
        const QString error = journal.open(dir.filePath(QStringLiteral("runs.sqlite")));
        runner->setJournal(&journal);
        return error;
    }
};

/// Three revisions: a1 and a2 create t_a1 and t_a2, a3 runs \a body; env.py is \a envPy.
inline QString threeSteps(const QTemporaryDir &dir, const QByteArray &body, const QByteArray &envPy)
{
    return makeProject(dir,
                       {{QStringLiteral("a1.py"), revision("a1", {}, createTable("a1"))},
                        {QStringLiteral("a2.py"), revision("a2", "a1", createTable("a2"))},
                        {QStringLiteral("a3.py"), revision("a3", "a2", body)}},
                       envPy);
}

/// A project whose second revision runs \a body (the first creates table t_a1).
inline QString projectWith(const QTemporaryDir &dir, const QByteArray &body)
{
    return makeProject(dir,
                       {{QStringLiteral("a1.py"), revision("a1", {}, createTable("a1"))},
                        {QStringLiteral("a2.py"), revision("a2", "a1", body)}},
                       onlineEnvPy);
}

/// The run's record once it has finished (a warning when it did not within kRunTimeoutMs).
inline RunRecord waitForEnd(MigrationRunner &runner)
{
    if (runner.state() != MigrationRunner::State::Finished) {
        QSignalSpy finished(&runner, &MigrationRunner::runFinished);
        if (!finished.wait(kRunTimeoutMs))
            qWarning("the run did not finish in time");
    }
    return runner.record();
}

inline RunRecord Harness::runToHeads(const QString &url)
{
    start(plan(url, QStringLiteral("heads"), true), url);
    return waitForEnd(*runner);
}

} // namespace retort::test
