// RunJournal on real SQLite files that it must refuse or cannot write: wrong writes, a begin that
// fails, a full disk, a lock held too long; read-only, damaged, foreign and newer files give a clear
// message naming the file.
#include "asnobody.h"
#include "runjournal.h"
#include "runjournalfixtures.h"

#include <QDir>
#include <QFile>
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

class TestRunJournalFailures : public QObject
{
    Q_OBJECT

private slots:
    void refusesWrongWrites_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such run") << 0 << u"cannot record the start of step 0 of run 99: it has no run 99"_s;
        QTest::newRow("no such step") << 1 << u"run 1 has no step 7"_s;
        QTest::newRow("no such statement") << 2 << u"step 0 of run 1 has no statement 5"_s;
        QTest::newRow("step ends running") << 3 << u"not running"_s;
        QTest::newRow("run ends paused") << 4 << u"not paused"_s;
        QTest::newRow("status set to an end") << 5 << u"a run ends with finishRun"_s;
        QTest::newRow("after the end") << 6 << u"run 1 has already ended (succeeded)"_s;
        QTest::newRow("output of a step it does not have") << 7 << u"run 1 has no step 2"_s;
    }

    void refusesWrongWrites()
    {
        QFETCH(int, action);
        QFETCH(QString, message);
        QTemporaryDir dir;
        RunJournal journal;
        QCOMPARE(journal.open(dir.filePath(u"runs.sqlite"_s)), QString());
        const qint64 id = journal.beginRun(plan());
        QCOMPARE(id, 1);
        QCOMPARE(journal.stepStarted(id, 0, {}, at(15, 0, 0, 0)), QString());
        QString error;
        switch (action) {
        case 0:
            error = journal.stepStarted(99, 0, {}, at(15, 0, 0, 0));
            break;
        case 1:
            error = journal.statementStarted(id, 7, statement(1, u"SELECT 1"_s, at(15, 0, 0, 0)));
            break;
        case 2:
            error = journal.statementFinished(id, 0, 5, 1, 1, {});
            break;
        case 3:
            error = journal.stepFinished(id, 0, RunStatus::Running, {}, 1);
            break;
        case 4:
            error = journal.finishRun(id, RunStatus::Paused, {}, {});
            break;
        case 5:
            error = journal.setStatus(id, RunStatus::Succeeded);
            break;
        case 6:
            QCOMPARE(journal.finishRun(id, RunStatus::Succeeded, {}, {}), QString());
            error = journal.stepStarted(id, 1, {}, at(15, 0, 0, 0));
            break;
        case 7:
            error = journal.stepOutput(id, 2, u"hello"_s);
            break;
        }
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(error.contains(journal.path()), qPrintable(error));
        QCOMPARE(journal.lastError(), error);
        // Nothing changed the run but what the test did on purpose.
        QCOMPARE(journal.run(id).steps[0].status, action == 6 ? RunStatus::Succeeded : RunStatus::Running);
    }

    void aFailedBeginLeavesNoRun()
    {
        QTemporaryDir dir;
        RunJournal journal;
        QCOMPARE(journal.open(dir.filePath(u"runs.sqlite"_s)), QString());
        RunRecord header = plan();
        header.steps[1].index = 0; // two steps at one place
        QCOMPARE(journal.beginRun(header), 0);
        QVERIFY2(journal.lastError().contains(u"step 0 (c330)"_s), qPrintable(journal.lastError()));
        QVERIFY(journal.runs().isEmpty());
        QCOMPARE(journal.lastError(), QString());
    }

    void reportsAFullDisk()
    {
        QTemporaryDir dir;
        RunJournal journal;
        QCOMPARE(journal.open(dir.filePath(u"runs.sqlite"_s)), QString());
        const qint64 id = journal.beginRun(plan());
        QCOMPARE(journal.stepStarted(id, 0, {}, at(15, 0, 0, 0)), QString());
        QCOMPARE(journal.stepOutput(id, 0, u"before\n"_s), QString());
        // SQLite's own "database or disk is full", by forbidding the file to grow.
        QSqlDatabase db = QSqlDatabase::database(journal.connectionName(), false);
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA page_count"_s) && query.next());
        const int pages = query.value(0).toInt();
        QVERIFY(query.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));

        const QString error = journal.stepOutput(id, 0, QString(200'000, u'x'));
        QVERIFY2(error.contains(u"cannot record the output of step 0 of run 1: the disk is full"_s), qPrintable(error));
        QVERIFY2(error.contains(journal.path()), qPrintable(error));
        RunRecord big = plan();
        big.steps[0].message = QString(100'000, u'm');
        QCOMPARE(journal.beginRun(big), 0);
        QVERIFY2(journal.lastError().contains(u"the disk is full"_s), qPrintable(journal.lastError()));
        QCOMPARE(journal.runs().size(), 1);
        QCOMPARE(journal.run(id).steps[0].output, u"before\n"_s);

        QVERIFY(query.exec(u"PRAGMA max_page_count = 1000000"_s));
        QCOMPARE(journal.stepOutput(id, 0, u"after\n"_s), QString());
        QCOMPARE(journal.run(id).steps[0].output, u"before\nafter\n"_s);
    }

    void reportsALockHeldTooLong()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"runs.sqlite"_s);
        RunJournal journal;
        QCOMPARE(journal.open(path), QString());
        journal.setBusyTimeout(50);
        const qint64 id = journal.beginRun(plan());
        {
            QSqlDatabase locker = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
            locker.setDatabaseName(path);
            QVERIFY(locker.open());
            QSqlQuery lock(locker);
            QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
            const QString error = journal.stepStarted(id, 0, {}, at(15, 0, 0, 0));
            QVERIFY2(error.contains(u"another writer holds its lock"_s) && error.contains(path), qPrintable(error));
            QVERIFY(lock.exec(u"ROLLBACK"_s));
            lock = QSqlQuery();
            locker.close();
        }
        QSqlDatabase::removeDatabase(u"locker"_s);
        QCOMPARE(journal.stepStarted(id, 0, {}, at(15, 0, 0, 0)), QString());
        QCOMPARE(journal.run(id).steps[0].status, RunStatus::Running);
    }

    void refusesFilesItCannotUse_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("not SQLite") << 0 << u"it is damaged or not an SQLite database"_s;
        QTest::newRow("another program's database") << 1 << u"it is an SQLite database, but not a Retort run journal"_s;
        QTest::newRow("newer schema")
            << 2 << u"written by a newer Retort (journal schema version 99; this Retort knows versions up to 1)"_s;
        QTest::newRow("a folder") << 3 << u"it is not a file"_s;
        QTest::newRow("no folder") << 4 << u"does not exist"_s;
    }

    void refusesFilesItCannotUse()
    {
        QFETCH(int, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = dir.filePath(u"runs.sqlite"_s);
        QByteArray before;
        if (kind == 0) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("these are my notes, not a database\n").repeated(200));
        } else if (kind == 1 || kind == 2) {
            if (kind == 2) {
                RunJournal journal;
                QCOMPARE(journal.open(path), QString());
            }
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"setup"_s);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery query(db);
                QVERIFY(query.exec(kind == 1 ? u"CREATE TABLE notes (body text)"_s : u"PRAGMA user_version = 99"_s));
                query = QSqlQuery();
                db.close();
            }
            QSqlDatabase::removeDatabase(u"setup"_s);
        } else if (kind == 3) {
            QVERIFY(QDir(dir.path()).mkdir(u"runs.sqlite"_s));
        } else {
            path = dir.filePath(u"missing/runs.sqlite"_s);
        }
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            before = file.readAll();
        file.close();

        RunJournal journal;
        const QString error = journal.open(path);
        QVERIFY2(error.startsWith(u"Run journal %1: cannot open it: "_s.arg(path)), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!journal.isOpen());
        QCOMPARE(journal.lastError(), error);
        QVERIFY(journal.runs().isEmpty());
        QVERIFY2(journal.lastError().contains(u"it is not open"_s), qPrintable(journal.lastError()));
        // The file is left exactly as it was (not switched to WAL, not extended).
        if (file.open(QIODevice::ReadOnly))
            QCOMPARE(file.readAll(), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void refusesWhatItCannotWrite_data()
    {
        QTest::addColumn<bool>("existing");
        QTest::addColumn<bool>("fileWritable");
        QTest::addColumn<bool>("folderWritable");
        QTest::addColumn<QString>("message");
        QTest::newRow("read-only file") << true << false << true << u"cannot open it: the file is read-only"_s;
        QTest::newRow("read-only folder, new journal") << false << false << false << u"is not writable"_s;
        QTest::newRow("read-only folder, existing journal") << true << true << false << u"is not writable"_s;
    }

    void refusesWhatItCannotWrite()
    {
        QFETCH(bool, existing);
        QFETCH(bool, fileWritable);
        QFETCH(bool, folderWritable);
        QFETCH(QString, message);
        QTemporaryDir temporary;
        const QString folder = temporary.filePath(u"journals"_s);
        QVERIFY(QDir().mkdir(folder));
        const QString path = folder + u"/runs.sqlite"_s;
        if (existing) {
            RunJournal journal;
            QCOMPARE(journal.open(path), QString());
            QVERIFY(journal.beginRun(plan()) > 0);
        }
        QVERIFY(setMode(temporary.path(), 0777));
        QVERIFY(setMode(folder, folderWritable ? 0777 : 0555));
        if (existing)
            QVERIFY(setMode(path, fileWritable ? 0666 : 0444));
        QString error;
        {
            AsNobody nobody;
            QVERIFY(nobody.ok());
            RunJournal journal;
            error = journal.open(path);
        }
        QVERIFY(setMode(folder, 0777));
        QVERIFY2(error.startsWith(u"Run journal %1: cannot open it: "_s.arg(path)), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
        if (!folderWritable)
            QVERIFY2(error.contains(folder), qPrintable(error));
        QCOMPARE(QFile::exists(path), existing);
    }
};

QTEST_GUILESS_MAIN(TestRunJournalFailures)
#include "tst_runjournalfailures.moc"
