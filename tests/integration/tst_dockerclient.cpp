// DockerClient against a real engine: podman's Docker-compatible API socket (scripts/podman-pg)
// runs a PostgreSQL 15 container built offline; discovery finds it with its published port and
// POSTGRES_* settings, ConnectionTester connects, and the container is stopped and removed by id
// through the API.
#include "connectiontester.h"
#include "dockerclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>

using namespace retort;

namespace {

const auto kImage = QStringLiteral("localhost/retort-pg15");

// initdb as POSTGRES_USER with trust, the database POSTGRES_DB, then the server on all addresses.
const auto kServerScript = QStringLiteral(
    "set -e\n"
    "install -d -o postgres -g postgres /tmp/pg\n"
    "runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D /tmp/pg/data -U \"$POSTGRES_USER\" --auth=trust "
    ">/tmp/pg/initdb.log\n"
    "echo 'host all all 0.0.0.0/0 trust' >>/tmp/pg/data/pg_hba.conf\n"
    "echo \"CREATE DATABASE \\\"$POSTGRES_DB\\\";\" | runuser -u postgres -- /usr/lib/postgresql/15/bin/postgres "
    "--single "
    "-D /tmp/pg/data postgres >/tmp/pg/single.log\n"
    "exec runuser -u postgres -- /usr/lib/postgresql/15/bin/postgres -D /tmp/pg/data -c listen_addresses='*' -k "
    "/tmp/pg\n");

int freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

} // namespace

class TestDockerClient : public QObject
{
    Q_OBJECT

    QString m_socket;
    QString m_containerId;

