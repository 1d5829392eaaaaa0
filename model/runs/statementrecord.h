#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace retort {

/// One SQL statement a step executed, as the helper saw it go to the database.
struct StatementRecord
{
    int sequence = 0;          ///< 1-based within its step
    QString sql;
    QDateTime startedAt;       ///< UTC
    qint64 durationUs = -1;    ///< -1 while it runs (or when it never came back)
    qint64 rowsAffected = -1;  ///< -1 when the driver does not say
    QStringList notices;       ///< server NOTICE/WARNING messages it raised
    QString error;             ///< empty when it succeeded

    bool finished() const { return durationUs >= 0 || !error.isEmpty(); }
    bool operator==(const StatementRecord &) const = default;
};

} // namespace retort
