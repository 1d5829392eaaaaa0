#include "recentprojects.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;

class TestRecentProjects : public QObject
{
    Q_OBJECT

private slots:
    void newestFirstWithoutDuplicates()
    {
        RecentProjects recent;
        recent.add(QStringLiteral("/a"));
        recent.add(QStringLiteral("/b"));
        recent.add(QStringLiteral("/a/")); // the same folder, written differently
        QCOMPARE(recent.paths(), QStringList({QStringLiteral("/a"), QStringLiteral("/b")}));
    }

    void cappedAtTheLimit()
    {
        RecentProjects recent;
        for (int i = 0; i < RecentProjects::kMaxEntries + 3; ++i)
            recent.add(QStringLiteral("/p%1").arg(i));
        QCOMPARE(recent.paths().size(), RecentProjects::kMaxEntries);
        QCOMPARE(recent.paths().constFirst(), QStringLiteral("/p%1").arg(RecentProjects::kMaxEntries + 2));
        QVERIFY(!recent.paths().contains(QStringLiteral("/p0")));
    }

    void emptyPathsAreIgnoredAndRemoveWorks()
    {
        RecentProjects recent;
        recent.add(QString());
        QVERIFY(recent.paths().isEmpty());
        recent.add(QStringLiteral("/x"));
        recent.remove(QStringLiteral("/x/"));
        QVERIFY(recent.paths().isEmpty());
    }

    void roundTripsThroughSettings()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        RecentProjects recent;
        recent.add(QStringLiteral("/one"));
        recent.add(QStringLiteral("/two"));
        recent.write(settings);
        QCOMPARE(RecentProjects::read(settings).paths(), recent.paths());
    }
};

QTEST_GUILESS_MAIN(TestRecentProjects)
#include "tst_recentprojects.moc"
