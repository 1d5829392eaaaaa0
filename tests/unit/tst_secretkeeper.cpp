// SecretKeeper: the keychain checked once off the GUI thread; a working one keeps remembered
// passwords, a failing one (no Secret Service) is given up with its reason and the password stays in
// this session's memory; without a keychain at all, memory only.
#include "failingsecretstore.h"
#include "memorysecretstore.h"
#include "passwordresolver.h"
#include "secretkeeper.h"

#include <QSignalSpy>
#include <QTest>

using namespace retort;
using State = SecretKeeper::KeychainState;

namespace {

ConnectionProfile profile(const QString &id = QStringLiteral("p1"))
{
    ConnectionProfile p;
    p.id = id;
    p.name = QStringLiteral("shop staging");
    return p;
}

} // namespace

class TestSecretKeeper : public QObject
{
    Q_OBJECT

private slots:
    void aWorkingKeychainKeepsWhatIsRemembered()
    {
        auto keychain = std::make_shared<MemorySecretStore>();
        SecretKeeper keeper(keychain);
        QCOMPARE(keeper.keychainState(), State::Unchecked);
        QSignalSpy checked(&keeper, &SecretKeeper::keychainChecked);
        keeper.checkKeychain();
        QCOMPARE(keeper.keychainState(), State::Checking);
        keeper.checkKeychain(); // once is enough
        QVERIFY(checked.wait(5000));
        QCOMPARE(checked.size(), 1);
        QCOMPARE(checked.constFirst().at(0).toBool(), true);
        QCOMPARE(keeper.keychainState(), State::Available);
        QCOMPARE(keeper.keychain(), std::shared_ptr<SecretStore>(keychain));

        QSignalSpy kept(&keeper, &SecretKeeper::keptInKeychain);
        keeper.keep(profile(), QStringLiteral("typed"), true);
        QCOMPARE(keeper.sessionPassword(profile()), std::optional<QString>(QStringLiteral("typed"))); // at once
        QVERIFY(kept.wait(5000));
        QCOMPARE(kept.constFirst().at(0).toString(), QStringLiteral("shop staging"));
        QCOMPARE(kept.constFirst().at(1).toBool(), true);
        QCOMPARE(keychain->read(PasswordResolver::keychainKey(profile())),
                 std::optional<QString>(QStringLiteral("typed")));

        // Not remembered: memory only.
        keeper.keep(profile(QStringLiteral("p2")), QStringLiteral("session"), false);
        QCOMPARE(keeper.sessionPassword(profile(QStringLiteral("p2"))),
                 std::optional<QString>(QStringLiteral("session")));
        QCOMPARE(keychain->read(PasswordResolver::keychainKey(profile(QStringLiteral("p2")))), std::nullopt);
        keeper.forget(profile(QStringLiteral("p2")));
        QCOMPARE(keeper.sessionPassword(profile(QStringLiteral("p2"))), std::nullopt);
        QVERIFY(keychain->read(PasswordResolver::keychainKey(profile()))); // forget() leaves the keychain alone
    }

    void aFailingKeychainIsGivenUpWithItsReason()
    {
        auto keychain = std::make_shared<test::FailingSecretStore>(QStringLiteral("no Secret Service here"));
        SecretKeeper keeper(keychain);
        QSignalSpy checked(&keeper, &SecretKeeper::keychainChecked);
        keeper.checkKeychain();
        QVERIFY(checked.wait(5000));
        QCOMPARE(checked.constFirst().at(0).toBool(), false);
        QCOMPARE(checked.constFirst().at(1).toString(), QStringLiteral("no Secret Service here"));
        QCOMPARE(keeper.keychainState(), State::Unavailable);
        QCOMPARE(keeper.keychainProblem(), QStringLiteral("no Secret Service here"));
        QCOMPARE(keeper.keychain(), nullptr); // the loader no longer asks it

        // Asked to remember anyway: the session keeps it, the answer says why the keychain did not.
        const int calls = keychain->calls;
        QSignalSpy kept(&keeper, &SecretKeeper::keptInKeychain);
        keeper.keep(profile(), QStringLiteral("typed"), true);
        QCOMPARE(kept.size(), 1); // at once: the keychain is not asked again
        QCOMPARE(kept.constFirst().at(1).toBool(), false);
        QCOMPARE(kept.constFirst().at(2).toString(), QStringLiteral("no Secret Service here"));
        QCOMPARE(keychain->calls, calls);
        QCOMPARE(keeper.sessionPassword(profile()), std::optional<QString>(QStringLiteral("typed")));
    }

    void aKeychainThatFailsOnWriteIsGivenUpToo()
    {
        // Unchecked, then the write fails: the password stays in memory and the keychain is given up.
        auto keychain = std::make_shared<test::FailingSecretStore>(QStringLiteral("locked"));
        SecretKeeper keeper(keychain);
        QSignalSpy kept(&keeper, &SecretKeeper::keptInKeychain);
        QSignalSpy checked(&keeper, &SecretKeeper::keychainChecked);
        keeper.keep(profile(), QStringLiteral("typed"), true);
        QVERIFY(kept.wait(5000));
        QCOMPARE(kept.constFirst().at(1).toBool(), false);
        QCOMPARE(keychain->writes, 1);
        QCOMPARE(keeper.keychainState(), State::Unavailable);
        QCOMPARE(checked.size(), 1);
        QCOMPARE(keeper.sessionPassword(profile()), std::optional<QString>(QStringLiteral("typed")));
    }

    void withoutAKeychainMemoryOnly()
    {
        SecretKeeper keeper(nullptr);
        QCOMPARE(keeper.keychainState(), State::Unavailable);
        QVERIFY(!keeper.keychainProblem().isEmpty());
        keeper.checkKeychain(); // nothing to check
        QCOMPARE(keeper.keychainState(), State::Unavailable);
        keeper.keep(profile(), QStringLiteral("typed"), false);
        QCOMPARE(keeper.sessionPassword(profile()), std::optional<QString>(QStringLiteral("typed")));

        // A keychain given later is checked afresh.
        keeper.setKeychain(std::make_shared<MemorySecretStore>());
        QCOMPARE(keeper.keychainState(), State::Unchecked);
        QSignalSpy checked(&keeper, &SecretKeeper::keychainChecked);
        keeper.checkKeychain();
        QVERIFY(checked.wait(5000));
        QCOMPARE(keeper.keychainState(), State::Available);
    }
};

QTEST_GUILESS_MAIN(TestSecretKeeper)
#include "tst_secretkeeper.moc"
