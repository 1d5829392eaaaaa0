// RunPlan: the steps of a run with alembic_version before and after each one (branches, merges,
// depends_on), the comparison with Alembic's own plan, and the choices at an ambiguous merge point.
#include "runplan.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "revisiongraphfixtures.h"

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

//   a - b - c ----- m        (m merges c and e)
//        \        /
//         d - e -            x depends on b
//   x ~b
RevisionGraph diamond()
{
    return test::graphFromSpec({u"a"_s, u"b a"_s, u"c b"_s, u"d b"_s, u"e d"_s, u"m c e"_s, u"x ~b"_s});
}

QJsonArray alembicSteps(const QList<std::pair<QString, bool>> &steps)
{
    QJsonArray array;
    for (const auto &[revision, up] : steps)
        array.append(QJsonObject{{u"revision"_s, revision}, {u"direction"_s, up ? u"up"_s : u"down"_s}});
    return array;
}

} // namespace

class TestRunPlan : public QObject
{
    Q_OBJECT

private slots:
    void versionRowsAreTheAppliedRevisionsWithoutAppliedChildren_data()
    {
        QTest::addColumn<QStringList>("applied");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("base") << QStringList() << QStringList();
        QTest::newRow("linear") << QStringList{u"b"_s} << QStringList{u"b"_s};
        QTest::newRow("ancestors implied") << QStringList{u"c"_s} << QStringList{u"c"_s};
        QTest::newRow("two branches") << QStringList{u"c"_s, u"e"_s} << QStringList{u"c"_s, u"e"_s};
        QTest::newRow("one branch and the other's start") << QStringList{u"c"_s, u"d"_s} << QStringList{u"c"_s, u"d"_s};
        QTest::newRow("merged") << QStringList{u"m"_s} << QStringList{u"m"_s};
        // depends_on pulls b in, and stands on it like a down revision: Alembic 1.8 replaces b's row
        // with x's (upgrade x from [b] leaves [x]; checked with real Alembic on the demo's audit_0001).
        QTest::newRow("dependency") << QStringList{u"x"_s} << QStringList{u"x"_s};
        QTest::newRow("dependency covered") << QStringList{u"x"_s, u"c"_s} << QStringList{u"c"_s, u"x"_s};
    }

    void versionRowsAreTheAppliedRevisionsWithoutAppliedChildren()
    {
        QFETCH(QStringList, applied);
        QFETCH(QStringList, rows);
        QCOMPARE(RunPlan::versionRows(diamond(), applied), rows);
    }

    void upgradeStepsCarryTheVersionsBeforeAndAfter()
    {
        const RunPlan plan = RunPlan::make(diamond(), {u"c"_s}, u"m"_s, true);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QStringList order;
        for (const RunPlanStep &step : plan.steps)
            order.append(step.revision);
        QCOMPARE(order, (QStringList{u"d"_s, u"e"_s, u"m"_s}));
        QCOMPARE(plan.steps.at(0).versionsBefore, QStringList{u"c"_s});
        QCOMPARE(plan.steps.at(0).versionsAfter, (QStringList{u"c"_s, u"d"_s})); // a branch adds a row
        QCOMPARE(plan.steps.at(1).versionsAfter, (QStringList{u"c"_s, u"e"_s}));
        QCOMPARE(plan.steps.at(2).versionsAfter, QStringList{u"m"_s});           // a merge deletes rows
        QCOMPARE(plan.versionsAtEnd(), QStringList{u"m"_s});
        QVERIFY(plan.steps.at(2).path.endsWith(u"m.py"_s));
    }

    void upgradingARevisionThatDependsOnAHeadTakesItsRow()
    {
        const RunPlan up = RunPlan::make(diamond(), {u"b"_s}, u"x"_s, true);
        QVERIFY2(up.ok(), qPrintable(up.error));
        QCOMPARE(up.steps.size(), 1);
        QCOMPARE(up.steps.at(0).versionsAfter, QStringList{u"x"_s});
        const RunPlan down = RunPlan::make(diamond(), {u"x"_s}, u"-1"_s, false); // Alembic refuses "b" here
        QVERIFY2(down.ok(), qPrintable(down.error));
        QCOMPARE(down.versionsAtEnd(), QStringList{u"b"_s});
        // With b's own child applied, x gets a row of its own.
        QCOMPARE(RunPlan::make(diamond(), {u"c"_s}, u"x"_s, true).versionsAtEnd(), (QStringList{u"c"_s, u"x"_s}));
    }

