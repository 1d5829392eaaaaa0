#include "screenshotdirector.h"

#include "mainwindow.h"
#include "revisiongraphview.h"

#include <QCoreApplication>
#include <QTimer>

namespace retort {

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
    // What a user looks at: a revision selected (by default the first merge point, which shows
    // two parents in the details, else the first head), its file open in the editor.
    const RevisionGraph &graph = m_window->project().graph();
    QString revision = m_revision;
    if (revision.isEmpty()) {
        for (const QString &id : graph.history()) {
            if (graph.isMergePoint(id)) {
                revision = id;
                break;
            }
        }
    }
    if (revision.isEmpty())
        revision = graph.heads().value(0);
    if (!revision.isEmpty()) {
        m_window->graphView()->selectRevision(revision);
        m_window->openRevision(revision);
        m_window->graphView()->setFocus();
    }
    // Let queued work (layout, the selection's details) settle before grabbing.
    QTimer::singleShot(0, this, &ScreenshotDirector::grabAndQuit);
}

void ScreenshotDirector::grabAndQuit()
{
    const bool saved = m_window->grab().save(m_outputPath); // grab() lays out and paints the window itself
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace retort
