// What every retort-cli command shares: usage errors (exit 64), help and version, a PATH that is no
// Alembic project (exit 1, as Alembic refuses it too) and output that cannot be written (exit 74).

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "clicommand.h"
#include "processrun.h"

using namespace Qt::StringLiterals;
using namespace retort::test;

namespace {

using Run = ProcessRun<QByteArray>;

} // namespace

class TestCliUsage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void notAnAlembicProject_data();
    void notAnAlembicProject();
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion();
    void writeErrorsAreReported();
};

void TestCliUsage::initTestCase()
{
    verifyCliAndAlembicAreThere();
}

void TestCliUsage::notAnAlembicProject_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("kind"); // what PATH is
    for (const QString &command : {u"graph"_s, u"plan"_s}) {
        for (const QString &kind : {u"missing"_s, u"empty folder"_s, u"folder of other files"_s, u"a file"_s})
            QTest::newRow(qPrintable(command + u": "_s + kind)) << command << kind;
    }
}

void TestCliUsage::notAnAlembicProject()
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

void TestCliUsage::usageErrors_data()
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

void TestCliUsage::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run result = cli(arguments);
    QVERIFY2(result.exitCode == 64, qPrintable(result.describe()));
    QVERIFY(!result.err.isEmpty());
    QVERIFY(result.out.isEmpty());
}

void TestCliUsage::helpAndVersion()
{
    const Run help = cli({u"help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("graph"));
    QVERIFY(help.out.contains("plan"));
    const Run version = cli({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("retort-cli "));
}

void TestCliUsage::writeErrorsAreReported()
{
    QProcess process;
    process.setStandardOutputFile(u"/dev/full"_s);
    process.start(QStringLiteral(RETORT_CLI_PATH), {u"graph"_s, kBranches, u"--format"_s, u"json"_s});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 74);
    QVERIFY(process.readAllStandardError().contains("cannot write"));
}

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cliusage.moc"
