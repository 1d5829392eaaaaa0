#include "schemadiff.h"

#include <QHash>
#include <QSet>

namespace retort {

namespace {

using S = SchemaSnapshot;
using Kind = SchemaChange::Kind;
using What = SchemaChange::What;

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString list(const QStringList &values)
{
    return values.join(QLatin1String(", "));
}

Kind tableChangeKind(S::TableKind kind)
{
    switch (kind) {
    case S::TableKind::View:
        return Kind::View;
    case S::TableKind::MaterializedView:
        return Kind::MaterializedView;
    default:
        return Kind::Table;
    }
}

QString describe(const S::Column &c)
{
    QString text = c.type;
    if (!c.nullable)
        text += QLatin1String(" not null");
    if (!c.defaultValue.isEmpty())
        text += QLatin1String(" default ") + c.defaultValue;
    return text;
}

QString describe(const S::Constraint &c)
{
    return S::kindName(c.kind) + QLatin1Char(' ') + (c.definition.isEmpty() ? list(c.columns) : c.definition);
}

QString describe(const S::Index &i)
{
    QString text = (i.unique ? QLatin1String("unique ") : QLatin1String("")) + i.method + QLatin1String(" (") +
                   list(i.columns) + QLatin1Char(')');
    if (!i.predicate.isEmpty())
        text += QLatin1String(" where ") + i.predicate;
    return text;
}

QString describe(const S::Sequence &s)
{
    return QStringLiteral("%1 start %2 increment %3").arg(s.type).arg(s.start).arg(s.increment);
}

class Differ
{
public:
    QList<SchemaChange> changes;

    void add(Kind kind, const QString &path, What what, const QString &before = {}, const QString &after = {})
    {
        changes.append({kind, path, what, QString(), before, after});
    }

    void attribute(Kind kind, const QString &path, const char *name, const QString &before, const QString &after)
    {
        if (before != after)
            changes.append({kind, path, What::Changed, QLatin1String(name), before, after});
    }

    /// Added, removed and common items of two lists, matched by key; \a changed compares a pair.
    template <typename T, typename KeyFn, typename DescribeFn, typename ChangedFn>
    void match(const QList<T> &before, const QList<T> &after, Kind kind, KeyFn key, DescribeFn text, ChangedFn changed)
    {
        QHash<QString, const T *> old;
        for (const T &item : before)
            old.insert(key(item), &item);
        QSet<QString> seen;
        for (const T &item : after) {
            const QString path = key(item);
            seen.insert(path);
            const auto it = old.constFind(path);
            if (it == old.cend())
                add(kind, path, What::Added, {}, text(item));
            else
                changed(**it, item, path);
        }
        for (const T &item : before)
            if (!seen.contains(key(item)))
                add(kind, key(item), What::Removed, text(item));
    }

    void columns(const S::Table &a, const S::Table &b)
    {
        const QString table = b.path();
        match(
            a.columns, b.columns, Kind::Column, [&](const S::Column &c) { return table + QLatin1Char('.') + c.name; },
            [](const S::Column &c) { return describe(c); },
            [this](const S::Column &x, const S::Column &y, const QString &path) {
                attribute(Kind::Column, path, "type", x.type, y.type);
                attribute(Kind::Column, path, "nullable", yesNo(x.nullable), yesNo(y.nullable));
                attribute(Kind::Column, path, "default", x.defaultValue, y.defaultValue);
                attribute(Kind::Column, path, "identity", S::identityName(x.identity), S::identityName(y.identity));
                attribute(Kind::Column, path, "generated", x.generated, y.generated);
                attribute(Kind::Column, path, "collation", x.collation, y.collation);
                attribute(Kind::Column, path, "comment", x.comment, y.comment);
            });
    }

    void constraints(const S::Table &a, const S::Table &b)
    {
        const QString table = b.path();
        match(
            a.constraints, b.constraints, Kind::Constraint,
            [&](const S::Constraint &c) { return table + QLatin1Char('.') + c.name; },
            [](const S::Constraint &c) { return describe(c); },
            [this](const S::Constraint &x, const S::Constraint &y, const QString &path) {
                attribute(Kind::Constraint, path, "kind", S::kindName(x.kind), S::kindName(y.kind));
                attribute(Kind::Constraint, path, "columns", list(x.columns), list(y.columns));
                attribute(Kind::Constraint, path, "references",
                          x.referencedTable + QLatin1Char('(') + list(x.referencedColumns) + QLatin1Char(')'),
                          y.referencedTable + QLatin1Char('(') + list(y.referencedColumns) + QLatin1Char(')'));
                attribute(Kind::Constraint, path, "on delete", x.onDelete, y.onDelete);
                attribute(Kind::Constraint, path, "on update", x.onUpdate, y.onUpdate);
                attribute(Kind::Constraint, path, "definition", x.definition, y.definition);
            });
    }

    void indexes(const S::Table &a, const S::Table &b)
    {
        const QString table = b.path();
        match(
            a.indexes, b.indexes, Kind::Index, [&](const S::Index &i) { return table + QLatin1Char('.') + i.name; },
            [](const S::Index &i) { return describe(i); },
            [this](const S::Index &x, const S::Index &y, const QString &path) {
                attribute(Kind::Index, path, "columns", list(x.columns), list(y.columns));
                attribute(Kind::Index, path, "unique", yesNo(x.unique), yesNo(y.unique));
                attribute(Kind::Index, path, "primary", yesNo(x.primary), yesNo(y.primary));
                attribute(Kind::Index, path, "predicate", x.predicate, y.predicate);
                attribute(Kind::Index, path, "method", x.method, y.method);
                attribute(Kind::Index, path, "valid", yesNo(x.valid), yesNo(y.valid));
            });
    }

