// retort-cli end to end, against real Alembic 1.8.1 on the same projects.
//
// Alembic is part of this test, not an optional extra: when /usr/bin/alembic or Debian's
// python3-alembic is missing the test FAILS (Retort's answers mean nothing unchecked).
//
// Alembic 1.8.1 loads revision files in os.listdir() order, which depends on the file system;
// Retort (like Alembic >= 1.10) sorts them by name, and that order breaks ties in `history` and
// in plans. Where order matters, Alembic is therefore run through a two-line wrapper that sorts
// the listing (kSortedAlembic); `alembic heads` itself is also run as the plain /usr/bin/alembic.
// Plans are checked against what Alembic really runs: `alembic upgrade`/`downgrade` on a
// throw-away SQLite database, reading its "Running upgrade ..." log lines.

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "processrun.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString kCli = QStringLiteral(RETORT_CLI_PATH);
const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
const QString kBroken = QStringLiteral(RETORT_FIXTURES_DIR "/cli/broken");
const QString kBranches = QStringLiteral(RETORT_FIXTURES_DIR "/cli/branches");
const QString kAlembic = u"/usr/bin/alembic"_s;
const QString kPython = u"/usr/bin/python3"_s;

// `alembic ARGS...` with the versions listing sorted (see the comment at the top).
const QString kSortedAlembic = uR"(import sys
sys.dont_write_bytecode = True
from alembic.script import base
_list = base.Script._list_py_dir.__func__
base.Script._list_py_dir = classmethod(lambda cls, sd, path: sorted(_list(cls, sd, path)))
from alembic.config import main
main(argv=sys.argv[1:], prog="alembic")
)"_s;

const QString kMultipleHeads = u"Multiple head revisions are present for given argument 'head'; please specify a "
                               u"specific target revision, '<branchname>@head' to narrow to a specific head, or "
                               u"'heads' for all heads"_s;

using Run = retort::test::ProcessRun<QByteArray>;

Run run(const QString &program, const QStringList &arguments, const QString &workingDirectory = QString(),
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return retort::test::runProcess(program, arguments,
                                    {.workingDirectory = workingDirectory, .environment = environment});
}

Run cli(const QStringList &arguments, const QString &workingDirectory = QString())
{
    return run(kCli, arguments, workingDirectory);
}

/// Environment for Alembic: never write bytecode into the source tree, SQLite database in `db`.
QProcessEnvironment alembicEnvironment(const QString &databaseFile = QString())
{
    QProcessEnvironment env = retort::test::environmentWithoutDatabaseUrl();
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    if (!databaseFile.isEmpty())
        env.insert(u"RETORT_DATABASE_URL"_s, u"sqlite:///"_s + databaseFile);
    return env;
}

/// Real Alembic (sorted file listing) in `project`, a folder holding alembic.ini.
Run alembic(const QString &project, const QStringList &arguments, const QString &databaseFile = QString())
{
    return run(kPython, QStringList{u"-c"_s, kSortedAlembic} + arguments, project, alembicEnvironment(databaseFile));
}

QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
}

/// Revision ids from `alembic heads` lines ("09360dc33310 (head)", "audit_0002 (audit) (head)").
QStringList headIds(const QByteArray &output)
{
    QStringList ids;
    for (const QString &line : lines(output))
        ids.append(line.section(u' ', 0, 0));
    return ids;
}

/// Revision ids from `alembic history` lines ("a, b -> c (head) (mergepoint), message").
QStringList historyIds(const QByteArray &output)
{
    static const QRegularExpression entry(u"-> ([^ ,]+)"_s);
    QStringList ids;
    for (const QString &line : lines(output)) {
        const QRegularExpressionMatch match = entry.match(line);
        if (match.hasMatch())
            ids.append(match.captured(1));
    }
    return ids;
}

/// The revisions Alembic ran, from its "Running upgrade a -> b, ..." / "Running downgrade b -> a, ..." log.
QStringList ranRevisions(const QByteArray &log, bool *sawOtherDirection, bool upgrade)
{
    static const QRegularExpression up(u"Running upgrade .*?-> ([^ ,]+),"_s);
    static const QRegularExpression down(u"Running downgrade ([^ ,]+) ->"_s);
    QStringList ids;
    for (const QString &line : lines(log)) {
        const QRegularExpressionMatch u = up.match(line);
        const QRegularExpressionMatch d = down.match(line);
        if (u.hasMatch())
            ids.append(u.captured(1));
        if (d.hasMatch())
            ids.append(d.captured(1));
        if ((upgrade && d.hasMatch()) || (!upgrade && u.hasMatch()))
            *sawOtherDirection = true;
    }
    return ids;
}

/// Alembic's environment for offline SQL of the demo: its env.py reads RETORT_DATABASE_URL, and the
/// ini's SQLite cannot run batch operations offline.
QProcessEnvironment offlineSqlEnvironment()
{
    QProcessEnvironment env = alembicEnvironment();
    env.insert(u"RETORT_DATABASE_URL"_s, u"postgresql://"_s);
    return env;
}

