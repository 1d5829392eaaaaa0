#pragma once

#include "project.h"
#include "recentprojects.h"

#include <QMainWindow>

class QLabel;
class QSettings;
class QStackedWidget;

namespace retort {

class AlembicWorkbench;
class DatabaseWorkbench;
class RunWorkbench;
class EditorTabs;
class LogView;
class ProblemsView;
class ProjectLoader;
class ProjectWatcher;
class RecentProjectsMenu;
class RevisionDetailsPanel;
class RevisionFileList;
class RevisionGraphPanel;
class RevisionGraphView;

/// The main window: assembles the graph, editor, details, files, problems and log parts and
/// forwards between them. Loading happens on ProjectLoader's thread; graph semantics live in the
/// model, editing in EditorTabs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `settings` (may be null: nothing is remembered) holds window state, recent projects and
    /// preferences.
    explicit MainWindow(QSettings *settings = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts opening an Alembic project (alembic.ini, its folder, a script directory or a
    /// versions folder). projectLoaded() follows; a path that is not a project is reported in the
    /// window. Returns false when the user kept unsaved files of the current project open.
    bool openProject(const QString &path);
    /// Starts Retort's embedded PostgreSQL sandbox for each opened project, in \a folder (empty: the
    /// default place). Off until called (tests and tools that only look at files need no server).
    void enableSandbox(const QString &folder = QString());
    DatabaseWorkbench *databases() const { return m_databases; }
    /// Upgrades and downgrades (with the databases: null until enableSandbox()).
    RunWorkbench *runs() const { return m_runs; }

    /// Rescans the open project (after a save or an outside change), keeping the selection.
    void reload();
    /// Opens the file of \a revisionId in the editor at its `revision =` line.
    bool openRevision(const QString &revisionId);

    const Project &project() const { return m_project; }
    QString projectPath() const { return m_projectPath; }

    RevisionGraphPanel *graphPanel() const { return m_graphPanel; }
    RevisionGraphView *graphView() const;
    RevisionDetailsPanel *detailsPanel() const { return m_details; }
    EditorTabs *editorTabs() const { return m_editor; }
    RevisionFileList *fileList() const { return m_files; }
    ProblemsView *problemsView() const { return m_problems; }
    LogView *logView() const { return m_log; }
    AlembicWorkbench *alembic() const { return m_alembic; }

signals:
    /// A project finished loading; `valid` is false when the path was not an Alembic project.
    void projectLoaded(bool valid);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createParts();
    void createDocks();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createGoMenu();
    void createHelpMenu();
    void connectParts();
    void restoreWindowState();
    void saveWindowState();
    void applyProject(const QString &path, const Project &project);
    /// Shows m_project's graph in the graph, details and files, and its problems.
    void showGraph();
    void showProblems();
    void updateStatus();
    void followEditor(const QString &path);
    void chooseProject();
    void showSettings();
    void showAbout();
    void updateRecentProjects();

    QSettings *m_settings = nullptr;
    ProjectLoader *m_loader = nullptr;
    ProjectWatcher *m_watcher = nullptr;
    Project m_project;
    QString m_projectPath;
    RecentProjects m_recent;
    RecentProjectsMenu *m_recentMenu = nullptr;
    RevisionGraphPanel *m_graphPanel = nullptr;
    RevisionDetailsPanel *m_details = nullptr;
    RevisionFileList *m_files = nullptr;
    QStackedWidget *m_editorArea = nullptr;
    EditorTabs *m_editor = nullptr;
    ProblemsView *m_problems = nullptr;
    LogView *m_log = nullptr;
    AlembicWorkbench *m_alembic = nullptr;
    DatabaseWorkbench *m_databases = nullptr;
    RunWorkbench *m_runs = nullptr;
    Diagnostics m_alembicProblems; ///< where Alembic's own view disagrees with the graph
    QString m_pendingSelection; ///< a revision to select once the next load is applied
    QLabel *m_statusProject = nullptr;
    QLabel *m_statusLine = nullptr;
};

} // namespace retort
