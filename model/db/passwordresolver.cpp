#include "passwordresolver.h"

#include "pgpassfile.h"
#include "secretstore.h"

#include <pwd.h>
#include <unistd.h>

namespace retort {

namespace {

/// libpq's default user: $PGUSER, else the operating system user.
QString effectiveUser(const QString &user)
{
    if (!user.isEmpty())
        return user;
    const QString configured = qEnvironmentVariable("PGUSER");
    if (!configured.isEmpty())
        return configured;
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

} // namespace

PasswordResolver::PasswordResolver(SecretStore *keychain)
    : m_keychain(keychain)
{
}

QString PasswordResolver::keychainKey(const ConnectionProfile &profile)
{
    return QStringLiteral("profile/") + profile.id;
}

PasswordResolver::Result PasswordResolver::resolve(const ConnectionProfile &profile) const
{
    Result result;
    if (!profile.isPostgres())
        return result;
    if (m_keychain && !profile.id.isEmpty()) {
        QString error;
        if (const auto secret = m_keychain->read(keychainKey(profile), &error)) {
            result.password = *secret;
            result.origin = Origin::Keychain;
            return result;
        }
        if (!error.isEmpty())
            result.warnings << error;
    }
    if (qEnvironmentVariableIsSet("PGPASSWORD")) {
        result.password = qEnvironmentVariable("PGPASSWORD");
        result.origin = Origin::Environment;
        return result;
    }
    QString warning;
    const QString path = PgpassFile::defaultPath();
    const QList<PgpassFile::Entry> entries = PgpassFile::read(path, &warning);
    if (!warning.isEmpty())
        result.warnings << warning;
    const QString user = effectiveUser(profile.user);
    if (const auto password = PgpassFile::lookup(entries, profile.host, profile.port, profile.database, user)) {
        result.password = *password;
        result.origin = Origin::PasswordFile;
    }
    return result;
}

} // namespace retort
