// RunJournal on real SQLite files: a full run round-trips; each write is committed when the call
// returns, a group whole or not at all, deferred writes on the disk in time; a writer killed mid-step
// leaves an interrupted run with its last step and statement. Failures: tst_runjournalfailures.
#include "asnobody.h"
#include "runjournal.h"
#include "runjournalfixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace retort;
using namespace retort::test;
using namespace Qt::StringLiterals;

class TestRunJournal : public QObject
{
    Q_OBJECT

private slots:
    void makesItsOwnFolderOnFirstUse()
    {
        // The default journal lives in Retort's data folder, which a fresh account does not have yet.
        // A data home of this test's own: other tests (running at the same time) use theirs.
        QTemporaryDir home;
        const QByteArray before = qgetenv("XDG_DATA_HOME");
        const QByteArray chosen = qgetenv("RETORT_JOURNAL"); // ctest chooses one for each test
        qputenv("XDG_DATA_HOME", home.path().toUtf8());
        qunsetenv("RETORT_JOURNAL");
        const QString path = RunJournal::defaultPath();
        QVERIFY2(path.startsWith(home.path()), qPrintable(path)); // not the real one
        QVERIFY(!QFileInfo::exists(QFileInfo(path).absolutePath()));
        {
            RunJournal journal;
            QCOMPARE(journal.open(path), QString());
            QVERIFY(QFile::exists(path));
        }
        if (before.isNull())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", before);
        if (!chosen.isNull())
            qputenv("RETORT_JOURNAL", chosen);
    }

    void retortJournalChoosesTheDefaultButNotItsFolder()
    {
        // $RETORT_JOURNAL moves the default journal (the window has no --journal); like a file named
        // on the command line, its folder must exist.
        QTemporaryDir dir;
        const QByteArray chosen = qgetenv("RETORT_JOURNAL");
        qputenv("RETORT_JOURNAL", dir.filePath(u"elsewhere/runs.sqlite"_s).toUtf8());
        QCOMPARE(RunJournal::defaultPath(), dir.filePath(u"elsewhere/runs.sqlite"_s));
        {
            RunJournal journal;
            QVERIFY(journal.open(RunJournal::defaultPath()).contains(u"does not exist"_s));
            QVERIFY(QDir(dir.path()).mkdir(u"elsewhere"_s));
            QCOMPARE(journal.open(RunJournal::defaultPath()), QString());
        }
        QVERIFY(QFile::exists(dir.filePath(u"elsewhere/runs.sqlite"_s)));
        if (chosen.isNull())
            qunsetenv("RETORT_JOURNAL");
        else
            qputenv("RETORT_JOURNAL", chosen);
    }

