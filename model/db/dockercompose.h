#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace retort {

/// A project's Docker Compose file, read lightly (service names under `services:` with their
/// `image:` lines, no full YAML), and `docker compose up -d SERVICE` to start its database.
class DockerCompose
{
public:
    struct Service
    {
        QString name;
        QString image;
        bool postgresEnvironment = false; ///< mentions POSTGRES_* variables
        /// The image names PostgreSQL (postgres, postgis, timescaledb) or POSTGRES_* is set.
        bool looksLikePostgres() const;
        friend bool operator==(const Service &, const Service &) = default;
    };

    /// compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml in \a projectRoot (the
    /// order Docker Compose itself tries); empty when there is none.
    static QString findFile(const QString &projectRoot);
    /// Every service of a compose file's text, in file order.
    static QList<Service> parseServices(const QByteArray &yaml);
    /// The services of the project's compose file that look like PostgreSQL.
    static QList<Service> composeServices(const QString &projectRoot);
    /// Runs `docker compose -f FILE up -d SERVICE` in \a projectRoot and waits for it (blocking:
    /// a worker thread); false with the command's own error text in \a error. Waiting until the
    /// database accepts connections is ConnectionTester::waitUntilAccepting.
    static bool startComposeService(const QString &projectRoot, const QString &service, QString *error = nullptr,
                                    int timeoutMs = 300'000);
};

} // namespace retort