    void downgradeThroughAMergeRestoresBothParents()
    {
        const RunPlan plan = RunPlan::make(diamond(), {u"m"_s}, u"b"_s, false);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QCOMPARE(plan.steps.constFirst().revision, u"m"_s);
        QVERIFY(!plan.steps.constFirst().upgrade);
        QCOMPARE(plan.steps.constFirst().versionsAfter, (QStringList{u"c"_s, u"e"_s}));
        QCOMPARE(plan.versionsAtEnd(), QStringList{u"b"_s});
    }

    void reversedUndoesAPlanStepByStep()
    {
        // d beside the other branch (c applied): no Alembic downgrade target removes d alone.
        const RunPlan up = RunPlan::make(diamond(), {u"c"_s}, u"e"_s, true);
        QVERIFY2(up.ok(), qPrintable(up.error));
        QCOMPARE(up.steps.size(), 2);
        const RunPlan back = RunPlan::reversed(up, u"c"_s);
        QVERIFY(back.ok());
        QVERIFY(back.explicitSteps);
        QVERIFY(!up.explicitSteps);
        QVERIFY(!back.upgrade);
        QCOMPARE(back.target, u"c"_s);
        QCOMPARE(back.current, (QStringList{u"c"_s, u"e"_s}));
        QCOMPARE(back.steps.size(), 2);
        QCOMPARE(back.steps.at(0).revision, u"e"_s);
        QCOMPARE(back.steps.at(1).revision, u"d"_s);
        QVERIFY(!back.steps.at(0).upgrade && !back.steps.at(1).upgrade);
        QCOMPARE(back.steps.at(0).versionsBefore, (QStringList{u"c"_s, u"e"_s}));
        QCOMPARE(back.steps.at(0).versionsAfter, (QStringList{u"c"_s, u"d"_s}));
        QCOMPARE(back.steps.at(1).versionsAfter, QStringList{u"c"_s});
        QCOMPARE(back.versionsAtEnd(), up.current);
        // The same rows as Alembic's own downgrade would leave, step by step.
        const RunPlan alembicWay = RunPlan::make(diamond(), {u"c"_s, u"e"_s}, u"c"_s, false);
        QVERIFY(alembicWay.versionsAtEnd() != up.current); // downgrading to c would not remove d and e
    }

    void anUnknownRevisionInTheDatabaseIsNamed()
    {
        const RunPlan plan = RunPlan::make(diamond(), {u"zz9"_s}, u"heads"_s, true);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error.contains(u"zz9"_s), qPrintable(plan.error));
    }

    void steppingDownFromAMergeOffersItsParents()
    {
        const RunPlan plan = RunPlan::make(diamond(), {u"m"_s}, u"-1"_s, false);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error.contains(u"Ambiguous"_s), qPrintable(plan.error));
        QStringList choices = plan.parentChoices;
        choices.sort();
        QCOMPARE(choices, (QStringList{u"c"_s, u"e"_s}));
        // Each choice is a target that works.
        for (const QString &choice : choices)
            QVERIFY(RunPlan::make(diamond(), {u"m"_s}, choice, false).ok());
    }

    void differenceFromAlembicsPlan_data()
    {
        QTest::addColumn<QJsonArray>("alembic");
        QTest::addColumn<QString>("difference");
        QTest::newRow("same") << alembicSteps({{u"d"_s, true}, {u"e"_s, true}, {u"m"_s, true}}) << QString();
        QTest::newRow("other order") << alembicSteps({{u"e"_s, true}, {u"d"_s, true}, {u"m"_s, true}})
                                     << u"Step 1: Alembic would upgrade e, Retort's plan says upgrade d"_s;
        QTest::newRow("longer") << alembicSteps({{u"d"_s, true}, {u"e"_s, true}, {u"m"_s, true}, {u"x"_s, true}})
                                << u"Alembic's plan has 4 steps, Retort's 3; Alembic would also upgrade x"_s;
        QTest::newRow("shorter") << alembicSteps({{u"d"_s, true}})
                                 << u"Alembic's plan has 1 steps, Retort's 3; Retort would also upgrade e"_s;
        QTest::newRow("direction") << alembicSteps({{u"d"_s, false}, {u"e"_s, true}, {u"m"_s, true}})
                                   << u"Step 1: Alembic would downgrade d, Retort's plan says upgrade d"_s;
    }

    void differenceFromAlembicsPlan()
    {
        QFETCH(QJsonArray, alembic);
        QFETCH(QString, difference);
        const RunPlan plan = RunPlan::make(diamond(), {u"c"_s}, u"m"_s, true);
        QCOMPARE(plan.differenceFrom(alembic), difference);
    }
};

QTEST_GUILESS_MAIN(TestRunPlan)
#include "tst_runplan.moc"
