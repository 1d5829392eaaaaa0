#include "revisiongraphbuilder.h"

#include "revisionerror.h"
#include "revisiontraversal.h"

#include <QSet>

#include <algorithm>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace retort::detail {

namespace {

Diagnostic diagnosticFor(Diagnostic::Severity severity, const Revision &rev, int line, const QString &message)
{
    Diagnostic d;
    d.severity = severity;
    d.path = rev.path;
    d.line = line > 0 ? line : rev.line;
    d.message = message;
    d.revision = rev.id;
    return d;
}


template<typename T>
void appendUnique(QList<T> &list, const T &value)
{
    if (!list.contains(value))
        list.append(value);
}

/// `first` then `second`, each value once. Shares `first` when nothing is added or dropped.
QList<int> uniqueUnion(const QList<int> &first, const QList<int> &second)
{
    if (second.isEmpty() && (first.size() < 2 || (first.size() == 2 && first[0] != first[1])))
        return first;
    QList<int> result;
    for (int d : first)
        appendUnique(result, d);
    for (int d : second)
        appendUnique(result, d);
    return result;
}

/// Every node's down revisions looked up in the id index, node i's at of(i) (-1: no such revision).
struct ResolvedParents
{
    std::vector<qsizetype> offsets; ///< node i's are at [offsets[i], offsets[i + 1])
    std::vector<int> nodes;

    const int *of(qsizetype node) const { return nodes.data() + offsets[size_t(node)]; }
};

/// The lookups are independent, and each mostly waits on memory (the ids' text lies all over the
/// heap), so a large history is split over two threads: the other core is idle while the graph
/// is built.
ResolvedParents resolveParents(const GraphData &data)
{
    const qsizetype n = data.nodes.size();
    ResolvedParents resolved;
    resolved.offsets.assign(size_t(n) + 1, 0);
    for (qsizetype i = 0; i < n; ++i)
        resolved.offsets[size_t(i) + 1] = resolved.offsets[size_t(i)] + data.nodes[i].source.downRevisions.size();
    resolved.nodes.assign(size_t(resolved.offsets.back()), -1);
    const auto resolve = [&data, &resolved](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i) {
            const QStringList &down = data.nodes[i].source.downRevisions;
            int *out = resolved.nodes.data() + resolved.offsets[size_t(i)];
            for (qsizetype j = 0; j < down.size(); ++j)
                out[j] = data.idIndex.value(down[j], -1);
        }
    };
    constexpr qsizetype kSplitFrom = 2000;
    qsizetype split = n;
    {
        std::jthread helper; // joined at the end of this block
        if (n >= kSplitFrom) {
            try {
                helper = std::jthread(resolve, n / 2, n);
                split = n / 2;
            } catch (const std::system_error &) {
                // No thread: this one resolves them all.
            }
        }
        resolve(0, split);
    }
    return resolved;
}

/// Revisions on a cycle (strongly connected components of more than one node), iteratively.
QList<int> nodesOnCycles(const GraphData &data, Edges edges)
{
    const int n = int(data.nodes.size());
    std::vector<int> index(size_t(n), -1), low(size_t(n), 0);
    std::vector<bool> onStack(size_t(n), false);
    QList<int> stack, result;
    int counter = 0;
    for (int root = 0; root < n; ++root) {
        if (index[size_t(root)] >= 0)
            continue;
        // Explicit DFS stack of (node, next edge position).
        QList<QPair<int, qsizetype>> work{{root, 0}};
        index[size_t(root)] = low[size_t(root)] = counter++;
        stack.append(root);
        onStack[size_t(root)] = true;
        while (!work.isEmpty()) {
            auto &[v, pos] = work.last();
            const QList<int> &out = detail::edgesOf(data.nodes[v], edges);
            if (pos < out.size()) {
                const int w = out[pos++];
                if (index[size_t(w)] < 0) {
                    index[size_t(w)] = low[size_t(w)] = counter++;
                    stack.append(w);
                    onStack[size_t(w)] = true;
                    work.append({w, 0});
                } else if (onStack[size_t(w)]) {
                    low[size_t(v)] = std::min(low[size_t(v)], index[size_t(w)]);
                }
                continue;
            }
            const int finished = v;
            work.removeLast();
            if (!work.isEmpty())
                low[size_t(work.last().first)] = std::min(low[size_t(work.last().first)], low[size_t(finished)]);
            if (low[size_t(finished)] == index[size_t(finished)]) {
                QList<int> component;
                int w = -1;
                do {
                    w = stack.takeLast();
                    onStack[size_t(w)] = false;
                    component.append(w);
                } while (w != finished);
                if (component.size() > 1)
                    result += component;
            }
        }
    }
    return result;
}

