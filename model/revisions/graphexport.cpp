#include "graphexport.h"

#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace retort::GraphExport {

using namespace Qt::StringLiterals;

namespace {

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QString dotQuote(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")).replace(u'\n', QStringLiteral("\\n"));
    return u'"' + escaped + u'"';
}

} // namespace

QJsonObject diagnosticToJson(const Diagnostic &diagnostic)
{
    QJsonObject object;
    object.insert(QStringLiteral("severity"), Diagnostic::severityName(diagnostic.severity));
    object.insert(QStringLiteral("path"), diagnostic.path);
    object.insert(QStringLiteral("line"), diagnostic.line);
    object.insert(QStringLiteral("message"), diagnostic.message);
    if (!diagnostic.revision.isEmpty())
        object.insert(QStringLiteral("revision"), diagnostic.revision);
    return object;
}

QString diagnosticToText(const Diagnostic &diagnostic)
{
    QString where = diagnostic.path;
    if (diagnostic.line > 0)
        where += u':' + QString::number(diagnostic.line);
    if (where.isEmpty())
        where = QStringLiteral("retort");
    return QStringLiteral("%1: %2: %3").arg(where, Diagnostic::severityName(diagnostic.severity), diagnostic.message);
}

QJsonObject toJsonObject(const RevisionGraph &graph)
{
    QJsonArray revisions;
    for (const Revision &rev : graph.revisions()) {
        QJsonObject object;
        object.insert(QStringLiteral("revision"), rev.id);
        object.insert(QStringLiteral("down_revisions"), toArray(rev.downRevisions));
        object.insert(QStringLiteral("branch_labels"), toArray(rev.branchLabels));
        object.insert(QStringLiteral("depends_on"), toArray(rev.dependsOn));
        object.insert(QStringLiteral("message"), rev.message);
        object.insert(QStringLiteral("path"), rev.path);
        object.insert(QStringLiteral("line"), rev.line);
        if (!rev.createDate.isEmpty())
            object.insert(QStringLiteral("create_date"), rev.createDate);
        object.insert(QStringLiteral("effective_branch_labels"), toArray(graph.branchLabels(rev.id)));
        QJsonArray unresolved;
        if (rev.downRevisionUnresolved)
            unresolved.append(QStringLiteral("down_revision"));
        if (rev.branchLabelsUnresolved)
            unresolved.append(QStringLiteral("branch_labels"));
        if (rev.dependsOnUnresolved)
            unresolved.append(QStringLiteral("depends_on"));
        if (!unresolved.isEmpty())
            object.insert(QStringLiteral("unresolved"), unresolved);
        revisions.append(object);
    }
    QJsonArray diagnostics;
    for (const Diagnostic &d : graph.diagnostics())
        diagnostics.append(diagnosticToJson(d));

    QJsonObject root;
    root.insert(QStringLiteral("revisions"), revisions);
    root.insert(QStringLiteral("heads"), toArray(graph.heads()));
    root.insert(QStringLiteral("bases"), toArray(graph.bases()));
    root.insert(QStringLiteral("real_heads"), toArray(graph.realHeads()));
    root.insert(QStringLiteral("real_bases"), toArray(graph.realBases()));
    root.insert(QStringLiteral("history"), toArray(graph.history()));
    root.insert(QStringLiteral("diagnostics"), diagnostics);
    return root;
}

