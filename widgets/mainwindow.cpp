#include "mainwindow.h"

#include "graphlanedelegate.h"
#include "revisiongraphmodel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>

namespace retort {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new RevisionGraphModel(this))
    , m_laneDelegate(new GraphLaneDelegate(this))
{
    setWindowTitle(tr("Retort"));
    resize(1280, 800);

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

    resizeDocks({detailsDock}, {380}, Qt::Horizontal);
    resizeDocks({diagnosticsDock}, {150}, Qt::Vertical);

    m_statusProject = new QLabel(this);
    statusBar()->addWidget(m_statusProject, 1);
    createActions();
    showDetails(QString());
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Project…"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    QAction *reloadAction = fileMenu->addAction(tr("&Reload"), this, &MainWindow::reload);
    reloadAction->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Retort"), this, [this] {
        QMessageBox::about(this, tr("About Retort"),
                           tr("<h3>Retort %1</h3><p>A workbench for Alembic database migrations.</p>"
                              "<p>Qt %2</p>")
                               .arg(QStringLiteral(RETORT_VERSION), QString::fromLatin1(qVersion())));
    });
}

bool MainWindow::openProject(const QString &path)
{
    // Reloading the same project keeps the selected revision; a model reset clears the current
    // index without a signal, so the details are refreshed explicitly.
    const QString previous = path == m_projectPath
                                 ? m_graphView->currentIndex().data(RevisionGraphModel::RevisionIdRole).toString()
                                 : QString();
    m_projectPath = path;
    m_project = Project::load(path);
    m_model->setGraph(m_project.graph());
    showDetails(QString());
    m_laneDelegate->setLaneCount(std::max(1, m_model->laneCount()));
    m_graphView->resizeColumnToContents(RevisionGraphModel::GraphColumn);
    m_graphView->resizeColumnToContents(RevisionGraphModel::RevisionColumn);
    m_graphView->resizeColumnToContents(RevisionGraphModel::LabelsColumn);
    m_graphView->resizeColumnToContents(RevisionGraphModel::CreateDateColumn);
    showDiagnostics();
    const RevisionGraph &graph = m_project.graph();
    if (!m_project.config().isValid()) {
        m_statusProject->setText(tr("%1 is not an Alembic project").arg(path));
        setWindowTitle(tr("Retort"));
        return false;
    }
    setWindowTitle(tr("%1 — Retort").arg(m_project.config().projectRoot()));
    m_statusProject->setText(tr("%1 · %n revision(s)", nullptr, int(graph.size())).arg(m_project.config().projectRoot())
                             + tr(" · heads: %1").arg(graph.heads().join(QStringLiteral(", "))));
    if (m_model->rowCount() > 0) {
        const int row = std::max(0, m_model->rowOf(previous));
        m_graphView->setCurrentIndex(m_model->index(row, RevisionGraphModel::RevisionColumn));
    }
    return true;
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

void MainWindow::reload()
{
    if (!m_projectPath.isEmpty())
        openProject(m_projectPath);
}

} // namespace retort
