// PgpassFile: libpq's password file format (wildcards, escapes, comments), its defaults when
// matching, and its refusal of a file others can read.
#include "pgpassfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

using Entry = PgpassFile::Entry;

class TestPgpassFile : public QObject
{
    Q_OBJECT

private slots:
    void parse()
    {
        const QByteArray contents = "# a comment\n"
                                    "\n"
                                    "db.example.org:5432:shop:app:s3cret\r\n"
                                    "*:*:*:postgres:with\\:colon\\\\and backslash\n"
                                    "host\\:odd:6543:d\\b:u:p:ignored after the fifth field\n"
                                    "too:few:fields:only\n"
                                    "localhost:*:*:empty:\n";
        const QList<Entry> entries = PgpassFile::parse(contents);
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries[0], (Entry{QStringLiteral("db.example.org"), QStringLiteral("5432"), QStringLiteral("shop"),
                                    QStringLiteral("app"), QStringLiteral("s3cret")}));
        QCOMPARE(entries[1].password, QStringLiteral("with:colon\\and backslash"));
        QCOMPARE(entries[1].host, QStringLiteral("*"));
        QCOMPARE(entries[2].host, QStringLiteral("host:odd"));
        QCOMPARE(entries[2].database, QStringLiteral("db"));
        QCOMPARE(entries[2].password, QStringLiteral("p"));
        QCOMPARE(entries[3].user, QStringLiteral("empty"));
        QCOMPARE(entries[3].password, QString());
    }

    void lookup_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expected"); // "-" for no match
        QTest::newRow("exact") << "db.example.org" << 5432 << "shop"
                               << "app"
                               << "first";
        QTest::newRow("first match wins over wildcard") << "db.example.org" << 5432 << "shop"
                                                        << "other"
                                                        << "any-db";
        QTest::newRow("default port is 5432") << "db.example.org" << 0 << "shop"
                                              << "app"
                                              << "first";
        QTest::newRow("other port: the catch-all line") << "db.example.org" << 5433 << "shop"
                                                        << "app"
                                                        << "catch-all";
        QTest::newRow("wildcard database") << "db.example.org" << 5432 << "billing"
                                           << "other"
                                           << "any-db";
        QTest::newRow("empty host is localhost") << "" << 5432 << "x"
                                                 << "local"
                                                 << "loopback";
        QTest::newRow("socket folder is localhost") << "/run/postgresql" << 5432 << "x"
                                                    << "local"
                                                    << "loopback";
        QTest::newRow("database defaults to user") << "db.example.org" << 5432 << ""
                                                   << "reporter"
                                                   << "own-db";
        QTest::newRow("no match") << "elsewhere" << 5432 << "shop"
                                  << "nobody"
                                  << "-";
    }
    void lookup()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        const QList<Entry> entries = PgpassFile::parse("db.example.org:5432:shop:app:first\n"
                                                       "db.example.org:*:*:other:any-db\n"
                                                       "localhost:5432:*:local:loopback\n"
                                                       "db.example.org:5432:reporter:reporter:own-db\n"
                                                       "*:*:*:app:catch-all\n");
        const auto password = PgpassFile::lookup(entries, host, port, database, user);
        if (expected == QLatin1String("-"))
            QCOMPARE(password, std::nullopt);
        else
            QCOMPARE(password, expected);
    }

    void unsafeFileIsIgnored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pgpass"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("*:*:*:*:secret\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QString warning;
        QCOMPARE(PgpassFile::read(path, &warning).size(), 1);
        QCOMPARE(warning, QString());

        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QVERIFY(PgpassFile::read(path, &warning).isEmpty());
        QVERIFY2(warning.contains(QLatin1String("0600")), qPrintable(warning));

        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        warning.clear();
        QVERIFY(PgpassFile::read(path, &warning).isEmpty());
        QVERIFY(!warning.isEmpty());

        warning.clear();
        QVERIFY(PgpassFile::read(dir.path(), &warning).isEmpty()); // a folder
        QVERIFY2(warning.contains(QLatin1String("not a plain file")), qPrintable(warning));

        warning.clear();
        QVERIFY(PgpassFile::read(dir.filePath(QStringLiteral("absent")), &warning).isEmpty());
        QCOMPARE(warning, QString()); // no file, nothing to say
    }

    void defaultPath()
    {
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", "/home/someone");
        qunsetenv("PGPASSFILE");
        QCOMPARE(PgpassFile::defaultPath(), QStringLiteral("/home/someone/.pgpass"));
        qputenv("PGPASSFILE", "/etc/retort/pgpass");
        QCOMPARE(PgpassFile::defaultPath(), QStringLiteral("/etc/retort/pgpass"));
        qunsetenv("PGPASSFILE");
        qputenv("HOME", oldHome);
    }
};

QTEST_GUILESS_MAIN(TestPgpassFile)
#include "tst_pgpassfile.moc"
