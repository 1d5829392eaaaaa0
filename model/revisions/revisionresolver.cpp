#include "revisionresolver.h"

#include "revisionerror.h"
#include "revisiongraphdata.h"
#include "revisiontraversal.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace retort {

using detail::Edges;
using detail::NodeSet;
using detail::RevisionError;

namespace {

/// Alembic's _relative_destination, anchored at the start as re.match is.
const QRegularExpression &relativeDestination()
{
    static const QRegularExpression re(QStringLiteral("^(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

/// An integer as Python's int() reads it: any size, Unicode decimal digits, `_` between digits.
/// Walks never go further than the history is deep, so `steps` is clamped; messages use the text.
struct PythonInt
{
    bool ok = false;
    int steps = 0;      ///< sign-preserving, magnitude clamped to 1e9
    QString magnitude;  ///< abs(value) as Python prints it
    bool negative = false;

    /// str(int(x)): "-5", "0", "12"
    QString text() const { return negative && magnitude != u"0" ? u'-' + magnitude : magnitude; }
};

PythonInt parsePythonInt(const QString &text)
{
    static const QRegularExpression integer(QStringLiteral("^\\s*([+-]?)(\\d+(?:_\\d+)*)\\s*$"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    PythonInt result;
    const auto match = integer.match(text);
    if (!match.hasMatch())
        return result;
    QString digits;
    for (const QChar c : match.capturedView(2)) {
        if (c == u'_')
            continue;
        const int value = c.digitValue();
        if (value < 0)
            return result; // a digit outside the BMP: not handled
        digits += QChar(u'0' + value);
    }
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits.remove(0, 1);
    result.ok = true;
    result.magnitude = digits;
    result.negative = match.captured(1) == u"-";
    const int magnitude = digits.size() > 9 ? 1000000000 : digits.toInt();
    result.steps = result.negative ? -magnitude : magnitude;
    return result;
}

const QString kAlembicFailsPrefix = QStringLiteral("Alembic itself fails on this target (");

/// ScriptDirectory._catch_revision_errors: the command-level message for a revision error.
QString commandMessage(const RevisionError &error, const QString &ancestorTemplate, const QString &end)
{
    switch (error.kind) {
    case RevisionError::Kind::RangeNotAncestor:
        return ancestorTemplate.arg(end);
    case RevisionError::Kind::MultipleHeads:
        return QStringLiteral("Multiple head revisions are present for given argument '%1'; please specify a specific "
                              "target revision, '<branchname>@%1' to narrow to a specific head, or 'heads' for all "
                              "heads")
            .arg(end.isEmpty() ? error.argument : end);
    case RevisionError::Kind::Resolution:
        return QStringLiteral("Can't locate revision identified by '%1'").arg(error.argument);
    case RevisionError::Kind::Generic:
        return error.message;
    case RevisionError::Kind::Internal:
        return kAlembicFailsPrefix + error.message + u')';
    }
    return error.message;
}

} // namespace

RevisionResolver::RevisionResolver(const RevisionGraph &graph)
    : m_data(*graph.m_data)
{
}

QString RevisionResolver::idOf(int node) const
{
    return node >= 0 ? m_data.nodes[node].source.id : QString();
}

QStringList RevisionResolver::idsOf(const QList<int> &nodes) const
{
    QStringList ids;
    for (int n : nodes)
        ids.append(idOf(n));
    return ids;
}

std::pair<QStringList, QString> RevisionResolver::resolveRevisionNumber(const Ident &id) const
{
    QString branchLabel; // null: no '@' given
    Ident rest = id;
    if (!id.isNull() && id.contains(u'@')) {
        const qsizetype at = id.indexOf(u'@');
        branchLabel = id.left(at);
        rest = id.mid(at + 1);
        if (branchLabel.isNull())
            branchLabel = QStringLiteral("");
    }
    if (rest == u"heads") {
        if (!branchLabel.isEmpty())
            return {idsOf(filterForLineage(m_data.heads, branchLabel)), branchLabel};
        return {idsOf(m_data.realHeads), branchLabel};
    }
    if (rest == u"head") {
        const int head = currentHead(branchLabel);
        return {head >= 0 ? QStringList{idOf(head)} : QStringList{}, branchLabel};
    }
    if (rest.isNull() || rest == u"base")
        return {{}, branchLabel};
    return {{rest}, branchLabel};
}

int RevisionResolver::currentHead(const QString &branchLabel) const
{
    QList<int> heads = m_data.heads;
    if (!branchLabel.isEmpty())
        heads = filterForLineage(heads, branchLabel);
    if (heads.size() > 1)
        throw RevisionError::multipleHeads(idsOf(heads), branchLabel.isEmpty() ? QStringLiteral("head")
                                                                               : branchLabel + QStringLiteral("@head"));
    return heads.isEmpty() ? kNone : heads.first();
}

QList<int> RevisionResolver::getRevisions(const Ident &id) const
{
    const auto [resolved, branchLabel] = resolveRevisionNumber(id);
    if (resolved.size() == 1) {
        const PythonInt number = parsePythonInt(resolved.first());
        const int steps = number.steps;
        if (number.ok && steps < 0) {
            // branch@-n: walk down from the heads.
            QList<int> selectHeads = getRevisions(QStringLiteral("heads"));
            if (!branchLabel.isNull()) {
                QList<int> filtered;
                for (int head : std::as_const(selectHeads))
                    if (m_data.nodes[head].labels.contains(branchLabel))
                        filtered.append(head);
                selectHeads = filtered;
            }
            QList<int> result;
            for (int head : std::as_const(selectHeads))
                result.append(walk(head, steps, QString(), true));
            return result;
        }
    }
    QList<int> result;
    for (const QString &r : resolved)
        result.append(revisionForIdent(r, branchLabel));
    return result;
}

QList<int> RevisionResolver::getRevisionsOf(const QStringList &ids) const
{
    QList<int> result;
    for (const QString &id : ids)
        result += getRevisions(id);
    return result;
}

int RevisionResolver::getRevision(const Ident &id) const
{
    const auto [resolved, branchLabel] = resolveRevisionNumber(id);
    if (resolved.size() > 1)
        throw RevisionError::multipleHeads(resolved, id);
    return revisionForIdent(resolved.isEmpty() ? QString() : resolved.first(), branchLabel);
}

int RevisionResolver::resolveBranch(const QString &branchLabel) const
{
    if (const auto it = m_data.keyIndex.constFind(branchLabel); it != m_data.keyIndex.cend())
        return *it;
    try {
        return revisionForIdent(branchLabel);
    } catch (const RevisionError &e) {
        if (e.kind != RevisionError::Kind::Resolution)
            throw;
        throw RevisionError::resolution(QStringLiteral("No such branch: '%1'").arg(branchLabel), branchLabel);
    }
}

int RevisionResolver::revisionForIdent(const Ident &resolvedId, const QString &checkBranch) const
{
    const int branchRev = checkBranch.isEmpty() ? kNone : resolveBranch(checkBranch);
    int revision = kNone;
    if (resolvedId.isNull()) {
        revision = kNone; // Alembic maps () and None to None
    } else if (const auto it = m_data.keyIndex.constFind(resolvedId); it != m_data.keyIndex.cend()) {
        revision = *it;
    } else {
        if (resolvedId.isEmpty())
            throw RevisionError::internal(QStringLiteral("empty revision identifier"));
        QStringList revs;
        for (const QString &key : m_data.keyOrder)
            if (key.size() > 3 && key.startsWith(resolvedId))
                revs.append(key);
        if (branchRev != kNone)
            revs = filterKeysForLineage(revs, checkBranch);
        if (revs.isEmpty()) {
            throw RevisionError::resolution(
                QStringLiteral("No such revision or branch '%1'%2")
                    .arg(resolvedId, resolvedId.size() < 4 ? QStringLiteral("; please ensure at least four characters "
                                                                             "are present for partial revision "
                                                                             "identifier matches")
                                                            : QString()),
                resolvedId);
        }
        if (revs.size() > 1) {
            QStringList quoted;
            for (const QString &r : revs.mid(0, 3))
                quoted.append(u'\'' + r + u'\'');
            throw RevisionError::resolution(QStringLiteral("Multiple revisions start with '%1': %2...")
                                                .arg(resolvedId, quoted.join(QStringLiteral(", "))),
                                            resolvedId);
        }
        revision = m_data.keyIndex.value(revs.first());
    }
    if (!checkBranch.isEmpty() && revision != kNone) {
        if (!sharesLineage(revision, {branchRev}, false))
            throw RevisionError::resolution(QStringLiteral("Revision %1 is not a member of branch '%2'")
                                                .arg(idOf(revision), checkBranch),
                                            resolvedId);
    }
    return revision;
}

bool RevisionResolver::sharesLineage(int target, const QList<int> &testAgainst, bool includeDependencies) const
{
    if (testAgainst.isEmpty())
        return true;
    const QList<int> down = detail::relatedNodes(m_data, {target},
                                                 includeDependencies ? Edges::AllNext : Edges::Next);
    const QList<int> up = detail::relatedNodes(m_data, {target},
                                               includeDependencies ? Edges::NormalizedDown : Edges::VersionedDown);
    for (int t : testAgainst)
        if (t >= 0 && (down.contains(t) || up.contains(t)))
            return true;
    return false;
}

QStringList RevisionResolver::lineageShares(const QString &checkAgainst) const
{
    const auto [ids, branchLabel] = resolveRevisionNumber(checkAgainst);
    QStringList shares;
    if (!branchLabel.isEmpty())
        shares.append(branchLabel);
    return shares + ids;
}

QList<int> RevisionResolver::filterForLineage(const QList<int> &targets, const QString &checkAgainst,
                                              bool includeDependencies) const
{
    const QStringList shares = lineageShares(checkAgainst);
    QList<int> result;
    if (targets.isEmpty())
        return result;
    QList<int> testAgainst;
    for (const QString &share : shares)
        testAgainst.append(revisionForIdent(share));
    for (int target : targets)
        if (sharesLineage(target, testAgainst, includeDependencies))
            result.append(target);
    return result;
}

QStringList RevisionResolver::filterKeysForLineage(const QStringList &keys, const QString &checkAgainst) const
{
    // Like filterForLineage, over map keys (ids or labels); Alembic resolves each key before the
    // revisions it is tested against, so errors come in that order.
    const QStringList shares = lineageShares(checkAgainst);
    QStringList result;
    std::optional<QList<int>> testAgainst;
    for (const QString &key : keys) {
        const int target = revisionForIdent(key);
        if (!testAgainst) {
            testAgainst.emplace();
            for (const QString &share : shares)
                testAgainst->append(revisionForIdent(share));
        }
        if (sharesLineage(target, *testAgainst, false))
            result.append(key);
    }
    return result;
}

QList<int> RevisionResolver::allCurrent(const QStringList &ids) const
{
    const QList<int> top = getRevisionsOf(ids);
    NodeSet targets = NodeSet::of(m_data.nodes.size(), top);
    targets.unite(NodeSet::of(m_data.nodes.size(), detail::relatedNodes(m_data, top, Edges::NormalizedDown)));
    QList<int> result;
    for (int rev : targets.toList()) {
        bool hasDescendantInSet = false;
        for (int d : detail::relatedNodes(m_data, {rev}, Edges::Next))
            if (d != rev && targets.contains(d))
                hasDescendantInSet = true;
        if (!hasDescendantInSet)
            result.append(rev);
    }
    return result;
}

int RevisionResolver::walk(int start, int steps, const QString &branchLabel, bool noOverwalk) const
{
    int initial = start;
    for (int i = 0; i < std::abs(steps); ++i) {
        QList<int> children;
        if (steps > 0) {
            if (initial == kBase)
                throw RevisionError::internal(QStringLiteral("cannot walk up from base"));
            const QList<int> walkUp =
                getRevisionsOf(idsOf(initial == kNone ? m_data.bases : m_data.nodes[initial].next));
            children = branchLabel.isEmpty() ? walkUp : filterForLineage(walkUp, branchLabel);
        } else if (initial != kBase) {
            children = getRevisionsOf(idsOf(initial == kNone ? m_data.heads : m_data.nodes[initial].down));
            if (children.isEmpty())
                children = {kBase};
        }
        if (children.isEmpty())
            return noOverwalk ? kNone : initial;
        if (children.size() > 1)
            throw RevisionError::generic(QStringLiteral("Ambiguous walk"));
        initial = children.first();
    }
    return initial;
}

int RevisionResolver::walkFrom(const Ident &start, int steps, const QString &branchLabel, bool noOverwalk) const
{
    return walk(start.isNull() ? kNone : getRevision(start), steps, branchLabel, noOverwalk);
}

std::pair<QString, int> RevisionResolver::parseDowngradeTarget(const QStringList &current, const Ident &target,
                                                               bool assertRelativeLength) const
{
    if (target.isNull())
        return {QString(), kNone};
    const auto match = relativeDestination().match(target);
    if (match.hasMatch()) {
        QString branchLabel = match.captured(1);
        QString symbol = match.captured(2);
        const QString relative = match.captured(3);
        const PythonInt number = parsePythonInt(relative);
        const int relInt = number.steps;
        const QString didntProduce =
            QStringLiteral("Relative revision %1 didn't produce %2 migrations").arg(relative, number.magnitude);
        if (relInt >= 0) {
            if (symbol.isNull())
                throw RevisionError::generic(didntProduce);
            const int rev = walkFrom(symbol, relInt, branchLabel, assertRelativeLength);
            if (rev == kNone)
                throw RevisionError::generic(QStringLiteral("Walked too far"));
            return {branchLabel, rev};
        }
        const bool relativeRevision = symbol.isNull();
        if (relativeRevision) {
            if (!branchLabel.isEmpty()) {
                QStringList symbols = filterKeysForLineage(current, branchLabel);
                if (symbols.isEmpty())
                    symbols = idsOf(filterForLineage(allCurrent(current), branchLabel));
                if (symbols.size() != 1)
                    throw RevisionError::internal(QStringLiteral("no single current revision on branch '%1'")
                                                      .arg(branchLabel));
                symbol = symbols.first();
            } else {
                if (current.isEmpty())
                    throw RevisionError::generic(didntProduce);
                symbol = current.first();
                branchLabel = symbol;
            }
        }
        const int start = branchLabel.isNull() ? getRevision(symbol) : getRevision(branchLabel + u'@' + symbol);
        const int rev = walk(start, relInt, QString(), assertRelativeLength);
        if (rev == kNone)
            throw RevisionError::generic(relativeRevision ? didntProduce : QStringLiteral("Walked too far"));
        return {branchLabel, rev};
    }
    const qsizetype at = target.lastIndexOf(u'@');
    QString branchLabel = at > 0 ? target.left(at) : QString();
    return {branchLabel, getRevision(target.mid(at + 1))};
}

QList<int> RevisionResolver::parseUpgradeTarget(const QStringList &current, const Ident &target,
                                                bool assertRelativeLength) const
{
    const auto match = target.isNull() ? QRegularExpressionMatch() : relativeDestination().match(target);
    if (!match.hasMatch())
        return getRevisions(target);

    const QString branchLabel = match.captured(1);
    const QString symbol = match.captured(2);
    const QString relativeText = match.captured(3);
    const PythonInt number = parsePythonInt(relativeText);
    const int relative = number.steps;
    if (relative > 0) {
        if (!symbol.isNull())
            return {walk(getRevision(symbol), relative, branchLabel, assertRelativeLength)};
        int start = kNone;
        if (!branchLabel.isEmpty()) {
            QList<int> startRevs = filterForLineage(getRevisionsOf(current), branchLabel);
            if (startRevs.isEmpty()) {
                // The branch is not at a head: backtrack to its tips among the applied revisions.
                const QList<int> active =
                    filterForLineage(detail::relatedNodes(m_data, getRevisionsOf(current), Edges::NormalizedDown),
                                     branchLabel);
                NodeSet below(m_data.nodes.size());
                for (int rev : active)
                    for (int down : m_data.nodes[rev].normalizedDown)
                        below.insert(down);
                for (int rev : active)
                    if (!below.contains(rev) && !startRevs.contains(rev))
                        startRevs.append(rev);
                if (startRevs.isEmpty())
                    startRevs = {kNone};
            }
            if (startRevs.size() > 1)
                throw RevisionError::generic(QStringLiteral("Ambiguous upgrade from multiple current revisions"));
            start = startRevs.first();
        } else {
            if (current.size() > 1)
                throw RevisionError::generic(QStringLiteral("Ambiguous upgrade from multiple current revisions"));
            start = current.isEmpty() ? kNone : getRevision(current.first());
        }
        const int rev = walk(start, relative, branchLabel, assertRelativeLength);
        if (rev == kNone)
            throw RevisionError::generic(QStringLiteral("Relative revision %1 didn't produce %2 migrations")
                                             .arg(relativeText, number.magnitude));
        return {rev};
    }
    if (symbol.isNull())
        throw RevisionError::generic(
            QStringLiteral("Relative revision %1 didn't produce %2 migrations").arg(number.text(), number.magnitude));
    const int start = branchLabel.isNull() ? getRevision(symbol) : getRevision(branchLabel + u'@' + symbol);
    return {walk(start, relative, QString(), assertRelativeLength)};
}

std::pair<NodeSet, QList<int>> RevisionResolver::collectUpgrade(const Ident &upper, const QStringList &lower) const
{
    const QList<int> targets = parseUpgradeTarget(lower, upper, true);
    for (int t : targets)
        if (t < 0)
            throw RevisionError::internal(QStringLiteral("the target walks past the end of the history"));
    const qsizetype n = m_data.nodes.size();
    NodeSet required = NodeSet::of(n, detail::relatedNodes(m_data, targets, Edges::NormalizedDown, true));
    required.unite(NodeSet::of(n, targets));
    const QList<int> currentRevisions = getRevisionsOf(lower);
    NodeSet currentSet = NodeSet::of(n, detail::relatedNodes(m_data, currentRevisions, Edges::NormalizedDown, true));
    currentSet.unite(NodeSet::of(n, currentRevisions));
    required.subtract(currentSet);
    return {required, targets};
}

std::pair<NodeSet, QList<int>> RevisionResolver::collectDowngrade(const QStringList &upper, const Ident &target) const
{
    auto [branchLabel, targetRevision] = parseDowngradeTarget(upper, target, true);
    if (targetRevision == kBase)
        targetRevision = kNone;
    QList<int> roots;
    if (targetRevision == kNone) {
        // Alembic iterates _revision_map.values(): a labelled base is listed once per key.
        for (const QString &key : m_data.keyOrder) {
            const int node = m_data.keyIndex.value(key);
            if (m_data.nodes[node].declaredBase)
                roots.append(node);
        }
    } else {
        roots = getRevisionsOf(idsOf(m_data.nodes[targetRevision].next));
    }
    if (!branchLabel.isEmpty() && roots.size() > 1) {
        const QList<int> ancestors = detail::relatedNodes(m_data, {resolveBranch(branchLabel)}, Edges::VersionedDown);
        QList<int> kept;
        for (int root : std::as_const(roots))
            if (ancestors.contains(root))
                kept.append(root);
        roots = getRevisionsOf(idsOf(kept));
        if (roots.isEmpty())
            throw RevisionError::generic(QStringLiteral("Not a valid downgrade target from current heads"));
    }
    const QList<int> heads = getRevisionsOf(upper);
    const qsizetype n = m_data.nodes.size();
    NodeSet downgrade = NodeSet::of(n, detail::relatedNodes(m_data, roots, Edges::AllNext));
    downgrade.intersect(NodeSet::of(n, detail::relatedNodes(m_data, heads, Edges::NormalizedDown)));
    if (targetRevision != kNone && downgrade.isEmpty() && !heads.contains(targetRevision))
        throw RevisionError::rangeNotAncestor();
    return {downgrade, heads};
}

QString RevisionResolver::refusal(const QString &target) const
{
    // What the alembic command refuses before it plans anything.
    if (!m_data.fatalError.isEmpty())
        return m_data.fatalError;
    if (target.contains(u':'))
        return QStringLiteral("Range revision not allowed");
    return {};
}

Plan RevisionResolver::upgradePlan(const QStringList &current, const QString &target) const
{
    Plan plan;
    plan.error = refusal(target);
    if (!plan.ok())
        return plan;
    try {
        const auto [needs, targets] = collectUpgrade(target, current);
        QList<int> order = detail::topologicalSort(m_data, needs, targets);
        std::reverse(order.begin(), order.end());
        for (int rev : std::as_const(order))
            plan.steps.append({idOf(rev), true});
    } catch (const RevisionError &e) {
        plan.error = commandMessage(e, QStringLiteral("Destination %1 is not a valid upgrade target from current head(s)"),
                                    target);
    }
    return plan;
}

Plan RevisionResolver::downgradePlan(const QStringList &current, const QString &target) const
{
    Plan plan;
    plan.error = refusal(target);
    if (!plan.ok())
        return plan;
    try {
        const auto [revisions, heads] = collectDowngrade(current, target);
        for (int rev : detail::topologicalSort(m_data, revisions, heads))
            plan.steps.append({idOf(rev), false});
    } catch (const RevisionError &e) {
        plan.error = commandMessage(
            e, QStringLiteral("Destination %1 is not a valid downgrade target from current head(s)"), target);
    }
    return plan;
}

Resolution RevisionResolver::resolve(const QString &identifier, const QStringList &current) const
{
    Resolution resolution;
    if (!m_data.fatalError.isEmpty()) {
        resolution.error = m_data.fatalError;
        return resolution;
    }
    try {
        for (int rev : parseUpgradeTarget(current, identifier, true))
            if (rev >= 0)
                resolution.revisions.append(idOf(rev));
    } catch (const RevisionError &e) {
        resolution.error = commandMessage(e, QStringLiteral("%1 is not a valid target"), identifier);
    }
    return resolution;
}

} // namespace retort
