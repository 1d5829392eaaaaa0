#include "pythontokenizer.h"

namespace retort {
namespace {

bool isIdentifierStart(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
    return c.isLetter();
}

bool isIdentifierPart(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing
           || c.category() == QChar::Mark_SpacingCombining;
}

/// Length of the operator starting at `s` (1, 2 or 3), longest match first.
int operatorLength(QStringView s)
{
    const auto at = [&](qsizetype i) { return i < s.size() ? s[i].unicode() : char16_t(0); };
    const char16_t a = at(0), b = at(1), c = at(2);
    if ((a == '*' && b == '*' && c == '=') || (a == '/' && b == '/' && c == '=') || (a == '>' && b == '>' && c == '=')
        || (a == '<' && b == '<' && c == '=') || (a == '.' && b == '.' && c == '.'))
        return 3;
    if (b == '=' && (a == '=' || a == '!' || a == '<' || a == '>' || a == ':' || a == '+' || a == '-' || a == '*'
                     || a == '/' || a == '%' || a == '&' || a == '|' || a == '^' || a == '@'))
        return 2;
    if ((a == '-' && b == '>') || (a == '*' && b == '*') || (a == '/' && b == '/') || (a == '<' && b == '<')
        || (a == '>' && b == '>'))
        return 2;
    return 1;
}

/// Characters that can change the tokenizer's state inside a statement it does not keep.
bool isSkimSpecial(QChar c)
{
    switch (c.unicode()) {
    case '\n':
    case '#':
    case '\'':
    case '"':
    case '\\':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case ';':
        return true;
    default:
        return false;
    }
}

/// Keywords that start a statement which is not an assignment or an expression.
bool isStatementKeyword(QStringView word)
{
    static const QStringList keywords = {
        QStringLiteral("import"), QStringLiteral("from"),   QStringLiteral("def"),     QStringLiteral("class"),
        QStringLiteral("async"),  QStringLiteral("if"),     QStringLiteral("elif"),    QStringLiteral("else"),
        QStringLiteral("for"),    QStringLiteral("while"),  QStringLiteral("with"),    QStringLiteral("try"),
        QStringLiteral("except"), QStringLiteral("finally"), QStringLiteral("return"), QStringLiteral("raise"),
        QStringLiteral("assert"), QStringLiteral("pass"),   QStringLiteral("del"),     QStringLiteral("global"),
        QStringLiteral("nonlocal")};
    return word.size() >= 2 && word.size() <= 8 && keywords.contains(word);
}

/// Does the line start a compound statement (`if x: ...`), whose one-line body follows on the same line?
bool opensBlock(const PythonLogicalLine &line)
{
    static const QStringList keywords = {QStringLiteral("if"),     QStringLiteral("elif"),   QStringLiteral("else"),
                                         QStringLiteral("while"),  QStringLiteral("for"),    QStringLiteral("try"),
                                         QStringLiteral("except"), QStringLiteral("finally"), QStringLiteral("with"),
                                         QStringLiteral("def"),    QStringLiteral("class"),  QStringLiteral("async")};
    return !line.tokens.isEmpty() && line.tokens.constFirst().kind == PythonToken::Kind::Name
           && keywords.contains(line.tokens.constFirst().text);
}

class Tokenizer
{
public:
    explicit Tokenizer(QStringView source)
        : m_src(source)
    {
    }

    PythonTokenization run();

private:
    QChar peek(qsizetype offset = 0) const
    {
        const qsizetype i = m_pos + offset;
        return i < m_src.size() ? m_src[i] : QChar();
    }
    bool atEnd() const { return m_pos >= m_src.size(); }
    void fail(const QString &message, int line)
    {
        if (m_result.error.isEmpty()) {
            m_result.error = message;
            m_result.errorLine = line;
        }
    }
    void newLogicalLine();
    void endLogicalLine();
    bool readString(const QString &prefix, int startLine, bool keep);
    void readEscape(QString &out, bool bytes);
    bool readHexDigits(int count, char32_t *value);

