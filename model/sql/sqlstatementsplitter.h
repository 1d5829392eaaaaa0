#pragma once

#include <QList>
#include <QString>

namespace retort {

/// The SQL dialects the splitter tells apart; anything else splits as Generic (standard SQL).
enum class SqlDialect { Generic, PostgreSQL, SQLite, MySQL };

/// One statement of a script. The range runs from the statement's first token (leading blank
/// lines and comments, such as Alembic's "-- Running upgrade a -> b", belong to no statement) to
/// its terminating ';' inclusive, or to its last token when the script ends without one.
/// Offsets are QString (UTF-16) offsets.
struct SqlStatement
{
    int start = 0;
    int length = 0;
    /// 1-based line of start: the line of the statement's first token ('\n' ends a line).
    int line = 1;

    bool operator==(const SqlStatement &) const = default;
};

/// Splits a SQL script (such as Alembic's offline `--sql` output) into statements. PostgreSQL
/// goes through libpg_query's scanner, so its splitting matches the server's; other dialects, and
/// PostgreSQL text that libpg_query cannot scan (an unterminated string), go through a hand
/// splitter that knows quotes, comments and dollar quotes. Comment-only chunks are not statements.
class SqlStatementSplitter
{
public:
    /// "postgresql", "sqlite", "mysql" or "mariadb" (Alembic's dialect names, any case); others are Generic.
    static SqlDialect dialectFromName(const QString &name);

    static QList<SqlStatement> split(const QString &sql, SqlDialect dialect);
    static QList<SqlStatement> split(const QString &sql, const QString &dialectName)
    {
        return split(sql, dialectFromName(dialectName));
    }
    /// The hand splitter alone, over [from, to) of \a sql (exposed for tests).
    static QList<SqlStatement> splitByHand(const QString &sql, SqlDialect dialect, int from = 0, int to = -1);
};

} // namespace retort
