#include "revisiontraversal.h"

#include "revisionerror.h"

#include <algorithm>

namespace retort::detail {

const QList<int> &edgesOf(const GraphNode &node, Edges edges)
{
    switch (edges) {
    case Edges::VersionedDown:
        return node.down;
    case Edges::NormalizedDown:
        return node.normalizedDown;
    case Edges::AllDown:
        return node.allDown;
    case Edges::Next:
        return node.next;
    case Edges::AllNext:
        return node.allNext;
    }
    return node.down;
}

QList<int> relatedNodes(const GraphData &data, const QList<int> &targets, Edges edges, bool check)
{
    QList<int> result;
    std::vector<bool> seen(size_t(data.nodes.size()), false);
    const NodeSet targetSet = check ? NodeSet::of(data.nodes.size(), targets) : NodeSet();
    QList<int> todo;
    for (int target : targets) {
        todo.append(target);
        QList<int> perTarget;
        while (!todo.isEmpty()) {
            const int rev = todo.takeLast();
            if (check)
                perTarget.append(rev);
            if (seen[size_t(rev)])
                continue;
            seen[size_t(rev)] = true;
            for (int next : edgesOf(data.nodes[rev], edges))
                todo.append(next);
            result.append(rev);
        }
        if (check) {
            QStringList overlaps;
            for (int rev : std::as_const(perTarget))
                if (rev != target && targetSet.contains(rev) && !overlaps.contains(data.nodes[rev].source.id))
                    overlaps.append(data.nodes[rev].source.id);
            if (!overlaps.isEmpty())
                throw RevisionError::generic(QStringLiteral("Requested revision %1 overlaps with other requested "
                                                            "revisions %2")
                                                 .arg(data.nodes[target].source.id, overlaps.join(QStringLiteral(", "))));
        }
    }
    return result;
}

bool NodeSet::isEmpty() const
{
    return std::none_of(m_bits.cbegin(), m_bits.cend(), [](bool b) { return b; });
}

QList<int> NodeSet::toList() const
{
    QList<int> list;
    for (size_t i = 0; i < m_bits.size(); ++i)
        if (m_bits[i])
            list.append(int(i));
    return list;
}

NodeSet &NodeSet::intersect(const NodeSet &other)
{
    for (size_t i = 0; i < m_bits.size(); ++i)
        m_bits[i] = m_bits[i] && other.contains(int(i));
    return *this;
}

NodeSet &NodeSet::subtract(const NodeSet &other)
{
    for (size_t i = 0; i < m_bits.size(); ++i)
        m_bits[i] = m_bits[i] && !other.contains(int(i));
    return *this;
}

NodeSet &NodeSet::unite(const NodeSet &other)
{
    for (size_t i = 0; i < m_bits.size(); ++i)
        m_bits[i] = m_bits[i] || other.contains(int(i));
    return *this;
}

QList<int> topologicalSort(const GraphData &data, const NodeSet &nodes, const QList<int> &heads)
{
    const qsizetype n = data.nodes.size();
    const auto ancestorsOf = [&](int rev) {
        return NodeSet::of(n, relatedNodes(data, {rev}, Edges::NormalizedDown));
    };

    NodeSet todo = nodes;
    qsizetype remaining = todo.toList().size();

    QList<int> currentHeads;
    for (int head : heads)
        if (todo.contains(head) && !currentHeads.contains(head))
            currentHeads.append(head);
    std::sort(currentHeads.begin(), currentHeads.end()); // node index is load order
    QList<NodeSet> ancestorsByIndex;
    for (int head : std::as_const(currentHeads))
        ancestorsByIndex.append(ancestorsOf(head));

    QList<int> output;
    qsizetype candidateIndex = 0;
    qsizetype switchesSinceProgress = 0;
    while (!currentHeads.isEmpty()) {
        const int candidate = currentHeads[candidateIndex];
        bool blocked = false;
        for (qsizetype check = 0; check < ancestorsByIndex.size(); ++check) {
            if (check != candidateIndex && ancestorsByIndex[check].contains(candidate)) {
                // Another head depends on this one: that head has to be traversed first.
                candidateIndex = check;
                blocked = true;
                break;
            }
        }
        if (blocked) {
            if (++switchesSinceProgress > currentHeads.size() + 1)
                throw RevisionError::internal(QStringLiteral("topological sort did not converge (cycle?)"));
            continue;
        }
        switchesSinceProgress = 0;
        if (todo.contains(candidate)) {
            output.append(candidate);
            todo.remove(candidate);
            --remaining;
        }
        const GraphNode &rev = data.nodes[candidate];
        QList<int> headsToAdd;
        for (int r : rev.normalizedDown)
            if (todo.contains(r) && !currentHeads.contains(r) && !headsToAdd.contains(r))
                headsToAdd.append(r);
        if (headsToAdd.isEmpty()) {
            currentHeads.removeAt(candidateIndex);
            ancestorsByIndex.removeAt(candidateIndex);
            candidateIndex = std::max<qsizetype>(candidateIndex - 1, 0);
        } else if (rev.normalizedDeps.isEmpty() && rev.down.size() == 1) {
            // Plain movement down a line: update the ancestor set in place.
            currentHeads[candidateIndex] = headsToAdd[0];
            ancestorsByIndex[candidateIndex].remove(candidate);
        } else {
            currentHeads[candidateIndex] = headsToAdd[0];
            ancestorsByIndex[candidateIndex] = ancestorsOf(headsToAdd[0]);
            for (qsizetype i = 1; i < headsToAdd.size(); ++i) {
                currentHeads.append(headsToAdd[i]);
                ancestorsByIndex.append(ancestorsOf(headsToAdd[i]));
            }
        }
    }
    if (remaining != 0)
        throw RevisionError::internal(QStringLiteral("topological sort left %1 revisions unvisited").arg(remaining));
    return output;
}

} // namespace retort::detail