/// A copy of a project without bytecode caches, so the copy can be changed.
bool copyProject(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (source.contains(u"__pycache__"_s) || source.endsWith(u".db"_s))
            continue;
        const QString target = to + source.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

/// `retort-cli revision`/`merge` output: "ID PATH" on one line.
bool parseCreated(const QByteArray &out, QString *id, QString *path)
{
    const QStringList words = QString::fromUtf8(out).trimmed().split(u' ');
    if (lines(out).size() != 1 || words.size() != 2)
        return false;
    *id = words.at(0);
    *path = words.at(1);
    return true;
}

/// The revision with \a id in `retort-cli graph --format json` output, or an empty object.
QJsonObject graphRevision(const QByteArray &json, const QString &id)
{
    for (const QJsonValue &value : QJsonDocument::fromJson(json).object().value(u"revisions"_s).toArray())
        if (value.toObject().value(u"revision"_s).toString() == id)
            return value.toObject();
    return {};
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

/// Steps of `retort-cli plan ... --format json`, checking the shape and every step's direction.
QStringList planSteps(const Run &result, bool upgrade, QString *problem)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (!document.isObject()) {
        *problem = u"not a JSON object: "_s + error.errorString();
        return {};
    }
    const QJsonValue steps = document.object().value(u"steps"_s);
    if (!steps.isArray()) {
        *problem = u"no \"steps\" array"_s;
        return {};
    }
    QStringList ids;
    for (const QJsonValue &step : steps.toArray()) {
        const QJsonObject object = step.toObject();
        ids.append(object.value(u"revision"_s).toString());
        if (object.value(u"direction"_s).toString() != (upgrade ? u"up"_s : u"down"_s))
            *problem = u"step %1 has direction '%2'"_s.arg(ids.last(), object.value(u"direction"_s).toString());
    }
    return ids;
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void graphJsonOnDemo();
    void headsMatchAlembicHeads();
    void graphTextMatchesAlembicHistory_data();
    void graphTextMatchesAlembicHistory();
    void graphDot();
    void graphOnBrokenProject();
    void graphFromCurrentDirectory();
    void notAnAlembicProject_data();
    void notAnAlembicProject();
    void planRefusesAProjectWithErrors();
    void planWithARelativeFromThatWalksOffTheHistory();
    void writeErrorsAreReported();
    void specialFilesDoNotHangTheScan();
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion();

    void planHeadIsAmbiguousOnDemo();
    void planMatchesAlembicRun_data();
    void planMatchesAlembicRun();
    void planOnBranchesFixture_data();
    void planOnBranchesFixture();
    void planText();
    void planBatch();

    void sqlMatchesAlembic_data();
    void sqlMatchesAlembic();
    void sqlDirectModeHasNoVersionTable();
    void sqlOfAnUnknownRevision();
    void sqlWithAMissingPython();
    void sqlNamesTheInterpreter();
    void revisionInACopyOfTheDemo();
    void revisionOptions();
    void mergeLeavesOneHead_data();
    void mergeLeavesOneHead();
};

void tst_Cli::initTestCase()
{
    QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli + u" is not built (build the retort-cli target)"_s));
    QVERIFY2(QFileInfo(kAlembic).isExecutable(),
             "/usr/bin/alembic is missing: install Debian's alembic package; this test needs real Alembic");
    const Run version = run(kPython, {u"-c"_s, u"import alembic; print(alembic.__version__)"_s});
    QVERIFY2(version.started && version.exitCode == 0,
             qPrintable(u"/usr/bin/python3 cannot import alembic (python3-alembic): "_s + version.describe()));
    QVERIFY2(QFileInfo::exists(kDemo + u"/alembic.ini"_s), qPrintable(kDemo));
}

void tst_Cli::graphJsonOnDemo()
{
    const Run result = cli({u"graph"_s, kDemo, u"--format"_s, u"json"_s});
    QVERIFY2(result.started, "retort-cli did not start");
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    QVERIFY2(document.isObject(), qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    for (const QString &key : {u"revisions"_s, u"heads"_s, u"bases"_s, u"history"_s, u"diagnostics"_s})
        QVERIFY2(root.contains(key), qPrintable(key));

    // As many revisions as Alembic knows, in the order `alembic history` prints them.
    const Run history = alembic(kDemo, {u"history"_s});
    QVERIFY2(history.exitCode == 0, qPrintable(history.describe()));
    const QStringList alembicHistory = historyIds(history.out);
    QVERIFY(alembicHistory.size() >= 15);
    QCOMPARE(root.value(u"revisions"_s).toArray().size(), alembicHistory.size());
    QCOMPARE(toStringList(root.value(u"history"_s)), alembicHistory);

    const Run heads = alembic(kDemo, {u"heads"_s});
    QVERIFY2(heads.exitCode == 0, qPrintable(heads.describe()));
    QCOMPARE(toStringList(root.value(u"heads"_s)), headIds(heads.out));
    QCOMPARE(toStringList(root.value(u"heads"_s)).size(), 2); // the demo's README promises two heads

    const QJsonArray diagnostics = root.value(u"diagnostics"_s).toArray();
    for (const QJsonValue &d : diagnostics)
        QVERIFY2(d.toObject().value(u"severity"_s).toString() != u"error",
                 qPrintable(QString::fromUtf8(QJsonDocument(d.toObject()).toJson())));

    QSet<QString> ids;
    for (const QJsonValue &value : root.value(u"revisions"_s).toArray()) {
        const QJsonObject rev = value.toObject();
        ids.insert(rev.value(u"revision"_s).toString());
        QVERIFY(rev.value(u"path"_s).toString().startsWith(kDemo + u"/migrations/versions/"_s));
        QVERIFY(rev.value(u"line"_s).toInt() > 0);
        QVERIFY(rev.value(u"down_revisions"_s).isArray());
    }
    QCOMPARE(ids, QSet<QString>(alembicHistory.cbegin(), alembicHistory.cend()));
}

void tst_Cli::headsMatchAlembicHeads()
{
    // The literal `alembic heads` (unsorted listing: compare as sets) and the sorted one (in order).
    const Run plain = run(kAlembic, {u"heads"_s}, kDemo, alembicEnvironment());
    QVERIFY2(plain.started, "/usr/bin/alembic did not start");
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.describe()));
    const Run result = cli({u"graph"_s, kDemo, u"--format"_s, u"json"_s});
    QCOMPARE(result.exitCode, 0);
    const QStringList heads = toStringList(QJsonDocument::fromJson(result.out).object().value(u"heads"_s));
    QCOMPARE(sorted(heads), sorted(headIds(plain.out)));

    const Run fixture = run(kAlembic, {u"heads"_s}, kBranches, alembicEnvironment());
    QVERIFY2(fixture.exitCode == 0, qPrintable(fixture.describe()));
    const Run fixtureGraph = cli({u"graph"_s, kBranches, u"--format"_s, u"json"_s});
    QCOMPARE(fixtureGraph.exitCode, 0);
    QCOMPARE(sorted(toStringList(QJsonDocument::fromJson(fixtureGraph.out).object().value(u"heads"_s))),
             sorted(headIds(fixture.out)));
}

