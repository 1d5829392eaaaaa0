// The sandbox as the window uses it: started off the GUI thread on demand, a database per project.
#include "sandboxservice.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "serverfolder.h"

#include <pqxx/pqxx>

using namespace retort;

namespace {

} // namespace

class TestSandboxService : public QObject
{
    Q_OBJECT

private slots:
    void databaseNames_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << QStringLiteral("/work/examples/demo") << QStringLiteral("demo");
        QTest::newRow("punctuation") << QStringLiteral("/x/My Shop-API.v2") << QStringLiteral("my_shop_api_v2");
        QTest::newRow("digit first") << QStringLiteral("/x/2024app") << QStringLiteral("project_2024app");
    }

    void databaseNames()
    {
        QFETCH(QString, root);
        QFETCH(QString, name);
        const QString database = SandboxService::databaseNameFor(root);
        QVERIFY2(database.startsWith(name + QLatin1Char('_')), qPrintable(database));
        QCOMPARE(database.size(), name.size() + 9);
        QCOMPARE(SandboxService::databaseNameFor(root), database); // stable
    }

    void sameFolderNamesElsewhereGetTheirOwnDatabase()
    {
        QVERIFY(SandboxService::databaseNameFor(QStringLiteral("/a/app")) != SandboxService::databaseNameFor(QStringLiteral("/b/app")));
    }

    void startsOnDemandAndMakesDatabases()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        SandboxService sandbox(dir.filePath(QStringLiteral("sandbox")));
        QSignalSpy ready(&sandbox, &SandboxService::ready);
        QSignalSpy failed(&sandbox, &SandboxService::failed);
        sandbox.ensureDatabase(QStringLiteral("demo"));
        QCOMPARE(sandbox.state(), SandboxService::State::Starting); // not blocking the caller
        sandbox.ensureDatabase(QStringLiteral("other")); // asked while starting
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 60'000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(sandbox.state(), SandboxService::State::Running);
        pqxx::connection connection(sandbox.connectionString(QStringLiteral("other")).toStdString());
        QCOMPARE(QString::fromStdString(pqxx::nontransaction(connection).exec1("SELECT current_database()")[0].as<std::string>()),
                 QStringLiteral("other"));
        QVERIFY(sandbox.sqlalchemyUrl(QStringLiteral("demo")).startsWith(QLatin1String("postgresql://retort:")));
        // Already there: answered at once (but never from inside the call).
        sandbox.ensureDatabase(QStringLiteral("demo"));
        QCOMPARE(ready.size(), 2);
        QTRY_COMPARE(ready.size(), 3);
    }

    void withoutPostgresItFailsClearlyAndOffersSqlite()
    {
        qputenv("RETORT_PG_BINDIR", "/nonexistent/bin");
        QTemporaryDir dir;
        SandboxService sandbox(dir.filePath(QStringLiteral("sandbox")));
        QSignalSpy failed(&sandbox, &SandboxService::failed);
        sandbox.ensureDatabase(QStringLiteral("demo"));
        QTRY_COMPARE(failed.size(), 1);
        qunsetenv("RETORT_PG_BINDIR");
        QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("apt install postgresql")));
        QCOMPARE(sandbox.state(), SandboxService::State::Failed);
        QVERIFY(sandbox.sqliteFallback(QStringLiteral("demo")).endsWith(QLatin1String("/sandbox/demo.sqlite")));
        QVERIFY(sandbox.sqlalchemyUrl(QStringLiteral("demo")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxService)
#include "tst_sandboxservice.moc"
