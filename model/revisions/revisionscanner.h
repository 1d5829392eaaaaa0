#pragma once

#include "diagnostic.h"
#include "revision.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

/// What scanning one file produced: the revision (when the file defines one) and any problems.
struct RevisionFileScan
{
    std::optional<Revision> revision;
    Diagnostics diagnostics;
};

/// All revisions of a project's version locations, in Alembic's load order.
struct RevisionScan
{
    QList<Revision> revisions;
    Diagnostics diagnostics;
};

/// Reads Alembic revision files statically, without running Python: the module-level
/// `revision`, `down_revision`, `branch_labels` and `depends_on` literals and the docstring.
class RevisionScanner
{
public:
    /// Scans the source of one file; `path` is used for the result and the diagnostics.
    static RevisionFileScan scanSource(const QByteArray &source, const QString &path);
    static RevisionFileScan scanFile(const QString &path);

    /// Revision files of one version location in Alembic's order: names sorted within each
    /// folder, then (when recursive) each subfolder in sorted order. Skips `__init__` files,
    /// editor lock files (`.#name`), `__pycache__` and anything that does not end in `.py`.
    static QStringList listRevisionFiles(const QString &location, bool recursive);

    /// Scans every location in order. A file reached twice (through overlapping locations) is
    /// read once, as Alembic does.
    static RevisionScan scanLocations(const QStringList &locations, bool recursive);
};

} // namespace retort
