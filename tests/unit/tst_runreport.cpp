// RunReport: the Markdown and JSON of a hand-made run show its facts (who, where, when, revisions,
// fingerprints, steps, statements, errors with file:line), with stable JSON keys and no password.
#include "runreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int second, int ms)
{
    return QDateTime(QDate(2026, 12, 3), QTime(15, 0, second, ms), Qt::UTC);
}

/// Run 12 on staging: bf20 succeeded with two statements, c330 failed on its only one.
RunRecord failedRun()
{
    RunRecord run;
    run.id = 12;
    run.profile = u"staging"_s;
    run.database = u"postgresql://deploy@db.staging:5432/shop"_s;
    run.environment = u"staging"_s;
    run.project = u"/home/alice/shop"_s;
    run.user = u"alice"_s;
    run.host = u"build-01"_s;
    run.target = u"head"_s;
    run.status = RunStatus::Failed;
    run.startedAt = at(4, 123);
    run.finishedAt = at(6, 373);
    run.versionsBefore = {u"ae10"_s};
    run.versionsAfter = {u"bf20"_s};
    run.fingerprintBefore = u"0f1e2d"_s;
    run.fingerprintAfter = u"1a2b3c"_s;
    run.lockTimeoutMs = 5000;
    run.error = u"step 2 (c330) failed"_s;

    RunStepRecord first;
    first.index = 0;
    first.revision = u"bf20"_s;
    first.message = u"create users"_s;
    first.status = RunStatus::Succeeded;
    first.startedAt = at(4, 200);
    first.durationMs = 120;
    first.versionsBefore = {u"ae10"_s};
    first.versionsExpected = {u"bf20"_s};
    first.versionsAfter = {u"bf20"_s};
    first.output = u"line 1\nline 2\n"_s;
    first.statements = {{1,
                         u"DROP TABLE IF EXISTS old_users"_s,
                         at(4, 201),
                         850,
                         -1,
                         {u"NOTICE: table \"old_users\" does not exist, skipping"_s},
                         QString()},
                        {2, u"CREATE TABLE users (id integer)"_s, at(4, 202), 3200, 42, {}, QString()}};

    RunStepRecord second;
    second.index = 1;
    second.revision = u"c330"_s;
    second.message = u"add email"_s;
    second.status = RunStatus::Failed;
    second.startedAt = at(5, 0);
    second.durationMs = 1250;
    second.versionsBefore = {u"bf20"_s};
    second.versionsExpected = {u"c330"_s};
    second.versionsAfter = {u"bf20"_s};
    const QString sqlError = u"column \"email\" of relation \"users\" contains null values"_s;
    second.statements = {{1, u"ALTER TABLE users ADD email text NOT NULL"_s, at(5, 10), 1'250'000, -1, {}, sqlError}};
    second.error.type = u"IntegrityError"_s;
    second.error.message = sqlError;
    second.error.frames = {{u"/usr/lib/python3/dist-packages/alembic/runtime/migration.py"_s, 621, u"run_migrations"_s},
                           {u"/home/alice/shop/migrations/versions/c330_add_email.py"_s, 14, u"upgrade"_s}};
    run.steps = {first, second};
    return run;
}

RunRecord verification(bool equal)
{
    RunRecord run = failedRun();
    run.kind = RunRecord::Kind::Verify;
    run.target = u"bf20:c330"_s;
    run.verification.fingerprintBefore = u"aaaa"_s;
    run.verification.fingerprintUpgraded = u"bbbb"_s;
    run.verification.fingerprintDowngraded = equal ? u"aaaa"_s : u"cccc"_s;
    run.verification.equal = equal;
    if (!equal)
        run.verification.difference = u"+ column public.users.email text"_s;
    return run;
}

/// The value at \a path ("steps/0/statements/1/rowsAffected") in \a object.
QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &part : path.split(u'/')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(part);
    }
    return value;
}

} // namespace

