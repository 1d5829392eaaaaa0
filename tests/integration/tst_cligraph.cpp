// retort-cli graph end to end, against real Alembic 1.8.1 on the same projects (alembiccommand.h says
// why Alembic is run with a sorted file listing): JSON, text (`alembic history` line for line) and dot
// output, the heads, a project with a broken file, and files that only look like revisions.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "alembiccommand.h"
#include "alembicprojectwriter.h"
#include "clicommand.h"
#include "processrun.h"
#include "sortedstrings.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace retort::test;

namespace {

using Run = ProcessRun<QByteArray>;

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

} // namespace

class TestCliGraph : public QObject
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
    void specialFilesDoNotHangTheScan();
};

void TestCliGraph::initTestCase()
{
    verifyCliAndAlembicAreThere();
}

void TestCliGraph::graphJsonOnDemo()
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

void TestCliGraph::headsMatchAlembicHeads()
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

void TestCliGraph::graphTextMatchesAlembicHistory_data()
{
    QTest::addColumn<QString>("project");
    QTest::newRow("demo") << kDemo;
    QTest::newRow("branches") << kBranches;
}

void TestCliGraph::graphTextMatchesAlembicHistory()
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

void TestCliGraph::graphDot()
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

void TestCliGraph::graphOnBrokenProject()
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

void TestCliGraph::graphFromCurrentDirectory()
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

void TestCliGraph::specialFilesDoNotHangTheScan()
{
    // A FIFO and a link to /dev/zero named like revisions: reported, not read forever.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a.py"_s), "revision = 'a1b2'\ndown_revision = None\n"));
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

QTEST_GUILESS_MAIN(TestCliGraph)
#include "tst_cligraph.moc"
