#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

class RevisionGraph;

/// One step of a run: one revision's upgrade() or downgrade(), with what alembic_version must hold
/// before and after it.
struct RunPlanStep
{
    QString revision;
    QString message;
    QString path;
    bool upgrade = true;
    QStringList versionsBefore; ///< sorted
    QStringList versionsAfter;  ///< sorted

    bool operator==(const RunPlanStep &) const = default;
};

/// What a run will do, made before anything runs: the steps from the database's alembic_version to a
/// target (any Alembic identifier, relative steps too), in Alembic's order.
struct RunPlan
{
    QStringList current;  ///< alembic_version when the plan was made, sorted
    QString target;       ///< as the user wrote it
    bool upgrade = true;
    QList<RunPlanStep> steps;
    QString error;        ///< Alembic's words for a target it would refuse; empty when the plan is good
    /// When a downgrade by relative steps is ambiguous at a merge point: the revisions the user can
    /// step down to instead (the merge's parents), each an explicit target.
    QStringList parentChoices;
    /// The steps were chosen by Retort, not by Alembic for \a target (reversed()): the runner does not
    /// ask Alembic for its plan, but each step still checks alembic_version before and after.
    bool explicitSteps = false;

    bool ok() const { return error.isEmpty(); }
    bool isEmpty() const { return steps.isEmpty(); }
    /// alembic_version after the whole plan.
    QStringList versionsAtEnd() const { return steps.isEmpty() ? current : steps.constLast().versionsAfter; }

    /// The plan to reach \a target from \a current in \a graph.
    static RunPlan make(const RevisionGraph &graph, const QStringList &current, const QString &target, bool upgrade);
    /// alembic_version's rows when \a applied revisions (and their ancestors) are applied: every applied
    /// revision that no applied revision names as down_revision or in depends_on. Sorted.
    /// Undoes \a plan: its steps in reverse order and direction, from versionsAtEnd() back to its
    /// current, as explicit steps (no single Alembic target may name exactly them: a revision beside
    /// another branch, a base of a labelled branch). \a target says where it goes, for the record.
    static RunPlan reversed(const RunPlan &plan, const QString &target);
    static QStringList versionRows(const RevisionGraph &graph, const QStringList &applied);

    /// Compares with Alembic's own plan (the helper's "plan" answer: [{revision, direction}]): empty
    /// when both run the same revisions in the same order, else the first difference in words.
    QString differenceFrom(const QJsonArray &alembicSteps) const;
};

} // namespace retort
