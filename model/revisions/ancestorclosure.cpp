#include "ancestorclosure.h"

#include "revisiontraversal.h"

namespace retort::detail {

AncestorClosure::AncestorClosure(const GraphData &data)
{
    const qsizetype n = data.nodes.size();
    const std::vector<int> order = postOrder(data, Edges::NormalizedDown); // parents first
    if (qsizetype(order.size()) != n)
        return; // a cycle

    std::vector<int> children(size_t(n), 0);
    for (const GraphNode &node : data.nodes)
        for (int parent : node.normalizedDown)
            ++children[size_t(parent)];

    // Chains in parents-first order: a chain's id is larger than those of the chains below it.
    m_chain.assign(size_t(n), -1);
    m_position.assign(size_t(n), 0);
    std::vector<int> bottoms;
    for (int node : order) {
        const QList<int> &down = data.nodes[node].normalizedDown;
        if (down.size() == 1 && children[size_t(down.first())] == 1) {
            m_chain[size_t(node)] = m_chain[size_t(down.first())];
            m_position[size_t(node)] = m_position[size_t(down.first())] + 1;
        } else {
            m_chain[size_t(node)] = int(bottoms.size());
            bottoms.push_back(node);
        }
    }
    if (qsizetype(bottoms.size()) > kMaxChains)
        return;

    // The parents of a chain's bottom are tops of their chains: each of those chains is wholly
    // below, with everything below it.
    m_words = (bottoms.size() + 63) / 64;
    m_bits.assign(bottoms.size() * m_words, 0);
    for (size_t chain = 0; chain < bottoms.size(); ++chain) {
        quint64 *row = rowOf(int(chain));
        for (int parent : data.nodes[bottoms[chain]].normalizedDown) {
            const int below = m_chain[size_t(parent)];
            const quint64 *belowRow = rowOf(below);
            for (size_t w = 0; w < m_words; ++w)
                row[w] |= belowRow[w];
            row[size_t(below) / 64] |= quint64(1) << (below % 64);
        }
    }
    m_valid = true;
}

} // namespace retort::detail
