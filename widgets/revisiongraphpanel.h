#pragma once

#include "revisiongraph.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace retort {

class RevisionGraphView;

/// The revision graph with its tool row: search (id prefix, message, label) with next/previous
/// and a filter toggle that hides non-matching rows, jump to head/base, oldest-on-top and
/// collapse-linear-runs toggles, and zoom. Wire to the view's signals through view().
class RevisionGraphPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionGraphPanel(QWidget *parent = nullptr);

    RevisionGraphView *view() const { return m_view; }
    void setGraph(const RevisionGraph &graph);

    QLineEdit *searchField() const { return m_search; }
    QToolButton *filterButton() const { return m_filter; }
    QToolButton *flipButton() const { return m_flip; }
    QToolButton *collapseButton() const { return m_collapse; }

    /// Linear runs longer than this collapse when the collapse toggle is on (default 8).
    void setCollapseLength(int revisions);
    int collapseLength() const { return m_collapseLength; }

public slots:
    /// Focuses the search field and selects its text (bind to Ctrl+F).
    void focusSearch();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateMatchLabel();
    QToolButton *addButton(QHBoxLayout *row, const QString &text, const QString &toolTip, const QString &objectName);

    RevisionGraphView *m_view;
    QLineEdit *m_search;
    QLabel *m_matches;
    QToolButton *m_filter;
    QToolButton *m_flip;
    QToolButton *m_collapse;
    QWidget *m_toolRow;
    int m_collapseLength = 8;
};

} // namespace retort
