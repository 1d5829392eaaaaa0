#pragma once

#include "discovereddatabase.h"
#include "httpresponse.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace retort {

/// A Docker Engine API client over the engine's unix socket (HTTP/1.1 on QLocalSocket, API
/// v1.40; podman's API socket answers the same). Blocking with a timeout per request: use it from a
/// worker thread. Every failure comes back as one sentence naming the socket and what went wrong.
class DockerClient
{
public:
    /// \a socketPath: the unix socket of the engine (see defaultSocketPath()).
    explicit DockerClient(QString socketPath = defaultSocketPath(), int timeoutMs = 10'000);

    /// The path from $DOCKER_HOST when it is unix://PATH, /var/run/docker.sock when DOCKER_HOST is
    /// unset, empty when DOCKER_HOST names something else (tcp://, ssh://).
    static QString defaultSocketPath();
    QString socketPath() const { return m_socketPath; }

    /// One request (Connection: close). \a body, when given, is sent as application/json.
    /// nullopt with \a error when the engine could not be asked or its answer could not be read;
    /// HTTP error statuses are returned as responses (see engineError()).
    std::optional<HttpResponse> request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                                        QString *error = nullptr) const;

    /// Running containers that serve PostgreSQL (the image's name mentions postgres, port 5432 is
    /// exposed or published, or POSTGRES_* variables are set), each as a profile with its password.
    std::optional<QList<DiscoveredDatabase>> postgresContainers(QString *error = nullptr) const;

    /// The database a container serves, from its inspect document (GET /containers/{id}/json);
    /// nullopt when it does not look like PostgreSQL.
    static std::optional<DiscoveredDatabase> databaseFromInspect(const QJsonObject &inspect);
    /// "the Docker engine answered 404 Not Found: no such container" for a failed response.
    static QString engineError(const HttpResponse &response);

private:
    QString m_socketPath;
    int m_timeoutMs;
};

} // namespace retort
