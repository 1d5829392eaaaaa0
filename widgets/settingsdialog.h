#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace retort {

/// Application preferences: the UI language (applied at the next start, as the dialog says).
/// Takes the current values and hands back the chosen ones; the caller reads and writes QSettings
/// (TranslationLoader::storedLanguage/storeLanguage).
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p language: "" for the system default, "en", or a code from @p languages (the shipped
    /// translations, e.g. TranslationLoader::availableLanguages()).
    explicit SettingsDialog(const QString &language, const QStringList &languages, QWidget *parent = nullptr);

    /// The chosen language: "" for the system default, "en" or a shipped code such as "de".
    QString language() const;

private:
    QComboBox *m_language = nullptr;
    QLabel *m_restartNote = nullptr;
};

} // namespace retort
