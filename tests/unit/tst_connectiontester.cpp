// ConnectionTester::classify: libpq's messages (PostgreSQL 15) turned into plain words.
#include "connectionprofile.h"
#include "connectiontester.h"

#include <QTcpServer>
#include <QTest>

using namespace retort;

using Outcome = ConnectionTestResult::Outcome;

class TestConnectionTester : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<QString>("error");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<QString>("words");
        QTest::newRow("wrong password") << "connection to server at \"db.example.org\" (10.0.0.5), port 6543 failed: "
                                           "FATAL:  password authentication "
                                           "failed for user \"app\""
                                        << Outcome::AuthenticationFailed << "refused the password for user “app”";
        QTest::newRow("no password") << "connection to server at \"db.example.org\", port 6543 failed: fe_sendauth: no "
                                        "password supplied"
                                     << Outcome::AuthenticationFailed << "none was given";
        QTest::newRow("unknown role") << "FATAL:  role \"app\" does not exist" << Outcome::AuthenticationFailed
                                      << "no user (role) “app”";
        QTest::newRow("refused")
            << "connection to server at \"db.example.org\" (10.0.0.5), port 6543 failed: Connection "
               "refused\n\tIs the server running on that host and accepting TCP/IP connections?"
            << Outcome::Unreachable << "db.example.org:6543 (connection refused";
        QTest::newRow("unknown host") << "could not translate host name \"db.example.org\" to address: Name or service "
                                         "not known"
                                      << Outcome::Unreachable << "host name “db.example.org” is unknown";
        QTest::newRow("timeout") << "connection to server at \"db.example.org\" (10.0.0.5), port 6543 failed: timeout "
                                    "expired"
                                 << Outcome::Unreachable << "did not answer in time";
        QTest::newRow("no tls")
            << "connection to server at \"db.example.org\" (10.0.0.5), port 6543 failed: server does "
               "not support SSL, but SSL was required"
            << Outcome::TlsProblem << "the server does not accept TLS";
        QTest::newRow("root certificate") << "connection to server at \"db.example.org\", port 6543 failed: root "
                                             "certificate file \"/nope.crt\" does not exist"
                                          << Outcome::TlsProblem << "a TLS problem with db.example.org:6543";
        QTest::newRow("database") << "connection to server at \"db.example.org\" (10.0.0.5), port 6543 failed: FATAL:  "
                                     "database \"shop\" does not exist"
                                  << Outcome::UnknownDatabase
                                  << "the database “shop” does not exist on db.example.org:6543";
        QTest::newRow("hba") << "FATAL:  no pg_hba.conf entry for host \"10.0.0.9\", user \"app\", database \"shop\", "
                                "no encryption"
                             << Outcome::AuthenticationFailed << "pg_hba.conf";
        QTest::newRow("other") << "FATAL:  sorry, too many clients already" << Outcome::Other << "too many clients";
    }
    void classify()
    {
        QFETCH(QString, error);
        QFETCH(Outcome, outcome);
        QFETCH(QString, words);
        ConnectionProfile profile;
        profile.host = QStringLiteral("db.example.org");
        profile.port = 6543;
        profile.database = QStringLiteral("shop");
        profile.user = QStringLiteral("app");
        profile.sslMode = QStringLiteral("require");
        const ConnectionTestResult result = ConnectionTester::classify(error, profile);
        QCOMPARE(result.outcome, outcome);
        QVERIFY2(result.message.contains(words), qPrintable(result.message));
        QCOMPARE(result.detail, error.trimmed());
        QVERIFY(!result.ok());
    }

    void waitingStopsWhenCancelled()
    {
        QTcpServer probe; // a loopback port nothing listens on once the probe closes
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        ConnectionProfile profile;
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = probe.serverPort();
        probe.close();
        const std::atomic_bool cancel{true};
        QDeadlineTimer deadline(60'000);
        const ConnectionTestResult result = ConnectionTester::waitUntilAccepting(profile, {}, deadline, 100, &cancel);
        QCOMPARE(result.outcome, Outcome::Unreachable);
        QVERIFY(deadline.remainingTime() > 50'000); // one attempt, not a minute of them
    }

    void sqliteFile()
    {
        ConnectionProfile profile;
        profile.kind = ConnectionProfile::Kind::SqliteFile;
        profile.sqlitePath = QStringLiteral("/nonexistent/app.db");
        QCOMPARE(ConnectionTester::test(profile, {}).outcome, Outcome::UnknownDatabase);
        profile.sqlitePath = QStringLiteral(RETORT_FIXTURES_DIR);
        QCOMPARE(ConnectionTester::test(profile, {}).outcome, Outcome::UnknownDatabase); // a folder
    }
};

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "tst_connectiontester.moc"
