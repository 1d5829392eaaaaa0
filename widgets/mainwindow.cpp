#include "mainwindow.h"

#include "abouttext.h"
#include "alembicworkbench.h"
#include "databaseworkbench.h"
#include "editortabs.h"
#include "logview.h"
#include "problemsview.h"
#include "projectloader.h"
#include "projectwatcher.h"
#include "recentprojectsmenu.h"
#include "runpanel.h"
#include "runworkbench.h"
#include "revisiondetailspanel.h"
#include "revisionfilelist.h"
#include "revisiongraphmodel.h"
#include "revisiongraphpanel.h"
#include "revisiongraphview.h"
#include "settingsdialog.h"
#include "sqlpreviewpanel.h"
#include "translationloader.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace retort {

namespace {

/// A local folder or alembic.ini among dropped URLs, or an empty string.
QString droppedProject(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isDir() || (info.isFile() && info.suffix() == u"ini"))
            return info.absoluteFilePath();
    }
    return {};
}

QDockWidget *makeDock(const QString &title, const QString &objectName, QWidget *content, QMainWindow *window)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    return dock;
}

/// An action that only reacts to its shortcut while focus is inside \a scope (the graph or the
/// editor), so the same key can mean "find a revision" in one and "find in file" in the other.
QAction *scopedAction(const QString &text, const QKeySequence &shortcut, QWidget *scope)
{
    auto *action = new QAction(text, scope);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    scope->addAction(action);
    return action;
}

} // namespace

