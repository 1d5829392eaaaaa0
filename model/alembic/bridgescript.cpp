#include "bridgescript.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace retort {

QString BridgeScript::resourcePath()
{
    return QStringLiteral(":/python/retort_bridge.py");
}

QString BridgeScript::install(QString *error)
{
    QFile resource(resourcePath());
    if (!resource.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("the embedded helper %1 is missing from this build").arg(resourcePath());
        return {};
    }
    const QByteArray content = resource.readAll();
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex().left(12));
    QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath() + QStringLiteral("/retort");
    folder += QStringLiteral("/bridge");
    const QString path = folder + QStringLiteral("/retort_bridge-%1.py").arg(hash);
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == content)
        return path;
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(folder);
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    return path;
}

} // namespace retort
