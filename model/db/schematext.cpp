#include "schematext.h"

namespace retort {

namespace {

using S = SchemaSnapshot;

QString withComment(const QString &text, const QString &comment)
{
    return comment.isEmpty()
               ? text
               : text + QLatin1String("  -- ") + QString(comment).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString columnLine(const S::Column &c)
{
    QString line = c.name + QLatin1Char(' ') + c.type;
    if (!c.collation.isEmpty())
        line += QLatin1String(" collate ") + c.collation;
    if (!c.nullable)
        line += QLatin1String(" not null");
    if (!c.defaultValue.isEmpty())
        line += QLatin1String(" default ") + c.defaultValue;
    if (c.identity != S::Identity::None)
        line += QLatin1String(" identity ") + S::identityName(c.identity);
    if (!c.generated.isEmpty())
        line += QLatin1String(" generated always as (") + c.generated + QLatin1String(") stored");
    return withComment(line, c.comment);
}

QString indexLine(const S::Index &i)
{
    QString line = QLatin1String("index ") + i.name + QLatin1Char(' ') +
                   (i.unique ? QLatin1String("unique ") : QLatin1String("")) + i.method + QLatin1String(" (") +
                   i.columns.join(QLatin1String(", ")) + QLatin1Char(')');
    if (!i.predicate.isEmpty())
        line += QLatin1String(" where ") + i.predicate;
    if (!i.valid)
        line += QLatin1String(" INVALID");
    return line;
}

void appendTable(QString &out, const S::Table &t)
{
    QString heading = S::kindName(t.kind) + QLatin1Char(' ') + t.name;
    QStringList facts; // what is known (SQLite keeps neither)
    if (t.kind != S::TableKind::View && t.rowEstimate >= 0)
        facts.append(QStringLiteral("~%1 rows").arg(t.rowEstimate));
    if (t.totalBytes > 0)
        facts.append(SchemaText::size(t.totalBytes));
    if (!facts.isEmpty())
        heading += QLatin1String(" (") + facts.join(QLatin1String(", ")) + QLatin1Char(')');
    out += QLatin1String("  ") + withComment(heading, t.comment) + QLatin1Char('\n');
    for (const S::Column &c : t.columns)
        out += QLatin1String("    ") + columnLine(c) + QLatin1Char('\n');
    for (const S::Constraint &c : t.constraints)
        out += QLatin1String("    constraint ") + c.name + QLatin1Char(' ') + c.definition + QLatin1Char('\n');
    for (const S::Index &i : t.indexes)
        out += QLatin1String("    ") + indexLine(i) + QLatin1Char('\n');
}

} // namespace

QString SchemaText::size(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 kB").arg(bytes / 1024);
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QString SchemaText::toText(const SchemaSnapshot &s)
{
    QString out = QStringLiteral("database %1 (%2)\n").arg(s.databaseName(), s.serverVersion());
    if (s.hasAlembicVersion())
        out += QStringLiteral("alembic_version (%1): %2\n")
                   .arg(s.alembicVersionSchema(), s.alembicVersions().isEmpty()
                                                      ? QStringLiteral("(empty)")
                                                      : s.alembicVersions().join(QLatin1String(", ")));
    for (const S::Schema &schema : s.schemas()) {
        out += withComment(QLatin1String("schema ") + schema.name, schema.comment) + QLatin1Char('\n');
        for (const S::Table &t : s.tables())
            if (t.schema == schema.name)
                appendTable(out, t);
        for (const S::Enum &e : s.enums())
            if (e.schema == schema.name)
                out += QLatin1String("  ") +
                       withComment(QLatin1String("enum ") + e.name + QLatin1String(": ") +
                                       e.values.join(QLatin1String(", ")),
                                   e.comment) +
                       QLatin1Char('\n');
        for (const S::Sequence &q : s.sequences())
            if (q.schema == schema.name)
                out += QStringLiteral("  sequence %1 %2 start %3 increment %4%5\n")
                           .arg(q.name, q.type)
                           .arg(q.start)
                           .arg(q.increment)
                           .arg(q.ownedBy.isEmpty() ? QString() : QLatin1String(" owned by ") + q.ownedBy);
    }
    return out;
}

} // namespace retort
