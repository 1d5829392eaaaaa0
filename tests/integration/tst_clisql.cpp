// retort-cli sql end to end: offline SQL compared with real Alembic 1.8.1's `upgrade|downgrade --sql`
// on the demo, direct mode, an unknown revision, and the Python interpreter it runs Alembic with.

#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include "alembiccommand.h"
#include "clicommand.h"
#include "processrun.h"

using namespace Qt::StringLiterals;
using namespace retort::test;

namespace {

using Run = ProcessRun<QByteArray>;

/// Alembic's environment for offline SQL of the demo: its env.py reads RETORT_DATABASE_URL, and the
/// ini's SQLite cannot run batch operations offline.
QProcessEnvironment offlineSqlEnvironment()
{
    QProcessEnvironment env = alembicEnvironment();
    env.insert(u"RETORT_DATABASE_URL"_s, u"postgresql://"_s);
    return env;
}

} // namespace

class TestCliSql : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void sqlMatchesAlembic_data();
    void sqlMatchesAlembic();
    void sqlDirectModeHasNoVersionTable();
    void sqlOfAnUnknownRevision();
    void sqlWithAMissingPython();
    void sqlNamesTheInterpreter();
};

void TestCliSql::initTestCase()
{
    verifyCliAndAlembicAreThere();
}

void TestCliSql::sqlMatchesAlembic_data()
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

void TestCliSql::sqlMatchesAlembic()
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

void TestCliSql::sqlDirectModeHasNoVersionTable()
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

void TestCliSql::sqlOfAnUnknownRevision()
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

void TestCliSql::sqlWithAMissingPython()
{
    const Run result = cli({u"sql"_s, kDemo, u"3394463073c0"_s, u"--python"_s, u"/nonexistent"_s});
    QVERIFY2(result.exitCode == 69, qPrintable(result.describe()));
    QVERIFY(result.out.isEmpty());
    const QStringList errLines = lines(result.err);
    QVERIFY2(errLines.size() >= 2, qPrintable(result.describe()));
    QVERIFY2(errLines.at(1).contains(u"/nonexistent"_s), qPrintable(result.describe()));
}

void TestCliSql::sqlNamesTheInterpreter()
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

QTEST_GUILESS_MAIN(TestCliSql)
#include "tst_clisql.moc"
