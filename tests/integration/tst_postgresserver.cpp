// The embedded sandbox: a real PostgreSQL from the system's binaries, started on a free loopback
// port, serving, restarted from the same cluster, stopped.
#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "serverfolder.h"

#include <pqxx/pqxx>

#include <memory>

using namespace retort;

namespace {

QString query(const QString &connection, const char *sql)
{
    pqxx::connection c(connection.toStdString());
    pqxx::nontransaction work(c);
    return QString::fromStdString(work.exec1(sql)[0].as<std::string>());
}

} // namespace

class TestPostgresServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (package postgresql-15)");
    }

    void startsServesAndStops()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        const QString folder = dir.filePath(QStringLiteral("sandbox"));
        int port = 0;
        QString password;
        {
            PostgresServer server(folder);
            QString error;
            QVERIFY2(server.start(&error), qPrintable(error));
            QVERIFY(server.isRunning());
            port = server.port();
            password = server.password();
            QVERIFY(port > 0);
            QCOMPARE(password.size(), 24);
            QVERIFY(query(server.connectionString(), "SHOW server_version").startsWith(QLatin1String("15")));
            QCOMPARE(query(server.connectionString(), "SHOW listen_addresses"), QStringLiteral("127.0.0.1"));
            QVERIFY2(server.createDatabase(QStringLiteral("bookshelf"), &error), qPrintable(error));
            QVERIFY(server.createDatabase(QStringLiteral("bookshelf"), &error)); // exists: fine
            QCOMPARE(query(server.connectionString(QStringLiteral("bookshelf")), "SELECT current_database()"),
                     QStringLiteral("bookshelf"));
            QVERIFY(server.sqlalchemyUrl(QStringLiteral("bookshelf")).endsWith(QStringLiteral(":%1/bookshelf").arg(port)));
            // A wrong password is refused: the loopback port is not open to everyone.
            QString wrong = server.connectionString();
            wrong.replace(password, QStringLiteral("not-the-password"));
            QVERIFY_THROWS_EXCEPTION(pqxx::broken_connection, pqxx::connection(wrong.toStdString()));
            // TCP on loopback only: no Unix socket that anyone on the machine could reach; a private folder.
            QVERIFY(QDir(folder).entryList({QStringLiteral(".s.PGSQL.*")}, QDir::System | QDir::Hidden).isEmpty());
            QCOMPARE(QFile::permissions(folder) & (QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup),
                     QFile::Permissions());
            // The password is kept for the user alone.
            QCOMPARE(QFile::permissions(folder + QStringLiteral("/retort-password")) & (QFile::ReadOther | QFile::ReadGroup),
                     QFile::Permissions());
        } // the destructor stops the server
        QString leftover = QStringLiteral("host=127.0.0.1 port=%1 user=retort password=%2 dbname=postgres connect_timeout=3")
                               .arg(port)
                               .arg(password);
        QVERIFY_THROWS_EXCEPTION(pqxx::broken_connection, pqxx::connection(leftover.toStdString()));

        // Started again from the same cluster: the same password, the data kept.
        PostgresServer again(folder);
        QString error;
        QVERIFY2(again.start(&error), qPrintable(error));
        QCOMPARE(again.password(), password);
        QCOMPARE(query(again.connectionString(QStringLiteral("bookshelf")), "SELECT current_database()"), QStringLiteral("bookshelf"));
        again.stop();
        QVERIFY(!again.isRunning());
    }

    void aServerLeftRunningIsAdoptedNotFoughtWith()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        const QString folder = dir.filePath(QStringLiteral("sandbox"));
        auto first = std::make_unique<PostgresServer>(folder);
        QString error;
        QVERIFY2(first->start(&error), qPrintable(error));
        const int port = first->port();
        // As if Retort had been killed: the server keeps running, nobody stops it.
        PostgresServer second(folder);
        QVERIFY2(second.start(&error), qPrintable(error));
        QCOMPARE(second.port(), port);
        QCOMPARE(query(second.connectionString(), "SELECT 1"), QStringLiteral("1"));
        second.stop();
        QVERIFY_THROWS_EXCEPTION(pqxx::broken_connection,
                                 pqxx::connection(QStringLiteral("host=127.0.0.1 port=%1 user=retort password=%2 dbname=postgres "
                                                                 "connect_timeout=3").arg(port).arg(second.password()).toStdString()));
    }

    void aFolderThatIsALinkIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("elsewhere")));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere")), dir.filePath(QStringLiteral("sandbox"))));
        PostgresServer server(dir.filePath(QStringLiteral("sandbox")));
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(QLatin1String("link")), qPrintable(error));
        QVERIFY(QDir(dir.filePath(QStringLiteral("elsewhere"))).isEmpty());
    }

    void withoutBinariesItSaysWhatToInstall()
    {
        qputenv("RETORT_PG_BINDIR", "/nonexistent/postgresql/bin");
        QTemporaryDir dir;
        PostgresServer server(dir.filePath(QStringLiteral("sandbox")));
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(QLatin1String("apt install postgresql")), qPrintable(error));
        qunsetenv("RETORT_PG_BINDIR");
    }
};

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "tst_postgresserver.moc"
