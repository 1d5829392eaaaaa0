#include "revisiongraphmodel.h"

#include <algorithm>

namespace retort {

namespace {

/// The same layout seen upside down: oldest on top. Upper and Lower swap, and so do their lanes.
GraphLayout flipped(const GraphLayout &layout)
{
    GraphLayout out;
    out.laneCount = layout.laneCount;
    const int n = int(layout.rows.size());
    out.rows.reserve(n);
    for (int r = n - 1; r >= 0; --r) {
        LayoutRow row = layout.rows.at(r);
        for (LaneSegment &s : row.segments) {
            if (s.part == SegmentPart::Upper || s.part == SegmentPart::Lower) {
                std::swap(s.fromLane, s.toLane);
                s.part = s.part == SegmentPart::Upper ? SegmentPart::Lower : SegmentPart::Upper;
            }
            if (s.targetRow >= 0)
                s.targetRow = n - 1 - s.targetRow;
        }
        std::sort(row.segments.begin(), row.segments.end(), [](const LaneSegment &a, const LaneSegment &b) {
            return std::tuple(int(a.part), a.fromLane, a.toLane) < std::tuple(int(b.part), b.fromLane, b.toLane);
        });
        out.rows.append(std::move(row));
    }
    return out;
}

int severityRank(Diagnostic::Severity s)
{
    return s == Diagnostic::Severity::Error ? 0 : s == Diagnostic::Severity::Warning ? 1 : 2;
}

} // namespace

RevisionGraphModel::RevisionGraphModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RevisionGraphModel::setGraph(const RevisionGraph &graph)
{
    beginResetModel();
    m_graph = graph;
    m_expandedRuns.clear();
    buildEntries();
    buildRows();
    endResetModel();
}

void RevisionGraphModel::buildEntries()
{
    const QStringList history = m_graph.history();
    m_entries.clear();
    m_entries.reserve(size_t(history.size()));
    m_entryIndex.clear();

    // Most severe diagnostic per revision; duplicates are recognised by the builder's message.
    struct ProblemInfo
    {
        int rank = 3;
        QString message;
        bool duplicate = false;
    };
    QHash<QString, ProblemInfo> problems;
    QHash<QString, QString> missingMessages; // "child\nmissing" -> the graph's message
    for (const Diagnostic &d : m_graph.diagnostics()) {
        if (d.revision.isEmpty())
            continue;
        ProblemInfo &p = problems[d.revision];
        if (d.message.startsWith(QStringLiteral("Revision %1 is present more than once").arg(d.revision)))
            p.duplicate = true;
        const int rank = severityRank(d.severity);
        if (rank < p.rank) {
            p.rank = rank;
            p.message = d.message;
        }
    }

    // Ghosts go right below the last (oldest) revision naming them.
    QHash<QString, int> lastReference;
    QHash<QString, QStringList> referencedBy;
    for (int i = 0; i < history.size(); ++i) {
        for (const QString &missing : m_graph.missingParents(history.at(i))) {
            lastReference.insert(missing, i);
            referencedBy[missing].append(history.at(i));
        }
    }
    QHash<int, QStringList> ghostsAfter;
    for (auto it = lastReference.cbegin(); it != lastReference.cend(); ++it)
        ghostsAfter[it.value()].append(it.key());

    for (int i = 0; i < history.size(); ++i) {
        const QString &id = history.at(i);
        Entry e;
        e.id = id;
        e.revision = m_graph.revision(id);
        const QStringList parents = m_graph.parents(id);
        const QStringList missing = m_graph.missingParents(id);
        e.layoutParents = parents + missing;
        e.dependencies = m_graph.dependencies(id);
        e.labels = m_graph.branchLabels(id);
        if (m_graph.isHead(id))
            e.flags |= Head;
        if (m_graph.isBase(id))
            e.flags |= Base;
        if (m_graph.isBranchPoint(id))
            e.flags |= BranchPoint;
        if (m_graph.isMergePoint(id))
            e.flags |= MergePoint;
        if (const auto p = problems.constFind(id); p != problems.cend()) {
            if (p->duplicate)
                e.flags |= Duplicate;
            if (p->rank <= 1)
                e.flags |= Problem;
            e.diagnostic = p->message;
        }
        const bool linear = parents.size() == 1 && missing.isEmpty() && e.dependencies.isEmpty()
                            && m_graph.children(id).size() == 1 && m_graph.dependents(id).isEmpty()
                            && !(e.flags & (Head | Base | BranchPoint | MergePoint | Duplicate | Problem))
                            && e.revision && e.revision->branchLabels.isEmpty();
        if (linear)
            e.flags |= Linear;
        m_entryIndex.insert(id, int(m_entries.size()));
        m_entries.push_back(std::move(e));

        QStringList ghosts = ghostsAfter.value(i);
        std::sort(ghosts.begin(), ghosts.end());
        for (const QString &ghost : std::as_const(ghosts)) {
            Entry g;
            g.id = ghost;
            g.flags = Ghost | Problem;
            const QStringList children = referencedBy.value(ghost);
            g.diagnostic = tr("Revision %1 is not present; named as down_revision by %2").arg(ghost, children.join(QStringLiteral(", ")));
            m_entryIndex.insert(ghost, int(m_entries.size()));
            m_entries.push_back(std::move(g));
        }
    }
}

void RevisionGraphModel::buildRows()
{
    m_rows.clear();
    const int n = int(m_entries.size());
    QList<LayoutNode> nodes;
    nodes.reserve(n);
    const auto addSingle = [&](int i) {
        m_rows.push_back({i, 1});
        const Entry &e = m_entries[size_t(i)];
        nodes.append({e.id, e.layoutParents, e.dependencies});
    };
    for (int i = 0; i < n;) {
        const Entry &e = m_entries[size_t(i)];
        if (m_collapseThreshold <= 0 || !(e.flags & Linear)) {
            addSingle(i++);
            continue;
        }
        int j = i;
        while (j + 1 < n && (m_entries[size_t(j + 1)].flags & Linear)
               && m_entries[size_t(j)].layoutParents.constFirst() == m_entries[size_t(j + 1)].id)
            ++j;
        const int length = j - i + 1;
        if (length > m_collapseThreshold && !m_expandedRuns.contains(e.id)) {
            // The run is one node: its children point at its newest member, it leads to its oldest's parent.
            m_rows.push_back({i, length});
            nodes.append({e.id, m_entries[size_t(j)].layoutParents, {}});
        } else {
            for (int k = i; k <= j; ++k)
                addSingle(k);
        }
        i = j + 1;
    }
    m_layout = layoutGraph(nodes);
    if (!m_newestOnTop) {
        std::reverse(m_rows.begin(), m_rows.end());
        m_layout = flipped(m_layout);
    }
    m_entryRow.assign(size_t(n), -1);
    for (int r = 0; r < int(m_rows.size()); ++r)
        for (int k = 0; k < m_rows[size_t(r)].count; ++k)
            m_entryRow[size_t(m_rows[size_t(r)].first + k)] = r;
}

void RevisionGraphModel::changeOptions(const std::function<void()> &change)
{
    beginResetModel();
    change();
    buildRows();
    endResetModel();
}

void RevisionGraphModel::setNewestOnTop(bool newestOnTop)
{
    if (newestOnTop != m_newestOnTop)
        changeOptions([&] { m_newestOnTop = newestOnTop; });
}

void RevisionGraphModel::setCollapseThreshold(int revisions)
{
    revisions = std::max(0, revisions);
    if (revisions != m_collapseThreshold)
        changeOptions([&] { m_collapseThreshold = revisions; });
}

bool RevisionGraphModel::expandRun(int row)
{
    if (rowKind(row) != RowKind::CollapsedRun)
        return false;
    const QString first = m_entries[size_t(m_rows[size_t(row)].first)].id;
    changeOptions([&] { m_expandedRuns.insert(first); });
    return true;
}

void RevisionGraphModel::collapseAllRuns()
{
    if (!m_expandedRuns.isEmpty())
        changeOptions([&] { m_expandedRuns.clear(); });
}

bool RevisionGraphModel::revealRevision(const QString &revisionId)
{
    const int row = rowOf(revisionId);
    if (row < 0)
        return false;
    if (rowKind(row) == RowKind::CollapsedRun)
        expandRun(row);
    return true;
}

QStringList RevisionGraphModel::databaseMarks(const QStringList &revisions) const
{
    QStringList marks;
    for (auto it = m_databases.cbegin(); it != m_databases.cend(); ++it) {
        for (const QString &revision : revisions) {
            if (it->revisions.contains(revision)) {
                marks.append(it.key() + QChar(0x1f) + it->color);
                break;
            }
        }
    }
    return marks;
}

void RevisionGraphModel::setDatabaseRevisions(const QString &database, const QString &color, const QStringList &revisions)
{
    QStringList touched = revisions;
    if (const auto old = m_databases.constFind(database); old != m_databases.cend())
        touched += old->revisions;
    if (revisions.isEmpty())
        m_databases.remove(database);
    else
        m_databases.insert(database, {color, revisions});
    for (const QString &revision : std::as_const(touched)) {
        const int row = rowOf(revision);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {DatabaseMarksRole});
    }
}

