#pragma once

#include "revisiongraph.h"

#include <QTreeWidget>

namespace retort {

/// The Files dock: every revision file of the project by name, grouped by folder when there are
/// several version locations, with its revision id and message. Activating one opens it.
class RevisionFileList : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { FileColumn, RevisionColumn, MessageColumn };

    explicit RevisionFileList(QWidget *parent = nullptr);

    /// Shows \a graph's files; while the list is inactive (its dock is a tab behind Details, or
    /// closed) the rows are only built when it becomes active, so rescans of large projects do not
    /// pay for a list nobody sees.
    void setGraph(const RevisionGraph &graph);
    /// Whether the list is on screen (connected to its dock's visibilityChanged); true initially.
    void setActive(bool active);
    /// Marks the row of \a path as current (the file in the editor); empty clears nothing.
    void setCurrentPath(const QString &path);
    /// The file rows' paths, in display order (builds the rows if they are stale).
    QStringList paths();

signals:
    void openFileRequested(const QString &path, int line);

private:
    void rebuild();

    RevisionGraph m_graph;
    QString m_currentPath;
    bool m_stale = false;
    bool m_active = true;
};

} // namespace retort
