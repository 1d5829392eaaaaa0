// RunRecovery: a run left running by a writer that died is found at start, shown with the
// database's real alembic_version, and closed, stamped or retried only when the user says so.
#include "alembicservice.h"
#include "postgresserver.h"
#include "project.h"
#include "runjournal.h"
#include "runpanel.h"
#include "runplan.h"
#include "runrecovery.h"
#include "runworkbench.h"

#include <QAbstractButton>
#include <QApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "alembicversions.h"
#include "scratchserver.h"

using namespace retort;
using namespace Qt::StringLiterals;
using retort::test::versionsOf;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
constexpr int kTimeoutMs = 120'000;

QAbstractButton *buttonNamed(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *button : box->buttons())
        if (button->text() == text)
            return button;
    return nullptr;
}

} // namespace

class TestRunRecovery : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server{u"rec"_s};
    std::unique_ptr<AlembicService> m_alembic;
    Project m_demo;
    RunPlan m_plan; // base -> heads on the demo

    /// A database at the demo's first revision, and a journal whose run to heads died in step 2.
    std::pair<RunDestination, QString> interruptedRun()
    {
        const QString name = m_server.freshDatabaseName();
        const RunDestination destination{m_server->sqlalchemyUrl(name), u"db "_s + name, name, u"Sandbox"_s, u"local"_s, {}};
        RunWorkbench setup(m_alembic.get(), m_server.filePath(u"setup.sqlite"_s), nullptr);
        setup.setProject(m_demo);
        setup.planRun(destination, m_plan.steps.at(0).revision, true);
        if (!QTest::qWaitFor([&] { return setup.planDialog() != nullptr; }, kTimeoutMs))
            qFatal("no plan dialog");
        QSignalSpy finished(&setup, &RunWorkbench::runFinished);
        setup.planDialog()->runButton()->click();
        if (!finished.wait(kTimeoutMs))
            qFatal("the setup run did not finish");

        const QString journalPath = m_server.filePath(name + u".sqlite"_s);
        RunJournal dying;
        dying.open(journalPath);
        RunRecord header;
        header.profile = u"Sandbox"_s;
        header.database = destination.label;
        header.target = u"heads"_s;
        header.upgrade = true;
        header.versionsBefore = m_plan.current;
        for (qsizetype i = 0; i < 2; ++i) {
            RunStepRecord step;
            step.index = int(i);
            step.revision = m_plan.steps.at(i).revision;
            step.versionsBefore = m_plan.steps.at(i).versionsBefore;
            step.versionsExpected = m_plan.steps.at(i).versionsAfter;
            header.steps.append(step);
        }
        const qint64 id = dying.beginRun(header);
        dying.stepStarted(id, 0, {}, QDateTime::currentDateTimeUtc());
        dying.stepFinished(id, 0, RunStatus::Succeeded, m_plan.steps.at(0).versionsAfter, 40);
        dying.stepStarted(id, 1, m_plan.steps.at(0).versionsAfter, QDateTime::currentDateTimeUtc());
        return {destination, journalPath}; // `dying` goes without finishing its run: interrupted
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_demo = Project::load(kDemo);
        m_plan = RunPlan::make(m_demo.graph(), {}, u"heads"_s, true);
        m_alembic = std::make_unique<AlembicService>();
        m_alembic->setProject(m_demo.config(), {u"/usr/bin/python3"_s, InterpreterCandidate::Source::Setting});
    }

    void cleanupTestCase()
    {
        m_alembic.reset();
        m_server.stop();
    }

    void anInterruptedRunIsShownAndClosedWithTheRealVersion()
    {
        const auto [destination, journal] = interruptedRun();
        RunWorkbench runs(m_alembic.get(), journal, nullptr);
        runs.setProject(m_demo);
        QCOMPARE(runs.recovery()->interrupted().size(), 1);
        QCOMPARE(runs.panel()->model()->rowCount(), 2);
        QCOMPARE(runs.panel()->model()->index(1, RunStepModel::StatusColumn).data().toString(), u"running"_s);

        runs.recovery()->recover(destination);
        QTRY_VERIFY_WITH_TIMEOUT(runs.recovery()->question() != nullptr, kTimeoutMs);
        QMessageBox *question = runs.recovery()->question();
        const QString first = m_plan.steps.at(0).revision;
        QVERIFY2(question->text().contains(u"The database's alembic_version now: "_s + first), qPrintable(question->text()));
        QVERIFY2(question->text().contains(u"did not commit"_s), qPrintable(question->text()));
        buttonNamed(question, u"Close Run"_s)->click();
        QCOMPARE(runs.recovery()->interrupted().size(), 0);
        RunJournal reader;
        QCOMPARE(reader.open(journal), QString());
        const RunRecord closed = reader.runs().constFirst();
        QCOMPARE(closed.status, RunStatus::Interrupted);
        QCOMPARE(closed.versionsAfter, QStringList{first});
    }

    void stampWritesTheChosenVersionAfterConfirmation()
    {
        const auto [destination, journal] = interruptedRun();
        RunWorkbench runs(m_alembic.get(), journal, nullptr);
        runs.setProject(m_demo);
        runs.recovery()->recover(destination);
        QTRY_VERIFY_WITH_TIMEOUT(runs.recovery()->question() != nullptr, kTimeoutMs);
        buttonNamed(runs.recovery()->question(), u"Stamp…"_s)->click();
        QInputDialog *input = nullptr;
        QTRY_VERIFY((input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) != nullptr);
        input->setTextValue(m_plan.steps.at(1).versionsAfter.join(u','));
        QSignalSpy info(&runs, &RunWorkbench::info);
        input->accept();
        QTRY_COMPARE_WITH_TIMEOUT(versionsOf(destination.url), m_plan.steps.at(1).versionsAfter, kTimeoutMs);
        QTRY_COMPARE(runs.recovery()->interrupted().size(), 0);
        QVERIFY(std::any_of(info.cbegin(), info.cend(), [](const QList<QVariant> &a) { return a.at(0).toString().startsWith(u"Stamped"_s); }));
    }

    void retryPlansAgainFromWhereTheDatabaseIs()
    {
        const auto [destination, journal] = interruptedRun();
        RunWorkbench runs(m_alembic.get(), journal, nullptr);
        runs.setProject(m_demo);
        runs.recovery()->recover(destination);
        QTRY_VERIFY_WITH_TIMEOUT(runs.recovery()->question() != nullptr, kTimeoutMs);
        buttonNamed(runs.recovery()->question(), u"Retry from Here…"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog() != nullptr, kTimeoutMs);
        QCOMPARE(runs.planDialog()->stepList()->topLevelItemCount(), m_plan.steps.size() - 1);
        runs.planDialog()->reject();
        QCOMPARE(runs.recovery()->interrupted().size(), 0);
    }
};

QTEST_MAIN(TestRunRecovery)
#include "tst_runrecovery.moc"
