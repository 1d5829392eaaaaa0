#pragma once

#include "diagnostic.h"
#include "revisiongraph.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

/// One point where Alembic's view of a project differs from what Retort read statically.
struct CrossCheckDisagreement
{
    enum class Kind { OnlyInAlembic, OnlyInRetort, Parents, BranchLabels, DependsOn, Head };

    Kind kind = Kind::Parents;
    QString revision;
    QString path;    ///< the revision's file (Retort's when it has one, else Alembic's)
    int line = 0;    ///< line of the value in Retort's scan, 0 when unknown
    QString message; ///< plain words: "Alembic sees parent X, Retort read Y"

    bool operator==(const CrossCheckDisagreement &) const = default;
};

/// What Alembic reports for the values of one revision that the static scan could not evaluate;
/// a value is set only when Retort marked it unresolved.
struct CrossCheckResolved
{
    QString revision;
    QString path;
    std::optional<QStringList> downRevisions;
    std::optional<QStringList> branchLabels; ///< the revision's own labels, sorted
    std::optional<QStringList> dependsOn;

    bool operator==(const CrossCheckResolved &) const = default;
};

/// Retort's RevisionGraph against the helper's `script` answer (Alembic's own ScriptDirectory): an
/// immutable result. Values Retort marked unresolved (computed at import time) are not
/// disagreements; Alembic's values for them are in resolved(). Heads are compared after filling in
/// the resolved parents, so an unreadable down_revision does not show up as a head difference.
class AlembicCrossCheck
{
public:
    AlembicCrossCheck() = default;

    /// Compares \a graph with \a script, the result of the helper's `script` request
    /// (`revisions`: revision, down_revisions, branch_labels, depends_on, path; `heads`).
    static AlembicCrossCheck compare(const RevisionGraph &graph, const QJsonObject &script);

    bool agrees() const { return m_disagreements.isEmpty(); }
    /// Revisions in Retort's load order, then the ones only Alembic has, then head differences.
    const QList<CrossCheckDisagreement> &disagreements() const { return m_disagreements; }
    const QList<CrossCheckResolved> &resolved() const { return m_resolved; }
    /// Alembic's values for \a revision's unresolved fields, or nullptr when none were resolved.
    const CrossCheckResolved *resolvedFor(const QString &revision) const;

    /// \a graph's revisions with Alembic's values in place of the ones the scan could not read (and
    /// those no longer marked unresolved), in \a graph's load order.
    QList<Revision> filledIn(const RevisionGraph &graph) const;

    /// Each disagreement as a Warning naming its revision, file and line.
    Diagnostics toDiagnostics() const;

private:
    QList<CrossCheckDisagreement> m_disagreements;
    QList<CrossCheckResolved> m_resolved;
};

} // namespace retort
