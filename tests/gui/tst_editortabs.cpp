#include "editortabs.h"
#include "findreplacebar.h"
#include "migrationeditor.h"
#include "notificationbar.h"
#include "revisionscanner.h"

#include <Qsci/qscilexer.h>

#include <QDir>
#include <QFile>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

const QString kVersions = QStringLiteral(RETORT_EXAMPLES_DIR "/demo/migrations/versions");
const QString kDisplayName = QStringLiteral("f4a63533f1d0_add_display_name_to_users.py");
const QString kMerge = QStringLiteral("414c25a99cca_merge_reviews_and_shop_branches.py");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

/// Replaces `path` the way many editors save: write a temporary file, rename it over.
bool replaceByRename(const QString &path, const QByteArray &contents)
{
    const QString temporary = path + QStringLiteral(".tmp~");
    return writeAll(temporary, contents) && ::rename(QFile::encodeName(temporary).constData(),
                                                     QFile::encodeName(path).constData()) == 0;
}

} // namespace

class TestEditorTabs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;  ///< copy of kDisplayName
    QString m_other; ///< copy of kMerge

    QString copyIn(const QString &name, const QString &subfolder = {})
    {
        QDir target(m_dir->path());
        if (!subfolder.isEmpty()) {
            target.mkpath(subfolder);
            target.cd(subfolder);
        }
        const QString path = target.filePath(name);
        writeAll(path, readAll(kVersions + u'/' + name));
        return path;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = copyIn(kDisplayName);
        m_other = copyIn(kMerge);
        QVERIFY(!readAll(m_file).isEmpty());
    }

    void openingAFileShowsItInATab()
    {
        EditorTabs tabs;
        QSignalSpy opened(&tabs, &EditorTabs::fileOpened);
        QSignalSpy current(&tabs, &EditorTabs::currentFileChanged);
        MigrationEditor *editor = tabs.openFile(m_file);
        QVERIFY(editor);
        QCOMPARE(tabs.count(), 1);
        QCOMPARE(tabs.tabText(0), kDisplayName);
        QCOMPARE(tabs.tabToolTip(0), QDir::toNativeSeparators(m_file));
        QCOMPARE(editor->text().toUtf8(), readAll(m_file));
        QCOMPARE(tabs.currentPath(), m_file);
        QCOMPARE(tabs.currentEditor(), editor);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(current.last().at(0).toString(), m_file);
        QVERIFY(!tabs.isModified(m_file));

        // a second open focuses the same tab and honours the line
        tabs.openFile(m_other);
        QCOMPARE(tabs.count(), 2);
        QCOMPARE(tabs.openFile(m_file, 14), editor);
        QCOMPARE(tabs.count(), 2);
        QCOMPARE(tabs.currentIndex(), 0);
        QCOMPARE(editor->cursorLine(), 14);
        QCOMPARE(tabs.openPaths(), (QStringList{m_file, m_other}));
    }

    void anUnreadableFileIsReported()
    {
        EditorTabs tabs;
        QSignalSpy errors(&tabs, &EditorTabs::errorOccurred);
        QVERIFY(!tabs.openFile(m_dir->filePath(QStringLiteral("gone.py"))));
        QVERIFY(!tabs.openFile(m_dir->path())); // a folder
        QCOMPARE(tabs.count(), 0);
        QCOMPARE(errors.count(), 2);
        QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("gone.py")));
        QVERIFY(errors.at(1).at(0).toString().contains(QStringLiteral("folder")));
    }

    void editingShowsTheDirtyMarker()
    {
        EditorTabs tabs;
        QSignalSpy modified(&tabs, &EditorTabs::modificationChanged);
        MigrationEditor *editor = tabs.openFile(m_file);
        editor->insertAt(QStringLiteral("# note\n"), 0, 0);
        QVERIFY(tabs.isModified(m_file));
        QVERIFY(tabs.tabText(0).endsWith(QStringLiteral(" \u2022")));
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.last(), (QVariantList{m_file, true}));
        editor->undo();
        QVERIFY(!tabs.isModified(m_file));
        QCOMPARE(tabs.tabText(0), kDisplayName);
        QCOMPARE(modified.last(), (QVariantList{m_file, false}));
    }

    void savingWritesTheFileAndTheGraphSeesTheNewParent()
    {
        EditorTabs tabs;
        QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
        QSignalSpy outside(&tabs, &EditorTabs::fileChangedOnDisk);
        MigrationEditor *editor = tabs.openFile(m_file);
        const QStringList before = QDir(m_dir->path()).entryList(QDir::Files);

        // move the edge: f4a63533f1d0 now follows the merge revision instead of 11eb52bd3a8d
        QVERIFY(editor->findFirst(QStringLiteral("down_revision = '11eb52bd3a8d'"), false, true, false, false));
        editor->replaceSelectedText(QStringLiteral("down_revision = '414c25a99cca'"));
        QVERIFY(tabs.save(m_file));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toString(), m_file);
        QVERIFY(!tabs.isModified(m_file));
        QCOMPARE(tabs.tabText(0), kDisplayName);
        QCOMPARE(readAll(m_file), editor->text().toUtf8());
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), before); // no temporary file left

        const RevisionFileScan scan = RevisionScanner::scanFile(m_file);
        QVERIFY(scan.revision);
        QCOMPARE(scan.revision->downRevisions, QStringList{QStringLiteral("414c25a99cca")});

        // our own save is not an outside change; a real one right after it is noticed
        QVERIFY(writeAll(m_file, readAll(m_file) + "# from elsewhere\n"));
        QTRY_COMPARE(outside.count(), 1);
        QTRY_VERIFY(editor->text().endsWith(QStringLiteral("# from elsewhere\n")));
    }

    void aFailedSaveKeepsTheBuffer()
    {
        // Tests run as root, which ignores permission bits: make the save fail in a way that fails
        // for root too. The file's folder is replaced by a regular file, so neither QSaveFile's
        // temporary file nor the file itself can be created there (ENOTDIR).
        const QString path = copyIn(kDisplayName, QStringLiteral("sub"));
        EditorTabs tabs;
        QSignalSpy errors(&tabs, &EditorTabs::errorOccurred);
        QSignalSpy saved(&tabs, &EditorTabs::fileSaved);
        MigrationEditor *editor = tabs.openFile(path);
        editor->insertAt(QStringLiteral("# precious edit\n"), 0, 0);
        const QString text = editor->text();

        QVERIFY(QDir(m_dir->filePath(QStringLiteral("sub"))).removeRecursively());
        QVERIFY(writeAll(m_dir->filePath(QStringLiteral("sub")), "not a folder"));
        NotificationBar *bar = tabs.notificationBar(path);
        QTRY_VERIFY(!bar->isHidden()); // the file is gone: said in the tab
        QVERIFY(bar->message().contains(QStringLiteral("deleted")));

        QVERIFY(!tabs.save(path));
        QVERIFY(!bar->isHidden());
        QCOMPARE(bar->kind(), NotificationBar::Kind::Error);
        QVERIFY2(bar->message().contains(kDisplayName), qPrintable(bar->message()));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().toString(), bar->message());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(editor->text(), text);
        QVERIFY(tabs.isModified(path));
        QCOMPARE(tabs.count(), 1);

        // once the folder is back, saving writes the file again
        QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("sub"))));
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("sub")));
        QVERIFY(tabs.save(path));
        QCOMPARE(readAll(path), text.toUtf8());
        QVERIFY(bar->isHidden());
        QVERIFY(!tabs.isModified(path));
    }

    void anOutsideChangeOffersReload()
    {
        EditorTabs tabs;
        QSignalSpy reloaded(&tabs, &EditorTabs::fileReloaded);
        MigrationEditor *editor = tabs.openFile(m_file);
        editor->insertAt(QStringLiteral("# mine\n"), 0, 0);

        const QByteArray theirs = "# theirs\n" + readAll(m_file);
        QVERIFY(writeAll(m_file, theirs));
        NotificationBar *bar = tabs.notificationBar(m_file);
        QTRY_VERIFY(!bar->isHidden());
        QVERIFY(bar->message().contains(QStringLiteral("changed")));
        auto *reload = bar->findChild<QPushButton *>(QStringLiteral("reloadButton"));
        QVERIFY(reload);
        QVERIFY(bar->findChild<QPushButton *>(QStringLiteral("keepButton")));
        QVERIFY(editor->text().startsWith(QStringLiteral("# mine\n"))); // nothing replaced yet
        QCOMPARE(reloaded.count(), 0);

        reload->click();
        QCOMPARE(editor->text().toUtf8(), theirs);
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(reloaded.first().first().toString(), m_file);
        QVERIFY(!tabs.isModified(m_file));
        QVERIFY(bar->isHidden());
        editor->undo(); // the reload is one undoable step
        QVERIFY(editor->text().startsWith(QStringLiteral("# mine\n")));
    }

    void keepingMyVersionOverwritesOnSave()
    {
        EditorTabs tabs;
        MigrationEditor *editor = tabs.openFile(m_file);
        editor->insertAt(QStringLiteral("# mine\n"), 0, 0);
        QVERIFY(writeAll(m_file, "# theirs\n"));
        NotificationBar *bar = tabs.notificationBar(m_file);
        QTRY_VERIFY(!bar->isHidden());
        bar->findChild<QPushButton *>(QStringLiteral("keepButton"))->click();
        QVERIFY(bar->isHidden());
        QVERIFY(editor->text().startsWith(QStringLiteral("# mine\n")));
        editor->undo(); // back to the text of the old file, which still differs from disk
        QVERIFY(tabs.isModified(m_file));
        QVERIFY(tabs.save(m_file));
        QCOMPARE(readAll(m_file), editor->text().toUtf8());
    }

    void anUnmodifiedBufferFollowsTheDisk()
    {
        EditorTabs tabs;
        QSignalSpy reloaded(&tabs, &EditorTabs::fileReloaded);
        MigrationEditor *editor = tabs.openFile(m_file);
        // replaced by rename, as many editors save: the watcher must follow the new file
        QVERIFY(replaceByRename(m_file, "revision = 'a'\n"));
        QTRY_COMPARE(editor->text(), QStringLiteral("revision = 'a'\n"));
        QCOMPARE(reloaded.count(), 1);
        QVERIFY(!tabs.notificationBar(m_file)->isHidden());
        QCOMPARE(tabs.notificationBar(m_file)->kind(), NotificationBar::Kind::Info);
        QVERIFY(replaceByRename(m_file, "revision = 'b'\n"));
        QTRY_COMPARE(editor->text(), QStringLiteral("revision = 'b'\n"));
        QVERIFY(writeAll(m_file, "revision = 'c'\n"));
        QTRY_COMPARE(editor->text(), QStringLiteral("revision = 'c'\n"));
        QCOMPARE(reloaded.count(), 3);
        QVERIFY(!tabs.isModified(m_file));
    }

    void withoutAutoReloadAnUnmodifiedBufferAsksToo()
    {
        EditorTabs tabs;
        tabs.setAutoReloadUnmodified(false);
        QSignalSpy reloaded(&tabs, &EditorTabs::fileReloaded);
        MigrationEditor *editor = tabs.openFile(m_file);
        QVERIFY(writeAll(m_file, "revision = 'a'\n"));
        NotificationBar *bar = tabs.notificationBar(m_file);
        QTRY_VERIFY(!bar->isHidden());
        QCOMPARE(reloaded.count(), 0);
        bar->findChild<QPushButton *>(QStringLiteral("reloadButton"))->click();
        QCOMPARE(editor->text(), QStringLiteral("revision = 'a'\n"));
        QCOMPARE(reloaded.count(), 1);
    }

    void aDeletedFileKeepsItsBuffer()
    {
        EditorTabs tabs;
        MigrationEditor *editor = tabs.openFile(m_file);
        const QString text = editor->text();
        QVERIFY(QFile::remove(m_file));
        NotificationBar *bar = tabs.notificationBar(m_file);
        QTRY_VERIFY(!bar->isHidden());
        QVERIFY(bar->message().contains(QStringLiteral("deleted")));
        QCOMPARE(editor->text(), text);
        QVERIFY(tabs.isModified(m_file));
        QVERIFY(tabs.tabText(0).endsWith(QStringLiteral(" \u2022")));

        QVERIFY(tabs.save(m_file)); // writes it again
        QCOMPARE(readAll(m_file), text.toUtf8());
        QVERIFY(!tabs.isModified(m_file));
        QVERIFY(bar->isHidden());

        // and it is watched again
        QVERIFY(writeAll(m_file, "revision = 'z'\n"));
        QTRY_COMPARE(editor->text(), QStringLiteral("revision = 'z'\n"));
    }

    void aDeletedFileThatComesBackIsNoticed()
    {
        EditorTabs tabs;
        QSignalSpy reloaded(&tabs, &EditorTabs::fileReloaded);
        MigrationEditor *editor = tabs.openFile(m_file);
        QVERIFY(QFile::remove(m_file));
        NotificationBar *bar = tabs.notificationBar(m_file);
        QTRY_VERIFY(!bar->isHidden());
        QVERIFY(writeAll(m_file, "revision = 'back'\n"));
        // the buffer counts as modified while the file was gone, so the user is asked
        QTRY_VERIFY(bar->findChild<QPushButton *>(QStringLiteral("reloadButton")));
        bar->findChild<QPushButton *>(QStringLiteral("reloadButton"))->click();
        QCOMPARE(editor->text(), QStringLiteral("revision = 'back'\n"));
        QCOMPARE(reloaded.count(), 1);
        QVERIFY(!tabs.isModified(m_file));
    }

    void closingAModifiedFileAsks()
    {
        EditorTabs tabs;
        QStringList asked;
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        tabs.setSavePrompt([&](const QString &path) {
            asked.append(path);
            return answer;
        });
        QSignalSpy closed(&tabs, &EditorTabs::fileClosed);
        tabs.openFile(m_other);
        QVERIFY(tabs.closeFile(m_other)); // unmodified: no question
        QVERIFY(asked.isEmpty());
        QCOMPARE(closed.count(), 1);

        MigrationEditor *editor = tabs.openFile(m_file);
        editor->insertAt(QStringLiteral("# unsaved\n"), 0, 0);
        QVERIFY(!tabs.closeFile(m_file));
        QCOMPARE(asked, QStringList{m_file});
        QCOMPARE(tabs.count(), 1);
        QVERIFY(!tabs.closeAll());
        QCOMPARE(tabs.count(), 1);

        answer = QMessageBox::Discard;
        const QByteArray onDisk = readAll(m_file);
        QVERIFY(tabs.closeFile(m_file));
        QCOMPARE(tabs.count(), 0);
        QCOMPARE(readAll(m_file), onDisk);

        editor = tabs.openFile(m_file);
        editor->insertAt(QStringLiteral("# saved on close\n"), 0, 0);
        answer = QMessageBox::Save;
        QVERIFY(tabs.closeAll());
        QCOMPARE(tabs.count(), 0);
        QVERIFY(readAll(m_file).startsWith("# saved on close\n"));
    }

    void tabCloseButtonsAndMiddleClick()
    {
        EditorTabs tabs;
        tabs.resize(800, 400);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        tabs.openFile(m_file);
        tabs.openFile(m_other);
        emit tabs.tabCloseRequested(0);
        QCOMPARE(tabs.openPaths(), QStringList{m_other});
        QTest::mouseClick(tabs.tabBar(), Qt::MiddleButton, {}, tabs.tabBar()->tabRect(0).center());
        QCOMPARE(tabs.count(), 0);
    }

    void diagnosticsGoToTheirFiles()
    {
        EditorTabs tabs;
        MigrationEditor *editor = tabs.openFile(m_file);
        Diagnostic here;
        here.path = m_file;
        here.line = 14;
        here.message = QStringLiteral("down_revision points nowhere");
        Diagnostic elsewhere;
        elsewhere.path = m_other;
        elsewhere.line = 3;
        elsewhere.severity = Diagnostic::Severity::Warning;
        elsewhere.message = QStringLiteral("odd");
        tabs.setDiagnostics({here, elsewhere});
        QCOMPARE(editor->diagnosticLines(Diagnostic::Severity::Error), QList<int>{14});
        QVERIFY(editor->diagnosticLines(Diagnostic::Severity::Warning).isEmpty());
        QVERIFY(editor->markersAtLine(13) & (1u << CodeEditor::ErrorMarker));

        MigrationEditor *other = tabs.openFile(m_other); // opened later: still gets its own
        QCOMPARE(other->diagnosticLines(Diagnostic::Severity::Warning), QList<int>{3});
        tabs.setDiagnostics({});
        QVERIFY(editor->diagnosticLines(Diagnostic::Severity::Error).isEmpty());
    }

    void findAndGoToLineActOnTheCurrentTab()
    {
        EditorTabs tabs;
        tabs.resize(900, 600);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        QSignalSpy lines(&tabs, &EditorTabs::cursorLineChanged);
        MigrationEditor *editor = tabs.openFile(m_file, 30);
        QTRY_COMPARE(lines.last(), (QVariantList{m_file, 30}));
        tabs.showFind();
        FindReplaceBar *bar = tabs.findBar(m_file);
        QVERIFY(!bar->isHidden());
        bar->setFindText(QStringLiteral("batch_alter_table"));
        QCOMPARE(bar->statusText(), QStringLiteral("2 matches"));
        tabs.findNext();
        QCOMPARE(editor->selectedText(), QStringLiteral("batch_alter_table"));
        QCOMPARE(editor->cursorLine(), 41);
        tabs.findNext();
        QCOMPARE(editor->cursorLine(), 52);
        tabs.findPrevious();
        QCOMPARE(editor->cursorLine(), 41);
    }

    void screenshot()
    {
        // Renders a realistic tab for review; RETORT_SCREENSHOT_DIR=/tmp keeps the PNG.
        EditorTabs tabs;
        tabs.resize(900, 600);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        tabs.openFile(m_other);
        MigrationEditor *editor = tabs.openFile(m_file);
        Diagnostic error;
        error.path = m_file;
        error.line = 14;
        error.message = QStringLiteral("down_revision '11eb52bd3a8d' is not a known revision");
        Diagnostic warning;
        warning.path = m_file;
        warning.severity = Diagnostic::Severity::Warning;
        warning.line = 31;
        warning.message = QStringLiteral("adds a column and backfills it in one transaction");
        tabs.setDiagnostics({error, warning});
        editor->insertAt(QStringLiteral("# edited\n"), 0, 0);
        tabs.showFind();
        tabs.findBar(m_file)->setFindText(QStringLiteral("display_name"));
        tabs.findNext();
        QVERIFY(writeAll(m_file, "changed elsewhere\n"));
        QTRY_VERIFY(!tabs.notificationBar(m_file)->isHidden());
        const QImage image = tabs.grab().toImage();
        QCOMPARE(image.size(), QSize(900, 600) * image.devicePixelRatio());
        const QString directory = qEnvironmentVariable("RETORT_SCREENSHOT_DIR");
        if (!directory.isEmpty())
            QVERIFY(image.save(directory + QStringLiteral("/editortabs.png")));

        // a dark palette: the editor follows it (paper, text, lexer colours)
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xdd, 0xdd, 0xdd));
        tabs.setPalette(dark);
        QCOMPARE(editor->lexer()->paper(0), QColor(0x1e, 0x1e, 0x1e));
        QVERIFY(editor->lexer()->color(1).lightness() > 128); // comments readable on dark paper
        if (!directory.isEmpty())
            QVERIFY(tabs.grab().save(directory + QStringLiteral("/editortabs-dark.png")));
    }
};

QTEST_MAIN(TestEditorTabs)
#include "tst_editortabs.moc"
