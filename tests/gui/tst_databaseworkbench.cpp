// The sandbox in the window, for real: opening the demo starts Retort's PostgreSQL, Alembic upgrades
// the new database to heads, and the graph marks where the sandbox is. Other databases: a refused
// login asks for the password (kept in the keychain or for the session, never in settings or the
// log), the environment tag in the status bar, and a compose file's service started by a stand-in
// docker with a real server behind its port.
#include "alembicprojectwriter.h"
#include "composeservicestarter.h"
#include "connectionprofile.h"
#include "databaseworkbench.h"
#include "failingsecretstore.h"
#include "logview.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "passworddialog.h"
#include "passwordresolver.h"
#include "postgresserver.h"
#include "revisiongraphmodel.h"
#include "revisiongraphview.h"
#include "runpanel.h"
#include "runworkbench.h"
#include "sandboxservice.h"
#include "schemapanel.h"
#include "schematreemodel.h"
#include "scriptfile.h"
#include "secretkeeper.h"
#include "serverfolder.h"
#include "windowtesting.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
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

/// A real server with a database "shop" holding a table "books".
bool startServer(PostgresServer &server, QString *error)
{
    if (!server.start(error) || !server.createDatabase(QStringLiteral("shop"), error))
        return false;
    pqxx::connection connection(server.connectionString(QStringLiteral("shop")).toStdString());
    pqxx::nontransaction work(connection);
    work.exec("CREATE TABLE books (id integer PRIMARY KEY, title text)");
    return true;
}

ConnectionProfile profileOf(const PostgresServer &server, ConnectionProfile::Environment environment)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("shop %1").arg(ConnectionProfile::environmentName(environment));
    profile.kind = ConnectionProfile::Kind::RemotePostgres;
    profile.environment = environment;
    profile.host = server.host();
    profile.port = server.port();
    profile.database = QStringLiteral("shop");
    profile.user = server.user();
    return profile;
}

