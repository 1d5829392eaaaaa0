#include "mainwindow.h"
#include "screenshotdirector.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Retort"));
    QApplication::setOrganizationName(QStringLiteral("Retort"));
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.retort.Retort"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Workbench for Alembic database migrations"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Alembic project to open."),
                                 QStringLiteral("[project]"));
    parser.process(app);

    // scripts/screenshot sets RETORT_SCREENSHOT: a reproducible window (default layout, no saved
    // state), grabbed to that PNG once the project has loaded.
    const QString screenshot = qEnvironmentVariable("RETORT_SCREENSHOT");
    QSettings settings; // ~/.config/Retort/Retort.conf
    retort::MainWindow window(screenshot.isEmpty() ? &settings : nullptr);
    const QStringList projects = parser.positionalArguments();
    if (!projects.isEmpty())
        window.openProject(QDir(projects.constFirst()).absolutePath());
    window.show();
    if (!screenshot.isEmpty())
        new retort::ScreenshotDirector(&window, screenshot, qEnvironmentVariable("RETORT_SCREENSHOT_REVISION"),
                                       !projects.isEmpty());
    return app.exec();
}
