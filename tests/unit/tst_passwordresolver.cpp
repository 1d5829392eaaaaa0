// PasswordResolver: keychain, then PGPASSWORD, then the password file; each source consulted only
// when the one before has nothing.
#include "connectionprofile.h"
#include "memorysecretstore.h"
#include "passwordresolver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

using Origin = PasswordResolver::Origin;

class TestPasswordResolver : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_pgpass;

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.id = QStringLiteral("p1");
        p.host = QStringLiteral("db.example.org");
        p.database = QStringLiteral("shop");
        p.user = QStringLiteral("app");
        return p;
    }

    bool writePgpass(const QByteArray &contents, QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner)
    {
        QFile file(m_pgpass);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(contents);
        file.close();
        return file.setPermissions(permissions);
    }

private slots:
    void init()
    {
        m_pgpass = m_dir.filePath(QStringLiteral("pgpass"));
        qputenv("PGPASSFILE", QFile::encodeName(m_pgpass));
        qunsetenv("PGPASSWORD");
        QFile::remove(m_pgpass);
    }

    void cleanupTestCase()
    {
        qunsetenv("PGPASSFILE");
        qunsetenv("PGPASSWORD");
    }

    void precedence()
    {
        MemorySecretStore keychain;
        PasswordResolver resolver(&keychain);

        auto result = resolver.resolve(profile());
        QVERIFY(!result.found());
        QCOMPARE(result.origin, Origin::None);

        QVERIFY(writePgpass("db.example.org:5432:shop:app:from-file\n"));
        result = resolver.resolve(profile());
        QCOMPARE(result.origin, Origin::PasswordFile);
        QCOMPARE(result.password, QStringLiteral("from-file"));

        qputenv("PGPASSWORD", "from-env");
        result = resolver.resolve(profile());
        QCOMPARE(result.origin, Origin::Environment);
        QCOMPARE(result.password, QStringLiteral("from-env"));

        QVERIFY(keychain.write(PasswordResolver::keychainKey(profile()), QStringLiteral("from-keychain")));
        result = resolver.resolve(profile());
        QCOMPARE(result.origin, Origin::Keychain);
        QCOMPARE(result.password, QStringLiteral("from-keychain"));

        // Another profile has nothing in the keychain: the environment answers.
        ConnectionProfile other = profile();
        other.id = QStringLiteral("p2");
        QCOMPARE(resolver.resolve(other).password, QStringLiteral("from-env"));

        // Without a keychain at all.
        QCOMPARE(PasswordResolver().resolve(profile()).origin, Origin::Environment);
    }

    void unsafePasswordFileIsIgnoredWithAWarning()
    {
        QVERIFY(writePgpass("*:*:*:*:leaked\n", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        const auto result = PasswordResolver().resolve(profile());
        QVERIFY(!result.found());
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings.first().contains(m_pgpass), qPrintable(result.warnings.first()));
    }

    void profilePortAndDefaultsReachThePasswordFile()
    {
        QVERIFY(writePgpass("db.example.org:6543:shop:app:on-6543\nlocalhost:5432:app:app:local-default-db\n"));
        ConnectionProfile p = profile();
        QVERIFY(!PasswordResolver().resolve(p).found()); // port 5432 is not 6543
        p.port = 6543;
        QCOMPARE(PasswordResolver().resolve(p).password, QStringLiteral("on-6543"));
        ConnectionProfile local;
        local.user = QStringLiteral("app");
        QCOMPARE(PasswordResolver().resolve(local).password, QStringLiteral("local-default-db"));
    }

    void sqliteNeedsNoPassword()
    {
        qputenv("PGPASSWORD", "from-env");
        ConnectionProfile p;
        p.kind = ConnectionProfile::Kind::SqliteFile;
        QVERIFY(!PasswordResolver().resolve(p).found());
    }
};

QTEST_GUILESS_MAIN(TestPasswordResolver)
#include "tst_passwordresolver.moc"
