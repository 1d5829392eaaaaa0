#include "sqlstatementsplitter.h"

#include <algorithm>
#include <array>
#include <pg_query.h>

namespace retort {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() >= 0x80;
}

bool isWordStart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.unicode() >= 0x80;
}

/// The hand splitter: a small lexer that knows enough of each dialect's strings, quoted
/// identifiers and comments to find the top-level semicolons.
class HandSplitter
{
public:
    HandSplitter(const QString &sql, SqlDialect dialect, int from, int to)
        : m_sql(sql)
        , m_dialect(dialect)
        , m_from(from)
        , m_to(to)
    {
    }

    QList<SqlStatement> run()
    {
        QList<SqlStatement> statements;
        int start = -1;
        int lastEnd = -1;
        int i = m_from;
        resetStatement();
        while (i < m_to) {
            const QChar c = m_sql.at(i);
            if (c.isSpace()) {
                ++i;
            } else if ((c == u'-' && peek(i + 1) == u'-') || (c == u'#' && m_dialect == SqlDialect::MySQL)) {
                i = lineEnd(i);
            } else if (c == u'/' && peek(i + 1) == u'*') {
                i = blockCommentEnd(i);
            } else if (c == u';' && (!m_trigger || m_lastWordIsEnd)) {
                if (start >= 0)
                    statements.append({start, i + 1 - start, 0});
                start = -1;
                resetStatement();
                ++i;
            } else {
                if (start < 0)
                    start = i;
                i = tokenEnd(i);
                lastEnd = i;
            }
        }
        if (start >= 0)
            statements.append({start, lastEnd - start, 0});
        return statements;
    }

private:
    QChar peek(int i) const { return i < m_to ? m_sql.at(i) : QChar(); }

    void resetStatement()
    {
        m_words = 0;
        m_firstWords = {};
        m_trigger = false;
        m_lastWordIsEnd = false;
    }

    int lineEnd(int i) const
    {
        while (i < m_to && m_sql.at(i) != u'\n')
            ++i;
        return i;
    }

    int blockCommentEnd(int i) const
    {
        const bool nests = m_dialect == SqlDialect::PostgreSQL;
        int depth = 0;
        while (i < m_to) {
            if (m_sql.at(i) == u'/' && peek(i + 1) == u'*' && (nests || depth == 0)) {
                ++depth;
                i += 2;
            } else if (m_sql.at(i) == u'*' && peek(i + 1) == u'/') {
                i += 2;
                if (--depth == 0)
                    return i;
            } else {
                ++i;
            }
        }
        return m_to; // unterminated: the comment runs to the end
    }

    /// End of a quoted run starting at \a i (the opening quote): doubled closing quotes are part of
    /// it; with \a backslash, so is any character after a backslash.
    int quotedEnd(int i, QChar close, bool backslash) const
    {
        ++i;
        while (i < m_to) {
            const QChar c = m_sql.at(i);
            if (backslash && c == u'\\') {
                i += 2;
            } else if (c == close) {
                if (peek(i + 1) == close && close != u']') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                ++i;
            }
        }
        return m_to;
    }

    /// PostgreSQL dollar quote at \a i ("$$" or "$tag$"): the end of the quoted body, or -1 when
    /// \a i does not open one (a parameter such as $1).
    int dollarQuoteEnd(int i) const
    {
        int j = i + 1;
        if (j < m_to && m_sql.at(j) != u'$') {
            if (!isWordStart(m_sql.at(j)) || m_sql.at(j).isDigit())
                return -1;
            while (j < m_to && isWordChar(m_sql.at(j)) && m_sql.at(j) != u'$')
                ++j;
            if (j >= m_to || m_sql.at(j) != u'$')
                return -1;
        }
        if (j >= m_to)
            return -1;
        const QStringView tag = QStringView(m_sql).mid(i, j + 1 - i);
        const qsizetype close = QStringView(m_sql).left(m_to).indexOf(tag, j + 1);
        return close < 0 ? m_to : int(close + tag.size());
    }

    bool dollarQuotes() const { return m_dialect == SqlDialect::PostgreSQL || m_dialect == SqlDialect::Generic; }

    /// End of the token at \a i: a string, quoted identifier, dollar quote, word or single character.
    int tokenEnd(int i)
    {
        const QChar c = m_sql.at(i);
        const bool mysql = m_dialect == SqlDialect::MySQL;
        m_lastWordIsEnd = false;
        if (c == u'\'')
            return quotedEnd(i, c, mysql);
        if (c == u'"')
            return quotedEnd(i, c, mysql);
        if (c == u'`' && m_dialect != SqlDialect::PostgreSQL)
            return quotedEnd(i, c, false);
        if (c == u'[' && m_dialect == SqlDialect::SQLite)
            return quotedEnd(i, u']', false);
        if (c == u'$' && dollarQuotes()) {
            const int end = dollarQuoteEnd(i);
            if (end >= 0)
                return end;
        }
        if (!isWordStart(c))
            return i + 1;
        int end = i + 1;
        while (end < m_to && isWordChar(m_sql.at(end)))
            ++end;
        const QStringView word = QStringView(m_sql).mid(i, end - i);
        // PostgreSQL's E'...' strings take backslash escapes
        if (m_dialect == SqlDialect::PostgreSQL && word.size() == 1 && (c == u'E' || c == u'e') && peek(end) == u'\'')
            return quotedEnd(end, u'\'', true);
        noteWord(word);
        return end;
    }

