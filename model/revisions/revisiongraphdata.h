#pragma once

// Internal representation of a RevisionGraph: revisions as indices, edges as index lists.
// Not part of the public API; included by the graph's implementation files only.

#include "diagnostic.h"
#include "revision.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort::detail {

struct GraphNode
{
    Revision source;
    QList<int> down;           ///< versioned down revisions that exist (Alembic's _versioned_down_revisions)
    QStringList missingDown;   ///< down revisions that name nothing
    QList<int> resolvedDeps;   ///< depends_on resolved to revisions (_resolved_dependencies)
    QList<int> normalizedDeps; ///< resolvedDeps minus those already ancestors (_normalized_resolved_dependencies)
    QList<int> allDown;        ///< down + resolvedDeps, deduplicated (_all_down_revisions)
    QList<int> normalizedDown; ///< down + normalizedDeps, deduplicated (_normalized_down_revisions)
    QList<int> next;           ///< revisions naming this one as down_revision (nextrev)
    QList<int> allNext;        ///< next plus dependents (_all_nextrev)
    QStringList labels;        ///< effective branch labels after propagation, sorted
    bool declaredBase = false; ///< down_revision is None (Alembic's is_base)
    bool declaredDeps = false; ///< depends_on is not None/empty
    bool inCycle = false;
};

} // namespace retort::detail

// A revision, Qt lists and flags: QList may move a node in memory without its move constructor.
Q_DECLARE_TYPEINFO(retort::detail::GraphNode, Q_RELOCATABLE_TYPE);

namespace retort::detail {

struct GraphData
{
    QList<GraphNode> nodes;       ///< load order
    QHash<QString, int> idIndex;  ///< revision id -> node
    QHash<QString, int> keyIndex; ///< revision ids and branch labels -> node (Alembic's _revision_map)
    QStringList keyOrder;         ///< the map's key order: ids in load order, then labels
    QList<int> heads;             ///< versioned heads, load order
    QList<int> realHeads;
    QList<int> bases;
    QList<int> realBases;
    QList<int> history;           ///< `alembic history` order, newest first
    Diagnostics diagnostics;
    QString fatalError;           ///< what Alembic itself would refuse to load with (cycles, label clashes)
};

/// Revision ids of nodes, in the given order.
inline QStringList idsOf(const GraphData &data, const QList<int> &nodes)
{
    QStringList ids;
    ids.reserve(nodes.size());
    for (int n : nodes)
        ids.append(data.nodes[n].source.id);
    return ids;
}

} // namespace retort::detail