    QStringView m_src;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    QList<QChar> m_brackets;
    QList<int> m_bracketLines;
    bool m_haveLine = false;
    bool m_afterSemicolon = false; ///< the next statement shares a physical line with the previous one
    bool m_skimRest = false;       ///< the current statement starts with a keyword: keep only that token
    int m_lastIndent = 0;
    PythonLogicalLine m_current;
    PythonTokenization m_result;
};

void Tokenizer::newLogicalLine()
{
    if (!m_haveLine) {
        m_current = PythonLogicalLine();
        m_current.line = m_line;
        m_current.indent = m_afterSemicolon ? m_lastIndent : int(m_pos - m_lineStart);
        m_lastIndent = m_current.indent;
        m_haveLine = true;
        m_skimRest = false;
    }
}

void Tokenizer::endLogicalLine()
{
    if (m_haveLine && !m_current.tokens.isEmpty())
        m_result.lines.append(m_current);
    m_haveLine = false;
}

bool Tokenizer::readHexDigits(int count, char32_t *value)
{
    // Exactly `count` ASCII hex digits, as Python requires (no sign, prefix or spaces).
    char32_t result = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t d = peek(i).unicode();
        int digit = -1;
        if (d >= '0' && d <= '9')
            digit = d - '0';
        else if (d >= 'a' && d <= 'f')
            digit = d - 'a' + 10;
        else if (d >= 'A' && d <= 'F')
            digit = d - 'A' + 10;
        if (digit < 0)
            return false;
        result = result * 16 + char32_t(digit);
    }
    m_pos += count;
    *value = result;
    return true;
}

void Tokenizer::readEscape(QString &out, bool bytes)
{
    // m_pos is on the character after the backslash.
    const QChar c = peek();
    ++m_pos;
    switch (c.unicode()) {
    case '\n':
        ++m_line;
        m_lineStart = m_pos;
        return; // line continuation inside a string
    case '\\': out += u'\\'; return;
    case '\'': out += u'\''; return;
    case '"': out += u'"'; return;
    case 'a': out += QChar(7); return;
    case 'b': out += QChar(8); return;
    case 'f': out += QChar(12); return;
    case 'n': out += u'\n'; return;
    case 'r': out += u'\r'; return;
    case 't': out += u'\t'; return;
    case 'v': out += QChar(11); return;
    case 'x': {
        char32_t value = 0;
        if (!readHexDigits(2, &value)) {
            fail(QStringLiteral("truncated \\xXX escape"), m_line);
            return;
        }
        out += QChar(char16_t(value));
        return;
    }
    case 'u':
    case 'U': {
        if (bytes) { // bytes literals know no \u escapes: kept as written
            out += u'\\';
            out += c;
            return;
        }
        char32_t value = 0;
        if (!readHexDigits(c == u'u' ? 4 : 8, &value)) {
            fail(c == u'u' ? QStringLiteral("truncated \\uXXXX escape") : QStringLiteral("truncated \\UXXXXXXXX escape"),
                 m_line);
            return;
        }
        if (value > 0x10FFFF) {
            fail(QStringLiteral("illegal Unicode character in \\U escape"), m_line);
            return;
        }
        out += QString::fromUcs4(&value, 1);
        return;
    }
    default:
        if (c >= u'0' && c <= u'7') {
            uint value = c.unicode() - '0';
            for (int i = 0; i < 2 && peek() >= u'0' && peek() <= u'7'; ++i, ++m_pos)
                value = value * 8 + (peek().unicode() - '0');
            out += QChar(char16_t(value));
            return;
        }
        // Unknown escapes (and \N{...}) are kept as written, as Python does for unknown ones.
        out += u'\\';
        out += c;
        return;
    }
}

bool Tokenizer::readString(const QString &prefix, int startLine, bool keep)
{
    const QChar quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    const bool raw = prefix.contains(u'r');
    const bool bytes = prefix.contains(u'b');
    m_pos += triple ? 3 : 1;
    QString value;
    while (true) {
        if (atEnd()) {
            fail(triple ? QStringLiteral("unterminated triple-quoted string starting on line %1").arg(startLine)
                        : QStringLiteral("unterminated string literal"),
                 startLine);
            return false;
        }
        const QChar c = peek();
        if (c != quote && c != u'\n' && c != u'\\') {
            // A run of ordinary characters, taken in one piece.
            const qsizetype start = m_pos;
            while (m_pos < m_src.size() && m_src[m_pos] != quote && m_src[m_pos] != u'\n' && m_src[m_pos] != u'\\')
                ++m_pos;
            if (keep)
                value += m_src.mid(start, m_pos - start);
            continue;
        }
        if (c == quote) {
            if (!triple) {
                ++m_pos;
                break;
            }
            if (peek(1) == quote && peek(2) == quote) {
                m_pos += 3;
                break;
            }
        }
        if (c == u'\n') {
            if (!triple) {
                fail(QStringLiteral("unterminated string literal"), startLine);
                return false;
            }
            ++m_line;
            value += c;
            ++m_pos;
            m_lineStart = m_pos;
            continue;
        }
        if (c == u'\\' && !keep) {
            // Skimming: skip the escaped character without evaluating it.
            if (peek(1) == u'\n') {
                ++m_line;
                m_lineStart = m_pos + 2;
            }
            m_pos += 2;
            continue;
        }
        if (c == u'\\') {
            ++m_pos;
            if (raw) {
                // Raw strings keep the backslash but it still protects the next quote.
                value += u'\\';
                if (!atEnd()) {
                    if (peek() == u'\n') {
                        ++m_line;
                        m_lineStart = m_pos + 1;
                    }
                    value += peek();
                    ++m_pos;
                }
            } else {
                readEscape(value, bytes);
            }
            continue;
        }
        value += c; // a lone quote inside a triple-quoted string
        ++m_pos;
    }
    if (!keep)
        return true;
    PythonToken token;
    token.kind = PythonToken::Kind::String;
    token.text = value;
    token.prefix = prefix;
    token.line = startLine;
    m_current.tokens.append(token);
    return true;
}

PythonTokenization Tokenizer::run()
{
    // A byte order mark is not part of the source.
    if (!m_src.isEmpty() && m_src[0] == QChar(0xFEFF))
        m_pos = 1, m_lineStart = 1;

    while (!atEnd() && m_result.error.isEmpty()) {
        const QChar c = peek();
        if (c == u'\n') {
            ++m_pos;
            ++m_line;
            m_lineStart = m_pos;
            if (m_brackets.isEmpty()) {
                endLogicalLine();
                m_afterSemicolon = false;
            }
            continue;
        }
        if (c == u' ' || c == u'\t' || c == u'\r' || c == u'\f') {
            ++m_pos;
            if (c == u'\f' && !m_haveLine)
                m_lineStart = m_pos; // a form feed in the indentation resets the column, as in Python
            continue;
        }
        if (c == u'#') {
            while (!atEnd() && peek() != u'\n')
                ++m_pos;
            continue;
        }
        if (c == u'\\') {
            qsizetype next = m_pos + 1;
            if (next < m_src.size() && m_src[next] == u'\r')
                ++next;
            if (next < m_src.size() && m_src[next] == u'\n') {
                m_pos = next + 1;
                ++m_line;
                m_lineStart = m_pos;
                continue;
            }
            if (next >= m_src.size()) {
                fail(QStringLiteral("unexpected end of file after line continuation character"), m_line);
                break;
            }
            fail(QStringLiteral("unexpected character after line continuation character"), m_line);
            break;
        }
        newLogicalLine();
        const int tokenLine = m_line;
        // Only module-level statements matter to the scanner: indented ones (function bodies) are
        // skimmed for strings and brackets without building tokens.
        const bool keep = m_current.indent == 0 && !m_skimRest;
        if (!keep && !isSkimSpecial(c)) {
            // Inside an indented statement only strings, brackets, comments, escapes and line ends
            // matter: skip everything else in a tight loop.
            while (!atEnd() && !isSkimSpecial(peek()))
                ++m_pos;
            continue;
        }

        if (isIdentifierStart(c)) {
            const qsizetype start = m_pos;
            while (!atEnd() && isIdentifierPart(peek()))
                ++m_pos;
            const QStringView word = m_src.mid(start, m_pos - start);
            if ((peek() == u'\'' || peek() == u'"') && word.size() <= 2) {
                const QString lower = word.toString().toLower();
                static const QStringList prefixes = {QStringLiteral("r"),  QStringLiteral("u"),  QStringLiteral("b"),
                                                     QStringLiteral("f"),  QStringLiteral("br"), QStringLiteral("rb"),
                                                     QStringLiteral("fr"), QStringLiteral("rf")};
                if (prefixes.contains(lower)) {
                    readString(lower, tokenLine, keep);
                    continue;
                }
            }
            if (keep) {
                m_current.tokens.append({PythonToken::Kind::Name, word.toString(), {}, tokenLine});
                // A statement that starts with a keyword (import, def, if, ...) never assigns a
                // module-level name or is a docstring: its first token records it, the rest is skimmed.
                if (m_current.tokens.size() == 1 && isStatementKeyword(word))
                    m_skimRest = true;
            }
            continue;
        }
        if (c == u'\'' || c == u'"') {
            readString(QString(), tokenLine, keep);
            continue;
        }
        if (c.isDigit() || (c == u'.' && peek(1).isDigit())) {
            const qsizetype start = m_pos;
            while (!atEnd() && (peek().isLetterOrNumber() || peek() == u'_' || peek() == u'.'
                                || ((peek() == u'+' || peek() == u'-')
                                    && (m_src[m_pos - 1] == u'e' || m_src[m_pos - 1] == u'E'))))
                ++m_pos;
            if (keep)
                m_current.tokens.append(
                    {PythonToken::Kind::Number, m_src.mid(start, m_pos - start).toString(), {}, tokenLine});
            continue;
        }
        if (c == u'(' || c == u'[' || c == u'{') {
            if (m_brackets.size() >= 200) { // Python's limit (MAXLEVEL); also bounds the literal evaluator
                fail(QStringLiteral("too many nested parentheses"), m_line);
                break;
            }
            m_brackets.append(c);
            m_bracketLines.append(m_line);
            if (keep)
                m_current.tokens.append({PythonToken::Kind::Operator, QString(c), {}, tokenLine});
            ++m_pos;
            continue;
        }
        if (c == u')' || c == u']' || c == u'}') {
            const QChar open = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
            if (m_brackets.isEmpty() || m_brackets.last() != open) {
                fail(QStringLiteral("unmatched '%1'").arg(c), m_line);
                break;
            }
            m_brackets.removeLast();
            m_bracketLines.removeLast();
            if (keep)
                m_current.tokens.append({PythonToken::Kind::Operator, QString(c), {}, tokenLine});
            ++m_pos;
            continue;
        }
        if (QStringView(u"=+-*/%&|^~<>.,:;@!").contains(c)) {
            if (c == u';' && m_brackets.isEmpty()) {
                // Statement separator on one line. After `if x: a = 1;` the next statement is in the block too.
                if (m_haveLine && opensBlock(m_current))
                    m_lastIndent = m_current.indent + 1;
                endLogicalLine();
                m_afterSemicolon = true;
                ++m_pos;
                continue;
            }
            const int length = operatorLength(m_src.mid(m_pos, 3));
            if (keep)
                m_current.tokens.append(
                    {PythonToken::Kind::Operator, m_src.mid(m_pos, length).toString(), {}, tokenLine});
            m_pos += length;
        } else {
            fail(QStringLiteral("invalid character '%1' (U+%2)").arg(c).arg(c.unicode(), 4, 16, QLatin1Char('0')),
                 m_line);
            break;
        }
    }
    if (m_result.error.isEmpty() && !m_brackets.isEmpty())
        fail(QStringLiteral("'%1' was never closed").arg(m_brackets.last()), m_bracketLines.last());
    if (m_result.error.isEmpty())
        endLogicalLine();
    return m_result;
}

} // namespace

PythonTokenization tokenizePython(QStringView source)
{
    return Tokenizer(source).run();
}

} // namespace retort
