#include "editortabs.h"
#include "mainwindow.h"
#include "windowtesting.h"
#include "projectcopy.h"
#include "migrationeditor.h"
#include "notificationbar.h"
#include "problemsview.h"
#include "recentprojectsmenu.h"
#include "revisiondetailspanel.h"
#include "revisionfilelist.h"
#include "findreplacebar.h"
#include "revisiongraphmodel.h"
#include "revisiongraphpanel.h"
#include "revisiongraphview.h"

#include <QDirIterator>
#include <QDockWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QLineEdit>
#include <QMessageBox>
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
using retort::test::openAndWait;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");

/// Opens `path` and waits for the load to finish; returns whether it was a project.
bool problemsMention(const MainWindow &window, const QString &text)
{
    ProblemsView *problems = window.problemsView();
    for (int i = 0; i < problems->topLevelItemCount(); ++i)
        if (problems->topLevelItem(i)->text(ProblemsView::MessageColumn).contains(text))
            return true;
    return false;
}

/// Copies the demo project into \a dir (the tests edit its files) and returns the copy's path.
QString copyDemo(const QTemporaryDir &dir)
{
    return retort::test::copyTree(kDemo, dir.path()) ? dir.path() : QString();
}

QString versionFile(const QString &project, const QString &name)
{
    return QDir(project).filePath(QStringLiteral("migrations/versions/") + name);
}

