// ConnectionProfile: libpq connection strings and SQLAlchemy URLs built with the password passed in,
// quoting and percent-encoding the awkward values; names and colours of kinds and environments.
#include "connectionprofile.h"

#include <QRegularExpression>
#include <QTest>

using namespace retort;

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private slots:
    void libpqConnectionString_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "db.example.org"
                               << "shop"
                               << "app"
                               << "s3cret"
                               << "host=db.example.org port=6543 dbname=shop user=app password=s3cret sslmode=require";
        QTest::newRow("space and quote")
            << "db"
            << "my shop"
            << "o'brien"
            << "pa ss'w\\rd"
            << "host=db port=6543 dbname='my shop' user='o\\'brien' password='pa ss\\'w\\\\rd' "
               "sslmode=require";
        QTest::newRow("no password") << "db"
                                     << "shop"
                                     << "app"
                                     << ""
                                     << "host=db port=6543 dbname=shop user=app sslmode=require";
        QTest::newRow("equals sign") << "db"
                                     << "shop"
                                     << "app"
                                     << "a=b"
                                     << "host=db port=6543 dbname=shop user=app password='a=b' sslmode=require";
    }
    void libpqConnectionString()
    {
        QFETCH(QString, host);
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, expected);
        ConnectionProfile profile;
        profile.host = host;
        profile.port = 6543;
        profile.database = database;
        profile.user = user;
        profile.sslMode = QStringLiteral("require");
        QCOMPARE(profile.toLibpqConnectionString(password), expected);
    }

    void serviceAndRootCertificate()
    {
        ConnectionProfile profile;
        profile.service = QStringLiteral("staging");
        profile.sslMode = QStringLiteral("verify-full");
        profile.sslRootCert = QStringLiteral("/etc/ssl/My Certs/root.crt");
        QCOMPARE(profile.toLibpqConnectionString(),
                 QStringLiteral("service=staging sslmode=verify-full sslrootcert='/etc/ssl/My Certs/root.crt'"));
        QCOMPARE(profile.toSqlalchemyUrl(),
                 QStringLiteral("postgresql:///?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2FMy%20Certs%2Froot.crt"
                                "&service=staging"));
    }

    void sqlalchemyUrl_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "db.example.org" << 5432 << "app"
                               << "s3cret"
                               << "postgresql://app:s3cret@db.example.org:5432/shop";
        QTest::newRow("awkward password") << "db" << 0 << "app"
                                          << "p@ss:w/rd %?#&"
                                          << "postgresql://app:p%40ss%3Aw%2Frd%20%25%3F%23%26@db/shop";
        QTest::newRow("no password") << "db" << 0 << "app"
                                     << ""
                                     << "postgresql://app@db/shop";
        QTest::newRow("ipv6") << "::1" << 5433 << "app"
                              << ""
                              << "postgresql://app@[::1]:5433/shop";
        QTest::newRow("socket folder") << "/run/postgresql" << 5433 << "app"
                                       << ""
                                       << "postgresql://app@/shop?host=%2Frun%2Fpostgresql&port=5433";
    }
    void sqlalchemyUrl()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, expected);
        ConnectionProfile profile;
        profile.host = host;
        profile.port = port;
        profile.user = user;
        profile.database = QStringLiteral("shop");
        QCOMPARE(profile.toSqlalchemyUrl(password), expected);
        QVERIFY(!profile.toLibpqConnectionString().contains(QLatin1String("password")));
    }

    void sqlite()
    {
        ConnectionProfile profile;
        profile.kind = ConnectionProfile::Kind::SqliteFile;
        profile.sqlitePath = QStringLiteral("/srv/data/../app.db");
        QCOMPARE(profile.toSqlalchemyUrl(QStringLiteral("ignored")), QStringLiteral("sqlite:////srv/app.db"));
        QCOMPARE(profile.toLibpqConnectionString(QStringLiteral("ignored")), QString());
        QVERIFY(!profile.isPostgres());
    }

    void namesRoundTrip()
    {
        using Kind = ConnectionProfile::Kind;
        using Environment = ConnectionProfile::Environment;
        for (const Kind kind : {Kind::Sandbox, Kind::DockerContainer, Kind::RemotePostgres, Kind::SqliteFile})
            QCOMPARE(ConnectionProfile::kindFromName(ConnectionProfile::kindName(kind)), kind);
        QCOMPARE(ConnectionProfile::kindFromName(QStringLiteral("oracle")), std::nullopt);
        QStringList colours;
        for (const Environment e :
             {Environment::Local, Environment::Dev, Environment::Staging, Environment::Production}) {
            QCOMPARE(ConnectionProfile::environmentFromName(ConnectionProfile::environmentName(e)), e);
            const QString colour = ConnectionProfile::environmentColor(e);
            QVERIFY2(QRegularExpression(QStringLiteral("^#[0-9a-f]{6}$")).match(colour).hasMatch(), qPrintable(colour));
            colours << colour;
        }
        colours.removeDuplicates();
        QCOMPARE(colours.size(), 4);
        ConnectionProfile production;
        production.environment = Environment::Production;
        QCOMPARE(production.color(), QStringLiteral("#c62828"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
