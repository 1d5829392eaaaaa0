#include "sqlquery.h"

#include <QJsonArray>

namespace retort {

QJsonObject SqlQuery::toParams() const
{
    QJsonObject params{{QStringLiteral("direction"), direction},
                       {QStringLiteral("mode"), mode},
                       {QStringLiteral("dialect"), dialect}};
    if (mode == u"env" && !dialect.isEmpty())
        params.insert(QStringLiteral("url"), dialect + QStringLiteral("://"));
    if (!revision.isEmpty()) {
        params.insert(QStringLiteral("revision"), revision);
    } else {
        params.insert(QStringLiteral("from"), QJsonArray::fromStringList(from));
        params.insert(QStringLiteral("to"), to);
    }
    return params;
}

QString SqlQuery::key() const
{
    return QStringList{revision, from.join(u','), to, direction, mode, dialect}.join(u'\x1f');
}

} // namespace retort
