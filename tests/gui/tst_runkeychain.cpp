// Runs, rollback verifications and recoveries of interrupted runs on a saved profile whose password
// only the OS keychain knows (a stand-in keychain here, in front of a real PostgreSQL that wants scram
// passwords, with no PGPASSWORD and no ~/.pgpass): each reads the keychain on a worker thread while
// the window goes on, reaches the server, and the password shows nowhere: not in messages or the Qt
// log, the journal, the reports, the settings, the status bar or the step log.
#include "alembicservice.h"
#include "databaseworkbench.h"
#include "memorysecretstore.h"
#include "migrationrunner.h"
#include "passwordresolver.h"
#include "postgresserver.h"
#include "profilestore.h"
#include "project.h"
#include "runjournal.h"
#include "runpanel.h"
#include "runplandialog.h"
#include "runrecovery.h"
#include "runworkbench.h"
#include "schemapanel.h"
#include "schematreemodel.h"
#include "secretkeeper.h"
#include "verificationresult.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMutex>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>

#include "alembicversions.h"
#include "scratchserver.h"

#include <atomic>

using namespace retort;
using namespace Qt::StringLiterals;
using retort::test::versionsOf;

namespace {

const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
constexpr int kTimeoutMs = 120'000;

/// The keychain's stand-in: memory behind a gate. While held, a read waits (as a slow D-Bus call
/// would) until released, or gives up after a while; every read notes the thread it ran on.
class HeldSecretStore : public SecretStore
{
public:
    std::optional<QString> read(const QString &key, QString *error) override
    {
        {
            QMutexLocker lock(&m_mutex);
            m_readers.append(QThread::currentThread());
        }
        if (m_held) {
            ++waiting;
            const bool released = m_gate.tryAcquire(1, 20'000);
            --waiting;
            if (!released) {
                if (error)
                    *error = u"the keychain was held too long"_s;
                return std::nullopt;
            }
        }
        QMutexLocker lock(&m_mutex);
        return m_store.read(key, error);
    }
    bool write(const QString &key, const QString &secret, QString *error) override
    {
        QMutexLocker lock(&m_mutex);
        return m_store.write(key, secret, error);
    }
    bool remove(const QString &key, QString *error) override
    {
        QMutexLocker lock(&m_mutex);
        return m_store.remove(key, error);
    }

    void hold() { m_held = true; }
    void release()
    {
        m_held = false;
        m_gate.release();
    }
    QList<QThread *> readers() const
    {
        QMutexLocker lock(&m_mutex);
        return m_readers;
    }

    std::atomic_int waiting = 0;

private:
    mutable QMutex m_mutex;
    MemorySecretStore m_store;
    QList<QThread *> m_readers;
    std::atomic_bool m_held = false;
    QSemaphore m_gate;
};

/// Everything Qt logged while the test ran.
QStringList g_logged;
QMutex g_loggedMutex;
QtMessageHandler g_previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_loggedMutex);
        g_logged << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The name of the saved profile of \a database.
QString profileName(const QString &database)
{
    return u"shop "_s + database;
}

/// Retort as the window wires it, on a saved PostgreSQL profile of \a database on the scratch server,
/// saved by an earlier session with its password in the keychain only: the schema pane
/// (DatabaseWorkbench), the Run menu (RunWorkbench on the journal at \a journal, its current
/// revision \a revision) and every message either gives.
struct KeychainDesk
{
    KeychainDesk(test::ScratchServer &server, AlembicService *alembic, const Project &project, const QString &database,
                 ConnectionProfile::Environment environment, const QString &journal, const QString &revision)
        : settings(server.filePath(database + u"-settings.ini"_s), QSettings::IniFormat)
        , profile(saved(settings, server, database, environment))
        , databases(alembic, server.filePath(u"sandbox"_s), &settings)
        , journalPath(journal)
        , runs(alembic, journal, nullptr)
    {
        keychain->write(PasswordResolver::keychainKey(profile), server->password(), nullptr);
        databases.secrets()->setKeychain(keychain);
        runs.setProject(project);
        runs.setSources([revision] { return revision; }, [this](QString *why) { return databases.runDestination(why); });
        QObject::connect(&databases, &DatabaseWorkbench::profileChosen, &runs, &RunWorkbench::setHistoryProfile);
        const auto keep = [this](const QString &message) { messages << message; };
        QObject::connect(&databases, &DatabaseWorkbench::info, &runs, keep);
        QObject::connect(&databases, &DatabaseWorkbench::error, &runs, keep);
        QObject::connect(&runs, &RunWorkbench::info, &runs, keep);
        QObject::connect(&runs, &RunWorkbench::error, &runs, keep);
    }

