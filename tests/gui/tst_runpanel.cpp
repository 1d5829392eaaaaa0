// RunPanel on its own: a run from the journal with a failed step shows the error, and the
// traceback's frames are links that open the file at the line; controls stay off without a runner.
#include "runpanel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

RunRecord failedRun()
{
    RunRecord run;
    run.id = 7;
    run.database = u"postgresql://app@db/shop"_s;
    run.target = u"heads"_s;
    run.status = RunStatus::Failed;
    run.error = u"a2 failed"_s;
    RunStepRecord done;
    done.index = 0;
    done.revision = u"a1"_s;
    done.status = RunStatus::Succeeded;
    RunStepRecord failed;
    failed.index = 1;
    failed.revision = u"a2"_s;
    failed.message = u"backfill <names> & more"_s;
    failed.status = RunStatus::Failed;
    failed.error.type = u"ValueError"_s;
    failed.error.message = u"no backfill yet"_s;
    failed.error.frames = {{u"/usr/lib/python3/dist-packages/alembic/runtime/migration.py"_s, 623, u"run_migrations"_s},
                           {u"/project/migrations/versions/a2.py"_s, 17, u"upgrade"_s}};
    StatementRecord statement;
    statement.sequence = 1;
    statement.sql = u"UPDATE users SET name = 'x' WHERE id < 3"_s;
    statement.durationUs = 1500;
    statement.rowsAffected = 2;
    statement.notices = {u"NOTICE:  two rows"_s};
    failed.statements = {statement};
    run.steps = {done, failed};
    return run;
}

} // namespace

class TestRunPanel : public QObject
{
    Q_OBJECT

private slots:
    void aFailedStepLinksItsFramesIntoTheEditor()
    {
        RunPanel panel;
        panel.showRecord(failedRun());
        QVERIFY(!panel.continueButton()->isEnabled());
        QVERIFY(!panel.cancelButton()->isEnabled());
        QVERIFY(panel.exportButton()->isEnabled());
        QVERIFY(panel.summary()->text().contains(u"a2 failed"_s));

        panel.stepTable()->selectRow(1);
        const QString html = panel.details()->toHtml();
        const QString text = panel.details()->toPlainText();
        QVERIFY(text.contains(u"ValueError: no backfill yet"_s));
        QVERIFY(text.contains(u"backfill <names> & more"_s)); // escaped, not swallowed as markup
        QVERIFY(text.contains(u"NOTICE:  two rows"_s));
        QVERIFY(text.contains(u"/project/migrations/versions/a2.py:17 in upgrade"_s));
        // The project's own frame comes first (innermost first).
        QVERIFY(text.indexOf(u"a2.py:17"_s) < text.indexOf(u"migration.py:623"_s));
        QVERIFY(html.contains(u"retort-file"_s));

        QSignalSpy open(&panel, &RunPanel::openFileRequested);
        QUrl link;
        link.setScheme(u"retort-file"_s);
        link.setPath(u"/project/migrations/versions/a2.py"_s);
        link.setQuery(u"line=17"_s);
        emit panel.details()->anchorClicked(link);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), u"/project/migrations/versions/a2.py"_s);
        QCOMPARE(open.at(0).at(1).toInt(), 17);
        // Other links are not files.
        emit panel.details()->anchorClicked(QUrl(u"https://example.com/"_s));
        QCOMPARE(open.size(), 1);
    }
};

QTEST_MAIN(TestRunPanel)
#include "tst_runpanel.moc"