/// Types \a password into the open prompt, checks "Remember" as asked and presses Connect.
bool answerPrompt(DatabaseWorkbench *databases, const QString &password, bool remember = false)
{
    PasswordDialog *prompt = databases->passwordPrompt();
    if (!prompt || !prompt->isVisible())
        return false;
    prompt->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(remember);
    QTest::keyClicks(prompt->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), password);
    prompt->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    return true;
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Everything the window shows or keeps as text about its databases, to look for a password in.
QString everythingShown(const MainWindow &window, const QStringList &messages)
{
    DatabaseWorkbench *databases = window.databases();
    return QStringList{window.logView()->toPlainText(),
                       messages.join(u'\n'),
                       databases->statusLabel()->text(),
                       databases->statusLabel()->toolTip(),
                       databases->environmentLabel()->toolTip(),
                       databases->schemaPanel()->statusText(),
                       QString::fromUtf8(databases->schemaPanel()->model()->snapshot().toJson())}
        .join(u'\n');
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
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("books")),
                                 30'000);
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
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("main"), QStringLiteral("books")),
                                 90'000);
        qunsetenv("RETORT_PG_BINDIR");
        const QString mark = QStringLiteral("sandbox\x1f") + QLatin1String(DatabaseWorkbench::kSandboxColor);
        QTRY_COMPARE(marksOf(window, QStringLiteral("09360dc33310")), QStringList{mark});
        QVERIFY(window.databases()->statusLabel()->text().contains(QLatin1String("SQLite")));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("sandbox/")) + window.databases()->sandboxDatabase() +
                                  QStringLiteral(".sqlite")));
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
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("books")),
                                 30'000);
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
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("loans")),
                                 90'000);
    }

    void aRefusedLoginAsksForThePasswordKeptForTheSession()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        PostgresServer server(dir.filePath(QStringLiteral("remote")));
        QString error;
        QVERIFY2(startServer(server, &error), qPrintable(error));
        qunsetenv("PGPASSWORD"); // no password from anywhere but the prompt
        qputenv("PGPASSFILE", dir.filePath(QStringLiteral("no-pgpass")).toLocal8Bit());
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        window.enableSandbox(dir.filePath(QStringLiteral("sandbox")));
        window.show();
        DatabaseWorkbench *databases = window.databases();
        // A keychain that does not work, as on this headless machine: memory for the session, and a note.
        auto keychain = std::make_shared<retort::test::FailingSecretStore>(QStringLiteral("no Secret Service here"));
        databases->secrets()->setKeychain(keychain);
        QStringList messages;
        connect(databases, &DatabaseWorkbench::info, this, [&messages](const QString &m) { messages << m; });
        connect(databases, &DatabaseWorkbench::error, this, [&messages](const QString &m) { messages << m; });
        QSignalSpy asked(databases, &DatabaseWorkbench::passwordRequested);

        const QString id = databases->addProfile(profileOf(server, ConnectionProfile::Environment::Production));
        QVERIFY(asked.wait(30'000));
        QCOMPARE(asked.constFirst().constFirst().toString(), id);
        PasswordDialog *prompt = databases->passwordPrompt();
        QVERIFY(prompt);
        QCOMPARE(prompt->windowModality(), Qt::WindowModal); // over the window, no nested event loop
        QCOMPARE(databases->statusLabel()->text(), QStringLiteral("⚠ shop production: login refused"));
        QVERIFY(prompt->findChild<QLabel *>(QStringLiteral("passwordReason"))
                    ->text()
                    .contains(QLatin1String("no password supplied")));
        auto *note = prompt->findChild<QLabel *>(QStringLiteral("keychainNote"));
        QTRY_VERIFY(note->text().contains(QLatin1String("no Secret Service here")));
        QVERIFY(note->text().contains(QLatin1String("for this session only")));
        QVERIFY(!prompt->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->isEnabled());

        // A wrong password is refused and asked for again.
        QVERIFY(answerPrompt(databases, QStringLiteral("not-the-password")));
        QVERIFY(asked.wait(30'000));
        QVERIFY(databases->passwordPrompt()
                    ->findChild<QLabel *>(QStringLiteral("passwordReason"))
                    ->text()
                    .contains(QLatin1String("password authentication failed")));
        QVERIFY(answerPrompt(databases, server.password()));
        SchemaPanel *schema = databases->schemaPanel();
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("books")),
                                 30'000);
        QCOMPARE(asked.size(), 2);
        QVERIFY(databases->statusLabel()->text().contains(QLatin1String("shop production")));
        QVERIFY(messages.join(u'\n').contains(QLatin1String("for this session only")));

        // Kept for the session: reading again asks nothing.
        QSignalSpy shown(databases, &DatabaseWorkbench::schemaShown);
        databases->refresh();
        QVERIFY(shown.wait(30'000));
        QCOMPARE(asked.size(), 2);
        QCOMPARE(keychain->writes, 0);

        // Nowhere else: not in the settings, the log, the messages, the status bar or the schema.
        settings.sync();
        const QByteArray saved = fileContents(settings.fileName());
        QVERIFY(saved.contains("shop production"));
        for (const QString &password : {server.password(), QStringLiteral("not-the-password")}) {
            QVERIFY(!saved.contains(password.toUtf8()));
            QVERIFY(!everythingShown(window, messages).contains(password));
        }
    }

    void aWorkingKeychainRemembersThePasswordForTheNextSession()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        PostgresServer server(dir.filePath(QStringLiteral("remote")));
        QString error;
        QVERIFY2(startServer(server, &error), qPrintable(error));
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", dir.filePath(QStringLiteral("no-pgpass")).toLocal8Bit());
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        auto keychain = std::make_shared<MemorySecretStore>(); // stands in for a working OS keychain
        QString id;
        {
            MainWindow window(&settings);
            window.enableSandbox(dir.filePath(QStringLiteral("sandbox")));
            window.show();
            DatabaseWorkbench *databases = window.databases();
            databases->secrets()->setKeychain(keychain);
            QSignalSpy asked(databases, &DatabaseWorkbench::passwordRequested);
            QSignalSpy info(databases, &DatabaseWorkbench::info);
            id = databases->addProfile(profileOf(server, ConnectionProfile::Environment::Staging));
            QVERIFY(asked.wait(30'000));
            auto *remember = databases->passwordPrompt()->findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
            QTRY_VERIFY(remember->isEnabled());
            QVERIFY(!databases->passwordPrompt()
                         ->findChild<QLabel *>(QStringLiteral("keychainNote"))
                         ->isVisibleTo(databases->passwordPrompt()));
            QVERIFY(answerPrompt(databases, server.password(), true));
            QTRY_VERIFY_WITH_TIMEOUT(
                databases->schemaPanel()->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("books")),
                30'000);
            QTRY_VERIFY(std::any_of(info.cbegin(), info.cend(), [](const QList<QVariant> &m) {
                return m.constFirst().toString().contains(QLatin1String("kept in the keychain"));
            }));
        }
        ConnectionProfile saved;
        saved.id = id;
        QCOMPARE(keychain->read(PasswordResolver::keychainKey(saved)), std::optional<QString>(server.password()));

        // The next session finds it in the keychain (read off the GUI thread) and asks nothing.
        MainWindow window(&settings);
        window.enableSandbox(dir.filePath(QStringLiteral("sandbox")));
        DatabaseWorkbench *databases = window.databases();
        databases->secrets()->setKeychain(keychain);
        QSignalSpy asked(databases, &DatabaseWorkbench::passwordRequested);
        databases->chooseSource(id);
        QTRY_VERIFY_WITH_TIMEOUT(
            databases->schemaPanel()->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("books")),
            30'000);
        QCOMPARE(asked.size(), 0);
        settings.sync();
        QVERIFY(!fileContents(settings.fileName()).contains(server.password().toUtf8()));
    }

    void theStatusBarShowsTheEnvironmentOfEveryKind()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        PostgresServer server(dir.filePath(QStringLiteral("remote")));
        QString error;
        QVERIFY2(startServer(server, &error), qPrintable(error));
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        window.enableSandbox(dir.filePath(QStringLiteral("sandbox")));
        window.show();
        DatabaseWorkbench *databases = window.databases();
        QLabel *tag = window.statusBar()->findChild<QLabel *>(QStringLiteral("databaseEnvironment"));
        QCOMPARE(tag, databases->environmentLabel());
        QVERIFY(!tag->isVisible()); // no project, no database yet
        // The Runs dock's History list follows the chosen database.
        const auto history = [&window] { return window.runs()->panel()->historyFilter(); };
        QCOMPARE(history(), QStringLiteral("Sandbox"));
        const auto shows = [tag](const char *word, const QString &color) {
            return tag->isVisible() && tag->text() == QLatin1String(word) &&
                   tag->property("color").toString() == color && tag->styleSheet().contains(color);
        };
        using Environment = ConnectionProfile::Environment;
        databases->addProfile(profileOf(server, Environment::Staging), server.password());
        QVERIFY(shows("staging", QStringLiteral("#ef6c00")));
        QCOMPARE(history(), QStringLiteral("shop staging"));
        QTRY_VERIFY_WITH_TIMEOUT(databases->statusLabel()->text().contains(QLatin1String("shop staging")), 30'000);
        const QString production = databases->addProfile(profileOf(server, Environment::Production), server.password());
        QVERIFY(shows("production", QStringLiteral("#c62828")));
        QVERIFY(tag->toolTip().contains(QLatin1String("shop production")));
        ConnectionProfile file;
        file.name = QStringLiteral("local file");
        file.kind = ConnectionProfile::Kind::SqliteFile;
        file.environment = Environment::Dev;
        file.sqlitePath = dir.filePath(QStringLiteral("local.sqlite"));
        QFile(file.sqlitePath).open(QIODevice::WriteOnly);
        databases->addProfile(file);
        QVERIFY(shows("dev", QStringLiteral("#1565c0")));
        QCOMPARE(history(), QStringLiteral("local file"));
        databases->chooseSource(production); // back: the tag follows the choice
        QVERIFY(shows("production", QStringLiteral("#c62828")));
        QCOMPARE(history(), QStringLiteral("shop production"));
        databases->chooseSource(DatabaseWorkbench::sandboxSourceId());
        QCOMPARE(history(), QStringLiteral("Sandbox"));
        databases->chooseSource(production);
        // RETORT_STATUSBAR_PNG=/tmp/statusbar.png: the status bar with the production tag, for a look.
        QTRY_VERIFY_WITH_TIMEOUT(databases->statusLabel()->text().contains(QLatin1String("shop production")), 30'000);
        if (const QByteArray png = qgetenv("RETORT_STATUSBAR_PNG"); !png.isEmpty())
            QVERIFY(window.statusBar()->grab().save(QString::fromLocal8Bit(png)));
        // The sandbox (local, its own colour) once a project is open: in the compose test below.
    }

    void aComposeServiceStartsWaitsAndShowsItsSchema()
    {
        QTemporaryDir dir;
        QVERIFY(retort::test::openToServerUser(dir.path()));
        PostgresServer server(dir.filePath(QStringLiteral("service")));
        QString error;
        QVERIFY2(startServer(server, &error), qPrintable(error));
        QTcpServer probe; // a port nothing listens on once probe is closed
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QByteArray closed = QByteArray::number(probe.serverPort());
        probe.close();
        QTemporaryDir projectDir;
        const QString root = retort::test::makeProject(
            projectDir,
            {{QStringLiteral("a1_first.py"), retort::test::revisionSource("a1", "", retort::test::createTable("a1"))}});
        const QString composeFile = root + QStringLiteral("/compose.yaml");
        QVERIFY(retort::test::writeFile(
            composeFile, "services:\n  db:\n    image: postgres:15\n    environment:\n      POSTGRES_USER: " +
                             server.user().toUtf8() + "\n      POSTGRES_PASSWORD: '" + server.password().toUtf8() +
                             "'\n      POSTGRES_DB: shop\n    ports:\n"
                             "      - \"127.0.0.1:" +
                             QByteArray::number(server.port()) +
                             ":5432\"\n  broken:\n    image: postgres:15\n"
                             "    ports: [\"" +
                             closed + ":5432\"]\n  slow:\n    image: postgres:15\n    ports:\n      - " + closed +
                             ":5432\n  cache:\n    image: redis:7\n"));
        // The stand-in docker: records its arguments; "broken" fails like a missing image.
        const QString bin = dir.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        const QString args = dir.filePath(QStringLiteral("docker-args"));
        QVERIFY(retort::test::writeExecutable(
            bin + QStringLiteral("/docker"),
            "#!/bin/sh\necho \"$@\" >> '" + QFile::encodeName(args) +
                "'\n"
                "if [ \"$6\" = broken ]; then echo 'Error response from daemon: pull access denied' >&2; exit 1; fi\n"
                "echo \" Container shop-$6-1  Started\"\n"));
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(bin) + ':' + path);

        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        window.enableSandbox(dir.filePath(QStringLiteral("sandbox")));
        window.show();
        QVERIFY(openAndWait(window, root));
        DatabaseWorkbench *databases = window.databases();
        // The sandbox first (started, Alembic's upgrade tried, its schema read), so nothing else writes
        // into the pane while the services start.
        QTRY_VERIFY_WITH_TIMEOUT(databases->statusLabel()->text().startsWith(QStringLiteral("◉ Sandbox")), 90'000);
        databases->composeStarter()->setTimeouts(10'000, 30'000);
        QCOMPARE(databases->composeFile(), composeFile);
        QLabel *tag = databases->environmentLabel();
        QVERIFY(tag->isVisible()); // the sandbox: local, in its own colour
        QCOMPARE(tag->text(), QStringLiteral("local"));
        QCOMPARE(tag->property("color").toString(), QLatin1String(DatabaseWorkbench::kSandboxColor));
        SchemaPanel *schema = databases->schemaPanel();
        auto *start = schema->findChild<QToolButton *>(QStringLiteral("schemaStartService"));
        QVERIFY(start->isVisible());
        const auto action = [start](const char *service) {
            return start->menu()->findChild<QAction *>(QStringLiteral("startService_") + QLatin1String(service));
        };
        QCOMPARE(start->menu()->actions().size(), 3); // not the cache
        QVERIFY(!action("cache"));

        // A failing docker compose up: the file and the service named, in the pane and the log.
        action("broken")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(schema->statusText().contains(QLatin1String("exit code 1")), 20'000);
        QVERIFY(schema->statusText().contains(composeFile));
        QVERIFY(schema->statusText().contains(QLatin1String("broken")));
        QVERIFY(window.logView()->toPlainText().contains(QLatin1String("pull access denied")));

        // Waiting for a port that never answers: Cancel ends it.
        action("slow")->trigger();
        auto *activity = schema->findChild<QLabel *>(QStringLiteral("schemaActivity"));
        QTRY_VERIFY_WITH_TIMEOUT(activity->text().contains(QLatin1String("Waiting for slow")), 20'000);
        auto *cancel = schema->findChild<QToolButton *>(QStringLiteral("schemaCancel"));
        QVERIFY(cancel->isVisible());
        cancel->click();
        QVERIFY(schema->statusText().contains(QLatin1String("cancelled")));
        QVERIFY(!databases->composeStarter()->isBusy());

        // The database service: started, waited for, added as a local profile and shown.
        action("db")->trigger();
        const QString id =
            DockerCompose::profileFor(DockerCompose::postgresServices(composeFile).constFirst(), composeFile).id;
        QTRY_COMPARE_WITH_TIMEOUT(schema->currentSource(), id, 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(schema->model()->snapshot().table(QStringLiteral("public"), QStringLiteral("books")),
                                 30'000);
        qputenv("PATH", path);
        QCOMPARE(tag->text(), QStringLiteral("local"));
        QCOMPARE(tag->property("color").toString(),
                 ConnectionProfile::environmentColor(ConnectionProfile::Environment::Local));
        QVERIFY(databases->statusLabel()->text().contains(QLatin1String("db (compose)")));
        const QStringList calls = QString::fromUtf8(fileContents(args)).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(calls.size(), 3);
        QCOMPARE(calls.constLast(), QStringLiteral("compose -f %1 up -d db").arg(composeFile));
        const QString log = window.logView()->toPlainText();
        QVERIFY(log.contains(QLatin1String("Container shop-db-1  Started")));
        QVERIFY(!log.contains(server.password()));
        settings.sync();
        QVERIFY(!fileContents(settings.fileName()).contains(server.password().toUtf8()));
    }
};

QTEST_MAIN(TestDatabaseWorkbench)
#include "tst_databaseworkbench.moc"
