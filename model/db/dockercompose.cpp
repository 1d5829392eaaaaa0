#include "dockercompose.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

namespace retort {

namespace {

/// A YAML scalar without quotes and without a trailing comment.
QString scalar(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))) {
        const qsizetype end = value.indexOf(value.front(), 1);
        return end > 0 ? value.mid(1, end - 1) : value.mid(1);
    }
    if (const qsizetype comment = value.indexOf(QLatin1String(" #")); comment >= 0)
        value.truncate(comment);
    return value.trimmed();
}

qsizetype indentOf(const QString &line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

/// A value Compose would interpolate (${VAR}, $VAR) is not known here.
QString literal(const QString &value)
{
    return value.contains(QLatin1Char('$')) ? QString() : value;
}

/// "KEY=value" (list form) or "KEY: value" (map form) of an environment entry.
void readEnvironment(const QString &entry, DockerCompose::Service &service)
{
    const qsizetype equals = entry.indexOf(QLatin1Char('='));
    const qsizetype colon = entry.indexOf(QLatin1Char(':'));
    const qsizetype split = equals > 0 && (colon < 0 || equals < colon) ? equals : colon;
    if (split <= 0)
        return;
    const QString key = scalar(entry.left(split));
    const QString value = literal(scalar(entry.mid(split + 1)));
    if (key == u"POSTGRES_USER")
        service.user = value;
    else if (key == u"POSTGRES_PASSWORD")
        service.password = value;
    else if (key == u"POSTGRES_DB")
        service.database = value;
}

/// A short-syntax port ("[HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp]") publishing the container's 5432.
void readShortPort(const QString &text, DockerCompose::Service &service)
{
    QString port = scalar(text);
    port = port.section(QLatin1Char('/'), 0, 0);
    const qsizetype last = port.lastIndexOf(QLatin1Char(':'));
    if (last <= 0 || port.mid(last + 1) != u"5432")
        return;
    const QString host = port.left(last);
    const qsizetype before = host.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int hostPort = host.mid(before + 1).toInt(&ok);
    if (!ok || hostPort <= 0)
        return;
    service.hostPort = hostPort;
    service.hostAddress = before > 0 ? host.left(before).remove(QLatin1Char('[')).remove(QLatin1Char(']')) : QString();
}

/// The long syntax's `target:`, `published:` and `host_ip:` of one port entry, gathered line by line.
struct LongPort
{
    int target = 0;
    int published = 0;
    QString hostIp;
    void applyTo(DockerCompose::Service &service) const
    {
        if (target == 5432 && published > 0) {
            service.hostPort = published;
            service.hostAddress = hostIp;
        }
    }
};

} // namespace

bool DockerCompose::Service::looksLikePostgres() const
{
    return postgresEnvironment || image.contains(QLatin1String("postgres"), Qt::CaseInsensitive) ||
           image.contains(QLatin1String("postgis"), Qt::CaseInsensitive) ||
           image.contains(QLatin1String("timescaledb"), Qt::CaseInsensitive);
}

