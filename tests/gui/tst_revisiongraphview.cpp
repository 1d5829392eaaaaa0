#include "graphlanedelegate.h"
#include "project.h"
#include "revisionfiltermodel.h"
#include "revisiongraphmodel.h"
#include "revisiongraphpanel.h"
#include "revisiongraphview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

RevisionGraph demo()
{
    return Project::load(QStringLiteral(RETORT_EXAMPLES_DIR "/demo")).graph();
}

/// Saves a grab when RETORT_SCREENSHOT_DIR is set (to look at what the view paints).
void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RETORT_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget->grab().save(QDir(dir).filePath(name + u".png"_s)));
}

/// Writes a versions folder: a base, a revision on it, and one whose down_revision names nothing.
bool writeProjectWithMissingParent(const QString &dir)
{
    const auto write = [&dir](const QString &id, const QString &down, const QString &message) {
        QFile file(QDir(dir).filePath(id + u"_x.py"_s));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(u"\"\"\"%1\n\nRevision ID: %2\nCreate Date: 2025-01-02 10:00:00\n\"\"\"\n"
                   "revision = '%2'\ndown_revision = %3\nbranch_labels = None\ndepends_on = None\n\n"
                   "def upgrade():\n    pass\n\ndef downgrade():\n    pass\n"_s
                       .arg(message, id, down)
                       .toUtf8());
        return true;
    };
    return write(u"aaaa00000001"_s, u"None"_s, u"create widgets"_s)
           && write(u"aaaa00000002"_s, u"'aaaa00000001'"_s, u"add colour"_s)
           && write(u"bbbb00000003"_s, u"'cafe00000000'"_s, u"add size (parent was deleted)"_s);
}

int viewRowOf(const RevisionGraphView &view, const QString &id)
{
    return view.filterModel()->mapFromSource(view.graphModel()->index(view.graphModel()->rowOf(id), 0)).row();
}

} // namespace

