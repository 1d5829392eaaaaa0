#pragma once

// Shared by the tst_revisiongraph_* tests: a RevisionGraph's answers compared with the expected values
// that tests/unit/revisiongraph_expectations.py generates from Alembic, and the diagnostics a graph
// carries, found and described for a failed check's message.

#include "diagnostic.h"
#include "revision.h"
#include "revisiongraph.h"

#include <QString>
#include <QStringList>
#include <QTest>

namespace retort::test {

/// Marks an expected list Alembic itself does not produce deterministically (set iteration
/// order); only the members are compared.
inline const QStringList kUnstable{QStringLiteral("<not deterministic in Alembic>")};

/// Fails the test unless \a actual is \a expected (anything, where \a expected is kUnstable).
inline void compareList(const QStringList &actual, const QStringList &expected, const char *what)
{
    if (expected == kUnstable)
        return;
    if (actual != expected)
        QFAIL(qPrintable(QStringLiteral("%1: got [%2], Alembic says [%3]")
                             .arg(QString::fromLatin1(what), actual.join(QStringLiteral(", ")),
                                  expected.join(QStringLiteral(", ")))));
}

/// The first diagnostic of \a severity whose message contains \a containing, or nullptr.
inline const Diagnostic *findDiagnostic(const Diagnostics &diagnostics, Diagnostic::Severity severity,
                                        const QString &containing)
{
    for (const Diagnostic &d : diagnostics)
        if (d.severity == severity && d.message.contains(containing))
            return &d;
    return nullptr;
}

/// The ids of the graph's revisions, in its order.
inline QStringList idsOf(const RevisionGraph &graph)
{
    QStringList ids;
    for (const Revision &rev : graph.revisions())
        ids.append(rev.id);
    return ids;
}

/// All diagnostics on one line, for a failed check's message.
inline QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(QStringLiteral("[%1] %2:%3 %4 (%5)")
                         .arg(Diagnostic::severityName(d.severity), d.path)
                         .arg(d.line)
                         .arg(d.message, d.revision));
    return lines.join(QStringLiteral("; "));
}

} // namespace retort::test
