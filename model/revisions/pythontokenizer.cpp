#include "pythontokenizer.h"

#include <algorithm>
#include <array>
#include <vector>
#include <cstring>
#include <iterator>
#include <memory>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace retort {
namespace {

/// The source is UTF-8. ASCII bytes are looked at directly; a byte from 0x80 starts a multi-byte
/// character, decoded only where it matters (identifiers, numbers, error messages).
struct CodePoint
{
    char32_t value = 0;
    int length = 1; ///< bytes
};

CodePoint decodeAt(QByteArrayView src, qsizetype pos)
{
    const auto byte = [&](qsizetype i) { return i < src.size() ? uchar(src[i]) : uchar(0); };
    const uchar lead = byte(pos);
    if (lead < 0x80)
        return {lead, 1};
    int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    char32_t value = length == 4 ? lead & 0x07 : length == 3 ? lead & 0x0F : length == 2 ? lead & 0x1F : lead;
    for (int i = 1; i < length; ++i) {
        const uchar next = byte(pos + i);
        if ((next & 0xC0) != 0x80)
            return {QChar::ReplacementCharacter, i}; // not UTF-8: the scanner rejects such files earlier
        value = (value << 6) | (next & 0x3F);
    }
    return {value, length};
}

bool isAsciiIdentifierStart(uchar u)
{
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
}

bool isAsciiIdentifierPart(uchar u)
{
    return isAsciiIdentifierStart(u) || (u >= '0' && u <= '9');
}

bool isIdentifierStart(char32_t c)
{
    return c < 128 ? isAsciiIdentifierStart(uchar(c)) : QChar::isLetter(c);
}

bool isIdentifierPart(char32_t c)
{
    if (c < 128)
        return isAsciiIdentifierPart(uchar(c));
    const QChar::Category category = QChar::category(c);
    return QChar::isLetterOrNumber(c) || category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining;
}

/// Length of the operator starting at `pos` (1, 2 or 3), longest match first.
int operatorLength(QByteArrayView s, qsizetype pos)
{
    const auto at = [&](qsizetype i) { return pos + i < s.size() ? s[pos + i] : char(0); };
    const char a = at(0), b = at(1), c = at(2);
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

/// Bytes that can change the tokenizer's state inside a statement it does not keep.
struct SkimTable
{
    bool special[256] = {};
    constexpr SkimTable()
    {
        for (const char c : {'\n', '#', '\'', '"', '\\', '(', ')', '[', ']', '{', '}', ';'})
            special[uchar(c)] = true;
    }
};
constexpr SkimTable kSkim;

bool isSkimSpecial(char c)
{
    return kSkim.special[uchar(c)];
}

// Most of a revision file is skimmed (function bodies), so the two loops that pass ordinary bytes
// dominate the scan. With SSE2 (every x86-64) they test sixteen bytes at a time.
#if defined(__SSE2__)
/// Bit i set when byte i of `v` equals one of `bytes`.
template<typename... Bytes>
int matchMask(__m128i v, Bytes... bytes)
{
    return _mm_movemask_epi8((_mm_cmpeq_epi8(v, _mm_set1_epi8(bytes)) | ...));
}
#endif

/// The first byte in [p, end) that is special to skimStatement() (see SkimTable), or `end`.
const char *findSkimSpecial(const char *p, const char *end)
{
#if defined(__SSE2__)
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        if (const int mask = matchMask(v, '\n', '#', '\'', '"', '\\', '(', ')', '[', ']', '{', '}', ';'))
            return p + __builtin_ctz(unsigned(mask));
    }
#endif
    while (p < end && !isSkimSpecial(*p))
        ++p;
    return p;
}

/// The first quote, line end or backslash in [p, end), or `end`.
const char *findStringSpecial(const char *p, const char *end, char quote)
{
#if defined(__SSE2__)
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        if (const int mask = matchMask(v, quote, '\n', '\\'))
            return p + __builtin_ctz(unsigned(mask));
    }
#endif
    while (p < end && *p != quote && *p != '\n' && *p != '\\')
        ++p;
    return p;
}

