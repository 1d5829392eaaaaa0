// retort-cli run end to end: real PostgreSQL (PostgresServer), real Alembic, the demo project up to
// its heads and back down step by step, and the exit codes a CI job acts on.
#include "postgresserver.h"
#include "project.h"
#include "rundatabase.h"
#include "runplan.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "alembicprojectwriter.h"
#include "serverfolder.h"

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString kCli = QStringLiteral(RETORT_CLI_PATH);
const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const { return u"exit %1\n--- stdout\n%2\n--- stderr\n%3"_s.arg(exitCode).arg(out.left(4000), err.left(4000)); }
};

Run cli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DATABASE_URL"_s);
    env.remove(u"RETORT_DATABASE_URL"_s);
    process.setProcessEnvironment(env);
    process.start(kCli, QStringList{u"run"_s} + arguments + QStringList{u"--python"_s, u"/usr/bin/python3"_s});
    Run result;
    if (!process.waitForStarted(30'000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(240'000))
        process.kill();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QStringList versionsOf(const QString &url)
{
    RunDatabase database;
    if (!database.open(url, u"test"_s).isEmpty())
        return {u"<unreachable>"_s};
    return database.readVersions().revisions;
}

} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    int m_databases = 0;

    QString freshDatabase()
    {
        const QString name = u"cli%1"_s.arg(++m_databases);
        QString error;
        if (!m_server->createDatabase(name, &error))
            qFatal("cannot create %s: %s", qPrintable(name), qPrintable(error));
        return m_server->sqlalchemyUrl(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QVERIFY(m_dir.isValid());
        QVERIFY(test::openToServerUser(m_dir.path()));
        m_server = std::make_unique<PostgresServer>(m_dir.filePath(u"pg"_s));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.reset(); }

    void upgradesTheDemoToItsHeadsAndStepsBackDown()
    {
        const QString url = freshDatabase();
        const Project demo = Project::load(kDemo);
        const RunPlan plan = RunPlan::make(demo.graph(), {}, u"heads"_s, true);
        Run run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"heads"_s, u"--lock-timeout"_s, u"5s"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), plan.versionsAtEnd());
        for (const RunPlanStep &step : plan.steps)
            QVERIFY2(run.out.contains(u"upgrade "_s + step.revision), qPrintable(step.revision));
        QVERIFY(run.out.contains(u"CREATE TABLE users"_s));
        QVERIFY(!run.out.contains(m_server->password()));
        QVERIFY(run.out.contains(u"Run succeeded"_s));

        // Down with --step: one step, "y" for the second, "n" stops before the third.
        const RunPlan down = RunPlan::make(demo.graph(), plan.versionsAtEnd(), u"base"_s, false);
        run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"base"_s, u"--step"_s}, "y\nn\n");
        QVERIFY2(run.exitCode == 4, qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), down.steps.at(1).versionsAfter);
        QVERIFY(run.err.contains(u"Step 2 of %1 done"_s.arg(down.steps.size())));

        // Already there: nothing to do.
        run = cli({kDemo, u"--db"_s, url, u"--to"_s, down.steps.at(1).versionsAfter.join(u',').section(u',', 0, 0),
                   u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    }

    void exitCodesSayWhatWentWrong()
    {
        const QString url = freshDatabase();
        Run run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"nosuchrevision"_s});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY(run.err.contains(u"nosuchrevision"_s));

        run = cli({kDemo, u"--db"_s, u"postgresql://nobody@127.0.0.1:1/none"_s, u"--to"_s, u"heads"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY(run.err.contains(u"127.0.0.1:1"_s));

        run = cli({kDemo, u"--db"_s, url, u"--to"_s, u"heads"_s, u"--lock-timeout"_s, u"soon"_s});
        QVERIFY2(run.exitCode == 64, qPrintable(run.describe()));

        QTemporaryDir dir;
        const QString root = test::makeProject(
            dir, {{u"a1.py"_s, test::revisionSource("a1", {}, "    raise ValueError('no backfill yet')")}},
            "from alembic import context\nfrom sqlalchemy import create_engine\n"
            "with create_engine(context.config.get_main_option('sqlalchemy.url')).connect() as c:\n"
            "    context.configure(connection=c)\n    with context.begin_transaction():\n        context.run_migrations()\n");
        run = cli({root, u"--db"_s, url, u"--to"_s, u"heads"_s});
        QVERIFY2(run.exitCode == 3, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(u"a1.py:"_s) && run.err.contains(u"no backfill yet"_s), qPrintable(run.describe()));
        QCOMPARE(versionsOf(url), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_clirun.moc"
