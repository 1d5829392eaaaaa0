#include "bridgeerror.h"

#include <QDir>
#include <QJsonArray>

namespace retort {

BridgeFrame BridgeError::userFrame(const QString &projectRoot) const
{
    if (!projectRoot.isEmpty()) {
        const QString root = QDir::cleanPath(projectRoot) + QLatin1Char('/');
        for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
            if (QDir::cleanPath(it->file).startsWith(root))
                return *it;
        }
    }
    return frames.isEmpty() ? BridgeFrame() : frames.constLast();
}

BridgeError BridgeError::fromJson(const QJsonObject &object)
{
    BridgeError error;
    error.type = object.value(QLatin1String("type")).toString();
    error.message = object.value(QLatin1String("message")).toString();
    error.hint = object.value(QLatin1String("hint")).toString();
    error.details = object.value(QLatin1String("traceback")).toString();
    const QJsonArray frames = object.value(QLatin1String("frames")).toArray();
    for (const QJsonValue &value : frames) {
        const QJsonObject frame = value.toObject();
        error.frames.append({frame.value(QLatin1String("file")).toString(), frame.value(QLatin1String("line")).toInt(),
                             frame.value(QLatin1String("function")).toString()});
    }
    return error;
}

QJsonObject BridgeError::toJson() const
{
    QJsonArray array;
    for (const BridgeFrame &frame : frames)
        array.append(QJsonObject{{QLatin1String("file"), frame.file},
                                 {QLatin1String("line"), frame.line},
                                 {QLatin1String("function"), frame.function}});
    QJsonObject object{{QLatin1String("type"), type}, {QLatin1String("message"), message}, {QLatin1String("frames"), array}};
    if (!hint.isEmpty())
        object.insert(QLatin1String("hint"), hint);
    if (!details.isEmpty())
        object.insert(QLatin1String("traceback"), details);
    return object;
}

} // namespace retort