    static ConnectionProfile saved(QSettings &settings, test::ScratchServer &server, const QString &database,
                                   ConnectionProfile::Environment environment)
    {
        ConnectionProfile profile;
        profile.name = profileName(database);
        profile.kind = ConnectionProfile::Kind::RemotePostgres;
        profile.environment = environment;
        profile.host = server->host();
        profile.port = server->port();
        profile.database = database;
        profile.user = server->user();
        profile.id = ProfileStore(settings).save(profile);
        return profile;
    }

    /// The Run menu's action called \a text.
    QAction *action(const QString &text) const
    {
        for (QAction *action : runs.menu()->actions())
            if (action->text() == text)
                return action;
        qFatal("no action %s in the Run menu", qPrintable(text));
    }

    QSettings settings;
    ConnectionProfile profile;
    std::shared_ptr<HeldSecretStore> keychain = std::make_shared<HeldSecretStore>();
    QStringList messages;
    DatabaseWorkbench databases;
    QString journalPath;
    RunWorkbench runs;
};

} // namespace

class TestRunKeychain : public QObject
{
    Q_OBJECT

    test::ScratchServer m_server;
    std::unique_ptr<AlembicService> m_alembic;
    Project m_demo;

    /// Triggers \a action while the keychain is held, as a slow D-Bus call would hold it: the keychain
    /// is asked, and the window's event loop goes on while it waits.
    void triggerWhileHeld(KeychainDesk &desk, QAction *action)
    {
        QVERIFY(action->isEnabled());
        desk.keychain->hold();
        action->trigger();
        QTRY_COMPARE(desk.keychain->waiting.load(), 1);
        QTimer tick;
        QSignalSpy ticks(&tick, &QTimer::timeout);
        tick.start(5);
        QTRY_VERIFY(ticks.size() >= 3);
    }

    /// The server's password is nowhere: not in \a shown (text the test saw), the desk's messages,
    /// status, step log (run \a runId), history or message boxes, the Qt log, the journal, the run's
    /// reports (the Markdown one names \a inReport: it was written) or the settings.
    void expectPasswordNowhere(KeychainDesk &desk, qint64 runId, const QString &inReport, QStringList shown = {})
    {
        const QString password = m_server->password();
        const QString markdown = desk.journalPath + u".md"_s;
        const QString json = desk.journalPath + u".json"_s;
        QCOMPARE(desk.runs.exportRun(runId, markdown, u"markdown"_s), QString());
        QCOMPARE(desk.runs.exportRun(runId, json, u"json"_s), QString());
        desk.settings.sync();
        RunPanel *panel = desk.runs.panel();
        panel->showRecord(desk.runs.journal().run(runId));
        shown << desk.messages.join(u'\n') << desk.databases.statusLabel()->text() << desk.databases.statusLabel()->toolTip()
              << desk.databases.schemaPanel()->statusText() << panel->summary()->text();
        for (int row = 0; row < panel->model()->rowCount(); ++row) {
            panel->stepTable()->selectRow(row);
            shown << panel->details()->toPlainText();
        }
        for (int i = 0; i < panel->history()->count(); ++i)
            shown << panel->history()->itemText(i) << panel->history()->itemData(i, Qt::ToolTipRole).toString();
        for (QWidget *window : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(window))
                shown << box->text() << box->informativeText() << box->detailedText();
        {
            QMutexLocker lock(&g_loggedMutex);
            shown << g_logged;
        }
        QVERIFY(!shown.join(u'\n').contains(password));
        for (const QString &file : {desk.journalPath, desk.journalPath + u"-wal"_s, markdown, json, desk.settings.fileName()})
            QVERIFY2(!fileContents(file).contains(password.toUtf8()), qPrintable(file));
        QVERIFY(fileContents(markdown).contains(inReport.toUtf8()));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<VerificationResult>();
        g_previousHandler = qInstallMessageHandler(keepMessage);
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        // No password but the keychain's, for Retort and for the helper it starts.
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", m_server.filePath(u"no-pgpass"_s).toLocal8Bit());
        m_demo = Project::load(kDemo);
        m_alembic = std::make_unique<AlembicService>();
        m_alembic->setProject(m_demo.config(), {u"/usr/bin/python3"_s, InterpreterCandidate::Source::Setting});
    }

