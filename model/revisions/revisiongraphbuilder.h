#pragma once

// Internal: builds the data behind a RevisionGraph with the semantics of Alembic's RevisionMap
// (load order, duplicates, label map, dependencies, edges, heads and bases, normalized
// dependencies, cycles, label propagation, history order).

#include "revisiongraphdata.h"

#include <memory>

namespace retort::detail {

class RevisionGraphBuilder
{
public:
    static std::shared_ptr<GraphData> build(QList<Revision> revisions, Diagnostics scanDiagnostics);
};

} // namespace retort::detail
