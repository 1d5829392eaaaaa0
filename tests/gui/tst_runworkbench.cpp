// RunWorkbench end to end in the window's terms: a real PostgreSQL server and real Alembic; the plan
// dialog with each step's SQL and the demo's destructive operations, the production confirmation,
// the run in the step log, the journal.
#include "alembicservice.h"
#include "migrationrunner.h"
#include "postgresserver.h"
#include "project.h"
#include "rundatabase.h"
#include "runpanel.h"
#include "runplandialog.h"
#include "runworkbench.h"

#include <QApplication>
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
#include <QTreeWidget>

#include "serverfolder.h"

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
constexpr int kTimeoutMs = 120'000;

QStringList versionsOf(const QString &url)
{
    RunDatabase database;
    if (!database.open(url, u"test"_s).isEmpty())
        return {u"<unreachable>"_s};
    return database.readVersions().revisions;
}

} // namespace

class TestRunWorkbench : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
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
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QVERIFY(m_dir.isValid());
        QVERIFY(test::openToServerUser(m_dir.path()));
        m_server = std::make_unique<PostgresServer>(m_dir.filePath(u"pg"_s));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QVERIFY2(m_server->createDatabase(u"shop"_s, &error), qPrintable(error));
        QVERIFY2(m_server->createDatabase(u"prod"_s, &error), qPrintable(error));
        m_demo = Project::load(kDemo);
        m_alembic = std::make_unique<AlembicService>();
        m_alembic->setProject(m_demo.config(), {u"/usr/bin/python3"_s, InterpreterCandidate::Source::Setting});
    }

    void cleanupTestCase()
    {
        m_alembic.reset();
        m_server.reset();
    }

    void planShowsSqlAndWarningsThenRunsIntoTheStepLog()
    {
        RunWorkbench runs(m_alembic.get(), m_dir.filePath(u"runs.sqlite"_s), nullptr);
        runs.setProject(m_demo);
        runs.planRun(destination(u"shop"_s), u"heads"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog() != nullptr, kTimeoutMs);
        RunPlanDialog *dialog = runs.planDialog();
        const int steps = dialog->stepList()->topLevelItemCount();
        QVERIFY(steps >= 10);
        // The demo drops books.shelf_code and retypes books.price: both are listed once the SQL is in.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->warnings().join(u'\n').contains(u"drops column books.shelf_code"_s), kTimeoutMs);
        // The retype is the plan's last step: its SQL may come after the drop's.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->warnings().join(u'\n').contains(u"changes the type of books.price"_s), kTimeoutMs);
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
        }
        // The journal has it.
        QCOMPARE(runs.journal().run(record.id).status, RunStatus::Succeeded);

        // Nothing left to do: no dialog.
        QSignalSpy info(&runs, &RunWorkbench::info);
        runs.planRun(destination(u"shop"_s), u"heads"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(info.cbegin(), info.cend(),
                                             [](const QList<QVariant> &a) { return a.at(0).toString().contains(u"already at"_s); }),
                                 kTimeoutMs);
    }

    void productionAsksForTheDatabaseName()
    {
        RunWorkbench runs(m_alembic.get(), m_dir.filePath(u"runs.sqlite"_s), nullptr);
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
