// retort-cli plan end to end: plans checked against what real Alembic 1.8.1 runs (`alembic upgrade` /
// `downgrade` on a throw-away SQLite database, reading its "Running upgrade ..." log lines; see
// alembiccommand.h for the sorted file listing), against Alembic's answers on the branches fixture,
// as text and in batches, and the projects and targets Alembic refuses.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "alembiccommand.h"
#include "alembicprojectwriter.h"
#include "clicommand.h"
#include "processrun.h"

using namespace Qt::StringLiterals;
using namespace retort::test;

namespace {

using Run = ProcessRun<QByteArray>;

const QString kMultipleHeads = u"Multiple head revisions are present for given argument 'head'; please specify a "
                               u"specific target revision, '<branchname>@head' to narrow to a specific head, or "
                               u"'heads' for all heads"_s;

/// The revisions Alembic ran, from its "Running upgrade a -> b, ..." / "Running downgrade b -> a, ..." log.
QStringList ranRevisions(const QByteArray &log, bool *sawOtherDirection, bool upgrade)
{
    static const QRegularExpression up(u"Running upgrade .*?-> ([^ ,]+),"_s);
    static const QRegularExpression down(u"Running downgrade ([^ ,]+) ->"_s);
    QStringList ids;
    for (const QString &line : lines(log)) {
        const QRegularExpressionMatch u = up.match(line);
        const QRegularExpressionMatch d = down.match(line);
        if (u.hasMatch())
            ids.append(u.captured(1));
        if (d.hasMatch())
            ids.append(d.captured(1));
        if ((upgrade && d.hasMatch()) || (!upgrade && u.hasMatch()))
            *sawOtherDirection = true;
    }
    return ids;
}

/// Steps of `retort-cli plan ... --format json`, checking the shape and every step's direction.
QStringList planSteps(const Run &result, bool upgrade, QString *problem)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (!document.isObject()) {
        *problem = u"not a JSON object: "_s + error.errorString();
        return {};
    }
    const QJsonValue steps = document.object().value(u"steps"_s);
    if (!steps.isArray()) {
        *problem = u"no \"steps\" array"_s;
        return {};
    }
    QStringList ids;
    for (const QJsonValue &step : steps.toArray()) {
        const QJsonObject object = step.toObject();
        ids.append(object.value(u"revision"_s).toString());
        if (object.value(u"direction"_s).toString() != (upgrade ? u"up"_s : u"down"_s))
            *problem = u"step %1 has direction '%2'"_s.arg(ids.last(), object.value(u"direction"_s).toString());
    }
    return ids;
}

} // namespace

class TestCliPlan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void planRefusesAProjectWithErrors();
    void planWithARelativeFromThatWalksOffTheHistory();
    void planHeadIsAmbiguousOnDemo();

    void planMatchesAlembicRun_data();
    void planMatchesAlembicRun();
    void planOnBranchesFixture_data();
    void planOnBranchesFixture();
    void planText();
    void planBatch();
};

void TestCliPlan::initTestCase()
{
    verifyCliAndAlembicAreThere();
}

void TestCliPlan::planRefusesAProjectWithErrors()
{
    // Alembic will not load a project with a file it cannot import: no plan, exit 1, the error shown.
    const Run result = cli({u"plan"_s, kBroken, u"--to"_s, u"heads"_s});
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
    QVERIFY2(QString::fromUtf8(result.err).contains(u"error: syntax error"_s), qPrintable(result.describe()));

    // A missing parent: Alembic dies with a KeyError, so nothing is planned either.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a.py"_s), "revision = 'a1b2'\ndown_revision = None\n"));
    QVERIFY(writeFile(dir.filePath(u"c.py"_s), "revision = 'c3d4'\ndown_revision = 'nope'\n"));
    const Run missing = cli({u"plan"_s, dir.path(), u"--to"_s, u"heads"_s});
    QVERIFY2(missing.exitCode == 1, qPrintable(missing.describe()));
    QVERIFY(QString::fromUtf8(missing.err).contains(u"Revision nope referenced from c3d4 is not present"_s));
}

