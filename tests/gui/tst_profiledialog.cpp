// The connection profile dialog: fields per kind, OK only when complete, a profile without a
// password, the production warning, and "Test connection" against a real PostgreSQL server.
#include "memorysecretstore.h"
#include "postgresserver.h"
#include "profiledialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "serverfolder.h"
#include <memory>

using namespace retort;

namespace {

constexpr int kTestMs = 15'000;

template <typename T> T *child(const QDialog &dialog, const char *name)
{
    return dialog.findChild<T *>(QString::fromLatin1(name));
}

QPushButton *okButton(const QDialog &dialog)
{
    auto *box = dialog.findChild<QDialogButtonBox *>();
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

/// Visible as far as the dialog is concerned (the dialog itself need not be shown).
bool shown(const QDialog &dialog, const char *name)
{
    auto *widget = child<QWidget>(dialog, name);
    return widget && widget->isVisibleTo(&dialog);
}

void selectData(QComboBox *combo, const QVariant &data)
{
    combo->setCurrentIndex(combo->findData(data));
}

ConnectionProfile remoteProfile()
{
    ConnectionProfile p;
    p.id = QStringLiteral("0b7f3c2e-profile");
    p.name = QStringLiteral("Staging bookshelf");
    p.kind = ConnectionProfile::Kind::RemotePostgres;
    p.environment = ConnectionProfile::Environment::Staging;
    p.host = QStringLiteral("db.staging.example");
    p.port = 6432;
    p.database = QStringLiteral("bookshelf");
    p.user = QStringLiteral("app");
    p.sslMode = QStringLiteral("verify-full");
    p.sslRootCert = QStringLiteral("/etc/ssl/staging-root.crt");
    return p;
}

} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    std::unique_ptr<PostgresServer> m_server;

