#include "revisiongraphmodel.h"

namespace retort {

RevisionGraphModel::RevisionGraphModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RevisionGraphModel::setGraph(const RevisionGraph &graph)
{
    beginResetModel();
    m_graph = graph;
    m_rows = graph.history();
    QList<LayoutNode> nodes;
    nodes.reserve(m_rows.size());
    for (const QString &id : std::as_const(m_rows)) {
        LayoutNode node;
        node.id = id;
        node.parents = graph.parents(id) + graph.missingParents(id);
        node.dependencies = graph.dependencies(id);
        nodes.append(node);
    }
    m_layout = layoutGraph(nodes);
    m_problems.clear();
    for (const Diagnostic &d : graph.diagnostics())
        if (!d.revision.isEmpty() && !m_problems.contains(d.revision))
            m_problems.insert(d.revision, d.message);
    endResetModel();
}

int RevisionGraphModel::rowOf(const QString &revisionId) const
{
    return int(m_rows.indexOf(revisionId));
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
    const QString &id = m_rows[index.row()];
    const Revision *rev = m_graph.revision(id);
    if (!rev)
        return {};
    switch (role) {
    case LayoutRowRole:
        return QVariant::fromValue(m_layout.rows.value(index.row()));
    case RevisionIdRole:
        return id;
    case IsHeadRole:
        return m_graph.isHead(id);
    case HasProblemRole:
        return m_problems.contains(id);
    case Qt::ToolTipRole:
        if (m_problems.contains(id))
            return m_problems.value(id);
        return rev->path;
    case Qt::DisplayRole:
        switch (index.column()) {
        case RevisionColumn:
            return id;
        case MessageColumn:
            return rev->message.section(u'\n', 0, 0);
        case LabelsColumn:
            return m_graph.branchLabels(id).join(QStringLiteral(", "));
        case CreateDateColumn:
            return rev->createDate;
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