void TestCliPlan::planWithARelativeFromThatWalksOffTheHistory()
{
    // `--from=-2` resolves to "nothing" where Alembic dereferences it and crashes: a clear error,
    // never a crash of retort-cli.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a.py"_s), "revision = 'a1b2'\ndown_revision = None\n"));
    QVERIFY(writeFile(dir.filePath(u"b.py"_s), "revision = 'b3c4'\ndown_revision = 'a1b2'\n"));
    for (const QString &from : {u"-3"_s, u"-50"_s}) {
        const Run up = cli({u"plan"_s, dir.path(), u"--to"_s, u"heads"_s, u"--from="_s + from});
        QVERIFY2(up.exitCode == 2, qPrintable(up.describe()));
        QVERIFY2(QString::fromUtf8(up.err).contains(u"Alembic itself fails"_s), qPrintable(up.describe()));
        const Run down = cli({u"plan"_s, dir.path(), u"--down"_s, u"--to"_s, u"base"_s, u"--from="_s + from});
        QVERIFY2(down.exitCode == 2, qPrintable(down.describe()));
    }
    // With several heads, Alembic's own answer is an ambiguous walk.
    const Run branches = cli({u"plan"_s, kBranches, u"--to"_s, u"heads"_s, u"--from=-2"_s});
    QVERIFY2(branches.exitCode == 2, qPrintable(branches.describe()));
    QVERIFY(QString::fromUtf8(branches.err).contains(u"Ambiguous walk"_s));
}

void TestCliPlan::planHeadIsAmbiguousOnDemo()
{
    const Run result = cli({u"plan"_s, kDemo, u"--to"_s, u"head"_s});
    QVERIFY2(result.exitCode == 2, qPrintable(result.describe()));
    QVERIFY2(QString::fromUtf8(result.err).contains(kMultipleHeads), qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());

    // The same words as `alembic upgrade head`.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run real = alembic(kDemo, {u"upgrade"_s, u"head"_s}, dir.filePath(u"demo.db"_s));
    QVERIFY(real.exitCode != 0);
    QVERIFY2(QString::fromUtf8(real.out + real.err).contains(u"FAILED: "_s + kMultipleHeads), qPrintable(real.describe()));
}

void TestCliPlan::planMatchesAlembicRun_data()
{
    QTest::addColumn<QStringList>("setup"); // alembic commands bringing the database to the state, ';'-free
    QTest::addColumn<QString>("from");      // that state, as retort-cli --from
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("down");

    const QString heads = u"09360dc33310,audit_0002"_s;
    QTest::newRow("heads from an empty database") << QStringList() << QString() << u"heads"_s << false;
    QTest::newRow("heads from the branch point") << QStringList{u"upgrade f4a63533f1d0"_s} << u"f4a63533f1d0"_s
                                                 << u"heads"_s << false;
    QTest::newRow("heads from both branch tips")
        << QStringList{u"upgrade b8e2d94c17a5"_s, u"upgrade f4f8a9058938"_s} << u"b8e2d94c17a5,f4f8a9058938"_s
        << u"heads"_s << false;
    QTest::newRow("the merge from one branch") << QStringList{u"upgrade b8e2d94c17a5"_s} << u"b8e2d94c17a5"_s
                                               << u"414c25a99cca"_s << false;
    QTest::newRow("audit@head from an empty database") << QStringList() << QString() << u"audit@head"_s << false;
    QTest::newRow("+2 from the base") << QStringList{u"upgrade 0c0b52f6f7f0"_s} << u"0c0b52f6f7f0"_s << u"+2"_s
                                      << false;
    QTest::newRow("a partial id") << QStringList() << QString() << u"3394"_s << false;
    QTest::newRow("down to base from the heads") << QStringList{u"upgrade heads"_s} << heads << u"base"_s << true;
    QTest::newRow("down to the branch point") << QStringList{u"upgrade heads"_s} << heads << u"f4a63533f1d0"_s
                                              << true;
    QTest::newRow("down audit@base") << QStringList{u"upgrade heads"_s} << heads << u"audit@base"_s << true;
    QTest::newRow("down -2 on one line") << QStringList{u"upgrade 72162e8679fa"_s} << u"72162e8679fa"_s << u"-2"_s
                                         << true;
    QTest::newRow("down below the merge") << QStringList{u"upgrade 5eec89a786ac"_s} << u"5eec89a786ac"_s
                                          << u"dd3913d2ad1e"_s << true;
}

