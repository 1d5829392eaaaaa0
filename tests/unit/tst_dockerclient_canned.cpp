// DockerClient without an engine: the socket path from DOCKER_HOST, clear errors for an absent
// socket and a socket nobody serves, and databases read from canned inspect documents (Docker's
// and podman's shapes).
#include "dockerclient.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestDockerClientCanned : public QObject
{
    Q_OBJECT

private slots:
    void socketPathFromDockerHost()
    {
        const QByteArray old = qgetenv("DOCKER_HOST");
        qunsetenv("DOCKER_HOST");
        QCOMPARE(DockerClient::defaultSocketPath(), QStringLiteral("/var/run/docker.sock"));
        qputenv("DOCKER_HOST", "unix:///run/user/1000/podman/podman.sock");
        QCOMPARE(DockerClient::defaultSocketPath(), QStringLiteral("/run/user/1000/podman/podman.sock"));
        qputenv("DOCKER_HOST", "tcp://10.0.0.2:2375");
        QCOMPARE(DockerClient::defaultSocketPath(), QString());
        QString error;
        QVERIFY(!DockerClient().postgresContainers(&error));
        QVERIFY2(error.contains(QLatin1String("tcp://10.0.0.2:2375")) && error.contains(QLatin1String("unix://")),
                 qPrintable(error));
        if (old.isNull())
            qunsetenv("DOCKER_HOST");
        else
            qputenv("DOCKER_HOST", old);
    }

    void absentSocket()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("docker.sock"));
        QString error;
        QVERIFY(!DockerClient(path, 2000).postgresContainers(&error));
        QCOMPARE(error, QStringLiteral("no Docker engine at %1 (the socket does not exist; is Docker or podman's API "
                                       "service running?)")
                            .arg(path));
    }

    void fileThatIsNoSocket()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("docker.sock"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        QVERIFY(!DockerClient(path, 2000).request("GET", QStringLiteral("/version"), {}, &error));
        QVERIFY2(error.contains(path) && error.startsWith(QLatin1String("no Docker engine")), qPrintable(error));
    }

    void dockerInspect()
    {
        const auto database = DockerClient::databaseFromInspect(json(R"({
            "Id": "4f66ad9a0b2e1234567890abcdef1234567890abcdef1234567890abcdef1234",
            "Name": "/shop-db-1",
            "Config": {"Image": "postgres:15", "Env": ["PATH=/usr/bin", "POSTGRES_USER=shop",
                       "POSTGRES_PASSWORD=p@ss word", "POSTGRES_DB=orders", "PGDATA=/var/lib/postgresql/data"],
                       "ExposedPorts": {"5432/tcp": {}}},
            "NetworkSettings": {"IPAddress": "172.17.0.3",
                                "Ports": {"5432/tcp": [{"HostIp": "0.0.0.0", "HostPort": "55432"},
                                                       {"HostIp": "::", "HostPort": "55432"}]}}})"));
        QVERIFY(database);
        QVERIFY(database->published);
        QCOMPARE(database->password, QStringLiteral("p@ss word"));
        QCOMPARE(database->image, QStringLiteral("postgres:15"));
        const ConnectionProfile &p = database->profile;
        QCOMPARE(p.kind, ConnectionProfile::Kind::DockerContainer);
        QCOMPARE(p.name, QStringLiteral("shop-db-1"));
        QCOMPARE(p.id, QStringLiteral("docker-4f66ad9a0b2e"));
        QCOMPARE(p.containerName, QStringLiteral("shop-db-1"));
        QVERIFY(p.containerId.startsWith(QLatin1String("4f66ad9a0b2e12345")));
        QCOMPARE(p.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(p.port, 55432);
        QCOMPARE(p.user, QStringLiteral("shop"));
        QCOMPARE(p.database, QStringLiteral("orders"));
        QVERIFY(!p.toLibpqConnectionString().contains(QLatin1String("p@ss")));
    }

    void podmanInspectUnpublishedWithDefaults()
    {
        const auto database = DockerClient::databaseFromInspect(json(R"({
            "Id": "abc", "Name": "pg",
            "Config": {"Image": "localhost/custom:1", "Env": ["POSTGRES_PASSWORD=secret"]},
            "NetworkSettings": {"IPAddress": "10.88.0.7", "Ports": {}}})"));
        QVERIFY(database);
        QVERIFY(!database->published);
        QCOMPARE(database->profile.host, QStringLiteral("10.88.0.7"));
        QCOMPARE(database->profile.port, 5432);
        QCOMPARE(database->profile.user, QStringLiteral("postgres"));
        QCOMPARE(database->profile.database, QStringLiteral("postgres"));
        QCOMPARE(database->profile.name, QStringLiteral("pg"));
    }

    void publishedOnOneAddress()
    {
        const auto database = DockerClient::databaseFromInspect(json(R"({
            "Id": "def", "Name": "/x", "Config": {"Image": "docker.io/library/alpine", "Env": []},
            "NetworkSettings": {"Ports": {"5432/tcp": [{"HostIp": "127.0.0.2", "HostPort": "6000"}]}}})"));
        QVERIFY(database); // port 5432 alone is enough
        QCOMPARE(database->profile.host, QStringLiteral("127.0.0.2"));
        QCOMPARE(database->profile.port, 6000);
    }

    void notPostgres()
    {
        QVERIFY(!DockerClient::databaseFromInspect(json(R"({
            "Id": "r", "Name": "/cache", "Config": {"Image": "redis:7", "Env": ["REDIS_ARGS=--save"]},
            "NetworkSettings": {"Ports": {"6379/tcp": [{"HostIp": "0.0.0.0", "HostPort": "6379"}]}}})")));
    }

    void engineError()
    {
        HttpResponse response;
        response.status = 500;
        response.reason = "Internal Server Error";
        response.body = R"({"message":"container store is locked"})";
        QCOMPARE(DockerClient::engineError(response),
                 QStringLiteral("the Docker engine answered 500 Internal Server Error: container store is locked"));
    }
};

QTEST_GUILESS_MAIN(TestDockerClientCanned)
#include "tst_dockerclient_canned.moc"
