#include "runtext.h"

#include <QJsonArray>

namespace retort {

QString listedRevisions(const QStringList &revisions, const QString &whenEmpty, const QString &separator)
{
    return revisions.isEmpty() ? whenEmpty : revisions.join(separator);
}

QString currentUserName()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("unknown");
}

QStringList jsonStrings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace retort