    /// podman's own client on the same socket: the test's independent way to start and remove.
    bool podman(const QStringList &arguments, QString *output)
    {
        QProcess process;
        process.start(QStringLiteral("podman"), QStringList{QStringLiteral("--remote"), QStringLiteral("--url"),
                                                            QStringLiteral("unix://") + m_socket} +
                                                    arguments);
        const bool ok =
            process.waitForFinished(120'000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        *output = QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError()).trimmed();
        return ok;
    }

    void removeContainer()
    {
        if (m_containerId.isEmpty())
            return;
        QString output;
        if (!podman(
                {QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("-t"), QStringLiteral("2"), m_containerId},
                &output))
            qWarning("could not remove container %s: %s", qPrintable(m_containerId), qPrintable(output));
        m_containerId.clear();
    }

private slots:
    void initTestCase()
    {
        m_socket = qEnvironmentVariable("RETORT_PODMAN_SOCKET");
        if (m_socket.isEmpty()) {
            QElapsedTimer timer;
            timer.start();
            QProcess script;
            script.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            script.start(QStringLiteral(RETORT_PODMAN_PG_SCRIPT), QStringList());
            // The first run on a machine builds the image (minutes); later runs take about a second.
            QVERIFY2(script.waitForFinished(20 * 60'000), "scripts/podman-pg did not finish within 20 minutes");
            QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
                     "scripts/podman-pg failed (podman, runc and debootstrap come from scripts/setup)");
            m_socket = QString::fromLocal8Bit(script.readAllStandardOutput()).trimmed().section(QLatin1Char('\n'), -1);
            qInfo("scripts/podman-pg: %lld ms", static_cast<long long>(timer.elapsed()));
        }
        QVERIFY2(!m_socket.isEmpty(), "no podman socket");
        QString output;
        QVERIFY2(podman({QStringLiteral("image"), QStringLiteral("exists"), kImage}, &output),
                 qPrintable(QStringLiteral("%1 is missing: %2").arg(kImage, output)));
    }

    void cleanup()
    {
        removeContainer(); // also when a check failed half-way
    }

    void engineErrorsArePlain()
    {
        DockerClient client(m_socket);
        QString error;
        const auto response =
            client.request("GET", QStringLiteral("/containers/retort-no-such-container/json"), {}, &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->status, 404);
        const QString message = DockerClient::engineError(*response);
        QVERIFY2(message.startsWith(QLatin1String("the Docker engine answered 404")) &&
                     message.contains(QLatin1String("no such container")),
                 qPrintable(message));
    }

    void discoversAndConnects()
    {
        const int port = freeLoopbackPort();
        QVERIFY(port > 0);
        const QString name =
            QStringLiteral("retort-test-pg-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        QElapsedTimer timer;
        timer.start();
        QString output;
        QVERIFY2(podman({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name,
                         QStringLiteral("-p"), QStringLiteral("127.0.0.1:%1:5432").arg(port), QStringLiteral("-e"),
                         QStringLiteral("POSTGRES_USER=shopkeeper"), QStringLiteral("-e"),
                         QStringLiteral("POSTGRES_DB=orders"), QStringLiteral("-e"),
                         QStringLiteral("POSTGRES_PASSWORD=s3cret pw"), kImage, QStringLiteral("/bin/sh"),
                         QStringLiteral("-c"), kServerScript},
                        &output),
                 qPrintable(output));
        m_containerId = output.section(QLatin1Char('\n'), -1).trimmed();
        QCOMPARE(m_containerId.size(), 64);
        const qint64 startedMs = timer.elapsed();

        DockerClient client(m_socket);
        QString error;
        const auto databases = client.postgresContainers(&error);
        QVERIFY2(databases, qPrintable(error));
        const auto found = std::find_if(databases->cbegin(), databases->cend(), [this](const DiscoveredDatabase &d) {
            return d.profile.containerId == m_containerId;
        });
        QVERIFY2(found != databases->cend(), "the container is not among the discovered databases");
        const DiscoveredDatabase database = *found;
        QVERIFY(database.published);
        QCOMPARE(database.image, kImage + QStringLiteral(":latest"));
        QCOMPARE(database.password, QStringLiteral("s3cret pw"));
        QCOMPARE(database.profile.kind, ConnectionProfile::Kind::DockerContainer);
        QCOMPARE(database.profile.containerName, name);
        QCOMPARE(database.profile.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(database.profile.port, port);
        QCOMPARE(database.profile.user, QStringLiteral("shopkeeper"));
        QCOMPARE(database.profile.database, QStringLiteral("orders"));

        // The server initdb's first: wait (polling the real port) until it accepts connections.
        const ConnectionTestResult result =
            ConnectionTester::waitUntilAccepting(database.profile, database.password, QDeadlineTimer(90'000), 200);
        QVERIFY2(result.ok(), qPrintable(result.message + QStringLiteral(" / ") + result.detail));
        QVERIFY2(result.serverVersion.startsWith(QLatin1String("15.")), qPrintable(result.serverVersion));
        qInfo("container %s: started in %lld ms, accepting connections after %lld ms", qPrintable(name),
              static_cast<long long>(startedMs), static_cast<long long>(timer.elapsed()));
        // The database it names is the one POSTGRES_DB created (a wrong name would be refused).
        ConnectionProfile wrong = database.profile;
        wrong.database = QStringLiteral("not_orders");
        QCOMPARE(ConnectionTester::test(wrong, database.password).outcome,
                 ConnectionTestResult::Outcome::UnknownDatabase);

        // Stop and remove by id through the API; discovery no longer lists it.
        const auto stopped =
            client.request("POST", QStringLiteral("/containers/%1/stop?t=5").arg(m_containerId), {}, &error);
        QVERIFY2(stopped, qPrintable(error));
        QVERIFY2(stopped->status == 204 || stopped->status == 304, qPrintable(DockerClient::engineError(*stopped)));
        const auto removed = client.request("DELETE", QStringLiteral("/containers/%1").arg(m_containerId), {}, &error);
        QVERIFY2(removed, qPrintable(error));
        QVERIFY2(removed->status == 204 || removed->status == 200, qPrintable(DockerClient::engineError(*removed)));
        const auto after = client.postgresContainers(&error);
        QVERIFY2(after, qPrintable(error));
        QVERIFY(std::none_of(after->cbegin(), after->cend(),
                             [this](const DiscoveredDatabase &d) { return d.profile.containerId == m_containerId; }));
        const auto gone = client.request("GET", QStringLiteral("/containers/%1/json").arg(m_containerId), {}, &error);
        QVERIFY2(gone, qPrintable(error));
        QCOMPARE(gone->status, 404);
        m_containerId.clear();
    }
};

QTEST_GUILESS_MAIN(TestDockerClient)
#include "tst_dockerclient.moc"
