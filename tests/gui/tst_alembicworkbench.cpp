// The Alembic parts of the window with real Alembic (/usr/bin/python3): the SQL of the selected
// revision, merging heads from the window, and an interpreter without Alembic in the status bar.
#include "alembicworkbench.h"
#include "editortabs.h"
#include "mainwindow.h"
#include "windowtesting.h"
#include "mergeheadsdialog.h"
#include "migrationeditor.h"
#include "projectcopy.h"
#include "scriptfile.h"
#include "revisiongraphview.h"
#include "sqlpreviewpanel.h"

#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace retort;
using retort::test::openAndWait;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
constexpr int kAlembicMs = 30'000; // the helper's first start imports Alembic and SQLAlchemy

} // namespace

class TestAlembicWorkbench : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void selectingARevisionShowsItsSqlFromAlembic()
    {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, kDemo));
        SqlPreviewPanel *panel = window.alembic()->sqlPanel();
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("f4a63533f1d0")));
        QCOMPARE(panel->revision(), QStringLiteral("f4a63533f1d0"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->sql().contains(QLatin1String("ALTER TABLE users ADD COLUMN display_name VARCHAR(120)")),
                                 kAlembicMs);
        QVERIFY(panel->sql().startsWith(QLatin1String("BEGIN;"))); // PostgreSQL: transactional DDL
        QVERIFY(window.alembic()->statusLabel()->text().contains(QLatin1String("Alembic 1.")));

        QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("downgradeButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->sql().contains(QLatin1String("DROP COLUMN display_name")), kAlembicMs);

        // Another revision replaces it; the answer for the old one never lands late.
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("6f4c88afc42c")));
        QTRY_VERIFY_WITH_TIMEOUT(panel->sql().contains(QLatin1String("DROP TABLE authors")), kAlembicMs);
    }

    void twoRevisionsOnOneLineShowTheSqlOfTheRange()
    {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, kDemo));
        RevisionGraphView *view = window.graphView();
        QVERIFY(view->selectRevision(QStringLiteral("dd57b4ea3f6f")));
        const QModelIndex newer = view->currentIndex();
        QVERIFY(view->selectRevision(QStringLiteral("6f4c88afc42c")));
        view->selectionModel()->select(newer, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        SqlPreviewPanel *panel = window.alembic()->sqlPanel();
        QCOMPARE(panel->revision(), QStringLiteral("6f4c88afc42c … dd57b4ea3f6f"));
        // What `alembic upgrade 0c0b52f6f7f0:dd57b4ea3f6f --sql` prints with a PostgreSQL URL.
        QProcess alembic;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RETORT_DATABASE_URL"), QStringLiteral("postgresql://"));
        alembic.setProcessEnvironment(environment);
        alembic.setWorkingDirectory(kDemo);
        alembic.start(QStringLiteral("/usr/bin/alembic"),
                      {QStringLiteral("upgrade"), QStringLiteral("0c0b52f6f7f0:dd57b4ea3f6f"), QStringLiteral("--sql")});
        QVERIFY(alembic.waitForFinished(60'000));
        const QString expected = QString::fromUtf8(alembic.readAllStandardOutput());
        QVERIFY(expected.contains(QLatin1String("CREATE TABLE authors")));
        QTRY_COMPARE_WITH_TIMEOUT(panel->sql(), expected, kAlembicMs);
        // Back to one revision: its own SQL again.
        view->clearSelection();
        QVERIFY(view->selectRevision(QStringLiteral("dd57b4ea3f6f")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->sql().contains(QLatin1String("CREATE TABLE authors")) && !panel->sql().isEmpty(), kAlembicMs);
        QCOMPARE(panel->revision(), QStringLiteral("dd57b4ea3f6f"));
    }

    void newRevisionFromTheWindowBuildsOnTheSelectedHead()
    {
        QTemporaryDir dir;
        QVERIFY(test::copyTree(kDemo, dir.path()));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, dir.path()));
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("audit_0002")));
        bool filled = false;
        QTimer::singleShot(0, this, [&filled] {
            QWidget *dialog = QApplication::activeModalWidget();
            auto *message = dialog ? dialog->findChild<QLineEdit *>(QStringLiteral("messageEdit")) : nullptr;
            auto *parent = dialog ? dialog->findChild<QComboBox *>(QStringLiteral("parentCombo")) : nullptr;
            if (message && parent && parent->currentData().toString() == QLatin1String("audit_0002")) {
                message->setText(QStringLiteral("audit retention"));
                filled = true;
                QMetaObject::invokeMethod(dialog, "accept");
            } else if (dialog) {
                dialog->close();
            }
        });
        window.alembic()->newRevisionAction()->trigger();
        QVERIFY(filled); // the dialog proposed the selected head as the parent
        QTRY_VERIFY_WITH_TIMEOUT(!window.project().graph().heads().contains(QStringLiteral("audit_0002")), kAlembicMs);
        const QStringList heads = window.project().graph().heads();
        QCOMPARE(heads.size(), 2);
        QString created;
        for (const QString &head : heads)
            if (head != QLatin1String("09360dc33310"))
                created = head;
        QCOMPARE(window.project().graph().parents(created), QStringList{QStringLiteral("audit_0002")});
        QCOMPARE(window.project().graph().revision(created)->message, QStringLiteral("audit retention"));
        QTRY_COMPARE(window.editorTabs()->currentPath(), window.project().graph().revision(created)->path);
    }

    void savingARevisionRefreshesItsSql()
    {
        QTemporaryDir dir;
        QVERIFY(test::copyTree(kDemo, dir.path()));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, dir.path()));
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("09360dc33310")));
        SqlPreviewPanel *panel = window.alembic()->sqlPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->sql().contains(QLatin1String("NUMERIC(10, 2)")), kAlembicMs);
        QVERIFY(window.openRevision(QStringLiteral("09360dc33310")));
        MigrationEditor *editor = window.editorTabs()->currentEditor();
        QString text = editor->text();
        const qsizetype at = text.indexOf(QLatin1String("type_=sa.Numeric(precision=10, scale=2)"));
        QVERIFY(at > 0); // the upgrade's new type
        editor->setText(text.replace(at, 39, QLatin1String("type_=sa.Numeric(precision=12, scale=3)")));
        QVERIFY(window.editorTabs()->saveCurrent());
        QTRY_VERIFY_WITH_TIMEOUT(panel->sql().contains(QLatin1String("NUMERIC(12, 3)")), kAlembicMs);
    }

    void mergingHeadsFromTheWindowLeavesOneHead()
    {
        QTemporaryDir dir;
        QVERIFY(test::copyTree(kDemo, dir.path()));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, dir.path()));
        QCOMPARE(window.project().graph().heads().size(), 2);
        QVERIFY(window.alembic()->mergeHeadsAction()->isEnabled());
        // The dialog is modal: accept it as a user would, once it is up.
        qsizetype offered = -1;
        QTimer::singleShot(0, this, [&offered] {
            auto *dialog = qobject_cast<MergeHeadsDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                QApplication::activeModalWidget()->close();
                return;
            }
            offered = dialog->revisions().size();
            dialog->accept();
        });
        window.alembic()->mergeHeadsAction()->trigger();
        // The selected revision is one head: the dialog offers both, checked.
        QCOMPARE(offered, 2);
        QTRY_COMPARE_WITH_TIMEOUT(window.project().graph().heads().size(), 1, kAlembicMs);
        const QString merge = window.project().graph().heads().constFirst();
        QVERIFY(window.project().graph().isMergePoint(merge));
        QTRY_COMPARE(window.editorTabs()->currentPath(), window.project().graph().revision(merge)->path);
        QTRY_COMPARE(window.graphView()->currentRevision(), merge);
        QVERIFY(!window.alembic()->mergeHeadsAction()->isEnabled());
    }

    void mergingTheHeadsSelectedInTheGraph()
    {
        QTemporaryDir dir;
        QVERIFY(test::copyTree(kDemo, dir.path()));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, dir.path()));
        // A third head: a branch from the branch point, written by Alembic itself.
        QSignalSpy created(window.alembic()->service(), &AlembicService::revisionCreated);
        window.alembic()->service()->createRevision({{QStringLiteral("message"), QStringLiteral("side branch")},
                                                     {QStringLiteral("head"), QStringLiteral("f4a63533f1d0")},
                                                     {QStringLiteral("splice"), true}});
        QTRY_COMPARE_WITH_TIMEOUT(window.project().graph().heads().size(), 3, kAlembicMs);
        const QString side = created.constFirst().at(1).toString();

        RevisionGraphView *view = window.graphView();
        // Ctrl-click as a user would: the new head current, the main head added to the selection.
        QVERIFY(view->selectRevision(QStringLiteral("09360dc33310")));
        const QModelIndex mainHead = view->currentIndex();
        QVERIFY(view->selectRevision(side));
        view->selectionModel()->select(mainHead, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QStringList wanted{side, QStringLiteral("09360dc33310")};
        std::sort(wanted.begin(), wanted.end());
        QStringList got = view->selectedRevisions();
        std::sort(got.begin(), got.end());
        QCOMPARE(got, wanted);
        QCOMPARE(window.alembic()->mergeHeadsAction()->text(), QStringLiteral("&Merge Selected Heads…"));

        QStringList offered;
        QTimer::singleShot(0, this, [&offered] {
            auto *dialog = qobject_cast<MergeHeadsDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                QApplication::activeModalWidget()->close();
                return;
            }
            offered = dialog->revisions();
            dialog->accept();
        });
        window.alembic()->mergeHeadsAction()->trigger();
        std::sort(offered.begin(), offered.end());
        QCOMPARE(offered, wanted);
        // The audit head stays; the two selected ones are merged.
        QTRY_COMPARE_WITH_TIMEOUT(window.project().graph().heads().size(), 2, kAlembicMs);
        QVERIFY(window.project().graph().heads().contains(QStringLiteral("audit_0002")));
    }

    void valuesTheScanCannotReadAreFilledInFromAlembic()
    {
        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const QByteArray &content) {
            QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
            QFile file(dir.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
        };
        QVERIFY(write(QStringLiteral("alembic.ini"), "[alembic]\nscript_location = %(here)s/migrations\n"));
        QVERIFY(write(QStringLiteral("migrations/env.py"), "from alembic import context\n"));
        QVERIFY(write(QStringLiteral("migrations/versions/a1_first.py"),
                      "revision = 'a1'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n"
                      "def upgrade():\n    pass\ndef downgrade():\n    pass\n"));
        // Computed at import time: Retort cannot read these without running Python.
        QVERIFY(write(QStringLiteral("migrations/versions/b2_second.py"),
                      "revision = 'b2'\ndown_revision = 'a' + '1'\nbranch_labels = (str('expand'),)\ndepends_on = None\n"
                      "def upgrade():\n    pass\ndef downgrade():\n    pass\n"));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, dir.path()));
        const Revision *before = window.project().graph().revision(QStringLiteral("b2"));
        QVERIFY(before);
        QVERIFY(before->downRevisionUnresolved);
        QVERIFY(before->branchLabelsUnresolved);
        QTRY_COMPARE_WITH_TIMEOUT(window.project().graph().parents(QStringLiteral("b2")), QStringList{QStringLiteral("a1")}, kAlembicMs);
        const Revision *after = window.project().graph().revision(QStringLiteral("b2"));
        QCOMPARE(after->branchLabels, QStringList{QStringLiteral("expand")});
        QVERIFY(!after->branchLabelsUnresolved);
        QCOMPARE(window.graphView()->graph().heads(), QStringList{QStringLiteral("b2")});
    }

    void anInterpreterWithoutAlembicIsShownInTheStatusBar()
    {
        QTemporaryDir dir;
        const QString python = dir.filePath(QStringLiteral("python-without-alembic"));
        QVERIFY(test::writeExecutable(python, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n"));
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        window.alembic()->setInterpreterSetting(kDemo, python);
        window.show();
        QVERIFY(openAndWait(window, kDemo));
        QTRY_VERIFY_WITH_TIMEOUT(window.alembic()->statusLabel()->text().contains(QLatin1String("No Alembic")), kAlembicMs);
        QVERIFY(window.alembic()->statusLabel()->text().contains(python));
        QVERIFY(window.alembic()->statusLabel()->toolTip().contains(QLatin1String("chosen explicitly")));
        // The SQL pane says what is wrong instead of waiting forever.
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("6f4c88afc42c")));
        SqlPreviewPanel *panel = window.alembic()->sqlPanel();
        auto *errors = panel->findChild<QWidget *>(QStringLiteral("sqlErrorBrowser"));
        QVERIFY(errors);
        QTRY_VERIFY_WITH_TIMEOUT(errors->isVisible(), kAlembicMs);
        QVERIFY(panel->sql().isEmpty());
    }
};

QTEST_MAIN(TestAlembicWorkbench)
#include "tst_alembicworkbench.moc"
