#pragma once

// A keychain that is there but does not work, as on a machine without a Secret Service: every call
// fails with the same message. Counts the calls, so tests can see it was (or was not) asked.

#include "secretstore.h"

#include <atomic>

namespace retort::test {

class FailingSecretStore : public SecretStore
{
public:
    explicit FailingSecretStore(QString message = QStringLiteral("no Secret Service on the session bus"))
        : m_message(std::move(message))
    {
    }

    std::optional<QString> read(const QString &, QString *error) override
    {
        ++calls;
        if (error)
            *error = m_message;
        return std::nullopt;
    }
    bool write(const QString &, const QString &, QString *error) override
    {
        ++calls;
        ++writes;
        if (error)
            *error = m_message;
        return false;
    }
    bool remove(const QString &, QString *error) override
    {
        ++calls;
        if (error)
            *error = m_message;
        return false;
    }

    std::atomic_int calls = 0;
    std::atomic_int writes = 0;

private:
    QString m_message;
};

} // namespace retort::test
