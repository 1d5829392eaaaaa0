#include "stepconcern.h"

#include "sqltouchedobjects.h"

#include <algorithm>

namespace retort {

QString StepConcern::describe() const
{
    switch (kind) {
    case Kind::NoSql:
        return QStringLiteral("has no SQL (Alembic could not write it: %1)").arg(detail);
    case Kind::UndoesNothing:
        return QStringLiteral("changes nothing but alembic_version: its downgrade() is empty or `pass`, so the "
                              "schema stays as the upgrade left it");
    }
    return {};
}

std::optional<StepConcern> StepConcern::of(const RunPlanStep &step, const QString &sql, const QString &sqlError,
                                           const QString &versionTable)
{
    if (!sqlError.isEmpty())
        return StepConcern{Kind::NoSql, sqlError.simplified()};
    // A merge's downgrade (back to several parents) has nothing to undo of its own.
    if (step.upgrade || step.versionsAfter.size() > step.versionsBefore.size())
        return std::nullopt;
    QString parseError;
    const QList<TouchedObject> touched = SqlTouchedObjects::find(sql, &parseError);
    if (!parseError.isEmpty())
        return std::nullopt; // what it does is not known: no claim that it does nothing
    const bool onlyVersions = std::all_of(touched.cbegin(), touched.cend(), [&](const TouchedObject &object) {
        return object.kind == TouchedObject::Kind::Table
               && object.name.compare(versionTable, Qt::CaseInsensitive) == 0;
    });
    if (onlyVersions)
        return StepConcern{Kind::UndoesNothing, {}};
    return std::nullopt;
}

} // namespace retort