void RevisionGraphModel::setHighlightedRevision(const QString &revisionId)
{
    if (revisionId == m_highlighted)
        return;
    const int oldRow = rowOf(m_highlighted);
    m_highlighted = revisionId;
    const int newRow = rowOf(m_highlighted);
    for (int row : {oldRow, newRow})
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int RevisionGraphModel::rowOf(const QString &revisionId) const
{
    const auto it = m_entryIndex.constFind(revisionId);
    return it == m_entryIndex.cend() ? -1 : m_entryRow[size_t(*it)];
}

QString RevisionGraphModel::revisionAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || m_rows[size_t(row)].count != 1)
        return {};
    return m_entries[size_t(m_rows[size_t(row)].first)].id;
}

RevisionGraphModel::RowKind RevisionGraphModel::rowKind(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return RowKind::Revision;
    const Row &r = m_rows[size_t(row)];
    if (r.count > 1)
        return RowKind::CollapsedRun;
    return (m_entries[size_t(r.first)].flags & Ghost) ? RowKind::Ghost : RowKind::Revision;
}

int RevisionGraphModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RevisionGraphModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionGraphModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case LayoutRowRole:
        return QVariant::fromValue(m_layout.rows.value(index.row()));
    case NewestOnTopRole:
        return m_newestOnTop;
    default:
        break;
    }
    const Row &row = m_rows[size_t(index.row())];
    if (row.count > 1)
        return runData(row, index.column(), role);
    return entryData(m_entries[size_t(row.first)], index.column(), role);
}

