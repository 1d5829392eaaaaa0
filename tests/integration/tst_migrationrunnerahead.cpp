// MigrationRunner's steps sent ahead (StepsAhead), against a real PostgreSQL 15 and real Alembic: in a
// run to a target the next step runs while the one before it is read back, and the one after that
// waits in the helper's input. Checked here: the steps still begin in order after the one before
// them was checked and journalled; a failed check withdraws the step ahead (rolled back) and the
// queued one never starts; a step ahead that locks alembic_version waits for the check instead of
// blocking it; a pause holds the queued step.
#include "migrationrunner.h"
#include "postgresserver.h"
#include "runjournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

#include "runnerharness.h"
#include "scratchserver.h"

using namespace retort;
using namespace retort::test;
using namespace Qt::StringLiterals;

namespace {

/// Revisions a1..aN in a line; revision aK's upgrade() is bodies[K] when given, else it creates t_aK.
QString lineOfRevisions(const QTemporaryDir &dir, int count, const QHash<int, QByteArray> &bodies = {})
{
    QList<std::pair<QString, QByteArray>> revisions;
    for (int i = 1; i <= count; ++i) {
        const QByteArray id = "a" + QByteArray::number(i);
        const QByteArray down = i == 1 ? QByteArray() : "a" + QByteArray::number(i - 1);
        revisions.append({QString::fromLatin1(id + ".py"), revision(id, down, bodies.value(i, createTable(id)))});
    }
    return makeProject(dir, revisions, onlineEnvPy);
}

int count(const QString &connection, const char *sql)
{
    pqxx::connection c(connection.toStdString());
    pqxx::nontransaction work(c);
    return work.exec1(sql)[0].as<int>();
}

/// Talks to a Harness's helper request by request, as MigrationRunner would: steps of a line of
/// revisions on \a url, their answers, which steps said they wait for "proceed".
struct HelperDriver
{
    Harness &h;
    QString url;
    QHash<quint64, QJsonObject> answers; ///< the result, or {"error": message}
    QSet<quint64> waiting;

    HelperDriver(Harness &harness, QString databaseUrl)
        : h(harness)
        , url(std::move(databaseUrl))
    {
        QObject::connect(h.bridge.get(), &AlembicBridge::finished, h.bridge.get(),
                         [this](quint64 id, const QJsonObject &result) { answers.insert(id, result); });
        QObject::connect(h.bridge.get(), &AlembicBridge::failed, h.bridge.get(), [this](quint64 id, const BridgeError &error) {
            answers.insert(id, {{u"error"_s, error.message}});
        });
        QObject::connect(h.bridge.get(), &AlembicBridge::requestEvent, h.bridge.get(),
                         [this](quint64 id, const QString &name, const QJsonObject &) {
                             if (name == u"waiting"_s)
                                 waiting.insert(id);
                         });
    }

    quint64 step(const char *revision, const QStringList &expect, bool gated)
    {
        QJsonObject params{{u"url"_s, url}, {u"revision"_s, QString::fromLatin1(revision)}, {u"direction"_s, u"up"_s},
                           {u"expect"_s, QJsonArray::fromStringList(expect)}, {u"more"_s, true}};
        if (gated)
            params.insert(u"gated"_s, true);
        return h.bridge->request(u"step"_s, params);
    }

    /// a1, then a2 opening env.py's session (the first step teaches the helper that env.py migrates
    /// once); true when both succeeded and a2's answer offers to hold the next step's commit.
    bool inSession()
    {
        const quint64 first = step("a1", {}, false);
        if (!QTest::qWaitFor([&] { return answers.contains(first); }, kRunTimeoutMs))
            return false;
        const quint64 second = step("a2", {u"a1"_s}, false);
        return QTest::qWaitFor([&] { return answers.contains(second); }, kRunTimeoutMs)
               && answers.value(second).value(u"gate"_s).toBool();
    }

    /// Lets step \a request go on; true once it has answered without an error.
    bool proceed(quint64 request)
    {
        h.bridge->notify(u"proceed"_s, {{u"request"_s, double(request)}, {u"ok"_s, true}});
        return QTest::qWaitFor([&] { return answers.contains(request); }, kRunTimeoutMs)
               && !answers.value(request).contains(u"error"_s);
    }
};

} // namespace

