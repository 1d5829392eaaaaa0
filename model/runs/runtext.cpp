#include "runtext.h"

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

} // namespace retort
