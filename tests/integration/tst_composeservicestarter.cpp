// ComposeServiceStarter with a stand-in `docker` (a script on PATH that records its arguments and
// folder) and a real PostgreSQL server standing in for the started service: the command, its output
// line by line, waiting until the port accepts connections; docker missing, a non-zero exit, a hung
// `docker compose up`, a port that never answers, and Cancel, each with the file and service named.
#include "composeservicestarter.h"
#include "postgresserver.h"
#include "scriptfile.h"
#include "serverfolder.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using State = ComposeServiceStarter::State;

class TestComposeServiceStarter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    QByteArray m_path;
    QString m_bin;     ///< holds the stand-in docker
    QString m_compose; ///< the compose file (its contents do not matter to the stand-in)

    DockerCompose::Service service(int port) const
    {
        return {QStringLiteral("db"), QStringLiteral("postgres:15"), true, m_server->user(),
                m_server->password(), QStringLiteral("postgres"),    port, QStringLiteral("127.0.0.1")};
    }

    /// A docker that records its arguments and folder, prints \a output and exits with \a status.
    bool writeDocker(const QByteArray &body)
    {
        return test::writeExecutable(m_bin + QStringLiteral("/docker"),
                                     "#!/bin/sh\nprintf '%s\\n' \"$(pwd -P)\" \"$@\" > '" +
                                         QFile::encodeName(m_dir.filePath(QStringLiteral("args"))) + "'\n" + body);
    }

    QStringList recordedArguments() const
    {
        QFile file(m_dir.filePath(QStringLiteral("args")));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

    /// A loopback port nothing listens on.
    static int closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        return probe.serverPort(); // closed again when probe goes
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QVERIFY(test::openToServerUser(m_dir.path()));
        m_server = std::make_unique<PostgresServer>(m_dir.filePath(QStringLiteral("pg")));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_bin = m_dir.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(m_bin));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("project"))));
        m_compose = m_dir.filePath(QStringLiteral("project/compose.yaml"));
        QFile compose(m_compose);
        QVERIFY(compose.open(QIODevice::WriteOnly));
        compose.write("services:\n  db:\n    image: postgres:15\n");
        m_path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(m_bin) + ':' + m_path);
    }

    void init() { QFile::remove(m_dir.filePath(QStringLiteral("args"))); }

    void cleanupTestCase()
    {
        qputenv("PATH", m_path);
        m_server.reset();
    }

    void startsTheServiceAndWaitsUntilItAccepts()
    {
        QVERIFY(writeDocker("echo ' Container project-db-1  Creating'\necho ' Container project-db-1  Started' >&2\n"));
        ComposeServiceStarter starter;
        QSignalSpy states(&starter, &ComposeServiceStarter::stateChanged);
        QSignalSpy output(&starter, &ComposeServiceStarter::output);
        QSignalSpy ready(&starter, &ComposeServiceStarter::ready);
        QSignalSpy failed(&starter, &ComposeServiceStarter::failed);
        const ConnectionProfile profile = DockerCompose::profileFor(service(m_server->port()), m_compose);
        QVERIFY(starter.start(m_compose, service(m_server->port()), profile, m_server->password()));
        QCOMPARE(starter.state(), State::Starting);
        QVERIFY(ready.wait(30'000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(starter.state(), State::Idle);
        QCOMPARE(recordedArguments(), (QStringList{QDir(m_dir.filePath(QStringLiteral("project"))).canonicalPath(),
                                                   QStringLiteral("compose"), QStringLiteral("-f"), m_compose,
                                                   QStringLiteral("up"), QStringLiteral("-d"), QStringLiteral("db")}));
        QStringList lines;
        for (const QList<QVariant> &line : std::as_const(output))
            lines << line.constFirst().toString();
        QVERIFY2(lines.contains(QStringLiteral("Container project-db-1  Started")), qPrintable(lines.join(u'\n')));
        QVERIFY(lines.constFirst().startsWith(QLatin1String("$ docker compose -f ")));
        QList<State> seen;
        for (const QList<QVariant> &state : std::as_const(states))
            seen << state.constFirst().value<State>();
        QCOMPARE(seen, (QList<State>{State::Starting, State::Waiting, State::Idle}));
        QCOMPARE(ready.constFirst().constFirst().value<ConnectionProfile>().port, m_server->port());
        QVERIFY(ready.constFirst().at(1).value<ConnectionTestResult>().ok());
        for (const QString &line : std::as_const(lines))
            QVERIFY(!line.contains(m_server->password()));
    }

    void failuresNameTheFileAndTheService_data()
    {
        QTest::addColumn<QByteArray>("docker"); // empty: no docker on PATH
        QTest::addColumn<int>("upMs");
        QTest::addColumn<bool>("closedPort");
        QTest::addColumn<QString>("expected");
        QTest::newRow("docker missing") << QByteArray() << 10'000 << false << "The docker command was not found";
        QTest::newRow("non-zero exit") << QByteArray("echo 'no such service: db' >&2\nexit 1\n") << 10'000 << false
                                       << "failed: exit code 1: no such service: db";
        QTest::newRow("up hangs") << QByteArray("exec sleep 30\n") << 1000 << false << "did not finish within 1 s";
        QTest::newRow("never accepts") << QByteArray("exit 0\n") << 10'000 << true
                                       << "did not accept PostgreSQL connections at 127.0.0.1:";
    }
    void failuresNameTheFileAndTheService()
    {
        QFETCH(QByteArray, docker);
        QFETCH(int, upMs);
        QFETCH(bool, closedPort);
        QFETCH(QString, expected);
        QFile::remove(m_bin + QStringLiteral("/docker"));
        if (!docker.isEmpty())
            QVERIFY(writeDocker(docker));
        else
            qputenv("PATH", QFile::encodeName(m_bin)); // nothing else either
        ComposeServiceStarter starter;
        starter.setTimeouts(upMs, 1500);
        QSignalSpy failed(&starter, &ComposeServiceStarter::failed);
        QSignalSpy ready(&starter, &ComposeServiceStarter::ready);
        const DockerCompose::Service db =
            service(closedPort ? TestComposeServiceStarter::closedPort() : m_server->port());
        QVERIFY(starter.start(m_compose, db, DockerCompose::profileFor(db, m_compose), db.password));
        QVERIFY(failed.wait(20'000));
        qputenv("PATH", QFile::encodeName(m_bin) + ':' + m_path);
        const QString message = failed.constFirst().constFirst().toString();
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains(m_compose), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("db")), qPrintable(message));
        QVERIFY(!message.contains(m_server->password()));
        QCOMPARE(ready.size(), 0);
        QCOMPARE(starter.state(), State::Idle);
    }

    void cancelStopsTheWait()
    {
        QVERIFY(writeDocker("exit 0\n"));
        ComposeServiceStarter starter;
        starter.setTimeouts(10'000, 60'000);
        QSignalSpy failed(&starter, &ComposeServiceStarter::failed);
        QSignalSpy ready(&starter, &ComposeServiceStarter::ready);
        const DockerCompose::Service db = service(closedPort());
        QVERIFY(starter.start(m_compose, db, DockerCompose::profileFor(db, m_compose), db.password));
        QTRY_COMPARE_WITH_TIMEOUT(starter.state(), State::Waiting, 10'000);
        QVERIFY(!starter.start(m_compose, db, DockerCompose::profileFor(db, m_compose), db.password)); // one at a time
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.constFirst().constFirst().toString().contains(QLatin1String("still starting")));
        failed.clear();
        starter.cancel();
        QCOMPARE(starter.state(), State::Idle);
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.constFirst().constFirst().toString().contains(QLatin1String("cancelled")));
        QCOMPARE(ready.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestComposeServiceStarter)
#include "tst_composeservicestarter.moc"
