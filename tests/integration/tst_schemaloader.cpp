// SchemaLoader against a real PostgreSQL: progress query by query from the worker thread, queued to
// the loader's thread in order and before the result; a refused login said as such; a profile's
// password read from the keychain off the GUI thread; Cancel during a load.
#include "memorysecretstore.h"
#include "passwordresolver.h"
#include "pgintrospector.h"
#include "postgresserver.h"
#include "schemaloader.h"
#include "serverfolder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <pqxx/pqxx>

using namespace retort;
using Failure = SchemaLoader::Failure;

class TestSchemaLoader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.id = QStringLiteral("loader-test");
        p.name = QStringLiteral("loader test");
        p.host = m_server->host();
        p.port = m_server->port();
        p.database = QStringLiteral("shop");
        p.user = m_server->user();
        p.sslMode = QStringLiteral("disable");
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QVERIFY(retort::test::openToServerUser(m_dir.path()));
        m_server = std::make_unique<PostgresServer>(m_dir.filePath(QStringLiteral("pg")));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QVERIFY2(m_server->createDatabase(QStringLiteral("shop"), &error), qPrintable(error));
        pqxx::connection connection(m_server->connectionString(QStringLiteral("shop")).toStdString());
        pqxx::nontransaction work(connection);
        work.exec("CREATE TABLE books (id integer PRIMARY KEY, title text NOT NULL)");
        // No password from anywhere but the test: libpq and PasswordResolver read these too.
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", m_dir.filePath(QStringLiteral("no-pgpass")).toLocal8Bit());
    }

    void cleanupTestCase() { m_server.reset(); }

    void progressArrivesInOrderBeforeTheSchema()
    {
        SchemaLoader loader;
        QStringList events;
        connect(&loader, &SchemaLoader::progress, this, [&events](int step, int total, const QString &query) {
            events << QStringLiteral("%1/%2 %3").arg(step).arg(total).arg(query);
        });
        connect(&loader, &SchemaLoader::loaded, this, [&events] { events << QStringLiteral("loaded"); });
        QSignalSpy progress(&loader, &SchemaLoader::progress);
        QSignalSpy loaded(&loader, &SchemaLoader::loaded);
        QSignalSpy busy(&loader, &SchemaLoader::busyChanged);
        loader.load(profile(), m_server->password(), nullptr);
        QVERIFY(loader.isBusy());
        QVERIFY(loaded.wait(30'000));
        QVERIFY(!loader.isBusy());
        const QStringList names = PgIntrospector::queryNames();
        const int n = int(names.size());
        QStringList expected;
        for (int k = 1; k <= n; ++k)
            expected << QStringLiteral("%1/%2 %3").arg(k).arg(n).arg(names.at(k - 1));
        expected << QStringLiteral("loaded");
        QCOMPARE(events, expected);
        QCOMPARE(progress.size(), n);
        QCOMPARE(progress.constLast().at(0).toInt(), n); // ends at n of n
        QCOMPARE(progress.constLast().at(1).toInt(), n);
        QCOMPARE(busy.size(), 2);
        const SchemaSnapshot snapshot = loaded.constFirst().constFirst().value<SchemaSnapshot>();
        QVERIFY(snapshot.table(QStringLiteral("public"), QStringLiteral("books")));
    }

    void aNewerLoadSilencesTheOlderOnesProgress()
    {
        SchemaLoader loader;
        QSignalSpy progress(&loader, &SchemaLoader::progress);
        QSignalSpy loaded(&loader, &SchemaLoader::loaded);
        loader.load(profile(), m_server->password(), nullptr);
        loader.load(profile(), m_server->password(), nullptr); // cancels the first
        QVERIFY(loaded.wait(30'000));
        QCOMPARE(progress.size(), int(PgIntrospector::queryNames().size())); // the second load's only
        QCOMPARE(progress.constFirst().at(0).toInt(), 1);
        QCOMPARE(loaded.size(), 1);
    }

    void aRefusedLoginIsSaidAsSuch()
    {
        SchemaLoader loader;
        QSignalSpy failed(&loader, &SchemaLoader::failed);
        loader.load(profile(), QStringLiteral("not-the-password"), nullptr);
        QVERIFY(failed.wait(30'000));
        QCOMPARE(failed.constFirst().at(1).value<Failure>(), Failure::Authentication);
        QVERIFY(!failed.constFirst().at(0).toString().contains(QLatin1String("not-the-password")));

        // No password anywhere: "no password supplied" is an authentication failure too.
        failed.clear();
        loader.load(profile(), QString(), nullptr);
        QVERIFY(failed.wait(30'000));
        QCOMPARE(failed.constFirst().at(1).value<Failure>(), Failure::Authentication);

        // Another failure is not.
        failed.clear();
        ConnectionProfile unknown = profile();
        unknown.database = QStringLiteral("no_such_db");
        loader.load(unknown, m_server->password(), nullptr);
        QVERIFY(failed.wait(30'000));
        QCOMPARE(failed.constFirst().at(1).value<Failure>(), Failure::Other);
    }

    void withoutAPasswordTheKeychainIsAsked()
    {
        auto keychain = std::make_shared<MemorySecretStore>();
        QVERIFY(keychain->write(PasswordResolver::keychainKey(profile()), m_server->password()));
        SchemaLoader loader;
        QSignalSpy loaded(&loader, &SchemaLoader::loaded);
        loader.load(profile(), QString(), keychain);
        QVERIFY(loaded.wait(30'000));
    }

    void cancelStopsALoadInProgress()
    {
        // The last bulk query waits for a lock: the load shows progress, then Cancel ends it.
        pqxx::connection locker(m_server->connectionString(QStringLiteral("shop")).toStdString());
        pqxx::work lock(locker);
        lock.exec("LOCK TABLE pg_catalog.pg_sequence IN ACCESS EXCLUSIVE MODE");
        SchemaLoader loader;
        QSignalSpy progress(&loader, &SchemaLoader::progress);
        QSignalSpy failed(&loader, &SchemaLoader::failed);
        loader.load(profile(), m_server->password(), nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(progress.size(), int(PgIntrospector::queryNames().size()), 30'000);
        QCOMPARE(progress.constLast().at(2).toString(), QStringLiteral("sequences"));
        loader.cancel();
        QVERIFY(failed.wait(20'000));
        QCOMPARE(failed.constFirst().at(0).toString(), QStringLiteral("cancelled"));
        QCOMPARE(failed.constFirst().at(1).value<Failure>(), Failure::Other);
        QVERIFY(!loader.isBusy());
    }

    void sqliteHasNoProgress()
    {
        SchemaLoader loader;
        QSignalSpy progress(&loader, &SchemaLoader::progress);
        QSignalSpy loaded(&loader, &SchemaLoader::loaded);
        ConnectionProfile file;
        file.kind = ConnectionProfile::Kind::SqliteFile;
        file.sqlitePath = m_dir.filePath(QStringLiteral("empty.sqlite"));
        QFile empty(file.sqlitePath); // an empty file is an empty SQLite database
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        loader.load(file, QString(), nullptr);
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(progress.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSchemaLoader)
#include "tst_schemaloader.moc"
