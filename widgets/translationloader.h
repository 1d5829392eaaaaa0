#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <memory>

class QSettings;
class QTranslator;

namespace retort {

/// Installs Qt's own translations (qtbase_<lang>.qm from Qt's translations folder) and Retort's
/// (embedded as :/i18n/retort_<lang>.qm) into the running application for one language.
/// Keep it alive as long as the translations are wanted; destroying it removes them again.
class TranslationLoader
{
public:
    /// QSettings key holding the chosen language: empty for the system locale, "en", "de", ...
    static QString settingsKey();
    static QString storedLanguage(const QSettings &settings);
    static void storeLanguage(QSettings &settings, const QString &language);

    /// The languages Retort ships a translation for, besides English (the source language):
    /// codes such as "de", sorted.
    static QStringList availableLanguages();

    /// The shipped language to use for a locale, following its UI languages in order of
    /// preference; empty when the first supported one is English (or none is supported).
    static QString languageFor(const QLocale &locale);

    TranslationLoader();
    ~TranslationLoader();
    TranslationLoader(const TranslationLoader &) = delete;
    TranslationLoader &operator=(const TranslationLoader &) = delete;

    /// Replaces the installed translations by those for @p language: a code from
    /// availableLanguages(), "en" for none, or empty to follow QLocale() (the system locale unless
    /// QLocale::setDefault() changed it). Returns the language now in effect ("" for English).
    QString load(const QString &language);

    /// The language installed by the last load(); empty for English.
    QString language() const { return m_language; }

private:
    void unload();

    std::unique_ptr<QTranslator> m_qt;
    std::unique_ptr<QTranslator> m_retort;
    QString m_language;
};

} // namespace retort
