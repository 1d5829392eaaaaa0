#include "graphexport.h"

#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <system_error>
#include <thread>

namespace retort::GraphExport {

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

namespace {

void writeRevision(JsonWriter &json, const RevisionGraph &graph, qsizetype index)
{
    const Revision &rev = graph.revisionAt(index);
    json.beginObject();
    json.key("revision");
    json.value(rev.id);
    json.key("down_revisions");
    json.value(rev.downRevisions);
    json.key("branch_labels");
    json.value(rev.branchLabels);
    json.key("depends_on");
    json.value(rev.dependsOn);
    json.key("message");
    json.value(rev.message);
    json.key("path");
    json.value(rev.path);
    json.key("line");
    json.value(qint64(rev.line));
    if (!rev.createDate.isEmpty()) {
        json.key("create_date");
        json.value(rev.createDate);
    }
    json.key("effective_branch_labels");
    json.value(graph.branchLabelsAt(index));
    if (rev.downRevisionUnresolved || rev.branchLabelsUnresolved || rev.dependsOnUnresolved) {
        json.key("unresolved");
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

void writeRevisions(JsonWriter &json, const RevisionGraph &graph, qsizetype begin, qsizetype end)
{
    for (qsizetype i = begin; i < end; ++i)
        writeRevision(json, graph, i);
}

} // namespace

namespace {

/// The same document as toJsonObject(), streamed without building the tree first.
void writeDocument(JsonWriter &json, const RevisionGraph &graph)
{
    json.beginObject();
    json.key("revisions");
    json.beginArray();
    // The revisions are most of the document. In a large history the second half is written on
    // another thread (the graph is immutable; the scanner's threads are done by now) and appended.
    constexpr qsizetype kSplitFrom = 2000;
    const qsizetype size = graph.size();
    JsonWriter secondHalf;
    qsizetype split = size;
    {
        std::jthread helper; // joined at the end of this block
        if (size >= kSplitFrom) {
            try {
                helper = std::jthread([&graph, &secondHalf, half = size / 2, size] {
                    writeRevisions(secondHalf, graph, half, size);
                });
                split = size / 2;
            } catch (const std::system_error &) {
                // No thread: this one writes them all.
            }
        }
        writeRevisions(json, graph, 0, split);
    }
    json.append(secondHalf);
    json.endArray();
    const struct
    {
        JsonWriter::Key name;
        QStringList ids;
    } lists[] = {{"heads", graph.heads()},          {"bases", graph.bases()},          {"real_heads", graph.realHeads()},
                 {"real_bases", graph.realBases()}, {"history", graph.history()}};
    for (const auto &[name, list] : lists) {
        json.key(name);
        json.value(list);
    }
    json.key("diagnostics");
    json.beginArray();
    for (const Diagnostic &d : graph.diagnostics()) {
        json.beginObject();
        json.key("severity");
        json.value(Diagnostic::severityName(d.severity));
        json.key("path");
        json.value(d.path);
        json.key("line");
        json.value(qint64(d.line));
        json.key("message");
        json.value(d.message);
        if (!d.revision.isEmpty()) {
            json.key("revision");
            json.value(d.revision);
        }
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

} // namespace

QByteArray toJson(const RevisionGraph &graph)
{
    JsonWriter json;
    writeDocument(json, graph);
    return json.take();
}

void writeJson(const RevisionGraph &graph, const std::function<void(QByteArrayView)> &write)
{
    JsonWriter json(write);
    writeDocument(json, graph);
    json.flush();
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
