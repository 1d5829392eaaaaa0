// MigrationRunner against a real PostgreSQL 15 and real Alembic, when things go wrong: a plan made for
// another state, the run lock held by someone else, lock_timeout, a revision that raises, cancel of a
// running statement, and the helper or the server dying in the middle of a step.
#include "migrationrunner.h"
#include "postgresserver.h"
#include "rundatabase.h"
#include "runjournal.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "runnerharness.h"
#include "scratchserver.h"
#include "serverfolder.h"

#include <pqxx/pqxx>

#include <csignal>

using namespace retort;
using namespace retort::test;
using namespace Qt::StringLiterals;

class TestMigrationRunnerFailures : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server{u"runfail"_s};

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startForRuns(kPython, &error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

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
        const RunRecord record = h.runToHeads(url);
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
        const RunRecord record = h.runToHeads(url);
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
        QCOMPARE(h.journalIn(journal, dir), QString());
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

QTEST_GUILESS_MAIN(TestMigrationRunnerFailures)
#include "tst_migrationrunnerfailures.moc"