void TestCliPlan::planMatchesAlembicRun()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, from);
    QFETCH(QString, target);
    QFETCH(bool, down);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(u"demo.db"_s);
    for (const QString &command : setup) {
        const Run step = alembic(kDemo, command.split(u' '), database);
        QVERIFY2(step.exitCode == 0, qPrintable(command + u": "_s + step.describe()));
    }
    const Run real = alembic(kDemo, {down ? u"downgrade"_s : u"upgrade"_s, target}, database);
    QVERIFY2(real.exitCode == 0, qPrintable(real.describe()));
    bool wrongDirection = false;
    const QStringList expected = ranRevisions(real.err, &wrongDirection, !down);
    QVERIFY(!wrongDirection);
    QVERIFY(!expected.isEmpty());

    QStringList arguments{u"plan"_s, kDemo, u"--to"_s, target, u"--format"_s, u"json"_s};
    if (!from.isEmpty())
        arguments << u"--from"_s << from;
    if (down)
        arguments << u"--down"_s;
    const Run result = cli(arguments);
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QString problem;
    const QStringList actual = planSteps(result, !down, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (actual != expected)
        QFAIL(qPrintable(u"\n   retort: %1\n  alembic: %2"_s.arg(actual.join(u", "_s), expected.join(u", "_s))));
}

void TestCliPlan::planOnBranchesFixture_data()
{
    // Expected values from Alembic 1.8.1 (ScriptDirectory._upgrade_revs / _downgrade_revs on this
    // fixture, files loaded in name order); exit 2 rows carry the CommandError text.
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("down");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expected"); // steps, or {error message}

    const QString e01 = u"0a1b2c3d4e01"_s, e02 = u"0a1b2c3d4e02"_s, e03 = u"0a1b2c3d4e03"_s, e04 = u"0a1b2c3d4e04"_s,
                  e05 = u"0a1b2c3d4e05"_s, r01 = u"9f8e7d6c5b01"_s, r02 = u"9f8e7d6c5b02"_s;
    const QString heads = e05 + u',' + r02;
    QTest::newRow("heads") << QString() << u"heads"_s << false << 0
                           << QStringList{e01, e02, e04, e03, r01, r02, e05};
    QTest::newRow("heads from 03") << e03 << u"heads"_s << false << 0 << QStringList{r01, r02, e04, e05};
    QTest::newRow("reports@head") << QString() << u"reports@head"_s << false << 0
                                  << QStringList{e01, e02, e03, r01, r02};
    QTest::newRow("core@head from reports' base") << r01 << u"core@head"_s << false << 0
                                                  << QStringList{e02, e04, e03, e05};
    QTest::newRow("+1 at the branch point") << e02 << u"+1"_s << false << 2 << QStringList{u"Ambiguous walk"_s};
    QTest::newRow("head") << QString() << u"head"_s << false << 2 << QStringList{kMultipleHeads};
    QTest::newRow("down to base") << heads << u"base"_s << true << 0 << QStringList{e05, r02, r01, e03, e04, e02, e01};
    QTest::newRow("down to the base revision") << heads << e01 << true << 0 << QStringList{e05, r02, e03, e04, e02};
    QTest::newRow("down reports@base") << heads << u"reports@base"_s << true << 0 << QStringList{r02, r01};
    QTest::newRow("down core@02") << heads << u"core@0a1b2c3d4e02"_s << true << 2
                                  << QStringList{u"Not a valid downgrade target from current heads"_s};
    QTest::newRow("unknown revision") << QString() << u"ffff"_s << false << 2
                                      << QStringList{u"Can't locate revision identified by 'ffff'"_s};
}

