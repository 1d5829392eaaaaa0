#include "revisiontraversal.h"

#include "ancestorclosure.h"
#include "revisionerror.h"

#include <algorithm>
#include <optional>

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

namespace {

/// Visited marks reused across walks: a walk is O(nodes it reaches), not O(all nodes).
class VisitMarks
{
public:
    void reset(size_t size)
    {
        if (m_marks.size() != size) {
            m_marks.assign(size, 0);
            m_epoch = 0;
        }
        if (++m_epoch == 0) { // wrapped: clear once
            std::fill(m_marks.begin(), m_marks.end(), 0);
            m_epoch = 1;
        }
    }
    bool testAndSet(int n)
    {
        if (m_marks[size_t(n)] == m_epoch)
            return true;
        m_marks[size_t(n)] = m_epoch;
        return false;
    }

private:
    std::vector<quint32> m_marks;
    quint32 m_epoch = 0;
};

} // namespace

QList<int> relatedNodes(const GraphData &data, const QList<int> &targets, Edges edges, bool check)
{
    thread_local VisitMarks seen;
    thread_local std::vector<int> todo;
    seen.reset(size_t(data.nodes.size()));
    todo.clear();
    QList<int> result;
    const NodeSet targetSet = check ? NodeSet::of(data.nodes.size(), targets) : NodeSet();
    for (int target : targets) {
        if (target < 0 || target >= data.nodes.size())
            // A relative identifier that walks off the history yields None or "base"; where Alembic
            // goes on to use it, it dies with an AttributeError.
            throw RevisionError::internal(QStringLiteral("a relative identifier walks past the end of the history"));
        todo.push_back(target);
        QList<int> perTarget;
        while (!todo.empty()) {
            const int rev = todo.back();
            todo.pop_back();
            if (check)
                perTarget.append(rev);
            if (seen.testAndSet(rev))
                continue;
            for (int next : edgesOf(data.nodes[rev], edges))
                todo.push_back(next);
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

std::vector<int> postOrder(const GraphData &data, Edges edges)
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
            const QList<int> &out = edgesOf(data.nodes[node], edges);
            if (pos < out.size()) {
                const int next = out[pos++];
                if (state[size_t(next)] == 1)
                    return {}; // back on the stack: a cycle
                if (state[size_t(next)] == 0) {
                    state[size_t(next)] = 1;
                    stack.push_back({next, 0});
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

bool hasCycle(const GraphData &data, Edges edges)
{
    return postOrder(data, edges).size() != size_t(data.nodes.size());
}

qsizetype NodeSet::count() const
{
    return qsizetype(std::count(m_bits.cbegin(), m_bits.cend(), true));
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
    // Alembic keeps, per current head, the set of that head's ancestors; moving a head down a plain
    // line removes the emitted revision, any other move recomputes the set. Either way the set is
    // the ancestor closure of the current head, which one AncestorClosure answers for all nodes.
    // Where it cannot be built (a cycle, a graph of very many short chains) the per-head sets are
    // kept as Alembic does.
    const qsizetype n = data.nodes.size();
    std::optional<AncestorClosure> closure(std::in_place, data);
    if (!closure->isValid())
        closure.reset();
    const auto ancestorsOf = [&](int rev) { return NodeSet::of(n, relatedNodes(data, {rev}, Edges::NormalizedDown)); };

    NodeSet todo = nodes;
    qsizetype remaining = todo.count();

    QList<int> currentHeads;
    for (int head : heads)
        if (todo.contains(head) && !currentHeads.contains(head))
            currentHeads.append(head);
    std::sort(currentHeads.begin(), currentHeads.end()); // node index is load order
    QList<NodeSet> ancestorsByIndex;
    if (!closure)
        for (int head : std::as_const(currentHeads))
            ancestorsByIndex.append(ancestorsOf(head));
    const auto isAncestor = [&](qsizetype headIndex, int candidate) {
        return closure ? closure->contains(currentHeads[headIndex], candidate)
                       : ancestorsByIndex[headIndex].contains(candidate);
    };

    QList<int> output;
    output.reserve(remaining);
    QList<int> headsToAdd; // reused: one allocation, not one per revision
    qsizetype candidateIndex = 0;
    qsizetype switchesSinceProgress = 0;
    while (!currentHeads.isEmpty()) {
        const int candidate = currentHeads[candidateIndex];
        bool blocked = false;
        for (qsizetype check = 0; check < currentHeads.size(); ++check) {
            if (check != candidateIndex && isAncestor(check, candidate)) {
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
        headsToAdd.clear();
        for (int r : rev.normalizedDown)
            if (todo.contains(r) && !currentHeads.contains(r) && !headsToAdd.contains(r))
                headsToAdd.append(r);
        if (headsToAdd.isEmpty()) {
            currentHeads.removeAt(candidateIndex);
            if (!closure)
                ancestorsByIndex.removeAt(candidateIndex);
            candidateIndex = std::max<qsizetype>(candidateIndex - 1, 0);
            continue;
        }
        const bool plainMove = rev.normalizedDeps.isEmpty() && rev.down.size() == 1;
        currentHeads[candidateIndex] = headsToAdd[0];
        for (qsizetype i = 1; i < headsToAdd.size(); ++i)
            currentHeads.append(headsToAdd[i]);
        if (!closure) {
            if (plainMove) {
                ancestorsByIndex[candidateIndex].remove(candidate);
            } else {
                ancestorsByIndex[candidateIndex] = ancestorsOf(headsToAdd[0]);
                for (qsizetype i = 1; i < headsToAdd.size(); ++i)
                    ancestorsByIndex.append(ancestorsOf(headsToAdd[i]));
            }
        }
    }
    if (remaining != 0)
        throw RevisionError::internal(QStringLiteral("topological sort left %1 revisions unvisited").arg(remaining));
    return output;
}

} // namespace retort::detail
