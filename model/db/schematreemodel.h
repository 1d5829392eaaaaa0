#pragma once

#include "schemasnapshot.h"
#include "sqltouchedobjects.h"

#include <QAbstractItemModel>
#include <vector>

namespace retort {

/// A database's schema as a tree: schemas → tables, views and enum types → columns, then the
/// table's constraints and indexes. Built once per snapshot (begin/endResetModel); the objects a
/// revision's SQL touches are marked (TouchedRole; views show them in bold) without rebuilding.
class SchemaTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, DetailColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< NodeKind as int
        TouchedRole,                 ///< bool: the current SQL touches this object (or a column of it)
        PathRole,                    ///< "schema.table" or "schema.table.column"
    };
    enum class NodeKind { Schema, Table, View, MaterializedView, Enum, Column, Constraint, Index };
    Q_ENUM(NodeKind)

    explicit SchemaTreeModel(QObject *parent = nullptr);

    void setSnapshot(const SchemaSnapshot &snapshot);
    const SchemaSnapshot &snapshot() const { return m_snapshot; }
    /// Marks what \a objects name (unqualified names match in any schema); empty clears the marks.
    void setTouched(const QList<TouchedObject> &objects);
    /// Indexes of the touched tables and enum types, in tree order.
    QModelIndexList touchedObjects() const;
    /// Touched objects the snapshot does not have (tables the SQL creates, say), as "schema.name".
    QStringList touchedButAbsent() const { return m_absent; }

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        NodeKind kind = NodeKind::Schema;
        int parent = -1; ///< node index; -1 for top level
        int row = 0;
        QString name;
        QString detail;
        QString path;
        QString toolTip;
        std::vector<int> children;
        bool touched = false;
    };
    int addNode(int parent, NodeKind kind, const QString &name, const QString &detail, const QString &path,
                const QString &toolTip = QString());

    SchemaSnapshot m_snapshot;
    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
    QStringList m_absent;
};

} // namespace retort
