#include "schematreemodel.h"

#include <QHash>

namespace retort {

namespace {

QString tableKindText(SchemaSnapshot::TableKind kind)
{
    switch (kind) {
    case SchemaSnapshot::TableKind::Table:
        return SchemaTreeModel::tr("table");
    case SchemaSnapshot::TableKind::View:
        return SchemaTreeModel::tr("view");
    case SchemaSnapshot::TableKind::MaterializedView:
        return SchemaTreeModel::tr("materialized view");
    }
    return {};
}

QString columnDetail(const SchemaSnapshot::Column &column)
{
    QString detail = column.type;
    if (!column.nullable)
        detail += QStringLiteral(" NOT NULL");
    if (column.identity != SchemaSnapshot::Identity::None)
        detail += QStringLiteral(" IDENTITY");
    if (!column.generated.isEmpty())
        detail += QStringLiteral(" GENERATED");
    else if (!column.defaultValue.isEmpty())
        detail += QStringLiteral(" = ") + column.defaultValue;
    return detail;
}

} // namespace

SchemaTreeModel::SchemaTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

int SchemaTreeModel::addNode(int parent, NodeKind kind, const QString &name, const QString &detail, const QString &path,
                             const QString &toolTip)
{
    const int id = int(m_nodes.size());
    m_nodes.push_back({kind, parent, 0, name, detail, path, toolTip, {}, false});
    // Only now take the siblings: push_back may have moved every node.
    std::vector<int> &siblings = parent < 0 ? m_topLevel : m_nodes[size_t(parent)].children;
    m_nodes.back().row = int(siblings.size());
    siblings.push_back(id);
    return id;
}

void SchemaTreeModel::setSnapshot(const SchemaSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_nodes.clear();
    m_topLevel.clear();
    m_absent.clear();
    QHash<QString, int> schemaNodes;
    const auto schemaNode = [this, &schemaNodes](const QString &schema) {
        const auto found = schemaNodes.constFind(schema);
        if (found != schemaNodes.cend())
            return found.value();
        const int id = addNode(-1, NodeKind::Schema, schema, tr("schema"), schema);
        schemaNodes.insert(schema, id);
        return id;
    };
    for (const SchemaSnapshot::Schema &schema : snapshot.schemas())
        schemaNode(schema.name);
    for (const SchemaSnapshot::Table &table : snapshot.tables()) {
        const NodeKind kind = table.kind == SchemaSnapshot::TableKind::View ? NodeKind::View
                              : table.kind == SchemaSnapshot::TableKind::MaterializedView ? NodeKind::MaterializedView
                                                                                         : NodeKind::Table;
        QString detail = tableKindText(table.kind);
        if (table.rowEstimate >= 0)
            detail += tr(", ~%n row(s)", nullptr, int(std::min<qint64>(table.rowEstimate, INT_MAX)));
        const int tableNode = addNode(schemaNode(table.schema), kind, table.name, detail, table.path(), table.comment);
        for (const SchemaSnapshot::Column &column : table.columns)
            addNode(tableNode, NodeKind::Column, column.name, columnDetail(column), table.path() + QLatin1Char('.') + column.name,
                    column.comment);
        for (const SchemaSnapshot::Constraint &constraint : table.constraints)
            addNode(tableNode, NodeKind::Constraint, constraint.name, SchemaSnapshot::kindName(constraint.kind),
                    table.path() + QLatin1Char('.') + constraint.name, constraint.definition);
        for (const SchemaSnapshot::Index &index : table.indexes) {
            QString detail = index.unique ? tr("unique index") : tr("index");
            detail += QStringLiteral(" (%1)").arg(index.columns.join(QStringLiteral(", ")));
            if (!index.predicate.isEmpty())
                detail += QStringLiteral(" WHERE ") + index.predicate;
            addNode(tableNode, NodeKind::Index, index.name, detail, table.path() + QLatin1Char('.') + index.name);
        }
    }
    for (const SchemaSnapshot::Enum &type : snapshot.enums())
        addNode(schemaNode(type.schema), NodeKind::Enum, type.name, tr("enum (%1)").arg(type.values.join(QStringLiteral(", "))),
                type.schema + QLatin1Char('.') + type.name, type.comment);
    endResetModel();
}

void SchemaTreeModel::setTouched(const QList<TouchedObject> &objects)
{
    m_absent.clear();
    std::vector<bool> before;
    before.reserve(m_nodes.size());
    for (Node &node : m_nodes) {
        before.push_back(node.touched);
        node.touched = false;
    }
    for (const TouchedObject &object : objects) {
        bool found = false;
        for (Node &node : m_nodes) {
            const bool isTable = node.kind == NodeKind::Table || node.kind == NodeKind::View || node.kind == NodeKind::MaterializedView;
            const bool kindMatches = object.kind == TouchedObject::Kind::Table ? isTable : node.kind == NodeKind::Enum;
            if (!kindMatches || node.name.compare(object.name, Qt::CaseInsensitive) != 0)
                continue;
            const QString schema = m_nodes[size_t(node.parent)].name;
            if (!object.schema.isEmpty() && schema.compare(object.schema, Qt::CaseInsensitive) != 0)
                continue;
            found = true;
            node.touched = true;
            for (const int child : node.children) {
                Node &column = m_nodes[size_t(child)];
                if (column.kind == NodeKind::Column && object.columns.contains(column.name, Qt::CaseInsensitive))
                    column.touched = true;
            }
        }
        if (!found)
            m_absent.append(object.schema.isEmpty() ? object.name : object.schema + QLatin1Char('.') + object.name);
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].touched != before[i])
            emit dataChanged(createIndex(m_nodes[i].row, 0, quintptr(i)), createIndex(m_nodes[i].row, ColumnCount - 1, quintptr(i)),
                             {TouchedRole});
    }
}

QModelIndexList SchemaTreeModel::touchedObjects() const
{
    QModelIndexList list;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes[i];
        if (node.touched && node.kind != NodeKind::Column)
            list.append(createIndex(node.row, 0, quintptr(i)));
    }
    return list;
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const std::vector<int> &children = parent.isValid() ? m_nodes[size_t(parent.internalId())].children : m_topLevel;
    if (row >= int(children.size()))
        return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes[size_t(child.internalId())].parent;
    if (parentNode < 0)
        return {};
    return createIndex(m_nodes[size_t(parentNode)].row, 0, quintptr(parentNode));
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(parent.isValid() ? m_nodes[size_t(parent.internalId())].children.size() : m_topLevel.size());
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = m_nodes[size_t(index.internalId())];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? node.name : node.detail;
    case Qt::ToolTipRole:
        return node.toolTip.isEmpty() ? node.path : node.path + QLatin1Char('\n') + node.toolTip;
    case KindRole:
        return int(node.kind);
    case TouchedRole:
        return node.touched;
    case PathRole:
        return node.path;
    default:
        return {};
    }
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Details");
}

} // namespace retort
