#include "sqlview.h"

#include <QEvent>
#include <Qsci/qscilexersql.h>
#include <Qsci/qscistyle.h>
#include <algorithm>

namespace retort {

namespace {

/// Scintilla style of the statement numbers: above the lexer's styles and Scintilla's predefined ones.
constexpr int StatementNumberStyle = 200;

QColor fromScintilla(long bgr)
{
    return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
}

} // namespace

SqlView::SqlView(QWidget *parent)
    : CodeEditor(parent)
    , m_lexer(new QsciLexerSQL(this))
{
    setLexer(m_lexer);
    setFolding(NoFoldStyle, FoldMargin);
    setMarginWidth(FoldMargin, 0);
    setMarginType(StatementMargin, TextMarginRightJustified);
    setMarginMarkerMask(StatementMargin, 0);
    setMarginWidth(StatementMargin, 0);
    setMarginSensitivity(StatementMargin, true);
    setReadOnly(true);
    setAutoIndent(false);
    setBraceMatching(NoBraceMatch);
    // a pane beside the editor is narrow and generated lines are long: wrap, marked and indented
    setWrapMode(WrapWord);
    setWrapVisualFlags(WrapFlagByText);
    setWrapIndentMode(WrapIndentIndented);
    connect(this, &QsciScintilla::marginClicked, this, [this](int margin, int line, Qt::KeyboardModifiers) {
        if (margin == StatementMargin && statementNumberAt(line + 1) > 0)
            goToStatement(statementNumberAt(line + 1));
    });
    applyStatementMarginStyle();
}

void SqlView::setSql(const QString &sql, const QString &dialect)
{
    m_sql = sql;
    m_dialect = dialect;
    m_statements = SqlStatementSplitter::split(sql, dialect);

    const bool mysql = SqlStatementSplitter::dialectFromName(dialect) == SqlDialect::MySQL;
    m_lexer->setBackslashEscapes(mysql);
    m_lexer->setHashComments(mysql);
    m_lexer->setQuotedIdentifiers(mysql);

    setReadOnly(false); // Scintilla refuses every change to a read-only document, setText too
    setText(sql);
    setReadOnly(true);
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    setModified(false);
    setCursorPosition(0, 0);
    updateStatementMargin();
}

QString SqlView::statementText(int number) const
{
    if (number < 1 || number > m_statements.size())
        return {};
    const SqlStatement &statement = m_statements.at(number - 1);
    return m_sql.mid(statement.start, statement.length);
}

int SqlView::statementNumberAt(int line) const
{
    const auto it = std::lower_bound(m_statements.cbegin(), m_statements.cend(), line,
                                     [](const SqlStatement &s, int l) { return s.line < l; });
    return it != m_statements.cend() && it->line == line ? int(it - m_statements.cbegin()) + 1 : 0;
}

void SqlView::goToStatement(int number)
{
    if (m_statements.isEmpty())
        return;
    const SqlStatement &statement = m_statements.at(std::clamp(number, 1, statementCount()) - 1);
    goToLine(statement.line);
    // Scintilla counts UTF-8 bytes, as setText() encoded them
    const long start = long(QStringView(m_sql).left(statement.start).toUtf8().size());
    const long end = start + long(QStringView(m_sql).mid(statement.start, statement.length).toUtf8().size());
    SendScintilla(SCI_SETSEL, static_cast<unsigned long>(end), start); // caret at the start
}

void SqlView::changeEvent(QEvent *event)
{
    CodeEditor::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::FontChange)
        applyStatementMarginStyle();
}

void SqlView::applyStatementMarginStyle()
{
    // the line numbers' look (CodeEditor follows the palette), in bold and the highlight colour
    const QColor background = fromScintilla(SendScintilla(SCI_STYLEGETBACK, STYLE_LINENUMBER));
    QColor accent = palette().color(QPalette::Highlight);
    if (palette().color(QPalette::Base).lightness() < 128)
        accent = accent.lighter(150);
    QFont font = lexer() ? lexer()->defaultFont() : this->font();
    font.setBold(true);
    QsciStyle(StatementNumberStyle, QStringLiteral("statement number"), accent, background, font).apply(this);
    updateStatementMargin();
}

void SqlView::updateStatementMargin()
{
    clearMarginText();
    int widest = 0;
    for (qsizetype i = 0; i < m_statements.size();) {
        const int line = m_statements.at(i).line;
        qsizetype last = i;
        while (last + 1 < m_statements.size() && m_statements.at(last + 1).line == line)
            ++last;
        // several statements on one line: "4–6"
        const QString text = last == i ? QString::number(i + 1) : QStringLiteral("%1–%2").arg(i + 1).arg(last + 1);
        setMarginText(line - 1, text, StatementNumberStyle);
        widest = std::max(widest, int(text.size()));
        i = last + 1;
    }
    QFont font = lexer() ? lexer()->defaultFont() : this->font();
    font.setBold(true);
    const int width = widest == 0 ? 0 : QFontMetrics(font).horizontalAdvance(QString(widest + 1, u'9'));
    setMarginWidth(StatementMargin, width);
}

} // namespace retort
