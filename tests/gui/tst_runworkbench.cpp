// RunWorkbench end to end in the window's terms: a real PostgreSQL server and real Alembic; the plan
// dialog with each step's SQL and the demo's destructive operations, the production confirmation,
// the run in the step log, the journal.
#include "alembicservice.h"
#include "migrationrunner.h"
#include "postgresserver.h"
#include "project.h"
#include "runjournal.h"
#include "runpanel.h"
#include "runplandialog.h"
#include "runworkbench.h"
#include "verificationresult.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QMessageBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QCheckBox>
#include <QTreeWidget>

#include "alembicversions.h"
#include "scratchserver.h"

using namespace retort;
using namespace Qt::StringLiterals;
using retort::test::versionsOf;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
constexpr int kTimeoutMs = 120'000;

/// A finished run of \a profile in \a journal (no steps): its id.
qint64 journalRun(RunJournal &journal, const QString &profile)
{
    RunRecord header;
    header.profile = profile;
    header.database = u"postgresql://retort@127.0.0.1/"_s + profile;
    header.environment = u"local"_s;
    header.target = u"heads"_s;
    header.startedAt = QDateTime::currentDateTimeUtc();
    const qint64 id = journal.beginRun(header);
    if (id > 0)
        journal.finishRun(id, RunStatus::Succeeded, {u"ae10"_s}, QString());
    return id;
}

/// The runs the History list offers.
QList<qint64> historyIds(const RunPanel *panel)
{
    QList<qint64> ids;
    for (int i = 0; i < panel->history()->count(); ++i)
        ids << panel->history()->itemData(i).toLongLong();
    return ids;
}

} // namespace

