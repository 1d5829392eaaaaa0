#pragma once

// Shared by the window tests: open a project and wait until the window has applied it.

#include "mainwindow.h"

#include <QSignalSpy>
#include <QString>

namespace retort::test {

/// Opens \a path and waits (up to 10 s) for projectLoaded(); true when it loaded as a project.
inline bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    window.openProject(path);
    return loaded.wait(10000) && loaded.constLast().constFirst().toBool();
}

} // namespace retort::test