QVariant RevisionGraphModel::entryData(const Entry &e, int column, int role) const
{
    const Revision *rev = e.revision;
    switch (role) {
    case RevisionIdRole:
        return e.id;
    case IsHeadRole:
        return bool(e.flags & Head);
    case HasProblemRole:
        return bool(e.flags & Problem);
    case IsBaseRole:
        return bool(e.flags & Base);
    case IsBranchPointRole:
        return bool(e.flags & BranchPoint);
    case IsMergePointRole:
        return bool(e.flags & MergePoint);
    case BranchLabelsRole:
        return e.labels;
    case IsDuplicateRole:
        return bool(e.flags & Duplicate);
    case IsGhostRole:
        return bool(e.flags & Ghost);
    case DiagnosticRole:
        return e.diagnostic;
    case IsHighlightedRole:
        return !m_highlighted.isEmpty() && e.id == m_highlighted;
    case DatabaseMarksRole:
        return databaseMarks({e.id});
    case RowKindRole:
        return int((e.flags & Ghost) ? RowKind::Ghost : RowKind::Revision);
    case RunLengthRole:
        return 1;
    case RevisionsRole:
        return QStringList{e.id};
    case MessagesRole:
        return QStringList{rev ? rev->message : QString()};
    case Qt::ToolTipRole:
        if (!e.diagnostic.isEmpty())
            return e.diagnostic;
        return rev ? rev->path : QVariant();
    case Qt::DisplayRole:
        switch (column) {
        case RevisionColumn:
            return e.id;
        case MessageColumn:
            return rev ? rev->message.section(u'\n', 0, 0) : e.diagnostic;
        case LabelsColumn:
            return e.labels.join(QStringLiteral(", "));
        case CreateDateColumn:
            return rev ? rev->createDate : QString();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant RevisionGraphModel::runData(const Row &row, int column, int role) const
{
    switch (role) {
    case RevisionIdRole:
        return QString();
    case IsHeadRole:
    case HasProblemRole:
    case IsBaseRole:
    case IsBranchPointRole:
    case IsMergePointRole:
    case IsDuplicateRole:
    case IsGhostRole:
        return false;
    case IsHighlightedRole: {
        const int entry = m_entryIndex.value(m_highlighted, -1);
        return entry >= row.first && entry < row.first + row.count;
    }
    case DatabaseMarksRole: {
        QStringList members;
        for (int i = row.first; i < row.first + row.count; ++i)
            members.append(m_entries[size_t(i)].id);
        return databaseMarks(members);
    }
    case DiagnosticRole:
        return QString();
    case BranchLabelsRole:
        return m_entries[size_t(row.first)].labels; // propagated labels are the same along a run
    case RowKindRole:
        return int(RowKind::CollapsedRun);
    case RunLengthRole:
        return row.count;
    case RevisionsRole:
    case MessagesRole: {
        QStringList values;
        values.reserve(row.count);
        for (int k = row.first; k < row.first + row.count; ++k) {
            const Entry &e = m_entries[size_t(k)];
            values.append(role == RevisionsRole ? e.id : e.revision->message);
        }
        return values;
    }
    case Qt::ToolTipRole:
        return tr("%1 … %2: double-click to expand")
            .arg(m_entries[size_t(row.first)].id, m_entries[size_t(row.first + row.count - 1)].id);
    case Qt::DisplayRole:
        switch (column) {
        case RevisionColumn:
            return QStringLiteral("…");
        case MessageColumn:
            return tr("%n more revision(s) — double-click to expand", nullptr, row.count);
        case LabelsColumn:
            return m_entries[size_t(row.first)].labels.join(QStringLiteral(", "));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant RevisionGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GraphColumn:
        return tr("Graph");
    case RevisionColumn:
        return tr("Revision");
    case MessageColumn:
        return tr("Message");
    case LabelsColumn:
        return tr("Branch labels");
    case CreateDateColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace retort
