#include "bridgescript.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QList>
#include <QSaveFile>
#include <QStandardPaths>

namespace retort {

namespace {

bool sameContent(const QString &path, const QByteArray &content)
{
    QFile existing(path);
    return existing.open(QIODevice::ReadOnly) && existing.readAll() == content;
}

} // namespace

QString BridgeScript::resourcePath()
{
    return QStringLiteral(":/python/retort_bridge.py");
}

QStringList BridgeScript::fileNames()
{
    return {QStringLiteral("retort_bridge.py"), QStringLiteral("retort_runs.py"), QStringLiteral("retort_streams.py"),
            QStringLiteral("retort_input.py")};
}

QString BridgeScript::install(QString *error)
{
    QList<QByteArray> contents;
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &name : fileNames()) {
        QFile resource(QStringLiteral(":/python/") + name);
        if (!resource.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("the embedded helper %1 is missing from this build").arg(resource.fileName());
            return {};
        }
        contents.append(resource.readAll());
        hash.addData(name.toUtf8());
        hash.addData(contents.last());
    }
    QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath() + QStringLiteral("/retort");
    folder += QStringLiteral("/bridge/") + QString::fromLatin1(hash.result().toHex().left(12));
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(folder);
        return {};
    }
    const QStringList names = fileNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString path = folder + QLatin1Char('/') + names.at(i);
        if (sameContent(path, contents.at(i)))
            continue;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(contents.at(i)) != contents.at(i).size() || !file.commit()) {
            if (error)
                *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            return {};
        }
    }
    return folder + QLatin1Char('/') + names.constFirst();
}

} // namespace retort