class TestRevisionGraphView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsTheDemoRevisions()
    {
        RevisionGraphView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 700);
        view.setGraph(demo());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.model()->rowCount(), 17);
        QVERIFY(view.isHeaderHidden() == false);
        QVERIFY(view.header()->isSectionHidden(RevisionGraphModel::LabelsColumn)); // labels are badges
        // The graph column is wide enough for the lanes, the first row is visible.
        QVERIFY(view.columnWidth(RevisionGraphModel::GraphColumn)
                >= GraphLaneDelegate::graphWidth(view.font(), view.graphModel()->laneCount()) - 1);
        QVERIFY(view.visualRect(view.model()->index(0, 1)).intersects(view.viewport()->rect()));
        saveShot(&view, u"graphview-demo"_s);
    }

    void selectingEmitsTheCurrentRevision()
    {
        RevisionGraphView view;
        view.setGraph(demo());
        QSignalSpy current(&view, &RevisionGraphView::currentRevisionChanged);
        QVERIFY(view.selectRevision(u"414c25a99cca"_s));
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.at(0).at(0).toString(), u"414c25a99cca"_s);
        QCOMPARE(view.currentRevision(), u"414c25a99cca"_s);
        QVERIFY(view.selectionModel()->isRowSelected(view.currentIndex().row(), QModelIndex()));
        QVERIFY(!view.selectRevision(u"nope"_s));
        QCOMPARE(view.currentRevision(), u"414c25a99cca"_s);
        // A reload of the same history keeps the current revision without a signal.
        view.setGraph(demo());
        QCOMPARE(view.currentRevision(), u"414c25a99cca"_s);
        QCOMPARE(current.count(), 1);
    }

    void ctrlClickSelectsSeveralRevisions()
    {
        RevisionGraphView view;
        const RevisionGraph graph = demo();
        view.setGraph(graph);
        view.resize(900, 600); // every demo row on screen
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy selected(&view, &RevisionGraphView::selectedRevisionsChanged);
        QVERIFY(view.selectRevision(u"audit_0002"_s));
        QCOMPARE(view.selectedRevisions(), QStringList{u"audit_0002"_s});
        RevisionGraphModel *model = view.graphModel();
        const QModelIndex headIndex = view.filterModel()->mapFromSource(model->index(model->rowOf(u"09360dc33310"_s), 0));
        QVERIFY(headIndex.isValid());
        const QRect head = view.visualRect(headIndex);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier, head.center());
        // Both heads, in view order (newest on top), and the clicked one is current.
        QCOMPARE(view.selectedRevisions(), (QStringList{u"09360dc33310"_s, u"audit_0002"_s}));
        QCOMPARE(view.currentRevision(), u"09360dc33310"_s);
        QCOMPARE(selected.constLast().constFirst().toStringList(), view.selectedRevisions());
        // A plain click selects one again.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, head.center());
        QCOMPARE(view.selectedRevisions(), QStringList{u"09360dc33310"_s});
    }

    void keyboardMovesToParentAndChild()
    {
        RevisionGraphView view;
        const RevisionGraph graph = demo();
        view.setGraph(graph);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString merge = u"414c25a99cca"_s;
        view.selectRevision(merge);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.currentRevision(), graph.parents(merge).first());
        QTest::keyClick(&view, Qt::Key_Right);
        QVERIFY(graph.children(graph.parents(merge).first()).contains(view.currentRevision()));
        QSignalSpy activated(&view, &RevisionGraphView::revisionActivated);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), view.currentRevision());
        // Up and Down still move by row.
        const int row = view.currentIndex().row();
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.currentIndex().row(), row + 1);
    }

    void doubleClickActivates()
    {
        RevisionGraphView view;
        view.resize(800, 500);
        view.setGraph(demo());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy activated(&view, &RevisionGraphView::revisionActivated);
        const QRect rect = view.visualRect(view.model()->index(2, RevisionGraphModel::MessageColumn));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rect.center()); // widgets get no press from mouseDClick
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), view.graphModel()->revisionAt(2));
    }

    void jumpsCycleThroughHeadsAndBases()
    {
        RevisionGraphView view;
        const RevisionGraph graph = demo();
        view.setGraph(graph);
        for (const bool heads : {true, false}) {
            const QStringList expected = heads ? graph.heads() : graph.bases();
            QVERIFY(!expected.isEmpty());
            QSet<QString> visited;
            for (qsizetype i = 0; i < expected.size(); ++i) {
                heads ? view.jumpToHead() : view.jumpToBase();
                QVERIFY2(expected.contains(view.currentRevision()), qPrintable(view.currentRevision()));
                visited.insert(view.currentRevision());
            }
            QCOMPARE(visited.size(), expected.size());
        }
    }

    void flipReversesTheRows()
    {
        RevisionGraphView view;
        view.setGraph(demo());
        view.selectRevision(u"414c25a99cca"_s);
        const QString top = view.graphModel()->revisionAt(0);
        view.setNewestOnTop(false);
        QVERIFY(!view.newestOnTop());
        QCOMPARE(view.graphModel()->revisionAt(view.model()->rowCount() - 1), top);
        QCOMPARE(view.graphModel()->revisionAt(0), u"0c0b52f6f7f0"_s);
        QCOMPARE(view.currentRevision(), u"414c25a99cca"_s); // the selection survives
    }

    void collapseAndExpandRuns()
    {
        RevisionGraphView view;
        view.resize(900, 600);
        view.setGraph(demo());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setCollapseThreshold(1);
        QVERIFY(view.model()->rowCount() < 17);
        int run = -1;
        for (int row = 0; row < view.model()->rowCount() && run < 0; ++row)
            if (view.graphModel()->rowKind(row) == RevisionGraphModel::RowKind::CollapsedRun)
                run = row;
        QVERIFY(run >= 0);
        const QStringList members = view.model()->index(run, 0).data(RevisionGraphModel::RevisionsRole).toStringList();
        QVERIFY(members.size() >= 2);
        saveShot(&view, u"graphview-collapsed"_s);
        const int collapsedRows = view.model()->rowCount();
        // Double-clicking the run expands it and selects its newest revision.
        QSignalSpy activated(&view, &RevisionGraphView::revisionActivated);
        const QPoint runAt = view.visualRect(view.model()->index(run, RevisionGraphModel::MessageColumn)).center();
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, runAt);
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, runAt);
        QCOMPARE(view.model()->rowCount(), collapsedRows + int(members.size()) - 1);
        QCOMPARE(view.currentRevision(), members.first());
        QCOMPARE(activated.count(), 0);
        // Selecting a revision hidden in a run expands that run.
        view.graphModel()->collapseAllRuns();
        QCOMPARE(view.model()->rowCount(), collapsedRows);
        QVERIFY(view.selectRevision(members.last()));
        QCOMPARE(view.currentRevision(), members.last());
        view.setCollapseThreshold(0);
        QCOMPARE(view.model()->rowCount(), 17);
    }

    void zoomChangesTheRowHeight()
    {
        RevisionGraphView view;
        view.resize(800, 500);
        view.setGraph(demo());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto rowHeight = [&view] { return view.visualRect(view.model()->index(0, 1)).height(); };
        const int before = rowHeight();
        QVERIFY(before > 0);
        QSignalSpy zoomed(&view, &RevisionGraphView::zoomChanged);
        view.zoomIn();
        QCOMPARE(zoomed.count(), 1);
        QTRY_VERIFY(rowHeight() > before);
        // Ctrl+wheel down zooms out.
        QWheelEvent wheel(QPointF(50, 50), view.viewport()->mapToGlobal(QPointF(50, 50)), QPoint(), QPoint(0, -120),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &wheel);
        QCOMPARE(zoomed.count(), 2);
        view.zoomOut();
        QTRY_VERIFY(rowHeight() < before);
        QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.0);
        QTRY_COMPARE(rowHeight(), before);
    }

    void highlightMarksTheRevision()
    {
        RevisionGraphView view;
        view.setGraph(demo());
        view.setHighlightedRevision(u"dd3913d2ad1e"_s);
        const int row = viewRowOf(view, u"dd3913d2ad1e"_s);
        QCOMPARE(view.model()->index(row, 0).data(RevisionGraphModel::IsHighlightedRole).toBool(), true);
        QCOMPARE(view.model()->index(row == 0 ? 1 : 0, 0).data(RevisionGraphModel::IsHighlightedRole).toBool(), false);
    }

    void ghostNodeForAMissingParent()
    {
        QTemporaryDir dir;
        QVERIFY(writeProjectWithMissingParent(dir.path()));
        const RevisionGraph graph = Project::load(dir.path()).graph();
        QCOMPARE(graph.size(), 3);
        const QStringList missing = graph.missingParents(u"bbbb00000003"_s);
        QCOMPARE(missing, QStringList{u"cafe00000000"_s});
        RevisionGraphView view;
        view.resize(1000, 300);
        view.setGraph(graph);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int row = viewRowOf(view, missing.first());
        QVERIFY(row >= 0);
        const QModelIndex ghost = view.model()->index(row, RevisionGraphModel::MessageColumn);
        QCOMPARE(ghost.data(RevisionGraphModel::IsGhostRole).toBool(), true);
        QVERIFY(ghost.data().toString().contains(missing.first()));
        QVERIFY(view.selectRevision(missing.first()));
        QCOMPARE(view.currentRevision(), missing.first());
        saveShot(&view, u"graphview-ghost"_s);
    }

    void panelSearchesAndFilters()
    {
        RevisionGraphPanel panel;
        panel.resize(1000, 700);
        panel.setGraph(demo());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        RevisionGraphView *view = panel.view();
        QTest::keyClicks(panel.searchField(), u"audit"_s);
        QCOMPARE(view->model()->rowCount(), 17); // searching marks, it does not hide
        const QList<int> matches = view->matchingRows();
        QVERIFY(matches.size() >= 2);
        QVERIFY(matches.contains(view->currentIndex().row())); // typing jumps to the first match
        auto *count = panel.findChild<QLabel *>(u"graphSearchMatches"_s);
        QVERIFY(count->text().contains(QString::number(matches.size())));
        QTest::keyClick(panel.searchField(), Qt::Key_Return);
        QCOMPARE(view->currentIndex().row(), matches.at(1));
        saveShot(&panel, u"graphpanel-search"_s);

        panel.filterButton()->click();
        QCOMPARE(view->model()->rowCount(), int(matches.size()));
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QVERIFY(view->model()->index(row, 0).data(RevisionFilterModel::SearchMatchRole).toBool());
        saveShot(&panel, u"graphpanel-filter"_s);
        panel.filterButton()->click();
        QCOMPARE(view->model()->rowCount(), 17);

        panel.flipButton()->click();
        QCOMPARE(view->graphModel()->revisionAt(0), u"0c0b52f6f7f0"_s);
        panel.collapseButton()->click();
        QVERIFY(view->collapseThreshold() > 0);
        panel.collapseButton()->click();
        QCOMPARE(view->collapseThreshold(), 0);

        QTest::keyClick(panel.searchField(), Qt::Key_Escape);
        QCOMPARE(panel.searchField()->text(), QString());
        QVERIFY(view->matchingRows().isEmpty());
    }
};

QTEST_MAIN(TestRevisionGraphView)
#include "tst_revisiongraphview.moc"
