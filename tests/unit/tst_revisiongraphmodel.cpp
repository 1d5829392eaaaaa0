#include "project.h"
#include "revisiongraphmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace retort;

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
};

QTEST_GUILESS_MAIN(TestRevisionGraphModel)
#include "tst_revisiongraphmodel.moc"
