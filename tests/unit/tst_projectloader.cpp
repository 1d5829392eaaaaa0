#include "projectloader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

class TestProjectLoader : public QObject
{
    Q_OBJECT

private slots:
    void loadsOnItsOwnThreadAndDeliversAValue()
    {
        ProjectLoader loader;
        QSignalSpy spy(&loader, &ProjectLoader::loaded);
        const QString demo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
        const quint64 request = loader.load(demo);
        QVERIFY(loader.isLoading());
        QTRY_COMPARE(spy.count(), 1);
        QVERIFY(!loader.isLoading());
        QCOMPARE(spy.at(0).at(0).toString(), demo);
        const Project project = spy.at(0).at(1).value<Project>();
        QCOMPARE(project.graph().size(), 17);
        QCOMPARE(spy.at(0).at(2).value<quint64>(), request);
    }

    void aNewerRequestSupersedesAnOlderOne()
    {
        QTemporaryDir empty;
        ProjectLoader loader;
        QSignalSpy spy(&loader, &ProjectLoader::loaded);
        loader.load(QStringLiteral(RETORT_EXAMPLES_DIR "/demo"));
        const quint64 latest = loader.load(empty.path());
        // Requests are answered in order, so once the latest is delivered the older one has been
        // answered too, and dropped.
        QTRY_VERIFY(!loader.isLoading());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), empty.path());
        QCOMPARE(spy.at(0).at(2).value<quint64>(), latest);
        QCOMPARE(spy.at(0).at(1).value<Project>().graph().size(), 0);
    }

    void aMissingPathLoadsAsAnInvalidProject()
    {
        QTemporaryDir dir;
        ProjectLoader loader;
        QSignalSpy spy(&loader, &ProjectLoader::loaded);
        loader.load(dir.filePath(QStringLiteral("nothing-here")));
        QTRY_COMPARE(spy.count(), 1);
        QVERIFY(!spy.at(0).at(1).value<Project>().config().isValid());
    }

    void destroyingWhileLoadingNeitherHangsNorDelivers()
    {
        auto *loader = new ProjectLoader;
        QSignalSpy spy(loader, &ProjectLoader::loaded);
        loader->load(QStringLiteral(RETORT_EXAMPLES_DIR "/demo"));
        delete loader; // waits for the worker's thread
        QCOMPARE(spy.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProjectLoader)
#include "tst_projectloader.moc"
