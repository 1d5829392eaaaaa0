#pragma once

#include <QMenu>

namespace retort {

/// File ▸ Open Recent: one action per project path, newest first, and a "Clear" entry.
class RecentProjectsMenu : public QMenu
{
    Q_OBJECT

public:
    explicit RecentProjectsMenu(QWidget *parent = nullptr);

    void setProjects(const QStringList &paths);

signals:
    void projectChosen(const QString &path);
    void clearRequested();
};

} // namespace retort
