#include "mainwindow.h"

#include "graphlanedelegate.h"
#include "logview.h"
#include "projectloader.h"
#include "recentprojectsmenu.h"
#include "revisiongraphmodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>

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

} // namespace

MainWindow::MainWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_loader(new ProjectLoader(this))
    , m_model(new RevisionGraphModel(this))
    , m_laneDelegate(new GraphLaneDelegate(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Retort"));
    setAcceptDrops(true);
    resize(1280, 800);
    setDockNestingEnabled(true);

    createDocks();
    m_statusProject = new QLabel(this);
    statusBar()->addWidget(m_statusProject, 1);
    createActions();
    showDetails(QString());

    connect(m_loader, &ProjectLoader::loaded, this,
            [this](const QString &path, const Project &project) { applyProject(path, project); });

    if (m_settings)
        m_recent = RecentProjects::read(*m_settings);
    updateRecentProjects();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_graphView = new QTreeView(this);
    m_graphView->setObjectName(QStringLiteral("revisionGraphView"));
    m_graphView->setModel(m_model);
    m_graphView->setItemDelegateForColumn(RevisionGraphModel::GraphColumn, m_laneDelegate);
    m_graphView->setRootIsDecorated(false);
    m_graphView->setUniformRowHeights(true);
    m_graphView->setAlternatingRowColors(true);
    m_graphView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_graphView->header()->setStretchLastSection(false);
    m_graphView->header()->setSectionResizeMode(RevisionGraphModel::MessageColumn, QHeaderView::Stretch);
    setCentralWidget(m_graphView);
    connect(m_graphView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showDetails(current.data(RevisionGraphModel::RevisionIdRole).toString());
            });

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("revisionDetails"));
    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(QStringLiteral("detailsDock"));
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);

    m_diagnostics = new QTreeWidget(this);
    m_diagnostics->setObjectName(QStringLiteral("diagnosticsList"));
    m_diagnostics->setHeaderLabels({tr("Severity"), tr("Location"), tr("Message")});
    m_diagnostics->setRootIsDecorated(false);
    auto *diagnosticsDock = new QDockWidget(tr("Problems"), this);
    diagnosticsDock->setObjectName(QStringLiteral("problemsDock"));
    diagnosticsDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, diagnosticsDock);

    m_log = new LogView(this);
    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    tabifyDockWidget(diagnosticsDock, logDock);
    diagnosticsDock->raise();

    resizeDocks({detailsDock}, {380}, Qt::Horizontal);
    resizeDocks({diagnosticsDock}, {160}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Project…"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = new RecentProjectsMenu(this);
    fileMenu->addMenu(m_recentMenu);
    connect(m_recentMenu, &RecentProjectsMenu::projectChosen, this, &MainWindow::openProject);
    connect(m_recentMenu, &RecentProjectsMenu::clearRequested, this, [this] {
        m_recent.clear();
        updateRecentProjects();
    });
    QAction *reloadAction = fileMenu->addAction(tr("&Reload Project"), this, &MainWindow::reload);
    reloadAction->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        viewMenu->addAction(dock->toggleViewAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Retort"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Retort"),
                       tr("<h3>Retort %1</h3><p>A workbench for Alembic database migrations.</p><p>Qt %2</p>")
                           .arg(QStringLiteral(RETORT_VERSION), QString::fromLatin1(qVersion())));
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

void MainWindow::openProject(const QString &path)
{
    m_loadingPath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    m_statusProject->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(m_loadingPath)));
    m_loader->load(m_loadingPath);
}

void MainWindow::reload()
{
    if (!m_projectPath.isEmpty())
        openProject(m_projectPath);
}

