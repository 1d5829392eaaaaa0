// retort-cli verify end to end: real PostgreSQL (PostgresServer), real Alembic, the demo project's
// downgrades verified one revision at a time and as a range, and projects whose downgrade leaves a
// column behind or raises, with the exit codes a CI job acts on and the journal's reports.
#include "alembicprojectwriter.h"
#include "alembicversions.h"
#include "processrun.h"
#include "postgresserver.h"
#include "project.h"
#include "runplan.h"
#include "scratchserver.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;
using retort::test::versionsOf;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");

using Run = test::ProcessRun<QString>;

Run cli(const QString &command, const QStringList &arguments, const QString &journal)
{
    return test::runJournalledCli(command, arguments, journal);
}

/// a1 creates t_a1, a2 runs \a upgrade and \a downgrade, a3 creates t_a3.
QString projectWith(const QTemporaryDir &dir, const QByteArray &upgrade, const QByteArray &downgrade)
{
    const QByteArray a3 = test::reversibleRevision(
        "a3", "a2", "    op.create_table('t_a3', sa.Column('id', sa.Integer))", "    op.drop_table('t_a3')");
    return test::reversibleProject(dir, upgrade, downgrade, {{u"a3.py"_s, a3}});
}

/// The lines of \a text that start with \a prefix.
QStringList linesStartingWith(const QString &text, const QString &prefix)
{
    QStringList found;
    for (const QString &line : text.split(u'\n'))
        if (line.startsWith(prefix))
            found.append(line);
    return found;
}

} // namespace

