#include "dockerclient.h"

#include "httpresponseparser.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QUrl>

namespace retort {

namespace {

constexpr auto kApi = "/v1.40";

QString socketError(const QLocalSocket &socket, const QString &path)
{
    switch (socket.error()) {
    case QLocalSocket::ServerNotFoundError:
        if (!QFileInfo::exists(path))
            return QStringLiteral(
                       "no Docker engine at %1 (the socket does not exist; is Docker or podman's API service "
                       "running?)")
                .arg(path);
        return QStringLiteral("no Docker engine at %1 (nothing listens on that socket)").arg(path);
    case QLocalSocket::ConnectionRefusedError:
        return QStringLiteral("no Docker engine is listening at %1 (the connection was refused)").arg(path);
    case QLocalSocket::SocketAccessError:
        return QStringLiteral("permission denied on %1 (join the docker group, or point DOCKER_HOST at a socket you "
                              "can use)")
            .arg(path);
    case QLocalSocket::SocketTimeoutError:
        return QStringLiteral("the Docker engine at %1 did not answer in time").arg(path);
    default:
        return QStringLiteral("the Docker engine at %1 could not be reached: %2").arg(path, socket.errorString());
    }
}

QString envValue(const QJsonArray &env, const QString &name)
{
    const QString prefix = name + QLatin1Char('=');
    for (const QJsonValue &entry : env) {
        const QString text = entry.toString();
        if (text.startsWith(prefix))
            return text.mid(prefix.size());
    }
    return {};
}

} // namespace

DockerClient::DockerClient(QString socketPath, int timeoutMs)
    : m_socketPath(std::move(socketPath))
    , m_timeoutMs(timeoutMs)
{
}

QString DockerClient::defaultSocketPath()
{
    const QString host = qEnvironmentVariable("DOCKER_HOST");
    if (host.isEmpty())
        return QStringLiteral("/var/run/docker.sock");
    if (host.startsWith(QLatin1String("unix://")))
        return host.mid(7);
    return {};
}

std::optional<HttpResponse> DockerClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                                  QString *error) const
{
    const auto failed = [error](const QString &message) -> std::optional<HttpResponse> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (m_socketPath.isEmpty())
        return failed(
            QStringLiteral("DOCKER_HOST is “%1”; Retort reaches the Docker engine only through a unix:// socket")
                .arg(qEnvironmentVariable("DOCKER_HOST")));
    QDeadlineTimer deadline(m_timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return failed(socketError(socket, m_socketPath));

    QByteArray head = method + ' ' + QByteArray(kApi) + path.toUtf8() + " HTTP/1.1\r\n" +
                      "Host: docker\r\nUser-Agent: Retort\r\nAccept: application/json\r\nConnection: close\r\n";
    if (!body.isEmpty() || method == "POST")
        head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(head + "\r\n" + body);
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
            return failed(socketError(socket, m_socketPath));
    }

    HttpResponseParser parser;
    while (parser.state() == HttpResponseParser::State::Incomplete) {
        if (socket.bytesAvailable() > 0) {
            parser.feed(socket.readAll());
            continue;
        }
        if (socket.state() != QLocalSocket::ConnectedState) {
            parser.finish();
            break;
        }
        if (deadline.hasExpired())
            return failed(QStringLiteral("the Docker engine at %1 did not answer %2 %3 within %4 s")
                              .arg(m_socketPath, QString::fromLatin1(method), path)
                              .arg(m_timeoutMs / 1000.0));
        socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    if (parser.state() != HttpResponseParser::State::Complete)
        return failed(QStringLiteral("the answer from the Docker engine at %1 could not be read: %2")
                          .arg(m_socketPath, parser.error()));
    return parser.response();
}

QString DockerClient::engineError(const HttpResponse &response)
{
    QString message = QJsonDocument::fromJson(response.body).object().value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(response.body.left(200)).trimmed();
    return QStringLiteral("the Docker engine answered %1 %2%3")
        .arg(response.status)
        .arg(QString::fromLatin1(response.reason), message.isEmpty() ? QString() : QStringLiteral(": ") + message);
}

std::optional<DiscoveredDatabase> DockerClient::databaseFromInspect(const QJsonObject &inspect)
{
    const QJsonObject config = inspect.value(QLatin1String("Config")).toObject();
    const QJsonObject network = inspect.value(QLatin1String("NetworkSettings")).toObject();
    const QJsonObject ports = network.value(QLatin1String("Ports")).toObject();
    const QJsonArray env = config.value(QLatin1String("Env")).toArray();
    const QString image = config.value(QLatin1String("Image")).toString();
    const auto postgresPort = QStringLiteral("5432/tcp");

    bool postgresEnv = false;
    for (const QJsonValue &entry : env)
        postgresEnv = postgresEnv || entry.toString().startsWith(QLatin1String("POSTGRES_"));
    const bool looksLikePostgres = image.contains(QLatin1String("postgres"), Qt::CaseInsensitive) ||
                                   image.contains(QLatin1String("postgis"), Qt::CaseInsensitive) ||
                                   config.value(QLatin1String("ExposedPorts")).toObject().contains(postgresPort) ||
                                   ports.contains(postgresPort) || postgresEnv;
    if (!looksLikePostgres)
        return std::nullopt;

    DiscoveredDatabase found;
    found.image = image;
    ConnectionProfile &profile = found.profile;
    const QString id = inspect.value(QLatin1String("Id")).toString();
    QString name = inspect.value(QLatin1String("Name")).toString();
    if (name.startsWith(QLatin1Char('/')))
        name.remove(0, 1);
    profile.id = QStringLiteral("docker-") + id.left(12);
    profile.name = name.isEmpty() ? id.left(12) : name;
    profile.kind = ConnectionProfile::Kind::DockerContainer;
    profile.environment = ConnectionProfile::Environment::Local;
    profile.containerId = id;
    profile.containerName = name;
    profile.user = envValue(env, QStringLiteral("POSTGRES_USER"));
    if (profile.user.isEmpty())
        profile.user = QStringLiteral("postgres"); // the official image's default
    profile.database = envValue(env, QStringLiteral("POSTGRES_DB"));
    if (profile.database.isEmpty())
        profile.database = profile.user;
    found.password = envValue(env, QStringLiteral("POSTGRES_PASSWORD"));

    for (const QJsonValue &binding : ports.value(postgresPort).toArray()) {
        const QJsonObject published = binding.toObject();
        const int port = published.value(QLatin1String("HostPort")).toString().toInt();
        if (port <= 0)
            continue;
        const QString hostIp = published.value(QLatin1String("HostIp")).toString();
        const bool anyAddress = hostIp.isEmpty() || hostIp == QLatin1String("0.0.0.0") || hostIp == QLatin1String("::");
        profile.host = anyAddress ? QStringLiteral("127.0.0.1") : hostIp;
        profile.port = port;
        found.published = true;
        break;
    }
    if (!found.published) {
        profile.host = network.value(QLatin1String("IPAddress")).toString();
        profile.port = 5432;
    }
    return found;
}

std::optional<QList<DiscoveredDatabase>> DockerClient::postgresContainers(QString *error) const
{
    const std::optional<HttpResponse> list = request("GET", QStringLiteral("/containers/json"), {}, error);
    if (!list)
        return std::nullopt;
    if (list->status != 200) {
        if (error)
            *error = engineError(*list);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(list->body, &parseError);
    if (!document.isArray()) {
        if (error)
            *error = QStringLiteral("the Docker engine's container list is not a JSON array (%1)")
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    QList<DiscoveredDatabase> databases;
    for (const QJsonValue &entry : document.array()) {
        const QString id = entry.toObject().value(QLatin1String("Id")).toString();
        if (id.isEmpty())
            continue;
        const std::optional<HttpResponse> inspect =
            request("GET", QStringLiteral("/containers/%1/json").arg(QString::fromLatin1(QUrl::toPercentEncoding(id))),
                    {}, error);
        if (!inspect)
            return std::nullopt;
        if (inspect->status == 404)
            continue; // gone between the list and the inspect
        if (inspect->status != 200) {
            if (error)
                *error = engineError(*inspect);
            return std::nullopt;
        }
        if (auto database = databaseFromInspect(QJsonDocument::fromJson(inspect->body).object()))
            databases << *database;
    }
    return databases;
}

} // namespace retort
