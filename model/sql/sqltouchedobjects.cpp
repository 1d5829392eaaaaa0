#include "sqltouchedobjects.h"

#include "sqlstatementsplitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <pg_query.h>

namespace retort {

namespace {

using Action = TouchedObject::Action;

class Collector
{
public:
    QList<TouchedObject> objects;

    void statement(const QJsonObject &wrapper)
    {
        const QString type = wrapper.keys().value(0);
        const QJsonObject node = wrapper.value(type).toObject();
        if (type == u"CreateStmt") {
            QStringList columns;
            for (const QJsonValue &element : node.value(QLatin1String("tableElts")).toArray())
                addName(columns, element.toObject().value(QLatin1String("ColumnDef")).toObject().value(QLatin1String("colname")));
            table(node.value(QLatin1String("relation")), Action::Created, columns);
        } else if (type == u"AlterTableStmt") {
            QStringList columns;
            for (const QJsonValue &command : node.value(QLatin1String("cmds")).toArray()) {
                const QJsonObject cmd = command.toObject().value(QLatin1String("AlterTableCmd")).toObject();
                addName(columns, cmd.value(QLatin1String("name")));
                addName(columns, cmd.value(QLatin1String("def")).toObject().value(QLatin1String("ColumnDef")).toObject().value(QLatin1String("colname")));
            }
            table(node.value(QLatin1String("relation")), Action::Altered, columns);
        } else if (type == u"RenameStmt") {
            QStringList columns;
            if (node.value(QLatin1String("renameType")).toString() == u"OBJECT_COLUMN") {
                addName(columns, node.value(QLatin1String("subname")));
                addName(columns, node.value(QLatin1String("newname")));
            }
            if (node.contains(QLatin1String("relation")))
                table(node.value(QLatin1String("relation")), Action::Altered, columns);
        } else if (type == u"IndexStmt") {
            QStringList columns;
            for (const QJsonValue &element : node.value(QLatin1String("indexParams")).toArray())
                addName(columns, element.toObject().value(QLatin1String("IndexElem")).toObject().value(QLatin1String("name")));
            table(node.value(QLatin1String("relation")), Action::Altered, columns);
        } else if (type == u"UpdateStmt" || type == u"InsertStmt") {
            QStringList columns;
            const QString list = type == u"UpdateStmt" ? QStringLiteral("targetList") : QStringLiteral("cols");
            for (const QJsonValue &target : node.value(list).toArray())
                addName(columns, target.toObject().value(QLatin1String("ResTarget")).toObject().value(QLatin1String("name")));
            table(node.value(QLatin1String("relation")), Action::Written, columns);
        } else if (type == u"DeleteStmt") {
            table(node.value(QLatin1String("relation")), Action::Written, {});
        } else if (type == u"DropStmt") {
            const QString removeType = node.value(QLatin1String("removeType")).toString();
            const bool isTable = removeType == u"OBJECT_TABLE" || removeType == u"OBJECT_VIEW" || removeType == u"OBJECT_MATVIEW";
            const bool isType = removeType == u"OBJECT_TYPE";
            if (!isTable && !isType)
                return;
            for (const QJsonValue &object : node.value(QLatin1String("objects")).toArray()) {
                const QStringList names = qualifiedName(object.toObject().value(QLatin1String("List")).toObject().value(QLatin1String("items")).toArray());
                if (isTable && !names.isEmpty())
                    add(TouchedObject::Kind::Table, Action::Dropped, names, {});
            }
            if (isType) {
                for (const QJsonValue &object : node.value(QLatin1String("objects")).toArray()) {
                    const QJsonArray names = object.toObject().value(QLatin1String("TypeName")).toObject().value(QLatin1String("names")).toArray();
                    add(TouchedObject::Kind::Type, Action::Dropped, qualifiedName(names), {});
                }
            }
        } else if (type == u"CreateEnumStmt") {
            add(TouchedObject::Kind::Type, Action::Created, qualifiedName(node.value(QLatin1String("typeName")).toArray()), {});
        } else if (type == u"AlterEnumStmt") {
            add(TouchedObject::Kind::Type, Action::Altered, qualifiedName(node.value(QLatin1String("typeName")).toArray()), {});
        } else if (type == u"ViewStmt") {
            table(node.value(QLatin1String("view")), Action::Created, {});
        } else if (type == u"CreateTableAsStmt") {
            table(node.value(QLatin1String("into")).toObject().value(QLatin1String("rel")), Action::Created, {});
        }
    }

private:
    static void addName(QStringList &columns, const QJsonValue &value)
    {
        const QString name = value.toString();
        if (!name.isEmpty() && !columns.contains(name))
            columns.append(name);
    }

    static QStringList qualifiedName(const QJsonArray &items)
    {
        QStringList names;
        for (const QJsonValue &item : items)
            names.append(item.toObject().value(QLatin1String("String")).toObject().value(QLatin1String("sval")).toString());
        return names;
    }

    void table(const QJsonValue &rangeVar, Action action, const QStringList &columns)
    {
        const QJsonObject relation = rangeVar.toObject();
        const QString name = relation.value(QLatin1String("relname")).toString();
        if (name.isEmpty())
            return;
        const QString schema = relation.value(QLatin1String("schemaname")).toString();
        add(TouchedObject::Kind::Table, action, schema.isEmpty() ? QStringList{name} : QStringList{schema, name}, columns);
    }

    void add(TouchedObject::Kind kind, Action action, const QStringList &names, const QStringList &columns)
    {
        if (names.isEmpty() || names.constLast().isEmpty())
            return;
        const QString name = names.constLast();
        const QString schema = names.size() > 1 ? names.at(names.size() - 2) : QString();
        for (TouchedObject &object : objects) {
            if (object.kind == kind && object.name == name && object.schema == schema) {
                for (const QString &column : columns)
                    addName(object.columns, column);
                if (action == Action::Created || action == Action::Dropped || object.action == Action::Written)
                    object.action = action;
                return;
            }
        }
        objects.append({kind, action, schema, name, columns});
    }
};

} // namespace

QList<TouchedObject> SqlTouchedObjects::find(const QString &sql, QString *error)
{
    Collector collector;
    // One statement at a time, so that one libpg_query cannot parse does not hide the rest.
    for (const SqlStatement &statement : SqlStatementSplitter::split(sql, SqlDialect::PostgreSQL)) {
        const QByteArray text = sql.mid(statement.start, statement.length).toUtf8();
        PgQueryParseResult result = pg_query_parse(text.constData());
        if (result.error) {
            if (error && error->isEmpty())
                *error = QStringLiteral("line %1: %2").arg(statement.line).arg(QString::fromUtf8(result.error->message));
        } else {
            const QJsonArray statements =
                QJsonDocument::fromJson(QByteArray(result.parse_tree)).object().value(QLatin1String("stmts")).toArray();
            for (const QJsonValue &stmt : statements)
                collector.statement(stmt.toObject().value(QLatin1String("stmt")).toObject());
        }
        pg_query_free_parse_result(result);
    }
    return collector.objects;
}

} // namespace retort
