// AlembicBridge against real Alembic (Debian's /usr/bin/python3 with python3-alembic): the SQL it
// returns is byte for byte what `alembic ... --sql` prints, new and merge revisions are files Alembic
// accepts, and every way the helper can fail ends in a clear error and a working bridge.
#include "alembicbridge.h"
#include "alembiccrosscheck.h"
#include "bridgecall.h"
#include "postgresserver.h"
#include "project.h"
#include "alembicprojectwriter.h"
#include "projectcopy.h"
#include "scriptfile.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "serverfolder.h"

#include <csignal>

#include <pqxx/pqxx>

using namespace retort;
using retort::test::createTable;
using retort::test::makeProject;
using retort::test::revisionSource;
using retort::test::writeExecutable;
using retort::test::writeFile;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kAlembic = QStringLiteral("/usr/bin/alembic");
const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Offline SQL needs only the dialect; the demo's env.py takes the URL from RETORT_DATABASE_URL (its
/// alembic.ini names SQLite, where batch mode cannot work offline).
const QString kOfflineUrl = QStringLiteral("postgresql://");

Run run(const QString &program, const QStringList &arguments, const QString &folder)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RETORT_DATABASE_URL"), kOfflineUrl);
    // Alembic's order of independent branches follows Python's hash seed; the bridge fixes it to 0.
    environment.insert(QStringLiteral("PYTHONHASHSEED"), QStringLiteral("0"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    process.waitForFinished(60'000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

BridgeLaunch demoLaunch(const QString &root = kDemo)
{
    return BridgeLaunch::forProject(Project::load(root).config(), kPython);
}

QJsonObject sqlRequest(const QString &revision, const QString &direction, const QString &mode = QStringLiteral("env"))
{
    return {{QStringLiteral("revision"), revision}, {QStringLiteral("direction"), direction}, {QStringLiteral("mode"), mode},
            {QStringLiteral("dialect"), QStringLiteral("postgresql")}, {QStringLiteral("url"), kOfflineUrl}};
}

} // namespace

class TestAlembicBridge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo(kAlembic).isExecutable(), "Debian's alembic (package alembic) is required");
        const Run version = run(kPython, {QStringLiteral("-c"), QStringLiteral("import alembic; print(alembic.__version__)")}, kDemo);
        QVERIFY2(version.exitCode == 0, "/usr/bin/python3 cannot import alembic (package python3-alembic)");
        m_alembicVersion = QString::fromUtf8(version.out).trimmed();
    }

    void helloReportsTheInterpreterAndVersions()
    {
        AlembicBridge bridge(demoLaunch());
        QSignalSpy started(&bridge, &AlembicBridge::started);
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY(outcome.ok);
        QCOMPARE(started.size(), 1);
        QCOMPARE(bridge.state(), AlembicBridge::State::Ready);
        QCOMPARE(bridge.versions().alembic, m_alembicVersion);
        QVERIFY(!bridge.versions().sqlalchemy.isEmpty());
        QVERIFY(bridge.versions().hasAlembic());
        QCOMPARE(bridge.versions().pid, bridge.processId());
    }

    void scriptIsAlembicsViewOfTheProject()
    {
        AlembicBridge bridge(demoLaunch());
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY(outcome.ok);
        const Project project = Project::load(kDemo);
        QCOMPARE(outcome.result.value(QStringLiteral("revisions")).toArray().size(), project.graph().size());
        QStringList heads;
        for (const QJsonValue &head : outcome.result.value(QStringLiteral("heads")).toArray())
            heads.append(head.toString());
        QCOMPARE(heads, project.graph().heads());
    }

    void sqlOfEachDemoRevisionIsWhatAlembicPrints_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("direction");
        const Project project = Project::load(kDemo);
        for (const Revision &rev : project.graph().revisions()) {
            for (const QString &direction : {QStringLiteral("up"), QStringLiteral("down")})
                QTest::addRow("%s %s", qPrintable(rev.id), qPrintable(direction)) << rev.id << direction;
        }
    }

    void sqlOfEachDemoRevisionIsWhatAlembicPrints()
    {
        QFETCH(QString, revision);
        QFETCH(QString, direction);
        const Project project = Project::load(kDemo);
        const Revision *rev = project.graph().revision(revision);
        QVERIFY(rev);
        const QStringList parents = rev->downRevisions;
        QJsonObject params = sqlRequest(revision, direction);
        QStringList alembicArguments;
        if (direction == u"up") {
            // A merge's own step is the range from one parent; Alembic's range syntax takes one start.
            if (parents.size() > 1) {
                params = {{QStringLiteral("from"), QJsonArray{parents.first()}}, {QStringLiteral("to"), revision},
                          {QStringLiteral("direction"), direction}, {QStringLiteral("mode"), QStringLiteral("env")},
                          {QStringLiteral("url"), kOfflineUrl}};
            }
            alembicArguments = {QStringLiteral("upgrade"),
                                parents.isEmpty() ? revision : parents.first() + QLatin1Char(':') + revision, QStringLiteral("--sql")};
        } else {
            alembicArguments = {QStringLiteral("downgrade"),
                                revision + QLatin1Char(':') + (parents.isEmpty() ? QStringLiteral("base") : parents.first()),
                                QStringLiteral("--sql")};
        }
        AlembicBridge bridge(demoLaunch());
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("sql"), params);
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        const Run alembic = run(kAlembic, alembicArguments, kDemo);
        QCOMPARE(alembic.exitCode, 0);
        QCOMPARE(outcome.result.value(QStringLiteral("sql")).toString(), QString::fromUtf8(alembic.out));
        QVERIFY(!alembic.out.isEmpty());
    }

    void sqlOfTheWholeHistoryIsWhatAlembicPrints()
    {
        AlembicBridge bridge(demoLaunch());
        const BridgeOutcome outcome = callAndWait(
            bridge, QStringLiteral("sql"),
            {{QStringLiteral("from"), QJsonArray{}}, {QStringLiteral("to"), QStringLiteral("heads")},
             {QStringLiteral("direction"), QStringLiteral("up")}, {QStringLiteral("url"), kOfflineUrl}});
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        const Run alembic = run(kAlembic, {QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--sql")}, kDemo);
        QCOMPARE(outcome.result.value(QStringLiteral("sql")).toString(), QString::fromUtf8(alembic.out));
    }

    void directModeUsesTheDialectAndNoEnvPy()
    {
        QTemporaryDir dir;
        const QString root = makeProject(dir, {{QStringLiteral("a1_first.py"), revisionSource("a1", "", createTable("a1"))}},
                                         "raise RuntimeError('env.py needs the application')\n");
        AlembicBridge bridge(demoLaunch(root));
        const BridgeOutcome env = callAndWait(bridge, QStringLiteral("sql"), sqlRequest(QStringLiteral("a1"), QStringLiteral("up")));
        QVERIFY(!env.ok);
        QCOMPARE(env.error.type, QStringLiteral("RuntimeError"));
        QVERIFY(env.error.hint.contains(QLatin1String("Direct")));
        QCOMPARE(QFileInfo(env.error.userFrame(root).file).fileName(), QStringLiteral("env.py"));
        QCOMPARE(env.error.userFrame(root).line, 1);

        const BridgeOutcome direct =
            callAndWait(bridge, QStringLiteral("sql"), sqlRequest(QStringLiteral("a1"), QStringLiteral("up"), QStringLiteral("direct")));
        QVERIFY2(direct.ok, qPrintable(direct.error.message));
        const QString sql = direct.result.value(QStringLiteral("sql")).toString();
        QVERIFY(sql.contains(QLatin1String("CREATE TABLE t_a1")));
        QVERIFY(sql.contains(QLatin1String("SERIAL"))); // PostgreSQL's integer primary key
        QVERIFY(!sql.contains(QLatin1String("alembic_version")));

        QJsonObject sqlite = sqlRequest(QStringLiteral("a1"), QStringLiteral("up"), QStringLiteral("direct"));
        sqlite.insert(QStringLiteral("dialect"), QStringLiteral("sqlite"));
        const BridgeOutcome lite = callAndWait(bridge, QStringLiteral("sql"), sqlite);
        QVERIFY(lite.ok);
        QVERIFY(!lite.result.value(QStringLiteral("sql")).toString().contains(QLatin1String("SERIAL")));
    }

    void aRevisionThatRaisesOnImportNamesItsFileAndLine()
    {
        QTemporaryDir dir;
        const QString root = makeProject(
            dir, {{QStringLiteral("a1_first.py"), revisionSource("a1", "", createTable("a1"))},
                  {QStringLiteral("b2_broken.py"), revisionSource("b2", "a1", createTable("b2"), "raise ValueError('broken on purpose')\n")}});
        AlembicBridge bridge(demoLaunch(root));
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("sql"), sqlRequest(QStringLiteral("a1"), QStringLiteral("up")));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.type, QStringLiteral("ValueError"));
        QCOMPARE(outcome.error.message, QStringLiteral("broken on purpose"));
        const BridgeFrame frame = outcome.error.userFrame(root);
        QCOMPARE(QFileInfo(frame.file).fileName(), QStringLiteral("b2_broken.py"));
        QCOMPARE(frame.line, 4);
        // The helper survives its project's errors.
        QVERIFY(callAndWait(bridge, QStringLiteral("hello")).ok);
    }

    void anEditThatKeepsSizeAndTimeIsStillRead()
    {
        // The helper keeps revision files compiled between runs, in a cache of its own: an edit that
        // keeps the file's size and modification time (what fools .pyc files) is read all the same,
        // by the running helper after `reload` and by a new one.
        QTemporaryDir dir;
        const QString root = makeProject(dir, {{QStringLiteral("a1_first.py"), revisionSource("a1", "", createTable("a1"))}});
        const QString path = root + QStringLiteral("/migrations/versions/a1_first.py");
        const auto messageOf = [](AlembicBridge &bridge) {
            const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
            return outcome.ok ? outcome.result.value(QStringLiteral("revisions")).toArray().at(0)[QStringLiteral("message")].toString()
                              : outcome.error.message;
        };
        AlembicBridge bridge(demoLaunch(root));
        QCOMPARE(messageOf(bridge), QStringLiteral("revision a1"));
        {
            AlembicBridge second(demoLaunch(root)); // compiled from the cache this time
            QCOMPARE(messageOf(second), QStringLiteral("revision a1"));
        }
        const QDateTime modified = QFileInfo(path).lastModified();
        QByteArray source = revisionSource("a1", "", createTable("a1"));
        source.replace("\"\"\"revision a1\"\"\"", "\"\"\"edited at 1\"\"\"");
        QVERIFY(writeFile(path, source));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.setFileTime(modified, QFileDevice::FileModificationTime));
        file.close();
        QCOMPARE(QFileInfo(path).size(), revisionSource("a1", "", createTable("a1")).size());
        QVERIFY(callAndWait(bridge, QStringLiteral("reload")).ok);
        QCOMPARE(messageOf(bridge), QStringLiteral("edited at 1"));
        AlembicBridge third(demoLaunch(root));
        QCOMPARE(messageOf(third), QStringLiteral("edited at 1"));
    }

    void aSyntaxErrorNamesItsLine()
    {
        QTemporaryDir dir;
        const QString root = makeProject(dir, {{QStringLiteral("a1_first.py"), revisionSource("a1", "", "    op.create_table(")}});
        AlembicBridge bridge(demoLaunch(root));
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.type, QStringLiteral("SyntaxError"));
        QCOMPARE(QFileInfo(outcome.error.userFrame(root).file).fileName(), QStringLiteral("a1_first.py"));
        QVERIFY(outcome.error.userFrame(root).line >= 10);
    }

    void aRevisionThatQueriesTheDatabaseGetsTheOfflineExplanation()
    {
        QTemporaryDir dir;
        const QString root = makeProject(
            dir, {{QStringLiteral("a1_reads.py"),
                   revisionSource("a1", "", "    rows = op.get_bind().execute(sa.text('select 1')).fetchall()")}});
        AlembicBridge bridge(demoLaunch(root));
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("sql"), sqlRequest(QStringLiteral("a1"), QStringLiteral("up")));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.hint.contains(QLatin1String("offline")), qPrintable(outcome.error.hint));
        const BridgeFrame frame = outcome.error.userFrame(root);
        QCOMPARE(QFileInfo(frame.file).fileName(), QStringLiteral("a1_reads.py"));
        QCOMPARE(frame.line, 11);
    }

    void whatTheProjectPrintsGoesToTheLogNotTheProtocol()
    {
        QTemporaryDir dir;
        const QString root = makeProject(
            dir, {{QStringLiteral("a1_chatty.py"), revisionSource("a1", "", createTable("a1"), "print('hello from a1')\n")}});
        AlembicBridge bridge(demoLaunch(root));
        QSignalSpy log(&bridge, &AlembicBridge::logLine);
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("sql"), sqlRequest(QStringLiteral("a1"), QStringLiteral("up")));
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        QTRY_VERIFY(std::any_of(log.cbegin(), log.cend(), [](const QList<QVariant> &args) {
            return args.constFirst().toString() == QLatin1String("hello from a1");
        }));
    }

    void oddOutputStillReachesTheLogAndTheRequestSucceeds()
    {
        // Text that is not valid UTF-8 (a surrogate, as os.listdir gives for a bad file name) and a
        // line without its end, printed while the request is worked on.
        QTemporaryDir dir;
        const QString root = makeProject(
            dir, {{QStringLiteral("a1_odd.py"), revisionSource("a1", "", createTable("a1"),
                                                               "import sys\nsys.stdout.write('bad \\udcff\\n')\n"
                                                               "sys.stdout.write('no end')\n")}});
        AlembicBridge bridge(demoLaunch(root));
        QSignalSpy log(&bridge, &AlembicBridge::logLine);
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        const auto logged = [&log](const QString &text) {
            return std::any_of(log.cbegin(), log.cend(), [&text](const QList<QVariant> &args) {
                return args.constFirst().toString().startsWith(text);
            });
        };
        QTRY_VERIFY(logged(QStringLiteral("bad ")));
        QTRY_VERIFY(logged(QStringLiteral("no end")));
    }

    void theHelperStartsUnderPythonSafePath()
    {
        // PYTHONSAFEPATH (Python 3.11+) keeps the script's folder off sys.path: the helper's own
        // modules are found all the same.
        const QByteArray before = qgetenv("PYTHONSAFEPATH");
        qputenv("PYTHONSAFEPATH", "1");
        AlembicBridge bridge(demoLaunch());
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        if (before.isNull())
            qunsetenv("PYTHONSAFEPATH");
        else
            qputenv("PYTHONSAFEPATH", before);
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
    }

    void killingTheHelperMidRequestFailsClearlyAndRestarts()
    {
        QTemporaryDir dir;
        const QString root = makeProject(
            dir, {{QStringLiteral("a1_slow.py"),
                   revisionSource("a1", "", "    import sys, time\n    print('upgrade started', file=sys.stderr, flush=True)\n    time.sleep(120)")}});
        AlembicBridge bridge(demoLaunch(root));
        QVERIFY(callAndWait(bridge, QStringLiteral("hello")).ok);
        const qint64 firstPid = bridge.processId();
        QSignalSpy log(&bridge, &AlembicBridge::logLine);
        QSignalSpy failed(&bridge, &AlembicBridge::failed);
        const quint64 id = bridge.request(QStringLiteral("sql"), sqlRequest(QStringLiteral("a1"), QStringLiteral("up")));
        const quint64 queued = bridge.request(QStringLiteral("hello"));
        QTRY_VERIFY(std::any_of(log.cbegin(), log.cend(), [](const QList<QVariant> &args) {
            return args.constFirst().toString() == QLatin1String("upgrade started");
        }));
        QSignalSpy finished(&bridge, &AlembicBridge::finished); // before the kill: the restart may answer fast
        ::kill(pid_t(firstPid), SIGKILL);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toULongLong(), id);
        const auto error = failed.at(0).at(1).value<BridgeError>();
        QCOMPARE(error.type, QStringLiteral("HelperCrashed"));
        QVERIFY2(error.message.contains(QStringLiteral("“sql”")), qPrintable(error.message));
        // The request queued behind it went to a fresh helper.
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toULongLong(), queued);
        QVERIFY(bridge.processId() != firstPid);
        QVERIFY(callAndWait(bridge, QStringLiteral("script")).ok);
    }

    void aRequestThatTakesTooLongTimesOutAndTheHelperRestarts()
    {
        QTemporaryDir dir;
        const QString root = makeProject(
            dir, {{QStringLiteral("a1_slow.py"), revisionSource("a1", "", "    import time\n    time.sleep(120)")}});
        AlembicBridge bridge(demoLaunch(root));
        QVERIFY(callAndWait(bridge, QStringLiteral("hello")).ok);
        const qint64 firstPid = bridge.processId();
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("sql"), sqlRequest(QStringLiteral("a1"), QStringLiteral("up")), 1500);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.type, QStringLiteral("Timeout"));
        QVERIFY2(outcome.error.message.contains(QLatin1String("1.5 s")), qPrintable(outcome.error.message));
        QVERIFY(callAndWait(bridge, QStringLiteral("hello")).ok);
        QVERIFY(bridge.processId() != firstPid);
        QTRY_COMPARE(::kill(pid_t(firstPid), 0), -1); // the stuck helper is gone, not left behind
    }

    void garbageOnTheHelpersOutputIsAClearError()
    {
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("fake_helper.py"));
        const QString marker = dir.filePath(QStringLiteral("garbage-printed"));
        // Answers hello, prints garbage instead of its first real answer, then behaves once restarted.
        QVERIFY(writeFile(fake, "import json, os, sys\n"
                                "marker = " + QJsonDocument(QJsonArray{marker}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + "\n"
                                "for line in sys.stdin:\n"
                                "    request = json.loads(line)\n"
                                "    if request['method'] != 'hello' and not os.path.exists(marker):\n"
                                "        open(marker, 'w').close()\n"
                                "        print('Traceback? <this is not JSON>', flush=True)\n"
                                "        continue\n"
                                "    print(json.dumps({'id': request['id'], 'result': {'alembic': '9.9', 'pid': os.getpid()}}), flush=True)\n"));
        BridgeLaunch launch = demoLaunch();
        launch.scriptPath = fake;
        AlembicBridge bridge(launch);
        const BridgeOutcome garbage = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY(!garbage.ok);
        QCOMPARE(garbage.error.type, QStringLiteral("ProtocolError"));
        QVERIFY2(garbage.error.message.contains(QLatin1String("<this is not JSON>")), qPrintable(garbage.error.message));
        const BridgeOutcome after = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY2(after.ok, qPrintable(after.error.message));
    }

    void anInterpreterWithoutAlembicIsExplained()
    {
        QTemporaryDir dir;
        // The system Python without its site packages: a real interpreter that cannot import Alembic.
        const QString python = dir.filePath(QStringLiteral("python-without-alembic"));
        QVERIFY(writeExecutable(python, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n"));
        AlembicBridge bridge(BridgeLaunch::forProject(Project::load(kDemo).config(), python));
        QSignalSpy started(&bridge, &AlembicBridge::started);
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("sql"), sqlRequest(QStringLiteral("6f4c88afc42c"), QStringLiteral("up")));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.type, QStringLiteral("AlembicMissing"));
        QVERIFY2(outcome.error.message.contains(QLatin1String("alembic")), qPrintable(outcome.error.message));
        QVERIFY2(outcome.error.hint.contains(python), qPrintable(outcome.error.hint));
        QVERIFY(outcome.error.hint.contains(QLatin1String("python3-alembic")));
        QCOMPARE(started.size(), 1);
        QVERIFY(!bridge.versions().hasAlembic());
        QVERIFY(bridge.versions().alembicError.contains(QLatin1String("alembic")));
    }

    void aMissingInterpreterIsExplained()
    {
        AlembicBridge bridge(BridgeLaunch::forProject(Project::load(kDemo).config(), QStringLiteral("/nonexistent/bin/python3")));
        QSignalSpy failed(&bridge, &AlembicBridge::failed);
        bridge.request(QStringLiteral("hello"));
        QCOMPARE(failed.size(), 0); // never answered from inside request()
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.type, QStringLiteral("InterpreterMissing"));
        QVERIFY(outcome.error.message.contains(QLatin1String("/nonexistent/bin/python3")));
        QTRY_COMPARE(failed.size(), 2);
    }

    void anInterpreterThatCannotRunTheHelperIsExplained()
    {
        QTemporaryDir dir;
        // What Python 2 does with the helper: a syntax error on stderr and exit status 1.
        const QString python = dir.filePath(QStringLiteral("python2"));
        QVERIFY(writeExecutable(python, "#!/bin/sh\necho 'SyntaxError: invalid syntax' >&2\nexit 1\n"));
        AlembicBridge bridge(BridgeLaunch::forProject(Project::load(kDemo).config(), python));
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.type, QStringLiteral("HelperCrashed"));
        QVERIFY2(outcome.error.message.contains(QLatin1String("SyntaxError: invalid syntax")), qPrintable(outcome.error.message));
        QVERIFY(outcome.error.hint.contains(QLatin1String("Python 3")));
    }

    void newAndMergeRevisionsAreFilesAlembicAccepts()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::copyTree(kDemo, dir.path()));
        AlembicBridge bridge(demoLaunch(dir.path()));
        const BridgeOutcome created = callAndWait(
            bridge, QStringLiteral("revision"),
            {{QStringLiteral("message"), QStringLiteral("add a wishlist")}, {QStringLiteral("head"), QStringLiteral("09360dc33310")}});
        QVERIFY2(created.ok, qPrintable(created.error.message));
        const QString newId = created.result.value(QStringLiteral("revision")).toString();
        QVERIFY(QFileInfo::exists(created.result.value(QStringLiteral("path")).toString()));
        Project project = Project::load(dir.path());
        QVERIFY(project.graph().revision(newId));
        QCOMPARE(project.graph().revision(newId)->downRevisions, QStringList{QStringLiteral("09360dc33310")});
        QCOMPARE(project.graph().heads().size(), 2);

        const BridgeOutcome merged = callAndWait(
            bridge, QStringLiteral("merge"),
            {{QStringLiteral("revisions"), QJsonArray::fromStringList(project.graph().heads())},
             {QStringLiteral("message"), QStringLiteral("merge wishlist and audit")}});
        QVERIFY2(merged.ok, qPrintable(merged.error.message));
        project = Project::load(dir.path());
        QCOMPARE(project.graph().heads(), QStringList{merged.result.value(QStringLiteral("revision")).toString()});
        const Run heads = run(kAlembic, {QStringLiteral("heads")}, dir.path());
        QCOMPARE(heads.exitCode, 0);
        QCOMPARE(heads.out.trimmed().split('\n').size(), 1);
        QVERIFY(heads.out.startsWith(merged.result.value(QStringLiteral("revision")).toString().toUtf8()));
    }

    void crossCheckOfTheDemoAgrees()
    {
        AlembicBridge bridge(demoLaunch());
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        const Project project = Project::load(kDemo);
        QVERIFY(project.graph().size() >= 15);
        const AlembicCrossCheck check = AlembicCrossCheck::compare(project.graph(), outcome.result);
        QStringList messages;
        for (const CrossCheckDisagreement &d : check.disagreements())
            messages.append(d.message);
        QVERIFY2(check.agrees(), qPrintable(messages.join(QLatin1String("; "))));
        QVERIFY(check.resolved().isEmpty()); // every value in the demo is a literal

        // The same answer against a graph missing a revision is not an agreement.
        QList<Revision> fewer = project.graph().revisions();
        fewer.removeIf([](const Revision &rev) { return rev.id == QLatin1String("audit_0002"); });
        QVERIFY(!AlembicCrossCheck::compare(RevisionGraph::build(fewer), outcome.result).agrees());
    }

    void crossCheckFillsInAComputedBranchLabel()
    {
        QTemporaryDir dir;
        const QString root = makeProject(
            dir, {{QStringLiteral("a1_first.py"), revisionSource("a1", "", createTable("a1"))},
                  {QStringLiteral("b2_expand.py"),
                   "\"\"\"expand\"\"\"\nimport types\nfrom alembic import op\nimport sqlalchemy as sa\n"
                   "migration = types.SimpleNamespace(EXPAND_BRANCH='expand', PARENT='a' + '1')\n"
                   "revision = 'b2'\ndown_revision = migration.PARENT\n"
                   "branch_labels = (migration.EXPAND_BRANCH,)\ndepends_on = None\n\n\n"
                   "def upgrade():\n" + createTable("b2") + "\n\n\ndef downgrade():\n    op.drop_table('t_b2')\n"}});
        const Project project = Project::load(root);
        const Revision *expand = project.graph().revision(QStringLiteral("b2"));
        QVERIFY(expand);
        QVERIFY(expand->branchLabelsUnresolved);
        QVERIFY(expand->downRevisionUnresolved);

        AlembicBridge bridge(demoLaunch(root));
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        QStringList alembicLabels;
        for (const QJsonValue &rev : outcome.result.value(QStringLiteral("revisions")).toArray()) {
            if (rev.toObject().value(QStringLiteral("revision")).toString() == u"b2")
                for (const QJsonValue &label : rev.toObject().value(QStringLiteral("branch_labels")).toArray())
                    alembicLabels.append(label.toString());
        }
        QCOMPARE(alembicLabels, QStringList{QStringLiteral("expand")});

        const AlembicCrossCheck check = AlembicCrossCheck::compare(project.graph(), outcome.result);
        QStringList messages;
        for (const CrossCheckDisagreement &d : check.disagreements())
            messages.append(d.message);
        QVERIFY2(check.agrees(), qPrintable(messages.join(QLatin1String("; "))));
        const CrossCheckResolved *resolved = check.resolvedFor(QStringLiteral("b2"));
        QVERIFY(resolved);
        QCOMPARE(resolved->branchLabels, std::optional<QStringList>(alembicLabels));
        QCOMPARE(resolved->downRevisions, std::optional<QStringList>(QStringList{QStringLiteral("a1")}));
        QVERIFY(!resolved->dependsOn); // a literal None, read statically
    }

    void autogenerateComparesTheModelsWithTheDatabase()
    {
        QTemporaryDir dir;
        // A project whose env.py has models and reaches a database (an SQLite file: no server needed).
        const QString root = makeProject(
            dir, {{QStringLiteral("a1_first.py"), revisionSource("a1", "", createTable("a1"))}},
            "from alembic import context\n"
            "import sqlalchemy as sa\n"
            "metadata = sa.MetaData()\n"
            "sa.Table('t_a1', metadata, sa.Column('id', sa.Integer, primary_key=True))\n"
            "sa.Table('wishes', metadata, sa.Column('id', sa.Integer, primary_key=True), sa.Column('title', sa.String(80)))\n"
            "engine = sa.create_engine(context.config.get_main_option('sqlalchemy.url'))\n"
            "with engine.connect() as connection:\n"
            "    context.configure(connection=connection, target_metadata=metadata)\n"
            "    with context.begin_transaction():\n"
            "        context.run_migrations()\n");
        QFile ini(root + QStringLiteral("/alembic.ini"));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///%(here)s/app.db\n");
        ini.close();
        QVERIFY(QFile::copy(kDemo + QStringLiteral("/migrations/script.py.mako"), root + QStringLiteral("/migrations/script.py.mako")));
        // The database is at a1 (t_a1 exists); the models add `wishes`.
        const Run upgraded = run(kAlembic, {QStringLiteral("upgrade"), QStringLiteral("a1")}, root);
        QVERIFY2(upgraded.exitCode == 0, upgraded.err.constData());
        AlembicBridge bridge(demoLaunch(root));
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("revision"),
                                                  {{QStringLiteral("message"), QStringLiteral("add wishes")},
                                                   {QStringLiteral("autogenerate"), true}});
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        QFile created(outcome.result.value(QStringLiteral("path")).toString());
        QVERIFY(created.open(QIODevice::ReadOnly));
        const QByteArray source = created.readAll();
        QVERIFY2(source.contains("op.create_table('wishes'"), source.constData());
        QVERIFY(!source.contains("op.create_table('t_a1'"));
        QCOMPARE(Project::load(root).graph().parents(outcome.result.value(QStringLiteral("revision")).toString()),
                 QStringList{QStringLiteral("a1")});
    }

    void upgradePreparesARealDatabase()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        PostgresServer server(dir.filePath(QStringLiteral("pg")));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY2(server.createDatabase(QStringLiteral("demo"), &error), qPrintable(error));
        AlembicBridge bridge(demoLaunch());
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("upgrade"),
                                                  {{QStringLiteral("url"), server.sqlalchemyUrl(QStringLiteral("demo"))}});
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        pqxx::connection connection(server.connectionString(QStringLiteral("demo")).toStdString());
        pqxx::nontransaction work(connection);
        QStringList versions;
        for (const auto &row : work.exec("SELECT version_num FROM alembic_version ORDER BY 1"))
            versions.append(QString::fromStdString(row[0].as<std::string>()));
        QStringList heads = Project::load(kDemo).graph().heads();
        heads.sort();
        QCOMPARE(versions, heads);
        QCOMPARE(work.exec1("SELECT count(*) FROM information_schema.tables WHERE table_name = 'books'")[0].as<int>(), 1);
        // Without a URL it refuses rather than touching the project's configured database.
        const BridgeOutcome refused = callAndWait(bridge, QStringLiteral("upgrade"));
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.type, QStringLiteral("BadRequest"));

        // An env.py that takes its URL from somewhere else is not run against that other database.
        QTemporaryDir project;
        const QString root = makeProject(
            project, {{QStringLiteral("a1_first.py"), revisionSource("a1", "", createTable("a1"))}},
            "import os\nfrom alembic import context\nimport sqlalchemy as sa\n"
            "engine = sa.create_engine(os.environ['OTHER_DATABASE_URL'])\n"
            "with engine.connect() as connection:\n"
            "    context.configure(connection=connection)\n"
            "    with context.begin_transaction():\n"
            "        context.run_migrations()\n");
        QVERIFY2(server.createDatabase(QStringLiteral("other"), &error), qPrintable(error));
        BridgeLaunch launch = demoLaunch(root);
        launch.environment.insert(QStringLiteral("OTHER_DATABASE_URL"), server.sqlalchemyUrl(QStringLiteral("other")));
        AlembicBridge guarded(launch);
        const BridgeOutcome elsewhere = callAndWait(guarded, QStringLiteral("upgrade"),
                                                    {{QStringLiteral("url"), server.sqlalchemyUrl(QStringLiteral("demo"))}});
        QVERIFY(!elsewhere.ok);
        QCOMPARE(elsewhere.error.type, QStringLiteral("NotTheRequestedDatabase"));
        QVERIFY2(elsewhere.error.message.contains(QLatin1String("/other")), qPrintable(elsewhere.error.message));
        QVERIFY(!elsewhere.error.message.contains(server.password())); // never the password
        pqxx::connection other(server.connectionString(QStringLiteral("other")).toStdString());
        QCOMPARE(pqxx::nontransaction(other).exec1("SELECT to_regclass('alembic_version') IS NULL")[0].as<bool>(), true);
    }

    void whatTheInterpretersStartUpPrintsIsLogNotAnError()
    {
        QTemporaryDir dir;
        // A wrapper that greets on stdout before Python starts (as some sitecustomize files do).
        const QString python = dir.filePath(QStringLiteral("chatty-python"));
        QVERIFY(writeExecutable(python, "#!/bin/sh\necho 'Welcome to the corporate Python'\nexec /usr/bin/python3 \"$@\"\n"));
        AlembicBridge bridge(BridgeLaunch::forProject(Project::load(kDemo).config(), python));
        QSignalSpy log(&bridge, &AlembicBridge::logLine);
        const BridgeOutcome outcome = callAndWait(bridge, QStringLiteral("script"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error.message));
        QVERIFY(std::any_of(log.cbegin(), log.cend(), [](const QList<QVariant> &args) {
            return args.constFirst().toString() == QLatin1String("Welcome to the corporate Python");
        }));
    }

    void shutdownEndsTheHelper()
    {
        AlembicBridge bridge(demoLaunch());
        QVERIFY(callAndWait(bridge, QStringLiteral("hello")).ok);
        const qint64 pid = bridge.processId();
        QVERIFY(pid > 0);
        bridge.shutdown();
        QCOMPARE(bridge.processId(), 0);
        QCOMPARE(::kill(pid_t(pid), 0), -1); // gone (reaped by QProcess)
    }

private:
    QString m_alembicVersion;
};

QTEST_GUILESS_MAIN(TestAlembicBridge)
#include "tst_alembicbridge.moc"
