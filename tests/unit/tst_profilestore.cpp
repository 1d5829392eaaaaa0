// ProfileStore: profiles round-trip through a QSettings file under a group; a password never
// reaches the file.
#include "connectionprofile.h"
#include "profilestore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

ConnectionProfile staging()
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("Staging (EU)");
    profile.kind = ConnectionProfile::Kind::RemotePostgres;
    profile.environment = ConnectionProfile::Environment::Staging;
    profile.host = QStringLiteral("db.staging.example.org");
    profile.port = 6432;
    profile.database = QStringLiteral("shop");
    profile.user = QStringLiteral("deploy");
    profile.sslMode = QStringLiteral("verify-full");
    profile.sslRootCert = QStringLiteral("/etc/ssl/root.crt");
    return profile;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsUnderAGroup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("retort.ini"));
        ConnectionProfile docker;
        docker.name = QStringLiteral("compose db");
        docker.kind = ConnectionProfile::Kind::DockerContainer;
        docker.host = QStringLiteral("127.0.0.1");
        docker.port = 55432;
        docker.user = QStringLiteral("postgres");
        docker.containerId = QStringLiteral("0123abcd");
        docker.containerName = QStringLiteral("shop-db-1");
        ConnectionProfile sqlite;
        sqlite.name = QStringLiteral("A local file");
        sqlite.kind = ConnectionProfile::Kind::SqliteFile;
        sqlite.sqlitePath = QStringLiteral("/tmp/app.db");
        QString stagingId;
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore store(settings, QStringLiteral("project/profiles"));
            stagingId = store.save(staging());
            QVERIFY(!stagingId.isEmpty());
            store.save(docker);
            store.save(sqlite);
            ProfileStore global(settings, QStringLiteral("global"));
            QVERIFY(global.profiles().isEmpty());
        }
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(settings, QStringLiteral("project/profiles"));
        const QList<ConnectionProfile> profiles = store.profiles();
        QCOMPARE(profiles.size(), 3);
        QCOMPARE(profiles[0].name, QStringLiteral("A local file"));
        QCOMPARE(profiles[1].name, QStringLiteral("compose db"));
        ConnectionProfile expected = staging();
        expected.id = stagingId;
        QCOMPARE(profiles[2], expected);
        QCOMPARE(store.profile(stagingId), expected);
        QCOMPARE(profiles[1].containerName, QStringLiteral("shop-db-1"));
        QCOMPARE(profiles[1].kind, ConnectionProfile::Kind::DockerContainer);
        QCOMPARE(profiles[0].sqlitePath, QStringLiteral("/tmp/app.db"));

        // Replace, then remove.
        expected.port = 5432;
        store.save(expected);
        QCOMPARE(store.profile(stagingId)->port, 5432);
        QCOMPARE(store.profiles().size(), 3);
        QVERIFY(store.remove(stagingId));
        QVERIFY(!store.remove(stagingId));
        QCOMPARE(store.profile(stagingId), std::nullopt);
        QCOMPARE(store.profiles().size(), 2);
    }

    void neverWritesThePassword()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("retort.ini"));
        const QString password = QStringLiteral("Tr0ub4dor&3-unique-marker");
        {
            QSettings settings(path, QSettings::IniFormat);
            // Something careless left a password under the profile's group before.
            settings.setValue(QStringLiteral("profiles/p1/password"), password);
            settings.sync();
            QVERIFY(QFile(path).open(QIODevice::ReadOnly));
            ProfileStore store(settings);
            ConnectionProfile profile = staging();
            profile.id = QStringLiteral("p1");
            // The password only ever meets the profile where a connection string is built.
            QVERIFY(profile.toLibpqConnectionString(password).contains(password));
            QVERIFY(profile.toSqlalchemyUrl(password).contains(QLatin1String("Tr0ub4dor%263")));
            store.save(profile);
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.contains("db.staging.example.org"), bytes.constData()); // the profile is there...
        QVERIFY2(!bytes.contains("Tr0ub4dor"), bytes.constData());             // ...its password is not
        QVERIFY(!bytes.contains("password"));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