    void cleanupTestCase()
    {
        m_alembic.reset();
        m_server.stop();
        qInstallMessageHandler(g_previousHandler);
    }

    void aRunUsesThePasswordOnlyTheKeychainKnows()
    {
        const QString password = m_server->password();
        QVERIFY(password.size() >= 12);
        const QString database = m_server.freshDatabaseName();
        QSettings settings(m_server.filePath(u"settings.ini"_s), QSettings::IniFormat);
        ConnectionProfile profile;
        profile.name = u"shop dev"_s;
        profile.kind = ConnectionProfile::Kind::RemotePostgres;
        profile.environment = ConnectionProfile::Environment::Dev;
        profile.host = m_server->host();
        profile.port = m_server->port();
        profile.database = database;
        profile.user = m_server->user();
        // Saved by an earlier session, its password in the keychain.
        profile.id = ProfileStore(settings).save(profile);
        auto keychain = std::make_shared<HeldSecretStore>();
        QVERIFY(keychain->write(PasswordResolver::keychainKey(profile), password, nullptr));

        DatabaseWorkbench databases(m_alembic.get(), m_server.filePath(u"sandbox"_s), &settings);
        databases.secrets()->setKeychain(keychain);
        const QString journalPath = m_server.filePath(u"runs.sqlite"_s);
        RunWorkbench runs(m_alembic.get(), journalPath, nullptr);
        runs.setProject(m_demo);
        const QString first = RunPlan::make(m_demo.graph(), {}, u"heads"_s, true).steps.at(0).revision;
        runs.setSources([&first] { return first; },
                        [&databases](QString *why) { return databases.runDestination(why); });
        connect(&databases, &DatabaseWorkbench::profileChosen, &runs, &RunWorkbench::setHistoryProfile);
        QStringList messages;
        const auto keep = [&messages](const QString &message) { messages << message; };
        connect(&databases, &DatabaseWorkbench::info, this, keep);
        connect(&databases, &DatabaseWorkbench::error, this, keep);
        connect(&runs, &RunWorkbench::info, this, keep);
        connect(&runs, &RunWorkbench::error, this, keep);

        // The schema pane reads the keychain for itself and shows the schema.
        QSignalSpy asked(&databases, &DatabaseWorkbench::passwordRequested);
        QSignalSpy shown(&databases, &DatabaseWorkbench::schemaShown);
        databases.chooseSource(profile.id);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 30'000);
        QVERIFY2(!databases.statusLabel()->text().startsWith(u"⚠"_s), qPrintable(databases.statusLabel()->text()));
        QCOMPARE(asked.size(), 0);
        QCOMPARE(runs.panel()->historyFilter(), u"shop dev"_s);

        // No password typed this session: the run's destination looks for it in the keychain.
        std::optional<RunDestination> destination = databases.runDestination();
        QVERIFY(destination.has_value());
        QVERIFY(!destination->url.contains(password));
        QVERIFY(destination->keychainUrl);
        QString lookedUp;
        QThread *lookup = QThread::create([&] { lookedUp = destination->keychainUrl(nullptr); });
        lookup->start();
        QVERIFY(lookup->wait(30'000));
        delete lookup;
        QCOMPARE(lookedUp, profile.toSqlalchemyUrl(password));

        // Upgrade to the first revision while the keychain takes its time: the window goes on.
        QAction *upgradeHere = runs.menu()->actions().at(0);
        QCOMPARE(upgradeHere->text(), u"&Upgrade Database to Here…"_s);
        keychain->hold();
        upgradeHere->trigger();
        QTRY_COMPARE(keychain->waiting.load(), 1);
        QTimer tick;
        QSignalSpy ticks(&tick, &QTimer::timeout);
        tick.start(5);
        QTRY_VERIFY(ticks.size() >= 3); // the event loop runs while the keychain is read
        QVERIFY(runs.planDialog() == nullptr);
        keychain->release();
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog() != nullptr, kTimeoutMs);
        for (QThread *reader : keychain->readers())
            QVERIFY(reader != qApp->thread());

        QSignalSpy finished(&runs, &RunWorkbench::runFinished);
        QTRY_VERIFY_WITH_TIMEOUT(runs.planDialog()->runButton()->isEnabled(), kTimeoutMs);
        runs.planDialog()->runButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        const RunRecord record = finished.at(0).at(0).value<RunRecord>();
        QVERIFY2(record.status == RunStatus::Succeeded, qPrintable(record.error));
        QCOMPARE(record.versionsAfter, QStringList{first});
        QCOMPARE(versionsOf(m_server->sqlalchemyUrl(database)), QStringList{first});
        QCOMPARE(record.profile, u"shop dev"_s);
        QVERIFY(runs.panel()->history()->findData(record.id) >= 0); // in its profile's history

        // The keychain's password was the only way in: without it the same run cannot even be planned.
        QVERIFY(keychain->remove(PasswordResolver::keychainKey(profile), nullptr));
        QSignalSpy errors(&runs, &RunWorkbench::error);
        runs.menu()->actions().at(3)->trigger(); // Upgrade Database to Heads
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), kTimeoutMs);
        QVERIFY2(errors.at(0).at(0).toString().contains(u"password"_s), qPrintable(errors.at(0).at(0).toString()));
        QVERIFY(runs.planDialog() == nullptr);

