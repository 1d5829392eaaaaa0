#pragma once

#include "runplan.h"

#include <QString>
#include <optional>

namespace retort {

/// What the reviewer of a plan must see about a step besides its destructive operations: Alembic
/// could not write the step's SQL (a missing upgrade() or downgrade(), an error in the file), or a
/// downgrade changes nothing but alembic_version (its downgrade() is empty or `pass`), so it would
/// leave the schema as the upgrade made it. A merge's downgrade is expected to be empty.
struct StepConcern
{
    enum class Kind { NoSql, UndoesNothing };

    Kind kind = Kind::NoSql;
    QString detail; ///< Alembic's error, for NoSql

    /// "has no SQL: ...", "changes nothing but alembic_version: ...", in words.
    QString describe() const;
    bool operator==(const StepConcern &) const = default;

    /// The concern about \a step given its offline \a sql or the \a sqlError Alembic gave instead;
    /// none when there is nothing to say. \a versionTable: the project's version table.
    static std::optional<StepConcern> of(const RunPlanStep &step, const QString &sql, const QString &sqlError,
                                         const QString &versionTable = QStringLiteral("alembic_version"));
};

} // namespace retort
