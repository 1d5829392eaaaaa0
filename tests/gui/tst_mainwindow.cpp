#include "mainwindow.h"
#include "revisiongraphmodel.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>

using namespace retort;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensTheDemoProjectAndShowsItsRevisions()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(QStringLiteral(RETORT_EXAMPLES_DIR "/demo")));
        auto *view = window.findChild<QTreeView *>(QStringLiteral("revisionGraphView"));
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 17);
        QVERIFY(window.windowTitle().contains(QStringLiteral("demo")));
    }

    void selectingARevisionFillsTheDetails()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(QStringLiteral(RETORT_EXAMPLES_DIR "/demo")));
        auto *view = window.findChild<QTreeView *>(QStringLiteral("revisionGraphView"));
        auto *details = window.findChild<QTextBrowser *>(QStringLiteral("revisionDetails"));
        const int row = window.graphModel()->rowOf(QStringLiteral("414c25a99cca"));
        view->setCurrentIndex(view->model()->index(row, RevisionGraphModel::RevisionColumn));
        QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("merge reviews and shop branches")));
        QVERIFY(details->toPlainText().contains(QStringLiteral("dd3913d2ad1e")));
        QVERIFY(details->toPlainText().contains(QStringLiteral("b8e2d94c17a5")));
    }

    void aPathThatIsNotAProjectIsReportedInTheWindow()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("no-such-project"));
        MainWindow window;
        window.show();
        QVERIFY(!window.openProject(missing));
        QVERIFY(problemsMention(window, QStringLiteral("not an Alembic project")));
        QCOMPARE(window.graphModel()->rowCount(), 0);
    }

    void openingAnotherProjectClearsTheDetails()
    {
        QTemporaryDir empty;
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(QStringLiteral(RETORT_EXAMPLES_DIR "/demo")));
        auto *details = window.findChild<QTextBrowser *>(QStringLiteral("revisionDetails"));
        QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("09360dc33310")));
        window.openProject(empty.path());
        QVERIFY(!details->toPlainText().contains(QStringLiteral("09360dc33310")));
    }

    void anEmptyFolderLoadsWithAWarning()
    {
        QTemporaryDir empty;
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(empty.path())); // the GUI shows it, warning that nothing is there
        QVERIFY(problemsMention(window, QStringLiteral("no alembic.ini")));
        QCOMPARE(window.graphModel()->rowCount(), 0);
    }

private:
    static bool problemsMention(const MainWindow &window, const QString &text)
    {
        auto *problems = window.findChild<QTreeWidget *>(QStringLiteral("diagnosticsList"));
        for (int i = 0; problems && i < problems->topLevelItemCount(); ++i)
            if (problems->topLevelItem(i)->text(2).contains(text))
                return true;
        return false;
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