    void roundTripsAFullRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runs.sqlite"_s);
        RunRecord expected = plan();
        qint64 id = 0;
        RunRecord written;
        {
            RunJournal journal;
            QCOMPARE(journal.open(path), QString());
            id = journal.beginRun(plan());
            QVERIFY2(id > 0, qPrintable(journal.lastError()));
            QCOMPARE(journal.stepStarted(id, 0, {u"ae10"_s}, at(15, 0, 4, 200)), QString());
            QCOMPARE(
                journal.statementStarted(id, 0, statement(1, u"DROP TABLE IF EXISTS old_users"_s, at(15, 0, 4, 201))),
                QString());
            QCOMPARE(journal.statementFinished(id, 0, 1, 850, -1,
                                               {u"NOTICE: table \"old_users\" does not exist, skipping"_s}),
                     QString());
            QCOMPARE(journal.statementStarted(
                         id, 0, statement(2, u"INSERT INTO users SELECT * FROM staff"_s, at(15, 0, 4, 202))),
                     QString());
            QCOMPARE(journal.statementFinished(id, 0, 2, 3200, 42, {}), QString());
            QCOMPARE(journal.stepOutput(id, 0, u"copied staff\n"_s), QString());
            QCOMPARE(journal.stepOutput(id, 0, u"done\n"_s), QString());
            QCOMPARE(journal.stepFinished(id, 0, RunStatus::Succeeded, {u"bf20"_s}, 120), QString());
            QCOMPARE(journal.setStatus(id, RunStatus::Paused), QString());
            QCOMPARE(journal.runs().constFirst().status, RunStatus::Paused);
            QCOMPARE(journal.setStatus(id, RunStatus::Running), QString());

            QCOMPARE(journal.stepStarted(id, 1, {u"bf20"_s}, at(15, 0, 5, 0)), QString());
            QCOMPARE(journal.statementStarted(
                         id, 1, statement(1, u"ALTER TABLE users ADD email text NOT NULL"_s, at(15, 0, 5, 10))),
                     QString());
            const QString sqlError = u"column \"email\" of relation \"users\" contains null values"_s;
            QCOMPARE(journal.statementFinished(id, 1, 1, 800, -1, {}, sqlError), QString());
            BridgeError error;
            error.type = u"IntegrityError"_s;
            error.message = sqlError;
            error.frames = {
                {u"/usr/lib/python3/dist-packages/alembic/runtime/migration.py"_s, 621, u"run_migrations"_s},
                {u"/home/alice/shop/migrations/versions/c330_add_email.py"_s, 14, u"upgrade"_s}};
            error.details = u"Traceback (most recent call last):\n  ..."_s;
            QCOMPARE(journal.stepFinished(id, 1, RunStatus::Failed, {u"bf20"_s}, 950, error), QString());
            QCOMPARE(journal.finishRun(id, RunStatus::Failed, {u"bf20"_s}, u"1a2b3c"_s, u"step 2 (c330) failed"_s),
                     QString());
            QCOMPARE(journal.lastError(), QString());
            written = journal.run(id);
            QCOMPARE(journal.lastError(), QString());

            expected.id = id;
            expected.status = RunStatus::Failed;
            expected.versionsAfter = {u"bf20"_s};
            expected.fingerprintAfter = u"1a2b3c"_s;
            expected.error = u"step 2 (c330) failed"_s;
            RunStepRecord &first = expected.steps[0];
            first.status = RunStatus::Succeeded;
            first.startedAt = at(15, 0, 4, 200);
            first.durationMs = 120;
            first.versionsBefore = {u"ae10"_s};
            first.versionsAfter = {u"bf20"_s};
            first.output = u"copied staff\ndone\n"_s;
            first.statements = {
                {1,
                 u"DROP TABLE IF EXISTS old_users"_s,
                 at(15, 0, 4, 201),
                 850,
                 -1,
                 {u"NOTICE: table \"old_users\" does not exist, skipping"_s},
                 QString()},
                {2, u"INSERT INTO users SELECT * FROM staff"_s, at(15, 0, 4, 202), 3200, 42, {}, QString()}};
            RunStepRecord &second = expected.steps[1];
            second.status = RunStatus::Failed;
            second.startedAt = at(15, 0, 5, 0);
            second.durationMs = 950;
            second.versionsBefore = {u"bf20"_s};
            second.versionsAfter = {u"bf20"_s};
            second.error = error;
            second.statements = {
                {1, u"ALTER TABLE users ADD email text NOT NULL"_s, at(15, 0, 5, 10), 800, -1, {}, sqlError}};
            QVERIFY(written.finishedAt.isValid());
            QVERIFY(written.finishedAt >= written.startedAt);
            expected.finishedAt = written.finishedAt;
            QCOMPARE(written.steps.size(), 2);
            QCOMPARE(written.steps[0], expected.steps[0]);
            QCOMPARE(written.steps[1], expected.steps[1]);
            QCOMPARE(written, expected);
        }
        // Another instance, after the first is gone, reads the same.
        RunJournal again;
        QCOMPARE(again.open(path), QString());
        QCOMPARE(again.run(id), expected);
        QVERIFY(again.interruptedRuns().isEmpty());
    }

    void tunesSQLite()
    {
        QTemporaryDir dir;
        RunJournal journal;
        QCOMPARE(journal.open(dir.filePath(u"runs.sqlite"_s)), QString());
        QCOMPARE(pragma(journal, u"journal_mode"_s).toString(), u"wal"_s);
        // NORMAL: commits do not wait for the disk; RunJournal syncs the log itself (see below).
        QCOMPARE(pragma(journal, u"synchronous"_s).toInt(), 1);
        QCOMPARE(pragma(journal, u"foreign_keys"_s).toInt(), 1);
        QCOMPARE(pragma(journal, u"user_version"_s).toInt(), 1);
        QCOMPARE(pragma(journal, u"application_id"_s).toInt(), 0x52544a4e);
    }

    void listsRunsNewestFirst_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("targets");
        QTest::newRow("all") << QString() << -1 << QStringList{u"t4"_s, u"t3"_s, u"t2"_s, u"t1"_s};
        QTest::newRow("one profile") << u"staging"_s << -1 << QStringList{u"t3"_s, u"t1"_s};
        QTest::newRow("limited") << QString() << 2 << QStringList{u"t4"_s, u"t3"_s};
        QTest::newRow("unknown profile") << u"nobody"_s << -1 << QStringList{};
    }

    void listsRunsNewestFirst()
    {
        QFETCH(QString, profile);
        QFETCH(int, limit);
        QFETCH(QStringList, targets);
        QTemporaryDir dir;
        RunJournal journal;
        QCOMPARE(journal.open(dir.filePath(u"runs.sqlite"_s)), QString());
        int n = 0;
        for (const QString &name : {u"staging"_s, u"Sandbox"_s, u"staging"_s, u"Sandbox"_s}) {
            RunRecord run = plan();
            run.profile = name;
            run.target = u"t%1"_s.arg(++n);
            QVERIFY(journal.beginRun(run) > 0);
        }
        QStringList seen;
        for (const RunRecord &run : journal.runs(profile, limit)) {
            seen.append(run.target);
            QVERIFY(run.steps.isEmpty()); // headers only
            QCOMPARE(run.status, RunStatus::Running);
        }
        QCOMPARE(seen, targets);
        QCOMPARE(journal.lastError(), QString());
    }

    void writesAreCommittedWhenTheCallReturns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runs.sqlite"_s);
        RunJournal reader;
        QCOMPARE(reader.open(path), QString());
        auto writer = std::make_unique<RunJournal>();
        QCOMPARE(writer->open(path), QString());
        qint64 id = 0;
        QCOMPARE(writeUntilMidStep(*writer, id), QString());

        // Another connection sees the statement that has not come back yet.
        RunRecord seen = reader.run(id);
        QCOMPARE(seen.status, RunStatus::Running);
        QCOMPARE(seen.steps[1].status, RunStatus::Running);
        QCOMPARE(seen.steps[1].statements.size(), 1);
        QCOMPARE(seen.steps[1].statements[0].sql, u"ALTER TABLE users ADD email text"_s);
        QVERIFY(!seen.steps[1].statements[0].finished());
        QCOMPARE(seen.versionsAfter, QStringList{u"bf20"_s}); // as last read

        // Its writer is alive: not interrupted, and not for anyone else to end or write.
        QVERIFY(reader.interruptedRuns().isEmpty());
        const QString refused = reader.markInterrupted(id, {u"bf20"_s}, u"?"_s);
        QVERIFY2(refused.contains(u"still being written"_s) && refused.contains(path), qPrintable(refused));
        const QString foreign = reader.stepFinished(id, 1, RunStatus::Succeeded, {u"c330"_s}, 10);
        QVERIFY2(foreign.contains(u"written by another RunJournal"_s), qPrintable(foreign));

        // Its RunJournal goes away without finishing: now the run is interrupted.
        writer.reset();
        const QList<RunRecord> interrupted = reader.interruptedRuns();
        QCOMPARE(interrupted.size(), 1);
        QCOMPARE(interrupted[0].id, id);
    }

    void killedWriterLeavesAnInterruptedRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runs.sqlite"_s);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // The writer: never returns, never closes the journal.
            RunJournal journal;
            qint64 id = 0;
            if (!journal.open(path).isEmpty() || !writeUntilMidStep(journal, id).isEmpty())
                ::_exit(3);
            ::kill(::getpid(), SIGKILL);
            ::_exit(4);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, qPrintable(u"child status %1"_s.arg(status)));
        QVERIFY(QFile::exists(path + u"-wal"_s)); // never closed: its log was not folded in

        RunJournal journal;
        QCOMPARE(journal.open(path), QString());
        const QList<RunRecord> interrupted = journal.interruptedRuns();
        QCOMPARE(interrupted.size(), 1);
        const RunRecord &run = interrupted[0];
        QCOMPARE(run.status, RunStatus::Running);
        QCOMPARE(run.versionsAfter, QStringList{u"bf20"_s});
        QCOMPARE(run.steps.size(), 2);
        QCOMPARE(run.steps[0].status, RunStatus::Succeeded);
        QCOMPARE(run.steps[0].statements.size(), 1);
        QVERIFY(run.steps[0].statements[0].finished());
        QCOMPARE(run.steps[1].status, RunStatus::Running);
        QCOMPARE(run.steps[1].statements.size(), 1);
        QCOMPARE(run.steps[1].statements[0].sql, u"ALTER TABLE users ADD email text"_s);
        QVERIFY(!run.steps[1].statements[0].finished());

        QCOMPARE(journal.markInterrupted(run.id, {u"c330"_s}, u"Retort stopped during step 2"_s), QString());
        const RunRecord marked = journal.run(run.id);
        QCOMPARE(marked.status, RunStatus::Interrupted);
        QCOMPARE(marked.versionsAfter, QStringList{u"c330"_s});
        QCOMPARE(marked.error, u"Retort stopped during step 2"_s);
        QVERIFY(marked.finishedAt.isValid());
        QCOMPARE(marked.fingerprintAfter, QString()); // not known, not invented
        QCOMPARE(marked.steps[0].status, RunStatus::Succeeded);
        QCOMPARE(marked.steps[1].status, RunStatus::Interrupted);
        QVERIFY(journal.interruptedRuns().isEmpty());
        const QString late = journal.statementFinished(run.id, 1, 1, 10, 0, {});
        QVERIFY2(late.contains(u"already ended (interrupted)"_s), qPrintable(late));
    }

    void twoInstancesShareOneFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runs.sqlite"_s);
        RunJournal first;
        RunJournal second;
        QCOMPARE(first.open(path), QString());
        QCOMPARE(second.open(path), QString());
        RunRecord other = plan();
        other.profile = u"Sandbox"_s;
        const qint64 a = first.beginRun(plan());
        const qint64 b = second.beginRun(other);
        QVERIFY(a > 0 && b > 0 && a != b);
        // Interleaved writes, each into its own run.
        QCOMPARE(first.stepStarted(a, 0, {u"ae10"_s}, at(15, 0, 0, 0)), QString());
        QCOMPARE(second.stepStarted(b, 0, {}, at(15, 0, 0, 1)), QString());
        QCOMPARE(second.stepFinished(b, 0, RunStatus::Succeeded, {u"bf20"_s}, 5), QString());
        QCOMPARE(first.stepFinished(a, 0, RunStatus::Succeeded, {u"bf20"_s}, 7), QString());
        QCOMPARE(second.finishRun(b, RunStatus::Cancelled, {u"bf20"_s}, u"ff"_s), QString());
        QCOMPARE(first.finishRun(a, RunStatus::Succeeded, {u"bf20"_s}, u"ee"_s), QString());

        for (RunJournal *journal : {&first, &second}) {
            const QList<RunRecord> runs = journal->runs();
            QCOMPARE(runs.size(), 2);
            QCOMPARE(runs[0].id, b);
            QCOMPARE(runs[0].status, RunStatus::Cancelled);
            QCOMPARE(runs[1].status, RunStatus::Succeeded);
            QCOMPARE(journal->run(a).steps[0].durationMs, 7);
            QCOMPARE(journal->run(b).steps[0].durationMs, 5);
        }
    }

    void aGroupIsRecordedWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runs.sqlite"_s);
        RunJournal reader;
        QCOMPARE(reader.open(path), QString());
        RunJournal journal;
        QCOMPARE(journal.open(path), QString());
        const qint64 id = journal.beginRun(plan());
        QVERIFY(id > 0);

        // Inside the group its writes succeed, but nobody else sees them before the group ends.
        const QString recorded = journal.group([&] {
            QCOMPARE(journal.stepStarted(id, 0, {u"ae10"_s}, at(15, 0, 4, 200)), QString());
            const StatementRecord create = statement(1, u"CREATE TABLE users (id integer)"_s, at(15, 0, 4, 210));
            QCOMPARE(journal.statementStarted(id, 0, create), QString());
            QCOMPARE(journal.statementFinished(id, 0, 1, 3200, 0, {}), QString());
            QCOMPARE(reader.run(id).steps[0].status, RunStatus::Planned);
        });
        QCOMPARE(recorded, QString());
        RunRecord seen = reader.run(id);
        QCOMPARE(seen.steps[0].status, RunStatus::Running);
        QCOMPARE(seen.steps[0].statements.size(), 1);
        QVERIFY(seen.steps[0].statements[0].finished());

        // A write that fails undoes the group's earlier writes, and the later ones fail with it.
        QString later;
        const QString failed = journal.group([&] {
            QCOMPARE(journal.stepOutput(id, 0, u"done\n"_s), QString());
            QCOMPARE(journal.stepFinished(id, 0, RunStatus::Succeeded, {u"bf20"_s}, 120), QString());
            const QString missing = journal.statementFinished(id, 0, 7, 10, 0, {});
            QVERIFY2(missing.contains(u"has no statement 7"_s), qPrintable(missing));
            later = journal.stepStarted(id, 1, {u"bf20"_s}, at(15, 0, 4, 400));
        });
        QVERIFY2(failed.contains(u"has no statement 7"_s) && failed.contains(path), qPrintable(failed));
        QCOMPARE(later, failed);
        QCOMPARE(journal.lastError(), failed);
        seen = reader.run(id);
        QCOMPARE(seen.steps[0].status, RunStatus::Running);
        QCOMPARE(seen.steps[0].output, QString());
        QCOMPARE(seen.steps[1].status, RunStatus::Planned);

        // So does a write refused before it touches the file; and after the group, writes work again.
        const QString refused = journal.group([&] {
            QCOMPARE(journal.stepOutput(id, 0, u"done\n"_s), QString());
            QVERIFY(!journal.stepFinished(id, 0, RunStatus::Running, {u"bf20"_s}, 120).isEmpty());
        });
        QVERIFY2(refused.contains(u"not running"_s), qPrintable(refused));
        QCOMPARE(reader.run(id).steps[0].output, QString());
        QCOMPARE(journal.stepFinished(id, 0, RunStatus::Succeeded, {u"bf20"_s}, 120), QString());
        QCOMPARE(journal.lastError(), QString());
        QCOMPARE(reader.run(id).steps[0].status, RunStatus::Succeeded);

        // A run the group ends takes no more writes in it.
        const QString ended = journal.group([&] {
            QCOMPARE(journal.finishRun(id, RunStatus::Succeeded, {u"bf20"_s}, u"ff"_s), QString());
            const QString late = journal.stepOutput(id, 0, u"late\n"_s);
            QVERIFY2(late.contains(u"already ended"_s), qPrintable(late));
        });
        QVERIFY2(ended.contains(u"already ended"_s), qPrintable(ended));
        QCOMPARE(reader.run(id).status, RunStatus::Running);
        QCOMPARE(reader.run(id).steps[0].output, QString());
    }

    void deferredWritesReachTheDiskInTime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runs.sqlite"_s);
        RunJournal journal;
        QCOMPARE(journal.open(path), QString());
        const qint64 id = journal.beginRun(plan());
        QVERIFY(id > 0);
        QCOMPARE(journal.unsyncedForMs(), -1); // an ordinary write is on the disk when it returns

        // A deferred group is committed (another connection sees it) but waits for the disk...
        RunJournal reader;
        QCOMPARE(reader.open(path), QString());
        QCOMPARE(journal.group([&] { journal.stepStarted(id, 0, {u"ae10"_s}, at(15, 0, 4, 200)); },
                               RunJournal::Durability::Deferred),
                 QString());
        QCOMPARE(reader.run(id).steps[0].status, RunStatus::Running);
        QVERIFY(journal.unsyncedForMs() >= 0);
        // ...until sync(), or an ordinary write, puts everything before it there too.
        QCOMPARE(journal.sync(), QString());
        QCOMPARE(journal.unsyncedForMs(), -1);
        QCOMPARE(journal.group([&] { journal.stepOutput(id, 0, u"one\n"_s); }, RunJournal::Durability::Deferred),
                 QString());
        QVERIFY(journal.unsyncedForMs() >= 0);
        QCOMPARE(journal.stepOutput(id, 0, u"two\n"_s), QString());
        QCOMPARE(journal.unsyncedForMs(), -1);

        // A deferred group that comes when the oldest unsynced write has waited long enough syncs.
        QCOMPARE(journal.group([&] { journal.stepOutput(id, 0, u"three\n"_s); }, RunJournal::Durability::Deferred),
                 QString());
        QTRY_VERIFY(journal.unsyncedForMs() >= RunJournal::kSyncIntervalMs);
        QCOMPARE(journal.group([&] { journal.stepOutput(id, 0, u"four\n"_s); }, RunJournal::Durability::Deferred),
                 QString());
        QCOMPARE(journal.unsyncedForMs(), -1);
        QCOMPARE(reader.run(id).steps[0].output, u"one\ntwo\nthree\nfour\n"_s);

        // A log that cannot be synced is a failure that names it; the write itself is in the file.
        QCOMPARE(journal.group([&] { journal.stepOutput(id, 0, u"five\n"_s); }, RunJournal::Durability::Deferred),
                 QString());
        QVERIFY(QFile::remove(path + u"-wal"_s));
        const QString failed = journal.sync();
        QVERIFY2(failed.contains(path + u"-wal"_s) && failed.contains(u"on the disk"_s), qPrintable(failed));
        QCOMPARE(journal.lastError(), failed);
    }

    void recordsAVerification()
    {
        QTemporaryDir dir;
        RunJournal journal;
        QCOMPARE(journal.open(dir.filePath(u"runs.sqlite"_s)), QString());
        RunRecord header = plan();
        header.kind = RunRecord::Kind::Verify;
        header.steps[1].revision = u"bf20"_s;
        header.steps[1].upgrade = false;
        const qint64 id = journal.beginRun(header);
        QVERIFY(id > 0);
        VerificationRecord check;
        check.fingerprintBefore = u"aaaa"_s;
        check.fingerprintUpgraded = u"bbbb"_s;
        check.fingerprintDowngraded = u"cccc"_s;
        check.equal = false;
        check.difference = u"+ column public.users.email text"_s;
        QCOMPARE(journal.recordVerification(id, check), QString());
        QCOMPARE(journal.finishRun(id, RunStatus::Failed, {u"ae10"_s}, u"cccc"_s, u"the downgrade left a column"_s),
                 QString());
        const RunRecord run = journal.run(id);
        QCOMPARE(run.kind, RunRecord::Kind::Verify);
        QCOMPARE(run.verification, check);
        QVERIFY(!run.steps[1].upgrade);
        // Too late once it ended.
        QVERIFY(journal.recordVerification(id, check).contains(u"already ended"_s));
    }
};

QTEST_GUILESS_MAIN(TestRunJournal)
#include "tst_runjournal.moc"