class TestMigrationRunnerAhead : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server{u"ahead"_s};

    /// Appends "start i" and "end i" to \a log in the order the runner says them.
    static void recordOrder(MigrationRunner &runner, QObject *context, QStringList *log)
    {
        QObject::connect(&runner, &MigrationRunner::stepStarted, context,
                         [log](int index, const RunStepRecord &) { log->append(u"start %1"_s.arg(index)); });
        QObject::connect(&runner, &MigrationRunner::stepFinished, context,
                         [log](int index, const RunStepRecord &) { log->append(u"end %1"_s.arg(index)); });
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startForRuns(kPython, &error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void stepsAheadRunWhileTheStepBeforeIsChecked()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        QHash<int, QByteArray> bodies; // each prints, as it starts, while the step before it commits
        for (int i = 1; i <= 8; ++i)
            bodies.insert(i, "    print('upgrade of a" + QByteArray::number(i) + "')\n" + createTable("a" + QByteArray::number(i)));
        Harness h(lineOfRevisions(dir, 8, bodies));
        RunJournal journal;
        QCOMPARE(h.journalIn(journal, dir), QString());
        QStringList order;
        QObject context;
        recordOrder(*h.runner, &context, &order);
        const RunPlan up = h.plan(url, u"heads"_s, true);
        h.start(up, url);
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(versionsOf(url), QStringList{u"a8"_s});
        // Some step began before the one before it had been checked: it was sent ahead.
        bool overlapped = false;
        for (int i = 1; i < 8; ++i) {
            const qsizetype started = order.indexOf(u"start %1"_s.arg(i));
            QVERIFY2(started > order.indexOf(u"start %1"_s.arg(i - 1)), qPrintable(order.join(u", "_s)));
            overlapped = overlapped || started < order.indexOf(u"end %1"_s.arg(i - 1));
        }
        QVERIFY2(overlapped, qPrintable(order.join(u", "_s)));
        // Each step checked on its own: what alembic_version held after it, its own statements only.
        const RunRecord journalled = journal.run(record.id);
        QCOMPARE(journalled.steps.size(), 8);
        for (int i = 0; i < 8; ++i) {
            const RunStepRecord &step = record.steps.at(i);
            QCOMPARE(step.status, RunStatus::Succeeded);
            QCOMPARE(step.versionsBefore, up.steps.at(i).versionsBefore);
            QCOMPARE(step.versionsAfter, up.steps.at(i).versionsAfter);
            QCOMPARE(std::count_if(step.statements.cbegin(), step.statements.cend(),
                                   [](const StatementRecord &s) { return s.sql.startsWith(u"CREATE TABLE t_"_s); }),
                     1);
            QVERIFY(std::any_of(step.statements.cbegin(), step.statements.cend(), [i](const StatementRecord &s) {
                return s.sql.contains(u"CREATE TABLE t_a%1 "_s.arg(i + 1));
            }));
            QCOMPARE(step.output, u"upgrade of a%1"_s.arg(i + 1)); // its own output, all of it
            QCOMPARE(journalled.steps.at(i).status, RunStatus::Succeeded);
            QCOMPARE(journalled.steps.at(i).statements, step.statements);
            QCOMPARE(journalled.steps.at(i).output.trimmed(), step.output);
            QCOMPARE(journalled.steps.at(i).versionsAfter, step.versionsAfter);
        }
        QTRY_COMPARE_WITH_TIMEOUT(otherSessions(m_server.connectionStringOf(url)), 0, kRunTimeoutMs);
    }

    void aFailedCheckWithdrawsTheStepAhead()
    {
        // a4 leaves a second row in alembic_version (Alembic's own update of its row succeeds): the
        // read-back after a4 finds it while a5 already runs ahead and a6 waits behind it.
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(lineOfRevisions(
            dir, 6,
            {{4, createTable("a4") + "\n    op.execute(\"SELECT pg_sleep(0.3)\")\n"
                                     "    op.execute(\"INSERT INTO alembic_version VALUES ('zz')\")"},
             {5, createTable("a5") + "\n    op.execute(\"SELECT pg_sleep(0.3)\")"}}));
        RunJournal journal;
        QCOMPARE(h.journalIn(journal, dir), QString());
        QSignalSpy started(h.runner.get(), &MigrationRunner::statementStarted);
        const RunRecord record = h.runToHeads(url);
        QCOMPARE(record.status, RunStatus::Failed);
        QCOMPARE(record.steps.at(2).status, RunStatus::Succeeded);
        QCOMPARE(record.steps.at(3).status, RunStatus::Failed);
        QCOMPARE(record.steps.at(3).error.type, u"VersionMismatch"_s);
        QCOMPARE(record.versionsAfter, (QStringList{u"a4"_s, u"zz"_s}));
        // a5 ran ahead and was rolled back before it could commit; a6 never started.
        QVERIFY(sawStatement(started, u"CREATE TABLE t_a5"_s));
        QCOMPARE(record.steps.at(4).status, RunStatus::Cancelled);
        QCOMPARE(record.steps.at(4).versionsAfter, record.versionsAfter); // rolled back
        QVERIFY(!tableExists(m_server.connectionStringOf(url), "t_a5"));
        QCOMPARE(record.steps.at(5).status, RunStatus::Planned);
        QVERIFY(!sawStatement(started, u"CREATE TABLE t_a6"_s));
        QCOMPARE(versionsOf(url), (QStringList{u"a4"_s, u"zz"_s}));
        // The journal says the same.
        const RunRecord journalled = journal.run(record.id);
        QCOMPARE(journalled.status, RunStatus::Failed);
        QCOMPARE(journalled.steps.at(3).status, RunStatus::Failed);
        QCOMPARE(journalled.steps.at(4).status, RunStatus::Cancelled);
        QCOMPARE(journalled.steps.at(5).status, RunStatus::Planned);
        QCOMPARE(journalled.versionsAfter, record.versionsAfter);
        QTRY_COMPARE_WITH_TIMEOUT(otherSessions(m_server.connectionStringOf(url)), 0, kRunTimeoutMs);
    }

    void aCommitThatFailsFailsItsStepAndTheQueuedStepNeverRuns()
    {
        // a4's commit fails (a deferred foreign key checked at COMMIT) while a5 waits behind it in the
        // helper's input: a4 fails with the commit's error, a5 never reaches the database, and nothing
        // of a4 is left.
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(lineOfRevisions(
            dir, 5,
            {{4, "    op.execute(\"CREATE TABLE p_a4 (id int PRIMARY KEY)\")\n"
                 "    op.execute(\"CREATE TABLE c_a4 (pid int REFERENCES p_a4 (id) DEFERRABLE INITIALLY DEFERRED)\")\n"
                 "    op.execute(\"SELECT pg_sleep(0.3)\")\n"
                 "    op.execute(\"INSERT INTO c_a4 VALUES (1)\")"}}));
        RunJournal journal;
        QCOMPARE(h.journalIn(journal, dir), QString());
        QSignalSpy started(h.runner.get(), &MigrationRunner::statementStarted);
        const RunRecord record = h.runToHeads(url);
        QCOMPARE(record.status, RunStatus::Failed);
        QCOMPARE(record.steps.at(2).status, RunStatus::Succeeded);
        const RunStepRecord &failed = record.steps.at(3);
        QCOMPARE(failed.status, RunStatus::Failed);
        QVERIFY2(failed.error.message.contains(u"foreign key"_s), qPrintable(failed.error.message));
        QCOMPARE(record.steps.at(4).status, RunStatus::Planned);
        QVERIFY(!sawStatement(started, u"CREATE TABLE t_a5"_s));
        const QString connection = m_server.connectionStringOf(url);
        QVERIFY(!tableExists(connection, "p_a4"));
        QVERIFY(!tableExists(connection, "t_a5"));
        QCOMPARE(versionsOf(url), QStringList{u"a3"_s});
        QCOMPARE(record.versionsAfter, QStringList{u"a3"_s});
        const RunRecord journalled = journal.run(record.id);
        QCOMPARE(journalled.status, RunStatus::Failed);
        QCOMPARE(journalled.steps.at(3).status, RunStatus::Failed);
        QCOMPARE(journalled.steps.at(4).status, RunStatus::Planned);
        QCOMPARE(journalled.versionsAfter, QStringList{u"a3"_s});
        QTRY_COMPARE_WITH_TIMEOUT(otherSessions(connection), 0, kRunTimeoutMs);
    }

    void aGatedStepWaitsBeforeItLocksTheVersionTable()
    {
        // The helper's side, request by request: a3 (gated) creates t_a3, then alters alembic_version.
        // Until Retort says "proceed", a3 holds no lock on alembic_version that Retort's read-back of
        // a2 would wait for.
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        const QString connection = m_server.connectionStringOf(url);
        Harness h(lineOfRevisions(
            dir, 3, {{3, createTable("a3") + "\n    op.alter_column('alembic_version', 'version_num', type_=sa.String(64))"}}));
        HelperDriver helper(h, url);
        QVERIFY(helper.inSession());
        const quint64 third = helper.step("a3", {u"a2"_s}, true);
        // a3 has created t_a3 and waits, its transaction open, before it alters alembic_version.
        QTRY_VERIFY_WITH_TIMEOUT(helper.waiting.contains(third), kRunTimeoutMs);
        QVERIFY(!helper.answers.contains(third));
        QCOMPARE(count(connection, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                   "AND state = 'idle in transaction'"), 1);
        QCOMPARE(count(connection, "SELECT count(*) FROM pg_locks WHERE relation = 'alembic_version'::regclass "
                                   "AND mode = 'AccessExclusiveLock'"), 0);
        QCOMPARE(versionsOf(url), QStringList{u"a2"_s}); // what Retort's read-back sees, without waiting
        QVERIFY(helper.proceed(third));
        QCOMPARE(versionsOf(url), QStringList{u"a3"_s});
        QVERIFY(tableExists(connection, "t_a3"));
    }

    void aGatedStepWaitsBeforeItsOwnCommit()
    {
        // a3 (gated) creates t_a3 and commits it itself, as migrations do before ALTER TYPE ... ADD VALUE.
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        const QString connection = m_server.connectionStringOf(url);
        Harness h(lineOfRevisions(dir, 3, {{3, createTable("a3") + "\n    op.execute('COMMIT')"}}));
        HelperDriver helper(h, url);
        QVERIFY(helper.inSession());
        const quint64 third = helper.step("a3", {u"a2"_s}, true);
        QTRY_VERIFY_WITH_TIMEOUT(helper.waiting.contains(third), kRunTimeoutMs);
        QVERIFY(!tableExists(connection, "t_a3")); // not committed before Retort says so
        QVERIFY(helper.proceed(third));
        QVERIFY(tableExists(connection, "t_a3"));
        QCOMPARE(versionsOf(url), QStringList{u"a3"_s});
    }

    void aGatedStepOutsideASessionWaitsBeforeItStarts()
    {
        // a2 is gated but opens env.py's session itself (say, another request ended the one before):
        // nothing of it may run before Retort says "proceed".
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(lineOfRevisions(dir, 2));
        HelperDriver helper(h, url);
        QSignalSpy events(h.bridge.get(), &AlembicBridge::requestEvent);
        const quint64 first = helper.step("a1", {}, false);
        QTRY_VERIFY_WITH_TIMEOUT(helper.answers.contains(first), kRunTimeoutMs);
        const quint64 second = helper.step("a2", {u"a1"_s}, true);
        QTRY_VERIFY_WITH_TIMEOUT(helper.waiting.contains(second), kRunTimeoutMs);
        QVERIFY(std::none_of(events.cbegin(), events.cend(), [second](const QList<QVariant> &args) {
            return args.at(0).value<quint64>() == second && args.at(1).toString() == u"statement_started"_s;
        }));
        QVERIFY(!helper.answers.contains(second));
        QCOMPARE(versionsOf(url), QStringList{u"a1"_s});
        QVERIFY(helper.proceed(second));
        QCOMPARE(versionsOf(url), QStringList{u"a2"_s});
    }

    void aStepAheadThatLocksTheVersionTableWaitsForTheCheck()
    {
        // a4 alters alembic_version (an ACCESS EXCLUSIVE lock): run ahead, it would block Retort's
        // read-back of a3 while waiting for it. It waits for that check before it locks the table.
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(lineOfRevisions(
            dir, 5,
            {{3, createTable("a3") + "\n    op.execute(\"SELECT pg_sleep(0.2)\")"},
             {4, "    op.alter_column('alembic_version', 'version_num', type_=sa.String(64))\n" + createTable("a4")}}));
        h.start(h.plan(url, u"heads"_s, true), url); // (a read that waited would fail after 5 s)
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(versionsOf(url), QStringList{u"a5"_s});
        QVERIFY(tableExists(m_server.connectionStringOf(url), "t_a4"));
    }

    void aPauseHoldsTheQueuedStep()
    {
        // Paused while a3 runs (a4 already waits in the helper's input): a4 does not start.
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(lineOfRevisions(dir, 5, {{3, createTable("a3") + "\n    op.execute(\"SELECT pg_sleep(0.5)\")"}}));
        connect(h.runner.get(), &MigrationRunner::statementStarted, h.runner.get(),
                [&](int index, const StatementRecord &statement) {
                    if (index == 2 && statement.sql.contains(u"pg_sleep"_s))
                        h.runner->pauseAfterCurrentStep();
                });
        QSignalSpy paused(h.runner.get(), &MigrationRunner::paused);
        QSignalSpy started(h.runner.get(), &MigrationRunner::statementStarted);
        h.start(h.plan(url, u"heads"_s, true), url);
        QTRY_COMPARE_WITH_TIMEOUT(paused.size(), 1, kRunTimeoutMs);
        QCOMPARE(paused.at(0).at(0).toInt(), 3);
        QCOMPARE(versionsOf(url), QStringList{u"a3"_s});
        QCOMPARE(h.runner->record().steps.at(3).status, RunStatus::Planned);
        QVERIFY(!sawStatement(started, u"CREATE TABLE t_a4"_s));
        QVERIFY(!tableExists(m_server.connectionStringOf(url), "t_a4"));
        QTRY_COMPARE_WITH_TIMEOUT(otherSessions(m_server.connectionStringOf(url)), 0, kRunTimeoutMs);
        h.runner->resumeToEnd();
        const RunRecord record = waitForEnd(*h.runner);
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(versionsOf(url), QStringList{u"a5"_s});
    }
};

QTEST_GUILESS_MAIN(TestMigrationRunnerAhead)
#include "tst_migrationrunnerahead.moc"
