#pragma once

#include <QObject>
#include <QString>

namespace retort {

class MainWindow;

/// scripts/screenshot: once the project has loaded, sets the window up as a user would see it
/// (a revision selected, its file open in the editor), grabs the window to a PNG and quits.
class ScreenshotDirector : public QObject
{
    Q_OBJECT

public:
    /// `revision` names the revision to select and open; empty = the first merge point, else the first head.
    ScreenshotDirector(MainWindow *window, const QString &outputPath, const QString &revision, bool waitForProject);

private:
    void arrange();
    void grabAndQuit();
    void grabWhenDone();

    MainWindow *m_window;
    QString m_outputPath;
    QString m_revision;
    bool m_grabbed = false;
    bool m_sqlDone = false;
    bool m_waitingForSchema = false;
};

} // namespace retort
