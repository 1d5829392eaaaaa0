#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace retort {

SettingsDialog::SettingsDialog(const QString &language, const QStringList &languages, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    // Languages are named in their own language, so one can find one's own in a UI one cannot read.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    for (const QString &code : languages) {
        const QString name = QLocale(code).nativeLanguageName();
        m_language->addItem(name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1), code);
    }
    int current = m_language->findData(language);
    if (current < 0) { // a stored language that is no longer shipped: show it rather than hide it
        m_language->addItem(language, language);
        current = m_language->count() - 1;
    }
    m_language->setCurrentIndex(current);

    m_restartNote = new QLabel(tr("A new language takes effect when Retort is restarted."), this);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartNote);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 50);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

} // namespace retort
