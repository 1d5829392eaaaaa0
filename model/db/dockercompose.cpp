#include "dockercompose.h"

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

QList<DockerCompose::Service> DockerCompose::parseServices(const QByteArray &yaml)
{
    QList<Service> services;
    bool inServices = false;
    qsizetype serviceIndent = -1;
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
            const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
            if (colon > 0)
                services << Service{scalar(trimmed.left(colon)), {}, false};
            continue;
        }
        if (services.isEmpty())
            continue;
        if (trimmed.startsWith(QLatin1String("image:")))
            services.last().image = scalar(trimmed.mid(6));
        else if (trimmed.contains(QLatin1String("POSTGRES_")))
            services.last().postgresEnvironment = true;
    }
    return services;
}

QList<DockerCompose::Service> DockerCompose::composeServices(const QString &projectRoot)
{
    QFile file(findFile(projectRoot));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    QList<Service> postgres;
    for (const Service &service : parseServices(file.readAll())) {
        if (service.looksLikePostgres())
            postgres << service;
    }
    return postgres;
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
    process.start(docker, {QStringLiteral("compose"), QStringLiteral("-f"), file, QStringLiteral("up"),
                           QStringLiteral("-d"), service});
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
