#include "runplan.h"

#include "revisiongraph.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace retort {

namespace {

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

/// \a revisions and everything they stand on (down revisions and dependencies).
QSet<QString> withAncestors(const RevisionGraph &graph, const QStringList &revisions)
{
    QSet<QString> seen;
    QStringList stack = revisions;
    while (!stack.isEmpty()) {
        const QString id = stack.takeLast();
        if (seen.contains(id) || !graph.contains(id))
            continue;
        seen.insert(id);
        stack += graph.parents(id);
        stack += graph.dependencies(id);
    }
    return seen;
}

/// Alembic's HeadMaintainer: a revision keeps a row until an applied revision stands on it, as its down
/// revision or through depends_on (upgrading x that depends on a head b replaces b's row with x's).
QStringList rowsOf(const RevisionGraph &graph, const QSet<QString> &applied)
{
    QStringList rows;
    for (const QString &id : applied) {
        const QStringList above = graph.children(id) + graph.dependents(id);
        const bool covered = std::any_of(above.cbegin(), above.cend(),
                                         [&applied](const QString &child) { return applied.contains(child); });
        if (!covered)
            rows.append(id);
    }
    return sorted(rows);
}

QString describe(const QString &revision, bool upgrade)
{
    return (upgrade ? QStringLiteral("upgrade ") : QStringLiteral("downgrade ")) + revision;
}

} // namespace

QStringList RunPlan::versionRows(const RevisionGraph &graph, const QStringList &applied)
{
    return rowsOf(graph, withAncestors(graph, applied));
}

RunPlan RunPlan::make(const RevisionGraph &graph, const QStringList &current, const QString &target, bool upgrade)
{
    RunPlan plan;
    plan.current = sorted(current);
    plan.target = target;
    plan.upgrade = upgrade;
    for (const QString &id : current) {
        if (!graph.contains(id)) {
            plan.error = QStringLiteral("The database's alembic_version holds %1, which is not a revision of this "
                                        "project")
                             .arg(id);
            return plan;
        }
    }
    const Plan steps = upgrade ? graph.upgradePlan(current, target) : graph.downgradePlan(current, target);
    if (!steps.ok()) {
        plan.error = steps.error;
        if (!upgrade && steps.error.contains(QLatin1String("Ambiguous"))) {
            for (const QString &id : current)
                if (graph.isMergePoint(id))
                    plan.parentChoices += graph.parents(id);
        }
        return plan;
    }
    QSet<QString> applied = withAncestors(graph, current);
    QStringList before = rowsOf(graph, applied);
    for (const PlanStep &step : steps.steps) {
        RunPlanStep runStep;
        runStep.revision = step.revision;
        runStep.upgrade = step.upgrade;
        if (const Revision *revision = graph.revision(step.revision)) {
            runStep.message = revision->message;
            runStep.path = revision->path;
        }
        runStep.versionsBefore = before;
        if (step.upgrade)
            applied.insert(step.revision);
        else
            applied.remove(step.revision);
        before = rowsOf(graph, applied);
        runStep.versionsAfter = before;
        plan.steps.append(runStep);
    }
    return plan;
}

RunPlan RunPlan::reversed(const RunPlan &plan, const QString &target)
{
    RunPlan back;
    back.current = plan.versionsAtEnd();
    back.target = target;
    back.upgrade = !plan.upgrade;
    back.error = plan.error;
    back.explicitSteps = true;
    for (auto it = plan.steps.crbegin(); it != plan.steps.crend(); ++it) {
        RunPlanStep step = *it;
        step.upgrade = !step.upgrade;
        std::swap(step.versionsBefore, step.versionsAfter);
        back.steps.append(step);
    }
    return back;
}

QString RunPlan::differenceFrom(const QJsonArray &alembicSteps) const
{
    const qsizetype common = std::min(steps.size(), alembicSteps.size());
    for (qsizetype i = 0; i < common; ++i) {
        const QJsonObject theirs = alembicSteps.at(i).toObject();
        const QString revision = theirs.value(QLatin1String("revision")).toString();
        const bool up = theirs.value(QLatin1String("direction")).toString() == QLatin1String("up");
        if (revision != steps.at(i).revision || up != steps.at(i).upgrade)
            return QStringLiteral("Step %1: Alembic would %2, Retort's plan says %3")
                .arg(i + 1)
                .arg(describe(revision, up), describe(steps.at(i).revision, steps.at(i).upgrade));
    }
    if (alembicSteps.size() > steps.size()) {
        const QJsonObject extra = alembicSteps.at(steps.size()).toObject();
        return QStringLiteral("Alembic's plan has %1 steps, Retort's %2; Alembic would also %3")
            .arg(alembicSteps.size())
            .arg(steps.size())
            .arg(describe(extra.value(QLatin1String("revision")).toString(),
                          extra.value(QLatin1String("direction")).toString() == QLatin1String("up")));
    }
    if (steps.size() > alembicSteps.size())
        return QStringLiteral("Alembic's plan has %1 steps, Retort's %2; Retort would also %3")
            .arg(alembicSteps.size())
            .arg(steps.size())
            .arg(describe(steps.at(alembicSteps.size()).revision, steps.at(alembicSteps.size()).upgrade));
    return {};
}

} // namespace retort
