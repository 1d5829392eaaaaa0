#pragma once

#include "graphlayout.h"

#include <QStyledItemDelegate>

namespace retort {

/// Paints the graph column of RevisionGraphModel: the row's lane segments and its node, using
/// only that row's LayoutRow so just the visible rows are painted.
class GraphLaneDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit GraphLaneDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setLaneCount(int lanes) { m_laneCount = lanes; }

private:
    static QColor laneColor(int lane);
    LaneGeometry m_geometry;
    int m_laneCount = 1;
};

} // namespace retort