        // Nowhere to be seen.
        QCOMPARE(runs.exportRun(record.id, m_server.filePath(u"run.md"_s), u"markdown"_s), QString());
        QCOMPARE(runs.exportRun(record.id, m_server.filePath(u"run.json"_s), u"json"_s), QString());
        settings.sync();
        RunPanel *panel = runs.panel();
        panel->showRecord(runs.journal().run(record.id));
        QStringList shownText{messages.join(u'\n'), databases.statusLabel()->text(), databases.statusLabel()->toolTip(),
                              databases.schemaPanel()->statusText(), panel->summary()->text()};
        for (int row = 0; row < panel->model()->rowCount(); ++row) {
            panel->stepTable()->selectRow(row);
            shownText << panel->details()->toPlainText();
        }
        for (int i = 0; i < panel->history()->count(); ++i)
            shownText << panel->history()->itemText(i) << panel->history()->itemData(i, Qt::ToolTipRole).toString();
        {
            QMutexLocker lock(&g_loggedMutex);
            shownText << g_logged;
        }
        QVERIFY(!shownText.join(u'\n').contains(password));
        for (const QString &file : {journalPath, journalPath + u"-wal"_s, m_server.filePath(u"run.md"_s),
                                    m_server.filePath(u"run.json"_s), settings.fileName()})
            QVERIFY2(!fileContents(file).contains(password.toUtf8()), qPrintable(file));
        QVERIFY(fileContents(m_server.filePath(u"run.md"_s)).contains(first.toUtf8())); // the report is there
    }

    void aVerificationUsesThePasswordOnlyTheKeychainKnows()
    {
        const QString password = m_server->password();
        const QString first = RunPlan::make(m_demo.graph(), {}, u"heads"_s, true).steps.at(0).revision;
        const QString database = m_server.freshDatabaseName();
        // Verification changes the database: a local one.
        KeychainDesk desk(m_server, m_alembic.get(), m_demo, database, ConnectionProfile::Environment::Local,
                          m_server.filePath(u"verify.sqlite"_s), first);
        QSignalSpy shown(&desk.databases, &DatabaseWorkbench::schemaShown);
        desk.databases.chooseSource(desk.profile.id);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 30'000);
        QTRY_COMPARE(desk.databases.secrets()->keychainState(), SecretKeeper::KeychainState::Available);
        const std::optional<RunDestination> destination = desk.databases.runDestination();
        QVERIFY(destination && destination->keychainUrl && !destination->url.contains(password));

        // Verify the first revision's downgrade while the keychain takes its time: the window goes on,
        // and nothing starts before the keychain answers.
        QSignalSpy verified(&desk.runs, &RunWorkbench::verified);
        QAction *verify = desk.action(u"&Verify Downgrade of This Revision…"_s);
        triggerWhileHeld(desk, verify);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(desk.runs.verifier() == nullptr);
        QCOMPARE(verified.size(), 0);
        desk.keychain->release();
        QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 1, kTimeoutMs);
        const VerificationResult result = verified.at(0).at(0).value<VerificationResult>();
        QVERIFY2(result.restored(), qPrintable(result.error));
        for (QThread *reader : desk.keychain->readers())
            QVERIFY(reader != qApp->thread());
        const RunRecord run = desk.runs.journal().run(result.run.id);
        QCOMPARE(run.kind, RunRecord::Kind::Verify);
        QCOMPARE(run.profile, desk.profile.name);
        QVERIFY(!run.steps.isEmpty() && run.steps.constFirst().revision == first);
        QVERIFY(desk.runs.panel()->history()->findData(run.id) >= 0); // in its profile's history

        // The keychain's password was the only way in: without it the same verification reaches no verdict.
        QVERIFY(desk.keychain->remove(PasswordResolver::keychainKey(desk.profile), nullptr));
        verify->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 2, kTimeoutMs);
        const VerificationResult refused = verified.at(1).at(0).value<VerificationResult>();
        QVERIFY(!refused.restored());
        QVERIFY2(refused.error.contains(u"password"_s), qPrintable(refused.error));

        expectPasswordNowhere(desk, run.id, first);
    }

    void aRecoveryReadsTheDatabaseWithThePasswordOnlyTheKeychainKnows()
    {
        const RunPlan plan = RunPlan::make(m_demo.graph(), {}, u"heads"_s, true);
        const QString first = plan.steps.at(0).revision;
        const QString database = m_server.freshDatabaseName();
        // The database at the first revision (brought there with the password in hand) ...
        {
            RunWorkbench setup(m_alembic.get(), m_server.filePath(u"setup.sqlite"_s), nullptr);
            setup.setProject(m_demo);
            setup.planRun({m_server->sqlalchemyUrl(database), database, database, u"setup"_s, u"local"_s, {}}, first, true);
            QTRY_VERIFY_WITH_TIMEOUT(setup.planDialog() && setup.planDialog()->runButton()->isEnabled(), kTimeoutMs);
            QSignalSpy finished(&setup, &RunWorkbench::runFinished);
            setup.planDialog()->runButton()->click();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
            QCOMPARE(versionsOf(m_server->sqlalchemyUrl(database)), QStringList{first});
        }
        // ... and a journal whose run to heads on the profile died in its first step: the journal knows
        // no step that finished, the database has the first step's change.
        const QString journalPath = m_server.filePath(u"recover.sqlite"_s);
        qint64 id = 0;
        {
            RunJournal dying;
            QCOMPARE(dying.open(journalPath), QString());
            RunRecord header;
            header.profile = profileName(database);
            header.database = u"postgresql://"_s + m_server->user() + u"@127.0.0.1/"_s + database;
            header.environment = u"dev"_s;
            header.target = u"heads"_s;
            header.upgrade = true;
            for (qsizetype i = 0; i < 2; ++i) {
                RunStepRecord step;
                step.index = int(i);
                step.revision = plan.steps.at(i).revision;
                step.versionsBefore = plan.steps.at(i).versionsBefore;
                step.versionsExpected = plan.steps.at(i).versionsAfter;
                header.steps.append(step);
            }
            id = dying.beginRun(header);
            QVERIFY(id > 0);
            QCOMPARE(dying.stepStarted(id, 0, {}, QDateTime::currentDateTimeUtc()), QString());
        }
        KeychainDesk desk(m_server, m_alembic.get(), m_demo, database, ConnectionProfile::Environment::Dev, journalPath, first);
        QCOMPARE(desk.runs.recovery()->interrupted().size(), 1);
        QSignalSpy shown(&desk.databases, &DatabaseWorkbench::schemaShown);
        desk.databases.chooseSource(desk.profile.id);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 30'000);
        QTRY_COMPARE(desk.databases.secrets()->keychainState(), SecretKeeper::KeychainState::Available);
        QAction *recover = desk.action(u"&Recover Interrupted Run…"_s);

        // Without the keychain's password the database cannot be read, and nothing is offered.
        QVERIFY(desk.keychain->remove(PasswordResolver::keychainKey(desk.profile), nullptr));
        QSignalSpy errors(&desk.runs, &RunWorkbench::error);
        recover->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), kTimeoutMs);
        const QString refused = errors.constLast().at(0).toString();
        QVERIFY2(refused.startsWith(u"Cannot read"_s) && refused.contains(u"password"_s), qPrintable(refused));
        QVERIFY(desk.runs.recovery()->question() == nullptr);

        // With it (read while the window goes on), the database's real alembic_version is shown.
        QVERIFY(desk.keychain->write(PasswordResolver::keychainKey(desk.profile), m_server->password(), nullptr));
        triggerWhileHeld(desk, recover);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(desk.runs.recovery()->question() == nullptr);
        desk.keychain->release();
        QTRY_VERIFY_WITH_TIMEOUT(desk.runs.recovery()->question() != nullptr, kTimeoutMs);
        for (QThread *reader : desk.keychain->readers())
            QVERIFY(reader != qApp->thread());
        QMessageBox *question = desk.runs.recovery()->question();
        const QString text = question->text();
        QVERIFY2(text.contains(u"Last alembic_version the journal knows: base"_s), qPrintable(text));
        QVERIFY2(text.contains(u"The database's alembic_version now: "_s + first), qPrintable(text));
        QVERIFY2(text.contains(u"(it committed)"_s), qPrintable(text));
        QAbstractButton *close = nullptr;
        for (QAbstractButton *button : question->buttons())
            if (button->text() == u"Close Run"_s)
                close = button;
        QVERIFY(close);
        close->click();
        QCOMPARE(desk.runs.recovery()->interrupted().size(), 0);
        const RunRecord closed = desk.runs.journal().run(id);
        QCOMPARE(closed.status, RunStatus::Interrupted);
        QCOMPARE(closed.versionsAfter, QStringList{first});

        expectPasswordNowhere(desk, id, first, {text});
    }
};

QTEST_MAIN(TestRunKeychain)
#include "tst_runkeychain.moc"
