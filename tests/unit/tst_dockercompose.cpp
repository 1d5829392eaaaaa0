// DockerCompose: the compose file found in a project, its PostgreSQL services read lightly, and a
// failing `docker compose up` reported with the command's own words.
#include "dockercompose.h"

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
        QCOMPARE(services[0], (Service{QStringLiteral("db"), QStringLiteral("postgres:15-alpine"), true}));
        QCOMPARE(services[1].image, QStringLiteral("postgis/postgis:15-3.4"));
        QCOMPARE(services[2].name, QStringLiteral("cache"));
        QVERIFY(!services[2].looksLikePostgres());
        QCOMPARE(services[3].image, QString());
        QVERIFY(services[3].looksLikePostgres()); // POSTGRES_USER in its environment
        QVERIFY(!services[4].looksLikePostgres());
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
