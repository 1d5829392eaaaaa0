#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QTimer>

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

    QSettings settings; // ~/.config/Retort/Retort.conf
    retort::MainWindow window(&settings);
    if (!parser.positionalArguments().isEmpty())
        window.openProject(QDir(parser.positionalArguments().constFirst()).absolutePath());
    window.show();

    // scripts/screenshot: grab the window once it has been laid out and painted, then quit.
    const QString screenshot = qEnvironmentVariable("RETORT_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, screenshot] { // grab() lays out and paints the window itself
            const bool saved = window.grab().save(screenshot);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
