#include "connectionprofile.h"

#include <QDir>
#include <QStringList>
#include <QUrl>

namespace retort {

namespace {

/// A libpq conninfo value: bare when it is a plain word, else in single quotes with ' and \ escaped.
QString conninfoValue(const QString &value)
{
    bool plain = !value.isEmpty();
    for (const QChar c : value) {
        if (c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\') || c == QLatin1Char('=')) {
            plain = false;
            break;
        }
    }
    if (plain)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString percentEncoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

QString ConnectionProfile::toLibpqConnectionString(const QString &password) const
{
    if (kind == Kind::SqliteFile)
        return {};
    QStringList parts;
    const auto add = [&parts](const char *key, const QString &value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + QLatin1Char('=') + conninfoValue(value);
    };
    add("service", service);
    add("host", host);
    if (port > 0)
        add("port", QString::number(port));
    add("dbname", database);
    add("user", user);
    add("password", password);
    add("sslmode", sslMode);
    add("sslrootcert", sslRootCert);
    return parts.join(QLatin1Char(' '));
}

QString ConnectionProfile::toSqlalchemyUrl(const QString &password) const
{
    if (kind == Kind::SqliteFile)
        return QStringLiteral("sqlite:///") + QDir::cleanPath(QDir().absoluteFilePath(sqlitePath));
    QString url = QStringLiteral("postgresql://");
    if (!user.isEmpty() || !password.isEmpty()) {
        url += percentEncoded(user);
        if (!password.isEmpty())
            url += QLatin1Char(':') + percentEncoded(password);
        url += QLatin1Char('@');
    }
    QStringList query;
    const bool socketFolder = host.startsWith(QLatin1Char('/'));
    if (socketFolder)
        query << QStringLiteral("host=") + percentEncoded(host);
    else if (host.contains(QLatin1Char(':')))
        url += QLatin1Char('[') + host + QLatin1Char(']'); // IPv6 literal
    else
        url += host;
    if (port > 0) {
        if (socketFolder)
            query << QStringLiteral("port=%1").arg(port);
        else
            url += QLatin1Char(':') + QString::number(port);
    }
    url += QLatin1Char('/') + percentEncoded(database);
    if (!sslMode.isEmpty())
        query << QStringLiteral("sslmode=") + percentEncoded(sslMode);
    if (!sslRootCert.isEmpty())
        query << QStringLiteral("sslrootcert=") + percentEncoded(sslRootCert);
    if (!service.isEmpty())
        query << QStringLiteral("service=") + percentEncoded(service);
    if (!query.isEmpty())
        url += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return url;
}

QString ConnectionProfile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Sandbox:
        return QStringLiteral("sandbox");
    case Kind::DockerContainer:
        return QStringLiteral("docker");
    case Kind::RemotePostgres:
        return QStringLiteral("remote");
    case Kind::SqliteFile:
        return QStringLiteral("sqlite");
    }
    return {};
}

std::optional<ConnectionProfile::Kind> ConnectionProfile::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Sandbox, Kind::DockerContainer, Kind::RemotePostgres, Kind::SqliteFile}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString ConnectionProfile::environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Local:
        return QStringLiteral("local");
    case Environment::Dev:
        return QStringLiteral("dev");
    case Environment::Staging:
        return QStringLiteral("staging");
    case Environment::Production:
        return QStringLiteral("production");
    }
    return {};
}

std::optional<ConnectionProfile::Environment> ConnectionProfile::environmentFromName(const QString &name)
{
    for (const Environment environment :
         {Environment::Local, Environment::Dev, Environment::Staging, Environment::Production}) {
        if (environmentName(environment) == name)
            return environment;
    }
    return std::nullopt;
}

QString ConnectionProfile::environmentColor(Environment environment)
{
    switch (environment) {
    case Environment::Local:
        return QStringLiteral("#2e7d32");
    case Environment::Dev:
        return QStringLiteral("#1565c0");
    case Environment::Staging:
        return QStringLiteral("#ef6c00");
    case Environment::Production:
        return QStringLiteral("#c62828");
    }
    return {};
}

} // namespace retort