QString DockerCompose::findFile(const QString &projectRoot)
{
    const QDir root(projectRoot);
    for (const char *name : {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"}) {
        const QString path = root.filePath(QLatin1String(name));
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

QString DockerCompose::findFileUpwards(const QString &folder)
{
    if (folder.isEmpty())
        return {};
    // The folders from \a folder up to its repository's root, if it is in one.
    QStringList folders;
    QDir dir(QFileInfo(folder).absoluteFilePath());
    bool inRepository = false;
    for (;;) {
        folders << dir.absolutePath();
        if (QFileInfo::exists(dir.filePath(QStringLiteral(".git")))) {
            inRepository = true;
            break;
        }
        if (!dir.cdUp())
            break;
    }
    if (!inRepository)
        folders = folders.mid(0, 1);
    for (const QString &candidate : std::as_const(folders)) {
        const QString file = findFile(candidate);
        if (!file.isEmpty())
            return file;
    }
    return {};
}

QList<DockerCompose::Service> DockerCompose::parseServices(const QByteArray &yaml)
{
    QList<Service> services;
    bool inServices = false;
    qsizetype serviceIndent = -1;
    qsizetype keyIndent = -1; ///< of a service's own keys (image:, ports:, ...)
    QString section;          ///< the service key the deeper lines belong to
    LongPort longPort;
    const auto finishPort = [&] {
        if (!services.isEmpty())
            longPort.applyTo(services.last());
        longPort = LongPort();
    };
    const QStringList lines = QString::fromUtf8(yaml).split(QLatin1Char('\n'));
    for (QString line : lines) {
        line.replace(QLatin1Char('\t'), QLatin1Char(' '));
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype indent = indentOf(line);
        if (indent == 0) {
            finishPort();
            inServices = trimmed.startsWith(QLatin1String("services:"));
            serviceIndent = -1;
            continue;
        }
        if (!inServices)
            continue;
        if (serviceIndent < 0)
            serviceIndent = indent;
        if (indent < serviceIndent)
            continue;
        if (indent == serviceIndent) {
            finishPort();
            const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
            if (colon > 0)
                services << Service{scalar(trimmed.left(colon)), {}, false, {}, {}, {}, 0, {}};
            keyIndent = -1;
            section.clear();
            continue;
        }
        if (services.isEmpty())
            continue;
        Service &service = services.last();
        if (trimmed.contains(QLatin1String("POSTGRES_")))
            service.postgresEnvironment = true;
        if (keyIndent < 0)
            keyIndent = indent;
        const bool item = trimmed.startsWith(QLatin1Char('-'));
        if (indent <= keyIndent && !item) { // a key of the service; "- ..." may sit at its indent
            finishPort();
            const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
            section = colon > 0 ? trimmed.left(colon).trimmed() : QString();
            const QString value = colon > 0 ? trimmed.mid(colon + 1).trimmed() : QString();
            if (section == u"image") {
                service.image = scalar(value);
            } else if (section == u"ports" && value.startsWith(QLatin1Char('['))) { // ports: ["5433:5432"]
                const QString inner = value.mid(1, value.indexOf(QLatin1Char(']')) - 1);
                for (const QString &port : inner.split(QLatin1Char(',')))
                    readShortPort(port, service);
            }
            continue;
        }
        // A line inside one of the service's keys.
        const QString entry = item ? trimmed.mid(1).trimmed() : trimmed;
        if (section == u"environment") {
            readEnvironment(entry, service);
        } else if (section == u"ports") {
            if (item)
                finishPort();
            const qsizetype colon = entry.indexOf(QLatin1Char(':'));
            const QString key = colon > 0 ? entry.left(colon).trimmed() : QString();
            if (key == u"target" || key == u"published" || key == u"host_ip" || key == u"protocol" || key == u"mode") {
                const QString value = scalar(entry.mid(colon + 1));
                if (key == u"target")
                    longPort.target = value.toInt();
                else if (key == u"published")
                    longPort.published = value.section(QLatin1Char('-'), 0, 0).toInt();
                else if (key == u"host_ip")
                    longPort.hostIp = value;
            } else if (item) {
                readShortPort(entry, service);
            }
        }
    }
    finishPort();
    return services;
}

QList<DockerCompose::Service> DockerCompose::composeServices(const QString &projectRoot)
{
    return postgresServices(findFile(projectRoot));
}

QList<DockerCompose::Service> DockerCompose::postgresServices(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    QList<Service> postgres;
    for (const Service &service : parseServices(file.readAll())) {
        if (service.looksLikePostgres())
            postgres << service;
    }
    return postgres;
}

QStringList DockerCompose::upArguments(const QString &composeFile, const QString &service)
{
    return {QStringLiteral("compose"), QStringLiteral("-f"), composeFile,
            QStringLiteral("up"),      QStringLiteral("-d"), service};
}

ConnectionProfile DockerCompose::profileFor(const Service &service, const QString &composeFile)
{
    ConnectionProfile profile;
    // The same service of the same file keeps its id (and so its password in the keychain).
    const QByteArray identity = QFileInfo(composeFile).absoluteFilePath().toUtf8() + '\n' + service.name.toUtf8();
    profile.id = QStringLiteral("compose-") +
                 QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(16));
    profile.name = QStringLiteral("%1 (compose)").arg(service.name);
    profile.kind = ConnectionProfile::Kind::DockerContainer;
    profile.environment = ConnectionProfile::Environment::Local;
    const bool anyAddress =
        service.hostAddress.isEmpty() || service.hostAddress == u"0.0.0.0" || service.hostAddress == u"::";
    profile.host = anyAddress ? QStringLiteral("127.0.0.1") : service.hostAddress;
    profile.port = service.hostPort;
    // The postgres image's defaults: user postgres, a database named after the user.
    profile.user = service.user.isEmpty() ? QStringLiteral("postgres") : service.user;
    profile.database = service.database.isEmpty() ? profile.user : service.database;
    profile.containerName = service.name;
    return profile;
}

bool DockerCompose::startComposeService(const QString &projectRoot, const QString &service, QString *error,
                                        int timeoutMs)
{
    const auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString file = findFile(projectRoot);
    if (file.isEmpty())
        return failed(QStringLiteral("%1 has no compose file (compose.yaml or docker-compose.yml)").arg(projectRoot));
    const QString docker = QStandardPaths::findExecutable(QStringLiteral("docker"));
    if (docker.isEmpty())
        return failed(QStringLiteral("the docker command is not installed, so %1 cannot be started").arg(service));
    QProcess process;
    process.setWorkingDirectory(projectRoot);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(docker, upArguments(file, service));
    if (!process.waitForStarted())
        return failed(QStringLiteral("docker could not be started: %1").arg(process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return failed(
            QStringLiteral("docker compose up -d %1 did not finish within %2 s").arg(service).arg(timeoutMs / 1000));
    }
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return failed(
            QStringLiteral("docker compose up -d %1 failed: %2")
                .arg(service, output.isEmpty() ? QStringLiteral("exit code %1").arg(process.exitCode()) : output));
    return true;
}

} // namespace retort
