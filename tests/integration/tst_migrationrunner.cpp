// MigrationRunner against a real PostgreSQL 15 and real Alembic: the demo project step by step to
// its heads and back to base, step mode, a plan made for another state, the run lock, lock_timeout,
// cancel, a revision that raises, and the helper or the server dying in the middle of a step.
#include "alembicbridge.h"
#include "migrationrunner.h"
#include "postgresserver.h"
#include "project.h"
#include "rundatabase.h"
#include "runjournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "alembicprojectwriter.h"
#include "alembicversions.h"
#include "scratchserver.h"
#include "serverfolder.h"

#include <pqxx/pqxx>

#include <csignal>
#include <memory>

using namespace retort;
using namespace Qt::StringLiterals;
using retort::test::versionsOf;

namespace {

const QString kPython = u"/usr/bin/python3"_s;
const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
constexpr int kRunTimeoutMs = 120'000;

QByteArray revision(const QByteArray &id, const QByteArray &down, const QByteArray &body)
{
    return test::revisionSource(id, down, body);
}

/// \a envPy, which first appends a line to \a countFile each time it runs.
QByteArray counted(const QString &countFile, const QByteArray &envPy)
{
    return "with open(" + QJsonDocument(QJsonArray{countFile}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
           ", 'a') as count:\n    count.write('env.py\\n')\n" + envPy;
}

int linesIn(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
}

/// Sessions on the database other than Retort's own (the run lock, the read-back) and the caller's.
int otherSessions(const QString &connection)
{
    pqxx::connection c(connection.toStdString());
    pqxx::nontransaction work(c);
    return work.exec1("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND pid <> pg_backend_pid() AND application_name NOT LIKE 'Retort run by %'")[0]
        .as<int>();
}

bool tableExists(const QString &connection, const char *table)
{
    pqxx::connection c(connection.toStdString());
    pqxx::nontransaction work(c);
    return !work.exec_params1("SELECT to_regclass($1) IS NULL", table)[0].as<bool>();
}

/// Whether \a started, a spy on MigrationRunner::statementStarted, has seen a statement whose SQL
/// contains \a text.
bool sawStatement(const QSignalSpy &started, const QString &text)
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
        runner->start(plan, {url, url, u"test"_s, u"local"_s, project.config().iniPath()}, options);
    }
};

} // namespace

