#pragma once

#include "project.h"
#include "recentprojects.h"

#include <QMainWindow>

class QLabel;
class QSettings;
class QTextBrowser;
class QTreeView;
class QTreeWidget;

namespace retort {

class GraphLaneDelegate;
class LogView;
class ProjectLoader;
class RecentProjectsMenu;
class RevisionGraphModel;

/// The main window: assembles the graph, editor, details, problems and log parts and forwards
/// between them. Loading happens on ProjectLoader's thread; graph semantics live in the model.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `settings` (may be null: nothing is remembered) holds window state and recent projects.
    explicit MainWindow(QSettings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts opening an Alembic project (alembic.ini, its folder, a script directory or a
    /// versions folder). projectLoaded() follows; a path that is not a project is reported in the
    /// window.
    void openProject(const QString &path);
    /// Rescans the open project (after a save or an outside change).
    void reload();

    const Project &project() const { return m_project; }
    QString projectPath() const { return m_projectPath; }
    RevisionGraphModel *graphModel() const { return m_model; }

signals:
    /// A project finished loading; `valid` is false when the path was not an Alembic project.
    void projectLoaded(bool valid);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createActions();
    void restoreWindowState();
    void saveWindowState();
    void applyProject(const QString &path, const Project &project);
    void showDetails(const QString &revisionId);
    void showDiagnostics();
    void chooseProject();
    void showAbout();
    void updateRecentProjects();

    QSettings *m_settings = nullptr;
    ProjectLoader *m_loader = nullptr;
    Project m_project;
    QString m_projectPath;
    QString m_loadingPath;
    RecentProjects m_recent;
    RecentProjectsMenu *m_recentMenu = nullptr;
    RevisionGraphModel *m_model = nullptr;
    GraphLaneDelegate *m_laneDelegate = nullptr;
    QTreeView *m_graphView = nullptr;
    QTextBrowser *m_details = nullptr;
    QTreeWidget *m_diagnostics = nullptr;
    LogView *m_log = nullptr;
    QLabel *m_statusProject = nullptr;
};

} // namespace retort
