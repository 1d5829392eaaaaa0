#pragma once

#include "connectionprofile.h"
#include "memorysecretstore.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace retort {

class SecretStore;

/// Where the passwords typed into Retort go: the OS keychain when one answers, and always memory for
/// this session. The keychain blocks (D-Bus), so it is only called on worker threads; whether it
/// works is found out once, on demand (checkKeychain()), and a keychain that fails later is given up
/// for the session. Passwords never reach settings or logs from here.
class SecretKeeper : public QObject
{
    Q_OBJECT

public:
    enum class KeychainState { Unchecked, Checking, Available, Unavailable };
    Q_ENUM(KeychainState)

    /// \a keychain: the OS keychain, or null when Retort was built without one.
    explicit SecretKeeper(std::shared_ptr<SecretStore> keychain, QObject *parent = nullptr);
    ~SecretKeeper() override;

    /// KeychainSecretStore when QtKeychain was found at build time, else null.
    static std::shared_ptr<SecretStore> systemKeychain();

    /// Replaces the keychain (tests; null: none) and forgets what was known about the old one.
    void setKeychain(std::shared_ptr<SecretStore> keychain);
    KeychainState keychainState() const { return m_state; }
    /// Why the keychain cannot be used, in plain words (empty while it can, or is not checked yet).
    QString keychainProblem() const { return m_problem; }
    /// Asks the keychain once (off the GUI thread) whether it answers; keychainChecked() follows.
    /// Does nothing when that is known or being found out.
    void checkKeychain();
    /// The keychain for a worker thread to read; null when there is none or it is known not to work.
    std::shared_ptr<SecretStore> keychain() const;

    /// The password typed for \a profile this session, if any.
    std::optional<QString> sessionPassword(const ConnectionProfile &profile) const;
    /// Keeps \a password for \a profile in memory for this session at once and, when \a inKeychain
    /// and the keychain works, in the keychain too (off the GUI thread; keptInKeychain() follows).
    void keep(const ConnectionProfile &profile, const QString &password, bool inKeychain);
    /// Forgets this session's password for \a profile (the keychain's stays).
    void forget(const ConnectionProfile &profile);

signals:
    void keychainChecked(bool available, const QString &problem);
    /// After keep(..., true): whether the keychain took the password of \a profileName; when it did
    /// not, \a problem says why (the password stays in memory for this session).
    void keptInKeychain(const QString &profileName, bool ok, const QString &problem);

private:
    void markUnavailable(const QString &problem);

    std::shared_ptr<SecretStore> m_keychain;
    mutable MemorySecretStore m_session; ///< read() is not const in the SecretStore interface
    KeychainState m_state = KeychainState::Unchecked;
    QString m_problem;
    quint64 m_generation = 0; ///< of the keychain now in use: answers about an older one are dropped
};

} // namespace retort
