#pragma once

#include "codeeditor.h"
#include "sqlstatementsplitter.h"

class QsciLexerSQL;

namespace retort {

/// A read-only CodeEditor for generated SQL: the SQL lexer, and a margin that numbers the
/// statements (1, 2, 3, ...) on the first line of each, beside the line numbers. Find and go to
/// line work as in any CodeEditor; the text cannot be edited. Long lines wrap.
class SqlView : public CodeEditor
{
    Q_OBJECT

public:
    /// The margin with the statement numbers (after CodeEditor's margins).
    enum : int { StatementMargin = FoldMargin + 1 };

    explicit SqlView(QWidget *parent = nullptr);

    /// Shows \a sql, split into statements as \a dialect ("postgresql", "sqlite", "mysql", ...)
    /// has them; the cursor goes to the start and there is nothing to undo.
    void setSql(const QString &sql, const QString &dialect);
    QString sql() const { return m_sql; }
    QString dialect() const { return m_dialect; }

    int statementCount() const { return int(m_statements.size()); }
    /// The statements of sql(), in order; offsets are into sql().
    QList<retort::SqlStatement> statements() const { return m_statements; }
    /// The text of statement \a number (1-based), empty when there is none.
    QString statementText(int number) const;
    /// The number (1-based) shown in the margin on 1-based \a line, 0 when none starts there.
    int statementNumberAt(int line) const;

public slots:
    /// Moves to the first line of statement \a number (1-based, clamped) and selects the statement.
    void goToStatement(int number);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStatementMarginStyle();
    void updateStatementMargin();

    QsciLexerSQL *m_lexer;
    QString m_sql;
    QString m_dialect;
    QList<SqlStatement> m_statements;
};

} // namespace retort
