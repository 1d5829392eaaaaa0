#include "ancestorclosure.h"

#include <utility>

namespace retort::detail {

namespace {

/// Nodes with every parent before its children (depth-first post-order along normalized down
/// revisions). Empty when a cycle makes such an order impossible.
std::vector<int> parentsFirst(const GraphData &data)
{
    const int n = int(data.nodes.size());
    std::vector<int> order;
    order.reserve(size_t(n));
    std::vector<quint8> state(size_t(n), 0); // 0 new, 1 on the stack, 2 done
    std::vector<std::pair<int, qsizetype>> stack;
    for (int root = 0; root < n; ++root) {
        if (state[size_t(root)] != 0)
            continue;
        stack.push_back({root, 0});
        state[size_t(root)] = 1;
        while (!stack.empty()) {
            auto &[node, pos] = stack.back();
            const QList<int> &down = data.nodes[node].normalizedDown;
            if (pos < down.size()) {
                const int parent = down[pos++];
                if (state[size_t(parent)] == 1)
                    return {};
                if (state[size_t(parent)] == 0) {
                    state[size_t(parent)] = 1;
                    stack.push_back({parent, 0});
                }
                continue;
            }
            state[size_t(node)] = 2;
            order.push_back(node);
            stack.pop_back();
        }
    }
    return order;
}

} // namespace

AncestorClosure::AncestorClosure(const GraphData &data)
{
    const qsizetype n = data.nodes.size();
    const std::vector<int> order = parentsFirst(data);
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
