#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace retort {

namespace {

const QString kResourceFolder = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("retort_");
const QString kEnglish = QStringLiteral("en");

// "de-AT" -> "de_AT", the spelling of .qm file names.
QString fileLanguage(QString uiLanguage)
{
    return uiLanguage.replace(QLatin1Char('-'), QLatin1Char('_'));
}

} // namespace

QString TranslationLoader::settingsKey()
{
    return QStringLiteral("ui/language");
}

QString TranslationLoader::storedLanguage(const QSettings &settings)
{
    return settings.value(settingsKey()).toString();
}

void TranslationLoader::storeLanguage(QSettings &settings, const QString &language)
{
    if (language.isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), language);
}

QStringList TranslationLoader::availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(kResourceFolder).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files);
    for (const QString &file : files)
        languages.append(file.mid(kPrefix.size(), file.size() - kPrefix.size() - 3));
    languages.sort();
    return languages;
}

QString TranslationLoader::languageFor(const QLocale &locale)
{
    const QStringList available = availableLanguages();
    // uiLanguages() lists the user's preferences (LANGUAGE=fr:de:en), most wanted first. Stop at
    // the first one we can serve, English included, so "en_US:de" stays English.
    const QStringList wanted = locale.uiLanguages();
    for (const QString &uiLanguage : wanted) {
        const QString full = fileLanguage(uiLanguage);
        const QString base = full.section(QLatin1Char('_'), 0, 0);
        if (base == kEnglish)
            return {};
        if (available.contains(full))
            return full;
        if (available.contains(base))
            return base;
    }
    return {};
}

TranslationLoader::TranslationLoader() = default;

TranslationLoader::~TranslationLoader()
{
    unload();
}

QString TranslationLoader::load(const QString &language)
{
    unload();
    const QString chosen = language.isEmpty() ? languageFor(QLocale()) : language;
    if (chosen.isEmpty() || chosen == kEnglish || !availableLanguages().contains(chosen))
        return m_language;

    auto retort = std::make_unique<QTranslator>();
    if (!retort->load(kPrefix + chosen, kResourceFolder))
        return m_language;

    // Qt's own strings (dialog buttons, shortcuts such as "Strg+O"): optional, from
    // qt6-translations-l10n on Debian.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    QCoreApplication::installTranslator(retort.get());
    m_retort = std::move(retort);
    m_language = chosen;
    return m_language;
}

void TranslationLoader::unload()
{
    if (m_retort)
        QCoreApplication::removeTranslator(m_retort.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_retort.reset();
    m_qt.reset();
    m_language.clear();
}

} // namespace retort
