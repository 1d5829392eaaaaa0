// DockerCompose: the compose file found in a project (or up to its repository's root), its PostgreSQL
// services read lightly (published port, user, password, database), the profile for a started service,
// and a failing `docker compose up` reported with the command's own words.
#include "dockercompose.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

using Service = DockerCompose::Service;

namespace {

const QByteArray kCompose = R"(# the shop's services
name: shop
services:
  db:
    image: "postgres:15-alpine"   # pinned
    environment:
      POSTGRES_PASSWORD: example
    ports:
      - "5432:5432"
  gis:
    image: postgis/postgis:15-3.4
  cache:
    image: redis:7
  custom-db:
    build: ./docker/db
    environment:
      - POSTGRES_USER=app
  web:
    build: .
    depends_on: [db]
volumes:
  data: {}
)";

bool write(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace

class TestDockerCompose : public QObject
{
    Q_OBJECT

private slots:
    void parsesServices()
    {
        const QList<Service> services = DockerCompose::parseServices(kCompose);
        QCOMPARE(services.size(), 5);
        QCOMPARE(services[0], (Service{QStringLiteral("db"),
                                       QStringLiteral("postgres:15-alpine"),
                                       true,
                                       {},
                                       QStringLiteral("example"),
                                       {},
                                       5432,
                                       {}}));
        QCOMPARE(services[1].image, QStringLiteral("postgis/postgis:15-3.4"));
        QCOMPARE(services[2].name, QStringLiteral("cache"));
        QVERIFY(!services[2].looksLikePostgres());
        QCOMPARE(services[3].image, QString());
        QVERIFY(services[3].looksLikePostgres()); // POSTGRES_USER in its environment
        QVERIFY(!services[4].looksLikePostgres());
    }

    void readsPortsAndEnvironment_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("hostPort");
        QTest::addColumn<QString>("hostAddress");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::newRow("short, map environment")
            << QByteArray("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n"
                          "      POSTGRES_PASSWORD: 's3cr=t:x'\n      POSTGRES_DB: shop\n    ports:\n"
                          "      - \"8080:80\"\n      - \"5433:5432\"\n")
            << 5433 << QString() << "app"
            << "s3cr=t:x"
            << "shop";
        QTest::newRow("bound to an address, list environment")
            << QByteArray("services:\n  db:\n    image: postgres\n    environment:\n      - POSTGRES_USER=app\n"
                          "      - POSTGRES_PASSWORD=a:b=c\n    ports:\n      - 127.0.0.1:6543:5432/tcp\n")
            << 6543 << "127.0.0.1"
            << "app"
            << "a:b=c" << QString();
        QTest::newRow("dash at the key's indent, IPv6")
            << QByteArray("services:\n  db:\n    image: postgres\n    ports:\n    - \"[::1]:5434:5432\"\n"
                          "    environment:\n    - POSTGRES_DB=books\n")
            << 5434 << "::1" << QString() << QString() << "books";
        QTest::newRow("inline list") << QByteArray(
                                            "services:\n  db:\n    image: postgres\n    ports: [\"5435:5432\"]\n")
                                     << 5435 << QString() << QString() << QString() << QString();
        QTest::newRow("long syntax")
            << QByteArray(
                   "services:\n  db:\n    image: postgres\n    ports:\n      - target: 80\n        published: 8080\n"
                   "      - target: 5432\n        published: \"5436\"\n        host_ip: 127.0.0.1\n"
                   "        protocol: tcp\n  web:\n    image: nginx\n")
            << 5436 << "127.0.0.1" << QString() << QString() << QString();
        QTest::newRow("interpolated, not published")
            << QByteArray(
                   "services:\n  db:\n    image: postgres\n    environment:\n"
                   "      POSTGRES_PASSWORD: ${DB_PASSWORD}\n      POSTGRES_USER: $USER\n    expose:\n      - 5432\n")
            << 0 << QString() << QString() << QString() << QString();
        QTest::newRow("container port only")
            << QByteArray("services:\n  db:\n    image: postgres\n    ports:\n      - 5432\n") << 0 << QString()
            << QString() << QString() << QString();
    }
    void readsPortsAndEnvironment()
    {
        QFETCH(QByteArray, yaml);
        const QList<Service> services = DockerCompose::parseServices(yaml);
        QVERIFY(!services.isEmpty());
        const Service &db = services.constFirst();
        QCOMPARE(db.name, QStringLiteral("db"));
        QTEST(db.hostPort, "hostPort");
        QTEST(db.hostAddress, "hostAddress");
        QTEST(db.user, "user");
        QTEST(db.password, "password");
        QTEST(db.database, "database");
    }

    void profileForAService()
    {
        Service service{
            QStringLiteral("db"), QStringLiteral("postgres:16"), true, {}, QStringLiteral("pw"), {}, 5433, {}};
        const ConnectionProfile profile = DockerCompose::profileFor(service, QStringLiteral("/src/shop/compose.yaml"));
        QCOMPARE(profile.kind, ConnectionProfile::Kind::DockerContainer);
        QCOMPARE(profile.environment, ConnectionProfile::Environment::Local);
        QCOMPARE(profile.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(profile.port, 5433);
        QCOMPARE(profile.user, QStringLiteral("postgres")); // the image's defaults
        QCOMPARE(profile.database, QStringLiteral("postgres"));
        QCOMPARE(profile.containerName, QStringLiteral("db"));
        QVERIFY(!profile.toLibpqConnectionString().contains(QLatin1String("pw"))); // never the password
        // The same service of the same file keeps its id; another file's does not.
        QCOMPARE(DockerCompose::profileFor(service, QStringLiteral("/src/shop/compose.yaml")).id, profile.id);
        QVERIFY(DockerCompose::profileFor(service, QStringLiteral("/src/other/compose.yaml")).id != profile.id);
        service.user = QStringLiteral("app");
        service.hostAddress = QStringLiteral("192.0.2.7");
        const ConnectionProfile bound = DockerCompose::profileFor(service, QStringLiteral("/src/shop/compose.yaml"));
        QCOMPARE(bound.host, QStringLiteral("192.0.2.7"));
        QCOMPARE(bound.database, QStringLiteral("app"));
        QCOMPARE(DockerCompose::upArguments(QStringLiteral("/src/shop/compose.yaml"), QStringLiteral("db")),
                 (QStringList{QStringLiteral("compose"), QStringLiteral("-f"), QStringLiteral("/src/shop/compose.yaml"),
                              QStringLiteral("up"), QStringLiteral("-d"), QStringLiteral("db")}));
    }

    void findsTheFileUpToTheRepository()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("repo"));
        const QString project = repo + QStringLiteral("/backend/db");
        QVERIFY(QDir().mkpath(project));
        QVERIFY(write(dir.filePath(QStringLiteral("compose.yaml")), kCompose)); // above the repository: not ours
        QCOMPARE(DockerCompose::findFileUpwards(project), QString());
        QVERIFY(QDir().mkpath(repo + QStringLiteral("/.git")));
        QCOMPARE(DockerCompose::findFileUpwards(project), QString());
        QVERIFY(write(repo + QStringLiteral("/docker-compose.yml"), kCompose));
        QCOMPARE(DockerCompose::findFileUpwards(project), repo + QStringLiteral("/docker-compose.yml"));
        QVERIFY(write(repo + QStringLiteral("/backend/compose.yml"), kCompose)); // the nearest wins
        QCOMPARE(DockerCompose::findFileUpwards(project), repo + QStringLiteral("/backend/compose.yml"));
        QCOMPARE(DockerCompose::postgresServices(repo + QStringLiteral("/backend/compose.yml")).size(), 3);
        // Outside a repository only the folder itself counts.
        QDir(repo + QStringLiteral("/.git")).removeRecursively();
        QCOMPARE(DockerCompose::findFileUpwards(project), QString());
        QVERIFY(write(project + QStringLiteral("/compose.yaml"), kCompose));
        QCOMPARE(DockerCompose::findFileUpwards(project), project + QStringLiteral("/compose.yaml"));
    }

    void findsTheFileAndItsDatabases()
    {
        QTemporaryDir dir;
        QCOMPARE(DockerCompose::findFile(dir.path()), QString());
        QVERIFY(DockerCompose::composeServices(dir.path()).isEmpty());
        QVERIFY(write(dir.filePath(QStringLiteral("docker-compose.yml")), "services:\n  old:\n    image: postgres\n"));
        QCOMPARE(DockerCompose::findFile(dir.path()), dir.filePath(QStringLiteral("docker-compose.yml")));
        QVERIFY(write(dir.filePath(QStringLiteral("compose.yaml")), kCompose));
        QCOMPARE(DockerCompose::findFile(dir.path()), dir.filePath(QStringLiteral("compose.yaml"))); // preferred
        QStringList names;
        for (const Service &service : DockerCompose::composeServices(dir.path()))
            names << service.name;
        QCOMPARE(names, (QStringList{QStringLiteral("db"), QStringLiteral("gis"), QStringLiteral("custom-db")}));
    }

    void startFailureSaysWhy()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!DockerCompose::startComposeService(dir.path(), QStringLiteral("db"), &error));
        QVERIFY2(error.contains(QLatin1String("has no compose file")), qPrintable(error));

        // A compose file and an engine that is not there: docker (or its missing compose plugin) says why.
        QVERIFY(write(dir.filePath(QStringLiteral("compose.yaml")), kCompose));
        qputenv("DOCKER_HOST",
                QFile::encodeName(QStringLiteral("unix://") + dir.filePath(QStringLiteral("absent.sock"))));
        error.clear();
        QVERIFY(!DockerCompose::startComposeService(dir.path(), QStringLiteral("db"), &error, 60'000));
        qunsetenv("DOCKER_HOST");
        QVERIFY2(error.startsWith(QLatin1String("docker compose up -d db failed: ")) ||
                     error.startsWith(QLatin1String("the docker command is not installed")),
                 qPrintable(error));
        QVERIFY2(error.size() > QStringLiteral("docker compose up -d db failed: ").size(), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDockerCompose)
#include "tst_dockercompose.moc"
