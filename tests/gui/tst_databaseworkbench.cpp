// The sandbox in the window, for real: opening the demo starts Retort's PostgreSQL, Alembic upgrades
// the new database to heads, and the graph marks where the sandbox is.
#include "connectionprofile.h"
#include "databaseworkbench.h"
#include "mainwindow.h"
#include "windowtesting.h"
#include "postgresserver.h"
#include "revisiongraphmodel.h"
#include "revisiongraphview.h"
#include "sandboxservice.h"
#include "schemapanel.h"
#include "schematreemodel.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "serverfolder.h"
#include <QTreeView>

#include <pqxx/pqxx>

using namespace retort;
using retort::test::openAndWait;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");

QStringList marksOf(const MainWindow &window, const QString &revision)
{
    RevisionGraphModel *model = window.graphView()->graphModel();
    return model->index(model->rowOf(revision), 0).data(RevisionGraphModel::DatabaseMarksRole).toStringList();
}

} // namespace

class TestDatabaseWorkbench : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theDemoOpensWithTheSandboxAtHeads()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        MainWindow window;
        window.enableSandbox(dir.filePath(QStringLiteral("sandbox")));
        window.show();
        QVERIFY(openAndWait(window, kDemo));
        const QString mark = QStringLiteral("sandbox\x1f") + QLatin1String(DatabaseWorkbench::kSandboxColor);
        QTRY_COMPARE_WITH_TIMEOUT(marksOf(window, QStringLiteral("09360dc33310")), QStringList{mark}, 90'000);
        QCOMPARE(marksOf(window, QStringLiteral("audit_0002")), QStringList{mark});
        QVERIFY(marksOf(window, QStringLiteral("72162e8679fa")).isEmpty());
        QVERIFY(window.databases()->statusLabel()->text().contains(QLatin1String("09360dc33310")));
        QVERIFY(window.databases()->sandboxDatabase().startsWith(QLatin1String("demo_")));
        QCOMPARE(window.databases()->sandbox()->state(), SandboxService::State::Running);

        // The live schema: the sandbox's tables, and those the selected revision touches marked.
        SchemaPanel *schema = window.databases()->schemaPanel();
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("books")), 30'000);
        QVERIFY(window.graphView()->selectRevision(QStringLiteral("f4a63533f1d0"))); // adds users.display_name
        const auto touched = [schema] {
            QStringList paths;
            for (const QModelIndex &index : schema->model()->touchedObjects())
                paths.append(index.data(SchemaTreeModel::PathRole).toString());
            paths.sort();
            return paths;
        };
        // alembic_version, which every revision writes, is left unmarked.
        QTRY_COMPARE_WITH_TIMEOUT(touched(), QStringList{QStringLiteral("public.users")}, 30'000);
        const QModelIndex users = schema->model()->touchedObjects().constLast();
        QVERIFY(schema->view()->isExpanded(users));
        bool columnMarked = false;
        for (int row = 0; row < schema->model()->rowCount(users); ++row) {
            const QModelIndex column = schema->model()->index(row, 0, users);
            if (column.data().toString() == QLatin1String("display_name"))
                columnMarked = column.data(SchemaTreeModel::TouchedRole).toBool();
        }
        QVERIFY(columnMarked);
        QVERIFY(schema->statusText().contains(QLatin1String("table")));
    }

    void withoutPostgresAnSqliteFileStandsIn()
    {
        qputenv("RETORT_PG_BINDIR", "/nonexistent/postgresql/bin");
        QTemporaryDir dir;
        MainWindow window;
        window.enableSandbox(dir.filePath(QStringLiteral("sandbox")));
        window.show();
        QVERIFY(openAndWait(window, kDemo));
        SchemaPanel *schema = window.databases()->schemaPanel();
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("main"), QStringLiteral("books")), 90'000);
        qunsetenv("RETORT_PG_BINDIR");
        const QString mark = QStringLiteral("sandbox\x1f") + QLatin1String(DatabaseWorkbench::kSandboxColor);
        QTRY_COMPARE(marksOf(window, QStringLiteral("09360dc33310")), QStringList{mark});
        QVERIFY(window.databases()->statusLabel()->text().contains(QLatin1String("SQLite")));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("sandbox/")) + window.databases()->sandboxDatabase() + QStringLiteral(".sqlite")));
    }

    void anotherDatabaseShowsItsSchemaAndWhereItIsInItsColour()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        // "Staging": a real server with a table and an alembic_version at one revision.
        PostgresServer staging(dir.filePath(QStringLiteral("staging")));
        QString error;
        QVERIFY2(staging.start(&error), qPrintable(error));
        QVERIFY(staging.createDatabase(QStringLiteral("shop"), &error));
        {
            pqxx::connection connection(staging.connectionString(QStringLiteral("shop")).toStdString());
            pqxx::nontransaction work(connection);
            work.exec("CREATE TABLE books (id integer PRIMARY KEY, price numeric(10, 2))");
            work.exec("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)");
            work.exec("INSERT INTO alembic_version VALUES ('72162e8679fa')");
        }
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        window.show();
        QVERIFY(openAndWait(window, kDemo));
        window.enableSandbox(dir.filePath(QStringLiteral("sandbox")));
        ConnectionProfile profile;
        profile.name = QStringLiteral("shop staging");
        profile.kind = ConnectionProfile::Kind::RemotePostgres;
        profile.environment = ConnectionProfile::Environment::Staging;
        profile.host = staging.host();
        profile.port = staging.port();
        profile.database = QStringLiteral("shop");
        profile.user = staging.user();
        const QString id = window.databases()->addProfile(profile, staging.password());
        SchemaPanel *schema = window.databases()->schemaPanel();
        QCOMPARE(schema->currentSource(), id);
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("books")), 30'000);
        QCOMPARE(schema->model()->snapshot().tables().size(), 2);
        const QString mark = QStringLiteral("shop staging\x1f") + profile.color();
        QTRY_COMPARE(marksOf(window, QStringLiteral("72162e8679fa")), QStringList{mark});
        // Saved without its password; listed after the sandbox.
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("shop staging"));
        QVERIFY(!saved.contains(staging.password().toUtf8()));
        // Back to the sandbox.
        window.databases()->chooseSource(DatabaseWorkbench::sandboxSourceId());
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("loans")), 90'000);
    }
};

QTEST_MAIN(TestDatabaseWorkbench)
#include "tst_databaseworkbench.moc"
