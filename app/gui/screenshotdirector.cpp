#include "screenshotdirector.h"

#include "alembicworkbench.h"
#include "databaseworkbench.h"
#include "mainwindow.h"
#include "schemapanel.h"
#include "schematreemodel.h"
#include "revisiongraphview.h"

#include <QCoreApplication>
#include <QTimer>

namespace retort {

namespace {
constexpr int kAlembicPatienceMs = 20'000;
} // namespace

ScreenshotDirector::ScreenshotDirector(MainWindow *window, const QString &outputPath, const QString &revision,
                                       bool waitForProject)
    : QObject(window)
    , m_window(window)
    , m_outputPath(outputPath)
    , m_revision(revision)
{
    if (waitForProject)
        connect(window, &MainWindow::projectLoaded, this, &ScreenshotDirector::arrange, Qt::SingleShotConnection);
    else
        QTimer::singleShot(0, this, &ScreenshotDirector::grabAndQuit);
}

void ScreenshotDirector::arrange()
{
    // What a user looks at: a revision selected (by default the newest branch point, which shows
    // two children in the details and real SQL beside its file, else the newest merge point, else the
    // first head), its file open in the editor, its SQL in the preview.
    const RevisionGraph &graph = m_window->project().graph();
    QString revision = m_revision;
    for (const auto isKind : {&RevisionGraph::isBranchPoint, &RevisionGraph::isMergePoint}) {
        for (const QString &id : graph.history()) {
            if (revision.isEmpty() && (graph.*isKind)(id))
                revision = id;
        }
    }
    if (revision.isEmpty())
        revision = graph.heads().value(0);
    if (!revision.isEmpty()) {
        m_window->graphView()->selectRevision(revision);
        m_window->openRevision(revision);
        m_window->graphView()->setFocus();
    }
    // Grab once Alembic has answered for the SQL preview and, with the sandbox, the live schema is
    // there (or after a while, showing what is there).
    m_waitingForSchema = m_window->databases() != nullptr;
    AlembicService *alembic = m_window->alembic()->service();
    const auto sqlDone = [this] {
        m_sqlDone = true;
        grabWhenDone();
    };
    connect(alembic, &AlembicService::sqlReady, this, sqlDone, Qt::SingleShotConnection);
    connect(alembic, &AlembicService::sqlFailed, this, sqlDone, Qt::SingleShotConnection);
    if (m_waitingForSchema) {
        // The first schema can come before the upgrade; the one after the SQL has the touched marks.
        connect(m_window->databases(), &DatabaseWorkbench::schemaShown, this, [this] {
            if (m_window->databases()->schemaPanel()->model()->snapshot().tables().isEmpty())
                return;
            m_waitingForSchema = false;
            grabWhenDone();
        });
    }
    QTimer::singleShot(kAlembicPatienceMs, this, &ScreenshotDirector::grabAndQuit);
}

void ScreenshotDirector::grabWhenDone()
{
    if (m_sqlDone && !m_waitingForSchema)
        QTimer::singleShot(0, this, &ScreenshotDirector::grabAndQuit);
}

void ScreenshotDirector::grabAndQuit()
{
    if (m_grabbed)
        return;
    m_grabbed = true;
    const bool saved = m_window->grab().save(m_outputPath); // grab() lays out and paints the window itself
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace retort
