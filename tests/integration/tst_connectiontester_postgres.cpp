// ConnectionTester against a real PostgreSQL 15 (PostgresServer on a free loopback port): success
// with the version, a wrong password, a closed port, an unknown database, TLS required by a server
// without TLS, and a password found in a .pgpass file.
#include "connectionprofile.h"
#include "connectiontester.h"
#include "passwordresolver.h"
#include "postgresserver.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

using Outcome = ConnectionTestResult::Outcome;

class TestConnectionTesterIntegration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.id = QStringLiteral("sandbox");
        p.kind = ConnectionProfile::Kind::Sandbox;
        p.host = m_server->host();
        p.port = m_server->port();
        p.user = m_server->user();
        p.database = QStringLiteral("postgres");
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(),
                 "PostgreSQL's server binaries are required (package postgresql-15)");
        QVERIFY(m_dir.isValid());
        // The server may run as the postgres user: it must be able to reach the folder.
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                        QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                        QFile::ExeOther));
        m_server = std::make_unique<PostgresServer>(m_dir.filePath(QStringLiteral("server")));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", QFile::encodeName(m_dir.filePath(QStringLiteral("absent-pgpass"))));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        qunsetenv("PGPASSFILE");
    }

    void success()
    {
        const ConnectionTestResult result = ConnectionTester::test(profile(), m_server->password());
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QVERIFY2(result.serverVersion.startsWith(QLatin1String("15.")), qPrintable(result.serverVersion));
        QVERIFY2(result.message.contains(QStringLiteral("127.0.0.1:%1").arg(m_server->port())),
                 qPrintable(result.message));
    }

    void wrongPassword()
    {
        const ConnectionTestResult result = ConnectionTester::test(profile(), QStringLiteral("not-the-password"));
        QCOMPARE(result.outcome, Outcome::AuthenticationFailed);
        QVERIFY2(result.message.contains(QLatin1String("wrong password")), qPrintable(result.message));
    }

    void noPassword()
    {
        const ConnectionTestResult result = ConnectionTester::test(profile(), {});
        QCOMPARE(result.outcome, Outcome::AuthenticationFailed);
        QVERIFY2(result.message.contains(QLatin1String("none was given")), qPrintable(result.message));
    }

    void closedPort()
    {
        QTcpServer probe; // a port nothing listens on once the probe closes
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const int port = probe.serverPort();
        probe.close();
        ConnectionProfile p = profile();
        p.port = port;
        const ConnectionTestResult result = ConnectionTester::test(p, m_server->password(), 5);
        QCOMPARE(result.outcome, Outcome::Unreachable);
        QVERIFY2(result.message.contains(QLatin1String("connection refused")), qPrintable(result.message));
        // Waiting for it gives up at the deadline with the same answer.
        QDeadlineTimer deadline(600);
        const ConnectionTestResult waited =
            ConnectionTester::waitUntilAccepting(p, m_server->password(), deadline, 100);
        QCOMPARE(waited.outcome, Outcome::Unreachable);
        QVERIFY(deadline.hasExpired());
    }

    void unknownDatabase()
    {
        ConnectionProfile p = profile();
        p.database = QStringLiteral("no_such_db");
        const ConnectionTestResult result = ConnectionTester::test(p, m_server->password());
        QCOMPARE(result.outcome, Outcome::UnknownDatabase);
        QVERIFY2(result.message.contains(QStringLiteral("“no_such_db” does not exist")), qPrintable(result.message));
    }

    void tlsRequiredButNotOffered()
    {
        ConnectionProfile p = profile();
        p.sslMode = QStringLiteral("require");
        const ConnectionTestResult result = ConnectionTester::test(p, m_server->password());
        QCOMPARE(result.outcome, Outcome::TlsProblem);
        QVERIFY2(result.message.contains(QLatin1String("the server does not accept TLS")), qPrintable(result.message));
        p.sslMode = QStringLiteral("prefer"); // falls back to plain: fine
        QVERIFY(ConnectionTester::test(p, m_server->password()).ok());
    }

    void passwordFromPgpass()
    {
        const QString path = m_dir.filePath(QStringLiteral("pgpass"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QString escaped = m_server->password();
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char(':'), QLatin1String("\\:"));
        file.write(QStringLiteral("127.0.0.1:%1:*:retort:%2\n").arg(m_server->port()).arg(escaped).toUtf8());
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        qputenv("PGPASSFILE", QFile::encodeName(path));
        const PasswordResolver::Result password = PasswordResolver().resolve(profile());
        QCOMPARE(password.origin, PasswordResolver::Origin::PasswordFile);
        QVERIFY(ConnectionTester::test(profile(), password.password).ok());
    }
};

QTEST_GUILESS_MAIN(TestConnectionTesterIntegration)
#include "tst_connectiontester_postgres.moc"
