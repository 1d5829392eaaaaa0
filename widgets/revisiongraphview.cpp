#include "revisiongraphview.h"

#include "graphlanedelegate.h"
#include "revisionfiltermodel.h"
#include "revisiongraphmodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QWheelEvent>

#include <algorithm>

namespace retort {

RevisionGraphView::RevisionGraphView(QWidget *parent)
    : QTreeView(parent)
    , m_model(new RevisionGraphModel(this))
    , m_filter(new RevisionFilterModel(this))
    , m_delegate(new GraphLaneDelegate(this))
{
    m_filter->setSourceModel(m_model);
    setModel(m_filter);
    setItemDelegate(m_delegate);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setExpandsOnDoubleClick(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(RevisionGraphModel::MessageColumn, QHeaderView::Stretch);
    header()->setSectionHidden(RevisionGraphModel::LabelsColumn, true); // labels are badges in the message
    m_baseFont = font();

    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_currentBeforeReset = m_current; });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the same revision current across option changes and reloads; a run hiding it stands in.
        const int row = m_model->rowOf(m_currentBeforeReset);
        const QModelIndex index = m_filter->mapFromSource(m_model->index(std::max(row, 0), RevisionGraphModel::RevisionColumn));
        if (row >= 0 && index.isValid()) {
            setCurrentIndex(index);
            scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
        updateColumns();
        emitCurrentIfChanged();
    });
    connect(this, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) { activate(index); });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit selectedRevisionsChanged(selectedRevisions()); });
}

QStringList RevisionGraphView::selectedRevisions() const
{
    QModelIndexList rows = selectionModel()->selectedRows(RevisionGraphModel::RevisionColumn);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &index : std::as_const(rows)) {
        const QString id = index.data(RevisionGraphModel::RevisionIdRole).toString();
        if (!id.isEmpty() && graph().revision(id))
            ids.append(id);
    }
    return ids;
}

void RevisionGraphView::setGraph(const RevisionGraph &graph)
{
    m_model->setGraph(graph);
}

const RevisionGraph &RevisionGraphView::graph() const
{
    return m_model->graph();
}

QString RevisionGraphView::currentRevision() const
{
    return currentIndex().data(RevisionGraphModel::RevisionIdRole).toString();
}

bool RevisionGraphView::selectRevision(const QString &revisionId)
{
    if (revisionId.isEmpty() || !m_model->revealRevision(revisionId))
        return false;
    const QModelIndex index =
        m_filter->mapFromSource(m_model->index(m_model->rowOf(revisionId), RevisionGraphModel::RevisionColumn));
    if (!index.isValid())
        return false;
    setCurrentIndex(index);
    scrollTo(index);
    return true;
}

void RevisionGraphView::setZoom(qreal factor)
{
    factor = std::clamp(factor, 0.5, 3.0);
    if (qFuzzyCompare(factor, m_zoom))
        return;
    m_zoom = factor;
    QFont f = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        f.setPointSizeF(m_baseFont.pointSizeF() * factor);
    else
        f.setPixelSize(std::max(4, int(m_baseFont.pixelSize() * factor + 0.5)));
    setFont(f);
    updateColumns();
    emit zoomChanged(m_zoom);
}

void RevisionGraphView::zoomIn()
{
    setZoom(m_zoom * 1.15);
}

void RevisionGraphView::zoomOut()
{
    setZoom(m_zoom / 1.15);
}

void RevisionGraphView::resetZoom()
{
    setZoom(1.0);
}

void RevisionGraphView::setNewestOnTop(bool newestOnTop)
{
    m_model->setNewestOnTop(newestOnTop);
}

bool RevisionGraphView::newestOnTop() const
{
    return m_model->newestOnTop();
}

void RevisionGraphView::setCollapseThreshold(int revisions)
{
    m_model->setCollapseThreshold(revisions);
}

int RevisionGraphView::collapseThreshold() const
{
    return m_model->collapseThreshold();
}

void RevisionGraphView::setHighlightedRevision(const QString &revisionId)
{
    m_model->setHighlightedRevision(revisionId);
}