void tst_Cli::graphTextMatchesAlembicHistory_data()
{
    QTest::addColumn<QString>("project");
    QTest::newRow("demo") << kDemo;
    QTest::newRow("branches") << kBranches;
}

void tst_Cli::graphTextMatchesAlembicHistory()
{
    // `graph --format text` is `alembic history`, line for line.
    QFETCH(QString, project);
    const Run history = alembic(project, {u"history"_s});
    QVERIFY2(history.exitCode == 0, qPrintable(history.describe()));
    const Run result = cli({u"graph"_s, project});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QStringList expected = lines(history.out);
    const QStringList actual = lines(result.out);
    QVERIFY(!expected.isEmpty());
    for (qsizetype i = 0; i < std::min(expected.size(), actual.size()); ++i) {
        if (actual.at(i) != expected.at(i))
            QFAIL(qPrintable(u"line %1:\n   retort: %2\n  alembic: %3"_s.arg(i + 1).arg(actual.at(i), expected.at(i))));
    }
    QCOMPARE(actual.size(), expected.size());
}

void tst_Cli::graphDot()
{
    const Run result = cli({u"graph"_s, kDemo, u"--format"_s, u"dot"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QString dot = QString::fromUtf8(result.out);
    QVERIFY(dot.startsWith(u"digraph"_s));
    QVERIFY(dot.trimmed().endsWith(u'}'));
    // audit_0001 depends_on 0c0b52f6f7f0: a dashed edge.
    QVERIFY2(dot.contains(u"\"audit_0001\" -> \"0c0b52f6f7f0\" [style=dashed]"_s), qPrintable(dot));
    QVERIFY(dot.contains(u"\"414c25a99cca\" -> \"dd3913d2ad1e\""_s));
    QVERIFY(dot.contains(u"\"414c25a99cca\" -> \"b8e2d94c17a5\""_s));
}

void tst_Cli::graphOnBrokenProject()
{
    // A file that does not parse is an error diagnostic (exit 1); the rest of the history loads.
    const Run result = cli({u"graph"_s, kBroken, u"--format"_s, u"json"_s});
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    QStringList ids;
    for (const QJsonValue &value : root.value(u"revisions"_s).toArray())
        ids.append(value.toObject().value(u"revision"_s).toString());
    QVERIFY2(ids.contains(u"1111aaaa0001"_s), qPrintable(ids.join(u", "_s)));
    QCOMPARE(toStringList(root.value(u"history"_s)), QStringList{u"1111aaaa0001"_s});
    bool pointsAtTheFile = false;
    for (const QJsonValue &value : root.value(u"diagnostics"_s).toArray()) {
        const QJsonObject d = value.toObject();
        if (d.value(u"severity"_s).toString() == u"error" &&
            d.value(u"path"_s).toString().endsWith(u"2222bbbb0002_broken.py"_s) && d.value(u"line"_s).toInt() > 0)
            pointsAtTheFile = true;
    }
    QVERIFY2(pointsAtTheFile, qPrintable(QString::fromUtf8(result.out)));

    // Text output too: the valid revision, then the diagnostic with file and line.
    const Run text = cli({u"graph"_s, kBroken});
    QCOMPARE(text.exitCode, 1);
    QVERIFY(QString::fromUtf8(text.out).contains(u"1111aaaa0001"_s));
    QVERIFY(QString::fromUtf8(text.out + text.err).contains(u"2222bbbb0002_broken.py:"_s));

    // Alembic cannot load this project at all.
    const Run alembicHeads = alembic(kBroken, {u"heads"_s});
    QVERIFY(alembicHeads.exitCode != 0);
    QVERIFY(QString::fromUtf8(alembicHeads.err).contains(u"SyntaxError"_s));
}

void tst_Cli::graphFromCurrentDirectory()
{
    const Run here = cli({u"graph"_s, u"--format"_s, u"json"_s}, kDemo);
    QCOMPARE(here.exitCode, 0);
    const Run there = cli({u"graph"_s, kDemo, u"--format"_s, u"json"_s});
    QCOMPARE(QJsonDocument::fromJson(here.out), QJsonDocument::fromJson(there.out));
    // The alembic.ini itself and the versions folder name the same project.
    const Run ini = cli({u"graph"_s, kDemo + u"/alembic.ini"_s, u"--format"_s, u"json"_s});
    QCOMPARE(ini.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(ini.out).object().value(u"history"_s),
             QJsonDocument::fromJson(there.out).object().value(u"history"_s));
}

void tst_Cli::notAnAlembicProject_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("kind"); // what PATH is
    for (const QString &command : {u"graph"_s, u"plan"_s}) {
        for (const QString &kind : {u"missing"_s, u"empty folder"_s, u"folder of other files"_s, u"a file"_s})
            QTest::newRow(qPrintable(command + u": "_s + kind)) << command << kind;
    }
}

void tst_Cli::notAnAlembicProject()
{
    // Alembic refuses all of these ("No config file", "No 'script_location' key found", "Path
    // doesn't exist"); so does retort-cli: exit 1 and a message naming the path.
    QFETCH(QString, command);
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.path();
    if (kind == u"missing") {
        path += u"/no/such/project"_s;
    } else if (kind == u"folder of other files" || kind == u"a file") {
        QFile notes(dir.filePath(u"notes.txt"_s));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a migration\n");
        notes.close();
        if (kind == u"a file")
            path = notes.fileName();
    }
    QStringList arguments{command, path};
    if (command == u"plan")
        arguments << u"--to"_s << u"heads"_s;
    const Run result = cli(arguments);
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains(path), qPrintable(err));
    QVERIFY2(err.contains(u"not an Alembic project"_s), qPrintable(err));
    QVERIFY(result.out.isEmpty());
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList();
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s, kDemo};
    QTest::newRow("graph: unknown format") << QStringList{u"graph"_s, kDemo, u"--format"_s, u"xml"_s};
    QTest::newRow("plan: unknown format") << QStringList{u"plan"_s, kDemo, u"--to"_s, u"heads"_s, u"--format"_s,
                                                         u"dot"_s};
    QTest::newRow("plan: no --to") << QStringList{u"plan"_s, kDemo};
    QTest::newRow("graph: unknown option") << QStringList{u"graph"_s, kDemo, u"--frobnicate"_s};
    QTest::newRow("graph: two paths") << QStringList{u"graph"_s, kDemo, kBranches};
    QTest::newRow("sql: no REV") << QStringList{u"sql"_s};
    QTest::newRow("sql: PATH without REV") << QStringList{u"sql"_s, kDemo};
    QTest::newRow("sql: unknown mode") << QStringList{u"sql"_s, kDemo, u"3394463073c0"_s, u"--mode"_s, u"bogus"_s};
    QTest::newRow("sql: range without end") << QStringList{u"sql"_s, kDemo, u"3394463073c0:"_s};
    QTest::newRow("merge: one revision") << QStringList{u"merge"_s, kDemo, u"09360dc33310"_s};
    QTest::newRow("merge: nothing to merge") << QStringList{u"merge"_s, kDemo};
    QTest::newRow("revision: two paths") << QStringList{u"revision"_s, kDemo, kBranches, u"-m"_s, u"x"_s};
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run result = cli(arguments);
    QVERIFY2(result.exitCode == 64, qPrintable(result.describe()));
    QVERIFY(!result.err.isEmpty());
    QVERIFY(result.out.isEmpty());
}

