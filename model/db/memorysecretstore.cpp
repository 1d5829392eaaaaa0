#include "memorysecretstore.h"

namespace retort {

std::optional<QString> MemorySecretStore::read(const QString &key, QString *)
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        return std::nullopt;
    return *it;
}

bool MemorySecretStore::write(const QString &key, const QString &secret, QString *)
{
    m_secrets.insert(key, secret);
    return true;
}

bool MemorySecretStore::remove(const QString &key, QString *)
{
    m_secrets.remove(key);
    return true;
}

} // namespace retort