class TestMigrationRunner : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server{u"run"_s};

    /// Three revisions: a1 and a2 create t_a1 and t_a2, a3 runs \a body; env.py is \a envPy.
    QString threeSteps(const QTemporaryDir &dir, const QByteArray &body, const QByteArray &envPy)
    {
        return test::makeProject(dir,
                                 {{u"a1.py"_s, revision("a1", {}, test::createTable("a1"))},
                                  {u"a2.py"_s, revision("a2", "a1", test::createTable("a2"))},
                                  {u"a3.py"_s, revision("a3", "a2", body)}},
                                 envPy);
    }

    /// A project whose second revision runs \a body (the first creates table t_a1).
    QString projectWith(const QTemporaryDir &dir, const QByteArray &body)
    {
        return test::makeProject(dir,
                                 {{u"a1.py"_s, revision("a1", {}, test::createTable("a1"))},
                                  {u"a2.py"_s, revision("a2", "a1", body)}},
                                 test::onlineEnvPy);
    }

    static RunRecord waitForEnd(MigrationRunner &runner)
    {
        if (runner.state() != MigrationRunner::State::Finished) {
            QSignalSpy finished(&runner, &MigrationRunner::runFinished);
            if (!finished.wait(kRunTimeoutMs))
                qWarning("the run did not finish in time");
        }
        return runner.record();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QVERIFY2(QFile::exists(kPython), "Debian's python3 with python3-alembic is required");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void demoGoesUpStepByStepAndBackToBase()
    {
        const QString url = m_server.freshDatabase();
        Harness h(kDemo);
        const RunPlan up = h.plan(url, u"heads"_s, true);
        QVERIFY2(up.ok(), qPrintable(up.error));
        QVERIFY(up.steps.size() >= 5);
        QTemporaryDir journalFolder;
        RunJournal journal;
        QCOMPARE(journal.open(journalFolder.filePath(u"runs.sqlite"_s)), QString());
        h.runner->setJournal(&journal);
        QSignalSpy stepsDone(h.runner.get(), &MigrationRunner::stepFinished);
        QSignalSpy statements(h.runner.get(), &MigrationRunner::statementFinished);
        h.start(up, url);
        RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(journal.unsyncedForMs(), -1); // the run's end put everything on the disk
        // The schema's fingerprint before and after (SHA-256, hex): the run changed it.
        QCOMPARE(record.fingerprintBefore.size(), 64);
        QCOMPARE(record.fingerprintAfter.size(), 64);
        QVERIFY(record.fingerprintAfter != record.fingerprintBefore);
        // The journal holds the same run: every step and every statement, finished.
        QVERIFY(record.id > 0);
        const RunRecord journalled = journal.run(record.id);
        QCOMPARE(journalled.status, RunStatus::Succeeded);
        QCOMPARE(journalled.fingerprintBefore, record.fingerprintBefore);
        QCOMPARE(journalled.fingerprintAfter, record.fingerprintAfter);
        QCOMPARE(journalled.versionsAfter, up.versionsAtEnd());
        QCOMPARE(journalled.steps.size(), record.steps.size());
        for (qsizetype i = 0; i < record.steps.size(); ++i) {
            QCOMPARE(journalled.steps.at(i).status, RunStatus::Succeeded);
            QCOMPARE(journalled.steps.at(i).versionsAfter, record.steps.at(i).versionsAfter);
            QCOMPARE(journalled.steps.at(i).statements.size(), record.steps.at(i).statements.size());
            for (const StatementRecord &statement : journalled.steps.at(i).statements)
                QVERIFY(statement.finished());
        }
        QCOMPARE(stepsDone.size(), up.steps.size());
        QCOMPARE(record.versionsAfter, up.versionsAtEnd());
        QCOMPARE(versionsOf(url), up.versionsAtEnd());
        for (const RunStepRecord &step : record.steps) {
            QCOMPARE(step.status, RunStatus::Succeeded);
            QCOMPARE(step.versionsAfter, step.versionsExpected);
            QVERIFY(step.durationMs >= 0);
            // Each step wrote alembic_version itself, and every statement came back finished.
            const bool wroteVersion = std::any_of(step.statements.cbegin(), step.statements.cend(), [](const auto &s) {
                return s.sql.contains(u"alembic_version"_s) && !s.sql.startsWith(u"select"_s, Qt::CaseInsensitive);
            });
            QVERIFY2(wroteVersion, qPrintable(step.revision));
            for (const StatementRecord &statement : step.statements)
                QVERIFY2(statement.finished() && statement.error.isEmpty(), qPrintable(statement.sql));
        }
        QVERIFY(statements.size() > up.steps.size());
        QVERIFY(tableExists(m_server.connectionStringOf(url), "users"));

        const RunPlan down = h.plan(url, u"base"_s, false);
        QVERIFY2(down.ok(), qPrintable(down.error));
        QCOMPARE(down.steps.size(), up.steps.size());
        const QString upgraded = record.fingerprintAfter;
        h.start(down, url);
        record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(record.fingerprintBefore, upgraded); // nothing changed the schema between the runs
        QVERIFY(record.fingerprintAfter != upgraded);
        QCOMPARE(versionsOf(url), QStringList());
        QVERIFY(!tableExists(m_server.connectionStringOf(url), "users"));
    }

    void aRevisionThatDependsOnAHeadTakesItsRow()
    {
        // audit_0001 has no down revision but depends on 0c0b52f6f7f0: Alembic replaces that row.
        const QString url = m_server.freshDatabase();
        Harness h(kDemo);
        h.start(h.plan(url, u"0c0b52f6f7f0"_s, true), url);
        QCOMPARE(waitForEnd(*h.runner).status, RunStatus::Succeeded);
        const RunPlan up = h.plan(url, u"audit_0001"_s, true);
        QCOMPARE(up.versionsAtEnd(), QStringList{u"audit_0001"_s});
        h.start(up, url);
        RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(versionsOf(url), QStringList{u"audit_0001"_s});
        h.start(h.plan(url, u"audit@base"_s, false), url); // Alembic refuses 0c0b52f6f7f0 as the target
        record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(versionsOf(url), QStringList{u"0c0b52f6f7f0"_s});
    }

    void consecutiveStepsShareOneRunOfEnvPy()
    {
        QTemporaryDir dir;
        const QString count = dir.filePath(u"env-runs"_s);
        const QString url = m_server.freshDatabase();
        Harness h(threeSteps(dir, test::createTable("a3"), counted(count, test::onlineEnvPy)));
        RunJournal journal;
        QCOMPARE(journal.open(dir.filePath(u"runs.sqlite"_s)), QString());
        h.runner->setJournal(&journal);
        const RunPlan up = h.plan(url, u"heads"_s, true);
        h.start(up, url);
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        // The first step learns that env.py migrates once per run; the next two share one run of it.
        QCOMPARE(linesIn(count), 2);
        const RunRecord journalled = journal.run(record.id);
        QCOMPARE(journalled.steps.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const RunStepRecord &step = record.steps.at(i);
            QCOMPARE(step.status, RunStatus::Succeeded);
            QCOMPARE(step.versionsAfter, up.steps.at(i).versionsAfter); // read back after each step
            // Each step's own statements, and only those, with their sequence from 1.
            const QString table = u"t_a%1"_s.arg(i + 1);
            QVERIFY2(std::any_of(step.statements.cbegin(), step.statements.cend(),
                                 [&](const StatementRecord &s) { return s.sql.contains(u"CREATE TABLE "_s + table); }),
                     qPrintable(table));
            QCOMPARE(std::count_if(step.statements.cbegin(), step.statements.cend(),
                                   [](const StatementRecord &s) { return s.sql.startsWith(u"CREATE TABLE t_"_s); }),
                     1);
            QCOMPARE(step.statements.constFirst().sequence, 1);
            QCOMPARE(journalled.steps.at(i).status, RunStatus::Succeeded);
            QCOMPARE(journalled.steps.at(i).statements, step.statements);
        }
        QCOMPARE(versionsOf(url), QStringList{u"a3"_s});
        // Nothing of env.py is left open after the run.
        QTRY_COMPARE_WITH_TIMEOUT(otherSessions(m_server.connectionStringOf(url)), 0, kRunTimeoutMs);
    }

    void alembicVersionChangedInASessionStopsTheStep()
    {
        // a3 (the second step in env.py's session) finds alembic_version changed by someone else as
        // it runs: Alembic's checked update of the a2 row fails, the step's DDL is rolled back.
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        const QByteArray tamper = "    import psycopg2\n"
                                  "    url = op.get_bind().engine.url\n"
                                  "    side = psycopg2.connect(host=url.host, port=url.port, dbname=url.database,\n"
                                  "                            user=url.username, password=url.password)\n"
                                  "    side.autocommit = True\n"
                                  "    side.cursor().execute(\"UPDATE alembic_version SET version_num = 'zz'\")\n"
                                  "    side.close()\n" +
                                  test::createTable("a3");
        Harness h(threeSteps(dir, tamper, test::onlineEnvPy));
        h.start(h.plan(url, u"heads"_s, true), url);
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Failed);
        QCOMPARE(record.steps.at(1).status, RunStatus::Succeeded);
        QCOMPARE(record.steps.at(2).status, RunStatus::Failed);
        QVERIFY2(record.steps.at(2).error.message.contains(u"alembic_version"_s), qPrintable(record.steps.at(2).error.message));
        QCOMPARE(record.versionsAfter, QStringList{u"zz"_s}); // what the database really holds
        QVERIFY2(record.error.contains(u"zz"_s), qPrintable(record.error));
        QVERIFY(!tableExists(m_server.connectionStringOf(url), "t_a3"));
    }

    void anEnvPyThatMigratesTwiceRunsForEveryStep()
    {
        // As Alembic's multidb template does: context.run_migrations() once per engine, here two
        // version tables in one database, each revision's upgrade(engine_name) doing its part.
        QTemporaryDir dir;
        const QString count = dir.filePath(u"env-runs"_s);
        const QByteArray envPy = "from alembic import context\n"
                                 "from sqlalchemy import create_engine, pool\n"
                                 "engine = create_engine(context.config.get_main_option('sqlalchemy.url'), "
                                 "poolclass=pool.NullPool)\n"
                                 "for name, table in (('first', 'alembic_version'), ('second', 'version_second')):\n"
                                 "    with engine.connect() as connection:\n"
                                 "        context.configure(connection=connection, version_table=table)\n"
                                 "        with context.begin_transaction():\n"
                                 "            context.run_migrations(engine_name=name)\n";
        QList<std::pair<QString, QByteArray>> revisions;
        for (const QByteArray id : {"a1", "a2", "a3"}) {
            const QByteArray down = id == "a1" ? QByteArray("None") : "'a" + QByteArray::number(id.at(1) - '1') + "'";
            revisions.append({QString::fromLatin1(id + ".py"),
                              "from alembic import op\nimport sqlalchemy as sa\nrevision = '" + id +
                                  "'\ndown_revision = " + down +
                                  "\nbranch_labels = None\ndepends_on = None\n\n\n"
                                  "def upgrade(engine_name):\n"
                                  "    op.create_table('t_' + engine_name + '_" + id +
                                  "', sa.Column('id', sa.Integer, primary_key=True))\n\n\n"
                                  "def downgrade(engine_name):\n"
                                  "    op.drop_table('t_' + engine_name + '_" + id + "')\n"});
        }
        const QString url = m_server.freshDatabase();
        Harness h(test::makeProject(dir, revisions, counted(count, envPy)));
        h.start(h.plan(url, u"heads"_s, true), url);
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(linesIn(count), 3);
        for (const char *table : {"t_first_a3", "t_second_a3"})
            QVERIFY2(tableExists(m_server.connectionStringOf(url), table), table);
        QCOMPARE(versionsOf(url), QStringList{u"a3"_s});
    }

    void anEnvPyInItsOwnTransactionCommitsEveryStep()
    {
        // env.py begins the transaction itself: nothing is committed until it ends, so each step
        // has to end it before it is answered.
        QTemporaryDir dir;
        const QString count = dir.filePath(u"env-runs"_s);
        const QByteArray envPy = "from alembic import context\n"
                                 "from sqlalchemy import create_engine, pool\n"
                                 "engine = create_engine(context.config.get_main_option('sqlalchemy.url'), "
                                 "poolclass=pool.NullPool)\n"
                                 "with engine.begin() as connection:\n"
                                 "    context.configure(connection=connection)\n"
                                 "    with context.begin_transaction():\n"
                                 "        context.run_migrations()\n";
        const QString url = m_server.freshDatabase();
        Harness h(threeSteps(dir, test::createTable("a3"), counted(count, envPy)));
        const RunPlan up = h.plan(url, u"heads"_s, true);
        h.start(up, url);
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(linesIn(count), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(record.steps.at(i).versionsAfter, up.steps.at(i).versionsAfter);
        QCOMPARE(versionsOf(url), QStringList{u"a3"_s});
    }

    void pausingMidRunEndsEnvPysSession()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(threeSteps(dir, test::createTable("a3"), test::onlineEnvPy));
        const RunPlan up = h.plan(url, u"heads"_s, true);
        // Asked for while the second step runs (in env.py's session, with more to come).
        connect(h.runner.get(), &MigrationRunner::statementStarted, h.runner.get(),
                [&](int index, const StatementRecord &) {
                    if (index == 1)
                        h.runner->pauseAfterCurrentStep();
                });
        QSignalSpy paused(h.runner.get(), &MigrationRunner::paused);
        h.start(up, url);
        QTRY_COMPARE_WITH_TIMEOUT(paused.size(), 1, kRunTimeoutMs);
        QCOMPARE(paused.at(0).at(0).toInt(), 2);
        QCOMPARE(versionsOf(url), QStringList{u"a2"_s});
        // env.py has ended: its connection is gone while the run waits.
        QTRY_COMPARE_WITH_TIMEOUT(otherSessions(m_server.connectionStringOf(url)), 0, kRunTimeoutMs);
        h.runner->resumeToEnd();
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(versionsOf(url), QStringList{u"a3"_s});
    }

    void cancelStopsAStatementInEnvPysSession()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(threeSteps(dir, "    op.execute('SELECT pg_sleep(120)')", test::onlineEnvPy));
        QSignalSpy started(h.runner.get(), &MigrationRunner::statementStarted);
        h.start(h.plan(url, u"heads"_s, true), url);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(started.cbegin(), started.cend(),
                                             [](const QList<QVariant> &args) {
                                                 return args.at(1).value<StatementRecord>().sql.contains(u"pg_sleep"_s);
                                             }),
                                 kRunTimeoutMs);
        h.runner->cancel();
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Cancelled);
        QCOMPARE(record.steps.at(1).status, RunStatus::Succeeded);
        QVERIFY2(record.steps.at(2).error.message.contains(u"cancel"_s, Qt::CaseInsensitive),
                 qPrintable(record.steps.at(2).error.message));
        QCOMPARE(versionsOf(url), QStringList{u"a2"_s});
    }

    void stepModePausesAfterEachStep()
    {
        const QString url = m_server.freshDatabase();
        Harness h(kDemo);
        const RunPlan up = h.plan(url, u"heads"_s, true);
        QTemporaryDir journalFolder;
        RunJournal journal;
        QCOMPARE(journal.open(journalFolder.filePath(u"runs.sqlite"_s)), QString());
        h.runner->setJournal(&journal);
        QSignalSpy paused(h.runner.get(), &MigrationRunner::paused);
        MigrationRunner::Options options;
        options.pauseAfterEachStep = true;
        h.start(up, url, options);
        QTRY_COMPARE_WITH_TIMEOUT(paused.size(), 1, kRunTimeoutMs);
        QCOMPARE(paused.at(0).at(0).toInt(), 1);
        QCOMPARE(h.runner->state(), MigrationRunner::State::Paused);
        // A pause is on the disk at once, with everything before it.
        QCOMPARE(journal.unsyncedForMs(), -1);
        QCOMPARE(journal.run(h.runner->record().id).status, RunStatus::Paused);
        QCOMPARE(journal.run(h.runner->record().id).steps.at(0).status, RunStatus::Succeeded);
        QCOMPARE(versionsOf(url), up.steps.at(0).versionsAfter);
        h.runner->resume();
        QTRY_COMPARE_WITH_TIMEOUT(paused.size(), 2, kRunTimeoutMs);
        QCOMPARE(versionsOf(url), up.steps.at(1).versionsAfter);
        h.runner->resumeToEnd();
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(paused.size(), 2);
        QCOMPARE(versionsOf(url), up.versionsAtEnd());
    }

    void cancelWhilePausedEndsTheRun()
    {
        const QString url = m_server.freshDatabase();
        Harness h(kDemo);
        MigrationRunner::Options options;
        options.pauseAfterEachStep = true;
        QSignalSpy paused(h.runner.get(), &MigrationRunner::paused);
        h.start(h.plan(url, u"heads"_s, true), url, options);
        QTRY_COMPARE_WITH_TIMEOUT(paused.size(), 1, kRunTimeoutMs);
        h.runner->cancel();
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Cancelled);
        QCOMPARE(record.steps.at(1).status, RunStatus::Planned);
        QCOMPARE(versionsOf(url), record.steps.at(0).versionsAfter);
    }

    void aPlanForAnotherStateIsRefusedBeforeAnythingRuns()
    {
        const QString url = m_server.freshDatabase();
        Harness h(kDemo);
        const RunPlan stale = RunPlan::make(h.project.graph(), {}, u"heads"_s, true);
        // Someone else upgrades the database after the plan was made.
        h.start(RunPlan::make(h.project.graph(), {}, stale.steps.at(0).revision, true), url);
        QCOMPARE(waitForEnd(*h.runner).status, RunStatus::Succeeded);
        h.start(stale, url);
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Failed);
        QVERIFY2(record.error.contains(u"plan was made for"_s), qPrintable(record.error));
        QCOMPARE(record.steps.at(0).status, RunStatus::Planned);
        QCOMPARE(versionsOf(url), stale.steps.at(0).versionsAfter);
        // Nothing ran: the schema after is the schema before, read once.
        QCOMPARE(record.fingerprintBefore.size(), 64);
        QCOMPARE(record.fingerprintAfter, record.fingerprintBefore);
    }

    void anotherRunHoldingTheLockIsNamed()
    {
        const QString url = m_server.freshDatabase();
        pqxx::connection other(m_server.connectionStringOf(url).toStdString());
        pqxx::nontransaction work(other);
        work.exec("SET application_name = 'nightly deploy'");
        work.exec_params("SELECT pg_advisory_lock($1)", RunDatabase::kLockKey);
        Harness h(kDemo);
        h.start(h.plan(url, u"heads"_s, true), url);
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Failed);
        QVERIFY2(record.error.contains(u"nightly deploy"_s), qPrintable(record.error));
        QCOMPARE(versionsOf(url), QStringList());
    }

    void aLockedTableFailsOnLockTimeout()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(projectWith(dir, "    op.add_column('t_a1', sa.Column('x', sa.Integer))"));
        h.start(h.plan(url, u"a1"_s, true), url);
        QCOMPARE(waitForEnd(*h.runner).status, RunStatus::Succeeded);

        pqxx::connection other(m_server.connectionStringOf(url).toStdString());
        pqxx::work holding(other);
        holding.exec("LOCK TABLE t_a1 IN ACCESS SHARE MODE");
        MigrationRunner::Options options;
        options.lockTimeoutMs = 300;
        h.start(h.plan(url, u"a2"_s, true), url, options);
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Failed);
        const RunStepRecord &step = record.steps.at(0);
        QCOMPARE(step.status, RunStatus::Failed);
        QVERIFY2(step.error.message.contains(u"lock timeout"_s), qPrintable(step.error.message));
        QVERIFY(std::any_of(step.statements.cbegin(), step.statements.cend(),
                            [](const StatementRecord &s) { return s.error.contains(u"lock timeout"_s); }));
        QCOMPARE(step.versionsAfter, QStringList{u"a1"_s});
        QCOMPARE(record.versionsAfter, QStringList{u"a1"_s});
        holding.abort();
    }

    void aRevisionThatRaisesFailsWithItsFrame()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        const QString root = projectWith(dir, "    op.create_table('t_a2', sa.Column('id', sa.Integer))\n"
                                              "    raise RuntimeError('the data is not ready')");
        Harness h(root);
        h.start(h.plan(url, u"heads"_s, true), url);
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Failed);
        QCOMPARE(record.steps.at(0).status, RunStatus::Succeeded);
        const RunStepRecord &failed = record.steps.at(1);
        QCOMPARE(failed.status, RunStatus::Failed);
        QCOMPARE(failed.error.type, u"RuntimeError"_s);
        QVERIFY(failed.error.userFrame(root).file.endsWith(u"a2.py"_s));
        QCOMPARE(failed.versionsAfter, QStringList{u"a1"_s});
        QVERIFY(!tableExists(m_server.connectionStringOf(url), "t_a2")); // the step's transaction rolled back
        QVERIFY2(record.error.contains(u"a1"_s), qPrintable(record.error)); // says where the database is
    }

    void serverNoticesAndRowCountsAreCaptured()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(projectWith(dir, "    op.execute(\"INSERT INTO t_a1 (id) VALUES (1), (2), (3)\")\n"
                                   "    op.execute(\"DO $$ BEGIN RAISE NOTICE 'backfilled 3 rows'; END $$\")"));
        h.start(h.plan(url, u"heads"_s, true), url);
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        const QList<StatementRecord> &statements = record.steps.at(1).statements;
        const auto insert = std::find_if(statements.cbegin(), statements.cend(),
                                         [](const StatementRecord &s) { return s.sql.startsWith(u"INSERT INTO t_a1"_s); });
        QVERIFY(insert != statements.cend());
        QCOMPARE(insert->rowsAffected, 3);
        const auto notice = std::find_if(statements.cbegin(), statements.cend(),
                                         [](const StatementRecord &s) { return s.sql.startsWith(u"DO $$"_s); });
        QVERIFY(notice != statements.cend());
        QCOMPARE(notice->notices, QStringList{u"NOTICE:  backfilled 3 rows"_s});
    }

    void cancelStopsTheRunningStatement()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(projectWith(dir, "    op.execute('SELECT pg_sleep(120)')"));
        h.start(h.plan(url, u"a1"_s, true), url);
        QCOMPARE(waitForEnd(*h.runner).status, RunStatus::Succeeded);
        QSignalSpy started(h.runner.get(), &MigrationRunner::statementStarted);
        h.start(h.plan(url, u"a2"_s, true), url);
        QTRY_VERIFY_WITH_TIMEOUT(sawStatement(started, u"pg_sleep"_s), kRunTimeoutMs);
        h.runner->cancel();
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Cancelled);
        QVERIFY2(record.steps.at(0).error.message.contains(u"cancel"_s, Qt::CaseInsensitive),
                 qPrintable(record.steps.at(0).error.message));
        QCOMPARE(record.versionsAfter, QStringList{u"a1"_s});
        QCOMPARE(versionsOf(url), QStringList{u"a1"_s});
    }

    void theHelperDyingMidStepFailsTheStep()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(projectWith(dir, "    op.execute('SELECT pg_sleep(120)')"));
        RunJournal journal;
        QCOMPARE(journal.open(dir.filePath(u"runs.sqlite"_s)), QString());
        h.runner->setJournal(&journal);
        h.start(h.plan(url, u"a1"_s, true), url);
        QCOMPARE(waitForEnd(*h.runner).status, RunStatus::Succeeded);
        QSignalSpy started(h.runner.get(), &MigrationRunner::statementStarted);
        h.start(h.plan(url, u"a2"_s, true), url);
        QTRY_VERIFY_WITH_TIMEOUT(sawStatement(started, u"pg_sleep"_s), kRunTimeoutMs);
        QVERIFY(h.bridge->processId() > 0);
        ::kill(pid_t(h.bridge->processId()), SIGKILL);
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Failed);
        QCOMPARE(record.steps.at(0).error.type, u"HelperCrashed"_s);
        const RunRecord journalled = journal.run(record.id);
        QCOMPARE(journalled.status, RunStatus::Failed);
        QCOMPARE(journalled.steps.at(0).status, RunStatus::Failed);
        QCOMPARE(journalled.steps.at(0).error.type, u"HelperCrashed"_s);
        QCOMPARE(journalled.versionsAfter, QStringList{u"a1"_s});
        // The server rolls the dead session's transaction back; alembic_version is read on Retort's own connection.
        QCOMPARE(record.versionsAfter, QStringList{u"a1"_s});
    }

    void theHelperReplacedMidStepFailsTheStep()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(projectWith(dir, "    op.execute('SELECT pg_sleep(120)')"));
        QSignalSpy started(h.runner.get(), &MigrationRunner::statementStarted);
        h.start(h.plan(url, u"heads"_s, true), url);
        QTRY_VERIFY_WITH_TIMEOUT(sawStatement(started, u"pg_sleep"_s), kRunTimeoutMs);
        h.bridge.reset(); // as when the user picks another interpreter
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Failed);
        QCOMPARE(record.steps.at(1).error.type, u"HelperCrashed"_s);
        QTRY_COMPARE_WITH_TIMEOUT(versionsOf(url), QStringList{u"a1"_s}, kRunTimeoutMs); // the killed session rolls back
    }

    void theServerDyingMidStepIsReported()
    {
        QTemporaryDir folder;
        QVERIFY(test::openToServerUser(folder.path()));
        PostgresServer server(folder.filePath(u"pg"_s));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY2(server.createDatabase(u"doomed"_s, &error), qPrintable(error));
        const QString url = server.sqlalchemyUrl(u"doomed"_s);
        QTemporaryDir dir;
        Harness h(projectWith(dir, "    op.execute('SELECT pg_sleep(120)')"));
        QSignalSpy started(h.runner.get(), &MigrationRunner::statementStarted);
        h.start(h.plan(url, u"heads"_s, true), url);
        QTRY_VERIFY_WITH_TIMEOUT(sawStatement(started, u"pg_sleep"_s), kRunTimeoutMs);
        server.stop();
        const RunRecord record = waitForEnd(*h.runner);
        QCOMPARE(record.status, RunStatus::Failed);
        QCOMPARE(record.steps.at(0).status, RunStatus::Succeeded);
        QCOMPARE(record.steps.at(1).status, RunStatus::Failed);
        QVERIFY2(record.error.contains(u"could not be read"_s), qPrintable(record.error));
        QCOMPARE(record.versionsAfter, QStringList{u"a1"_s}); // the last state Retort read itself
    }
};

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
