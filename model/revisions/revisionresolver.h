#pragma once

#include "revisiongraph.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace retort {

namespace detail {
struct GraphData;
class NodeSet;
}

/// Alembic's RevisionMap identifier and plan logic (alembic/script/revision.py, 1.8.1), method by
/// method, over a RevisionGraph. Internal revisions are node indices; kNone is Python's None and
/// kBase the string "base" that _walk can return.
class RevisionResolver
{
public:
    explicit RevisionResolver(const RevisionGraph &graph);

    Resolution resolve(const QString &identifier, const QStringList &current) const;
    Plan upgradePlan(const QStringList &current, const QString &target) const;
    Plan downgradePlan(const QStringList &current, const QString &target) const;

    static constexpr int kNone = -1;
    static constexpr int kBase = -2;

private:
    using Ident = QString; // a null QString is Python's None

    std::pair<QStringList, QString> resolveRevisionNumber(const Ident &id) const;
    int currentHead(const QString &branchLabel) const;
    QList<int> getRevisions(const Ident &id) const;
    QList<int> getRevisionsOf(const QStringList &ids) const;
    int getRevision(const Ident &id) const;
    int resolveBranch(const QString &branchLabel) const;
    int revisionForIdent(const Ident &resolvedId, const QString &checkBranch = QString()) const;
    QList<int> filterForLineage(const QList<int> &targets, const QString &checkAgainst,
                                bool includeDependencies = false) const;
    QStringList lineageShares(const QString &checkAgainst) const;
    QStringList filterKeysForLineage(const QStringList &keys, const QString &checkAgainst) const;
    bool sharesLineage(int target, const QList<int> &testAgainst, bool includeDependencies) const;
    QList<int> allCurrent(const QStringList &ids) const;
    int walk(int start, int steps, const QString &branchLabel, bool noOverwalk) const;
    int walkFrom(const Ident &start, int steps, const QString &branchLabel, bool noOverwalk) const;
    std::pair<QString, int> parseDowngradeTarget(const QStringList &current, const Ident &target,
                                                 bool assertRelativeLength) const;
    QList<int> parseUpgradeTarget(const QStringList &current, const Ident &target, bool assertRelativeLength) const;
    std::pair<detail::NodeSet, QList<int>> collectUpgrade(const Ident &upper, const QStringList &lower) const;
    std::pair<detail::NodeSet, QList<int>> collectDowngrade(const QStringList &upper, const Ident &target) const;

    QString refusal(const QString &target) const;
    QString idOf(int node) const;
    QStringList idsOf(const QList<int> &nodes) const;

    const detail::GraphData &m_data;
};

} // namespace retort
