#include "project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

class TestProject : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheDemo()
    {
        const Project project = Project::load(QStringLiteral(RETORT_EXAMPLES_DIR "/demo"));
        QVERIFY(project.config().isValid());
        QCOMPARE(project.graph().size(), 17);
        QVERIFY(!hasErrors(project.diagnostics()));
    }

    void anEmptyVersionsFolderIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("migrations/versions")));
        QFile ini(dir.filePath(QStringLiteral("alembic.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[alembic]\nscript_location = %(here)s/migrations\n");
        ini.close();
        const Project project = Project::load(dir.path());
        QVERIFY(project.graph().isEmpty());
        const QString versions = QDir(dir.filePath(QStringLiteral("migrations/versions"))).absolutePath();
        bool named = false;
        for (const Diagnostic &d : project.diagnostics())
            named = named || (d.severity == Diagnostic::Severity::Warning && d.path == versions
                              && d.message.contains(QStringLiteral("no revision files")));
        QVERIFY(named);
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