/// Keywords that start a statement which is not an assignment or an expression.
bool isStatementKeyword(QByteArrayView word)
{
    // string_views: their lengths are known when compiling (a `const char *` costs a strlen per compare).
    using namespace std::string_view_literals;
    static constexpr std::string_view keywords[] = {
        "import"sv, "from"sv,  "def"sv,    "class"sv,  "async"sv,  "if"sv,   "elif"sv,
        "else"sv,   "for"sv,   "while"sv,  "with"sv,   "try"sv,    "except"sv, "finally"sv,
        "return"sv, "raise"sv, "assert"sv, "pass"sv,   "del"sv,    "global"sv, "nonlocal"sv};
    if (word.size() < 2 || word.size() > 8)
        return false;
    const std::string_view text(word.data(), size_t(word.size()));
    return std::any_of(std::begin(keywords), std::end(keywords), [&](std::string_view k) { return text == k; });
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

/// The text of a token. Operators, keywords and the names revision files are made of come from a
/// fixed table (ten thousand files have mostly these); others are decoded. The table's strings are
/// raw data (QString::fromRawData): copying one allocates nothing and touches no reference count,
/// which matters when several scanner threads copy the same few strings all the time.
class CommonTokenTexts
{
public:
    CommonTokenTexts()
    {
        static constexpr const char *texts[] = {
            // operators
            "=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "->", "|", "+", "-", "*", "@",
            // statement keywords
            "import", "from", "def", "class", "async", "if", "elif", "else", "for", "while", "with", "try",
            "except", "finally", "return", "raise", "assert", "pass", "del", "global", "nonlocal",
            // names of revision files
            "revision", "down_revision", "branch_labels", "depends_on", "None", "True", "False", "str", "tuple",
            "Union", "Optional", "Sequence", "Tuple", "List", "list", "typing", "sa", "op"};
        size_t total = 0;
        for (const char *text : texts)
            total += std::strlen(text);
        m_utf16 = std::make_unique<char16_t[]>(total); // never freed before the table: the raw data stays valid
        char16_t *next = m_utf16.get();
        for (const char *text : texts) {
            const QByteArrayView view(text);
            for (qsizetype i = 0; i < view.size(); ++i)
                next[i] = char16_t(uchar(view[i]));
            m_slots[slotOf(view)].push_back({view, QString::fromRawData(reinterpret_cast<const QChar *>(next), view.size())});
            next += view.size();
        }
    }

    QString textOf(QByteArrayView text) const
    {
        if (!text.isEmpty())
            for (const Entry &entry : m_slots[slotOf(text)])
                if (entry.bytes.size() == text.size()
                    && std::memcmp(entry.bytes.data(), text.data(), size_t(text.size())) == 0)
                    return entry.text;
        return QString::fromUtf8(text);
    }

private:
    struct Entry
    {
        QByteArrayView bytes;
        QString text;
    };
    /// Length, first and last byte tell the table's texts nearly all apart: a lookup is usually
    /// one comparison (a token is looked up here for every name and operator the scanner keeps).
    static constexpr size_t kSlots = 256;
    static size_t slotOf(QByteArrayView text)
    {
        return (size_t(text.size()) * 31 + size_t(uchar(text.front())) * 7 + uchar(text.back())) % kSlots;
    }

    std::unique_ptr<char16_t[]> m_utf16;
    std::array<std::vector<Entry>, kSlots> m_slots;
};

QString internedText(QByteArrayView text)
{
    static const CommonTokenTexts common;
    return common.textOf(text);
}

/// Python's limit on nested brackets (MAXLEVEL); also bounds the literal evaluator.
constexpr int kMaxBracketDepth = 200;

class Tokenizer
{
public:
    explicit Tokenizer(QByteArrayView source)
        : m_src(source)
    {
        m_result.lines.reserve(16); // a revision file has about ten module-level statements
    }

    PythonTokenization run();

private:
    char peek(qsizetype offset = 0) const
    {
        const qsizetype i = m_pos + offset;
        return i < m_src.size() ? m_src[i] : char(0);
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
    bool findStringEnd(char quote, bool triple, int startLine, bool *sawBackslash);
    bool evaluateString(bool triple, const QString &prefix, qsizetype end, QString *value);
    void skimStatement();
    const char *startNextIndentedStatement(const char *newline);
    void readEscape(QString &out, bool bytes);
    bool readHexDigits(int count, char32_t *value);
    void addToken(PythonToken::Kind kind, qsizetype start, int line)
    {
        const QByteArrayView text = m_src.sliced(start, m_pos - start);
        if (m_current.tokens.isEmpty())
            m_current.tokens.reserve(12); // one allocation: an annotated assignment has a dozen tokens
        m_current.tokens.append({kind, internedText(text), {}, line});
    }

    QByteArrayView m_src;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    char m_brackets[kMaxBracketDepth]; // [0, m_depth) are set; not zeroed (a tokenizer per file)
    int m_bracketLines[kMaxBracketDepth];
    int m_depth = 0;
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
        m_result.lines.append(std::move(m_current));
    m_haveLine = false;
}

bool Tokenizer::readHexDigits(int count, char32_t *value)
{
    // Exactly `count` ASCII hex digits, as Python requires (no sign, prefix or spaces).
    char32_t result = 0;
    for (int i = 0; i < count; ++i) {
        const char d = peek(i);
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
    const char c = peek();
    if (uchar(c) >= 0x80) {
        // An unknown escape of a non-ASCII character: kept as written.
        const CodePoint cp = decodeAt(m_src, m_pos);
        m_pos += cp.length;
        out += u'\\';
        out += QStringView(QString::fromUcs4(&cp.value, 1));
        return;
    }
    ++m_pos;
    switch (c) {
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
            out += QLatin1Char(c);
            return;
        }
        char32_t value = 0;
        if (!readHexDigits(c == 'u' ? 4 : 8, &value)) {
            fail(c == 'u' ? QStringLiteral("truncated \\uXXXX escape") : QStringLiteral("truncated \\UXXXXXXXX escape"),
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
        if (c >= '0' && c <= '7') {
            uint value = uint(c - '0');
            for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; ++i, ++m_pos)
                value = value * 8 + uint(peek() - '0');
            out += QChar(char16_t(value));
            return;
        }
        // Unknown escapes (and \N{...}) are kept as written, as Python does for unknown ones.
        out += u'\\';
        out += QLatin1Char(c);
        return;
    }
}

bool Tokenizer::findStringEnd(char quote, bool triple, int startLine, bool *sawBackslash)
{
    // The hot loops here and in skimStatement() run on local pointers: a store through a `char *`
    // may alias any member, so a loop on m_pos would reload and store it for every byte.
    const char *const data = m_src.data();
    const char *const end = data + m_src.size();
    const char *p = data + m_pos;
    while (true) {
        p = findStringSpecial(p, end, quote);
        if (p >= end) {
            m_pos = m_src.size();
            fail(triple ? QStringLiteral("unterminated triple-quoted string starting on line %1").arg(startLine)
                        : QStringLiteral("unterminated string literal"),
                 startLine);
            return false;
        }
        const char c = *p;
        if (c == quote) {
            if (!triple) {
                m_pos = p + 1 - data;
                return true;
            }
            if (end - p >= 3 && p[1] == quote && p[2] == quote) {
                m_pos = p + 3 - data;
                return true;
            }
            ++p; // a lone quote inside a triple-quoted string
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                m_pos = p - data;
                fail(QStringLiteral("unterminated string literal"), startLine);
                return false;
            }
            ++p;
            ++m_line;
            m_lineStart = p - data;
            continue;
        }
        // A backslash protects the next character (in raw strings too); escapes are not evaluated here.
        *sawBackslash = true;
        if (end - p < 2) { // a backslash as the last byte
            p = end;
            continue;
        }
        if (p[1] == '\n') {
            ++m_line;
            m_lineStart = p + 2 - data;
        }
        p += 2;
    }
}

bool Tokenizer::readString(const QString &prefix, int startLine, bool keep)
{
    const char quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    m_pos += triple ? 3 : 1;
    const qsizetype contentStart = m_pos;
    const int contentLine = m_line;
    const qsizetype contentLineStart = m_lineStart;
    bool sawBackslash = false;
    if (!findStringEnd(quote, triple, startLine, &sawBackslash))
        return false;
    if (!keep)
        return true;
    PythonToken token;
    token.kind = PythonToken::Kind::String;
    token.prefix = prefix;
    token.line = startLine;
    if (!sawBackslash) {
        // The common case: the value is the text between the quotes.
        token.text = QString::fromUtf8(m_src.sliced(contentStart, m_pos - (triple ? 3 : 1) - contentStart));
    } else {
        const qsizetype end = m_pos;
        const int endLine = m_line;
        const qsizetype endLineStart = m_lineStart;
        m_pos = contentStart;
        m_line = contentLine;
        m_lineStart = contentLineStart;
        if (!evaluateString(triple, prefix, end, &token.text))
            return false;
        m_pos = end;
        m_line = endLine;
        m_lineStart = endLineStart;
    }
    m_current.tokens.append(std::move(token));
    return true;
}

bool Tokenizer::evaluateString(bool triple, const QString &prefix, qsizetype end, QString *value)
{
    // Between the quotes, which findStringEnd() has found: `end` is just after the closing ones.
    const qsizetype contentEnd = end - (triple ? 3 : 1);
    const bool rawString = prefix.contains(u'r');
    const bool bytes = prefix.contains(u'b');
    // UTF-8 bytes gather in `raw` and are decoded in one go; escapes go to `value` after them.
    QByteArray raw;
    const auto flush = [&] {
        if (!raw.isEmpty()) {
            *value += QString::fromUtf8(raw);
            raw.clear();
        }
    };
    const char *const data = m_src.data();
    while (m_pos < contentEnd && m_result.error.isEmpty()) {
        const char c = data[m_pos];
        if (c != '\\') {
            const qsizetype start = m_pos;
            while (m_pos < contentEnd && data[m_pos] != '\\')
                ++m_pos;
            raw += m_src.sliced(start, m_pos - start);
            continue;
        }
        ++m_pos;
        if (rawString) {
            // Raw strings keep the backslash and the character it protects.
            const int length = decodeAt(m_src, m_pos).length;
            raw += '\\';
            raw += m_src.sliced(m_pos, length);
            m_pos += length;
        } else {
            flush();
            readEscape(*value, bytes);
        }
    }
    flush();
    return m_result.error.isEmpty();
}

void Tokenizer::skimStatement()
{
    // Inside a statement that is not kept only strings, brackets, comments and line ends matter.
    // Ordinary bytes go by in a tight loop; what is unusual here (a line continuation, a bracket
    // that does not match or nests too deep, the statement's end at module level) is left to run().
    const char *const data = m_src.data();
    const char *const end = data + m_src.size();
    const char *p = data + m_pos;
    while (true) {
        p = findSkimSpecial(p, end);
        if (p >= end) {
            m_pos = p - data;
            return;
        }
        const char c = *p;
        switch (c) {
        case '\n':
            if (m_depth == 0) {
                p = startNextIndentedStatement(p);
                if (!p)
                    return;
                continue;
            }
            ++p;
            ++m_line;
            m_lineStart = p - data;
            continue;
        case '#':
            if (const void *newline = std::memchr(p, '\n', size_t(end - p)))
                p = static_cast<const char *>(newline);
            else
                p = end;
            continue;
        case '\'':
        case '"':
            // The usual string in a function body, '...' on one line without a backslash, is
            // passed over here: its closing quote is the next quote, line end or backslash. Any
            // other string (triple-quoted, with an escape, unterminated) goes through readString().
            if (end - p >= 3 && !(p[1] == c && p[2] == c)) {
                const char *close = findStringSpecial(p + 1, end, c);
                if (close < end && *close == c) {
                    p = close + 1;
                    continue;
                }
            }
            m_pos = p - data;
            if (!readString(QString(), m_line, false))
                return;
            p = data + m_pos;
            continue;
        case '(':
        case '[':
        case '{':
            if (m_depth >= kMaxBracketDepth) {
                m_pos = p - data;
                return;
            }
            m_brackets[m_depth] = c;
            m_bracketLines[m_depth] = m_line;
            ++m_depth;
            ++p;
            continue;
        case ')':
        case ']':
        case '}':
            if (m_depth == 0 || m_brackets[m_depth - 1] != (c == ')' ? '(' : c == ']' ? '[' : '{')) {
                m_pos = p - data;
                return;
            }
            --m_depth;
            ++p;
            continue;
        case ';':
            if (m_depth == 0) {
                m_pos = p - data;
                return;
            }
            ++p;
            continue;
        default: // a backslash
            m_pos = p - data;
            return;
        }
    }
}

const char *Tokenizer::startNextIndentedStatement(const char *newline)
{
    // `newline` ends a statement at bracket depth 0. In a function body the next statement is
    // indented too: rather than going back to run() for every line (and its indentation byte by
    // byte), the line end, blank and comment lines and the next statement's start are handled
    // here exactly as run() would. Anything else (module level, a form feed or carriage return
    // in the indentation, a line continuation, the end) is left to run(), at a line end.
    const char *const data = m_src.data();
    const char *const end = data + m_src.size();
    while (true) {
        const char *text = newline + 1;
        while (text < end && (*text == ' ' || *text == '\t'))
            ++text;
        const bool blankOrComment = text < end && (*text == '\n' || *text == '#');
        const bool indentedStatement = text > newline + 1 && text < end && !blankOrComment && *text != '\f'
                                       && *text != '\r' && *text != '\\';
        if (!blankOrComment && !indentedStatement) {
            m_pos = newline - data;
            return nullptr;
        }
        // run()'s handling of a line end at depth 0.
        ++m_line;
        m_lineStart = newline + 1 - data;
        endLogicalLine();
        m_afterSemicolon = false;
        if (indentedStatement) {
            m_pos = text - data;
            newLogicalLine(); // indented: skimmed, like every statement that is not kept
            return text;
        }
        if (*text == '#') {
            newline = static_cast<const char *>(std::memchr(text, '\n', size_t(end - text)));
            if (!newline) {
                m_pos = m_src.size();
                return nullptr;
            }
        } else {
            newline = text;
        }
    }
}

PythonTokenization Tokenizer::run()
{
    // A byte order mark is not part of the source.
    if (m_src.startsWith("\xEF\xBB\xBF"))
        m_pos = 3, m_lineStart = 3;

    const qsizetype size = m_src.size();
    const char *const data = m_src.data();
    while (!atEnd() && m_result.error.isEmpty()) {
        const char c = data[m_pos];
        if (c == '\n') {
            ++m_pos;
            ++m_line;
            m_lineStart = m_pos;
            if (m_depth == 0) {
                endLogicalLine();
                m_afterSemicolon = false;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            qsizetype pos = m_pos + 1; // a local: see findStringEnd()
            while (pos < size && (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\r'))
                ++pos;
            m_pos = pos;
            continue;
        }
        if (c == '\f') {
            ++m_pos;
            if (!m_haveLine)
                m_lineStart = m_pos; // a form feed in the indentation resets the column, as in Python
            continue;
        }
        if (c == '#') {
            const void *newline = std::memchr(data + m_pos, '\n', size_t(size - m_pos));
            m_pos = newline ? static_cast<const char *>(newline) - data : size;
            continue;
        }
        if (c == '\\') {
            qsizetype next = m_pos + 1;
            if (next < size && data[next] == '\r')
                ++next;
            if (next < size && data[next] == '\n') {
                m_pos = next + 1;
                ++m_line;
                m_lineStart = m_pos;
                continue;
            }
            if (next >= size) {
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
        if (!keep) {
            const qsizetype before = m_pos;
            skimStatement();
            if (m_pos != before || !m_result.error.isEmpty())
                continue;
            // Nothing skimmed: a `;` or a bracket error, handled below like any other.
        }

        const CodePoint cp = decodeAt(m_src, m_pos);
        if (isIdentifierStart(cp.value)) {
            const qsizetype start = m_pos;
            m_pos += cp.length;
            while (m_pos < size) {
                if (isAsciiIdentifierPart(uchar(data[m_pos]))) {
                    ++m_pos;
                    continue;
                }
                if (uchar(data[m_pos]) < 0x80)
                    break;
                const CodePoint next = decodeAt(m_src, m_pos);
                if (!isIdentifierPart(next.value))
                    break;
                m_pos += next.length;
            }
            const QByteArrayView word = m_src.sliced(start, m_pos - start);
            if ((peek() == '\'' || peek() == '"') && word.size() <= 2) {
                const QString lower = QString::fromLatin1(word).toLower();
                static const QStringList prefixes = {QStringLiteral("r"),  QStringLiteral("u"),  QStringLiteral("b"),
                                                     QStringLiteral("f"),  QStringLiteral("br"), QStringLiteral("rb"),
                                                     QStringLiteral("fr"), QStringLiteral("rf")};
                if (prefixes.contains(lower)) {
                    readString(lower, tokenLine, keep);
                    continue;
                }
            }
            if (keep) {
                addToken(PythonToken::Kind::Name, start, tokenLine);
                // A statement that starts with a keyword (import, def, if, ...) never assigns a
                // module-level name or is a docstring: its first token records it, the rest is skimmed.
                if (m_current.tokens.size() == 1 && isStatementKeyword(word))
                    m_skimRest = true;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            readString(QString(), tokenLine, keep);
            continue;
        }
        if (QChar::isDigit(cp.value) || (c == '.' && peek(1) >= '0' && peek(1) <= '9')) {
            const qsizetype start = m_pos;
            m_pos += cp.length;
            while (m_pos < size) {
                const CodePoint next = decodeAt(m_src, m_pos);
                const bool exponentSign = (next.value == '+' || next.value == '-')
                                          && (data[m_pos - 1] == 'e' || data[m_pos - 1] == 'E');
                if (!QChar::isLetterOrNumber(next.value) && next.value != '_' && next.value != '.' && !exponentSign)
                    break;
                m_pos += next.length;
            }
            if (keep)
                addToken(PythonToken::Kind::Number, start, tokenLine);
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (m_depth >= kMaxBracketDepth) {
                fail(QStringLiteral("too many nested parentheses"), m_line);
                break;
            }
            m_brackets[m_depth] = c;
            m_bracketLines[m_depth] = m_line;
            ++m_depth;
            ++m_pos;
            if (keep)
                addToken(PythonToken::Kind::Operator, m_pos - 1, tokenLine);
            continue;
        }
        if (c == ')' || c == ']' || c == '}') {
            const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (m_depth == 0 || m_brackets[m_depth - 1] != open) {
                fail(QStringLiteral("unmatched '%1'").arg(QLatin1Char(c)), m_line);
                break;
            }
            --m_depth;
            ++m_pos;
            if (keep)
                addToken(PythonToken::Kind::Operator, m_pos - 1, tokenLine);
            continue;
        }
        if (c != 0 && std::strchr("=+-*/%&|^~<>.,:;@!", c)) {
            if (c == ';' && m_depth == 0) {
                // Statement separator on one line. After `if x: a = 1;` the next statement is in the block too.
                if (m_haveLine && opensBlock(m_current))
                    m_lastIndent = m_current.indent + 1;
                endLogicalLine();
                m_afterSemicolon = true;
                ++m_pos;
                continue;
            }
            const qsizetype start = m_pos;
            m_pos += operatorLength(m_src, m_pos);
            if (keep)
                addToken(PythonToken::Kind::Operator, start, tokenLine);
        } else {
            fail(QStringLiteral("invalid character '%1' (U+%2)")
                     .arg(QString::fromUcs4(&cp.value, 1))
                     .arg(uint(cp.value), 4, 16, QLatin1Char('0')),
                 m_line);
            break;
        }
    }
    if (m_result.error.isEmpty() && m_depth > 0)
        fail(QStringLiteral("'%1' was never closed").arg(QLatin1Char(m_brackets[m_depth - 1])),
             m_bracketLines[m_depth - 1]);
    if (m_result.error.isEmpty())
        endLogicalLine();
    return m_result;
}

} // namespace

PythonTokenization tokenizePython(QByteArrayView utf8)
{
    return Tokenizer(utf8).run();
}

PythonTokenization tokenizePython(QStringView source)
{
    return tokenizePython(QByteArrayView(source.toUtf8()));
}

} // namespace retort
