// retort-cli schema and current, end to end: a real PostgreSQL (PostgresServer) migrated by real
// Alembic (/usr/bin/alembic upgrade heads on a copy of examples/demo), and an SQLite file.
#include "postgresserver.h"
#include "processrun.h"
#include "projectcopy.h"
#include "schemasnapshot.h"
#include "scratchserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString kCli = QStringLiteral(RETORT_CLI_PATH);
const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");

using Run = test::ProcessRun<QByteArray>;

Run run(const QString &program, const QStringList &arguments, const QString &directory = {},
        const QString &databaseUrl = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.remove(u"DATABASE_URL"_s);
    if (!databaseUrl.isEmpty())
        env.insert(u"RETORT_DATABASE_URL"_s, databaseUrl);
    return test::runProcess(program, arguments,
                            {.workingDirectory = directory, .environment = env, .timeoutMs = 180'000});
}

QStringList firstWords(const QByteArray &output)
{
    QStringList words;
    for (const QString &line : QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts))
        words.append(line.section(u' ', 0, 0));
    words.sort();
    return words;
}

} // namespace

class TestCliSchema : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server;
    QString m_project; // a copy of examples/demo, upgraded to heads on database "demo"
    QString m_url;

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(u"/usr/bin/alembic"_s), "Debian's alembic is required (package alembic)");
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(),
                 "PostgreSQL's server binaries are required (package postgresql-15)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server->createDatabase(u"demo"_s, &error), qPrintable(error));
        QVERIFY2(m_server->createDatabase(u"empty"_s, &error), qPrintable(error));
        m_project = m_server.filePath(u"demo"_s);
        QVERIFY(test::copyTree(kDemo, m_project));
        m_url = m_server->sqlalchemyUrl(u"demo"_s);
        const Run upgrade = run(u"/usr/bin/alembic"_s, {u"upgrade"_s, u"heads"_s}, m_project, m_url);
        QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.describe()));
    }

    void cleanupTestCase() { m_server.stop(); }

    void currentMatchesAlembicCurrent()
    {
        const Run alembic = run(u"/usr/bin/alembic"_s, {u"current"_s}, m_project, m_url);
        QVERIFY2(alembic.exitCode == 0, qPrintable(alembic.describe()));
        const Run current = run(kCli, {u"current"_s, m_project, u"--db"_s, m_url});
        QVERIFY2(current.exitCode == 0, qPrintable(current.describe()));
        const QStringList ids = firstWords(alembic.out);
        QCOMPARE(ids, (QStringList{u"09360dc33310"_s, u"audit_0002"_s}));
        QCOMPARE(firstWords(current.out), ids);
        const QString text = QString::fromUtf8(current.out);
        QVERIFY2(text.contains(u"09360dc33310 (head), change books.price to Numeric(10, 2)\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"audit_0002 (head), add ip_address and created_at index to audit_log\n"_s),
                 qPrintable(text));

        // Without a project (a folder that is not one): the ids alone.
        QTemporaryDir elsewhere;
        const Run bare = run(kCli, {u"current"_s, u"--db"_s, m_url}, elsewhere.path());
        QVERIFY2(bare.exitCode == 0, qPrintable(bare.describe()));
        QCOMPARE(QString::fromUtf8(bare.out), u"09360dc33310\naudit_0002\n"_s);
    }

    void currentOnAnUnmigratedDatabase()
    {
        const Run current = run(kCli, {u"current"_s, m_project, u"--db"_s, m_server->sqlalchemyUrl(u"empty"_s)});
        QVERIFY2(current.exitCode == 0, qPrintable(current.describe()));
        QCOMPARE(current.out, QByteArray());
        QVERIFY(current.err.contains("no alembic_version table"));
    }

    void unreachableDatabase_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("current") << u"current"_s;
        QTest::newRow("schema") << u"schema"_s;
    }

    void unreachableDatabase()
    {
        QFETCH(QString, command);
        QString url = m_url;
        url.replace(u":%1/"_s.arg(m_server->port()), u":1/"_s);
        const Run result = run(kCli, {command, u"--db"_s, url}, m_project);
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.out, QByteArray());
        QVERIFY2(result.err.startsWith("retort-cli " + command.toUtf8() + ": connection refused"),
                 qPrintable(result.describe()));
        const Run wrong =
            run(kCli, {command, u"--db"_s, QString(m_url).replace(m_server->password(), u"nope"_s)}, m_project);
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("authentication failed"), qPrintable(wrong.describe()));
    }

    void usage()
    {
        QCOMPARE(run(kCli, {u"schema"_s}).exitCode, 64);
        QCOMPARE(run(kCli, {u"current"_s, m_project}).exitCode, 64);
        const Run notAProject = run(kCli, {u"current"_s, m_server.filePath(u"nothing-here"_s), u"--db"_s, m_url});
        QCOMPARE(notAProject.exitCode, 1);
        QVERIFY(notAProject.err.contains("is not an Alembic project"));
        QVERIFY(run(kCli, {u"help"_s}).out.contains("schema --db URL [--json]"));
    }

    void schemaOfTheMigratedDatabase()
    {
        const Run json = run(kCli, {u"schema"_s, u"--db"_s, m_url, u"--json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        QString error;
        const std::optional<SchemaSnapshot> snapshot = SchemaSnapshot::fromJson(json.out, &error);
        QVERIFY2(snapshot, qPrintable(error));
        QCOMPARE(snapshot->databaseName(), u"demo"_s);
        QCOMPARE(snapshot->alembicVersions(), (QStringList{u"09360dc33310"_s, u"audit_0002"_s}));
        const SchemaSnapshot::Table *books = snapshot->table(u"public"_s, u"books"_s);
        QVERIFY(books);
        QCOMPARE(books->column(u"price"_s)->type, u"numeric(10,2)"_s); // the head revision's change
        QVERIFY(!books->column(u"shelf_code"_s));                      // dropped by 72162e8679fa
        QVERIFY(snapshot->table(u"public"_s, u"audit_log"_s));

        const Run text = run(kCli, {u"schema"_s, u"--db"_s, m_url});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        const QString tree = QString::fromUtf8(text.out);
        QVERIFY2(tree.startsWith(u"database demo (15."_s), qPrintable(tree));
        QVERIFY(tree.contains(u"alembic_version (public): 09360dc33310, audit_0002\n"_s));
        QVERIFY2(tree.contains(u"\nschema public  -- standard public schema\n  table alembic_version ("_s),
                 qPrintable(tree));
        QVERIFY(tree.contains(u"\n    price numeric(10,2)"_s));
    }

    void sqliteDatabase()
    {
        const QString file = m_server.filePath(u"demo.db"_s);
        const Run upgrade = run(u"/usr/bin/alembic"_s, {u"upgrade"_s, u"heads"_s}, m_project, u"sqlite:///"_s + file);
        QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.describe()));
        const Run current = run(kCli, {u"current"_s, m_project, u"--db"_s, u"sqlite:///"_s + file});
        QVERIFY2(current.exitCode == 0, qPrintable(current.describe()));
        QCOMPARE(firstWords(current.out), (QStringList{u"09360dc33310"_s, u"audit_0002"_s}));
        const Run text = run(kCli, {u"schema"_s, u"--db"_s, u"sqlite:///"_s + file});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.out.contains("\nschema main\n  table alembic_version\n    version_num VARCHAR(32) not null\n"),
                 text.out.constData());
        const Run missing = run(kCli, {u"schema"_s, u"--db"_s, u"sqlite:///"_s + m_server.filePath(u"nope.db"_s)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("no SQLite database at"));
    }
};

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_clischema.moc"
