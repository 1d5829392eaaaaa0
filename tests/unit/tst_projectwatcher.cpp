#include "projectwatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

namespace {

bool writeFile(const QString &path, const QByteArray &content, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile file(path);
    return file.open(mode) && file.write(content) == content.size();
}

QByteArray revisionSource(const char *id, const char *down)
{
    return QByteArray("revision = '") + id + "'\ndown_revision = " + down + "\n";
}

} // namespace

class TestProjectWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("versions/sub")));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("versions/a.py")), revisionSource("a", "None")));
    }

    void cleanup()
    {
        QDir(m_dir.filePath(QStringLiteral("versions"))).removeRecursively();
    }

    void aNewRevisionFileIsReported()
    {
        ProjectWatcher watcher;
        watcher.setDelay(10);
        watcher.watch(ProjectConfig::load(m_dir.filePath(QStringLiteral("versions"))));
        QVERIFY(watcher.watchedPaths().contains(m_dir.filePath(QStringLiteral("versions/a.py"))));
        QSignalSpy spy(&watcher, &ProjectWatcher::changed);
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("versions/b.py")), revisionSource("b", "'a'")));
        QTRY_COMPARE(spy.count(), 1);
    }

    void anInPlaceEditIsReported()
    {
        ProjectWatcher watcher;
        watcher.setDelay(10);
        watcher.watch(ProjectConfig::load(m_dir.filePath(QStringLiteral("versions"))));
        QSignalSpy spy(&watcher, &ProjectWatcher::changed);
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("versions/a.py")), "# edited\n", QIODevice::Append));
        QTRY_COMPARE(spy.count(), 1);
    }

    void subfoldersAreWatchedWhenRecursive()
    {
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("alembic.ini")),
                          "[alembic]\nscript_location = .\nversion_locations = %(here)s/versions\n"
                          "recursive_version_locations = true\n"));
        const ProjectConfig config = ProjectConfig::load(m_dir.filePath(QStringLiteral("alembic.ini")));
        QVERIFY(config.recursiveVersionLocations());
        ProjectWatcher watcher;
        watcher.setDelay(10);
        watcher.watch(config);
        QVERIFY(watcher.watchedPaths().contains(m_dir.filePath(QStringLiteral("versions/sub"))));
        QVERIFY(watcher.watchedPaths().contains(config.iniPath()));
        QSignalSpy spy(&watcher, &ProjectWatcher::changed);
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("versions/sub/b.py")), revisionSource("b", "'a'")));
        QTRY_COMPARE(spy.count(), 1);
        QFile::remove(config.iniPath());
    }

    void clearForgetsEverything()
    {
        ProjectWatcher watcher;
        watcher.watch(ProjectConfig::load(m_dir.filePath(QStringLiteral("versions"))));
        QVERIFY(!watcher.watchedPaths().isEmpty());
        watcher.clear();
        QVERIFY(watcher.watchedPaths().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestProjectWatcher)
#include "tst_projectwatcher.moc"
