#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace retort {

/// The run journal's tables and the checks that a file is one: SQLite's application_id says
/// "Retort run journal", user_version its schema version.
class RunJournalSchema
{
public:
    static constexpr int version = 1;
    static constexpr qint32 applicationId = 0x52544a4e; // "RTJN"

    /// Sets WAL, synchronous=FULL and foreign keys on \a db, then creates the tables in an empty
    /// file or checks an existing one. Empty on success, else why not (without the file's name).
    static QString prepare(QSqlDatabase &db);

    /// Lists are stored as JSON arrays, times as ISO 8601 in UTC with milliseconds (NULL: invalid).
    static QString listText(const QStringList &list);
    static QStringList textList(const QVariant &text);
    static QVariant timeText(const QDateTime &time);
    static QDateTime textTime(const QVariant &text);
    /// SQLite's error in words, then SQLite's own: "the disk is full (database or disk is full)".
    static QString describe(const QSqlError &error);
};

} // namespace retort
