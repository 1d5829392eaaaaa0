#include "schemasnapshot.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace retort {

namespace {

template <typename T> const T *findNamed(const QList<T> &list, const QString &name)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&name](const T &item) { return item.name == name; });
    return it == list.cend() ? nullptr : &*it;
}

template <typename T> const T *findQualified(const QList<T> &list, const QString &schema, const QString &name)
{
    const auto it = std::find_if(list.cbegin(), list.cend(),
                                 [&](const T &item) { return item.schema == schema && item.name == name; });
    return it == list.cend() ? nullptr : &*it;
}

template <typename T> void sortQualified(QList<T> &list)
{
    std::sort(list.begin(), list.end(),
              [](const T &a, const T &b) { return a.schema != b.schema ? a.schema < b.schema : a.name < b.name; });
}

template <typename T> void sortNamed(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

const QLatin1String kTableKinds[] = {QLatin1String("table"), QLatin1String("view"), QLatin1String("materialized view")};
const QLatin1String kConstraintKinds[] = {QLatin1String("primary key"), QLatin1String("foreign key"),
                                          QLatin1String("unique"), QLatin1String("check"), QLatin1String("exclusion")};
const QLatin1String kIdentities[] = {QLatin1String("none"), QLatin1String("always"), QLatin1String("by default")};

template <typename E, size_t N> std::optional<E> parseEnum(const QLatin1String (&names)[N], const QString &text)
{
    for (size_t i = 0; i < N; ++i)
        if (text == names[i])
            return E(i);
    return std::nullopt;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

// --- to JSON ---

QJsonObject columnToJson(const SchemaSnapshot::Column &c)
{
    return {{QStringLiteral("name"), c.name},
            {QStringLiteral("type"), c.type},
            {QStringLiteral("nullable"), c.nullable},
            {QStringLiteral("default"), c.defaultValue},
            {QStringLiteral("identity"), SchemaSnapshot::identityName(c.identity)},
            {QStringLiteral("generated"), c.generated},
            {QStringLiteral("collation"), c.collation},
            {QStringLiteral("comment"), c.comment}};
}

QJsonObject constraintToJson(const SchemaSnapshot::Constraint &c)
{
    return {{QStringLiteral("name"), c.name},
            {QStringLiteral("kind"), SchemaSnapshot::kindName(c.kind)},
            {QStringLiteral("columns"), toArray(c.columns)},
            {QStringLiteral("referencedTable"), c.referencedTable},
            {QStringLiteral("referencedColumns"), toArray(c.referencedColumns)},
            {QStringLiteral("onDelete"), c.onDelete},
            {QStringLiteral("onUpdate"), c.onUpdate},
            {QStringLiteral("definition"), c.definition}};
}

QJsonObject indexToJson(const SchemaSnapshot::Index &i)
{
    return {{QStringLiteral("name"), i.name},           {QStringLiteral("columns"), toArray(i.columns)},
            {QStringLiteral("unique"), i.unique},       {QStringLiteral("primary"), i.primary},
            {QStringLiteral("predicate"), i.predicate}, {QStringLiteral("method"), i.method},
            {QStringLiteral("valid"), i.valid}};
}

QJsonObject tableToJson(const SchemaSnapshot::Table &t, bool withStatistics)
{
    QJsonArray columns, constraints, indexes;
    for (const auto &c : t.columns)
        columns.append(columnToJson(c));
    for (const auto &c : t.constraints)
        constraints.append(constraintToJson(c));
    for (const auto &i : t.indexes)
        indexes.append(indexToJson(i));
    QJsonObject object{{QStringLiteral("schema"), t.schema},
                       {QStringLiteral("name"), t.name},
                       {QStringLiteral("kind"), SchemaSnapshot::kindName(t.kind)},
                       {QStringLiteral("comment"), t.comment},
                       {QStringLiteral("viewDefinition"), t.viewDefinition},
                       {QStringLiteral("columns"), columns},
                       {QStringLiteral("constraints"), constraints},
                       {QStringLiteral("indexes"), indexes}};
    if (withStatistics) {
        // Numbers as strings: a double cannot hold every qint64.
        object.insert(QStringLiteral("rowEstimate"), QString::number(t.rowEstimate));
        object.insert(QStringLiteral("totalBytes"), QString::number(t.totalBytes));
    }
    return object;
}

// --- from JSON ---

struct Reader
{
    QString error;

    void fail(const QString &what)
    {
        if (error.isEmpty())
            error = what;
    }

    template <typename E, size_t N>
    E readEnum(const QLatin1String (&names)[N], const QJsonValue &value, const char *what)
    {
        const auto parsed = parseEnum<E>(names, value.toString());
        if (!parsed) {
            fail(QStringLiteral("unknown %1 '%2'").arg(QLatin1String(what), value.toString()));
            return E(0);
        }
        return *parsed;
    }

    SchemaSnapshot::Column column(const QJsonObject &o)
    {
        SchemaSnapshot::Column c;
        c.name = o.value(QLatin1String("name")).toString();
        c.type = o.value(QLatin1String("type")).toString();
        c.nullable = o.value(QLatin1String("nullable")).toBool(true);
        c.defaultValue = o.value(QLatin1String("default")).toString();
        c.identity = readEnum<SchemaSnapshot::Identity>(kIdentities, o.value(QLatin1String("identity")), "identity");
        c.generated = o.value(QLatin1String("generated")).toString();
        c.collation = o.value(QLatin1String("collation")).toString();
        c.comment = o.value(QLatin1String("comment")).toString();
        return c;
    }

    SchemaSnapshot::Constraint constraint(const QJsonObject &o)
    {
        SchemaSnapshot::Constraint c;
        c.name = o.value(QLatin1String("name")).toString();
        c.kind = readEnum<SchemaSnapshot::ConstraintKind>(kConstraintKinds, o.value(QLatin1String("kind")),
                                                          "constraint kind");
        c.columns = toList(o.value(QLatin1String("columns")));
        c.referencedTable = o.value(QLatin1String("referencedTable")).toString();
        c.referencedColumns = toList(o.value(QLatin1String("referencedColumns")));
        c.onDelete = o.value(QLatin1String("onDelete")).toString();
        c.onUpdate = o.value(QLatin1String("onUpdate")).toString();
        c.definition = o.value(QLatin1String("definition")).toString();
        return c;
    }

    SchemaSnapshot::Index index(const QJsonObject &o)
    {
        SchemaSnapshot::Index i;
        i.name = o.value(QLatin1String("name")).toString();
        i.columns = toList(o.value(QLatin1String("columns")));
        i.unique = o.value(QLatin1String("unique")).toBool();
        i.primary = o.value(QLatin1String("primary")).toBool();
        i.predicate = o.value(QLatin1String("predicate")).toString();
        i.method = o.value(QLatin1String("method")).toString();
        i.valid = o.value(QLatin1String("valid")).toBool(true);
        return i;
    }

    SchemaSnapshot::Table table(const QJsonObject &o)
    {
        SchemaSnapshot::Table t;
        t.schema = o.value(QLatin1String("schema")).toString();
        t.name = o.value(QLatin1String("name")).toString();
        if (t.name.isEmpty())
            fail(QStringLiteral("a table without a name"));
        t.kind = readEnum<SchemaSnapshot::TableKind>(kTableKinds, o.value(QLatin1String("kind")), "table kind");
        t.comment = o.value(QLatin1String("comment")).toString();
        t.viewDefinition = o.value(QLatin1String("viewDefinition")).toString();
        for (const QJsonValue &v : o.value(QLatin1String("columns")).toArray())
            t.columns.append(column(v.toObject()));
        for (const QJsonValue &v : o.value(QLatin1String("constraints")).toArray())
            t.constraints.append(constraint(v.toObject()));
        for (const QJsonValue &v : o.value(QLatin1String("indexes")).toArray())
            t.indexes.append(index(v.toObject()));
        t.rowEstimate = o.value(QLatin1String("rowEstimate")).toString(QStringLiteral("-1")).toLongLong();
        t.totalBytes = o.value(QLatin1String("totalBytes")).toString(QStringLiteral("0")).toLongLong();
        return t;
    }
};

} // namespace

const SchemaSnapshot::Column *SchemaSnapshot::Table::column(const QString &name) const
{
    return findNamed(columns, name);
}

const SchemaSnapshot::Constraint *SchemaSnapshot::Table::constraint(const QString &name) const
{
    return findNamed(constraints, name);
}

const SchemaSnapshot::Index *SchemaSnapshot::Table::index(const QString &name) const
{
    return findNamed(indexes, name);
}

SchemaSnapshot::SchemaSnapshot(Data data)
    : m_data(std::move(data))
{
    sortNamed(m_data.schemas);
    sortQualified(m_data.tables);
    sortQualified(m_data.enums);
    sortQualified(m_data.sequences);
    for (Table &table : m_data.tables) {
        sortNamed(table.constraints);
        sortNamed(table.indexes);
    }
    m_data.alembicVersions.sort();
}

const SchemaSnapshot::Table *SchemaSnapshot::table(const QString &schema, const QString &name) const
{
    return findQualified(m_data.tables, schema, name);
}

const SchemaSnapshot::Enum *SchemaSnapshot::enumType(const QString &schema, const QString &name) const
{
    return findQualified(m_data.enums, schema, name);
}

const SchemaSnapshot::Sequence *SchemaSnapshot::sequence(const QString &schema, const QString &name) const
{
    return findQualified(m_data.sequences, schema, name);
}

QString SchemaSnapshot::kindName(TableKind kind)
{
    return kTableKinds[int(kind)];
}

QString SchemaSnapshot::kindName(ConstraintKind kind)
{
    return kConstraintKinds[int(kind)];
}

QString SchemaSnapshot::identityName(Identity identity)
{
    return kIdentities[int(identity)];
}

QByteArray SchemaSnapshot::toJson(bool withStatistics) const
{
    QJsonArray schemas, tables, enums, sequences;
    for (const Schema &s : m_data.schemas)
        schemas.append(QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("comment"), s.comment}});
    for (const Table &t : m_data.tables)
        tables.append(tableToJson(t, withStatistics));
    for (const Enum &e : m_data.enums)
        enums.append(QJsonObject{{QStringLiteral("schema"), e.schema},
                                 {QStringLiteral("name"), e.name},
                                 {QStringLiteral("values"), toArray(e.values)},
                                 {QStringLiteral("comment"), e.comment}});
    for (const Sequence &s : m_data.sequences)
        sequences.append(QJsonObject{{QStringLiteral("schema"), s.schema},
                                     {QStringLiteral("name"), s.name},
                                     {QStringLiteral("type"), s.type},
                                     {QStringLiteral("start"), QString::number(s.start)},
                                     {QStringLiteral("increment"), QString::number(s.increment)},
                                     {QStringLiteral("minimum"), QString::number(s.minimum)},
                                     {QStringLiteral("maximum"), QString::number(s.maximum)},
                                     {QStringLiteral("cycle"), s.cycle},
                                     {QStringLiteral("ownedBy"), s.ownedBy}});
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("retort-schema-snapshot/1")},
                           {QStringLiteral("databaseName"), m_data.databaseName},
                           {QStringLiteral("serverVersion"), m_data.serverVersion},
                           {QStringLiteral("schemas"), schemas},
                           {QStringLiteral("tables"), tables},
                           {QStringLiteral("enums"), enums},
                           {QStringLiteral("sequences"), sequences},
                           {QStringLiteral("alembicVersions"), toArray(m_data.alembicVersions)},
                           {QStringLiteral("alembicVersionSchema"), m_data.alembicVersionSchema}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<SchemaSnapshot> SchemaSnapshot::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = document.object();
    const auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (document.isNull())
        return failed(QStringLiteral("not JSON: %1").arg(parseError.errorString()));
    if (root.value(QLatin1String("format")).toString() != u"retort-schema-snapshot/1")
        return failed(QStringLiteral("not a Retort schema snapshot (format retort-schema-snapshot/1)"));
    Reader reader;
    Data data;
    data.databaseName = root.value(QLatin1String("databaseName")).toString();
    data.serverVersion = root.value(QLatin1String("serverVersion")).toString();
    for (const QJsonValue &v : root.value(QLatin1String("schemas")).toArray())
        data.schemas.append({v[QLatin1String("name")].toString(), v[QLatin1String("comment")].toString()});
    for (const QJsonValue &v : root.value(QLatin1String("tables")).toArray())
        data.tables.append(reader.table(v.toObject()));
    for (const QJsonValue &v : root.value(QLatin1String("enums")).toArray())
        data.enums.append({v[QLatin1String("schema")].toString(), v[QLatin1String("name")].toString(),
                           toList(v[QLatin1String("values")]), v[QLatin1String("comment")].toString()});
    for (const QJsonValue &v : root.value(QLatin1String("sequences")).toArray()) {
        Sequence s;
        s.schema = v[QLatin1String("schema")].toString();
        s.name = v[QLatin1String("name")].toString();
        s.type = v[QLatin1String("type")].toString();
        s.start = v[QLatin1String("start")].toString().toLongLong();
        s.increment = v[QLatin1String("increment")].toString().toLongLong();
        s.minimum = v[QLatin1String("minimum")].toString().toLongLong();
        s.maximum = v[QLatin1String("maximum")].toString().toLongLong();
        s.cycle = v[QLatin1String("cycle")].toBool();
        s.ownedBy = v[QLatin1String("ownedBy")].toString();
        data.sequences.append(s);
    }
    data.alembicVersions = toList(root.value(QLatin1String("alembicVersions")));
    data.alembicVersionSchema = root.value(QLatin1String("alembicVersionSchema")).toString();
    if (!reader.error.isEmpty())
        return failed(reader.error);
    return SchemaSnapshot(std::move(data));
}

QByteArray SchemaSnapshot::fingerprint() const
{
    Data structure = m_data;
    structure.serverVersion.clear();
    return QCryptographicHash::hash(SchemaSnapshot(std::move(structure)).toJson(false), QCryptographicHash::Sha256)
        .toHex();
}

} // namespace retort
