// retort-cli revision and merge end to end, in copies of the demo: the new files, the graph that
// retort-cli reads back, and the heads real Alembic 1.8.1 sees afterwards.

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "alembiccommand.h"
#include "clicommand.h"
#include "processrun.h"
#include "projectcopy.h"
#include "sortedstrings.h"

using namespace Qt::StringLiterals;
using namespace retort::test;

namespace {

using Run = ProcessRun<QByteArray>;

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

} // namespace

class TestCliRevision : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void revisionInACopyOfTheDemo();
    void revisionOptions();
    void mergeLeavesOneHead_data();
    void mergeLeavesOneHead();
};

void TestCliRevision::initTestCase()
{
    verifyCliAndAlembicAreThere();
}

void TestCliRevision::revisionInACopyOfTheDemo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyTree(kDemo, dir.path()));
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

void TestCliRevision::revisionOptions()
{
    // --depends-on with several revisions, --rev-id, and a --version-path relative to the caller's folder.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyTree(kDemo, dir.filePath(u"project"_s)));
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

void TestCliRevision::mergeLeavesOneHead_data()
{
    QTest::addColumn<bool>("explicitRevisions");
    QTest::newRow("heads") << false;
    QTest::newRow("two revisions, PATH from the current folder") << true;
}

void TestCliRevision::mergeLeavesOneHead()
{
    QFETCH(bool, explicitRevisions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyTree(kDemo, dir.path()));
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

QTEST_GUILESS_MAIN(TestCliRevision)
#include "tst_clirevision.moc"
