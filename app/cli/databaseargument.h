#pragma once

#include "schemasnapshot.h"

#include <QString>
#include <optional>

namespace retort::cli {

/// The snapshot of the database a --db value names: postgresql://... (or postgres://, with an
/// optional SQLAlchemy +driver), a libpq key=value string, or sqlite:///path. nullopt with
/// \a error in plain words when it cannot be read.
std::optional<SchemaSnapshot> introspectDatabase(const QString &db, QString *error);

} // namespace retort::cli