void TestCliPlan::planOnBranchesFixture()
{
    QFETCH(QString, from);
    QFETCH(QString, target);
    QFETCH(bool, down);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expected);

    QStringList arguments{u"plan"_s, kBranches, u"--to"_s, target, u"--format"_s, u"json"_s};
    if (!from.isEmpty())
        arguments << u"--from"_s << from;
    if (down)
        arguments << u"--down"_s;
    const Run result = cli(arguments);
    QVERIFY2(result.exitCode == exitCode, qPrintable(result.describe()));
    if (exitCode == 2) {
        QCOMPARE(QString::fromUtf8(result.err).trimmed(), u"retort-cli plan: "_s + expected.first());
        QVERIFY(result.out.isEmpty());
        return;
    }
    QString problem;
    const QStringList actual = planSteps(result, !down, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(actual, expected);
}

void TestCliPlan::planText()
{
    const Run result = cli({u"plan"_s, kBranches, u"--to"_s, u"reports@head"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QStringList output = lines(result.out);
    QCOMPARE(output.size(), 5);
    QVERIFY2(output.first().startsWith(u"upgrade"_s), qPrintable(output.first()));
    QVERIFY(output.first().contains(u"0a1b2c3d4e01"_s));
    QVERIFY(output.first().contains(u"create accounts"_s));
    QVERIFY(output.last().contains(u"9f8e7d6c5b02"_s));

    const Run down = cli({u"plan"_s, kBranches, u"--from"_s, u"9f8e7d6c5b02"_s, u"--to"_s, u"reports@base"_s,
                          u"--down"_s});
    QVERIFY2(down.exitCode == 0, qPrintable(down.describe()));
    QVERIFY(lines(down.out).first().startsWith(u"downgrade"_s));

    const Run nothing = cli({u"plan"_s, kBranches, u"--from"_s, u"0a1b2c3d4e05,9f8e7d6c5b02"_s, u"--to"_s,
                             u"heads"_s});
    QVERIFY2(nothing.exitCode == 0, qPrintable(nothing.describe()));
    QCOMPARE(lines(nothing.out).size(), 1);
    QVERIFY(!nothing.out.contains("upgrade "));
}

void TestCliPlan::planBatch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile queries(dir.filePath(u"queries.jsonl"_s));
    QVERIFY(queries.open(QIODevice::WriteOnly));
    queries.write("{\"from\": [], \"to\": \"reports@head\"}\n"
                  "{\"from\": [\"0a1b2c3d4e05\", \"9f8e7d6c5b02\"], \"to\": \"reports@base\", \"down\": true}\n"
                  "{\"from\": [], \"to\": \"head\"}\n");
    queries.close();
    const Run result = cli({u"plan"_s, kBranches, u"--batch"_s, queries.fileName()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QStringList answers = lines(result.out);
    QCOMPARE(answers.size(), 3);
    QString problem;
    Run first;
    first.out = answers.at(0).toUtf8();
    QCOMPARE(planSteps(first, true, &problem),
             (QStringList{u"0a1b2c3d4e01"_s, u"0a1b2c3d4e02"_s, u"0a1b2c3d4e03"_s, u"9f8e7d6c5b01"_s, u"9f8e7d6c5b02"_s}));
    Run second;
    second.out = answers.at(1).toUtf8();
    QCOMPARE(planSteps(second, false, &problem), (QStringList{u"9f8e7d6c5b02"_s, u"9f8e7d6c5b01"_s}));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(QJsonDocument::fromJson(answers.at(2).toUtf8()).object().value(u"error"_s).toString(), kMultipleHeads);
}

QTEST_GUILESS_MAIN(TestCliPlan)
#include "tst_cliplan.moc"