MainWindow::MainWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_loader(new ProjectLoader(this))
    , m_watcher(new ProjectWatcher(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Retort"));
    setAcceptDrops(true);
    resize(1360, 860);
    setDockNestingEnabled(true);

    createParts();
    createDocks();
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createGoMenu();
    menuBar()->addMenu(m_alembic->menu());
    createHelpMenu();
    connectParts();

    m_statusProject = new QLabel(tr("No project open — File ▸ Open Project…"), this);
    statusBar()->addWidget(m_statusProject, 1);
    statusBar()->addPermanentWidget(m_alembic->statusLabel());
    m_statusLine = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLine);

    if (m_settings)
        m_recent = RecentProjects::read(*m_settings);
    updateRecentProjects();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

RevisionGraphView *MainWindow::graphView() const
{
    return m_graphPanel->view();
}

void MainWindow::createParts()
{
    m_graphPanel = new RevisionGraphPanel(this);
    m_details = new RevisionDetailsPanel(this);
    m_files = new RevisionFileList(this);
    m_problems = new ProblemsView(this);
    m_log = new LogView(this);
    m_editor = new EditorTabs(this);
    m_alembic = new AlembicWorkbench(m_settings, this);

    // The editor is the central widget; before a file is open it says how to open one.
    auto *hint = new QLabel(tr("Double-click a revision in the graph, a file in Files or a problem to open it "
                               "here."),
                            this);
    hint->setObjectName(QStringLiteral("editorHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setEnabled(false); // the palette's disabled text colour: a hint, not content
    m_editorArea = new QStackedWidget(this);
    m_editorArea->addWidget(hint);
    m_editorArea->addWidget(m_editor);
    setCentralWidget(m_editorArea);
}

void MainWindow::createDocks()
{
    // The left column runs the full height: graph above details (and files); problems and log
    // share the bottom under the editor.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    QDockWidget *graphDock = makeDock(tr("Revision Graph"), QStringLiteral("graphDock"), m_graphPanel, this);
    QDockWidget *detailsDock = makeDock(tr("Details"), QStringLiteral("detailsDock"), m_details, this);
    QDockWidget *filesDock = makeDock(tr("Files"), QStringLiteral("filesDock"), m_files, this);
    // A tab behind Details still counts as visible to its widget; the dock knows better.
    connect(filesDock, &QDockWidget::visibilityChanged, m_files, &RevisionFileList::setActive);
    QDockWidget *problemsDock = makeDock(tr("Problems"), QStringLiteral("problemsDock"), m_problems, this);
    QDockWidget *logDock = makeDock(tr("Log"), QStringLiteral("logDock"), m_log, this);
    QDockWidget *sqlDock = makeDock(tr("SQL"), QStringLiteral("sqlDock"), m_alembic->sqlPanel(), this);

    addDockWidget(Qt::LeftDockWidgetArea, graphDock);
    addDockWidget(Qt::LeftDockWidgetArea, detailsDock);
    splitDockWidget(graphDock, detailsDock, Qt::Vertical);
    tabifyDockWidget(detailsDock, filesDock);
    detailsDock->raise();
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    tabifyDockWidget(problemsDock, logDock);
    problemsDock->raise();
    // The SQL of the selected revision beside the editor.
    addDockWidget(Qt::RightDockWidgetArea, sqlDock);

    resizeDocks({graphDock, sqlDock}, {560, 400}, Qt::Horizontal);
    resizeDocks({graphDock, detailsDock}, {520, 300}, Qt::Vertical);
    resizeDocks({problemsDock}, {150}, Qt::Vertical);
}

void MainWindow::createFileMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&File"));
    menu->addAction(tr("&Open Project…"), QKeySequence::Open, this, &MainWindow::chooseProject);
    m_recentMenu = new RecentProjectsMenu(this);
    menu->addMenu(m_recentMenu);
    connect(m_recentMenu, &RecentProjectsMenu::projectChosen, this, &MainWindow::openProject);
    connect(m_recentMenu, &RecentProjectsMenu::clearRequested, this, [this] {
        m_recent.clear();
        updateRecentProjects();
    });
    menu->addAction(tr("&Reload Project"), QKeySequence::Refresh, this, &MainWindow::reload);
    menu->addSeparator();
    menu->addAction(tr("&Save"), QKeySequence::Save, m_editor, &EditorTabs::saveCurrent);
    menu->addAction(tr("Save A&ll"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), m_editor, &EditorTabs::saveAll);
    menu->addAction(tr("&Close File"), QKeySequence::Close, m_editor, &EditorTabs::closeCurrent);
    menu->addSeparator();
    QAction *settings = menu->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::showSettings);
    settings->setMenuRole(QAction::PreferencesRole);
    menu->addSeparator();
    QAction *quit = menu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createEditMenu()
{
    // Undo, redo and the editing keys are the editor's own while it has focus; the menu entries
    // reach the current file from anywhere. Find and Go to Line act on the editor, so they are
    // scoped to it: in the graph, the same Find key searches revisions (View menu).
    QMenu *menu = menuBar()->addMenu(tr("&Edit"));
    menu->addAction(tr("&Undo"), QKeySequence::Undo, m_editor, &EditorTabs::undo);
    menu->addAction(tr("&Redo"), QKeySequence::Redo, m_editor, &EditorTabs::redo);
    menu->addSeparator();
    const auto add = [this, menu](const QString &text, const QKeySequence &key, void (EditorTabs::*slot)()) {
        QAction *action = scopedAction(text, key, m_editorArea);
        connect(action, &QAction::triggered, m_editor, slot);
        menu->addAction(action);
    };
    add(tr("&Find…"), QKeySequence::Find, &EditorTabs::showFind);
    add(tr("Find &Next"), QKeySequence(Qt::Key_F3), &EditorTabs::findNext);
    add(tr("Find &Previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3), &EditorTabs::findPrevious);
    add(tr("R&eplace…"), QKeySequence::Replace, &EditorTabs::showReplace);
    menu->addSeparator();
    // Ctrl+G: QScintilla binds Ctrl+L (Qt Creator's choice) to "cut line".
    add(tr("&Go to Line…"), QKeySequence(Qt::CTRL | Qt::Key_G), &EditorTabs::showGoToLine);
}

void MainWindow::createViewMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&View"));
    RevisionGraphView *view = graphView();
    QAction *find = scopedAction(tr("&Find Revision…"), QKeySequence::Find, m_graphPanel);
    connect(find, &QAction::triggered, m_graphPanel, &RevisionGraphPanel::focusSearch);
    menu->addAction(find);
    menu->addSeparator();
    for (const auto &[text, key, slot] :
         {std::tuple{tr("Zoom &In"), QKeySequence(QKeySequence::ZoomIn), &RevisionGraphView::zoomIn},
          std::tuple{tr("Zoom &Out"), QKeySequence(QKeySequence::ZoomOut), &RevisionGraphView::zoomOut},
          std::tuple{tr("&Reset Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), &RevisionGraphView::resetZoom}}) {
        QAction *action = scopedAction(text, key, m_graphPanel);
        connect(action, &QAction::triggered, view, slot);
        menu->addAction(action);
    }
    menu->addSeparator();
    QMenu *panels = menu->addMenu(tr("&Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());
}

void MainWindow::createGoMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Go"));
    RevisionGraphView *view = graphView();
    menu->addAction(tr("Next &Head"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), view, &RevisionGraphView::jumpToHead);
    menu->addAction(tr("Next &Base"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), view, &RevisionGraphView::jumpToBase);
    menu->addSeparator();
    // Left/Right in the graph itself; here for discovery and for use from other parts.
    menu->addAction(tr("&Parent Revision"), QKeySequence(Qt::ALT | Qt::Key_Up), view, &RevisionGraphView::goToParent);
    menu->addAction(tr("&Child Revision"), QKeySequence(Qt::ALT | Qt::Key_Down), view, &RevisionGraphView::goToChild);
    menu->addSeparator();
    menu->addAction(tr("&Open Revision File"), QKeySequence(Qt::CTRL | Qt::Key_Return), this,
                    [this] { openRevision(graphView()->currentRevision()); });
}

void MainWindow::createHelpMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Help"));
    QAction *about = menu->addAction(tr("&About Retort"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    menu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::connectParts()
{
    RevisionGraphView *view = graphView();
    connect(m_loader, &ProjectLoader::loaded, this,
            [this](const QString &path, const Project &project) { applyProject(path, project); });
    connect(m_watcher, &ProjectWatcher::changed, this, &MainWindow::reload);

    connect(view, &RevisionGraphView::currentRevisionChanged, m_details, &RevisionDetailsPanel::setRevision);
    connect(view, &RevisionGraphView::currentRevisionChanged, m_alembic, &AlembicWorkbench::setCurrentRevision);
    connect(view, &RevisionGraphView::selectedRevisionsChanged, m_alembic, &AlembicWorkbench::setSelectedRevisions);
    // Right-click on the graph: what Alembic can do from here.
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addActions({m_alembic->newRevisionAction(), m_alembic->mergeHeadsAction()});
    connect(m_alembic, &AlembicWorkbench::openFileRequested, m_editor, &EditorTabs::openFile);
    connect(m_alembic, &AlembicWorkbench::projectResolved, this, [this](const Project &project) {
        m_project = project;
        showGraph();
    });
    connect(m_alembic, &AlembicWorkbench::crossChecked, this, [this](const Diagnostics &disagreements) {
        m_alembicProblems = disagreements;
        showProblems();
    });
    connect(m_alembic, &AlembicWorkbench::info, this, [this](const QString &line) { m_log->append(LogView::Level::Info, line); });
    connect(m_alembic, &AlembicWorkbench::error, this, [this](const QString &line) {
        m_log->append(LogView::Level::Error, line);
        statusBar()->showMessage(line, 10000);
    });
    // A revision Alembic just wrote: into the graph at once, selected, and open in the editor.
    connect(m_alembic, &AlembicWorkbench::revisionFileCreated, this, [this](const QString &revision, const QString &path) {
        m_pendingSelection = revision;
        reload();
        m_editor->openFile(path, 1);
    });
    connect(view, &RevisionGraphView::revisionActivated, this, &MainWindow::openRevision);
    connect(m_details, &RevisionDetailsPanel::revisionLinkActivated, this, [this](const QString &id) {
        if (!graphView()->selectRevision(id))
            statusBar()->showMessage(tr("%1 is hidden by the graph's filter").arg(id), 5000);
    });
    connect(m_details, &RevisionDetailsPanel::openFileRequested, m_editor, &EditorTabs::openFile);
    connect(m_files, &RevisionFileList::openFileRequested, m_editor, &EditorTabs::openFile);
    connect(m_problems, &ProblemsView::openFileRequested, m_editor, &EditorTabs::openFile);

    connect(m_editor, &EditorTabs::currentFileChanged, this, &MainWindow::followEditor);
    connect(m_editor, &EditorTabs::fileOpened, this, [this] { m_editorArea->setCurrentWidget(m_editor); });
    connect(m_editor, &EditorTabs::fileClosed, this, [this] {
        if (m_editor->count() == 0)
            m_editorArea->setCurrentIndex(0);
    });
    connect(m_editor, &EditorTabs::cursorLineChanged, this, [this](const QString &, int line) {
        m_statusLine->setText(tr("Line %1").arg(line));
    });
    // Saving or reloading a revision file can move edges: rescan (the watcher would notice too,
    // a little later).
    connect(m_editor, &EditorTabs::fileSaved, this, [this](const QString &path) {
        m_log->append(LogView::Level::Info, tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        reload();
    });
    connect(m_editor, &EditorTabs::fileReloaded, this, [this](const QString &path) {
        m_log->append(LogView::Level::Info, tr("Reloaded %1 after a change on disk").arg(QDir::toNativeSeparators(path)));
        reload();
    });
    connect(m_editor, &EditorTabs::errorOccurred, this, [this](const QString &message) {
        m_log->append(LogView::Level::Error, message);
        statusBar()->showMessage(message, 10000);
    });
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings ? TranslationLoader::storedLanguage(*m_settings) : QString(),
                          TranslationLoader::availableLanguages(), this);
    if (dialog.exec() == QDialog::Accepted && m_settings)
        TranslationLoader::storeLanguage(*m_settings, dialog.language());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Retort"), retortAboutText());
}

void MainWindow::restoreWindowState()
{
    if (!m_settings)
        return;
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(m_settings->value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveWindowState()
{
    if (!m_settings)
        return;
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("window/state"), saveState());
    m_recent.write(*m_settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_editor->maybeSaveAll()) {
        event->ignore();
        return;
    }
    saveWindowState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedProject(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedProject(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openProject(path);
}

void MainWindow::enableSandbox(const QString &folder)
{
    if (m_databases)
        return;
    m_databases = new DatabaseWorkbench(m_alembic->service(), folder, m_settings, this);
    // Before the cursor's line, which stays last.
    statusBar()->removeWidget(m_statusLine);
    statusBar()->addPermanentWidget(m_databases->environmentLabel());
    statusBar()->addPermanentWidget(m_databases->statusLabel());
    statusBar()->addPermanentWidget(m_statusLine);
    m_statusLine->show();
    connect(m_databases, &DatabaseWorkbench::databaseRevisionsChanged, this,
            [this](const QString &database, const QString &color, const QStringList &revisions) {
                graphView()->graphModel()->setDatabaseRevisions(database, color, revisions);
            });
    connect(m_alembic, &AlembicWorkbench::sqlShown, m_databases, &DatabaseWorkbench::setSql);
    // The live schema below the SQL it is compared with.
    QDockWidget *schemaDock = makeDock(tr("Schema"), QStringLiteral("schemaDock"), m_databases->schemaPanel(), this);
    auto *sqlDock = findChild<QDockWidget *>(QStringLiteral("sqlDock"));
    addDockWidget(Qt::RightDockWidgetArea, schemaDock);
    splitDockWidget(sqlDock, schemaDock, Qt::Vertical);
    resizeDocks({sqlDock, schemaDock}, {430, 250}, Qt::Vertical);
    connect(m_databases, &DatabaseWorkbench::info, this, [this](const QString &line) { m_log->append(LogView::Level::Info, line); });
    connect(m_databases, &DatabaseWorkbench::error, this, [this](const QString &line) { m_log->append(LogView::Level::Error, line); });
    if (m_project.config().isValid())
        m_databases->setProject(m_project);

    // Runs go to the database the schema pane shows; their step log sits beside Problems and Log.
    m_runs = new RunWorkbench(m_alembic->service(), QString(), this, this);
    m_runs->setSources([this] { return graphView()->currentRevision(); },
                       [this](QString *why) { return m_databases->runDestination(why); });
    m_runs->setProject(m_project);
    // The History list follows the database chosen in the schema pane.
    m_runs->setHistoryProfile(m_databases->chosenProfileName());
    connect(m_databases, &DatabaseWorkbench::profileChosen, m_runs, &RunWorkbench::setHistoryProfile);
    menuBar()->insertMenu(m_alembic->menu()->menuAction(), m_runs->menu());
    graphView()->addActions(m_runs->graphActions());
    QDockWidget *runsDock = makeDock(tr("Runs"), QStringLiteral("runsDock"), m_runs->panel(), this);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("logDock")), runsDock);
    findChild<QDockWidget *>(QStringLiteral("problemsDock"))->raise(); // Runs comes forward when a run starts
    connect(m_runs, &RunWorkbench::info, this, [this](const QString &line) { m_log->append(LogView::Level::Info, line); });
    connect(m_runs, &RunWorkbench::error, this, [this](const QString &line) {
        m_log->append(LogView::Level::Error, line);
        statusBar()->showMessage(line, 10000);
    });
    connect(m_runs, &RunWorkbench::openFileRequested, m_editor, &EditorTabs::openFile);
    connect(m_runs->panel()->model(), &QAbstractItemModel::modelReset, runsDock, &QDockWidget::raise);
    connect(m_runs, &RunWorkbench::runFinished, m_databases, &DatabaseWorkbench::refresh);
}

bool MainWindow::openProject(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    // Files of another project would outlive their graph: close them (asking about unsaved ones).
    if (clean != m_projectPath && !m_editor->closeAll())
        return false;
    m_statusProject->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(clean)));
    m_loader->load(clean);
    return true;
}

void MainWindow::reload()
{
    if (!m_projectPath.isEmpty())
        m_loader->load(m_projectPath);
}

bool MainWindow::openRevision(const QString &revisionId)
{
    const Revision *revision = m_project.graph().revision(revisionId);
    if (!revision) {
        if (!revisionId.isEmpty())
            statusBar()->showMessage(tr("%1 has no file: it is named as a down revision but not defined").arg(revisionId),
                                     8000);
        return false;
    }
    return m_editor->openFile(revision->path, revision->line) != nullptr;
}

void MainWindow::applyProject(const QString &path, const Project &project)
{
    const bool reloaded = path == m_projectPath;
    m_projectPath = path;
    m_project = project;
    const RevisionGraph &graph = m_project.graph();
    showGraph();

    const bool valid = m_project.config().isValid();
    if (valid) {
        m_watcher->watch(m_project.config());
        m_alembic->setProject(m_project);
        if (m_databases)
            m_databases->setProject(m_project);
        if (m_runs)
            m_runs->setProject(m_project);
    } else {
        m_watcher->clear();
        m_alembic->clearProject();
        m_alembicProblems.clear();
        if (m_databases)
            m_databases->clearProject();
    }
    if (!valid) {
        const QString message = tr("%1 is not an Alembic project: it has no alembic.ini, script directory or "
                                   "versions folder")
                                    .arg(QDir::toNativeSeparators(path));
        m_statusProject->setText(message);
        setWindowTitle(tr("Retort"));
        m_log->append(LogView::Level::Error, message);
        emit projectLoaded(false);
        return;
    }
    const QString root = QDir::toNativeSeparators(m_project.config().projectRoot());
    setWindowTitle(tr("%1 — Retort").arg(root));
    updateStatus();
    const int count = int(graph.size());
    m_log->append(LogView::Level::Info, reloaded ? tr("Rescanned %1: %n revision(s)", nullptr, count).arg(root)
                                                 : tr("Opened %1: %n revision(s)", nullptr, count).arg(root));
    if (!reloaded) {
        m_recent.add(path);
        updateRecentProjects();
    }
    if (!m_pendingSelection.isEmpty())
        graphView()->selectRevision(std::exchange(m_pendingSelection, QString()));
    if (graphView()->currentRevision().isEmpty() && graphView()->model()->rowCount() > 0)
        graphView()->setCurrentIndex(graphView()->model()->index(0, 0));
    emit projectLoaded(true);
}

void MainWindow::showGraph()
{
    const RevisionGraph &graph = m_project.graph();
    m_graphPanel->setGraph(graph); // keeps the current revision when it still exists
    m_details->setGraph(graph);
    m_files->setGraph(graph);
    m_editor->setDiagnostics(m_project.diagnostics());
    showProblems();
    followEditor(m_editor->currentPath());
}

void MainWindow::showProblems()
{
    Diagnostics problems = m_project.diagnostics() + m_alembicProblems;
    if (!m_project.config().isValid() && !m_projectPath.isEmpty())
        problems.prepend({Diagnostic::Severity::Error, m_projectPath, 0,
                          tr("not an Alembic project: no alembic.ini, script directory or versions folder"), {}});
    m_problems->setDiagnostics(problems);
    if (auto *dock = qobject_cast<QDockWidget *>(m_problems->parentWidget())) {
        const int count = int(problems.size());
        dock->setWindowTitle(count ? tr("Problems (%1)").arg(count) : tr("Problems"));
        if (m_problems->errorCount() > 0)
            dock->raise();
    }
}

void MainWindow::updateStatus()
{
    const RevisionGraph &graph = m_project.graph();
    QString text = tr("%n revision(s)", nullptr, int(graph.size()));
    const QStringList heads = graph.heads();
    text += QStringLiteral(" · ") + tr("%n head(s): %1", nullptr, int(heads.size())).arg(heads.join(QStringLiteral(", ")));
    if (const int errors = m_problems->errorCount())
        text += QStringLiteral(" · ") + tr("%n error(s)", nullptr, errors);
    if (const int warnings = m_problems->warningCount())
        text += QStringLiteral(" · ") + tr("%n warning(s)", nullptr, warnings);
    m_statusProject->setText(text);
}

void MainWindow::followEditor(const QString &path)
{
    graphView()->setHighlightedRevision(m_project.graph().revisionInFile(path));
    m_files->setCurrentPath(path);
    if (path.isEmpty())
        m_statusLine->clear();
}

void MainWindow::updateRecentProjects()
{
    m_recentMenu->setProjects(m_recent.paths());
    if (m_settings)
        m_recent.write(*m_settings);
}

void MainWindow::chooseProject()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Alembic Project"), m_projectPath);
    if (!folder.isEmpty())
        openProject(folder);
}

} // namespace retort
