#include "screenshotdirector.h"

#include "mainwindow.h"

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
    // Let queued work (layout, the selection's details) settle before grabbing.
    QTimer::singleShot(0, this, &ScreenshotDirector::grabAndQuit);
}

void ScreenshotDirector::grabAndQuit()
{
    const bool saved = m_window->grab().save(m_outputPath); // grab() lays out and paints the window itself
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace retort
