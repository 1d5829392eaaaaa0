#include "alembiccrosscheck.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace retort {

namespace {

struct AlembicRevision
{
    QStringList downRevisions;
    QStringList branchLabels; ///< own, sorted
    QStringList dependsOn;
    QString path;
};

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        // down_revision = "" is a base for Alembic too; it reports it as [""].
        if (const QString text = item.toString(); !text.isEmpty())
            list.append(text);
    }
    return list;
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

QString fileName(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("an unknown file") : QFileInfo(path).fileName();
}

QString describeParents(const QStringList &parents)
{
    if (parents.isEmpty())
        return QStringLiteral("no parent (a base)");
    if (parents.size() == 1)
        return QStringLiteral("parent %1").arg(parents.constFirst());
    return QStringLiteral("parents %1").arg(parents.join(QStringLiteral(", ")));
}

QString describeList(const QStringList &values)
{
    return values.isEmpty() ? QStringLiteral("none") : values.join(QStringLiteral(", "));
}

} // namespace

AlembicCrossCheck AlembicCrossCheck::compare(const RevisionGraph &graph, const QJsonObject &script)
{
    AlembicCrossCheck check;
    QHash<QString, AlembicRevision> alembic;
    QStringList alembicOrder;
    for (const QJsonValue &value : script.value(QLatin1String("revisions")).toArray()) {
        const QJsonObject object = value.toObject();
        const QString id = object.value(QLatin1String("revision")).toString();
        if (id.isEmpty())
            continue;
        alembic.insert(id, {strings(object.value(QLatin1String("down_revisions"))),
                            sorted(strings(object.value(QLatin1String("branch_labels")))),
                            strings(object.value(QLatin1String("depends_on"))),
                            object.value(QLatin1String("path")).toString()});
        alembicOrder.append(id);
    }

    const QList<Revision> revisions = graph.revisions();
    QList<Revision> filledIn; // Retort's revisions with Alembic's values for the unresolved parents
    filledIn.reserve(revisions.size());
    QSet<QString> onlyOneSide;
    bool parentsFilledIn = false;
    const auto disagree = [&check](CrossCheckDisagreement::Kind kind, const Revision &rev, int line,
                                   const QString &message) {
        check.m_disagreements.append({kind, rev.id, rev.path, line > 0 ? line : rev.line, message});
    };

    for (const Revision &rev : revisions) {
        Revision filled = rev;
        const auto it = alembic.constFind(rev.id);
        if (it == alembic.cend()) {
            onlyOneSide.insert(rev.id);
            disagree(CrossCheckDisagreement::Kind::OnlyInRetort, rev, rev.line,
                     QStringLiteral("Retort read revision %1 from %2, but Alembic does not load it")
                         .arg(rev.id, fileName(rev.path)));
            filledIn.append(filled);
            continue;
        }
        CrossCheckResolved resolved{rev.id, rev.path, {}, {}, {}};
        if (rev.downRevisionUnresolved) {
            resolved.downRevisions = it->downRevisions;
            filled.downRevisions = it->downRevisions;
            filled.downRevisionUnresolved = false;
            parentsFilledIn = true;
        } else if (rev.downRevisions != it->downRevisions) {
            disagree(CrossCheckDisagreement::Kind::Parents, rev, rev.downRevisionLine,
                     QStringLiteral("Alembic sees %1 for %2, Retort read %3")
                         .arg(describeParents(it->downRevisions), rev.id, describeParents(rev.downRevisions)));
        }
        if (rev.branchLabelsUnresolved) {
            resolved.branchLabels = it->branchLabels;
        } else if (const QStringList own = sorted(rev.branchLabels); own != it->branchLabels) {
            disagree(CrossCheckDisagreement::Kind::BranchLabels, rev, rev.branchLabelsLine,
                     QStringLiteral("Alembic sees branch labels %1 on %2, Retort read %3")
                         .arg(describeList(it->branchLabels), rev.id, describeList(own)));
        }
        if (rev.dependsOnUnresolved) {
            resolved.dependsOn = it->dependsOn;
        } else if (sorted(rev.dependsOn) != sorted(it->dependsOn)) {
            disagree(CrossCheckDisagreement::Kind::DependsOn, rev, rev.dependsOnLine,
                     QStringLiteral("Alembic sees %1 depending on %2, Retort read %3")
                         .arg(rev.id, describeList(it->dependsOn), describeList(rev.dependsOn)));
        }
        if (resolved.downRevisions || resolved.branchLabels || resolved.dependsOn)
            check.m_resolved.append(resolved);
        filledIn.append(filled);
    }

    for (const QString &id : std::as_const(alembicOrder)) {
        if (graph.contains(id))
            continue;
        onlyOneSide.insert(id);
        const QString path = alembic.value(id).path;
        check.m_disagreements.append({CrossCheckDisagreement::Kind::OnlyInAlembic, id, path, 0,
                                      QStringLiteral("Alembic loads revision %1 from %2, but Retort did not read it")
                                          .arg(id, fileName(path))});
    }

    // Heads, as sets (Alembic's order follows its file listing); a revision only one side knows is
    // already reported.
    const QStringList retortHeads = parentsFilledIn ? RevisionGraph::build(filledIn).heads() : graph.heads();
    const QStringList alembicHeadList = strings(script.value(QLatin1String("heads")));
    const QSet<QString> alembicHeads(alembicHeadList.cbegin(), alembicHeadList.cend());
    const QSet<QString> ourHeads(retortHeads.cbegin(), retortHeads.cend());
    for (const QString &head : retortHeads) {
        if (alembicHeads.contains(head) || onlyOneSide.contains(head))
            continue;
        const Revision *rev = graph.revision(head);
        check.m_disagreements.append({CrossCheckDisagreement::Kind::Head, head, rev ? rev->path : QString(),
                                      rev ? rev->line : 0,
                                      QStringLiteral("Retort reads %1 as a head, Alembic does not").arg(head)});
    }
    for (const QString &head : alembicHeadList) {
        if (ourHeads.contains(head) || onlyOneSide.contains(head))
            continue;
        const Revision *rev = graph.revision(head);
        check.m_disagreements.append({CrossCheckDisagreement::Kind::Head, head,
                                      rev ? rev->path : alembic.value(head).path, rev ? rev->line : 0,
                                      QStringLiteral("Alembic sees %1 as a head, Retort does not").arg(head)});
    }
    return check;
}

