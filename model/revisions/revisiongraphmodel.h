#pragma once

#include "graphlayout.h"
#include "revisiongraph.h"

#include <QAbstractTableModel>

namespace retort {

/// Table model over an immutable RevisionGraph, one row per revision in history order (newest
/// first), with the lane layout for the graph column. Swapped whole with setGraph().
class RevisionGraphModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { GraphColumn, RevisionColumn, MessageColumn, LabelsColumn, CreateDateColumn, ColumnCount };
    enum Role {
        LayoutRowRole = Qt::UserRole + 1, ///< LayoutRow for the row (graph column)
        RevisionIdRole,
        IsHeadRole,
        HasProblemRole, ///< the revision has an error or warning diagnostic
    };

    explicit RevisionGraphModel(QObject *parent = nullptr);

    void setGraph(const RevisionGraph &graph);
    const RevisionGraph &graph() const { return m_graph; }
    int laneCount() const { return m_layout.laneCount; }
    /// Row of a revision, or -1.
    int rowOf(const QString &revisionId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    RevisionGraph m_graph;
    QStringList m_rows;
    GraphLayout m_layout;
    QHash<QString, QString> m_problems; ///< revision id -> first diagnostic message
};

} // namespace retort

Q_DECLARE_METATYPE(retort::LayoutRow)
