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

    void setGraph(const RevisionGraph &graph);
    /// Marks the row of \a path as current (the file in the editor); empty clears nothing.
    void setCurrentPath(const QString &path);
    /// The file rows' paths, in display order.
    QStringList paths() const;

signals:
    void openFileRequested(const QString &path, int line);
};

} // namespace retort
