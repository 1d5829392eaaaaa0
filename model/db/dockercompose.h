#pragma once

#include "connectionprofile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

/// A project's Docker Compose file, read lightly (service names under `services:` with their
/// `image:`, `environment:` and `ports:`, no full YAML), and `docker compose up -d SERVICE` to
/// start its database.
class DockerCompose
{
public:
    struct Service
    {
        QString name;
        QString image;
        bool postgresEnvironment = false; ///< mentions POSTGRES_* variables
        /// POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB when given literally (not ${...}).
        QString user;
        QString password;
        QString database;
        /// The host port published for the container's 5432 ("5433:5432"); 0 when none is.
        int hostPort = 0;
        /// The host address that port is bound to ("127.0.0.1:5433:5432"); empty: every address.
        QString hostAddress;
        /// The image names PostgreSQL (postgres, postgis, timescaledb) or POSTGRES_* is set.
        bool looksLikePostgres() const;
        friend bool operator==(const Service &, const Service &) = default;
    };

    /// compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml in \a projectRoot (the
    /// order Docker Compose itself tries); empty when there is none.
    static QString findFile(const QString &projectRoot);
    /// The compose file of \a folder or of the nearest folder above it, up to the root of the
    /// repository \a folder is in (a folder with .git); without a repository, \a folder only.
    static QString findFileUpwards(const QString &folder);
    /// Every service of a compose file's text, in file order.
    static QList<Service> parseServices(const QByteArray &yaml);
    /// The services of the project's compose file that look like PostgreSQL.
    static QList<Service> composeServices(const QString &projectRoot);
    /// The PostgreSQL-looking services of the compose file at \a path.
    static QList<Service> postgresServices(const QString &path);
    /// The arguments of `docker compose -f FILE up -d SERVICE`.
    static QStringList upArguments(const QString &composeFile, const QString &service);
    /// A profile for \a service of \a composeFile once it runs: its published port on this host,
    /// its user and database (PostgreSQL's image defaults where the file says nothing), tagged local.
    /// Never a password (the caller keeps service.password apart).
    static ConnectionProfile profileFor(const Service &service, const QString &composeFile);
    /// Runs `docker compose -f FILE up -d SERVICE` in \a projectRoot and waits for it (blocking:
    /// a worker thread); false with the command's own error text in \a error. Waiting until the
    /// database accepts connections is ConnectionTester::waitUntilAccepting.
    static bool startComposeService(const QString &projectRoot, const QString &service, QString *error = nullptr,
                                    int timeoutMs = 300'000);
};

} // namespace retort
