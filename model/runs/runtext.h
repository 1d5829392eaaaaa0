#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace retort {

/// Revisions as run messages list them, "a1, b2" (joined with \a separator), or \a whenEmpty when
/// there are none (an empty alembic_version: base).
QString listedRevisions(const QStringList &revisions, const QString &whenEmpty = QStringLiteral("base"),
                        const QString &separator = QStringLiteral(", "));

/// The strings of a JSON array (the helper's lists of revisions); empty for anything else.
QStringList jsonStrings(const QJsonValue &value);

/// The operating-system user running Retort ($USER, $LOGNAME or $USERNAME), "unknown" when none is
/// set; runs and verifications record it.
QString currentUserName();

} // namespace retort
