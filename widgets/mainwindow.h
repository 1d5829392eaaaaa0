#pragma once

#include "project.h"

#include <QMainWindow>

class QLabel;
class QTextBrowser;
class QTreeView;
class QTreeWidget;

namespace retort {

class GraphLaneDelegate;
class RevisionGraphModel;

/// The main window: assembles the graph view, the details panel and the diagnostics list.
/// Loading and graph semantics live in the model; this class only shows them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Opens an Alembic project (alembic.ini, its folder, a script directory or a versions folder).
    /// Returns false, with the reason shown in the window, when it is not one.
    bool openProject(const QString &path);
    const Project &project() const { return m_project; }
    RevisionGraphModel *graphModel() const { return m_model; }

private:
    void createActions();
    void showDetails(const QString &revisionId);
    void showDiagnostics();
    void chooseProject();
    void reload();

    Project m_project;
    QString m_projectPath;
    RevisionGraphModel *m_model = nullptr;
    GraphLaneDelegate *m_laneDelegate = nullptr;
    QTreeView *m_graphView = nullptr;
    QTextBrowser *m_details = nullptr;
    QTreeWidget *m_diagnostics = nullptr;
    QLabel *m_statusProject = nullptr;
};

} // namespace retort
