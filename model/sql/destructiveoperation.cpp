#include "destructiveoperation.h"

#include "sqlstatementsplitter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <pg_query.h>

namespace retort {

namespace {

QString dotted(const QJsonArray &items)
{
    QStringList names;
    for (const QJsonValue &item : items)
        names.append(item.toObject().value(QLatin1String("String")).toObject().value(QLatin1String("sval")).toString());
    return names.join(QLatin1Char('.'));
}

QString relationName(const QJsonObject &relation)
{
    const QString schema = relation.value(QLatin1String("schemaname")).toString();
    const QString name = relation.value(QLatin1String("relname")).toString();
    return schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
}

void collect(const QJsonObject &wrapper, int line, QList<DestructiveOperation> &found)
{
    using Kind = DestructiveOperation::Kind;
    const QString type = wrapper.keys().value(0);
    const QJsonObject node = wrapper.value(type).toObject();
    if (type == u"DropStmt") {
        const QString removeType = node.value(QLatin1String("removeType")).toString();
        for (const QJsonValue &object : node.value(QLatin1String("objects")).toArray()) {
            if (removeType == u"OBJECT_TABLE")
                found.append({Kind::DropTable,
                              dotted(object.toObject().value(QLatin1String("List")).toObject().value(QLatin1String("items")).toArray()),
                              line});
            else if (removeType == u"OBJECT_TYPE")
                found.append({Kind::DropType,
                              dotted(object.toObject().value(QLatin1String("TypeName")).toObject().value(QLatin1String("names")).toArray()),
                              line});
        }
    } else if (type == u"AlterTableStmt") {
        const QString table = relationName(node.value(QLatin1String("relation")).toObject());
        for (const QJsonValue &command : node.value(QLatin1String("cmds")).toArray()) {
            const QJsonObject cmd = command.toObject().value(QLatin1String("AlterTableCmd")).toObject();
            const QString subtype = cmd.value(QLatin1String("subtype")).toString();
            const QString column = table + QLatin1Char('.') + cmd.value(QLatin1String("name")).toString();
            if (subtype == u"AT_DropColumn")
                found.append({Kind::DropColumn, column, line});
            else if (subtype == u"AT_AlterColumnType")
                found.append({Kind::ChangeColumnType, column, line});
            else if (subtype == u"AT_SetNotNull")
                found.append({Kind::SetNotNull, column, line});
        }
    } else if (type == u"TruncateStmt") {
        for (const QJsonValue &relation : node.value(QLatin1String("relations")).toArray())
            found.append({Kind::Truncate, relationName(relation.toObject().value(QLatin1String("RangeVar")).toObject()), line});
    }
}

} // namespace

QString DestructiveOperation::describe() const
{
    switch (kind) {
    case Kind::DropTable:
        return QCoreApplication::translate("DestructiveOperation", "drops table %1").arg(object);
    case Kind::DropColumn:
        return QCoreApplication::translate("DestructiveOperation", "drops column %1").arg(object);
    case Kind::ChangeColumnType:
        return QCoreApplication::translate("DestructiveOperation", "changes the type of %1").arg(object);
    case Kind::SetNotNull:
        return QCoreApplication::translate("DestructiveOperation", "makes %1 NOT NULL").arg(object);
    case Kind::Truncate:
        return QCoreApplication::translate("DestructiveOperation", "truncates %1").arg(object);
    case Kind::DropType:
        return QCoreApplication::translate("DestructiveOperation", "drops type %1").arg(object);
    }
    return object;
}

QList<DestructiveOperation> DestructiveOperation::find(const QString &sql)
{
    QList<DestructiveOperation> found;
    for (const SqlStatement &statement : SqlStatementSplitter::split(sql, SqlDialect::PostgreSQL)) {
        const QByteArray text = sql.mid(statement.start, statement.length).toUtf8();
        PgQueryParseResult result = pg_query_parse(text.constData());
        if (!result.error) {
            const QJsonArray statements =
                QJsonDocument::fromJson(QByteArray(result.parse_tree)).object().value(QLatin1String("stmts")).toArray();
            for (const QJsonValue &stmt : statements)
                collect(stmt.toObject().value(QLatin1String("stmt")).toObject(), statement.line, found);
        }
        pg_query_free_parse_result(result);
    }
    return found;
}

} // namespace retort
