#pragma once

#include "secretstore.h"

#include <QHash>

namespace retort {

/// A SecretStore that forgets everything when destroyed: tests, and sessions without a keychain.
class MemorySecretStore : public SecretStore
{
public:
    std::optional<QString> read(const QString &key, QString *error = nullptr) override;
    bool write(const QString &key, const QString &secret, QString *error = nullptr) override;
    bool remove(const QString &key, QString *error = nullptr) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace retort
