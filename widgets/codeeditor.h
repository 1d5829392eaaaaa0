#pragma once

#include "diagnostic.h"

#include <Qsci/qsciscintilla.h>

namespace retort {

/// The QScintilla base of every code view: line numbers sized to the line count, folding, brace
/// matching, current-line highlight, a monospace font, colours that follow the palette, find and
/// replace, go to line, and diagnostics shown as underlines, margin markers and tooltips.
/// Subclasses choose the lexer (MigrationEditor: Python; a SQL view: SQL).
class CodeEditor : public QsciScintilla
{
    Q_OBJECT

public:
    /// How a search matches; combine with |.
    enum FindFlag {
        NoFindFlags = 0,
        MatchCase = 1,
        WholeWord = 2,
        RegularExpression = 4,
    };
    Q_DECLARE_FLAGS(FindFlags, FindFlag)

    /// Indicator and marker numbers used by this class (subclasses may use the others).
    enum : int {
        ErrorIndicator = 8,
        WarningIndicator = 9,
        InfoIndicator = 10,
        FindIndicator = 11,
        InfoMarker = 1,
        WarningMarker = 2,
        ErrorMarker = 3, ///< highest number: drawn on top when a line has several
    };
    /// Margins, left to right.
    enum : int { LineNumberMargin = 0, DiagnosticMargin = 1, FoldMargin = 2 };

    explicit CodeEditor(QWidget *parent = nullptr);

    void setLexer(QsciLexer *lexer = nullptr) override;

    /// Shows \a diagnostics (only their line and message are used; the caller filters by file):
    /// an underline on the text of the line, a marker in the margin and the message as tooltip.
    /// Replaces the previous diagnostics. Lines follow later edits.
    void setDiagnostics(const QList<retort::Diagnostic> &diagnostics);
    void clearDiagnostics() { setDiagnostics({}); }
    /// Messages of the diagnostics now on \a line (1-based), most severe first.
    QStringList diagnosticMessagesAt(int line) const;
    /// 1-based lines that carry a diagnostic of \a severity, ascending.
    QList<int> diagnosticLines(retort::Diagnostic::Severity severity) const;

    /// Selects the next (or previous) match of \a text after (before) the selection, wrapping
    /// around; returns false when there is none.
    bool find(const QString &text, FindFlags flags, bool forward = true);
    /// Find-as-you-type: searches from the start of the selection so that typing extends the match.
    bool findIncremental(const QString &text, FindFlags flags);
    /// Replaces the selection when it is a match of \a text, then selects the next match.
    /// Returns true when something was replaced. With RegularExpression, \1.. refer to groups.
    bool replaceCurrent(const QString &text, const QString &replacement, FindFlags flags);
    /// Replaces every match in one undo step; returns how many were replaced.
    int replaceAll(const QString &text, const QString &replacement, FindFlags flags);
    /// Marks every match of \a text with the find indicator; returns the number of matches.
    int highlightMatches(const QString &text, FindFlags flags);
    void clearMatchHighlights();

    /// 1-based line of the cursor.
    int cursorLine() const;

public slots:
    /// Moves the cursor to the start of 1-based \a line (clamped), scrolls it into view, focuses.
    void goToLine(int line);
    /// Asks for a line number in a small dialog, then goes there.
    void showGoToLineDialog();

protected:
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Match
    {
        long start = -1;
        long end = -1;
    };
    Match searchRange(const QByteArray &pattern, int flags, long from, long to) const;
    Match findFrom(const QString &text, FindFlags flags, long position, bool forward) const;
    void applyColours();
    void applyLexerColours();
    void updateLineNumberMarginWidth();

    struct MarkedDiagnostic
    {
        int handle = -1; ///< Scintilla marker handle: follows its line through edits
        retort::Diagnostic::Severity severity = retort::Diagnostic::Severity::Error;
        QString message;
    };
    QList<MarkedDiagnostic> m_diagnostics;
    int m_lineNumberDigits = 0;
    QFont m_font;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(CodeEditor::FindFlags)

} // namespace retort