void MainWindow::applyProject(const QString &path, const Project &project)
{
    // Reloading the same project keeps the selected revision; a model reset clears the current
    // index without a signal, so the details are refreshed explicitly.
    const QString previous = path == m_projectPath
                                 ? m_graphView->currentIndex().data(RevisionGraphModel::RevisionIdRole).toString()
                                 : QString();
    const bool reloaded = path == m_projectPath;
    m_projectPath = path;
    m_project = project;
    m_model->setGraph(m_project.graph());
    showDetails(QString());
    m_laneDelegate->setLaneCount(std::max(1, m_model->laneCount()));
    for (int column : {int(RevisionGraphModel::GraphColumn), int(RevisionGraphModel::RevisionColumn),
                       int(RevisionGraphModel::LabelsColumn), int(RevisionGraphModel::CreateDateColumn)})
        m_graphView->resizeColumnToContents(column);
    showDiagnostics();
    const RevisionGraph &graph = m_project.graph();
    const bool valid = m_project.config().isValid();
    if (!valid) {
        m_statusProject->setText(tr("%1 is not an Alembic project").arg(QDir::toNativeSeparators(path)));
        setWindowTitle(tr("Retort"));
        m_log->append(LogView::Level::Error, tr("%1 is not an Alembic project").arg(path));
        emit projectLoaded(false);
        return;
    }
    const QString root = m_project.config().projectRoot();
    setWindowTitle(tr("%1 — Retort").arg(QDir::toNativeSeparators(root)));
    m_statusProject->setText(tr("%1 · %n revision(s)", nullptr, int(graph.size())).arg(QDir::toNativeSeparators(root))
                             + tr(" · heads: %1").arg(graph.heads().join(QStringLiteral(", "))));
    m_log->append(LogView::Level::Info, reloaded ? tr("Rescanned %1: %n revision(s)", nullptr, int(graph.size())).arg(root)
                                                 : tr("Opened %1: %n revision(s)", nullptr, int(graph.size())).arg(root));
    m_recent.add(path);
    updateRecentProjects();
    if (m_model->rowCount() > 0) {
        const int row = std::max(0, m_model->rowOf(previous));
        m_graphView->setCurrentIndex(m_model->index(row, RevisionGraphModel::RevisionColumn));
    }
    emit projectLoaded(true);
}

void MainWindow::updateRecentProjects()
{
    m_recentMenu->setProjects(m_recent.paths());
    if (m_settings)
        m_recent.write(*m_settings);
}

void MainWindow::showDetails(const QString &revisionId)
{
    const RevisionGraph &graph = m_project.graph();
    const Revision *rev = graph.revision(revisionId);
    if (!rev) {
        m_details->setHtml(tr("<p>Select a revision to see its details.</p>"));
        return;
    }
    const auto list = [](const QStringList &items) {
        return items.isEmpty() ? QStringLiteral("—") : items.join(QStringLiteral(", ")).toHtmlEscaped();
    };
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p><table>").arg(rev->id.toHtmlEscaped(), rev->message.toHtmlEscaped());
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>").arg(label, value);
    };
    row(tr("Parents"), list(graph.parents(revisionId) + graph.missingParents(revisionId)));
    row(tr("Children"), list(graph.children(revisionId)));
    row(tr("Branch labels"), list(graph.branchLabels(revisionId)));
    row(tr("Depends on"), list(graph.dependencies(revisionId)));
    row(tr("Created"), rev->createDate.toHtmlEscaped());
    row(tr("File"), QStringLiteral("%1:%2").arg(rev->path.toHtmlEscaped()).arg(rev->line));
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
}

void MainWindow::showDiagnostics()
{
    m_diagnostics->clear();
    for (const Diagnostic &d : m_project.diagnostics()) {
        const QString location = d.line > 0 ? QStringLiteral("%1:%2").arg(d.path).arg(d.line) : d.path;
        auto *item = new QTreeWidgetItem(m_diagnostics, {Diagnostic::severityName(d.severity), location, d.message});
        item->setToolTip(2, d.message);
    }
    if (!m_project.config().isValid())
        new QTreeWidgetItem(m_diagnostics, {QStringLiteral("error"), m_projectPath,
                                            tr("not an Alembic project: no alembic.ini, script directory or versions "
                                               "folder")});
    m_diagnostics->resizeColumnToContents(0);
    m_diagnostics->resizeColumnToContents(1);
}

void MainWindow::chooseProject()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Alembic Project"), m_projectPath);
    if (!folder.isEmpty())
        openProject(folder);
}

} // namespace retort
