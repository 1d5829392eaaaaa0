#include "revisiongraph.h"

#include "revisionerror.h"
#include "revisiongraphbuilder.h"
#include "revisiongraphdata.h"
#include "revisionresolver.h"
#include "revisiontraversal.h"

#include <QDir>
#include <QSet>

#include <algorithm>
#include <functional>
#include <optional>

namespace retort {

using detail::Edges;
using detail::GraphData;
using detail::idsOf;
using detail::GraphNode;
using detail::NodeSet;
using detail::RevisionError;


RevisionGraph::RevisionGraph()
    : m_data(std::make_shared<GraphData>())
{
}

RevisionGraph RevisionGraph::build(QList<Revision> revisions, Diagnostics scanDiagnostics)
{
    RevisionGraph graph;
    graph.m_data = detail::RevisionGraphBuilder::build(std::move(revisions), std::move(scanDiagnostics));
    return graph;
}

qsizetype RevisionGraph::size() const
{
    return m_data->nodes.size();
}

QList<Revision> RevisionGraph::revisions() const
{
    QList<Revision> list;
    list.reserve(m_data->nodes.size());
    for (const GraphNode &node : m_data->nodes)
        list.append(node.source);
    return list;
}

const Revision &RevisionGraph::revisionAt(qsizetype index) const
{
    return m_data->nodes[index].source;
}

const Revision *RevisionGraph::revision(const QString &id) const
{
    const auto it = m_data->idIndex.constFind(id);
    return it == m_data->idIndex.cend() ? nullptr : &m_data->nodes[*it].source;
}

QString RevisionGraph::revisionInFile(const QString &path) const
{
    if (path.isEmpty())
        return {};
    const QString clean = QDir::cleanPath(path);
    for (const GraphNode &node : m_data->nodes) {
        if (node.source.path == clean || QDir::cleanPath(node.source.path) == clean)
            return node.source.id;
    }
    return {};
}

QStringList RevisionGraph::heads() const
{
    return idsOf(*m_data, m_data->heads);
}

QStringList RevisionGraph::bases() const
{
    return idsOf(*m_data, m_data->bases);
}

QStringList RevisionGraph::realHeads() const
{
    return idsOf(*m_data, m_data->realHeads);
}

QStringList RevisionGraph::realBases() const
{
    return idsOf(*m_data, m_data->realBases);
}

QStringList RevisionGraph::history() const
{
    return idsOf(*m_data, m_data->history);
}

namespace {
template<typename F>
auto withNode(const GraphData &data, const QString &id, F f) -> decltype(f(data.nodes.first()))
{
    const auto it = data.idIndex.constFind(id);
    if (it == data.idIndex.cend())
        return {};
    return f(data.nodes[*it]);
}
} // namespace

QStringList RevisionGraph::parents(const QString &id) const
{
    return withNode(*m_data, id, [&](const GraphNode &n) { return idsOf(*m_data, n.down); });
}

QStringList RevisionGraph::missingParents(const QString &id) const
{
    return withNode(*m_data, id, [](const GraphNode &n) { return n.missingDown; });
}

QStringList RevisionGraph::children(const QString &id) const
{
    return withNode(*m_data, id, [&](const GraphNode &n) { return idsOf(*m_data, n.next); });
}

QStringList RevisionGraph::dependencies(const QString &id) const
{
    return withNode(*m_data, id, [&](const GraphNode &n) {
        QStringList ids = idsOf(*m_data, n.resolvedDeps);
        ids.removeDuplicates();
        return ids;
    });
}

QStringList RevisionGraph::dependents(const QString &id) const
{
    return withNode(*m_data, id, [&](const GraphNode &n) {
        QList<int> dependents;
        for (int c : n.allNext)
            if (!n.next.contains(c))
                dependents.append(c);
        return idsOf(*m_data, dependents);
    });
}

QStringList RevisionGraph::branchLabels(const QString &id) const
{
    return withNode(*m_data, id, [](const GraphNode &n) { return n.labels; });
}

const QStringList &RevisionGraph::branchLabelsAt(qsizetype index) const
{
    return m_data->nodes[index].labels;
}

bool RevisionGraph::isHead(const QString &id) const
{
    return withNode(*m_data, id, [](const GraphNode &n) { return n.next.isEmpty(); });
}

bool RevisionGraph::isBase(const QString &id) const
{
    return withNode(*m_data, id, [](const GraphNode &n) { return n.declaredBase; });
}

bool RevisionGraph::isBranchPoint(const QString &id) const
{
    return withNode(*m_data, id, [](const GraphNode &n) { return n.next.size() > 1; });
}

bool RevisionGraph::isMergePoint(const QString &id) const
{
    return withNode(*m_data, id, [](const GraphNode &n) { return n.source.downRevisions.size() > 1; });
}

bool RevisionGraph::isInCycle(const QString &id) const
{
    return withNode(*m_data, id, [](const GraphNode &n) { return n.inCycle; });
}

QString RevisionGraph::labelOwner(const QString &label) const
{
    if (!m_data->keyOrder.contains(label) || m_data->idIndex.contains(label))
        return {};
    return m_data->nodes[m_data->keyIndex.value(label)].source.id;
}

Diagnostics RevisionGraph::diagnostics() const
{
    return m_data->diagnostics;
}

QString RevisionGraph::fatalError() const
{
    return m_data->fatalError;
}

Resolution RevisionGraph::resolve(const QString &identifier, const QStringList &current) const
{
    return RevisionResolver(*this).resolve(identifier, current);
}

Plan RevisionGraph::upgradePlan(const QStringList &current, const QString &target) const
{
    return RevisionResolver(*this).upgradePlan(current, target);
}

Plan RevisionGraph::downgradePlan(const QStringList &current, const QString &target) const
{
    return RevisionResolver(*this).downgradePlan(current, target);
}

} // namespace retort
