// The schema pane's own behaviour: determinate progress while the catalog queries run, with Cancel;
// what it is doing in words; "Start Database Service" only with a compose file's services.
#include "schemapanel.h"

#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace retort;

namespace {

template <typename T> T *child(const SchemaPanel &panel, const char *name)
{
    return panel.findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestSchemaPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void progressIsDeterminateAndCancelWorks()
    {
        SchemaPanel panel;
        auto *bar = child<QProgressBar>(panel, "schemaBusy");
        auto *cancel = child<QToolButton>(panel, "schemaCancel");
        auto *refresh = child<QToolButton>(panel, "schemaRefresh");
        auto *activity = child<QLabel>(panel, "schemaActivity");
        QVERIFY(!bar->isVisibleTo(&panel));
        QVERIFY(!cancel->isVisibleTo(&panel));

        panel.setBusy(true);
        QVERIFY(bar->isVisibleTo(&panel));
        QCOMPARE(bar->maximum(), 0); // connecting: no steps known yet
        QVERIFY(cancel->isVisibleTo(&panel));
        QVERIFY(!refresh->isEnabled());

        panel.setProgress(4, 8, QStringLiteral("columns"));
        QCOMPARE(bar->minimum(), 0);
        QCOMPARE(bar->maximum(), 8);
        QCOMPARE(bar->value(), 4);
        QCOMPARE(bar->text(), QStringLiteral("4 / 8"));
        QVERIFY(activity->isVisibleTo(&panel));
        QVERIFY2(activity->text().contains(QLatin1String("columns")), qPrintable(activity->text()));
        QVERIFY2(activity->text().contains(QLatin1String("4 of 8")), qPrintable(activity->text()));
        panel.setProgress(8, 8, QStringLiteral("sequences"));
        QCOMPARE(bar->value(), 8);
        QVERIFY(activity->text().contains(QLatin1String("sequences")));

        QSignalSpy cancelled(&panel, &SchemaPanel::cancelRequested);
        cancel->click();
        QCOMPARE(cancelled.size(), 1);

        panel.setBusy(false);
        QVERIFY(!bar->isVisibleTo(&panel));
        QVERIFY(!cancel->isVisibleTo(&panel));
        QVERIFY(!activity->isVisibleTo(&panel));
        QVERIFY(refresh->isEnabled());
        panel.setBusy(true); // the next load starts undetermined again
        QCOMPARE(bar->maximum(), 0);
    }

    void startServiceOnlyWithServices()
    {
        SchemaPanel panel;
        auto *start = child<QToolButton>(panel, "schemaStartService");
        QVERIFY(!start->isVisibleTo(&panel));
        panel.setServices(
            {{QStringLiteral("db"), QStringLiteral("postgres:16 · port 5433")}, {QStringLiteral("replica"), QString()}},
            QStringLiteral("/src/shop/compose.yaml"));
        QVERIFY(start->isVisibleTo(&panel));
        QVERIFY(start->toolTip().contains(QLatin1String("/src/shop/compose.yaml")));
        const QList<QAction *> actions = start->menu()->actions();
        QCOMPARE(actions.size(), 2);
        QVERIFY(actions.constFirst()->text().contains(QStringLiteral("postgres:16 · port 5433")));
        QSignalSpy requested(&panel, &SchemaPanel::startServiceRequested);
        actions.constLast()->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.constFirst().constFirst().toString(), QStringLiteral("replica"));
        panel.setServices({}, QString());
        QVERIFY(!start->isVisibleTo(&panel));
        QVERIFY(start->menu()->actions().isEmpty());
    }

    /// Renders the pane for a look: RETORT_SCHEMAPANEL_PNG_DIR=/tmp writes schemapanel-progress.png
    /// (a compose file's services offered, query 4 of 8 running) and schemapanel-waiting.png.
    void render()
    {
        SchemaPanel panel;
        panel.resize(410, 300); // the width of the Schema dock in the default layout
        panel.setSources(
            {{QStringLiteral("sandbox"), QStringLiteral("Sandbox (Retort's PostgreSQL)"), QStringLiteral("#00838f")}});
        const int narrowest = panel.minimumSizeHint().width();
        panel.setServices({{QStringLiteral("db"), QStringLiteral("postgres:16 · port 5433")}},
                          QStringLiteral("/src/shop/compose.yaml"));
        panel.setBusy(true);
        panel.setProgress(4, 8, QStringLiteral("columns"));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Nothing in the tool rows is squeezed below its size hint at this width.
        for (const char *name : {"schemaAddSource", "schemaDiscover", "schemaStartService", "schemaCancel"}) {
            auto *widget = child<QWidget>(panel, name);
            QVERIFY2(widget->width() >= widget->sizeHint().width(), name);
        }
        QCOMPARE(panel.minimumSizeHint().width(), narrowest); // neither the services nor the progress widen it
        const QImage progress = panel.grab().toImage();
        panel.setBusy(false);
        panel.setBusy(true);
        panel.setActivity(QStringLiteral("Waiting for db to accept connections on port 5433 (up to 60 s)…"));
        const QImage waiting = panel.grab().toImage();
        const QString dir = qEnvironmentVariable("RETORT_SCHEMAPANEL_PNG_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(progress.save(dir + QStringLiteral("/schemapanel-progress.png")));
            QVERIFY(waiting.save(dir + QStringLiteral("/schemapanel-waiting.png")));
        }
    }
};

QTEST_MAIN(TestSchemaPanel)
#include "tst_schemapanel.moc"
