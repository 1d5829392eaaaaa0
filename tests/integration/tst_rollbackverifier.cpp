// RollbackVerifier against a real PostgreSQL 15 and real Alembic: the demo's revisions verify clean
// (a range with a second upgrade, a revision below the start, a branch beside another one), a
// downgrade that leaves a column behind is caught with the column named, a downgrade that raises is
// a failed step, a database above the start is refused, cancel stops; the journal holds each Verify
// run with its steps and VerificationRecord, and the Markdown report says the verdict.
#include "alembicbridge.h"
#include "alembicprojectwriter.h"
#include "alembicversions.h"
#include "migrationrunner.h"
#include "postgresserver.h"
#include "project.h"
#include "rollbackverifier.h"
#include "rundatabase.h"
#include "runjournal.h"
#include "runreport.h"
#include "scratchserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <pqxx/pqxx>

using namespace retort;
using namespace Qt::StringLiterals;
using retort::test::versionsOf;

namespace {

const QString kPython = u"/usr/bin/python3"_s;
const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
constexpr int kTimeoutMs = 180'000;

struct Harness
{
    Project project;
    std::unique_ptr<AlembicBridge> bridge;
    std::unique_ptr<RollbackVerifier> verifier;
    QTemporaryDir journalFolder;
    RunJournal journal;

    explicit Harness(const QString &root)
        : project(Project::load(root))
        , bridge(std::make_unique<AlembicBridge>(BridgeLaunch::forProject(project.config(), kPython)))
        , verifier(std::make_unique<RollbackVerifier>(bridge.get(), project.graph()))
    {
        if (!journal.open(journalFolder.filePath(u"runs.sqlite"_s)).isEmpty())
            qFatal("cannot open the journal");
        verifier->setJournal(&journal);
    }

    VerificationResult verify(const QString &url, const QString &first, const QString &last, bool reupgrade = false)
    {
        QSignalSpy finished(verifier.get(), &RollbackVerifier::finished);
        verifier->start({first, last, reupgrade}, {url, url, u"test"_s, u"local"_s, project.config().iniPath()});
        if (!finished.wait(kTimeoutMs))
            qWarning("the verification did not finish in time");
        return verifier->result();
    }

    /// Upgrades \a url to \a target with a plain run (not journalled), the way a test sets a database up.
    bool upgrade(const QString &url, const QString &target)
    {
        MigrationRunner runner(bridge.get());
        QSignalSpy finished(&runner, &MigrationRunner::runFinished);
        runner.start(RunPlan::make(project.graph(), versionsOf(url), target, true), {url, url, {}, {}, {}}, {});
        if (runner.state() != MigrationRunner::State::Finished && !finished.wait(kTimeoutMs))
            return false;
        return runner.record().status == RunStatus::Succeeded;
    }
};

/// "+rev" for an upgrade step, "-rev" for a downgrade step.
template <typename Step>
QStringList revisionsOf(const QList<Step> &steps)
{
    QStringList list;
    for (const Step &step : steps)
        list.append((step.upgrade ? u"+"_s : u"-"_s) + step.revision);
    return list;
}

} // namespace

