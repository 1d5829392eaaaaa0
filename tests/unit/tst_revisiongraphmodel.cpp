#include "project.h"
#include "revisiongraphmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

Revision rev(const QString &id, const QStringList &down = {}, const QStringList &labels = {},
             const QStringList &deps = {})
{
    Revision r;
    r.id = id;
    r.downRevisions = down;
    r.branchLabels = labels;
    r.dependsOn = deps;
    r.message = QStringLiteral("message of %1").arg(id);
    r.path = QStringLiteral("/versions/%1.py").arg(id);
    r.line = 3;
    return r;
}

QStringList ids(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out.append(QString::fromLatin1(s));
    return out;
}

/// r0 <- r1 <- ... <- r4 (branch point) <- r5 <- r6 <- m (merge) <- h (head, depends on r2)
///                       \- x1 (label side) <- x2 -/
RevisionGraph branchyGraph()
{
    return RevisionGraph::build({rev(QStringLiteral("r0")), rev(QStringLiteral("r1"), ids({"r0"})),
                                 rev(QStringLiteral("r2"), ids({"r1"})), rev(QStringLiteral("r3"), ids({"r2"})),
                                 rev(QStringLiteral("r4"), ids({"r3"})), rev(QStringLiteral("r5"), ids({"r4"})),
                                 rev(QStringLiteral("r6"), ids({"r5"})),
                                 rev(QStringLiteral("x1"), ids({"r4"}), ids({"side"})),
                                 rev(QStringLiteral("x2"), ids({"x1"})), rev(QStringLiteral("m"), ids({"r6", "x2"})),
                                 rev(QStringLiteral("h"), ids({"m"}), {}, ids({"r2"}))});
}

/// r0 (base) <- r1 <- ... <- r9 (head): r1..r8 are a linear run of 8.
RevisionGraph chain(int length = 10)
{
    QList<Revision> revisions{rev(QStringLiteral("r0"))};
    for (int i = 1; i < length; ++i)
        revisions.append(rev(QStringLiteral("r%1").arg(i), {QStringLiteral("r%1").arg(i - 1)}));
    return RevisionGraph::build(revisions);
}

QVariant roleOf(const RevisionGraphModel &model, const QString &id, int role, int column = 0)
{
    return model.index(model.rowOf(id), column).data(role);
}

} // namespace

class TestRevisionGraphModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        RevisionGraphModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(Project::load(QStringLiteral(RETORT_EXAMPLES_DIR "/demo")).graph());
        QCOMPARE(model.rowCount(), 17);
        model.setNewestOnTop(false);
        model.setCollapseThreshold(2);
        model.setHighlightedRevision(QStringLiteral("414c25a99cca"));
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.expandRun(row))
                break;
        model.collapseAllRuns();
        model.setGraph(chain());
        model.setCollapseThreshold(3);
        QCOMPARE(model.rowCount(), 3);
        model.setHighlightedRevision(QStringLiteral("r4"));
        model.revealRevision(QStringLiteral("r4"));
        model.setGraph(RevisionGraph::build({rev(QStringLiteral("a")), rev(QStringLiteral("c"), ids({"zz"}))}));
        model.setGraph(RevisionGraph());
        QCOMPARE(model.rowCount(), 0);
    }

    void rowsFollowHistoryNewestFirst()
    {
        const RevisionGraph graph = Project::load(QStringLiteral(RETORT_EXAMPLES_DIR "/demo")).graph();
        RevisionGraphModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setGraph(graph);
        QCOMPARE(reset.count(), 1);
        const QStringList history = graph.history();
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, RevisionGraphModel::RevisionColumn).data().toString(), history[row]);
        QCOMPARE(model.rowOf(QStringLiteral("0c0b52f6f7f0")), model.rowCount() - 1);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    }

    void layoutGivesTheMergeTwoLanes()
    {
        RevisionGraphModel model;
        model.setGraph(Project::load(QStringLiteral(RETORT_EXAMPLES_DIR "/demo")).graph());
        // The demo has a branch that merges back and a separate labelled branch: at least 3 lanes.
        QVERIFY(model.laneCount() >= 3);
        const int merge = model.rowOf(QStringLiteral("414c25a99cca"));
        const auto row = model.index(merge, 0).data(RevisionGraphModel::LayoutRowRole).value<LayoutRow>();
        int lowerSegments = 0;
        for (const LaneSegment &s : row.segments)
            if (s.part == SegmentPart::Lower)
                ++lowerSegments;
        QVERIFY(lowerSegments >= 2); // a merge leaves towards both parents
        QCOMPARE(model.index(model.rowOf(QStringLiteral("audit_0002")), 0).data(RevisionGraphModel::IsHeadRole).toBool(),
                 true);
        QCOMPARE(model.index(model.rowOf(QStringLiteral("audit_0002")), RevisionGraphModel::LabelsColumn)
                     .data()
                     .toString(),
                 QStringLiteral("audit"));
    }

    void badgeRoles_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("head");
        QTest::addColumn<bool>("base");
        QTest::addColumn<bool>("branchPoint");
        QTest::addColumn<bool>("mergePoint");
        QTest::newRow("base") << u"r0"_s << false << true << false << false;
        QTest::newRow("plain") << u"r2"_s << false << false << false << false;
        QTest::newRow("branch point") << u"r4"_s << false << false << true << false;
        QTest::newRow("labelled") << u"x1"_s << false << false << false << false;
        QTest::newRow("merge point") << u"m"_s << false << false << false << true;
        QTest::newRow("head") << u"h"_s << true << false << false << false;
    }

    void badgeRoles()
    {
        QFETCH(QString, id);
        RevisionGraphModel model;
        const RevisionGraph graph = branchyGraph();
        model.setGraph(graph);
        QVERIFY(model.rowOf(id) >= 0);
        QTEST(roleOf(model, id, RevisionGraphModel::IsHeadRole).toBool(), "head");
        QTEST(roleOf(model, id, RevisionGraphModel::IsBaseRole).toBool(), "base");
        QTEST(roleOf(model, id, RevisionGraphModel::IsBranchPointRole).toBool(), "branchPoint");
        QTEST(roleOf(model, id, RevisionGraphModel::IsMergePointRole).toBool(), "mergePoint");
        QCOMPARE(roleOf(model, id, RevisionGraphModel::BranchLabelsRole).toStringList(), graph.branchLabels(id));
        QCOMPARE(roleOf(model, id, RevisionGraphModel::IsGhostRole).toBool(), false);
        QCOMPARE(roleOf(model, id, RevisionGraphModel::IsDuplicateRole).toBool(), false);
        QCOMPARE(roleOf(model, id, RevisionGraphModel::RowKindRole).toInt(), int(RevisionGraphModel::RowKind::Revision));
    }

    void labelsAreBadgeData()
    {
        RevisionGraphModel model;
        model.setGraph(branchyGraph());
        QCOMPARE(roleOf(model, u"x1"_s, RevisionGraphModel::BranchLabelsRole).toStringList(), QStringList{u"side"_s});
        QCOMPARE(roleOf(model, u"x2"_s, RevisionGraphModel::BranchLabelsRole).toStringList(), QStringList{u"side"_s});
        QCOMPARE(roleOf(model, u"r2"_s, RevisionGraphModel::BranchLabelsRole).toStringList(), QStringList());
        QCOMPARE(roleOf(model, u"x1"_s, Qt::DisplayRole, RevisionGraphModel::LabelsColumn).toString(), u"side"_s);
    }

    void dependencyIsADashedEdge()
    {
        RevisionGraphModel model;
        model.setGraph(branchyGraph());
        const auto row = roleOf(model, QStringLiteral("h"), RevisionGraphModel::LayoutRowRole).value<LayoutRow>();
        bool dependency = false;
        for (const LaneSegment &s : row.segments)
            dependency = dependency || (s.kind == EdgeKind::Dependency && s.targetRow == model.rowOf(QStringLiteral("r2")));
        QVERIFY(dependency);
    }

    void missingParentBecomesAGhostRow()
    {
        RevisionGraphModel model;
        model.setGraph(RevisionGraph::build(
            {rev(QStringLiteral("a")), rev(QStringLiteral("b"), ids({"a"})), rev(QStringLiteral("c"), ids({"b", "zz"}))}));
        QCOMPARE(model.rowCount(), 4);
        const int ghost = model.rowOf(QStringLiteral("zz"));
        QVERIFY(ghost > model.rowOf(QStringLiteral("c")));
        QCOMPARE(model.rowKind(ghost), RevisionGraphModel::RowKind::Ghost);
        const QModelIndex index = model.index(ghost, RevisionGraphModel::MessageColumn);
        QCOMPARE(index.data(RevisionGraphModel::IsGhostRole).toBool(), true);
        QCOMPARE(index.data(RevisionGraphModel::HasProblemRole).toBool(), true);
        const QString diagnostic = index.data(RevisionGraphModel::DiagnosticRole).toString();
        QVERIFY2(diagnostic.contains(u"zz"_s) && diagnostic.contains(u"c"_s), qPrintable(diagnostic));
        QCOMPARE(index.data().toString(), diagnostic); // the ghost's message is why it is missing
        QCOMPARE(roleOf(model, QStringLiteral("c"), RevisionGraphModel::HasProblemRole).toBool(), true);
        // c's line to zz leads to the ghost row instead of dangling.
        const auto row = roleOf(model, QStringLiteral("c"), RevisionGraphModel::LayoutRowRole).value<LayoutRow>();
        bool toGhost = false;
        for (const LaneSegment &s : row.segments) {
            QVERIFY(s.part != SegmentPart::Dangling);
            toGhost = toGhost || s.targetRow == ghost;
        }
        QVERIFY(toGhost);
    }

    void duplicateIdIsMarked()
    {
        RevisionGraphModel model;
        Revision second = rev(QStringLiteral("b"), ids({"a"}));
        second.path = QStringLiteral("/versions/b_again.py");
        model.setGraph(RevisionGraph::build({rev(QStringLiteral("a")), rev(QStringLiteral("b"), ids({"a"})), second}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(roleOf(model, QStringLiteral("b"), RevisionGraphModel::IsDuplicateRole).toBool(), true);
        QCOMPARE(roleOf(model, QStringLiteral("a"), RevisionGraphModel::IsDuplicateRole).toBool(), false);
        QVERIFY(roleOf(model, QStringLiteral("b"), RevisionGraphModel::DiagnosticRole).toString().contains(u"more than once"_s));
    }

    void flipPutsTheOldestOnTop()
    {
        RevisionGraphModel model;
        model.setGraph(branchyGraph());
        const int n = model.rowCount();
        QStringList newestFirst;
        for (int row = 0; row < n; ++row)
            newestFirst.append(model.revisionAt(row));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setNewestOnTop(false);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.newestOnTop(), false);
        for (int row = 0; row < n; ++row) {
            QCOMPARE(model.revisionAt(row), newestFirst.at(n - 1 - row));
            QCOMPARE(model.index(row, 0).data(RevisionGraphModel::NewestOnTopRole).toBool(), false);
            // Every line now leads upwards, to a parent above.
            const auto layout = model.index(row, 0).data(RevisionGraphModel::LayoutRowRole).value<LayoutRow>();
            for (const LaneSegment &s : layout.segments)
                QVERIFY2(s.targetRow <= row, qPrintable(model.revisionAt(row)));
        }
        QCOMPARE(model.revisionAt(0), u"r0"_s);
        model.setNewestOnTop(false);
        QCOMPARE(reset.count(), 1); // no change, no reset
        model.setNewestOnTop(true);
        QCOMPARE(model.revisionAt(0), newestFirst.first());
    }

    void collapsesLongLinearRuns_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::addColumn<int>("rows");
        QTest::newRow("off") << 0 << 10;
        QTest::newRow("shorter than the run") << 3 << 3;
        QTest::newRow("one less than the run") << 7 << 3;
        QTest::newRow("as long as the run") << 8 << 10;
    }

    void collapsesLongLinearRuns()
    {
        QFETCH(int, threshold);
        RevisionGraphModel model;
        model.setGraph(chain());
        model.setCollapseThreshold(threshold);
        QTEST(model.rowCount(), "rows");
        if (model.rowCount() == 10)
            return;
        // r9 (head) and r0 (base) stay; r8..r1 are one row.
        QCOMPARE(model.revisionAt(0), u"r9"_s);
        QCOMPARE(model.revisionAt(2), u"r0"_s);
        QCOMPARE(model.rowKind(1), RevisionGraphModel::RowKind::CollapsedRun);
        const QModelIndex run = model.index(1, RevisionGraphModel::MessageColumn);
        QCOMPARE(run.data(RevisionGraphModel::RunLengthRole).toInt(), 8);
        QCOMPARE(run.data(RevisionGraphModel::RevisionIdRole).toString(), QString());
        QCOMPARE(run.data(RevisionGraphModel::RevisionsRole).toStringList().first(), u"r8"_s);
        QVERIFY(run.data().toString().contains(u"8"_s));
        QCOMPARE(model.rowOf(QStringLiteral("r5")), 1);
        // The run is connected above and below.
        const auto layout = run.data(RevisionGraphModel::LayoutRowRole).value<LayoutRow>();
        QCOMPARE(layout.segments.size(), 2);
        QCOMPARE(layout.segments[0].part, SegmentPart::Upper);
        QCOMPARE(layout.segments[1].part, SegmentPart::Lower);
        QCOMPARE(layout.segments[1].targetRow, 2);

        QVERIFY(!model.expandRun(0));
        QVERIFY(model.expandRun(1));
        QCOMPARE(model.rowCount(), 10);
        model.collapseAllRuns();
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.revealRevision(QStringLiteral("r5")));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.revisionAt(model.rowOf(QStringLiteral("r5"))), u"r5"_s);
        QVERIFY(!model.revealRevision(QStringLiteral("nope")));
    }

    void runsStopAtBadgesAndDependencies()
    {
        RevisionGraphModel model;
        model.setGraph(branchyGraph());
        model.setCollapseThreshold(1);
        // r1 alone is linear between the base r0 and r2 (a dependency target); r3 likewise before r4; r5-r6 run.
        QCOMPARE(model.rowKind(model.rowOf(QStringLiteral("r5"))), RevisionGraphModel::RowKind::CollapsedRun);
        QCOMPARE(model.rowOf(QStringLiteral("r5")), model.rowOf(QStringLiteral("r6")));
        QCOMPARE(model.rowKind(model.rowOf(QStringLiteral("r2"))), RevisionGraphModel::RowKind::Revision);
        QCOMPARE(model.rowKind(model.rowOf(QStringLiteral("r4"))), RevisionGraphModel::RowKind::Revision);
        QCOMPARE(model.rowKind(model.rowOf(QStringLiteral("x1"))), RevisionGraphModel::RowKind::Revision);
    }

    void highlightMarksOneRow()
    {
        RevisionGraphModel model;
        model.setGraph(chain());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setHighlightedRevision(QStringLiteral("r3"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), model.rowOf(QStringLiteral("r3")));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 1).data(RevisionGraphModel::IsHighlightedRole).toBool(), model.revisionAt(row) == u"r3"_s);
        model.setHighlightedRevision(QStringLiteral("r4"));
        QCOMPARE(changed.count(), 3); // old and new row
        model.setCollapseThreshold(3);
        QCOMPARE(model.index(1, 0).data(RevisionGraphModel::IsHighlightedRole).toBool(), true); // inside the run
        model.setHighlightedRevision(QString());
        QCOMPARE(model.index(1, 0).data(RevisionGraphModel::IsHighlightedRole).toBool(), false);
    }

    void databaseMarksShowWhereEachDatabaseIs()
    {
        RevisionGraphModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(chain());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const auto marksOf = [&model](const QString &id) {
            return model.index(model.rowOf(id), 0).data(RevisionGraphModel::DatabaseMarksRole).toStringList();
        };
        model.setDatabaseRevisions(QStringLiteral("sandbox"), QStringLiteral("#2e7d32"), {QStringLiteral("r3")});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(marksOf(QStringLiteral("r3")), QStringList{QStringLiteral("sandbox\x1f#2e7d32")});
        QVERIFY(marksOf(QStringLiteral("r2")).isEmpty());
        model.setDatabaseRevisions(QStringLiteral("prod"), QStringLiteral("#c62828"), {QStringLiteral("r2")});
        model.setDatabaseRevisions(QStringLiteral("sandbox"), QStringLiteral("#2e7d32"), {QStringLiteral("r4")}); // moved up
        QVERIFY(marksOf(QStringLiteral("r3")).isEmpty());
        QCOMPARE(marksOf(QStringLiteral("r4")), QStringList{QStringLiteral("sandbox\x1f#2e7d32")});
        QCOMPARE(marksOf(QStringLiteral("r2")), QStringList{QStringLiteral("prod\x1f#c62828")});
        // A collapsed run shows the marks of its members.
        model.setCollapseThreshold(3);
        bool runHasMarks = false;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.rowKind(row) == RevisionGraphModel::RowKind::CollapsedRun)
                runHasMarks = !model.index(row, 0).data(RevisionGraphModel::DatabaseMarksRole).toStringList().isEmpty();
        QVERIFY(runHasMarks);
        model.setCollapseThreshold(0);
        model.setDatabaseRevisions(QStringLiteral("prod"), QString(), {});
        QVERIFY(marksOf(QStringLiteral("r2")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRevisionGraphModel)
#include "tst_revisiongraphmodel.moc"
