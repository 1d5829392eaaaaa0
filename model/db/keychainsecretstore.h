#pragma once

#include "secretstore.h"

namespace retort {

/// The OS keychain through QtKeychain (Secret Service / KWallet over D-Bus on Linux). Compiled only
/// when QtKeychain is found (RETORT_HAVE_QTKEYCHAIN). Each call runs the keychain job in a local
/// event loop with a timeout, so it must not be called on the GUI thread. Without a secret service
/// (headless machines) every call fails with QtKeychain's message.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("io.github.retort.Retort"), int timeoutMs = 10'000);

    std::optional<QString> read(const QString &key, QString *error = nullptr) override;
    bool write(const QString &key, const QString &secret, QString *error = nullptr) override;
    bool remove(const QString &key, QString *error = nullptr) override;

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace retort
