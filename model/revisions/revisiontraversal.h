#pragma once

// Internal: Alembic's graph walks over GraphData (_iterate_related_revisions and friends,
// _topological_sort), with index-based sets so 10,000-revision histories stay fast.

#include "revisiongraphdata.h"

#include <QList>

#include <vector>

namespace retort::detail {

enum class Edges {
    VersionedDown,  ///< _versioned_down_revisions (ancestors without dependencies)
    NormalizedDown, ///< _normalized_down_revisions (ancestors with dependencies)
    AllDown,        ///< _all_down_revisions
    Next,           ///< nextrev (descendants without dependencies)
    AllNext,        ///< _all_nextrev (descendants with dependencies)
};

const QList<int> &edgesOf(const GraphNode &node, Edges edges);

/// Depth-first walk from `targets` in Alembic's order (a stack, last pushed first), each node once.
/// With `check`, a target reaching another target throws Alembic's "overlaps" error.
QList<int> relatedNodes(const GraphData &data, const QList<int> &targets, Edges edges, bool check = false);

/// Every node after all nodes its `edges` lead to (depth-first post-order; along down edges, parents
/// before children). Empty when the edges have a cycle.
std::vector<int> postOrder(const GraphData &data, Edges edges);
/// Does following `edges` from some node lead back to it?
bool hasCycle(const GraphData &data, Edges edges);

/// Membership set over node indices.
class NodeSet
{
public:
    explicit NodeSet(qsizetype size = 0)
        : m_bits(size_t(size), false)
    {
    }
    static NodeSet of(qsizetype size, const QList<int> &nodes)
    {
        NodeSet set(size);
        for (int n : nodes)
            set.insert(n);
        return set;
    }
    bool contains(int n) const { return n >= 0 && size_t(n) < m_bits.size() && m_bits[size_t(n)]; }
    void insert(int n)
    {
        if (n >= 0 && size_t(n) < m_bits.size())
            m_bits[size_t(n)] = true;
    }
    void remove(int n)
    {
        if (n >= 0 && size_t(n) < m_bits.size())
            m_bits[size_t(n)] = false;
    }
    bool isEmpty() const;
    qsizetype count() const;
    QList<int> toList() const;
    NodeSet &intersect(const NodeSet &other);
    NodeSet &subtract(const NodeSet &other);
    NodeSet &unite(const NodeSet &other);

private:
    std::vector<bool> m_bits;
};

/// Alembic's _topological_sort: `nodes` ordered so that every revision comes before its down
/// revisions and dependencies, starting from `heads`, ties broken by load order.
QList<int> topologicalSort(const GraphData &data, const NodeSet &nodes, const QList<int> &heads);

} // namespace retort::detail
