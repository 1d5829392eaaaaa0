#pragma once

#include "connectionprofile.h"

#include <QString>
#include <QStringList>

namespace retort {

class SecretStore;

/// Finds the password for a profile, most specific first: the password kept in the keychain for
/// this profile, then $PGPASSWORD, then the password file ($PGPASSFILE or ~/.pgpass, read as libpq
/// reads it). libpq itself would also consult PGPASSWORD and .pgpass; resolving here lets Retort
/// say where a password came from and hand it to Alembic's SQLAlchemy URL.
class PasswordResolver
{
public:
    enum class Origin { None, Keychain, Environment, PasswordFile };
    struct Result
    {
        QString password;
        Origin origin = Origin::None;
        /// Problems met on the way (an unsafe password file, a keychain error), in plain words.
        QStringList warnings;
        bool found() const { return origin != Origin::None; }
    };

    /// \a keychain may be null (no keychain consulted); it is not owned.
    explicit PasswordResolver(SecretStore *keychain = nullptr);

    Result resolve(const ConnectionProfile &profile) const;
    /// The keychain key of a profile's password.
    static QString keychainKey(const ConnectionProfile &profile);

private:
    SecretStore *m_keychain;
};

} // namespace retort
