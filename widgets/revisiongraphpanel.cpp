#include "revisiongraphpanel.h"

#include "revisionfiltermodel.h"
#include "revisiongraphmodel.h"
#include "revisiongraphview.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace retort {

RevisionGraphPanel::RevisionGraphPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new RevisionGraphView(this))
    , m_search(new QLineEdit(this))
    , m_matches(new QLabel(this))
    , m_toolRow(new QWidget(this))
{
    m_view->setObjectName(QStringLiteral("revisionGraphView"));
    m_search->setObjectName(QStringLiteral("graphSearchField"));
    m_search->setPlaceholderText(tr("Search id prefix, message or label"));
    m_search->setClearButtonEnabled(true);
    m_matches->setObjectName(QStringLiteral("graphSearchMatches"));
    m_matches->setForegroundRole(QPalette::PlaceholderText);
    m_matches->setMinimumWidth(m_matches->fontMetrics().horizontalAdvance(tr("%n match(es)", nullptr, 999)));

    // Two rows, so the search field keeps a useful width in a narrow dock (and in German):
    // searching on top, navigation and display options below.
    auto *rows = new QVBoxLayout(m_toolRow);
    rows->setContentsMargins(4, 4, 4, 2);
    rows->setSpacing(2);
    auto *searchRow = new QHBoxLayout;
    auto *optionsRow = new QHBoxLayout;
    for (QHBoxLayout *row : {searchRow, optionsRow}) {
        row->setSpacing(4);
        rows->addLayout(row);
    }
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_matches);
    QToolButton *previous = addButton(searchRow, tr("▲"), tr("Previous match (Shift+Enter)"), QStringLiteral("findPrevious"));
    QToolButton *next = addButton(searchRow, tr("▼"), tr("Next match (Enter)"), QStringLiteral("findNext"));
    m_filter = addButton(searchRow, tr("Filter"), tr("Show only matching revisions"), QStringLiteral("filterToggle"));
    m_filter->setCheckable(true);
    QToolButton *head = addButton(optionsRow, tr("Head"), tr("Jump to the next head"), QStringLiteral("jumpToHead"));
    QToolButton *base = addButton(optionsRow, tr("Base"), tr("Jump to the next base"), QStringLiteral("jumpToBase"));
    optionsRow->addSpacing(8);
    m_flip = addButton(optionsRow, tr("Oldest on top"), tr("Show the oldest revisions on top"), QStringLiteral("flipToggle"));
    m_flip->setCheckable(true);
    m_collapse = addButton(optionsRow, tr("Collapse runs"), tr("Collapse long linear runs of revisions into one row"),
                           QStringLiteral("collapseToggle"));
    m_collapse->setCheckable(true);
    optionsRow->addStretch(1);
    QToolButton *zoomOut = addButton(optionsRow, tr("−"), tr("Zoom out (Ctrl+-, Ctrl+wheel)"), QStringLiteral("zoomOut"));
    QToolButton *zoomIn = addButton(optionsRow, tr("+"), tr("Zoom in (Ctrl++, Ctrl+wheel)"), QStringLiteral("zoomIn"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolRow);
    layout->addWidget(m_view, 1);

    RevisionFilterModel *filter = m_view->filterModel();
    connect(m_search, &QLineEdit::textChanged, this, [this, filter](const QString &text) {
        filter->setSearchText(text);
        if (!filter->searchText().isEmpty() && !m_view->currentIndex().data(RevisionFilterModel::SearchMatchRole).toBool())
            m_view->findNext();
    });
    m_search->installEventFilter(this); // Enter, Shift+Enter, Escape
    connect(filter, &RevisionFilterModel::searchChanged, this, &RevisionGraphPanel::updateMatchLabel);
    connect(m_view->graphModel(), &QAbstractItemModel::modelReset, this, &RevisionGraphPanel::updateMatchLabel);
    connect(previous, &QToolButton::clicked, m_view, &RevisionGraphView::findPrevious);
    connect(next, &QToolButton::clicked, m_view, &RevisionGraphView::findNext);
    connect(m_filter, &QToolButton::toggled, filter, &RevisionFilterModel::setHideNonMatching);
    connect(head, &QToolButton::clicked, m_view, &RevisionGraphView::jumpToHead);
    connect(base, &QToolButton::clicked, m_view, &RevisionGraphView::jumpToBase);
    connect(m_flip, &QToolButton::toggled, this, [this](bool on) { m_view->setNewestOnTop(!on); });
    connect(m_collapse, &QToolButton::toggled, this,
            [this](bool on) { m_view->setCollapseThreshold(on ? m_collapseLength : 0); });
    connect(zoomOut, &QToolButton::clicked, m_view, &RevisionGraphView::zoomOut);
    connect(zoomIn, &QToolButton::clicked, m_view, &RevisionGraphView::zoomIn);

    setFocusProxy(m_view);
    updateMatchLabel();
}

QToolButton *RevisionGraphPanel::addButton(QHBoxLayout *row, const QString &text, const QString &toolTip,
                                           const QString &objectName)
{
    auto *button = new QToolButton(m_toolRow);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    row->addWidget(button);
    return button;
}

void RevisionGraphPanel::setGraph(const RevisionGraph &graph)
{
    m_view->setGraph(graph);
}

void RevisionGraphPanel::setCollapseLength(int revisions)
{
    m_collapseLength = std::max(1, revisions);
    if (m_collapse->isChecked())
        m_view->setCollapseThreshold(m_collapseLength);
}

bool RevisionGraphPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (key->modifiers() & Qt::ShiftModifier)
                m_view->findPrevious();
            else
                m_view->findNext();
            return true;
        case Qt::Key_Escape:
            m_search->clear();
            m_view->setFocus(Qt::ShortcutFocusReason);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RevisionGraphPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void RevisionGraphPanel::updateMatchLabel()
{
    if (m_view->filterModel()->searchText().isEmpty()) {
        m_matches->clear();
        return;
    }
    const qsizetype count = m_view->matchingRows().size();
    m_matches->setText(count == 0 ? tr("no match") : tr("%n match(es)", nullptr, int(count)));
}

} // namespace retort