/// Alembic's _detect_cycles: revisions not both below a head and above a base.
QStringList unreachableRevisions(const GraphData &data, const QList<int> &heads, const QList<int> &bases, Edges down,
                                 Edges up)
{
    QStringList ids;
    if (heads.isEmpty() || bases.isEmpty()) {
        for (const GraphNode &node : data.nodes)
            ids.append(node.source.id);
        return ids;
    }
    const qsizetype n = data.nodes.size();
    NodeSet space = NodeSet::of(n, detail::relatedNodes(data, heads, down));
    space.intersect(NodeSet::of(n, detail::relatedNodes(data, bases, up)));
    for (int i = 0; i < n; ++i)
        if (!space.contains(i))
            ids.append(data.nodes[i].source.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void detectCycles(GraphData &data, bool referencesMissing)
{
    // Every versioned edge is among all edges: with no cycle there, there is none to find or report
    // (the usual case, settled by one cheap pass instead of two component searches).
    if (!detail::hasCycle(data, Edges::AllDown))
        return;
    const QList<int> versionedCycle = nodesOnCycles(data, Edges::VersionedDown);
    const QList<int> dependencyCycle = nodesOnCycles(data, Edges::AllDown);
    for (int n : versionedCycle)
        data.nodes[n].inCycle = true;
    for (int n : dependencyCycle)
        data.nodes[n].inCycle = true;

    QString message;
    // Without a cycle every revision lies between a head and a base, so Alembic's reachability
    // check can only add something (and its exact message) when there is one.
    const bool anyCycle = !versionedCycle.isEmpty() || !dependencyCycle.isEmpty();
    if (anyCycle && !referencesMissing) {
        // The same check, and so the same message, as Alembic.
        QStringList unreachable =
            unreachableRevisions(data, data.heads, data.bases, Edges::VersionedDown, Edges::Next);
        if (!unreachable.isEmpty())
            message = QStringLiteral("Cycle is detected in revisions (%1)").arg(unreachable.join(QStringLiteral(", ")));
        else {
            unreachable = unreachableRevisions(data, data.realHeads, data.realBases, Edges::AllDown, Edges::AllNext);
            if (!unreachable.isEmpty())
                message = QStringLiteral("Dependency cycle is detected in revisions (%1)")
                              .arg(unreachable.join(QStringLiteral(", ")));
        }
    }
    if (message.isEmpty() && (!versionedCycle.isEmpty() || !dependencyCycle.isEmpty())) {
        QStringList ids = idsOf(data, versionedCycle.isEmpty() ? dependencyCycle : versionedCycle);
        std::sort(ids.begin(), ids.end());
        message = QStringLiteral("%1 is detected in revisions (%2)")
                      .arg(versionedCycle.isEmpty() ? QStringLiteral("Dependency cycle") : QStringLiteral("Cycle"),
                           ids.join(QStringLiteral(", ")));
    }
    if (message.isEmpty())
        return;
    if (data.fatalError.isEmpty())
        data.fatalError = message; // Alembic fails on earlier problems first
    QList<int> marked = versionedCycle + dependencyCycle;
    if (marked.isEmpty())
        marked = {0};
    QSet<int> reported;
    for (int n : std::as_const(marked)) {
        if (reported.contains(n))
            continue;
        reported.insert(n);
        const Revision &rev = data.nodes[n].source;
        data.diagnostics.append(diagnosticFor(Diagnostic::Severity::Error, rev, rev.downRevisionLine, message));
    }
}

/// Alembic's _add_branches: a label covers its revision, its descendants, and its ancestors
/// back to the previous branch point or merge point (walking down from the last descendant).
void propagateBranchLabels(GraphData &data)
{
    for (GraphNode &node : data.nodes)
        node.labels = node.source.branchLabels;
    for (int owner = 0; owner < data.nodes.size(); ++owner) {
        if (data.nodes[owner].source.branchLabels.isEmpty())
            continue;
        // Like Alembic, what a labelled revision spreads is its label set at this moment, which
        // may already hold labels spread onto it by other revisions.
        const QStringList labels = data.nodes[owner].labels;
        const QList<int> descendants = detail::relatedNodes(data, {owner}, Edges::Next);
        for (int node : descendants)
            for (const QString &label : labels)
                appendUnique(data.nodes[node].labels, label);
        int parent = descendants.last();
        QSet<int> visited;
        while (parent >= 0 && !visited.contains(parent)) {
            visited.insert(parent);
            GraphNode &node = data.nodes[parent];
            if (node.allNext.size() > 1 || node.down.size() + node.missingDown.size() > 1)
                break;
            for (const QString &label : labels)
                appendUnique(node.labels, label);
            parent = node.down.isEmpty() ? -1 : node.down.first();
        }
    }
    for (GraphNode &node : data.nodes)
        std::sort(node.labels.begin(), node.labels.end());
}

void computeHistory(GraphData &data)
{
    if (data.fatalError.isEmpty()) {
        try {
            const qsizetype n = data.nodes.size();
            NodeSet all = NodeSet::of(n, detail::relatedNodes(data, data.realHeads, Edges::NormalizedDown));
            data.history = detail::topologicalSort(data, all, data.realHeads);
            if (data.history.size() == n)
                return;
        } catch (const RevisionError &) {
        }
    }
    // A history Alembic cannot order: show every revision, newest file first.
    data.history.clear();
    for (qsizetype i = data.nodes.size() - 1; i >= 0; --i)
        data.history.append(int(i));
}

} // namespace

std::shared_ptr<GraphData> RevisionGraphBuilder::build(QList<Revision> revisions, Diagnostics scanDiagnostics)
{
    auto data = std::make_shared<GraphData>();
    data->diagnostics = std::move(scanDiagnostics);
    const auto warn = [&](const Revision &rev, int line, const QString &message) {
        data->diagnostics.append(diagnosticFor(Diagnostic::Severity::Warning, rev, line, message));
    };
    const auto error = [&](const Revision &rev, int line, const QString &message) {
        data->diagnostics.append(diagnosticFor(Diagnostic::Severity::Error, rev, line, message));
    };

    // 1. Nodes, in load order; a duplicated id keeps its first place and its last definition.
    // Alembic still counts an overridden definition in its heads and bases (it is never anyone's
    // parent there), so each definition is remembered in load order.
    struct Definition
    {
        int node;
        bool shadowed;
        bool declaredBase;
        bool declaredDeps;
    };
    QList<Definition> definitions;
    definitions.reserve(revisions.size());
    data->nodes.reserve(revisions.size());
    data->idIndex.reserve(revisions.size()); // the key index starts as a copy of it (step 3)
    data->keyOrder.reserve(revisions.size());
    for (Revision &rev : revisions) { // each revision is moved into its node
        const bool base = rev.downRevisions.isEmpty() && !rev.downRevisionUnresolved;
        const bool deps = !rev.dependsOn.isEmpty() || rev.dependsOnUnresolved;
        // One hash lookup: operator[] makes the entry of a new id (the index grows) or finds the
        // earlier definition's.
        const qsizetype known = data->idIndex.size();
        int &slot = data->idIndex[rev.id];
        if (data->idIndex.size() == known) {
            const int earlier = slot;
            warn(rev, rev.line,
                 QStringLiteral("Revision %1 is present more than once (also in %2); this definition is used")
                     .arg(rev.id, data->nodes[earlier].source.path));
            for (Definition &d : definitions)
                if (d.node == earlier)
                    d.shadowed = true;
            data->nodes[earlier] = GraphNode();
            data->nodes[earlier].source = std::move(rev);
            definitions.append({earlier, false, base, deps});
            continue;
        }
        slot = int(data->nodes.size());
        definitions.append({int(data->nodes.size()), false, base, deps});
        data->nodes.emplaceBack().source = std::move(rev);
    }

    // 2. Checks Alembic makes when it constructs each revision; the first failing revision in load
    // order is what Alembic refuses to load with.
    const auto fatal = [&](const QString &message) {
        if (data->fatalError.isEmpty())
            data->fatalError = message;
    };
    static const QList<QChar> illegal = {u'-', u'+', u'@'};
    for (GraphNode &node : data->nodes) {
        Revision &rev = node.source;
        if (rev.downRevisions.contains(rev.id)) {
            const QString message = QStringLiteral("Self-loop is detected in revisions (%1)").arg(rev.id);
            error(rev, rev.downRevisionLine, message);
            fatal(message);
            rev.downRevisions.removeAll(rev.id);
        } else if (rev.dependsOn.contains(rev.id)) {
            const QString message = QStringLiteral("Dependency self-loop is detected in revisions (%1)").arg(rev.id);
            error(rev, rev.dependsOnLine, message);
            fatal(message);
            rev.dependsOn.removeAll(rev.id);
        }
        // The checks of the id only have something to say when it is empty or holds one of these
        // characters: one pass over it settles the usual case.
        const bool unusualId = rev.id.isEmpty() || std::any_of(rev.id.cbegin(), rev.id.cend(), [](QChar c) {
                                   return c == u'-' || c == u'+' || c == u'@' || c == u':';
                               });
        if (unusualId) {
            QStringList found;
            for (QChar c : illegal)
                if (rev.id.contains(c))
                    found.append(QString(c));
            if (!found.isEmpty()) {
                std::sort(found.begin(), found.end());
                const QString message = QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
                                            .arg(found.join(QStringLiteral(", ")), rev.id);
                error(rev, rev.line, message);
                fatal(message);
            } else if (rev.id.contains(u':')) {
                warn(rev, rev.line,
                     QStringLiteral("revision identifier '%1' contains ':', which cannot be used in start:end ranges")
                         .arg(rev.id));
            } else if (rev.id.isEmpty()) {
                error(rev, rev.line, QStringLiteral("empty revision identifier"));
            }
        }
        // Duplicated parents stay: Alembic then treats the revision as a merge point.
        node.declaredBase = rev.downRevisions.isEmpty() && !rev.downRevisionUnresolved;
        node.declaredDeps = !rev.dependsOn.isEmpty() || rev.dependsOnUnresolved;
    }

    // 3. The key map: ids (the id index itself), then branch labels.
    data->keyIndex = data->idIndex;
    for (const GraphNode &node : std::as_const(data->nodes))
        data->keyOrder.append(node.source.id);
    for (int i = 0; i < data->nodes.size(); ++i) {
        const Revision &rev = data->nodes[i].source;
        for (const QString &label : rev.branchLabels) {
            if (const auto it = data->keyIndex.constFind(label); it != data->keyIndex.cend()) {
                const QString message = QStringLiteral("Branch name '%1' in revision %2 already used by revision %3")
                                            .arg(label, rev.id, data->nodes[*it].source.id);
                error(rev, rev.branchLabelsLine, message);
                fatal(message);
                continue;
            }
            data->keyIndex.insert(label, i);
            data->keyOrder.append(label);
        }
    }

    // 4. Dependencies by id or label; edges; heads and bases. Alembic looks every name up in its
    // map and dies with a KeyError on one that is missing: dependencies first, then parents.
    bool referencesMissing = false;
    QString firstUnknownDependency;
    QString firstMissingParent;
    const ResolvedParents parents = resolveParents(*data);
    for (int i = 0; i < data->nodes.size(); ++i) {
        GraphNode &node = data->nodes[i];
        for (const QString &dep : std::as_const(node.source.dependsOn)) {
            const auto it = data->keyIndex.constFind(dep);
            if (it == data->keyIndex.cend()) {
                const QString message = QStringLiteral("depends_on '%1' of revision %2 names no revision or branch label")
                                            .arg(dep, node.source.id);
                error(node.source, node.source.dependsOnLine, message);
                if (firstUnknownDependency.isEmpty())
                    firstUnknownDependency = message;
                referencesMissing = true;
                continue;
            }
            node.resolvedDeps.append(*it);
        }
        node.down.reserve(node.source.downRevisions.size()); // one exact allocation, not a growing list
        for (qsizetype j = 0; j < node.source.downRevisions.size(); ++j) {
            const QString &down = node.source.downRevisions[j];
            const int parent = parents.of(i)[j];
            if (parent < 0) {
                const QString message =
                    QStringLiteral("Revision %1 referenced from %2 is not present").arg(down, node.source.id);
                error(node.source, node.source.downRevisionLine, message);
                if (firstMissingParent.isEmpty())
                    firstMissingParent = message;
                node.missingDown.append(down);
                referencesMissing = true;
                continue;
            }
            node.down.append(parent);
        }
        node.allDown = uniqueUnion(node.down, node.resolvedDeps);
    }
    if (!firstUnknownDependency.isEmpty())
        fatal(firstUnknownDependency);
    if (!firstMissingParent.isEmpty())
        fatal(firstMissingParent);
    std::vector<bool> isVersionedParent(size_t(data->nodes.size()), false);
    std::vector<bool> isAnyParent(size_t(data->nodes.size()), false);
    std::vector<bool> hasDependents(size_t(data->nodes.size()), false);
    {
        std::vector<int> children(size_t(data->nodes.size()), 0);
        for (const GraphNode &node : std::as_const(data->nodes))
            for (int d : node.down)
                ++children[size_t(d)];
        for (int i = 0; i < data->nodes.size(); ++i)
            data->nodes[i].next.reserve(children[size_t(i)]);
    }
    for (int i = 0; i < data->nodes.size(); ++i) {
        for (int d : std::as_const(data->nodes[i].resolvedDeps))
            hasDependents[size_t(d)] = true;
        for (int d : std::as_const(data->nodes[i].down)) {
            appendUnique(data->nodes[d].next, i);
            isVersionedParent[size_t(d)] = true;
        }
    }
    // Without dependents, all next revisions are the versioned ones (shared, not copied).
    for (int i = 0; i < data->nodes.size(); ++i) {
        isAnyParent[size_t(i)] = isVersionedParent[size_t(i)] || hasDependents[size_t(i)];
        if (!hasDependents[size_t(i)])
            data->nodes[i].allNext = data->nodes[i].next;
    }
    for (int i = 0; i < data->nodes.size(); ++i)
        for (int d : std::as_const(data->nodes[i].allDown))
            if (hasDependents[size_t(d)])
                appendUnique(data->nodes[d].allNext, i);
    for (const Definition &d : std::as_const(definitions)) {
        if (d.shadowed || !isVersionedParent[size_t(d.node)])
            data->heads.append(d.node);
        if (d.shadowed || !isAnyParent[size_t(d.node)])
            data->realHeads.append(d.node);
        if (d.declaredBase)
            data->bases.append(d.node);
        if (d.declaredBase && !d.declaredDeps)
            data->realBases.append(d.node);
    }

    // 5. A dependency that a (versioned) ancestor also declares is dropped: Alembic's normalized
    // dependencies. Only a dependency declared by more than one revision can be dropped, so only
    // those cost an ancestor walk; the usual case is a lookup.
    {
        QHash<int, QList<int>> declarers; // dependency -> revisions declaring it
        for (int i = 0; i < data->nodes.size(); ++i)
            for (int d : std::as_const(data->nodes[i].resolvedDeps))
                appendUnique(declarers[d], i);
        for (int i = 0; i < data->nodes.size(); ++i) {
            GraphNode &node = data->nodes[i];
            QList<int> normalized;
            std::optional<NodeSet> ancestors;
            for (int d : std::as_const(node.resolvedDeps)) {
                const QList<int> &others = declarers[d];
                bool declaredAbove = false;
                if (others.size() > 1) {
                    if (!ancestors) {
                        ancestors = NodeSet::of(data->nodes.size(), detail::relatedNodes(*data, {i}, Edges::VersionedDown));
                        ancestors->remove(i);
                    }
                    declaredAbove = std::any_of(others.cbegin(), others.cend(),
                                                [&](int other) { return other != i && ancestors->contains(other); });
                }
                if (!declaredAbove)
                    appendUnique(normalized, d);
            }
            node.normalizedDeps = normalized;
            node.normalizedDown = uniqueUnion(node.down, node.normalizedDeps);
        }
    }

    detectCycles(*data, referencesMissing);
    propagateBranchLabels(*data);
    computeHistory(*data);

    return data;
}

} // namespace retort::detail
