#include "findreplacebar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace retort {

FindReplaceBar::FindReplaceBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("findReplaceBar"));

    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findText"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace = new QLineEdit(this);
    m_replace->setObjectName(QStringLiteral("replaceText"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_matchCase = new QCheckBox(tr("Match &case"), this);
    m_wholeWord = new QCheckBox(tr("&Whole words"), this);
    m_regex = new QCheckBox(tr("Re&gular expression"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("No matches")) + 8);

    auto *previous = new QPushButton(tr("&Previous"), this);
    previous->setToolTip(tr("Find the previous match (Shift+Enter)"));
    auto *next = new QPushButton(tr("&Next"), this);
    next->setToolTip(tr("Find the next match (Enter)"));
    auto *replaceOne = new QPushButton(tr("&Replace"), this);
    auto *replaceEvery = new QPushButton(tr("Replace &All"), this);
    auto *closeButton = new QToolButton(this);
    closeButton->setAutoRaise(true);
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setToolTip(tr("Close (Escape)"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setVerticalSpacing(4);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    auto *options = new QHBoxLayout;
    options->addWidget(m_matchCase);
    options->addWidget(m_wholeWord);
    options->addWidget(m_regex);
    options->addWidget(m_status, 1);
    layout->addLayout(options, 0, 3);
    layout->addWidget(closeButton, 0, 4, Qt::AlignTop);

    m_replaceRow = new QWidget(this);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    layout->addWidget(m_replaceRow, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);

    m_find->installEventFilter(this);
    connect(m_find, &QLineEdit::textEdited, this, &FindReplaceBar::searchAsYouType);
    connect(m_find, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replace);
    connect(previous, &QPushButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(next, &QPushButton::clicked, this, &FindReplaceBar::findNext);
    connect(replaceOne, &QPushButton::clicked, this, &FindReplaceBar::replace);
    connect(replaceEvery, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(closeButton, &QToolButton::clicked, this, &FindReplaceBar::close);
    for (QCheckBox *box : {m_matchCase, m_wholeWord, m_regex})
        connect(box, &QCheckBox::toggled, this, &FindReplaceBar::updateMatches);
    hide();
}

void FindReplaceBar::setEditor(CodeEditor *editor)
{
    if (m_editor)
        m_editor->clearMatchHighlights();
    m_editor = editor;
    if (!isHidden())
        updateMatches();
}

QString FindReplaceBar::findText() const
{
    return m_find->text();
}

void FindReplaceBar::setFindText(const QString &text)
{
    m_find->setText(text);
    updateMatches();
}

QString FindReplaceBar::replaceText() const
{
    return m_replace->text();
}

void FindReplaceBar::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

CodeEditor::FindFlags FindReplaceBar::flags() const
{
    CodeEditor::FindFlags result;
    if (m_matchCase->isChecked())
        result |= CodeEditor::MatchCase;
    if (m_wholeWord->isChecked())
        result |= CodeEditor::WholeWord;
    if (m_regex->isChecked())
        result |= CodeEditor::RegularExpression;
    return result;
}

void FindReplaceBar::setFlags(CodeEditor::FindFlags flags)
{
    const QSignalBlocker blockCase(m_matchCase);
    const QSignalBlocker blockWord(m_wholeWord);
    const QSignalBlocker blockRegex(m_regex);
    m_matchCase->setChecked(flags & CodeEditor::MatchCase);
    m_wholeWord->setChecked(flags & CodeEditor::WholeWord);
    m_regex->setChecked(flags & CodeEditor::RegularExpression);
    updateMatches();
}

QString FindReplaceBar::statusText() const
{
    return m_status->text();
}

bool FindReplaceBar::isReplaceVisible() const
{
    return !m_replaceRow->isHidden();
}

void FindReplaceBar::showFind()
{
    open(false);
}

void FindReplaceBar::showReplace()
{
    open(true);
}

void FindReplaceBar::open(bool withReplace)
{
    if (m_editor && m_editor->hasSelectedText() && !m_editor->selectedText().contains(u'\n'))
        m_find->setText(m_editor->selectedText());
    m_replaceRow->setVisible(withReplace);
    show();
    m_find->setFocus();
    m_find->selectAll();
    updateMatches();
}

bool FindReplaceBar::findNext()
{
    if (!m_editor)
        return false;
    const bool found = m_editor->find(findText(), flags(), true);
    updateMatches();
    return found;
}

bool FindReplaceBar::findPrevious()
{
    if (!m_editor)
        return false;
    const bool found = m_editor->find(findText(), flags(), false);
    updateMatches();
    return found;
}

bool FindReplaceBar::replace()
{
    if (!m_editor)
        return false;
    const bool replaced = m_editor->replaceCurrent(findText(), replaceText(), flags());
    updateMatches();
    return replaced;
}

int FindReplaceBar::replaceAll()
{
    if (!m_editor)
        return 0;
    const int count = m_editor->replaceAll(findText(), replaceText(), flags());
    updateMatches();
    setStatus(count == 1 ? tr("Replaced 1 match") : tr("Replaced %1 matches").arg(count), count == 0);
    return count;
}

void FindReplaceBar::close()
{
    hide();
    if (m_editor) {
        m_editor->clearMatchHighlights();
        m_editor->setFocus();
    }
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FindReplaceBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_find && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindReplaceBar::searchAsYouType()
{
    if (m_editor)
        m_editor->findIncremental(findText(), flags());
    updateMatches();
}

void FindReplaceBar::updateMatches()
{
    if (!m_editor || isHidden())
        return;
    if (findText().isEmpty()) {
        m_editor->clearMatchHighlights();
        setStatus({}, false);
        return;
    }
    const int count = m_editor->highlightMatches(findText(), flags());
    setStatus(count == 0   ? tr("No matches")
              : count == 1 ? tr("1 match")
                           : tr("%1 matches").arg(count),
              count == 0);
}

void FindReplaceBar::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, QColor(0xd0, 0x20, 0x20));
    m_status->setPalette(pal);
}

} // namespace retort
