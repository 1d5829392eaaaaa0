#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace retort {

/// What offline SQL to ask Alembic for: one revision's own step, or a range (\c from → \c to).
struct SqlQuery
{
    QString revision;  ///< one revision; when empty, the range below
    QStringList from;  ///< range start (empty: an empty database)
    QString to;        ///< range end
    QString direction = QStringLiteral("up"); ///< "up" or "down"
    QString mode = QStringLiteral("env");     ///< "env" (through env.py) or "direct"
    QString dialect = QStringLiteral("postgresql");

    /// The helper's `sql` parameters. In env mode the project's env.py sees `<dialect>://` as its
    /// database URL (offline SQL needs nothing more) until a connection profile supplies a real one.
    QJsonObject toParams() const;
    /// A key that is equal for equal queries (for caching answers).
    QString key() const;

    bool operator==(const SqlQuery &) const = default;
};

} // namespace retort
