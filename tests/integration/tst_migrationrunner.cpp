// MigrationRunner against a real PostgreSQL 15 and real Alembic, when all goes well: the demo project
// step by step to its heads and back to base (journal and fingerprints), a revision that takes a
// head's row, consecutive steps in one env.py session (and what ends or breaks one), step mode,
// pause and cancel between steps, server notices and row counts. Failures: tst_migrationrunnerfailures.
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

class TestMigrationRunner : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server{u"run"_s};

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startForRuns(kPython, &error), qPrintable(error));
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
        QCOMPARE(h.journalIn(journal, dir), QString());
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
        const RunRecord record = h.runToHeads(url);
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
        const RunRecord record = h.runToHeads(url);
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

    void serverNoticesAndRowCountsAreCaptured()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(projectWith(dir, "    op.execute(\"INSERT INTO t_a1 (id) VALUES (1), (2), (3)\")\n"
                                   "    op.execute(\"DO $$ BEGIN RAISE NOTICE 'backfilled 3 rows'; END $$\")"));
        const RunRecord record = h.runToHeads(url);
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
};

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
