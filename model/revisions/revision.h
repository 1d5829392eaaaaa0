#pragma once

#include <QString>
#include <QStringList>

namespace retort {

/// One revision file as the scanner read it, before any graph semantics are applied.
struct Revision
{
    QString id;
    QStringList downRevisions; ///< empty for a base
    QStringList branchLabels;
    QStringList dependsOn;
    QString message;    ///< first paragraph of the module docstring
    QString createDate; ///< "Create Date:" from the docstring, as written
    QString path;       ///< absolute path of the file

    int line = 0;             ///< line of `revision = ...`
    int downRevisionLine = 0; ///< 0 when absent
    int branchLabelsLine = 0;
    int dependsOnLine = 0;

    /// Values the scanner found but could not evaluate statically (not a literal).
    bool downRevisionUnresolved = false;
    bool branchLabelsUnresolved = false;
    bool dependsOnUnresolved = false;

    bool operator==(const Revision &) const = default;
};

} // namespace retort

// Qt values, numbers and flags: QList may move a revision in memory without its move constructor.
Q_DECLARE_TYPEINFO(retort::Revision, Q_RELOCATABLE_TYPE);