void RevisionGraphView::jumpToOneOf(const QStringList &ids)
{
    QList<int> rows;
    for (const QString &id : ids) {
        const QModelIndex index = m_filter->mapFromSource(m_model->index(m_model->rowOf(id), 0));
        if (index.isValid())
            rows.append(index.row());
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    const int current = currentIndex().row();
    const auto next = std::upper_bound(rows.cbegin(), rows.cend(), current);
    const QModelIndex target = m_filter->index(next == rows.cend() ? rows.first() : *next, RevisionGraphModel::RevisionColumn);
    setCurrentIndex(target);
    scrollTo(target, QAbstractItemView::PositionAtCenter);
}

void RevisionGraphView::jumpToHead()
{
    jumpToOneOf(graph().heads());
}

void RevisionGraphView::jumpToBase()
{
    jumpToOneOf(graph().bases());
}

void RevisionGraphView::goToParent()
{
    const QStringList members = currentIndex().data(RevisionGraphModel::RevisionsRole).toStringList();
    if (members.isEmpty())
        return;
    const QString oldest = members.last();
    const QStringList parents = graph().parents(oldest) + graph().missingParents(oldest);
    if (!parents.isEmpty())
        selectRevision(parents.first());
}

void RevisionGraphView::goToChild()
{
    const QStringList members = currentIndex().data(RevisionGraphModel::RevisionsRole).toStringList();
    if (members.isEmpty())
        return;
    QStringList children = graph().children(members.first());
    if (children.isEmpty() && !graph().contains(members.first())) {
        // A ghost: its children are the revisions naming it.
        for (const Revision &rev : graph().revisions())
            if (rev.downRevisions.contains(members.first()))
                children.append(rev.id);
    }
    if (!children.isEmpty())
        selectRevision(children.first());
}

QList<int> RevisionGraphView::matchingRows() const
{
    QList<int> rows;
    if (m_filter->searchText().isEmpty())
        return rows;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        if (m_filter->sourceRowMatches(m_filter->mapToSource(m_filter->index(row, 0)).row()))
            rows.append(row);
    return rows;
}

bool RevisionGraphView::findFrom(int step)
{
    const QList<int> rows = matchingRows();
    if (rows.isEmpty())
        return false;
    const int current = currentIndex().isValid() ? currentIndex().row() : (step > 0 ? -1 : m_filter->rowCount());
    int target = -1;
    if (step > 0) {
        const auto it = std::upper_bound(rows.cbegin(), rows.cend(), current);
        target = it == rows.cend() ? rows.first() : *it;
    } else {
        const auto it = std::lower_bound(rows.cbegin(), rows.cend(), current);
        target = it == rows.cbegin() ? rows.last() : *(it - 1);
    }
    const QModelIndex index = m_filter->index(target, RevisionGraphModel::RevisionColumn);
    setCurrentIndex(index);
    scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

bool RevisionGraphView::findNext()
{
    return findFrom(1);
}

bool RevisionGraphView::findPrevious()
{
    return findFrom(-1);
}

void RevisionGraphView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QModelIndex source = m_filter->mapToSource(index);
    if (m_model->rowKind(source.row()) == RevisionGraphModel::RowKind::CollapsedRun) {
        const QStringList members = index.data(RevisionGraphModel::RevisionsRole).toStringList();
        m_model->expandRun(source.row());
        selectRevision(members.value(0));
        return;
    }
    emit revisionActivated(index.data(RevisionGraphModel::RevisionIdRole).toString());
}

void RevisionGraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::ZoomIn)
        || (event->modifiers() & Qt::ControlModifier && event->key() == Qt::Key_Equal)) {
        zoomIn();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
        return;
    }
    if (event->modifiers() & Qt::ControlModifier && event->key() == Qt::Key_0) {
        resetZoom();
        return;
    }
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        switch (event->key()) {
        case Qt::Key_Left:
            goToParent();
            return;
        case Qt::Key_Right:
            goToChild();
            return;
        case Qt::Key_Enter:
        case Qt::Key_Return:
            activate(currentIndex());
            return;
        default:
            break;
        }
    }
    QTreeView::keyPressEvent(event);
}

void RevisionGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta > 0)
            zoomIn();
        else if (delta < 0)
            zoomOut();
        event->accept();
        return;
    }
    QTreeView::wheelEvent(event);
}

void RevisionGraphView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
    emitCurrentIfChanged();
}

void RevisionGraphView::emitCurrentIfChanged()
{
    const QString id = currentRevision();
    if (id == m_current)
        return;
    m_current = id;
    emit currentRevisionChanged(id);
}

void RevisionGraphView::updateColumns()
{
    m_delegate->setLaneCount(m_model->laneCount());
    const QFont f = font();
    const int headerWidth = QFontMetrics(header()->font()).horizontalAdvance(
                                m_model->headerData(RevisionGraphModel::GraphColumn, Qt::Horizontal).toString())
                            + 12;
    const int graphWidth = std::max(headerWidth, GraphLaneDelegate::graphWidth(f, m_model->laneCount()));
    header()->resizeSection(RevisionGraphModel::GraphColumn, std::min(graphWidth, std::max(120, width() / 3)));

    qsizetype longest = 12;
    for (const Revision &rev : graph().revisions())
        longest = std::max(longest, rev.id.size());
    const QFontMetrics fixedMetrics(GraphLaneDelegate::fixedFont(f));
    const int padding = fontMetrics().height();
    header()->resizeSection(RevisionGraphModel::RevisionColumn,
                            fixedMetrics.horizontalAdvance(QString(int(std::min<qsizetype>(longest, 24)), u'0')) + padding);
    header()->resizeSection(RevisionGraphModel::CreateDateColumn,
                            QFontMetrics(f).horizontalAdvance(QStringLiteral("2024-12-31 23:59")) + padding);
}

} // namespace retort