const CrossCheckResolved *AlembicCrossCheck::resolvedFor(const QString &revision) const
{
    for (const CrossCheckResolved &resolved : m_resolved)
        if (resolved.revision == revision)
            return &resolved;
    return nullptr;
}

QList<Revision> AlembicCrossCheck::filledIn(const RevisionGraph &graph) const
{
    QList<Revision> revisions = graph.revisions();
    for (Revision &rev : revisions) {
        const CrossCheckResolved *resolved = resolvedFor(rev.id);
        if (!resolved)
            continue;
        if (resolved->downRevisions) {
            rev.downRevisions = *resolved->downRevisions;
            rev.downRevisionUnresolved = false;
        }
        if (resolved->branchLabels) {
            rev.branchLabels = *resolved->branchLabels;
            rev.branchLabelsUnresolved = false;
        }
        if (resolved->dependsOn) {
            rev.dependsOn = *resolved->dependsOn;
            rev.dependsOnUnresolved = false;
        }
    }
    return revisions;
}

Diagnostics AlembicCrossCheck::toDiagnostics() const
{
    Diagnostics diagnostics;
    diagnostics.reserve(m_disagreements.size());
    for (const CrossCheckDisagreement &d : m_disagreements)
        diagnostics.append({Diagnostic::Severity::Warning, d.path, d.line, d.message, d.revision});
    return diagnostics;
}

} // namespace retort