class TestCliVerify : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server{u"cliverify"_s};

    QString journal(const QString &name) const { return m_server.filePath(name + u".sqlite"_s); }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void theDemosDowngradesAreVerifiedOneAtATime()
    {
        const QString url = m_server.freshDatabase();
        const QString runs = journal(u"demo"_s);
        const Run run = cli(u"verify"_s, {kDemo, u"--db"_s, url}, runs);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const RunPlan plan = RunPlan::make(Project::load(kDemo).graph(), {}, u"heads"_s, true);
        QCOMPARE(plan.steps.size(), 17);
        const QStringList ok = linesStartingWith(run.out, u"OK       "_s);
        QCOMPARE(ok.size(), plan.steps.size());
        for (qsizetype i = 0; i < plan.steps.size(); ++i)
            QVERIFY2(ok.at(i).startsWith(u"OK       "_s + plan.steps.at(i).revision + u"  "_s), qPrintable(ok.at(i)));
        QVERIFY(linesStartingWith(run.out, u"DIFFERS"_s).isEmpty());
        QVERIFY(run.out.contains(u"Verified: 17 of 17 verifications restored the schema"_s));
        QVERIFY(run.out.contains(u"note: public.books has its columns in another order"_s));
        QVERIFY(!run.out.contains(m_server->password()) && !run.err.contains(m_server->password()));

        // Each verification is a Verify run in the journal, and its report says the verdict.
        const Run listing = cli(u"runs"_s, {}, runs);
        QVERIFY2(listing.exitCode == 0, qPrintable(listing.describe()));
        const QStringList verifyRuns =
            listing.out.split(u'\n', Qt::SkipEmptyParts).filter(QRegularExpression(u"\tsucceeded\tverify "_s));
        QCOMPARE(verifyRuns.size(), 17);
        const QRegularExpression runId(u"72162e8679fa  .*\\(run (\\d+)\\)"_s);
        const QRegularExpressionMatch match = runId.match(run.out);
        QVERIFY2(match.hasMatch(), qPrintable(run.out));
        const Run shown = cli(u"runs"_s, {u"--show"_s, match.captured(1)}, runs);
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
        QVERIFY2(shown.out.startsWith(u"# Rollback verification "_s + match.captured(1) + u": `72162e8679fa`"_s),
                 qPrintable(shown.out.left(400)));
        QVERIFY(shown.out.contains(u"The downgrade restored the schema"_s));
        QVERIFY(
            shown.out.contains(u"| 2 | `72162e8679fa` drop legacy books.shelf_code column | downgrade | succeeded"_s));
    }

    void aRangeIsVerifiedTogetherAndUpgradedAgain()
    {
        const QString url = m_server.freshDatabase();
        const Run run =
            cli(u"verify"_s, {kDemo, u"--db"_s, url, u"--range"_s, u"3394463073c0:b8e2d94c17a5"_s, u"--reupgrade"_s},
                journal(u"range"_s));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(u"OK       3394463073c0:b8e2d94c17a5 (3 revisions)"_s), qPrintable(run.describe()));
        // The database was below the range's start: upgraded to it first, then verified and upgraded again.
        QCOMPARE(versionsOf(url), QStringList{u"b8e2d94c17a5"_s});
        const Run listing = cli(u"runs"_s, {}, journal(u"range"_s));
        QVERIFY2(listing.out.contains(u"\tsucceeded\tupgrade f4a63533f1d0"_s), qPrintable(listing.out));
        QVERIFY2(listing.out.contains(u"\tsucceeded\tverify 3394463073c0:b8e2d94c17a5"_s), qPrintable(listing.out));
    }

    void aDowngradeThatLeavesAColumnExitsFive()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        const QString root = projectWith(dir,
                                         "    op.add_column('t_a1', sa.Column('note', sa.Text))\n"
                                         "    op.add_column('t_a1', sa.Column('rating', sa.SmallInteger))",
                                         "    op.drop_column('t_a1', 'note')");
        const QString runs = journal(u"column"_s);
        const Run run = cli(u"verify"_s, {root, u"--db"_s, url}, runs);
        QVERIFY2(run.exitCode == 5, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(u"OK       a1"_s), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(u"DIFFERS  a2"_s), qPrintable(run.describe()));
        QVERIFY(run.out.contains(u"+ column public.t_a1.rating: smallint"_s));
        QVERIFY(!run.out.contains(u"OK       a2"_s) && !run.out.contains(u"a3  "_s));
        QVERIFY(run.out.contains(u"Not verified (stopped at the first failure): a3"_s));
        QVERIFY(run.out.contains(u"Stopped: 1 of 3"_s));

        const QRegularExpressionMatch match = QRegularExpression(u"DIFFERS  a2.*\\(run (\\d+)\\)"_s).match(run.out);
        QVERIFY(match.hasMatch());
        const Run shown = cli(u"runs"_s, {u"--show"_s, match.captured(1)}, runs);
        QVERIFY2(shown.out.contains(u"**The downgrade did not restore the schema.**"_s), qPrintable(shown.out));
        QVERIFY(shown.out.contains(u"+ column public.t_a1.rating"_s));
        const Run json = cli(u"runs"_s, {u"--show"_s, match.captured(1), u"--json"_s}, runs);
        QVERIFY2(json.out.contains(u"\"equal\": false"_s), qPrintable(json.out.left(2000)));
    }

    void aDowngradeThatRaisesExitsThree()
    {
        QTemporaryDir dir;
        const QString url = m_server.freshDatabase();
        const QString root = projectWith(dir, "    op.add_column('t_a1', sa.Column('note', sa.Text))",
                                         "    raise RuntimeError('no way back')");
        const Run run = cli(u"verify"_s, {root, u"--db"_s, url, u"--revision"_s, u"a2"_s}, journal(u"raise"_s));
        QVERIFY2(run.exitCode == 3, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(u"FAILED   a2"_s), qPrintable(run.describe()));
        QVERIFY(run.out.contains(u"The downgrade failed"_s));
        QVERIFY2(run.err.contains(u"a2.py:"_s) && run.err.contains(u"no way back"_s), qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), QStringList{u"a2"_s});
    }

    void exitCodesSayWhatWentWrong()
    {
        QTemporaryDir dir;
        const QString root = projectWith(dir, "    op.add_column('t_a1', sa.Column('note', sa.Text))",
                                         "    op.drop_column('t_a1', 'note')");
        const QString url = m_server.freshDatabase();
        const QString runs = journal(u"codes"_s);
        Run run = cli(u"verify"_s, {root, u"--db"_s, url, u"--revision"_s, u"nosuch"_s}, runs);
        QVERIFY2(run.exitCode == 2 && run.err.contains(u"nosuch"_s), qPrintable(run.describe()));
        run = cli(u"verify"_s, {root, u"--db"_s, url, u"--range"_s, u"a1"_s}, runs);
        QVERIFY2(run.exitCode == 64, qPrintable(run.describe()));
        run = cli(u"verify"_s, {root, u"--db"_s, url, u"--range"_s, u"a1:a2"_s, u"--revision"_s, u"a2"_s}, runs);
        QVERIFY2(run.exitCode == 64, qPrintable(run.describe()));
        run = cli(u"verify"_s, {root, u"--db"_s, u"postgresql://nobody@127.0.0.1:1/none"_s}, runs);
        QVERIFY2(run.exitCode == 1 && run.err.contains(u"127.0.0.1:1"_s), qPrintable(run.describe()));
        run = cli(u"verify"_s, {root, u"--db"_s, url, u"--journal"_s, u"/proc/no/runs.sqlite"_s}, runs);
        QVERIFY2(run.exitCode == 74 && run.err.contains(u"/proc/no/runs.sqlite"_s), qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), QStringList()); // nothing ran

        // Above the range's start: refused, nothing changed.
        run = cli(u"verify"_s, {root, u"--db"_s, url, u"--revision"_s, u"a1"_s, u"--reupgrade"_s}, runs);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), QStringList{u"a1"_s});
        run = cli(u"verify"_s, {root, u"--db"_s, url, u"--revision"_s, u"a1"_s}, runs);
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(u"already has a1 applied"_s), qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), QStringList{u"a1"_s});
    }
};

QTEST_GUILESS_MAIN(TestCliVerify)
#include "tst_cliverify.moc"
