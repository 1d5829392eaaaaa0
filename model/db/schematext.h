#pragma once

#include "schemasnapshot.h"

#include <QString>

namespace retort {

/// A SchemaSnapshot as a readable, indented tree: schema, then its tables, views, materialized
/// views (columns, constraints, indexes), enums and sequences. What `retort-cli schema` prints.
class SchemaText
{
public:
    static QString toText(const SchemaSnapshot &snapshot);
    /// "16 kB", "2.5 MB": a size for people.
    static QString size(qint64 bytes);
};

} // namespace retort