class TestRunReport : public QObject
{
    Q_OBJECT

private slots:
    void markdownShowsTheRun_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::newRow("title") << u"# Run 12: upgrade to `head`\n"_s;
        QTest::newRow("status") << u"| Status | failed |"_s;
        QTest::newRow("where") << u"| Database | postgresql://deploy@db.staging:5432/shop |"_s;
        QTest::newRow("profile") << u"| Profile | staging |"_s;
        QTest::newRow("who") << u"| Started by | alice on build-01 |"_s;
        QTest::newRow("when") << u"| Started | 2026-12-03 15:00:04.123 UTC |"_s;
        QTest::newRow("how long") << u"| Duration | 2.250 s |"_s;
        QTest::newRow("before") << u"| Revisions before | `ae10` |"_s;
        QTest::newRow("after") << u"| Revisions after | `bf20` |"_s;
        QTest::newRow("fingerprint before") << u"| Schema fingerprint before | `0f1e2d` |"_s;
        QTest::newRow("fingerprint after") << u"| Schema fingerprint after | `1a2b3c` |"_s;
        QTest::newRow("lock timeout") << u"| Lock timeout | 5.000 s |"_s;
        QTest::newRow("no statement timeout") << u"| Statement timeout | none |"_s;
        QTest::newRow("run error") << u"**Error:** step 2 (c330) failed"_s;
        QTest::newRow("step row")
            << u"| 1 | `bf20` create users | upgrade | succeeded | 2026-12-03 15:00:04.200 UTC | 120 ms | 2 |"_s;
        QTest::newRow("failed step row")
            << u"| 2 | `c330` add email | upgrade | failed | 2026-12-03 15:00:05.000 UTC | 1.250 s | 1 |"_s;
        QTest::newRow("step heading") << u"### Step 2: upgrade `c330` — add email"_s;
        QTest::newRow("step versions") << u"| Revisions expected after | `c330` |"_s;
        QTest::newRow("fast statement") << u"#### Statement 1 (850 µs, rows not reported)"_s;
        QTest::newRow("statement with rows") << u"#### Statement 2 (3.2 ms, 42 rows)"_s;
        QTest::newRow("slow statement") << u"#### Statement 1 (1.250 s, rows not reported)"_s;
        QTest::newRow("statement sql") << u"```sql\nCREATE TABLE users (id integer)\n```\n"_s;
        QTest::newRow("notice") << u"> NOTICE: table \"old_users\" does not exist, skipping"_s;
        QTest::newRow("statement error")
            << u"**Statement error:** column \"email\" of relation \"users\" contains null values"_s;
        QTest::newRow("output") << u"Output:\n\n```text\nline 1\nline 2\n```\n"_s;
        QTest::newRow("step error") << u"**Error:** `IntegrityError`: column \"email\""_s;
        QTest::newRow("user frame") << u"- `/home/alice/shop/migrations/versions/c330_add_email.py:14` in `upgrade`"_s;
        QTest::newRow("alembic frame")
            << u"- `/usr/lib/python3/dist-packages/alembic/runtime/migration.py:621` in `run_migrations`"_s;
    }

    void markdownShowsTheRun()
    {
        QFETCH(QString, needle);
        const QString markdown = RunReport::toMarkdown(failedRun());
        QVERIFY2(markdown.contains(needle), qPrintable(markdown));
    }

    void markdownSaysOnlyWhatHappened()
    {
        const QString markdown = RunReport::toMarkdown(failedRun());
        QCOMPARE(markdown.count(u"**Error:**"_s), 2); // the run's and the failed step's; not the good step's
        QVERIFY(!markdown.contains(u"Rollback verification"_s));
        QCOMPARE(markdown.count(u"#### Statement"_s), 3);

        RunRecord running = failedRun();
        running.status = RunStatus::Running;
        running.finishedAt = QDateTime();
        running.error.clear();
        running.steps[1].status = RunStatus::Running;
        running.steps[1].durationMs = -1;
        running.steps[1].error = BridgeError();
        running.steps[1].statements[0].durationUs = -1;
        running.steps[1].statements[0].error.clear();
        const QString live = RunReport::toMarkdown(running);
        QVERIFY(live.contains(u"#### Statement 1 (did not finish)"_s));
        QVERIFY(live.contains(u"| Finished | — |"_s));
        QCOMPARE(markdown.count(u"| Duration |"_s), 4); // the run's, each step's and the steps table's heading
        QCOMPARE(live.count(u"| Duration |"_s), 3);     // not the run's: it has not ended
        QCOMPARE(live.count(u"**Error:**"_s), 0);
    }

    void markdownShowsAVerification_data()
    {
        QTest::addColumn<bool>("equal");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<QString>("absent");
        QTest::newRow("restored") << true << u"The downgrade restored the schema"_s << u"Difference"_s;
        QTest::newRow("column left behind")
            << false << u"**The downgrade did not restore the schema.**"_s << u"The downgrade restored"_s;
        QTest::newRow("stopped before the downgrade's snapshot")
            << false << u"**No verdict:** the verification stopped"_s << u"did not restore"_s;
    }

    void markdownShowsAVerification()
    {
        QFETCH(bool, equal);
        QFETCH(QString, needle);
        QFETCH(QString, absent);
        RunRecord run = verification(equal);
        if (QByteArray(QTest::currentDataTag()).startsWith("stopped")) {
            run.verification.fingerprintDowngraded.clear();
            run.verification.difference.clear();
        }
        const QString markdown = RunReport::toMarkdown(run);
        QVERIFY(markdown.startsWith(u"# Rollback verification 12: `bf20:c330`\n"_s));
        QVERIFY2(markdown.contains(needle), qPrintable(markdown));
        QVERIFY2(!markdown.contains(absent), qPrintable(markdown));
        QVERIFY(markdown.contains(u"| After the upgrade | `bbbb` |"_s));
        QCOMPARE(markdown.contains(u"```diff\n+ column public.users.email text\n```"_s),
                 !run.verification.difference.isEmpty());
    }

    void markdownSaysWhatTheFingerprintsAndTheSecondUpgradeShow_data()
    {
        QTest::addColumn<QString>("downgraded");
        QTest::addColumn<QString>("reupgraded");
        QTest::addColumn<bool>("orderNote");
        QTest::addColumn<QString>("reupgradeVerdict");
        QTest::newRow("same fingerprints, no second upgrade") << u"aaaa"_s << QString() << false << QString();
        QTest::newRow("columns moved") << u"dddd"_s << QString() << true << QString();
        QTest::newRow("second upgrade the same")
            << u"aaaa"_s << u"bbbb"_s << false << u"Upgrading again gave the schema of the first upgrade."_s;
        QTest::newRow("second upgrade differs")
            << u"aaaa"_s << u"eeee"_s << false << u"**Upgrading again gave a different schema than the first upgrade.**"_s;
    }

    void markdownSaysWhatTheFingerprintsAndTheSecondUpgradeShow()
    {
        QFETCH(QString, downgraded);
        QFETCH(QString, reupgraded);
        QFETCH(bool, orderNote);
        QFETCH(QString, reupgradeVerdict);
        RunRecord run = verification(true);
        run.verification.fingerprintDowngraded = downgraded;
        run.verification.fingerprintReupgraded = reupgraded;
        const QString markdown = RunReport::toMarkdown(run);
        QCOMPARE(markdown.contains(u"such as the order of a table's columns"_s), orderNote);
        QCOMPARE(markdown.contains(u"Upgrading again"_s), !reupgradeVerdict.isEmpty());
        if (!reupgradeVerdict.isEmpty())
            QVERIFY2(markdown.contains(reupgradeVerdict), qPrintable(markdown));
    }

    void codeFencesSurviveBackticks()
    {
        RunRecord run = failedRun();
        run.steps[0].statements[0].sql = u"SELECT '```' AS fence"_s;
        run.target = u"a`b"_s;
        const QString markdown = RunReport::toMarkdown(run);
        QVERIFY2(markdown.contains(u"````sql\nSELECT '```' AS fence\n````\n"_s), qPrintable(markdown));
        QVERIFY(markdown.contains(u"``a`b``"_s));
    }

    void jsonHasTheFacts_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("format") << u"format"_s << QJsonValue(u"retort-run"_s);
        QTest::newRow("id") << u"id"_s << QJsonValue(12);
        QTest::newRow("kind") << u"kind"_s << QJsonValue(u"run"_s);
        QTest::newRow("status") << u"status"_s << QJsonValue(u"failed"_s);
        QTest::newRow("direction") << u"direction"_s << QJsonValue(u"upgrade"_s);
        QTest::newRow("who") << u"user"_s << QJsonValue(u"alice"_s);
        QTest::newRow("where") << u"host"_s << QJsonValue(u"build-01"_s);
        QTest::newRow("started") << u"startedAt"_s << QJsonValue(u"2026-12-03T15:00:04.123Z"_s);
        QTest::newRow("finished") << u"finishedAt"_s << QJsonValue(u"2026-12-03T15:00:06.373Z"_s);
        QTest::newRow("before") << u"versionsBefore/0"_s << QJsonValue(u"ae10"_s);
        QTest::newRow("fingerprint") << u"fingerprintAfter"_s << QJsonValue(u"1a2b3c"_s);
        QTest::newRow("no statement timeout") << u"statementTimeoutMs"_s << QJsonValue(0);
        QTest::newRow("step duration") << u"steps/0/durationMs"_s << QJsonValue(120);
        QTest::newRow("step status") << u"steps/1/status"_s << QJsonValue(u"failed"_s);
        QTest::newRow("rows") << u"steps/0/statements/1/rowsAffected"_s << QJsonValue(42);
        QTest::newRow("rows unknown") << u"steps/0/statements/0/rowsAffected"_s << QJsonValue(QJsonValue::Null);
        QTest::newRow("microseconds") << u"steps/1/statements/0/durationUs"_s << QJsonValue(1'250'000);
        QTest::newRow("notice") << u"steps/0/statements/0/notices/0"_s
                                << QJsonValue(u"NOTICE: table \"old_users\" does not exist, skipping"_s);
        QTest::newRow("good step has no error") << u"steps/0/error"_s << QJsonValue(QJsonValue::Null);
        QTest::newRow("error type") << u"steps/1/error/type"_s << QJsonValue(u"IntegrityError"_s);
        QTest::newRow("frame line") << u"steps/1/error/frames/1/line"_s << QJsonValue(14);
        QTest::newRow("frame file") << u"steps/1/error/frames/1/file"_s
                                    << QJsonValue(u"/home/alice/shop/migrations/versions/c330_add_email.py"_s);
        QTest::newRow("output") << u"steps/0/output"_s << QJsonValue(u"line 1\nline 2\n"_s);
        QTest::newRow("no verification") << u"verification"_s << QJsonValue(QJsonValue::Undefined);
    }

    void jsonHasTheFacts()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        const QJsonObject json = QJsonDocument::fromJson(RunReport::toJson(failedRun())).object();
        QCOMPARE(at(json, path), value);
    }

    void jsonKeysAreStable()
    {
        const QJsonObject json = RunReport::toJsonObject(verification(false));
        QCOMPARE(json.keys(), (QStringList{u"database"_s,
                                           u"direction"_s,
                                           u"environment"_s,
                                           u"error"_s,
                                           u"fingerprintAfter"_s,
                                           u"fingerprintBefore"_s,
                                           u"finishedAt"_s,
                                           u"format"_s,
                                           u"formatVersion"_s,
                                           u"host"_s,
                                           u"id"_s,
                                           u"kind"_s,
                                           u"lockTimeoutMs"_s,
                                           u"profile"_s,
                                           u"project"_s,
                                           u"startedAt"_s,
                                           u"statementTimeoutMs"_s,
                                           u"status"_s,
                                           u"steps"_s,
                                           u"target"_s,
                                           u"user"_s,
                                           u"verification"_s,
                                           u"versionsAfter"_s,
                                           u"versionsBefore"_s}));
        QCOMPARE(at(json, u"steps/0"_s).toObject().keys(),
                 (QStringList{u"direction"_s, u"durationMs"_s, u"error"_s, u"index"_s, u"message"_s, u"output"_s,
                              u"revision"_s, u"startedAt"_s, u"statements"_s, u"status"_s, u"versionsAfter"_s,
                              u"versionsBefore"_s, u"versionsExpected"_s}));
        QCOMPARE(at(json, u"steps/0/statements/0"_s).toObject().keys(),
                 (QStringList{u"durationUs"_s, u"error"_s, u"notices"_s, u"rowsAffected"_s, u"sequence"_s, u"sql"_s,
                              u"startedAt"_s}));
        QCOMPARE(at(json, u"verification/equal"_s), QJsonValue(false));
        QCOMPARE(at(json, u"verification/fingerprintDowngraded"_s), QJsonValue(u"cccc"_s));
        QCOMPARE(at(json, u"verification/fingerprintReupgraded"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(at(json, u"verification/difference"_s), QJsonValue(u"+ column public.users.email text"_s));
    }

    void redacts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("URL") << u"postgresql://deploy:s3cr3t@db:5432/shop"_s
                             << u"postgresql://deploy:***@db:5432/shop"_s;
        QTest::newRow("URL with a driver") << u"url postgresql+psycopg2://app:p@ss/w0rd@db/shop now"_s
                                           << u"url postgresql+psycopg2://app:***@db/shop now"_s;
        QTest::newRow("libpq") << u"host=db password=s3cr3t dbname=shop"_s << u"host=db password=*** dbname=shop"_s;
        QTest::newRow("quoted libpq") << u"password='s3 cr3t' user=app"_s << u"password=*** user=app"_s;
        QTest::newRow("environment") << u"PGPASSWORD=s3cr3t psql"_s << u"PGPASSWORD=*** psql"_s;
        QTest::newRow("query string") << u"?user=app&password=s3cr3t&sslmode=require"_s
                                      << u"?user=app&password=***&sslmode=require"_s;
        QTest::newRow("python dict") << u"{'user': 'app', 'password': 's3cr3t'}"_s
                                     << u"{'user': 'app', 'password': ***}"_s;
        QTest::newRow("SQL") << u"CREATE ROLE app LOGIN PASSWORD 's3cr3t'"_s << u"CREATE ROLE app LOGIN PASSWORD ***"_s;
        QTest::newRow("URL without password")
            << u"postgresql://deploy@db:5432/shop"_s << u"postgresql://deploy@db:5432/shop"_s;
        QTest::newRow("host and port") << u"postgresql://db:5432/shop"_s << u"postgresql://db:5432/shop"_s;
        QTest::newRow("a word about passwords") << u"FATAL: password authentication failed for user \"app\""_s
                                                << u"FATAL: password authentication failed for user \"app\""_s;
    }

    void redacts()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(RunReport::redacted(text), expected);
    }

    void noPasswordReachesAReport_data()
    {
        QTest::addColumn<int>("where");
        QTest::newRow("database") << 0;
        QTest::newRow("run error") << 1;
        QTest::newRow("step output") << 2;
        QTest::newRow("statement") << 3;
        QTest::newRow("notice") << 4;
        QTest::newRow("traceback") << 5;
        QTest::newRow("error message") << 6;
    }

    void noPasswordReachesAReport()
    {
        QFETCH(int, where);
        RunRecord run = failedRun();
        switch (where) {
        case 0:
            run.database = u"postgresql://deploy:s3cr3t@db.staging:5432/shop"_s;
            break;
        case 1:
            run.error = u"could not connect: host=db password=s3cr3t"_s;
            break;
        case 2:
            run.steps[0].output = u"using PGPASSWORD='s3cr3t'\n"_s;
            break;
        case 3:
            run.steps[0].statements[1].sql = u"ALTER ROLE app PASSWORD 's3cr3t'"_s;
            break;
        case 4:
            run.steps[0].statements[0].notices = {u"NOTICE: url=postgresql://a:s3cr3t@h/db"_s};
            break;
        case 5:
            run.steps[1].error.details = u"sqlalchemy.url = postgresql://a:s3cr3t@h/db"_s;
            break;
        case 6:
            run.steps[1].error.message = u"bad DSN password=s3cr3t"_s;
            break;
        }
        const QString markdown = RunReport::toMarkdown(run);
        const QByteArray json = RunReport::toJson(run);
        QVERIFY2(!markdown.contains(u"s3cr3t"_s), qPrintable(markdown));
        QVERIFY2(!json.contains("s3cr3t"), json.constData());
        QVERIFY(markdown.contains(u"***"_s));
        QVERIFY(json.contains("***"));
    }
};

QTEST_GUILESS_MAIN(TestRunReport)
#include "tst_runreport.moc"
