#pragma once

#include "graphlayout.h"

#include <QStyledItemDelegate>

#include <algorithm>

namespace retort {

/// Paints the rows of RevisionGraphModel from that row's data alone, so only visible rows cost
/// anything: the graph column (lane lines, dashed depends_on lines, the node: filled for a head,
/// hollow and dashed for a ghost, an ellipsis for a collapsed run), the message column (badges
/// for head, base, branch point, merge point, duplicate, missing and branch labels, then the
/// message) and the id column (fixed-pitch). Row height and lane width follow the view's font.
class GraphLaneDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit GraphLaneDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Lanes the graph column's size hint makes room for.
    void setLaneCount(int lanes) { m_laneCount = std::max(1, lanes); }
    int laneCount() const { return m_laneCount; }

    /// Row height for a font: the node, badges and text fit with some air.
    static int rowHeight(const QFont &font);
    /// Lane width that goes with rowHeight().
    static qreal laneWidth(const QFont &font);
    /// Width of the graph column for \a lanes lanes.
    static int graphWidth(const QFont &font, int lanes);
    /// The fixed-pitch font ids are shown in, at \a base's size.
    static QFont fixedFont(const QFont &base);
    /// Colour of a lane (a fixed, colour-blind friendly cycle).
    static QColor laneColor(int lane);

private:
    void paintGraph(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintMessage(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    int m_laneCount = 1;
};

} // namespace retort
