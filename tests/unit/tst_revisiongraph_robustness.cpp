// RevisionGraph on histories built to break it: self-loops, cycles and contradictions of every kind
// answer every question and return in time, and deep histories (20,000 revisions, in a line and closed
// into a cycle) do not recurse.

#include "revisiongraph.h"
#include "revisiongraphfixtures.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::test;

class TestRevisionGraphRobustness : public QObject
{
    Q_OBJECT

private slots:
    void pathologicalGraphsReturn_data();
    void pathologicalGraphsReturn();
    void longHistories();
};

void TestRevisionGraphRobustness::pathologicalGraphsReturn_data()
{
    QTest::addColumn<QStringList>("spec");
    QTest::addColumn<bool>("broken");
    QTest::newRow("self-loop") << QStringList{u"a a"_s} << true;
    QTest::newRow("two-cycle") << QStringList{u"a b"_s, u"b a"_s} << true;
    QTest::newRow("cycle above a base") << QStringList{u"a"_s, u"b a d"_s, u"c b"_s, u"d c"_s} << true;
    QTest::newRow("dependency cycle") << QStringList{u"a ~c"_s, u"b a"_s, u"c b"_s} << true;
    QTest::newRow("mutual dependencies") << QStringList{u"a ~b"_s, u"b ~a"_s} << true;
    QTest::newRow("dependency on a descendant") << QStringList{u"a ~c"_s, u"b a"_s, u"c b"_s, u"d"_s} << true;
    QTest::newRow("merge of itself") << QStringList{u"a"_s, u"b a a"_s} << false;
    QTest::newRow("missing parent in a cycle") << QStringList{u"a b zz"_s, u"b a"_s} << true;
    QTest::newRow("label on a cycle") << QStringList{u"a c #lib"_s, u"b a"_s, u"c b"_s} << true;
    QTest::newRow("depends_on a label in a cycle") << QStringList{u"a ~lib"_s, u"b a #lib"_s} << true;
    QTest::newRow("everything") << QStringList{u"a a ~a #a"_s, u"b-c b-c ~zz"_s, u"b-c"_s} << true;
}

void TestRevisionGraphRobustness::pathologicalGraphsReturn()
{
    // Whatever Alembic makes of them (it hung on some before 1.7), Retort returns, with an error.
    QFETCH(QStringList, spec);
    QFETCH(bool, broken);
    QElapsedTimer timer;
    timer.start();
    const RevisionGraph graph = graphFromSpec(spec);
    QVERIFY(graph.size() > 0);
    if (broken)
        QVERIFY2(!graph.fatalError().isEmpty() || hasErrors(graph.diagnostics()), "a broken history is reported");
    const QStringList identifiers{u"heads"_s, u"head"_s, u"base"_s, u"a"_s, u"b"_s, u"+1"_s, u"-1"_s,
                                  u"a+2"_s,   u"b-2"_s,  u"lib@head"_s, u"lib@-1"_s};
    const QStringList states[] = {{}, {u"a"_s}, {u"b"_s}, {u"a"_s, u"b"_s}};
    for (const QString &identifier : identifiers) {
        for (const QStringList &current : states) {
            graph.resolve(identifier, current);
            graph.upgradePlan(current, identifier);
            graph.downgradePlan(current, identifier);
        }
    }
    graph.history();
    graph.heads();
    graph.realHeads();
    for (const Revision &rev : graph.revisions()) {
        graph.branchLabels(rev.id);
        graph.isInCycle(rev.id);
    }
    QVERIFY2(timer.elapsed() < 10000, "took too long");
}

void TestRevisionGraphRobustness::longHistories()
{
    // Deep histories must not recurse: a 20,000-revision line, the same closed into a cycle.
    QStringList line{u"r0"_s};
    for (int i = 1; i < 20000; ++i)
        line.append(u"r%1 r%2"_s.arg(i).arg(i - 1));
    QElapsedTimer timer;
    timer.start();
    const RevisionGraph graph = graphFromSpec(line);
    QCOMPARE(graph.heads(), QStringList{u"r19999"_s});
    QCOMPARE(graph.history().size(), 20000);
    QCOMPARE(graph.history().first(), u"r19999"_s);
    const Plan plan = graph.upgradePlan({u"r100"_s}, u"heads"_s);
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.steps.size(), 19899);
    QCOMPARE(graph.resolve(u"r5+100"_s).revisions, QStringList{u"r105"_s});

    QStringList cycle = line;
    cycle[0] = u"r0 r19999"_s;
    const RevisionGraph cyclic = graphFromSpec(cycle);
    // No head at all: Alembic lists every revision, in load order.
    QVERIFY(cyclic.fatalError().startsWith(u"Cycle is detected in revisions (r0, r1, r2, r3, "_s));
    QVERIFY(cyclic.isInCycle(u"r12345"_s));
    QCOMPARE(cyclic.history().size(), 20000);
    QVERIFY2(timer.elapsed() < 60000, "long histories are slow");
}

QTEST_GUILESS_MAIN(TestRevisionGraphRobustness)
#include "tst_revisiongraph_robustness.moc"