void tst_Cli::helpAndVersion()
{
    const Run help = cli({u"help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("graph"));
    QVERIFY(help.out.contains("plan"));
    const Run version = cli({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("retort-cli "));
}

void tst_Cli::planHeadIsAmbiguousOnDemo()
{
    const Run result = cli({u"plan"_s, kDemo, u"--to"_s, u"head"_s});
    QVERIFY2(result.exitCode == 2, qPrintable(result.describe()));
    QVERIFY2(QString::fromUtf8(result.err).contains(kMultipleHeads), qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());

    // The same words as `alembic upgrade head`.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run real = alembic(kDemo, {u"upgrade"_s, u"head"_s}, dir.filePath(u"demo.db"_s));
    QVERIFY(real.exitCode != 0);
    QVERIFY2(QString::fromUtf8(real.out + real.err).contains(u"FAILED: "_s + kMultipleHeads), qPrintable(real.describe()));
}

void tst_Cli::planMatchesAlembicRun_data()
{
    QTest::addColumn<QStringList>("setup"); // alembic commands bringing the database to the state, ';'-free
    QTest::addColumn<QString>("from");      // that state, as retort-cli --from
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("down");

    const QString heads = u"09360dc33310,audit_0002"_s;
    QTest::newRow("heads from an empty database") << QStringList() << QString() << u"heads"_s << false;
    QTest::newRow("heads from the branch point") << QStringList{u"upgrade f4a63533f1d0"_s} << u"f4a63533f1d0"_s
                                                 << u"heads"_s << false;
    QTest::newRow("heads from both branch tips")
        << QStringList{u"upgrade b8e2d94c17a5"_s, u"upgrade f4f8a9058938"_s} << u"b8e2d94c17a5,f4f8a9058938"_s
        << u"heads"_s << false;
    QTest::newRow("the merge from one branch") << QStringList{u"upgrade b8e2d94c17a5"_s} << u"b8e2d94c17a5"_s
                                               << u"414c25a99cca"_s << false;
    QTest::newRow("audit@head from an empty database") << QStringList() << QString() << u"audit@head"_s << false;
    QTest::newRow("+2 from the base") << QStringList{u"upgrade 0c0b52f6f7f0"_s} << u"0c0b52f6f7f0"_s << u"+2"_s
                                      << false;
    QTest::newRow("a partial id") << QStringList() << QString() << u"3394"_s << false;
    QTest::newRow("down to base from the heads") << QStringList{u"upgrade heads"_s} << heads << u"base"_s << true;
    QTest::newRow("down to the branch point") << QStringList{u"upgrade heads"_s} << heads << u"f4a63533f1d0"_s
                                              << true;
    QTest::newRow("down audit@base") << QStringList{u"upgrade heads"_s} << heads << u"audit@base"_s << true;
    QTest::newRow("down -2 on one line") << QStringList{u"upgrade 72162e8679fa"_s} << u"72162e8679fa"_s << u"-2"_s
                                         << true;
    QTest::newRow("down below the merge") << QStringList{u"upgrade 5eec89a786ac"_s} << u"5eec89a786ac"_s
                                          << u"dd3913d2ad1e"_s << true;
}

void tst_Cli::planMatchesAlembicRun()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, from);
    QFETCH(QString, target);
    QFETCH(bool, down);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(u"demo.db"_s);
    for (const QString &command : setup) {
        const Run step = alembic(kDemo, command.split(u' '), database);
        QVERIFY2(step.exitCode == 0, qPrintable(command + u": "_s + step.describe()));
    }
    const Run real = alembic(kDemo, {down ? u"downgrade"_s : u"upgrade"_s, target}, database);
    QVERIFY2(real.exitCode == 0, qPrintable(real.describe()));
    bool wrongDirection = false;
    const QStringList expected = ranRevisions(real.err, &wrongDirection, !down);
    QVERIFY(!wrongDirection);
    QVERIFY(!expected.isEmpty());

    QStringList arguments{u"plan"_s, kDemo, u"--to"_s, target, u"--format"_s, u"json"_s};
    if (!from.isEmpty())
        arguments << u"--from"_s << from;
    if (down)
        arguments << u"--down"_s;
    const Run result = cli(arguments);
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QString problem;
    const QStringList actual = planSteps(result, !down, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (actual != expected)
        QFAIL(qPrintable(u"\n   retort: %1\n  alembic: %2"_s.arg(actual.join(u", "_s), expected.join(u", "_s))));
}

void tst_Cli::planOnBranchesFixture_data()
{
    // Expected values from Alembic 1.8.1 (ScriptDirectory._upgrade_revs / _downgrade_revs on this
    // fixture, files loaded in name order); exit 2 rows carry the CommandError text.
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("down");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expected"); // steps, or {error message}

    const QString e01 = u"0a1b2c3d4e01"_s, e02 = u"0a1b2c3d4e02"_s, e03 = u"0a1b2c3d4e03"_s, e04 = u"0a1b2c3d4e04"_s,
                  e05 = u"0a1b2c3d4e05"_s, r01 = u"9f8e7d6c5b01"_s, r02 = u"9f8e7d6c5b02"_s;
    const QString heads = e05 + u',' + r02;
    QTest::newRow("heads") << QString() << u"heads"_s << false << 0
                           << QStringList{e01, e02, e04, e03, r01, r02, e05};
    QTest::newRow("heads from 03") << e03 << u"heads"_s << false << 0 << QStringList{r01, r02, e04, e05};
    QTest::newRow("reports@head") << QString() << u"reports@head"_s << false << 0
                                  << QStringList{e01, e02, e03, r01, r02};
    QTest::newRow("core@head from reports' base") << r01 << u"core@head"_s << false << 0
                                                  << QStringList{e02, e04, e03, e05};
    QTest::newRow("+1 at the branch point") << e02 << u"+1"_s << false << 2 << QStringList{u"Ambiguous walk"_s};
    QTest::newRow("head") << QString() << u"head"_s << false << 2 << QStringList{kMultipleHeads};
    QTest::newRow("down to base") << heads << u"base"_s << true << 0 << QStringList{e05, r02, r01, e03, e04, e02, e01};
    QTest::newRow("down to the base revision") << heads << e01 << true << 0 << QStringList{e05, r02, e03, e04, e02};
    QTest::newRow("down reports@base") << heads << u"reports@base"_s << true << 0 << QStringList{r02, r01};
    QTest::newRow("down core@02") << heads << u"core@0a1b2c3d4e02"_s << true << 2
                                  << QStringList{u"Not a valid downgrade target from current heads"_s};
    QTest::newRow("unknown revision") << QString() << u"ffff"_s << false << 2
                                      << QStringList{u"Can't locate revision identified by 'ffff'"_s};
}

void tst_Cli::planOnBranchesFixture()
{
    QFETCH(QString, from);
    QFETCH(QString, target);
    QFETCH(bool, down);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expected);

    QStringList arguments{u"plan"_s, kBranches, u"--to"_s, target, u"--format"_s, u"json"_s};
    if (!from.isEmpty())
        arguments << u"--from"_s << from;
    if (down)
        arguments << u"--down"_s;
    const Run result = cli(arguments);
    QVERIFY2(result.exitCode == exitCode, qPrintable(result.describe()));
    if (exitCode == 2) {
        QCOMPARE(QString::fromUtf8(result.err).trimmed(), u"retort-cli plan: "_s + expected.first());
        QVERIFY(result.out.isEmpty());
        return;
    }
    QString problem;
    const QStringList actual = planSteps(result, !down, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(actual, expected);
}

void tst_Cli::planText()
{
    const Run result = cli({u"plan"_s, kBranches, u"--to"_s, u"reports@head"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QStringList output = lines(result.out);
    QCOMPARE(output.size(), 5);
    QVERIFY2(output.first().startsWith(u"upgrade"_s), qPrintable(output.first()));
    QVERIFY(output.first().contains(u"0a1b2c3d4e01"_s));
    QVERIFY(output.first().contains(u"create accounts"_s));
    QVERIFY(output.last().contains(u"9f8e7d6c5b02"_s));

    const Run down = cli({u"plan"_s, kBranches, u"--from"_s, u"9f8e7d6c5b02"_s, u"--to"_s, u"reports@base"_s,
                          u"--down"_s});
    QVERIFY2(down.exitCode == 0, qPrintable(down.describe()));
    QVERIFY(lines(down.out).first().startsWith(u"downgrade"_s));

    const Run nothing = cli({u"plan"_s, kBranches, u"--from"_s, u"0a1b2c3d4e05,9f8e7d6c5b02"_s, u"--to"_s,
                             u"heads"_s});
    QVERIFY2(nothing.exitCode == 0, qPrintable(nothing.describe()));
    QCOMPARE(lines(nothing.out).size(), 1);
    QVERIFY(!nothing.out.contains("upgrade "));
}

void tst_Cli::planBatch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile queries(dir.filePath(u"queries.jsonl"_s));
    QVERIFY(queries.open(QIODevice::WriteOnly));
    queries.write("{\"from\": [], \"to\": \"reports@head\"}\n"
                  "{\"from\": [\"0a1b2c3d4e05\", \"9f8e7d6c5b02\"], \"to\": \"reports@base\", \"down\": true}\n"
                  "{\"from\": [], \"to\": \"head\"}\n");
    queries.close();
    const Run result = cli({u"plan"_s, kBranches, u"--batch"_s, queries.fileName()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QStringList answers = lines(result.out);
    QCOMPARE(answers.size(), 3);
    QString problem;
    Run first;
    first.out = answers.at(0).toUtf8();
    QCOMPARE(planSteps(first, true, &problem),
             (QStringList{u"0a1b2c3d4e01"_s, u"0a1b2c3d4e02"_s, u"0a1b2c3d4e03"_s, u"9f8e7d6c5b01"_s, u"9f8e7d6c5b02"_s}));
    Run second;
    second.out = answers.at(1).toUtf8();
    QCOMPARE(planSteps(second, false, &problem), (QStringList{u"9f8e7d6c5b02"_s, u"9f8e7d6c5b01"_s}));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(QJsonDocument::fromJson(answers.at(2).toUtf8()).object().value(u"error"_s).toString(), kMultipleHeads);
}

void tst_Cli::sqlMatchesAlembic_data()
{
    // retort-cli arguments after the project; the same range for `alembic upgrade|downgrade ... --sql`.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("alembicArguments");
    QTest::newRow("one revision") << QStringList{u"3394463073c0"_s}
                                  << QStringList{u"upgrade"_s, u"f4a63533f1d0:3394463073c0"_s, u"--sql"_s};
    QTest::newRow("one revision, down") << QStringList{u"3394463073c0"_s, u"--down"_s}
                                        << QStringList{u"downgrade"_s, u"3394463073c0:f4a63533f1d0"_s, u"--sql"_s};
    QTest::newRow("a batch revision") << QStringList{u"09360dc33310"_s}
                                      << QStringList{u"upgrade"_s, u"72162e8679fa:09360dc33310"_s, u"--sql"_s};
    QTest::newRow("a base") << QStringList{u"0c0b52f6f7f0"_s}
                            << QStringList{u"upgrade"_s, u"0c0b52f6f7f0"_s, u"--sql"_s};
    QTest::newRow("a range") << QStringList{u"f4a63533f1d0:b8e2d94c17a5"_s}
                             << QStringList{u"upgrade"_s, u"f4a63533f1d0:b8e2d94c17a5"_s, u"--sql"_s};
    QTest::newRow("a range, down") << QStringList{u"b8e2d94c17a5:f4a63533f1d0"_s, u"--down"_s}
                                   << QStringList{u"downgrade"_s, u"b8e2d94c17a5:f4a63533f1d0"_s, u"--sql"_s};
}

void tst_Cli::sqlMatchesAlembic()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, alembicArguments);
    const Run result = cli(QStringList{u"sql"_s, kDemo, u"--url"_s, u"postgresql://"_s} + arguments);
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const Run real = run(kAlembic, alembicArguments, kDemo, offlineSqlEnvironment());
    QVERIFY2(real.exitCode == 0, qPrintable(real.describe()));
    QVERIFY(real.out.contains("alembic_version"));
    QCOMPARE(QString::fromUtf8(result.out), QString::fromUtf8(real.out));
}

void tst_Cli::sqlDirectModeHasNoVersionTable()
{
    const Run result = cli({u"sql"_s, kDemo, u"3394463073c0"_s, u"--mode"_s, u"direct"_s, u"--dialect"_s, u"sqlite"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    const QString sql = QString::fromUtf8(result.out);
    QVERIFY2(sql.contains(u"CREATE TABLE orders"_s), qPrintable(sql));
    QVERIFY2(!sql.contains(u"alembic_version"_s), qPrintable(sql));
    QVERIFY2(sql.contains(u"DATETIME"_s), qPrintable(sql)); // SQLite's type, not PostgreSQL's TIMESTAMP

    const Run postgres = cli({u"sql"_s, kDemo, u"3394463073c0"_s, u"--mode"_s, u"direct"_s});
    QVERIFY2(postgres.exitCode == 0, qPrintable(postgres.describe()));
    QVERIFY(!postgres.out.contains("DATETIME"));
    QVERIFY(postgres.out.contains("TIMESTAMP"));
}

void tst_Cli::sqlOfAnUnknownRevision()
{
    const Run result = cli({u"sql"_s, kDemo, u"ffff0000"_s, u"--url"_s, u"postgresql://"_s});
    QVERIFY2(result.exitCode == 3, qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
    const QString expected = u"Can't locate revision identified by 'ffff0000'"_s;
    QVERIFY2(QString::fromUtf8(result.err).contains(expected), qPrintable(result.describe()));
    // Alembic's own words.
    const Run real = run(kAlembic, {u"upgrade"_s, u"ffff0000"_s, u"--sql"_s}, kDemo, offlineSqlEnvironment());
    QVERIFY(real.exitCode != 0);
    QVERIFY2(QString::fromUtf8(real.err).contains(expected), qPrintable(real.describe()));
}

void tst_Cli::sqlWithAMissingPython()
{
    const Run result = cli({u"sql"_s, kDemo, u"3394463073c0"_s, u"--python"_s, u"/nonexistent"_s});
    QVERIFY2(result.exitCode == 69, qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
    const QStringList errLines = lines(result.err);
    QVERIFY2(errLines.size() >= 2, qPrintable(result.describe()));
    QVERIFY2(errLines.at(1).contains(u"/nonexistent"_s), qPrintable(result.describe()));
}

void tst_Cli::sqlNamesTheInterpreter()
{
    static const QRegularExpression chosen(u"^retort-cli: Python (\\S+) \\((.+)\\)$"_s);
    const Run explicitPython = cli({u"sql"_s, kDemo, u"3394463073c0"_s, u"--url"_s, u"postgresql://"_s, u"--python"_s, kPython});
    QVERIFY2(explicitPython.exitCode == 0, qPrintable(explicitPython.describe()));
    const QRegularExpressionMatch named = chosen.match(lines(explicitPython.err).value(0));
    QVERIFY2(named.hasMatch(), qPrintable(explicitPython.describe()));
    QCOMPARE(named.captured(1), kPython);
    QVERIFY(!named.captured(2).isEmpty());

    // Found for the project: an interpreter that exists, with the reason it was chosen.
    const Run found = cli({u"sql"_s, kDemo, u"3394463073c0"_s, u"--url"_s, u"postgresql://"_s});
    QVERIFY2(found.exitCode == 0, qPrintable(found.describe()));
    const QRegularExpressionMatch located = chosen.match(lines(found.err).value(0));
    QVERIFY2(located.hasMatch(), qPrintable(found.describe()));
    QVERIFY2(QFileInfo(located.captured(1)).isExecutable(), qPrintable(located.captured(1)));
    QVERIFY(located.captured(2) != named.captured(2)); // not "chosen explicitly"
}

void tst_Cli::revisionInACopyOfTheDemo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyProject(kDemo, dir.path()));
    const Run result = cli({u"revision"_s, dir.path(), u"-m"_s, u"add a wishlist"_s, u"--head"_s, u"09360dc33310"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QString id, path;
    QVERIFY2(parseCreated(result.out, &id, &path), qPrintable(result.describe()));
    QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));
    QVERIFY2(path.startsWith(dir.path() + u"/migrations/versions/"_s), qPrintable(path));
    QVERIFY(path.endsWith(u"_add_a_wishlist.py"_s));

    const Run graph = cli({u"graph"_s, dir.path(), u"--format"_s, u"json"_s});
    QVERIFY2(graph.exitCode == 0, qPrintable(graph.describe()));
    const QJsonObject rev = graphRevision(graph.out, id);
    QVERIFY2(!rev.isEmpty(), qPrintable(QString::fromUtf8(graph.out)));
    QCOMPARE(toStringList(rev.value(u"down_revisions"_s)), QStringList{u"09360dc33310"_s});
    QCOMPARE(rev.value(u"path"_s).toString(), path);
    QCOMPARE(sorted(toStringList(QJsonDocument::fromJson(graph.out).object().value(u"heads"_s))),
             sorted({id, u"audit_0002"_s}));
    const Run heads = run(kAlembic, {u"heads"_s}, dir.path(), alembicEnvironment());
    QVERIFY2(heads.exitCode == 0, qPrintable(heads.describe()));
    QCOMPARE(sorted(headIds(heads.out)), sorted({id, u"audit_0002"_s}));
}

void tst_Cli::revisionOptions()
{
    // --depends-on with several revisions, --rev-id, and a --version-path relative to the caller's folder.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyProject(kDemo, dir.filePath(u"project"_s)));
    const QString project = dir.filePath(u"project"_s);
    const Run result = run(kCli, {u"revision"_s, u"project"_s, u"-m"_s, u"reports"_s, u"--head"_s, u"09360dc33310"_s,
                                  u"--depends-on"_s, u"audit_0001,6f4c88afc42c"_s, u"--rev-id"_s, u"abc123"_s,
                                  u"--version-path"_s, u"project/migrations/versions"_s},
                           dir.path());
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QString id, path;
    QVERIFY2(parseCreated(result.out, &id, &path), qPrintable(result.describe()));
    QCOMPARE(id, u"abc123"_s);
    QCOMPARE(path, project + u"/migrations/versions/abc123_reports.py"_s);
    const Run graph = cli({u"graph"_s, project, u"--format"_s, u"json"_s});
    QVERIFY2(graph.exitCode == 0, qPrintable(graph.describe()));
    QCOMPARE(toStringList(graphRevision(graph.out, id).value(u"depends_on"_s)),
             (QStringList{u"audit_0001"_s, u"6f4c88afc42c"_s}));
}

void tst_Cli::mergeLeavesOneHead_data()
{
    QTest::addColumn<bool>("explicitRevisions");
    QTest::newRow("heads") << false;
    QTest::newRow("two revisions, PATH from the current folder") << true;
}

void tst_Cli::mergeLeavesOneHead()
{
    QFETCH(bool, explicitRevisions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyProject(kDemo, dir.path()));
    const Run created = cli({u"revision"_s, dir.path(), u"-m"_s, u"wishlist"_s, u"--head"_s, u"09360dc33310"_s});
    QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
    QString newId, newPath;
    QVERIFY(parseCreated(created.out, &newId, &newPath));
    const Run before = run(kAlembic, {u"heads"_s}, dir.path(), alembicEnvironment());
    QCOMPARE(headIds(before.out).size(), 2);

    const Run merged = explicitRevisions
        ? run(kCli, {u"merge"_s, newId, u"audit_0002"_s, u"-m"_s, u"m"_s}, dir.path())
        : cli({u"merge"_s, dir.path(), u"heads"_s, u"-m"_s, u"m"_s});
    QVERIFY2(merged.exitCode == 0, qPrintable(merged.describe()));
    QString mergeId, mergePath;
    QVERIFY2(parseCreated(merged.out, &mergeId, &mergePath), qPrintable(merged.describe()));
    QVERIFY(QFileInfo(mergePath).isFile());

    const Run heads = run(kAlembic, {u"heads"_s}, dir.path(), alembicEnvironment());
    QVERIFY2(heads.exitCode == 0, qPrintable(heads.describe()));
    QCOMPARE(headIds(heads.out), QStringList{mergeId});
    const Run graph = cli({u"graph"_s, dir.path(), u"--format"_s, u"json"_s});
    QCOMPARE(sorted(toStringList(graphRevision(graph.out, mergeId).value(u"down_revisions"_s))),
             sorted({newId, u"audit_0002"_s}));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"

namespace {
void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}
} // namespace

void tst_Cli::planRefusesAProjectWithErrors()
{
    // Alembic will not load a project with a file it cannot import: no plan, exit 1, the error shown.
    const Run result = cli({u"plan"_s, kBroken, u"--to"_s, u"heads"_s});
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
    QVERIFY2(QString::fromUtf8(result.err).contains(u"error: syntax error"_s), qPrintable(result.describe()));

    // A missing parent: Alembic dies with a KeyError, so nothing is planned either.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(u"a.py"_s), "revision = 'a1b2'\ndown_revision = None\n");
    writeFile(dir.filePath(u"c.py"_s), "revision = 'c3d4'\ndown_revision = 'nope'\n");
    const Run missing = cli({u"plan"_s, dir.path(), u"--to"_s, u"heads"_s});
    QVERIFY2(missing.exitCode == 1, qPrintable(missing.describe()));
    QVERIFY(QString::fromUtf8(missing.err).contains(u"Revision nope referenced from c3d4 is not present"_s));
}

void tst_Cli::planWithARelativeFromThatWalksOffTheHistory()
{
    // `--from=-2` resolves to "nothing" where Alembic dereferences it and crashes: a clear error,
    // never a crash of retort-cli.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(u"a.py"_s), "revision = 'a1b2'\ndown_revision = None\n");
    writeFile(dir.filePath(u"b.py"_s), "revision = 'b3c4'\ndown_revision = 'a1b2'\n");
    for (const QString &from : {u"-3"_s, u"-50"_s}) {
        const Run up = cli({u"plan"_s, dir.path(), u"--to"_s, u"heads"_s, u"--from="_s + from});
        QVERIFY2(up.exitCode == 2, qPrintable(up.describe()));
        QVERIFY2(QString::fromUtf8(up.err).contains(u"Alembic itself fails"_s), qPrintable(up.describe()));
        const Run down = cli({u"plan"_s, dir.path(), u"--down"_s, u"--to"_s, u"base"_s, u"--from="_s + from});
        QVERIFY2(down.exitCode == 2, qPrintable(down.describe()));
    }
    // With several heads, Alembic's own answer is an ambiguous walk.
    const Run branches = cli({u"plan"_s, kBranches, u"--to"_s, u"heads"_s, u"--from=-2"_s});
    QVERIFY2(branches.exitCode == 2, qPrintable(branches.describe()));
    QVERIFY(QString::fromUtf8(branches.err).contains(u"Ambiguous walk"_s));
}

void tst_Cli::writeErrorsAreReported()
{
    QProcess process;
    process.setStandardOutputFile(u"/dev/full"_s);
    process.start(QStringLiteral(RETORT_CLI_PATH), {u"graph"_s, kBranches, u"--format"_s, u"json"_s});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 74);
    QVERIFY(process.readAllStandardError().contains("cannot write"));
}

void tst_Cli::specialFilesDoNotHangTheScan()
{
    // A FIFO and a link to /dev/zero named like revisions: reported, not read forever.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(u"a.py"_s), "revision = 'a1b2'\ndown_revision = None\n");
    QVERIFY(QFile::link(u"/dev/zero"_s, dir.filePath(u"zero.py"_s)));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"pipe.py"_s)).constData(), 0600), 0);
    const Run result = cli({u"graph"_s, dir.path(), u"--format"_s, u"json"_s});
    QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(root.value(u"revisions"_s).toArray().size(), 1);
    int notRegular = 0;
    for (const QJsonValue &d : root.value(u"diagnostics"_s).toArray())
        if (d.toObject().value(u"message"_s).toString().contains(u"not a regular file"_s))
            ++notRegular;
    QCOMPARE(notRegular, 2);
}