    void tables(const QList<S::Table> &a, const QList<S::Table> &b)
    {
        // A table and a view of the same name are different objects: match by kind too.
        const auto key = [](const S::Table &t) { return t.path(); };
        QHash<QString, const S::Table *> old;
        for (const S::Table &t : a)
            old.insert(key(t), &t);
        QSet<QString> seen;
        for (const S::Table &t : b) {
            seen.insert(key(t));
            const S::Table *previous = old.value(key(t));
            if (!previous || previous->kind != t.kind) {
                if (previous)
                    add(tableChangeKind(previous->kind), key(t), What::Removed, S::kindName(previous->kind));
                add(tableChangeKind(t.kind), key(t), What::Added, {}, S::kindName(t.kind));
                continue;
            }
            const Kind kind = tableChangeKind(t.kind);
            attribute(kind, key(t), "comment", previous->comment, t.comment);
            attribute(kind, key(t), "definition", previous->viewDefinition, t.viewDefinition);
            columns(*previous, t);
            constraints(*previous, t);
            indexes(*previous, t);
        }
        for (const S::Table &t : a)
            if (!seen.contains(key(t)))
                add(tableChangeKind(t.kind), key(t), What::Removed, S::kindName(t.kind));
    }
};

} // namespace

QString SchemaChange::kindName(Kind kind)
{
    static const char *const names[] = {"schema",     "table", "view", "materialized view", "column",
                                        "constraint", "index", "enum", "sequence",          "alembic_version"};
    return QLatin1String(names[int(kind)]);
}

QString SchemaChange::toText() const
{
    switch (what) {
    case What::Added:
        return QStringLiteral("+ %1 %2%3")
            .arg(kindName(kind), path, after.isEmpty() ? QString() : QLatin1String(": ") + after);
    case What::Removed:
        return QStringLiteral("- %1 %2%3")
            .arg(kindName(kind), path, before.isEmpty() ? QString() : QLatin1String(": ") + before);
    case What::Changed:
        break;
    }
    return QStringLiteral("~ %1 %2 %3: %4 -> %5").arg(kindName(kind), path, attribute, before, after);
}

SchemaDiff SchemaDiff::compare(const SchemaSnapshot &before, const SchemaSnapshot &after)
{
    Differ d;
    d.match(
        before.schemas(), after.schemas(), Kind::Schema, [](const S::Schema &s) { return s.name; },
        [](const S::Schema &) { return QString(); },
        [&d](const S::Schema &x, const S::Schema &y, const QString &path) {
            d.attribute(Kind::Schema, path, "comment", x.comment, y.comment);
        });
    d.tables(before.tables(), after.tables());
    d.match(
        before.enums(), after.enums(), Kind::Enum,
        [](const S::Enum &e) { return e.schema + QLatin1Char('.') + e.name; },
        [](const S::Enum &e) { return list(e.values); },
        [&d](const S::Enum &x, const S::Enum &y, const QString &path) {
            d.attribute(Kind::Enum, path, "values", list(x.values), list(y.values));
            d.attribute(Kind::Enum, path, "comment", x.comment, y.comment);
        });
    d.match(
        before.sequences(), after.sequences(), Kind::Sequence,
        [](const S::Sequence &s) { return s.schema + QLatin1Char('.') + s.name; },
        [](const S::Sequence &s) { return describe(s); },
        [&d](const S::Sequence &x, const S::Sequence &y, const QString &path) {
            d.attribute(Kind::Sequence, path, "type", x.type, y.type);
            d.attribute(Kind::Sequence, path, "start", QString::number(x.start), QString::number(y.start));
            d.attribute(Kind::Sequence, path, "increment", QString::number(x.increment), QString::number(y.increment));
            d.attribute(Kind::Sequence, path, "minimum", QString::number(x.minimum), QString::number(y.minimum));
            d.attribute(Kind::Sequence, path, "maximum", QString::number(x.maximum), QString::number(y.maximum));
            d.attribute(Kind::Sequence, path, "cycle", yesNo(x.cycle), yesNo(y.cycle));
            d.attribute(Kind::Sequence, path, "owned by", x.ownedBy, y.ownedBy);
        });
    if (before.alembicVersions() != after.alembicVersions() ||
        before.alembicVersionSchema() != after.alembicVersionSchema())
        d.changes.append(
            {Kind::AlembicVersion,
             after.alembicVersionSchema().isEmpty() ? before.alembicVersionSchema() : after.alembicVersionSchema(),
             What::Changed, QStringLiteral("versions"), list(before.alembicVersions()), list(after.alembicVersions())});
    SchemaDiff diff;
    diff.m_changes = std::move(d.changes);
    return diff;
}

QString SchemaDiff::toText() const
{
    QString text;
    for (const SchemaChange &change : m_changes)
        text += change.toText() + QLatin1Char('\n');
    return text;
}

QList<SchemaChange> SchemaDiff::changesAt(const QString &path) const
{
    QList<SchemaChange> found;
    for (const SchemaChange &change : m_changes)
        if (change.path == path || change.path.startsWith(path + QLatin1Char('.')))
            found.append(change);
    return found;
}

} // namespace retort
