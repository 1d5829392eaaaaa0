#pragma once

// Internal: "is revision A an ancestor of revision B?" in constant time, for the topological sort.

#include "revisiongraphdata.h"

#include <QtGlobal>

#include <vector>

namespace retort::detail {

/// Ancestor sets (inclusive, along normalized down revisions) of every node of an acyclic graph.
///
/// Histories are mostly long straight lines, so the graph is first cut into chains: a node joins
/// its parent's chain when it is that parent's only child and the parent is its only parent. A
/// chain can then only be entered from outside at its top (its top is the only node that can have
/// another child), so reaching any node of a chain means reaching all of it below that point, and
/// ancestry reduces to a position within a chain or a bitset over chains. At 10,000 revisions
/// with a few hundred merges that is some kilobytes, where a bitset over nodes takes 12 MB.
class AncestorClosure
{
public:
    /// Chains beyond which the closure is not built (its bitsets grow with the square).
    static constexpr qsizetype kMaxChains = 16384;

    explicit AncestorClosure(const GraphData &data);

    /// False when the graph has a cycle or too many chains; contains() must not be used then.
    bool isValid() const { return m_valid; }
    /// Is `node` an ancestor of (or equal to) `of`?
    bool contains(int of, int node) const
    {
        const int ofChain = m_chain[size_t(of)];
        const int nodeChain = m_chain[size_t(node)];
        if (ofChain == nodeChain)
            return m_position[size_t(node)] <= m_position[size_t(of)];
        return (rowOf(ofChain)[size_t(nodeChain) / 64] >> (nodeChain % 64)) & 1;
    }

private:
    quint64 *rowOf(int chain) { return m_bits.data() + size_t(chain) * m_words; }
    const quint64 *rowOf(int chain) const { return m_bits.data() + size_t(chain) * m_words; }

    bool m_valid = false;
    std::vector<int> m_chain;    ///< node -> its chain
    std::vector<int> m_position; ///< node -> its place in the chain, 0 at the bottom
    size_t m_words = 0;          ///< bitset words per chain
    std::vector<quint64> m_bits; ///< chain -> the chains strictly below it (all of whose nodes are ancestors)
};

} // namespace retort::detail