QByteArray toJson(const RevisionGraph &graph)
{
    // Streamed: the same document as toJsonObject(), without building the tree first.
    JsonWriter json;
    json.beginObject();
    json.key("revisions"_L1);
    json.beginArray();
    for (const Revision &rev : graph.revisions()) {
        json.beginObject();
        json.key("revision"_L1);
        json.value(rev.id);
        json.key("down_revisions"_L1);
        json.value(rev.downRevisions);
        json.key("branch_labels"_L1);
        json.value(rev.branchLabels);
        json.key("depends_on"_L1);
        json.value(rev.dependsOn);
        json.key("message"_L1);
        json.value(rev.message);
        json.key("path"_L1);
        json.value(rev.path);
        json.key("line"_L1);
        json.value(qint64(rev.line));
        if (!rev.createDate.isEmpty()) {
            json.key("create_date"_L1);
            json.value(rev.createDate);
        }
        json.key("effective_branch_labels"_L1);
        json.value(graph.branchLabels(rev.id));
        if (rev.downRevisionUnresolved || rev.branchLabelsUnresolved || rev.dependsOnUnresolved) {
            json.key("unresolved"_L1);
            json.beginArray();
            if (rev.downRevisionUnresolved)
                json.value(QStringView(u"down_revision"));
            if (rev.branchLabelsUnresolved)
                json.value(QStringView(u"branch_labels"));
            if (rev.dependsOnUnresolved)
                json.value(QStringView(u"depends_on"));
            json.endArray();
        }
        json.endObject();
    }
    json.endArray();
    const std::pair<QLatin1StringView, QStringList> lists[] = {
        {"heads"_L1, graph.heads()},          {"bases"_L1, graph.bases()},          {"real_heads"_L1, graph.realHeads()},
        {"real_bases"_L1, graph.realBases()}, {"history"_L1, graph.history()}};
    for (const auto &[name, list] : lists) {
        json.key(name);
        json.value(list);
    }
    json.key("diagnostics"_L1);
    json.beginArray();
    for (const Diagnostic &d : graph.diagnostics()) {
        json.beginObject();
        json.key("severity"_L1);
        json.value(Diagnostic::severityName(d.severity));
        json.key("path"_L1);
        json.value(d.path);
        json.key("line"_L1);
        json.value(qint64(d.line));
        json.key("message"_L1);
        json.value(d.message);
        if (!d.revision.isEmpty()) {
            json.key("revision"_L1);
            json.value(d.revision);
        }
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.take();
}

QString toText(const RevisionGraph &graph)
{
    QString out;
    const QStringList realHeads = graph.realHeads();
    for (const QString &id : graph.history()) {
        const Revision *rev = graph.revision(id);
        if (!rev)
            continue;
        QString line = rev->downRevisions.isEmpty() ? QStringLiteral("<base>") : rev->downRevisions.join(QStringLiteral(", "));
        if (!rev->dependsOn.isEmpty())
            line += QStringLiteral(" (%1)").arg(rev->dependsOn.join(QStringLiteral(", "))); // as declared, like Alembic
        line += QStringLiteral(" -> ") + id;
        const QStringList labels = graph.branchLabels(id);
        if (!labels.isEmpty())
            line += QStringLiteral(" (%1)").arg(labels.join(QStringLiteral(", ")));
        if (realHeads.contains(id))
            line += QStringLiteral(" (head)");
        else if (graph.isHead(id))
            line += QStringLiteral(" (effective head)");
        if (graph.isBranchPoint(id))
            line += QStringLiteral(" (branchpoint)");
        if (graph.isMergePoint(id))
            line += QStringLiteral(" (mergepoint)");
        line += QStringLiteral(", ") + rev->message;
        out += line + u'\n';
    }
    for (const Diagnostic &d : graph.diagnostics())
        out += diagnosticToText(d) + u'\n';
    return out;
}

QString toDot(const RevisionGraph &graph)
{
    QString out = QStringLiteral("digraph revisions {\n  rankdir=BT;\n  node [shape=box, fontname=\"sans\"];\n");
    QStringList ghosts;
    for (const Revision &rev : graph.revisions()) {
        QString label = rev.id;
        const QStringList labels = graph.branchLabels(rev.id);
        if (!labels.isEmpty())
            label += QStringLiteral(" (%1)").arg(labels.join(QStringLiteral(", ")));
        if (!rev.message.isEmpty())
            label += u'\n' + rev.message.section(u'\n', 0, 0).left(60);
        QString attributes = QStringLiteral("label=%1").arg(dotQuote(label));
        if (graph.isHead(rev.id))
            attributes += QStringLiteral(", style=bold");
        if (graph.isInCycle(rev.id))
            attributes += QStringLiteral(", color=red");
        out += QStringLiteral("  %1 [%2];\n").arg(dotQuote(rev.id), attributes);
        for (const QString &parent : graph.parents(rev.id))
            out += QStringLiteral("  %1 -> %2;\n").arg(dotQuote(rev.id), dotQuote(parent));
        for (const QString &missing : graph.missingParents(rev.id)) {
            out += QStringLiteral("  %1 -> %2 [color=red];\n").arg(dotQuote(rev.id), dotQuote(missing));
            if (!ghosts.contains(missing))
                ghosts.append(missing);
        }
        for (const QString &dep : graph.dependencies(rev.id))
            out += QStringLiteral("  %1 -> %2 [style=dashed];\n").arg(dotQuote(rev.id), dotQuote(dep));
    }
    for (const QString &ghost : std::as_const(ghosts))
        out += QStringLiteral("  %1 [label=%2, style=dashed, color=red];\n")
                   .arg(dotQuote(ghost), dotQuote(ghost + QStringLiteral("\n(missing)")));
    out += QStringLiteral("}\n");
    return out;
}

} // namespace retort::GraphExport