    /// SQLite's CREATE [TEMP] TRIGGER ... BEGIN ...; ...; END holds semicolons: only a ';'
    /// after END ends it.
    void noteWord(QStringView word)
    {
        if (m_dialect == SqlDialect::SQLite) {
            if (m_words < int(m_firstWords.size()))
                m_firstWords[size_t(m_words)] = word.toString().toUpper();
            const auto is = [this](int index, const char *text) {
                return m_firstWords[size_t(index)] == QLatin1String(text);
            };
            if (m_words == 1 && is(0, "CREATE") && is(1, "TRIGGER"))
                m_trigger = true;
            if (m_words == 2 && is(0, "CREATE") && (is(1, "TEMP") || is(1, "TEMPORARY")) && is(2, "TRIGGER"))
                m_trigger = true;
            m_lastWordIsEnd = word.compare(QLatin1String("END"), Qt::CaseInsensitive) == 0;
        }
        ++m_words;
    }

    const QString &m_sql;
    const SqlDialect m_dialect;
    const int m_from;
    const int m_to;
    int m_words = 0;
    std::array<QString, 3> m_firstWords;
    bool m_trigger = false;
    bool m_lastWordIsEnd = false;
};

/// Maps increasing UTF-8 byte offsets of a string's toUtf8() to UTF-16 offsets in one pass.
class Utf8ToUtf16
{
public:
    explicit Utf8ToUtf16(const QString &text)
        : m_text(text)
    {
    }

    int operator()(qsizetype byteOffset)
    {
        while (m_bytes < byteOffset && m_index < m_text.size()) {
            const char16_t c = m_text.at(m_index).unicode();
            if (c < 0x80) {
                m_bytes += 1;
            } else if (c < 0x800) {
                m_bytes += 2;
            } else if (QChar::isHighSurrogate(c) && m_index + 1 < m_text.size() &&
                       QChar::isLowSurrogate(m_text.at(m_index + 1).unicode())) {
                m_bytes += 4;
                ++m_index;
            } else if (QChar::isSurrogate(c)) {
                m_bytes += 1; // QString::toUtf8() writes a lone surrogate as '?'
            } else {
                m_bytes += 3;
            }
            ++m_index;
        }
        return int(m_index);
    }

private:
    const QString &m_text;
    qsizetype m_index = 0;
    qsizetype m_bytes = 0;
};

void assignLines(const QString &sql, QList<SqlStatement> &statements)
{
    int line = 1;
    int position = 0;
    for (SqlStatement &statement : statements) {
        line += int(QStringView(sql).mid(position, statement.start - position).count(u'\n'));
        position = statement.start;
        statement.line = line;
    }
}

/// PostgreSQL through libpg_query's scanner; false when it cannot scan the text.
bool splitWithLibPgQuery(const QString &sql, QList<SqlStatement> *statements)
{
    const QByteArray utf8 = sql.toUtf8();
    if (utf8.contains('\0'))
        return false; // libpg_query reads a C string
    PgQuerySplitResult result = pg_query_split_with_scanner(utf8.constData());
    if (result.error) {
        pg_query_free_split_result(result);
        return false;
    }
    Utf8ToUtf16 toUtf16(sql);
    int covered = 0;
    for (int i = 0; i < result.n_stmts; ++i) {
        const PgQuerySplitStmt *stmt = result.stmts[i];
        const int from = toUtf16(stmt->stmt_location);
        const int to = toUtf16(qsizetype(stmt->stmt_location) + stmt->stmt_len);
        if (from < covered || to < from)
            continue; // not expected; keep the offsets increasing whatever happens
        // The scanner leaves out chunks without a keyword ("foo bar;"): show them all the same.
        *statements += HandSplitter(sql, SqlDialect::PostgreSQL, covered, from).run();
        // Its range starts after the previous ';' (blank lines and comments included) and ends
        // before the terminator: trim to the tokens, add the ';'.
        const QList<SqlStatement> inside = HandSplitter(sql, SqlDialect::PostgreSQL, from, to).run();
        covered = to;
        if (inside.isEmpty())
            continue;
        int end = inside.constLast().start + inside.constLast().length;
        if (to < sql.size() && sql.at(to) == u';') {
            end = to + 1;
            covered = to + 1;
        }
        statements->append({inside.constFirst().start, end - inside.constFirst().start, 0});
    }
    pg_query_free_split_result(result);
    *statements += HandSplitter(sql, SqlDialect::PostgreSQL, covered, int(sql.size())).run();
    return true;
}

} // namespace

SqlDialect SqlStatementSplitter::dialectFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("postgresql") || lower == QLatin1String("postgres"))
        return SqlDialect::PostgreSQL;
    if (lower == QLatin1String("sqlite"))
        return SqlDialect::SQLite;
    if (lower == QLatin1String("mysql") || lower == QLatin1String("mariadb"))
        return SqlDialect::MySQL;
    return SqlDialect::Generic;
}

QList<SqlStatement> SqlStatementSplitter::splitByHand(const QString &sql, SqlDialect dialect, int from, int to)
{
    const int end = to < 0 ? int(sql.size()) : std::min(to, int(sql.size()));
    QList<SqlStatement> statements = HandSplitter(sql, dialect, std::clamp(from, 0, end), end).run();
    assignLines(sql, statements);
    return statements;
}

QList<SqlStatement> SqlStatementSplitter::split(const QString &sql, SqlDialect dialect)
{
    QList<SqlStatement> statements;
    if (dialect != SqlDialect::PostgreSQL || !splitWithLibPgQuery(sql, &statements))
        statements = HandSplitter(sql, dialect, 0, int(sql.size())).run();
    assignLines(sql, statements);
    return statements;
}

} // namespace retort
