#pragma once

#include "revisiongraph.h"

#include <QTreeView>

namespace retort {

class GraphLaneDelegate;
class RevisionFilterModel;
class RevisionGraphModel;

/// The revision graph: a flat tree view with uniform row heights (only visible rows are painted)
/// over its own RevisionGraphModel and RevisionFilterModel. Ctrl+wheel, Ctrl++ / Ctrl+- / Ctrl+0
/// zoom; Left/Right go to the first parent/child, Enter or double-click activates (a collapsed run
/// expands instead). The current revision survives option changes and reloads of the same history.
class RevisionGraphView : public QTreeView
{
    Q_OBJECT

public:
    explicit RevisionGraphView(QWidget *parent = nullptr);

    /// Shows \a graph, keeping the current revision when the new graph has it.
    void setGraph(const RevisionGraph &graph);
    const RevisionGraph &graph() const;
    RevisionGraphModel *graphModel() const { return m_model; }
    RevisionFilterModel *filterModel() const { return m_filter; }
    GraphLaneDelegate *laneDelegate() const { return m_delegate; }

    /// Id of the current revision or ghost; empty when none (or a collapsed run) is current.
    QString currentRevision() const;
    /// The selected revisions in view order (Ctrl- or Shift-click selects several, e.g. heads to
    /// merge); ghost rows and collapsed runs are left out.
    QStringList selectedRevisions() const;
    /// Makes \a revisionId current, expanding a run that hides it; false if it has no visible row.
    bool selectRevision(const QString &revisionId);

    /// Zoom factor, 1 = the font the view was created with.
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal factor);

    void setNewestOnTop(bool newestOnTop);
    bool newestOnTop() const;
    /// See RevisionGraphModel::setCollapseThreshold(); 0 disables collapsing.
    void setCollapseThreshold(int revisions);
    int collapseThreshold() const;

    /// Rows of the view that match the search (in view order).
    QList<int> matchingRows() const;

public slots:
    /// Marks the revision whose file is under the editor's cursor (empty clears it).
    void setHighlightedRevision(const QString &revisionId);
    /// Selects the next head in view order, cycling through the heads on repeated calls.
    void jumpToHead();
    /// Selects the next base in view order, cycling.
    void jumpToBase();
    /// Moves to the current revision's first parent (a missing one is its ghost row).
    void goToParent();
    /// Moves to the current revision's first child.
    void goToChild();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// Selects the next (or previous) row matching the search text, wrapping; false if none.
    bool findNext();
    bool findPrevious();

signals:
    void currentRevisionChanged(const QString &revisionId);
    /// The set of selected rows changed (see selectedRevisions()).
    void selectedRevisionsChanged(const QStringList &revisionIds);
    /// Double-click or Enter on a revision (e.g. open its file).
    void revisionActivated(const QString &revisionId);
    void zoomChanged(qreal factor);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void activate(const QModelIndex &index);
    void jumpToOneOf(const QStringList &ids);
    bool findFrom(int step);
    void updateColumns();
    void emitCurrentIfChanged();

    RevisionGraphModel *m_model;
    RevisionFilterModel *m_filter;
    GraphLaneDelegate *m_delegate;
    QFont m_baseFont;
    qreal m_zoom = 1.0;
    QString m_current;
    QString m_currentBeforeReset;
};

} // namespace retort
