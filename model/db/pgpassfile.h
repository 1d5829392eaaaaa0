#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace retort {

/// libpq's password file (~/.pgpass, or $PGPASSFILE): lines of host:port:database:username:password,
/// `*` matching anything in the first four fields, `\:` and `\\` escapes, `#` comments. Read the
/// way libpq reads it: ignored (with a warning) when it is not a plain file or when its group or
/// others have any access.
class PgpassFile
{
public:
    struct Entry
    {
        QString host, port, database, user, password;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    /// $PGPASSFILE when set, else $HOME/.pgpass.
    static QString defaultPath();
    /// The entries of \a contents, in order; comment, blank and incomplete lines are skipped.
    static QList<Entry> parse(const QByteArray &contents);
    /// Reads \a path; an absent file gives no entries and no warning, an unsafe one no entries and
    /// \a warning in plain words.
    static QList<Entry> read(const QString &path, QString *warning = nullptr);

    /// The password of the first entry matching the connection, with libpq's defaults applied
    /// first: an empty host or a socket folder is "localhost", port 0 is "5432", an empty database
    /// is the user's name.
    static std::optional<QString> lookup(const QList<Entry> &entries, QString host, int port, QString database,
                                         const QString &user);
};

} // namespace retort
