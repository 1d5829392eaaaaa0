#include "mainwindow.h"
#include "screenshotdirector.h"
#include "translationloader.h"

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

    // scripts/screenshot sets RETORT_SCREENSHOT: a reproducible window (default layout, no saved
    // state, the system locale), grabbed to that PNG once the project has loaded.
    const QString screenshot = qEnvironmentVariable("RETORT_SCREENSHOT");
    QSettings settings; // ~/.config/Retort/Retort.conf

    // The language chosen in Settings, else the system locale's (German ships; English is built in).
    retort::TranslationLoader translations;
    translations.load(screenshot.isEmpty() ? retort::TranslationLoader::storedLanguage(settings) : QString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Workbench for Alembic database migrations"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption noSandbox(QStringLiteral("no-sandbox"),
                                       QCoreApplication::translate("main", "Do not start the embedded PostgreSQL sandbox."));
    parser.addOption(noSandbox);
    parser.addPositionalArgument(QStringLiteral("project"), QCoreApplication::translate("main", "Alembic project to open."),
                                 QCoreApplication::translate("main", "[project]"));
    parser.process(app);

    retort::MainWindow window(screenshot.isEmpty() ? &settings : nullptr);
    // The sandbox: Retort's own PostgreSQL, in the user's data folder (RETORT_SANDBOX_DIR overrides).
    if (!parser.isSet(noSandbox))
        window.enableSandbox(qEnvironmentVariable("RETORT_SANDBOX_DIR"));
    const QStringList projects = parser.positionalArguments();
    if (!projects.isEmpty())
        window.openProject(QDir(projects.constFirst()).absolutePath());
    window.show();
    if (!screenshot.isEmpty())
        new retort::ScreenshotDirector(&window, screenshot, qEnvironmentVariable("RETORT_SCREENSHOT_REVISION"),
                                       !projects.isEmpty());
    return app.exec();
}