    ConnectionProfile serverProfile() const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("Test server");
        p.kind = ConnectionProfile::Kind::RemotePostgres;
        p.environment = ConnectionProfile::Environment::Production;
        p.host = m_server->host();
        p.port = m_server->port();
        p.database = QStringLiteral("postgres");
        p.user = m_server->user();
        p.sslMode = QStringLiteral("disable");
        return p;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(), "PostgreSQL's server binaries are required (postgresql-15)");
        QVERIFY(m_serverDir.isValid());
        QVERIFY(retort::test::openToServerUser(m_serverDir.path()));
        m_server = std::make_unique<PostgresServer>(m_serverDir.filePath(QStringLiteral("server")));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.reset(); }

    void fieldsFollowTheKind()
    {
        ProfileDialog dialog(remoteProfile(), nullptr);
        QVERIFY(shown(dialog, "hostEdit"));
        QVERIFY(shown(dialog, "portSpin"));
        QVERIFY(shown(dialog, "databaseEdit"));
        QVERIFY(shown(dialog, "userEdit"));
        QVERIFY(shown(dialog, "sslModeCombo"));
        QVERIFY(shown(dialog, "sslRootCertEdit"));
        QVERIFY(shown(dialog, "passwordEdit"));
        QVERIFY(shown(dialog, "rememberCheck"));
        QVERIFY(!shown(dialog, "serviceEdit"));
        QVERIFY(!shown(dialog, "sqlitePathEdit"));
        QVERIFY(!shown(dialog, "sqliteBrowseButton"));

        // A libpq service replaces host and port.
        child<QComboBox>(dialog, "connectViaCombo")->setCurrentIndex(1);
        QVERIFY(shown(dialog, "serviceEdit"));
        QVERIFY(!shown(dialog, "hostEdit"));
        QVERIFY(!shown(dialog, "portSpin"));
        QVERIFY(shown(dialog, "databaseEdit"));

        selectData(child<QComboBox>(dialog, "kindCombo"), int(ConnectionProfile::Kind::SqliteFile));
        QVERIFY(shown(dialog, "sqlitePathEdit"));
        QVERIFY(shown(dialog, "sqliteBrowseButton"));
        for (const char *name : {"hostEdit", "portSpin", "serviceEdit", "databaseEdit", "userEdit", "sslModeCombo",
                                 "sslRootCertEdit", "passwordEdit", "rememberCheck", "connectViaCombo"})
            QVERIFY2(!shown(dialog, name), name);
    }

    void okNeedsTheRequiredFields()
    {
        ConnectionProfile empty;
        ProfileDialog dialog(empty, nullptr);
        QPushButton *ok = okButton(dialog);
        QVERIFY(ok);
        QVERIFY(!ok->isEnabled());
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("Production"));
        child<QLineEdit>(dialog, "hostEdit")->setText(QStringLiteral("db.example"));
        child<QLineEdit>(dialog, "databaseEdit")->setText(QStringLiteral("shop"));
        QVERIFY(!ok->isEnabled()); // no user yet
        child<QLineEdit>(dialog, "userEdit")->setText(QStringLiteral("app"));
        QVERIFY(ok->isEnabled());
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("   "));
        QVERIFY(!ok->isEnabled()); // a blank name is no name
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("Production"));

        // With a service, host, database and user are optional, the service is not.
        child<QComboBox>(dialog, "connectViaCombo")->setCurrentIndex(1);
        QVERIFY(!ok->isEnabled());
        child<QLineEdit>(dialog, "serviceEdit")->setText(QStringLiteral("shop-prod"));
        QVERIFY(ok->isEnabled());

        selectData(child<QComboBox>(dialog, "kindCombo"), int(ConnectionProfile::Kind::SqliteFile));
        QVERIFY(!ok->isEnabled());
        child<QLineEdit>(dialog, "sqlitePathEdit")->setText(QStringLiteral("/tmp/shop.db"));
        QVERIFY(ok->isEnabled());
    }

    void profileRoundTripsWithoutPassword()
    {
        const ConnectionProfile in = remoteProfile();
        MemorySecretStore secrets;
        ProfileDialog dialog(in, &secrets);
        QCOMPARE(dialog.profile(), in);
        QCOMPARE(child<QSpinBox>(dialog, "portSpin")->value(), 6432);
        QCOMPARE(child<QComboBox>(dialog, "sslModeCombo")->currentText(), QStringLiteral("verify-full"));

        // Edit every field.
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("  Shop (prod)  "));
        selectData(child<QComboBox>(dialog, "environmentCombo"), int(ConnectionProfile::Environment::Dev));
        child<QLineEdit>(dialog, "hostEdit")->setText(QStringLiteral("10.0.0.7"));
        child<QSpinBox>(dialog, "portSpin")->setValue(0);
        child<QLineEdit>(dialog, "databaseEdit")->setText(QStringLiteral("shop"));
        child<QLineEdit>(dialog, "userEdit")->setText(QStringLiteral("migrator"));
        selectData(child<QComboBox>(dialog, "sslModeCombo"), QStringLiteral("require"));
        child<QLineEdit>(dialog, "sslRootCertEdit")->setText(QStringLiteral("/etc/ssl/root.crt"));
        const QString secret = QStringLiteral("s3cr3t pass'word");
        child<QLineEdit>(dialog, "passwordEdit")->setText(secret);
        QCheckBox *remember = child<QCheckBox>(dialog, "rememberCheck");
        QVERIFY(remember->isEnabled()); // a secret store was given
        remember->setChecked(true);

        const ConnectionProfile out = dialog.profile();
        QCOMPARE(out.id, in.id);
        QCOMPARE(out.name, QStringLiteral("Shop (prod)"));
        QCOMPARE(out.environment, ConnectionProfile::Environment::Dev);
        QCOMPARE(out.kind, ConnectionProfile::Kind::RemotePostgres);
        QCOMPARE(out.host, QStringLiteral("10.0.0.7"));
        QCOMPARE(out.port, 0);
        QCOMPARE(out.database, QStringLiteral("shop"));
        QCOMPARE(out.user, QStringLiteral("migrator"));
        QCOMPARE(out.sslMode, QStringLiteral("require"));
        QCOMPARE(out.sslRootCert, QStringLiteral("/etc/ssl/root.crt"));
        QVERIFY(out.service.isEmpty());
        QCOMPARE(dialog.password(), secret);
        QVERIFY(dialog.rememberPassword());
        // Nothing of the password in the profile, and nothing written to the keychain.
        QVERIFY(!out.toLibpqConnectionString().contains(QLatin1String("password")));
        QVERIFY(!out.toSqlalchemyUrl().contains(QLatin1String("s3cr3t")));
        QVERIFY(!secrets.read(QStringLiteral("0b7f3c2e-profile")));

        // A fed-in profile reads back exactly, service variant included.
        ConnectionProfile viaService = in;
        viaService.host.clear();
        viaService.port = 0;
        viaService.service = QStringLiteral("shop-prod");
        viaService.sslMode.clear();
        ProfileDialog serviceDialog(viaService, nullptr);
        QCOMPARE(child<QComboBox>(serviceDialog, "connectViaCombo")->currentIndex(), 1);
        QCOMPARE(serviceDialog.profile(), viaService);
        serviceDialog.setPassword(QStringLiteral("pw"));
        QCOMPARE(serviceDialog.password(), QStringLiteral("pw"));
    }

    void rememberNeedsAKeychain()
    {
        ProfileDialog without(remoteProfile(), nullptr);
        QCheckBox *check = child<QCheckBox>(without, "rememberCheck");
        QVERIFY(!check->isEnabled());
        check->setChecked(true);
        QVERIFY(!without.rememberPassword());

        MemorySecretStore secrets;
        ProfileDialog with(remoteProfile(), &secrets);
        QVERIFY(child<QCheckBox>(with, "rememberCheck")->isEnabled());
        QVERIFY(!with.rememberPassword()); // off until asked for
        with.setKeychainAvailable(false, QStringLiteral("no secret service"));
        QVERIFY(!child<QCheckBox>(with, "rememberCheck")->isEnabled());
        QCOMPARE(child<QCheckBox>(with, "rememberCheck")->toolTip(), QStringLiteral("no secret service"));
    }

    void productionShowsTheWarning()
    {
        ProfileDialog dialog(remoteProfile(), nullptr); // staging
        QComboBox *environment = child<QComboBox>(dialog, "environmentCombo");
        QCOMPARE(environment->count(), 4);
        for (int i = 0; i < environment->count(); ++i) {
            // Each choice carries a swatch in its environment's colour.
            const QImage image = environment->itemIcon(i).pixmap(14, 14).toImage();
            const auto env = ConnectionProfile::Environment(environment->itemData(i).toInt());
            QCOMPARE(image.pixelColor(7, 7).name(), ConnectionProfile::environmentColor(env));
        }
        QVERIFY(!shown(dialog, "productionWarning"));
        selectData(environment, int(ConnectionProfile::Environment::Production));
        QVERIFY(shown(dialog, "productionWarning"));
        QVERIFY(child<QLabel>(dialog, "productionWarning")->text().contains(QLatin1String("type the database name")));
        QCOMPARE(dialog.profile().environment, ConnectionProfile::Environment::Production);
        selectData(environment, int(ConnectionProfile::Environment::Local));
        QVERIFY(!shown(dialog, "productionWarning"));
    }

    void managedProfilesAreReadOnly()
    {
        ConnectionProfile sandbox;
        sandbox.id = QStringLiteral("sandbox");
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.kind = ConnectionProfile::Kind::Sandbox;
        sandbox.host = QStringLiteral("127.0.0.1");
        sandbox.port = 54321;
        sandbox.database = QStringLiteral("bookshelf");
        sandbox.user = QStringLiteral("retort");
        MemorySecretStore secrets;
        ProfileDialog dialog(sandbox, &secrets);
        QVERIFY(child<QLineEdit>(dialog, "nameEdit")->isReadOnly());
        QVERIFY(child<QLineEdit>(dialog, "hostEdit")->isReadOnly());
        QVERIFY(!child<QComboBox>(dialog, "kindCombo")->isEnabled());
        QCOMPARE(child<QComboBox>(dialog, "kindCombo")->currentData().toInt(), int(ConnectionProfile::Kind::Sandbox));
        QVERIFY(!okButton(dialog)); // Close only
        QVERIFY(!child<QCheckBox>(dialog, "rememberCheck")->isEnabled());
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("renamed")); // programmatic; ignored
        QCOMPARE(dialog.profile(), sandbox);
    }

    void testConnectionSucceedsWithTheServerVersion()
    {
        MemorySecretStore secrets;
        ProfileDialog dialog(serverProfile(), &secrets);
        dialog.setPassword(m_server->password());
        dialog.show();
        QPushButton *test = child<QPushButton>(dialog, "testButton");
        QLabel *result = child<QLabel>(dialog, "testResultLabel");
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        QTest::mouseClick(test, Qt::LeftButton);
        // The click returned at once: the test runs elsewhere and a second click is not possible.
        QVERIFY(dialog.isTesting());
        QVERIFY(!test->isEnabled());
        QTest::mouseClick(test, Qt::LeftButton);
        // The event loop runs while the test does: the dialog still reacts to edits.
        child<QLineEdit>(dialog, "nameEdit")->clear();
        QVERIFY(!okButton(dialog)->isEnabled());
        child<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("Test server"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTestMs);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(test->isEnabled());
        QVERIFY(!dialog.isTesting());
        QVERIFY2(result->text().startsWith(QStringLiteral("✓")), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QLatin1String("PostgreSQL 15.")), qPrintable(result->text()));
        QVERIFY(shown(dialog, "productionWarning"));
        if (const QByteArray png = qgetenv("RETORT_PROFILEDIALOG_PNG"); !png.isEmpty())
            QVERIFY(dialog.grab().save(QString::fromLocal8Bit(png)));
        QCOMPARE(finished.size(), 1); // the second click started nothing
    }

    void wrongPasswordSaysAuthentication()
    {
        ProfileDialog dialog(serverProfile(), nullptr);
        dialog.setPassword(QStringLiteral("not-the-password"));
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        child<QPushButton>(dialog, "testButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTestMs);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString text = child<QLabel>(dialog, "testResultLabel")->text();
        QVERIFY2(text.startsWith(QStringLiteral("✗")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("refused the password")), qPrintable(text));
        if (const QByteArray png = qgetenv("RETORT_PROFILEDIALOG_PNG"); !png.isEmpty()) {
            dialog.show();
            QVERIFY(dialog.grab().save(
                QString::fromLocal8Bit(png).replace(QStringLiteral(".png"), QStringLiteral("-refused.png"))));
        }
    }

    void closedPortSaysUnreachable()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const int port = probe.serverPort();
        probe.close();
        ConnectionProfile p = serverProfile();
        p.port = port;
        ProfileDialog dialog(p, nullptr);
        dialog.setPassword(m_server->password());
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        child<QPushButton>(dialog, "testButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTestMs);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString text = child<QLabel>(dialog, "testResultLabel")->text();
        QVERIFY2(text.contains(QLatin1String("connection refused")), qPrintable(text));
        QVERIFY(text.contains(QString::number(port)));
    }

    void closingDuringATestIsSafe()
    {
        auto dialog = std::make_unique<ProfileDialog>(serverProfile(), nullptr);
        dialog->setPassword(m_server->password());
        child<QPushButton>(*dialog, "testButton")->click();
        QVERIFY(dialog->isTesting());
        dialog.reset(); // its result arrives to nobody; the thread deletes itself
        // A second dialog tests to the end meanwhile; the first thread's finish is delivered too.
        ProfileDialog second(serverProfile(), nullptr);
        second.setPassword(m_server->password());
        QSignalSpy finished(&second, &ProfileDialog::testFinished);
        child<QPushButton>(second, "testButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTestMs);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
    }

    void sqliteFileInATemporaryFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.sqlite3"));
        ConnectionProfile p;
        p.name = QStringLiteral("Local file");
        p.kind = ConnectionProfile::Kind::SqliteFile;
        p.sqlitePath = path;
        ProfileDialog dialog(p, nullptr);
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog.profile(), p);
        QSignalSpy finished(&dialog, &ProfileDialog::testFinished);
        child<QPushButton>(dialog, "testButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTestMs);
        QCOMPARE(finished.at(0).at(0).toBool(), false); // not there yet
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        child<QPushButton>(dialog, "testButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTestMs);
        QCOMPARE(finished.at(1).at(0).toBool(), true);
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
