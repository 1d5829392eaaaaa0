#include "abouttext.h"
#include "connectiontester.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "translationloader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <Qsci/qsciglobal.h>
#include <pqxx/version>

#ifndef RETORT_TRANSLATIONS_DIR
#define RETORT_TRANSLATIONS_DIR RETORT_FIXTURES_DIR "/../../translations"
#endif

using namespace retort;

namespace {

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles.append(action->text());
    return titles;
}

// %1..%99 and %n, sorted: a translation must keep every placeholder of its source.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

// A menu or button text has an accelerator: a single '&' (not "&&") before a character.
bool hasAccelerator(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?:^|[^&])&[^&\\s]"));
    return re.match(text).hasMatch();
}

struct TsMessage
{
    QString context;
    QString source;
    QString type;             // of <translation>: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    TsMessage message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(message);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage{context, {}, {}, {}, xml.attributes().value(QLatin1StringView("numerus")) == u"yes"};
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QLatin1StringView("type")).toString();
            if (!message.numerus)
                message.translations.append(xml.readElementText());
        } else if (name == u"numerusform") {
            message.translations.append(xml.readElementText());
        } else if (name != u"TS" && name != u"context") {
            xml.skipCurrentElement(); // comments, locations
        }
    }
    if (xml.hasError())
        *error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
    return messages;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void germanIsShipped() { QVERIFY(TranslationLoader::availableLanguages().contains(QStringLiteral("de"))); }

    void languageFollowsTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("language");
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("de");
        QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria) << QStringLiteral("de");
        QTest::newRow("de_CH") << QLocale(QLocale::German, QLocale::Switzerland) << QStringLiteral("de");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << QString();
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << QString();
        QTest::newRow("fr_FR, not shipped") << QLocale(QLocale::French, QLocale::France) << QString();
        QTest::newRow("C") << QLocale::c() << QString();
    }
    void languageFollowsTheLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, language);
        QCOMPARE(TranslationLoader::languageFor(locale), language);
    }

    void germanLocaleGivesGermanMenus()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        TranslationLoader loader;
        QCOMPARE(loader.load(QString()), QStringLiteral("de"));
        MainWindow window;
        const QStringList titles = menuTitles(window);
        QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(u'|')));
        QVERIFY2(titles.contains(QStringLiteral("&Hilfe")), qPrintable(titles.join(u'|')));
        QVERIFY(!titles.contains(QStringLiteral("&File")));
    }

    void englishLocaleGivesEnglishMenus()
    {
        TranslationLoader loader;
        QCOMPARE(loader.load(QString()), QString());
        MainWindow window;
        const QStringList titles = menuTitles(window);
        QVERIFY2(titles.contains(QStringLiteral("&File")), qPrintable(titles.join(u'|')));
        QVERIFY2(titles.contains(QStringLiteral("&Help")), qPrintable(titles.join(u'|')));
    }

    void theSettingOverridesTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        {
            TranslationLoader loader;
            QCOMPARE(loader.load(QStringLiteral("en")), QString());
            QVERIFY(menuTitles(MainWindow()).contains(QStringLiteral("&File")));
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        TranslationLoader loader;
        QCOMPARE(loader.load(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(loader.language(), QStringLiteral("de"));
        QVERIFY(menuTitles(MainWindow()).contains(QStringLiteral("&Datei")));
    }

    void unloadingRestoresEnglish()
    {
        {
            TranslationLoader loader;
            loader.load(QStringLiteral("de"));
            QCOMPARE(QCoreApplication::translate("retort::MainWindow", "&Help"), QStringLiteral("&Hilfe"));
            loader.load(QStringLiteral("en")); // replaces, does not stack
            QCOMPARE(QCoreApplication::translate("retort::MainWindow", "&Help"), QStringLiteral("&Help"));
            loader.load(QStringLiteral("de"));
        }
        QCOMPARE(QCoreApplication::translate("retort::MainWindow", "&Help"), QStringLiteral("&Help"));
    }

    void qtsOwnStringsAreGermanToo()
    {
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
        if (!QFile::exists(qtbase))
            QFAIL(
                qPrintable(QStringLiteral("%1 is missing: install qt6-translations-l10n (scripts/setup)").arg(qtbase)));
        TranslationLoader loader;
        loader.load(QStringLiteral("de"));
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }

    void everyGermanMessageIsTranslated()
    {
        const QString path = QStringLiteral(RETORT_TRANSLATIONS_DIR "/retort_de.ts");
        QString error;
        const QList<TsMessage> messages = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
        QVERIFY(messages.size() > 20);
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = m.context + QStringLiteral(" \"") + m.source + u'"';
            if (!m.type.isEmpty()) // unfinished, or vanished/obsolete left behind
                problems.append(where + QStringLiteral(": ") + m.type);
            if (m.translations.size() != (m.numerus ? 2 : 1)) // German: singular and plural
                problems.append(where + QStringLiteral(": %1 forms").arg(m.translations.size()));
            for (qsizetype i = 0; i < m.translations.size(); ++i) {
                const QString &t = m.translations.at(i);
                // The singular may spell the number out ("eine Revision"); the plural may not.
                const bool spelledOut =
                    m.numerus && i == 0 && placeholders(t + QStringLiteral("%n")) == placeholders(m.source);
                if (t.trimmed().isEmpty())
                    problems.append(where + QStringLiteral(": empty translation"));
                else if (placeholders(t) != placeholders(m.source) && !spelledOut)
                    problems.append(where + QStringLiteral(": placeholders differ in \"") + t + u'"');
                else if (hasAccelerator(m.source) != hasAccelerator(t))
                    problems.append(where + QStringLiteral(": accelerator lost or added in \"") + t + u'"');
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void connectionTestsSpeakGerman()
    {
        // ConnectionTester is no QObject: its context must be the one lupdate gave its messages.
        ConnectionProfile profile;
        profile.user = QStringLiteral("app");
        const QString refused = QStringLiteral("FATAL:  password authentication failed for user \"app\"");
        QVERIFY(ConnectionTester::classify(refused, profile).message.contains(QLatin1String("refused the password")));
        TranslationLoader loader;
        loader.load(QStringLiteral("de"));
        const QString german = ConnectionTester::classify(refused, profile).message;
        QVERIFY2(german.contains(QStringLiteral("hat das Passwort für den Benutzer „app“ abgelehnt")),
                 qPrintable(german));
    }

    void aboutTextNamesTheVersions()
    {
        const QString text = retortAboutText();
        QVERIFY(text.contains(QStringLiteral("Retort " RETORT_VERSION)));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral(QSCINTILLA_VERSION_STR)));
        QVERIFY(text.contains(QStringLiteral("QScintilla")));
        QVERIFY(text.contains(QStringLiteral(PQXX_VERSION)));
        QVERIFY(text.contains(QStringLiteral("libpqxx")));
        QVERIFY(text.contains(QStringLiteral("Alembic database migrations")));

        TranslationLoader loader;
        loader.load(QStringLiteral("de"));
        QVERIFY(retortAboutText().contains(QStringLiteral("Datenbankmigrationen")));
    }

    void settingsDialogOffersTheShippedLanguages()
    {
        SettingsDialog dialog(QString(), TranslationLoader::availableLanguages());
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("restartNote"));
        QVERIFY(combo);
        QVERIFY(note);
        QCOMPARE(combo->currentIndex(), 0);
        QCOMPARE(dialog.language(), QString());
        QVERIFY(note->text().contains(QStringLiteral("restart"))); // the change is not live

        const int german = combo->findData(QStringLiteral("de"));
        QVERIFY(german > 0);
        QCOMPARE(combo->itemText(german), QStringLiteral("Deutsch"));
        QVERIFY(combo->findData(QStringLiteral("en")) > 0);
        combo->setCurrentIndex(german);
        QCOMPARE(dialog.language(), QStringLiteral("de"));

        SettingsDialog german2(QStringLiteral("de"), TranslationLoader::availableLanguages());
        QCOMPARE(german2.language(), QStringLiteral("de"));
    }

    void theLanguageIsStoredInSettings()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("retort.ini")), QSettings::IniFormat);
        QCOMPARE(TranslationLoader::storedLanguage(settings), QString());
        TranslationLoader::storeLanguage(settings, QStringLiteral("de"));
        QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        QCOMPARE(TranslationLoader::storedLanguage(settings), QStringLiteral("de"));
        TranslationLoader::storeLanguage(settings, QString());
        QVERIFY(!settings.contains(TranslationLoader::settingsKey()));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