class TestRollbackVerifier : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server{u"verify"_s};

    bool columnExists(const QString &url, const char *table, const char *column)
    {
        pqxx::connection c(m_server.connectionStringOf(url).toStdString());
        pqxx::nontransaction work(c);
        return work.exec_params1("SELECT count(*) FROM information_schema.columns WHERE table_name = $1 AND "
                                 "column_name = $2",
                                 table, column)[0]
                   .as<int>() == 1;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.startForRuns(kPython, &error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void rangesResolveToTheirStartAndUpgrade()
    {
        const Project demo = Project::load(kDemo);
        RollbackVerifier::Range range = RollbackVerifier::range(demo.graph(), u"3394463073c0"_s, u"b8e2d94c17a5"_s);
        QVERIFY2(range.ok(), qPrintable(range.error));
        QCOMPARE(range.start, QStringList{u"f4a63533f1d0"_s});
        QCOMPARE(revisionsOf(RunPlan::reversed(range.upgrade, {}).steps),
                 (QStringList{u"-b8e2d94c17a5"_s, u"-97e5c30509b8"_s, u"-3394463073c0"_s}));
        // A labelled branch's own base stands on what it depends on, not on base.
        range = RollbackVerifier::range(demo.graph(), {}, u"audit_0001"_s);
        QVERIFY2(range.ok(), qPrintable(range.error));
        QCOMPARE(range.start, QStringList{u"0c0b52f6f7f0"_s});
        QCOMPARE(range.upgrade.steps.size(), 1);
        // Backwards, unknown, or more than one revision: said in words.
        QVERIFY(!RollbackVerifier::range(demo.graph(), u"b8e2d94c17a5"_s, u"3394463073c0"_s).ok());
        range = RollbackVerifier::range(demo.graph(), {}, u"nosuch"_s);
        QVERIFY(range.error.contains(u"nosuch"_s));
        QVERIFY(RollbackVerifier::range(demo.graph(), {}, u"heads"_s).error.contains(u"a verification needs one"_s));
    }

    void theDemosMainLineVerifiesCleanAndUpgradesAgain()
    {
        const QString url = m_server.freshDatabase();
        Harness h(kDemo);
        QSignalSpy progress(h.verifier.get(), &RollbackVerifier::progress);
        const VerificationResult result = h.verify(url, u"0c0b52f6f7f0"_s, u"09360dc33310"_s, true);
        QVERIFY2(result.restored(), qPrintable(result.error));
        QVERIFY(result.differences.isEmpty());
        QVERIFY(result.reupgradeDifferences.isEmpty());
        QVERIFY(result.preparationRuns.isEmpty());
        // A database that never saw Alembic got its version table first, so before and after compare equal.
        QVERIFY2(result.notes.join(u'\n').contains(u"alembic stamp base"_s), qPrintable(result.notes.join(u'\n')));
        const RunRecord &run = result.run;
        QCOMPARE(run.kind, RunRecord::Kind::Verify);
        QCOMPARE(run.status, RunStatus::Succeeded);
        QCOMPARE(run.target, u"0c0b52f6f7f0:09360dc33310"_s);
        const qsizetype n = RunPlan::make(h.project.graph(), {}, u"09360dc33310"_s, true).steps.size();
        QVERIFY(n >= 10);
        QCOMPARE(run.steps.size(), 3 * n);
        for (const RunStepRecord &step : run.steps)
            QCOMPARE(step.status, RunStatus::Succeeded);
        QCOMPARE(run.steps.at(n - 1).revision, u"09360dc33310"_s);
        QVERIFY(!run.steps.at(n).upgrade);
        QCOMPARE(run.steps.at(n).revision, u"09360dc33310"_s);
        QCOMPARE(run.steps.at(2 * n - 1).revision, u"0c0b52f6f7f0"_s);
        QCOMPARE(run.steps.at(2 * n - 1).versionsAfter, QStringList());
        const VerificationRecord &check = run.verification;
        QVERIFY(check.equal);
        QCOMPARE(check.fingerprintDowngraded, check.fingerprintBefore);
        QCOMPARE(check.fingerprintReupgraded, check.fingerprintUpgraded);
        QVERIFY(check.fingerprintUpgraded != check.fingerprintBefore);
        QCOMPARE(versionsOf(url), QStringList{u"09360dc33310"_s}); // upgraded again
        QVERIFY(progress.size() > 5);

        // The journal holds the same run, its steps with their statements, and the verdict.
        QVERIFY(run.id > 0);
        const RunRecord journalled = h.journal.run(run.id);
        QCOMPARE(journalled.kind, RunRecord::Kind::Verify);
        QCOMPARE(journalled.status, RunStatus::Succeeded);
        QCOMPARE(journalled.verification, check);
        QCOMPARE(journalled.fingerprintBefore, check.fingerprintBefore);
        QCOMPARE(journalled.fingerprintAfter, check.fingerprintReupgraded);
        QCOMPARE(revisionsOf(journalled.steps), revisionsOf(run.steps));
        for (qsizetype i = 0; i < run.steps.size(); ++i) {
            QCOMPARE(journalled.steps.at(i).status, RunStatus::Succeeded);
            QCOMPARE(journalled.steps.at(i).statements.size(), run.steps.at(i).statements.size());
        }
        QVERIFY(journalled.steps.at(n).statements.size() > 0); // the downgrade's DROP TABLE ... is there
        const QString markdown = RunReport::toMarkdown(journalled);
        QVERIFY2(markdown.contains(u"The downgrade restored the schema"_s), qPrintable(markdown.left(3000)));
        QVERIFY(markdown.contains(u"Upgrading again gave the schema of the first upgrade."_s));
    }

    void aDatabaseBelowTheStartIsUpgradedThereFirst()
    {
        // 72162e8679fa drops books.shelf_code; its downgrade adds it back, at the end of the table.
        const QString url = m_server.freshDatabase();
        Harness h(kDemo);
        const VerificationResult result = h.verify(url, {}, u"72162e8679fa"_s);
        QVERIFY2(result.restored(), qPrintable(result.error));
        QCOMPARE(result.preparationRuns.size(), 1);
        const RunRecord preparation = h.journal.run(result.preparationRuns.constFirst());
        QCOMPARE(preparation.kind, RunRecord::Kind::Run);
        QCOMPARE(preparation.status, RunStatus::Succeeded);
        QCOMPARE(preparation.versionsAfter, QStringList{u"3188447a1e35"_s});
        QCOMPARE(revisionsOf(result.run.steps), (QStringList{u"+72162e8679fa"_s, u"-72162e8679fa"_s}));
        QCOMPARE(result.run.versionsBefore, QStringList{u"3188447a1e35"_s});
        QCOMPARE(versionsOf(url), QStringList{u"3188447a1e35"_s});
        // Equal object by object, but not column for column: said, not hidden.
        const VerificationRecord &check = result.run.verification;
        QVERIFY(check.equal);
        QVERIFY(check.fingerprintDowngraded != check.fingerprintBefore);
        QVERIFY2(result.notes.join(u'\n').contains(u"public.books has its columns in another order"_s),
                 qPrintable(result.notes.join(u'\n')));
        QCOMPARE(h.journal.runs().size(), 2);
    }

    void aRevisionBesideAnotherBranchIsUndoneAlone()
    {
        // With the reviews branch applied, no Alembic downgrade target removes the shop branch alone.
        const QString url = m_server.freshDatabase();
        Harness h(kDemo);
        QVERIFY(h.upgrade(url, u"dd3913d2ad1e"_s));
        const VerificationResult result = h.verify(url, u"3394463073c0"_s, u"b8e2d94c17a5"_s);
        QVERIFY2(result.restored(), qPrintable(result.error));
        QVERIFY(result.preparationRuns.isEmpty());
        QCOMPARE(result.run.versionsBefore, QStringList{u"dd3913d2ad1e"_s});
        QCOMPARE(result.run.steps.at(2).versionsAfter, (QStringList{u"b8e2d94c17a5"_s, u"dd3913d2ad1e"_s}));
        QCOMPARE(result.run.versionsAfter, QStringList{u"dd3913d2ad1e"_s});
        QCOMPARE(versionsOf(url), QStringList{u"dd3913d2ad1e"_s});
    }

    void aDowngradeThatLeavesAColumnIsCaught()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(test::reversibleProject(dir,
                                          "    op.add_column('t_a1', sa.Column('note', sa.Text))\n"
                                          "    op.add_column('t_a1', sa.Column('rating', sa.SmallInteger))",
                                          "    op.drop_column('t_a1', 'note')"));
        const VerificationResult result = h.verify(url, u"a2"_s, u"a2"_s, true);
        QCOMPARE(result.outcome, VerificationResult::Outcome::Differs);
        QCOMPARE(result.differences.size(), 1);
        const SchemaChange &left = result.differences.constFirst();
        QCOMPARE(left.kind, SchemaChange::Kind::Column);
        QCOMPARE(left.what, SchemaChange::What::Added);
        QCOMPARE(left.path, u"public.t_a1.rating"_s);
        QVERIFY2(result.error.contains(u"public.t_a1.rating"_s), qPrintable(result.error));
        QVERIFY(!result.error.contains(u"note"_s));
        QVERIFY(columnExists(url, "t_a1", "rating"));
        // No second upgrade on a schema the downgrade did not restore.
        QVERIFY(result.run.verification.fingerprintReupgraded.isEmpty());
        QCOMPARE(result.run.steps.constLast().status, RunStatus::Planned);
        QCOMPARE(versionsOf(url), QStringList{u"a1"_s});

        const RunRecord journalled = h.journal.run(result.run.id);
        QCOMPARE(journalled.status, RunStatus::Failed);
        QVERIFY(!journalled.verification.equal);
        QVERIFY2(journalled.verification.difference.contains(u"+ column public.t_a1.rating"_s),
                 qPrintable(journalled.verification.difference));
        QCOMPARE(journalled.steps.at(0).status, RunStatus::Succeeded);
        QCOMPARE(journalled.steps.at(1).status, RunStatus::Succeeded);
        const QString markdown = RunReport::toMarkdown(journalled);
        QVERIFY2(markdown.contains(u"**The downgrade did not restore the schema.**"_s), qPrintable(markdown));
        QVERIFY(markdown.contains(u"+ column public.t_a1.rating"_s));
    }

    void aDowngradeThatDoesNothingIsCaught()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(test::reversibleProject(dir, "    op.add_column('t_a1', sa.Column('note', sa.Text))", "    pass"));
        const VerificationResult result = h.verify(url, {}, u"a2"_s);
        QCOMPARE(result.outcome, VerificationResult::Outcome::Differs);
        QCOMPARE(result.differences.size(), 1);
        QCOMPARE(result.differences.constFirst().path, u"public.t_a1.note"_s);
    }

    void aDowngradeThatRaisesIsAFailedStep()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        const QString root = test::reversibleProject(dir, "    op.add_column('t_a1', sa.Column('note', sa.Text))",
                                                     "    op.drop_column('t_a1', 'note')\n"
                                                     "    raise RuntimeError('no way back')");
        Harness h(root);
        const VerificationResult result = h.verify(url, {}, u"a2"_s);
        QCOMPARE(result.outcome, VerificationResult::Outcome::StepFailed);
        QCOMPARE(result.failedStep.revision, u"a2"_s);
        QVERIFY(!result.failedStep.upgrade);
        QCOMPARE(result.failedStep.index, 1);
        QCOMPARE(result.failedStep.error.type, u"RuntimeError"_s);
        QVERIFY(result.failedStep.error.userFrame(root).file.endsWith(u"a2.py"_s));
        QVERIFY2(result.error.contains(u"downgrade"_s) && result.error.contains(u"no way back"_s),
                 qPrintable(result.error));
        QVERIFY(result.run.verification.fingerprintDowngraded.isEmpty());
        QVERIFY(!result.run.verification.fingerprintUpgraded.isEmpty());
        // The downgrade's transaction rolled back: the column and a2 are still there.
        QCOMPARE(versionsOf(url), QStringList{u"a2"_s});
        QVERIFY(columnExists(url, "t_a1", "note"));
        const RunRecord journalled = h.journal.run(result.run.id);
        QCOMPARE(journalled.status, RunStatus::Failed);
        QCOMPARE(journalled.steps.at(1).status, RunStatus::Failed);
        QCOMPARE(journalled.steps.at(1).error.type, u"RuntimeError"_s);
        QVERIFY(RunReport::toMarkdown(journalled).contains(u"**No verdict:**"_s));
    }

    void aDatabaseAboveTheStartIsRefused()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(test::reversibleProject(dir, "    op.add_column('t_a1', sa.Column('note', sa.Text))",
                                          "    op.drop_column('t_a1', 'note')"));
        QVERIFY(h.upgrade(url, u"a2"_s));
        const VerificationResult result = h.verify(url, {}, u"a2"_s);
        QCOMPARE(result.outcome, VerificationResult::Outcome::Failed);
        QVERIFY2(result.error.contains(u"already has a2 applied"_s), qPrintable(result.error));
        QCOMPARE(result.run.id, 0);
        QVERIFY(h.journal.runs().isEmpty());
        QCOMPARE(versionsOf(url), QStringList{u"a2"_s});
    }

    void theRunLockIsHeldAcrossTheWholeVerification()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(test::reversibleProject(dir, "    op.add_column('t_a1', sa.Column('note', sa.Text))",
                                          "    op.drop_column('t_a1', 'note')"));
        QVERIFY(h.upgrade(url, u"a1"_s));
        // Between the upgrade run and the downgrade run, another run cannot take the lock.
        QString between;
        QObject::connect(h.verifier.get(), &RollbackVerifier::phaseChanged, h.verifier.get(),
                         [&](RollbackVerifier::Phase phase) {
                             if (phase != RollbackVerifier::Phase::Upgraded)
                                 return;
                             RunDatabase other;
                             between = other.open(url, u"another run"_s);
                             if (between.isEmpty())
                                 between = other.lock();
                             if (between.isEmpty())
                                 between = u"the lock was free"_s;
                         });
        const VerificationResult result = h.verify(url, {}, u"a2"_s);
        QCOMPARE(result.outcome, VerificationResult::Outcome::Restored);
        QVERIFY2(between.contains(u"rollback verification"_s), qPrintable(between));
        // Afterwards it is free again.
        RunDatabase after;
        QCOMPARE(after.open(url, u"after"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(after.lock(), QString(), kTimeoutMs);
    }

    void aVerificationWhileAnotherRunHoldsTheLockRunsNothing()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(test::reversibleProject(dir, "    op.add_column('t_a1', sa.Column('note', sa.Text))",
                                          "    op.drop_column('t_a1', 'note')"));
        QVERIFY(h.upgrade(url, u"a1"_s));
        RunDatabase holder;
        QCOMPARE(holder.open(url, u"Retort run by someone@elsewhere"_s), QString());
        QCOMPARE(holder.lock(), QString());
        const VerificationResult result = h.verify(url, {}, u"a2"_s);
        QCOMPARE(result.outcome, VerificationResult::Outcome::Failed);
        QVERIFY2(result.error.startsWith(u"Nothing ran"_s) && result.error.contains(u"someone@elsewhere"_s),
                 qPrintable(result.error));
        QCOMPARE(versionsOf(url), QStringList{u"a1"_s});
    }

    void cancelStopsBeforeTheNextPhase()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        Harness h(test::reversibleProject(dir, "    op.add_column('t_a1', sa.Column('note', sa.Text))",
                                          "    op.drop_column('t_a1', 'note')"));
        QVERIFY(h.upgrade(url, u"a1"_s));
        QObject::connect(h.verifier.get(), &RollbackVerifier::phaseChanged, h.verifier.get(),
                         [&h](RollbackVerifier::Phase phase) {
                             if (phase == RollbackVerifier::Phase::Upgraded)
                                 h.verifier->cancel();
                         });
        const VerificationResult result = h.verify(url, {}, u"a2"_s);
        QCOMPARE(result.outcome, VerificationResult::Outcome::Cancelled);
        QCOMPARE(result.run.status, RunStatus::Cancelled);
        QCOMPARE(result.run.steps.at(0).status, RunStatus::Succeeded);
        QCOMPARE(result.run.steps.at(1).status, RunStatus::Planned);
        QCOMPARE(h.journal.run(result.run.id).status, RunStatus::Cancelled);
        QCOMPARE(versionsOf(url), QStringList{u"a2"_s});
    }
};

QTEST_GUILESS_MAIN(TestRollbackVerifier)
#include "tst_rollbackverifier.moc"
