#pragma once

#include <QString>

#include <optional>

namespace retort {

/// A duration as people write it for lock_timeout and statement_timeout: "500ms", "5s", "1.5s",
/// "2min", "1h"; a bare number is milliseconds, as PostgreSQL takes it. nullopt for anything else,
/// for negative values and for more than 24 days (the largest int of milliseconds).
std::optional<int> parseDurationMs(const QString &text);

} // namespace retort
