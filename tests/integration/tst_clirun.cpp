// retort-cli run end to end: real PostgreSQL (PostgresServer), real Alembic, the demo project up to
// its heads and back down step by step, and the exit codes a CI job acts on.
#include "postgresserver.h"
#include "project.h"
#include "runplan.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "alembicprojectwriter.h"
#include "alembicversions.h"
#include "processrun.h"
#include "scratchserver.h"

using namespace retort;
using namespace Qt::StringLiterals;
using retort::test::versionsOf;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");

using Run = test::ProcessRun<QString>;

QTemporaryDir &journalFolder()
{
    static QTemporaryDir folder;
    return folder;
}

QString journalPath()
{
    return journalFolder().filePath(u"runs.sqlite"_s);
}

Run cli(const QStringList &arguments, const QByteArray &input = {}, const QString &command = u"run"_s)
{
    return test::runJournalledCli(command, arguments, journalPath(), input);
}

} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server{u"cli"_s};

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void upgradesTheDemoToItsHeadsAndStepsBackDown()
    {
        const QString url = m_server.freshDatabase();
        const Project demo = Project::load(kDemo);
        const RunPlan plan = RunPlan::make(demo.graph(), {}, u"heads"_s, true);
        Run run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"heads"_s, u"--lock-timeout"_s, u"5s"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), plan.versionsAtEnd());
        for (const RunPlanStep &step : plan.steps)
            QVERIFY2(run.out.contains(u"upgrade "_s + step.revision), qPrintable(step.revision));
        QVERIFY(run.out.contains(u"CREATE TABLE users"_s));
        QVERIFY(!run.out.contains(m_server->password()));
        QVERIFY(run.out.contains(QRegularExpression(u"Run \\d+ succeeded"_s)));
        // Each step's lines together and in order (its first line, its statements, its end), although
        // the next step starts before the one before it has been checked.
        qsizetype next = 1;
        bool ended = true;
        for (const QString &line : run.out.split(u'\n')) {
            if (line.startsWith(u'[')) {
                QVERIFY2(ended && line.startsWith(u"[%1/"_s.arg(next)), qPrintable(run.out));
                ++next;
                ended = false;
            } else if (line.startsWith(u"    succeeded in "_s)) {
                QVERIFY2(!ended, qPrintable(run.out));
                ended = true;
            }
        }
        QCOMPARE(next, plan.steps.size() + 1);

        // Down with --step: one step, "y" for the second, "n" stops before the third.
        const RunPlan down = RunPlan::make(demo.graph(), plan.versionsAtEnd(), u"base"_s, false);
        run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"base"_s, u"--step"_s}, "y\nn\n");
        QVERIFY2(run.exitCode == 4, qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), down.steps.at(1).versionsAfter);
        QVERIFY(run.err.contains(u"Step 2 of %1 done"_s.arg(down.steps.size())));

        // Both runs are in the journal, the second one stopped, and each can be printed as a report.
        run = cli({}, {}, u"runs"_s);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(u"\tcancelled\tdowngrade base"_s), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).contains(u"\tsucceeded\tupgrade heads"_s), qPrintable(lines.at(1)));
        QVERIFY(!run.out.contains(m_server->password()));
        const QString firstId = lines.at(1).section(u'\t', 0, 0);
        run = cli({u"--show"_s, firstId}, {}, u"runs"_s);
        QVERIFY2(run.exitCode == 0 && run.out.contains(u"CREATE TABLE users"_s), qPrintable(run.describe()));
        run = cli({u"--show"_s, firstId, u"--json"_s}, {}, u"runs"_s);
        QVERIFY2(run.exitCode == 0 && run.out.trimmed().startsWith(u'{'), qPrintable(run.describe()));
        QVERIFY(!run.out.contains(m_server->password()));

        // Already there: nothing to do.
        run = cli({kDemo, u"--db"_s, url, u"--to"_s, down.steps.at(1).versionsAfter.join(u',').section(u',', 0, 0),
                   u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    }

    void exitCodesSayWhatWentWrong()
    {
        const QString url = m_server.freshDatabase();
        Run run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"nosuchrevision"_s});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY(run.err.contains(u"nosuchrevision"_s));

        run = cli({kDemo, u"--db"_s, u"postgresql://nobody@127.0.0.1:1/none"_s, u"--to"_s, u"heads"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY(run.err.contains(u"127.0.0.1:1"_s));

        run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"heads"_s, u"--lock-timeout"_s, u"soon"_s});
        QVERIFY2(run.exitCode == 64, qPrintable(run.describe()));

        // A journal that cannot be written: nothing runs.
        run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"heads"_s, u"--journal"_s, u"/proc/no/runs.sqlite"_s});
        QVERIFY2(run.exitCode == 74, qPrintable(run.describe()));
        QVERIFY(run.err.contains(u"/proc/no/runs.sqlite"_s));
        QCOMPARE(versionsOf(url), QStringList());

        QTemporaryDir dir;
        const QString root = test::makeProject(
            dir, {{u"a1.py"_s, test::revisionSource("a1", {}, "    raise ValueError('no backfill yet')")}},
            test::onlineEnvPy);
        run = cli({root, u"--db"_s, url, u"--to"_s, u"heads"_s});
        QVERIFY2(run.exitCode == 3, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(u"a1.py:"_s) && run.err.contains(u"no backfill yet"_s), qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_clirun.moc"
