#include "mainwindow.h"
#include "recentprojectsmenu.h"
#include "revisiongraphmodel.h"

#include <QDockWidget>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

using namespace retort;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");

/// Opens `path` and waits for the load to finish; returns whether it was a project.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    window.openProject(path);
    if (!loaded.wait(10000))
        return false;
    return loaded.constLast().constFirst().toBool();
}

bool problemsMention(const MainWindow &window, const QString &text)
{
    auto *problems = window.findChild<QTreeWidget *>(QStringLiteral("diagnosticsList"));
    for (int i = 0; problems && i < problems->topLevelItemCount(); ++i)
        if (problems->topLevelItem(i)->text(2).contains(text))
            return true;
    return false;
}

} // namespace

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
        QVERIFY(openAndWait(window, kDemo));
        auto *view = window.findChild<QTreeView *>(QStringLiteral("revisionGraphView"));
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 17);
        QVERIFY(window.windowTitle().contains(QStringLiteral("demo")));
    }

    void selectingARevisionFillsTheDetails()
    {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, kDemo));
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
        QVERIFY(!openAndWait(window, missing));
        QVERIFY(problemsMention(window, QStringLiteral("not an Alembic project")));
        QCOMPARE(window.graphModel()->rowCount(), 0);
    }

    void openingAnotherProjectClearsTheDetails()
    {
        QTemporaryDir empty;
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, kDemo));
        auto *details = window.findChild<QTextBrowser *>(QStringLiteral("revisionDetails"));
        QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("09360dc33310")));
        openAndWait(window, empty.path());
        QVERIFY(!details->toPlainText().contains(QStringLiteral("09360dc33310")));
    }

    void anEmptyFolderLoadsWithAWarning()
    {
        QTemporaryDir empty;
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, empty.path())); // the GUI shows it, warning that nothing is there
        QVERIFY(problemsMention(window, QStringLiteral("no alembic.ini")));
        QCOMPARE(window.graphModel()->rowCount(), 0);
    }

    void openedProjectsAreRememberedAsRecent()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("retort.ini")), QSettings::IniFormat);
        {
            MainWindow window(&settings);
            QVERIFY(openAndWait(window, kDemo));
        }
        MainWindow again(&settings);
        auto *menu = again.findChild<RecentProjectsMenu *>(QStringLiteral("recentProjectsMenu"));
        QVERIFY(menu);
        QVERIFY(!menu->actions().isEmpty());
        QCOMPARE(menu->actions().constFirst()->data().toString(), QDir::cleanPath(kDemo));
        QSignalSpy loaded(&again, &MainWindow::projectLoaded);
        menu->actions().constFirst()->trigger();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(again.graphModel()->rowCount(), 17);
    }

    void windowAndDockStateAreRestored()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("retort.ini")), QSettings::IniFormat);
        {
            MainWindow window(&settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.findChild<QDockWidget *>(QStringLiteral("detailsDock"))->hide();
            window.close();
        }
        MainWindow again(&settings);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("detailsDock"))->isVisible());
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->isVisible());
    }

    void droppingAFolderOpensIt()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(kDemo)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(window.graphModel()->rowCount(), 17);
    }

    void droppingSomethingElseIsRefused()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        MainWindow window;
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file.fileName())});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.setAccepted(false);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(!enter.isAccepted());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