bool replaceInFile(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray content = file.readAll();
    file.close();
    if (!content.contains(from))
        return false;
    content.replace(from, to);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

const QString kHead = QStringLiteral("09360dc33310");
const QString kHeadFile = QStringLiteral("09360dc33310_change_books_price_to_numeric.py");

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
        QVERIFY(view);
        const QModelIndex index = window.graphView()->currentIndex();
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("414c25a99cca")));
        QVERIFY(view->currentIndex() != index);
        const RevisionDetailsPanel *details = window.detailsPanel();
        QTRY_VERIFY(details->plainText().contains(QStringLiteral("merge reviews and shop branches")));
        QVERIFY(details->plainText().contains(QStringLiteral("dd3913d2ad1e")));
        QVERIFY(details->plainText().contains(QStringLiteral("b8e2d94c17a5")));
        QVERIFY(details->plainText().contains(QStringLiteral("414c25a99cca_merge_reviews_and_shop_branches.py")));
    }

    void aPathThatIsNotAProjectIsReportedInTheWindow()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("no-such-project"));
        MainWindow window;
        window.show();
        QVERIFY(!openAndWait(window, missing));
        QVERIFY(problemsMention(window, QStringLiteral("not an Alembic project")));
        QCOMPARE(window.graphView()->model()->rowCount(), 0);
    }

    void openingAnotherProjectClearsTheDetails()
    {
        QTemporaryDir empty;
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, kDemo));
        const RevisionDetailsPanel *details = window.detailsPanel();
        QTRY_VERIFY(details->plainText().contains(kHead)); // the newest head is selected on open
        openAndWait(window, empty.path());
        QVERIFY(!details->plainText().contains(kHead));
    }

    void anEmptyFolderLoadsWithAWarning()
    {
        QTemporaryDir empty;
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, empty.path())); // the GUI shows it, warning that nothing is there
        QVERIFY(problemsMention(window, QStringLiteral("no alembic.ini")));
        QCOMPARE(window.graphView()->model()->rowCount(), 0);
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
        QCOMPARE(again.graphView()->model()->rowCount(), 17);
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
        QCOMPARE(window.graphView()->model()->rowCount(), 17);
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

    void doubleClickOpensTheRevisionFileInATab()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, kDemo));
        RevisionGraphView *view = window.graphView();
        QVERIFY(view->selectRevision(QStringLiteral("414c25a99cca")));
        const QRect rect = view->visualRect(view->currentIndex());
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center()); // mouseDClick sends no press
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        EditorTabs *editor = window.editorTabs();
        const QString path = versionFile(kDemo, QStringLiteral("414c25a99cca_merge_reviews_and_shop_branches.py"));
        QCOMPARE(editor->currentPath(), QDir::cleanPath(path));
        QCOMPARE(editor->count(), 1);
        QCOMPARE(window.centralWidget()->property("currentIndex").toInt(), 1); // the hint made way
        // The cursor sits on the `revision =` line, and the graph highlights the file's node.
        QCOMPARE(editor->currentEditor()->cursorLine(), window.project().graph().revision(QStringLiteral("414c25a99cca"))->line);
        QCOMPARE(view->graphModel()->highlightedRevision(), QStringLiteral("414c25a99cca"));
        // The Files tab (behind Details) builds its rows when shown, with the editor's file current.
        window.findChild<QDockWidget *>(QStringLiteral("filesDock"))->raise();
        QTRY_VERIFY(window.fileList()->isVisible());
        QVERIFY(window.fileList()->currentItem());
        QCOMPARE(window.fileList()->currentItem()->text(RevisionFileList::RevisionColumn), QStringLiteral("414c25a99cca"));
        // Opening it again (Enter) reuses the tab.
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(editor->count(), 1);
    }

    void theFileListAndTheDetailsOpenFilesToo()
    {
        MainWindow window;
        QVERIFY(openAndWait(window, kDemo));
        QCOMPARE(window.fileList()->paths().size(), 17);
        const QString audit = versionFile(kDemo, QStringLiteral("audit_0001_create_audit_log_table.py"));
        emit window.fileList()->openFileRequested(audit, 3);
        QCOMPARE(window.editorTabs()->currentPath(), QDir::cleanPath(audit));
        QCOMPARE(window.graphView()->graphModel()->highlightedRevision(), QStringLiteral("audit_0001"));
        emit window.detailsPanel()->openFileRequested(versionFile(kDemo, kHeadFile), 0);
        QCOMPARE(window.editorTabs()->count(), 2);
        QCOMPARE(window.graphView()->graphModel()->highlightedRevision(), kHead);
    }

    void editingDownRevisionAndSavingRewiresTheGraph()
    {
        QTemporaryDir dir;
        const QString project = copyDemo(dir);
        QVERIFY(!project.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, project));
        QCOMPARE(window.project().graph().parents(kHead), QStringList{QStringLiteral("72162e8679fa")});
        QVERIFY(window.openRevision(kHead));
        MigrationEditor *editor = window.editorTabs()->currentEditor();
        QVERIFY(editor);
        QString text = editor->text();
        QVERIFY(text.contains(QStringLiteral("down_revision: Union[str, None] = '72162e8679fa'")));
        text.replace(QStringLiteral("down_revision: Union[str, None] = '72162e8679fa'"),
                     QStringLiteral("down_revision: Union[str, None] = '5eec89a786ac'"));
        editor->setText(text);
        QVERIFY(window.editorTabs()->isModified(window.editorTabs()->currentPath()));
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QVERIFY(window.editorTabs()->saveCurrent());
        QTRY_COMPARE(window.project().graph().parents(kHead), QStringList{QStringLiteral("5eec89a786ac")});
        const QStringList heads = window.project().graph().heads();
        QVERIFY(heads.contains(QStringLiteral("72162e8679fa"))); // the old parent is a head now
        QVERIFY(loaded.count() >= 1);
        // The view follows: the edited revision stays selected and highlighted.
        QCOMPARE(window.graphView()->currentRevision(), kHead);
        QCOMPARE(window.graphView()->graphModel()->highlightedRevision(), kHead);
        QCOMPARE(window.graphView()->graph().parents(kHead), QStringList{QStringLiteral("5eec89a786ac")});
    }

    void anOutsideChangeOfAnOpenFileIsReloadedOrOffered()
    {
        QTemporaryDir dir;
        const QString project = copyDemo(dir);
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, project));
        QVERIFY(window.openRevision(kHead));
        const QString path = window.editorTabs()->currentPath();

        // Unmodified buffer: follows the disk, and the graph re-wires.
        QVERIFY(replaceInFile(path, "= '72162e8679fa'", "= '3188447a1e35'"));
        QTRY_VERIFY(window.editorTabs()->currentEditor()->text().contains(QStringLiteral("'3188447a1e35'")));
        QTRY_COMPARE(window.project().graph().parents(kHead), QStringList{QStringLiteral("3188447a1e35")});

        // Modified buffer: the tab offers a reload and keeps the user's text until asked.
        MigrationEditor *editor = window.editorTabs()->currentEditor();
        editor->append(QStringLiteral("\n# my unsaved note\n"));
        QVERIFY(window.editorTabs()->isModified(path));
        QVERIFY(replaceInFile(path, "= '3188447a1e35'", "= '5eec89a786ac'"));
        NotificationBar *bar = window.editorTabs()->notificationBar(path);
        // (The bar already shows a note about the first, automatic reload: wait for the offer.)
        QTRY_VERIFY(bar->findChild<QPushButton *>(QStringLiteral("reloadButton")));
        QVERIFY(bar->isVisible());
        QVERIFY(editor->text().contains(QStringLiteral("# my unsaved note")));
        auto *reload = bar->findChild<QPushButton *>(QStringLiteral("reloadButton"));
        reload->click();
        QVERIFY(!editor->text().contains(QStringLiteral("# my unsaved note")));
        QTRY_COMPARE(window.project().graph().parents(kHead), QStringList{QStringLiteral("5eec89a786ac")});
    }

    void aRevisionFileFromAnotherProgramAppearsInTheGraph()
    {
        QTemporaryDir dir;
        const QString project = copyDemo(dir);
        MainWindow window;
        QVERIFY(openAndWait(window, project));
        QCOMPARE(window.project().graph().size(), 17);
        QFile file(versionFile(project, QStringLiteral("abc123_next.py")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\"\"\"next step\"\"\"\nrevision = 'abc123'\ndown_revision = '09360dc33310'\n");
        file.close();
        QTRY_COMPARE(window.project().graph().size(), 18);
        QCOMPARE(window.project().graph().parents(QStringLiteral("abc123")), QStringList{kHead});
        QVERIFY(window.fileList()->paths().contains(file.fileName()));
    }

    void aProblemOpensItsFileAtItsLine()
    {
        QTemporaryDir dir;
        const QString project = copyDemo(dir);
        const QString path = versionFile(project, kHeadFile);
        QVERIFY(replaceInFile(path, "branch_labels: Union[str, Sequence[str], None] = None",
                              "branch_labels: Union[str, Sequence[str], None] = (migration.EXPAND,)"));
        MainWindow window;
        QVERIFY(openAndWait(window, project));
        QVERIFY(problemsMention(window, QStringLiteral("branch_labels")));
        ProblemsView *problems = window.problemsView();
        QTreeWidgetItem *item = nullptr;
        for (int i = 0; i < problems->topLevelItemCount() && !item; ++i)
            if (problems->topLevelItem(i)->text(ProblemsView::MessageColumn).contains(QStringLiteral("branch_labels")))
                item = problems->topLevelItem(i);
        QVERIFY(item);
        QCOMPARE(item->text(ProblemsView::LocationColumn), kHeadFile + QStringLiteral(":17"));
        emit problems->itemActivated(item, 0);
        QCOMPARE(window.editorTabs()->currentPath(), QDir::cleanPath(path));
        QCOMPARE(window.editorTabs()->currentEditor()->cursorLine(), 17);
    }

    void quittingWithUnsavedChangesAsks()
    {
        QTemporaryDir dir;
        const QString project = copyDemo(dir);
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, project));
        QVERIFY(window.openRevision(kHead));
        window.editorTabs()->currentEditor()->append(QStringLiteral("# unsaved\n"));
        int asked = 0;
        window.editorTabs()->setSavePrompt([&asked](const QString &) {
            ++asked;
            return QMessageBox::Cancel;
        });
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(window.isVisible());
        window.editorTabs()->setSavePrompt([](const QString &) { return QMessageBox::Discard; });
        QVERIFY(window.close());
    }

    void openingAnotherProjectClosesTheFilesOfThisOne()
    {
        QTemporaryDir dir;
        const QString project = copyDemo(dir);
        MainWindow window;
        QVERIFY(openAndWait(window, project));
        QVERIFY(window.openRevision(kHead));
        window.editorTabs()->currentEditor()->append(QStringLiteral("# unsaved\n"));
        window.editorTabs()->setSavePrompt([](const QString &) { return QMessageBox::Cancel; });
        QVERIFY(!window.openProject(kDemo)); // the user kept the unsaved file: nothing happens
        QCOMPARE(window.editorTabs()->count(), 1);
        window.editorTabs()->setSavePrompt([](const QString &) { return QMessageBox::Discard; });
        QVERIFY(openAndWait(window, kDemo));
        QCOMPARE(window.editorTabs()->count(), 0);
    }

    void findKeyIsScopedToThePartWithFocus()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, kDemo));
        QVERIFY(window.openRevision(kHead));
        window.activateWindow();
        window.editorTabs()->currentEditor()->setFocus();
        QTRY_VERIFY(window.editorTabs()->currentEditor()->hasFocus());
        QTest::keyClick(window.editorTabs()->currentEditor(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window.editorTabs()->findBar(window.editorTabs()->currentPath())->isVisible());
        window.graphView()->setFocus();
        QTRY_VERIFY(window.graphView()->hasFocus());
        QTest::keyClick(window.graphView(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window.graphPanel()->searchField()->hasFocus());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
