// RunPanel on its own: a run from the journal with a failed step shows the error, and the
// traceback's frames are links that open the file at the line; controls stay off without a runner.
// The History list offers the chosen database's runs or all databases' (each entry then named).
#include "runpanel.h"

#include <QComboBox>
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

RunRecord header(qint64 id, const QString &profile, RunStatus status)
{
    RunRecord run;
    run.id = id;
    run.profile = profile;
    run.database = u"postgresql://app@db/"_s + profile;
    run.target = u"heads"_s;
    run.status = status;
    run.startedAt = QDateTime(QDate(2024, 5, 17), QTime(9, 30), Qt::UTC);
    return run;
}

QStringList entries(const QComboBox *combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
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

    void theHistoryOffersTheChosenDatabaseOrAll()
    {
        RunPanel panel;
        QComboBox *scope = panel.historyScope();
        // No database chosen: all runs, each naming its profile.
        QCOMPARE(entries(scope), QStringList{u"All databases"_s});
        QCOMPARE(panel.historyFilter(), QString());
        panel.setHistory({header(3, u"staging"_s, RunStatus::Failed), header(2, u"Sandbox"_s, RunStatus::Succeeded)});
        QCOMPARE(panel.history()->count(), 2);
        QVERIFY2(panel.history()->itemText(0).endsWith(u" · failed · staging"_s),
                 qPrintable(panel.history()->itemText(0)));
        QVERIFY(panel.history()->itemText(1).contains(u"upgrade to heads"_s));
        QVERIFY(panel.history()->itemText(1).endsWith(u" · Sandbox"_s));

        // A database chosen: its runs, without repeating its name in each entry.
        QSignalSpy scopeChanged(&panel, &RunPanel::historyScopeChanged);
        panel.setHistoryProfile(u"Sandbox"_s);
        QCOMPARE(entries(scope), (QStringList{u"Sandbox"_s, u"All databases"_s}));
        QCOMPARE(panel.historyFilter(), u"Sandbox"_s);
        QCOMPARE(scopeChanged.size(), 0); // told, not chosen by the user
        panel.setHistory({header(2, u"Sandbox"_s, RunStatus::Succeeded)});
        QCOMPARE(panel.history()->count(), 1);
        QVERIFY(!panel.history()->itemText(0).contains(u"Sandbox"_s));
        QCOMPARE(panel.history()->placeholderText(), u"Runs on Sandbox (1)"_s);
        panel.setHistory({});
        QCOMPARE(panel.history()->currentIndex(), -1);
        QCOMPARE(panel.history()->placeholderText(), u"No runs on Sandbox yet"_s);

        // The user asks for all databases, and that choice outlasts another chosen database.
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Down);
        QCOMPARE(scopeChanged.size(), 1);
        QCOMPARE(panel.historyFilter(), QString());
        panel.setHistoryProfile(u"staging"_s);
        QCOMPARE(entries(scope), (QStringList{u"staging"_s, u"All databases"_s}));
        QCOMPARE(panel.historyFilter(), QString());
        QTest::keyClick(scope, Qt::Key_Up);
        QCOMPARE(scopeChanged.size(), 2);
        QCOMPARE(panel.historyFilter(), u"staging"_s);
        panel.setHistoryProfile(u"Sandbox"_s);
        QCOMPARE(panel.historyFilter(), u"Sandbox"_s);
    }

    void theShownRunIsCurrentInTheHistory()
    {
        RunPanel panel;
        panel.setHistoryProfile(u"Sandbox"_s);
        panel.setHistory({header(9, u"Sandbox"_s, RunStatus::Succeeded), header(7, u"Sandbox"_s, RunStatus::Failed)});
        QCOMPARE(panel.history()->currentIndex(), -1);
        QCOMPARE(panel.history()->placeholderText(), u"Runs on Sandbox (2)"_s);
        RunRecord shown = failedRun();
        shown.profile = u"Sandbox"_s;
        panel.showRecord(shown);
        QCOMPARE(panel.history()->currentData().toLongLong(), 7);
        QSignalSpy chosen(&panel, &RunPanel::historyRunChosen);
        emit panel.history()->activated(0);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toLongLong(), 9);
    }
};

QTEST_MAIN(TestRunPanel)
#include "tst_runpanel.moc"
