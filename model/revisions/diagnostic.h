#pragma once

#include <QList>
#include <QString>

namespace retort {

/// A problem found while loading a project or building the revision graph, with where it is.
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString path;     ///< file the problem is in; empty when it is not about one file
    int line = 0;     ///< 1-based line, 0 when unknown
    QString message;
    QString revision; ///< revision id the problem concerns, when there is one

    static QString severityName(Severity severity);
    bool operator==(const Diagnostic &) const = default;
};

} // namespace retort

// Qt values and numbers: QList may move a diagnostic in memory without its move constructor.
Q_DECLARE_TYPEINFO(retort::Diagnostic, Q_RELOCATABLE_TYPE);

namespace retort {

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace retort
