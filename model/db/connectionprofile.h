#pragma once

#include <QString>
#include <optional>

namespace retort {

/// A named database Retort can connect to: the embedded sandbox, a PostgreSQL in a Docker
/// container, a remote PostgreSQL server or an SQLite file. A value; it never holds a password
/// (passwords come from PasswordResolver and are passed in where a connection string is built).
struct ConnectionProfile
{
    enum class Kind { Sandbox, DockerContainer, RemotePostgres, SqliteFile };
    enum class Environment { Local, Dev, Staging, Production };

    QString id;
    QString name;
    Kind kind = Kind::RemotePostgres;
    Environment environment = Environment::Local;
    QString host;
    int port = 0; ///< 0: libpq's default (5432)
    QString database;
    QString user;
    QString sslMode;     ///< libpq sslmode (disable, allow, prefer, require, verify-ca, verify-full); empty: default
    QString sslRootCert; ///< path of the root certificate for verify-ca / verify-full
    QString service;     ///< a libpq service name (pg_service.conf)
    QString sqlitePath;
    QString containerId;
    QString containerName;

    bool isPostgres() const { return kind != Kind::SqliteFile; }
    /// The colour of this profile's environment tag.
    QString color() const { return environmentColor(environment); }

    /// A libpq connection string (key=value, values quoted and escaped as libpq requires); the
    /// password is included only when not empty. Empty for SQLite profiles.
    QString toLibpqConnectionString(const QString &password = {}) const;
    /// A SQLAlchemy URL (postgresql://user:password@host:port/db?sslmode=...), user, password and
    /// database percent-encoded; sqlite:////absolute/path for SQLite profiles.
    QString toSqlalchemyUrl(const QString &password = {}) const;

    /// Stable names used in settings files: "sandbox", "docker", "remote", "sqlite".
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    /// "local", "dev", "staging", "production".
    static QString environmentName(Environment environment);
    static std::optional<Environment> environmentFromName(const QString &name);
    /// "#rrggbb": green for local, blue for dev, amber for staging, red for production.
    static QString environmentColor(Environment environment);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace retort
