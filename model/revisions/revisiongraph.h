#pragma once

#include "diagnostic.h"
#include "revision.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

namespace detail {
struct GraphData;
}

/// One step of an upgrade or downgrade: run one revision's upgrade() or downgrade().
struct PlanStep
{
    QString revision;
    bool upgrade = true;
    bool operator==(const PlanStep &) const = default;
};

/// An execution plan, or the message Alembic would refuse the target with.
struct Plan
{
    QList<PlanStep> steps;
    QString error;
    bool ok() const { return error.isNull(); }
};

/// Revisions an identifier names (`heads`, `label@head`, a partial id, `rev+2`, ...), or the
/// message Alembic gives for it.
struct Resolution
{
    QStringList revisions;
    QString error;
    bool ok() const { return error.isNull(); }
};

/// The revision history of a project with Alembic's semantics: an immutable value, cheap to copy.
/// Everything that can differ from Alembic is tested against Alembic (tests/differential).
class RevisionGraph
{
public:
    RevisionGraph();

    /// Builds the graph from revisions in load order. Problems go into diagnostics(); the graph
    /// always builds, marking what it could not resolve. Takes its input by value: a caller that
    /// moves it in spares a copy of every revision.
    static RevisionGraph build(QList<Revision> revisions, Diagnostics scanDiagnostics = {});

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    /// Revisions in load order (duplicated ids: the last definition, at the first one's place).
    QList<Revision> revisions() const;
    /// The revision at `index` of revisions(), 0 <= index < size(), without copying the list.
    const Revision &revisionAt(qsizetype index) const;
    const Revision *revision(const QString &id) const;
    bool contains(const QString &id) const { return revision(id) != nullptr; }
    /// Id of the revision declared in the file at \a path (compared after QDir::cleanPath);
    /// empty when none is. A linear scan: meant for user actions, not for loops over revisions.
    QString revisionInFile(const QString &path) const;

    /// `alembic heads`: revisions no other revision names as down_revision, load order.
    QStringList heads() const;
    /// ScriptDirectory.get_bases(): revisions whose down_revision is None.
    QStringList bases() const;
    /// Heads and bases counting depends_on as edges (what `heads` as a target means).
    QStringList realHeads() const;
    QStringList realBases() const;
    /// Revision ids in the order `alembic history` prints them, newest first.
    QStringList history() const;

    QStringList parents(const QString &id) const;        ///< down revisions that exist, as declared
    QStringList missingParents(const QString &id) const; ///< down revisions that name nothing
    QStringList children(const QString &id) const;
    QStringList dependencies(const QString &id) const;   ///< depends_on, resolved to revision ids
    QStringList dependents(const QString &id) const;
    /// Branch labels after Alembic's propagation to descendants and ancestors, sorted.
    QStringList branchLabels(const QString &id) const;
    /// branchLabels() of revisionAt(index), without looking its id up.
    const QStringList &branchLabelsAt(qsizetype index) const;
    bool isHead(const QString &id) const;
    bool isBase(const QString &id) const;
    bool isBranchPoint(const QString &id) const;
    bool isMergePoint(const QString &id) const;
    bool isInCycle(const QString &id) const;
    /// Branch label -> the revision declaring it.
    QString labelOwner(const QString &label) const;

    Diagnostics diagnostics() const;
    /// Non-empty when Alembic would refuse to load this history at all (a cycle, a clashing label).
    QString fatalError() const;

    /// Resolves an identifier as `alembic upgrade`/`downgrade` would (`heads`, `head`, `base`,
    /// `label@head`, partial ids, relative forms). `current` is the database's applied heads.
    Resolution resolve(const QString &identifier, const QStringList &current = {}) const;
    /// What `alembic upgrade TARGET` runs from a database whose alembic_version holds `current`.
    Plan upgradePlan(const QStringList &current, const QString &target) const;
    /// What `alembic downgrade TARGET` runs.
    Plan downgradePlan(const QStringList &current, const QString &target) const;

private:
    friend class RevisionResolver;
    std::shared_ptr<const detail::GraphData> m_data;
};

} // namespace retort
