// The password prompt: what it asks for and why, Connect only with a password, "Remember in the
// keychain" only while a keychain works, and otherwise a note that says the password stays in memory
// for this session, and why.
#include "passworddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace retort;

namespace {

template <typename T> T *child(const QDialog &dialog, const char *name)
{
    return dialog.findChild<T *>(QString::fromLatin1(name));
}

ConnectionProfile staging()
{
    ConnectionProfile p;
    p.id = QStringLiteral("p1");
    p.name = QStringLiteral("shop staging");
    p.environment = ConnectionProfile::Environment::Staging;
    p.host = QStringLiteral("db.staging.example");
    p.port = 6432;
    p.database = QStringLiteral("shop");
    p.user = QStringLiteral("app");
    return p;
}

} // namespace

class TestPasswordDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void saysWhatAndWhy()
    {
        PasswordDialog dialog(staging(), QStringLiteral("authentication failed (wrong user name or password)"));
        QCOMPARE(dialog.profileId(), QStringLiteral("p1"));
        QVERIFY(dialog.windowTitle().contains(QLatin1String("shop staging")));
        const QString intro = child<QLabel>(dialog, "passwordIntro")->text();
        QVERIFY2(intro.contains(QLatin1String("app@db.staging.example:6432/shop")), qPrintable(intro));
        QVERIFY(child<QLabel>(dialog, "passwordReason")->text().contains(QLatin1String("wrong user name or password")));
        QCOMPARE(child<QLineEdit>(dialog, "passwordEdit")->echoMode(), QLineEdit::Password);
    }

    void connectNeedsAPassword()
    {
        PasswordDialog dialog(staging(), QString());
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("s3cret"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.password(), QStringLiteral("s3cret"));
    }

    void rememberOnlyWithAWorkingKeychain()
    {
        PasswordDialog dialog(staging(), QString());
        auto *remember = child<QCheckBox>(dialog, "rememberCheck");
        auto *note = child<QLabel>(dialog, "keychainNote");
        // Still looking: nothing to check yet, and it says so.
        QVERIFY(!remember->isEnabled());
        QVERIFY(note->isVisibleTo(&dialog));
        QVERIFY(note->text().contains(QLatin1String("Looking for a keychain")));

        dialog.setKeychainState(true, QString());
        QVERIFY(remember->isEnabled());
        QVERIFY(!note->isVisibleTo(&dialog));
        QVERIFY(!dialog.rememberPassword());
        remember->setChecked(true);
        QVERIFY(dialog.rememberPassword());

        // The keychain turned out not to work: unchecked, disabled, and the note says why.
        dialog.setKeychainState(false, QStringLiteral("no Secret Service on the session bus"));
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());
        QVERIFY(!dialog.rememberPassword());
        QVERIFY(note->isVisibleTo(&dialog));
        QVERIFY2(note->text().contains(QLatin1String("no Secret Service on the session bus")),
                 qPrintable(note->text()));
        QVERIFY2(note->text().contains(QLatin1String("for this session only")), qPrintable(note->text()));
    }

    /// RETORT_PASSWORDDIALOG_PNG=/tmp/password.png writes the prompt as it looks without a keychain.
    void render()
    {
        PasswordDialog dialog(staging(),
                              QStringLiteral("authentication failed (wrong user name or password): connection to "
                                             "server at \"db.staging.example\", port 6432 failed: fe_sendauth: no "
                                             "password supplied"));
        dialog.setKeychainState(false, QStringLiteral("no OS keychain is available (a Secret Service or KWallet on "
                                                      "the D-Bus session bus is needed)"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto *note = child<QLabel>(dialog, "keychainNote");
        QVERIFY(note->height() >= note->heightForWidth(note->width())); // the wrapped note is not cut off
        if (const QByteArray png = qgetenv("RETORT_PASSWORDDIALOG_PNG"); !png.isEmpty())
            QVERIFY(dialog.grab().save(QString::fromLocal8Bit(png)));
    }
};

QTEST_MAIN(TestPasswordDialog)
#include "tst_passworddialog.moc"
