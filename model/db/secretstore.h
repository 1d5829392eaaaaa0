#pragma once

#include <QString>
#include <optional>

namespace retort {

/// Where passwords the user typed are kept, keyed by profile id: the OS keychain
/// (KeychainSecretStore, when QtKeychain was found at build time) or memory (MemorySecretStore, for
/// tests and for machines without a secret service). Calls block; make them from a worker thread.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    /// The secret for \a key; nullopt when there is none or on error (\a error says which).
    virtual std::optional<QString> read(const QString &key, QString *error = nullptr) = 0;
    virtual bool write(const QString &key, const QString &secret, QString *error = nullptr) = 0;
    virtual bool remove(const QString &key, QString *error = nullptr) = 0;
};

} // namespace retort