class TestRunWorkbench : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server;
    std::unique_ptr<AlembicService> m_alembic;
    Project m_demo;

    RunDestination destination(const QString &database, const QString &environment = u"local"_s) const
    {
        return {m_server->sqlalchemyUrl(database), u"postgresql://retort@127.0.0.1/"_s + database, database,
                u"test profile"_s, environment, u"#2e7d32"_s};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<VerificationResult>();
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server->createDatabase(u"shop"_s, &error), qPrintable(error));
        QVERIFY2(m_server->createDatabase(u"prod"_s, &error), qPrintable(error));
        m_demo = Project::load(kDemo);
        m_alembic = std::make_unique<AlembicService>();
        m_alembic->setProject(m_demo.config(), {u"/usr/bin/python3"_s, InterpreterCandidate::Source::Setting});
    }

    void cleanupTestCase()
    {
        m_alembic.reset();
        m_server.stop();
    }

    void planShowsSqlAndWarningsThenRunsIntoTheStepLog()
    {
        RunWorkbench runs(m_alembic.get(), m_server.filePath(u"runs.sqlite"_s), nullptr);
        runs.setProject(m_demo);
        // The History list shows the runs of the chosen database's profile.
        const qint64 elsewhere = journalRun(runs.journal(), u"staging"_s);
        runs.setHistoryProfile(u"test profile"_s);
        QVERIFY(!historyIds(runs.panel()).contains(elsewhere));
        const qsizetype before = historyIds(runs.panel()).size();
        runs.planRun(destination(u"shop"_s), u"heads"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog() != nullptr, kTimeoutMs);
        RunPlanDialog *dialog = runs.planDialog();
        const int steps = dialog->stepList()->topLevelItemCount();
        QVERIFY(steps >= 10);
        // The demo drops books.shelf_code and retypes books.price: both are listed once the SQL is in.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->warnings().join(u'\n').contains(u"drops column books.shelf_code"_s)
                                     && dialog->warnings().join(u'\n').contains(u"changes the type of books.price"_s),
                                 kTimeoutMs);
        QVERIFY(dialog->runButton()->isEnabled());
        QVERIFY(dialog->confirmation() == nullptr); // not production

        const QByteArray pngDir = qgetenv("RETORT_RUNS_PNG_DIR"); // to look at: see CONTRIBUTING.md
        if (!pngDir.isEmpty()) {
            dialog->stepList()->setCurrentItem(dialog->stepList()->topLevelItem(15));
            QVERIFY(dialog->grab().save(QString::fromLocal8Bit(pngDir) + u"/runplandialog.png"_s));
        }
        QSignalSpy finished(&runs, &RunWorkbench::runFinished);
        dialog->runButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        const RunRecord record = finished.at(0).at(0).value<RunRecord>();
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(versionsOf(m_server->sqlalchemyUrl(u"shop"_s)), record.versionsAfter);

        RunPanel *panel = runs.panel();
        QCOMPARE(panel->model()->rowCount(), steps);
        for (int row = 0; row < steps; ++row)
            QCOMPARE(panel->model()->index(row, RunStepModel::StatusColumn).data().toString(), u"done"_s);
        QVERIFY(!panel->continueButton()->isEnabled());
        QVERIFY(!panel->cancelButton()->isEnabled());
        panel->stepTable()->selectRow(0);
        QVERIFY(panel->details()->toPlainText().contains(u"CREATE TABLE users"_s));
        QVERIFY(panel->summary()->text().contains(u"succeeded"_s) || panel->summary()->text().contains(u"done"_s));
        if (!pngDir.isEmpty()) {
            panel->resize(1400, 420);
            panel->stepTable()->selectRow(4);
            QVERIFY(panel->grab().save(QString::fromLocal8Bit(pngDir) + u"/runpanel.png"_s));
            // The History list open, all databases (its popup is a window of its own).
            panel->show();
            panel->historyScope()->setCurrentIndex(1);
            emit panel->historyScope()->activated(1);
            panel->history()->showPopup();
            QWidget *popup = panel->history()->view()->window();
            QTRY_VERIFY(popup->isVisible());
            QVERIFY(popup->grab().save(QString::fromLocal8Bit(pngDir) + u"/runpanel-history.png"_s));
            panel->history()->hidePopup();
            panel->historyScope()->setCurrentIndex(0);
            emit panel->historyScope()->activated(0);
            panel->hide();
        }
        // The journal has it.
        QCOMPARE(runs.journal().run(record.id).status, RunStatus::Succeeded);
        // In its profile's history (and not another profile's run), and exported from the journal as
        // Markdown and JSON, without the password.
        QCOMPARE(historyIds(panel).size(), before + 1);
        QCOMPARE(historyIds(panel).constFirst(), record.id);
        QVERIFY(!historyIds(panel).contains(elsewhere));
        QCOMPARE(panel->history()->currentData().toLongLong(), record.id);
        QVERIFY(panel->exportButton()->isEnabled());
        QCOMPARE(runs.exportRun(record.id, m_server.filePath(u"run.md"_s), u"markdown"_s), QString());
        QFile markdown(m_server.filePath(u"run.md"_s));
        QVERIFY(markdown.open(QIODevice::ReadOnly));
        const QByteArray report = markdown.readAll();
        QVERIFY(report.contains("CREATE TABLE users"));
        QVERIFY(!report.contains(m_server->password().toUtf8()));
        QCOMPARE(runs.exportRun(record.id, m_server.filePath(u"run.json"_s), u"json"_s), QString());
        QFile json(m_server.filePath(u"run.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(json.readAll()).isObject());
        QVERIFY(runs.exportRun(record.id, u"/proc/nowhere/run.md"_s, u"markdown"_s).contains(u"/proc/nowhere/run.md"_s));

        // Nothing left to do: no dialog.
        QSignalSpy info(&runs, &RunWorkbench::info);
        runs.planRun(destination(u"shop"_s), u"heads"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(info.cbegin(), info.cend(),
                                             [](const QList<QVariant> &a) { return a.at(0).toString().contains(u"already at"_s); }),
                                 kTimeoutMs);
    }

    void theHistoryFollowsTheChosenProfileOrShowsAll()
    {
        const QString path = m_server.filePath(u"history.sqlite"_s);
        QList<qint64> sandbox;
        QList<qint64> staging;
        {
            RunJournal journal;
            QCOMPARE(journal.open(path), QString());
            sandbox << journalRun(journal, u"Sandbox"_s);
            staging << journalRun(journal, u"staging"_s);
            sandbox << journalRun(journal, u"Sandbox"_s);
            QVERIFY(!sandbox.contains(0) && !staging.contains(0));
        }
        RunWorkbench runs(m_alembic.get(), path, nullptr);
        RunPanel *panel = runs.panel();
        // No database chosen yet: every run, newest first, each naming its profile.
        QCOMPARE(historyIds(panel), (QList<qint64>{sandbox.at(1), staging.at(0), sandbox.at(0)}));
        QVERIFY(panel->history()->itemText(1).endsWith(u" · staging"_s));

        runs.setHistoryProfile(u"Sandbox"_s);
        QCOMPARE(historyIds(panel), (QList<qint64>{sandbox.at(1), sandbox.at(0)}));
        QVERIFY(!panel->history()->itemText(0).contains(u"Sandbox"_s));
        runs.setHistoryProfile(u"staging"_s);
        QCOMPARE(historyIds(panel), staging);
        runs.setHistoryProfile(u"production"_s);
        QCOMPARE(historyIds(panel), QList<qint64>());
        QCOMPARE(panel->history()->placeholderText(), u"No runs on production yet"_s);

        // "All databases", chosen in the panel, stays until the user goes back.
        QComboBox *scope = panel->historyScope();
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Down);
        QCOMPARE(scope->currentText(), u"All databases"_s);
        QCOMPARE(historyIds(panel).size(), 3);
        runs.setHistoryProfile(u"Sandbox"_s);
        QCOMPARE(historyIds(panel).size(), 3);
        QVERIFY(panel->history()->itemText(0).endsWith(u" · Sandbox"_s));
        QTest::keyClick(scope, Qt::Key_Up);
        QCOMPARE(historyIds(panel), (QList<qint64>{sandbox.at(1), sandbox.at(0)}));

        // Picking an entry shows that run.
        emit panel->history()->activated(1);
        QCOMPARE(panel->model()->record().id, sandbox.at(0));
        QCOMPARE(panel->history()->currentData().toLongLong(), sandbox.at(0));
    }

    void theStepLogsButtonsStepThroughARun()
    {
        QString error;
        QVERIFY2(m_server->createDatabase(u"stepwise"_s, &error), qPrintable(error));
        RunWorkbench runs(m_alembic.get(), m_server.filePath(u"runs.sqlite"_s), nullptr);
        runs.setProject(m_demo);
        runs.planRun(destination(u"stepwise"_s), u"heads"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog() != nullptr, kTimeoutMs);
        const int steps = runs.planDialog()->stepList()->topLevelItemCount();
        runs.planDialog()->oneStepAtATime()->setChecked(true);
        QSignalSpy finished(&runs, &RunWorkbench::runFinished);
        runs.planDialog()->runButton()->click();

        RunPanel *panel = runs.panel();
        const auto doneRows = [panel] {
            int done = 0;
            for (int row = 0; row < panel->model()->rowCount(); ++row)
                done += panel->model()->index(row, RunStepModel::StatusColumn).data().toString() == u"done"_s;
            return done;
        };
        // Paused after the first step: Next Step and Continue are offered, Pause is not.
        QTRY_VERIFY_WITH_TIMEOUT(panel->stepButton()->isEnabled(), kTimeoutMs);
        QCOMPARE(doneRows(), 1);
        QVERIFY(panel->continueButton()->isEnabled());
        QVERIFY(!panel->pauseButton()->isEnabled());
        QVERIFY(panel->cancelButton()->isEnabled());
        panel->stepButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(doneRows(), 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(panel->continueButton()->isEnabled(), kTimeoutMs);
        panel->continueButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QCOMPARE(doneRows(), steps);
        QVERIFY(!panel->continueButton()->isEnabled());
        QVERIFY(!panel->cancelButton()->isEnabled());
        QCOMPARE(versionsOf(m_server->sqlalchemyUrl(u"stepwise"_s)), runs.runner()->record().versionsAfter);
    }

    void productionAsksForTheDatabaseName()
    {
        RunWorkbench runs(m_alembic.get(), m_server.filePath(u"runs.sqlite"_s), nullptr);
        runs.setProject(m_demo);
        const QString first = RunPlan::make(m_demo.graph(), {}, u"heads"_s, true).steps.at(0).revision;
        runs.planRun(destination(u"prod"_s, u"production"_s), first, true);
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog() != nullptr, kTimeoutMs);
        RunPlanDialog *dialog = runs.planDialog();
        QCOMPARE(dialog->stepList()->topLevelItemCount(), 1);
        QVERIFY(dialog->confirmation() != nullptr);
        QVERIFY(!dialog->runButton()->isEnabled());
        QTest::keyClicks(dialog->confirmation(), u"pro"_s);
        QVERIFY(!dialog->runButton()->isEnabled());
        QTest::keyClicks(dialog->confirmation(), u"d"_s);
        QVERIFY(dialog->runButton()->isEnabled());
        dialog->lockTimeout()->setText(u"soon"_s); // not a duration: no run
        QVERIFY(!dialog->runButton()->isEnabled());
        dialog->lockTimeout()->setText(u"2s"_s);
        QVERIFY(dialog->runButton()->isEnabled());
        QCOMPARE(dialog->options().lockTimeoutMs, 2000);
        dialog->reject();
        QCOMPARE(versionsOf(m_server->sqlalchemyUrl(u"prod"_s)), QStringList()); // nothing ran
    }

    void verifyProvesADowngradeOnALocalDatabaseOnly()
    {
        QString error;
        QVERIFY2(m_server->createDatabase(u"verify"_s, &error), qPrintable(error));
        RunWorkbench runs(m_alembic.get(), m_server.filePath(u"runs.sqlite"_s), nullptr);
        runs.setProject(m_demo);
        const QString first = RunPlan::make(m_demo.graph(), {}, u"heads"_s, true).steps.at(0).revision;
        QSignalSpy verified(&runs, &RunWorkbench::verified);
        VerificationResult result;
        connect(&runs, &RunWorkbench::verified, this, [&result](const VerificationResult &r) { result = r; });
        runs.verifyRevision(destination(u"verify"_s), first);
        QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 1, kTimeoutMs);
        QVERIFY2(result.restored(), qPrintable(result.error));
        QCOMPARE(runs.panel()->model()->record().kind, RunRecord::Kind::Verify);
        QCOMPARE(runs.journal().run(result.run.id).kind, RunRecord::Kind::Verify);

        QSignalSpy errors(&runs, &RunWorkbench::error);
        runs.verifyRevision(destination(u"prod"_s, u"staging"_s), first);
        QCOMPARE(verified.size(), 1);
        QVERIFY(!errors.isEmpty() && errors.at(0).at(0).toString().contains(u"staging"_s));
    }

    void steppingDownFromAMergeAsksWhichParent()
    {
        QString error;
        QVERIFY2(m_server->createDatabase(u"merge"_s, &error), qPrintable(error));
        RunWorkbench runs(m_alembic.get(), m_server.filePath(u"runs.sqlite"_s), nullptr);
        runs.setProject(m_demo);
        QString merge;
        for (const Revision &revision : m_demo.graph().revisions())
            if (m_demo.graph().isMergePoint(revision.id))
                merge = revision.id;
        QVERIFY(!merge.isEmpty());
        runs.planRun(destination(u"merge"_s), merge, true);
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog() != nullptr, kTimeoutMs);
        QSignalSpy finished(&runs, &RunWorkbench::runFinished);
        runs.planDialog()->runButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);

        runs.planRun(destination(u"merge"_s), u"-1"_s, false);
        QTRY_VERIFY_WITH_TIMEOUT(runs.parentChoice() != nullptr, kTimeoutMs);
        QList<QAbstractButton *> choices;
        for (QAbstractButton *button : runs.parentChoice()->buttons())
            if (button->text().startsWith(u"Down to "_s))
                choices.append(button);
        QCOMPARE(choices.size(), 2);
        const QString parent = choices.at(0)->text().mid(8);
        QVERIFY(m_demo.graph().parents(merge).contains(parent));
        choices.at(0)->click();
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog() != nullptr && runs.planDialog()->isVisible(), kTimeoutMs);
        QCOMPARE(runs.planDialog()->stepList()->topLevelItem(0)->text(2), merge);
        runs.planDialog()->reject();
    }

    void anUnwritableJournalRunsNothing()
    {
        RunWorkbench runs(m_alembic.get(), u"/proc/no/runs.sqlite"_s, nullptr);
        runs.setProject(m_demo);
        QSignalSpy errors(&runs, &RunWorkbench::error);
        runs.planRun(destination(u"prod"_s), u"heads"_s, true);
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.at(0).at(0).toString().contains(u"/proc/no/runs.sqlite"_s), qPrintable(errors.at(0).at(0).toString()));
        QVERIFY(runs.planDialog() == nullptr);
    }
};

QTEST_MAIN(TestRunWorkbench)
#include "tst_runworkbench.moc"
