#pragma once

#include "codeeditor.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace retort {

/// The find / replace strip under a CodeEditor: incremental search as you type, next and
/// previous (Enter, Shift+Enter), replace and replace all, match case, whole word, regular
/// expression. Escape closes it and returns the focus to the editor.
class FindReplaceBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindReplaceBar(QWidget *parent = nullptr);

    void setEditor(CodeEditor *editor);
    CodeEditor *editor() const { return m_editor; }

    QString findText() const;
    void setFindText(const QString &text);
    QString replaceText() const;
    void setReplaceText(const QString &text);
    CodeEditor::FindFlags flags() const;
    void setFlags(CodeEditor::FindFlags flags);
    /// "3 matches", "No matches", ... as shown in the bar.
    QString statusText() const;
    bool isReplaceVisible() const;

public slots:
    /// Shows the bar for finding, seeded with the editor's selection when it is on one line.
    void showFind();
    /// Shows the bar with the replace row.
    void showReplace();
    bool findNext();
    bool findPrevious();
    bool replace();
    int replaceAll();
    /// Hides the bar, clears the match highlights and focuses the editor.
    void close();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void open(bool withReplace);
    void searchAsYouType();
    void updateMatches();
    void setStatus(const QString &text, bool error);

    QPointer<CodeEditor> m_editor;
    QLineEdit *m_find = nullptr;
    QLineEdit *m_replace = nullptr;
    QWidget *m_replaceRow = nullptr;
    QCheckBox *m_matchCase = nullptr;
    QCheckBox *m_wholeWord = nullptr;
    QCheckBox *m_regex = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace retort
