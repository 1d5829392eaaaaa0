#pragma once

// Revision graphs for the graph, resolver and export tests: named scenarios in the compact form of
// revisiongraphspec.h, most of them the fixtures of Alembic's own tests (tests/test_revision.py,
// tests/test_version_traversal.py), in three headers:
//
//     revisiongraphscenarios_maps.h        test_revision.py's maps: branches, merges, labels, dependencies
//     revisiongraphscenarios_broken.h      test_revision.py's loops, cycles, illegal ids, duplicates
//     revisiongraphscenarios_traversal.h   test_version_traversal.py's histories
//
// They are read by these tests *and* by revisiongraph_expectations.py, which builds the same graphs
// with Alembic 1.8.1 to produce every expected value; change a scenario only together with a
// regeneration.

#include "revisiongraph.h"
#include "revisiongraphscenarios_broken.h"
#include "revisiongraphscenarios_maps.h"
#include "revisiongraphscenarios_traversal.h"
#include "revisiongraphspec.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace retort::test {

/// Scenario name -> its lines, in the order of the scenario headers (maps, broken, traversal), which is
/// also the order revisiongraph_expectations.py reads them in.
inline const QList<std::pair<QString, QStringList>> &scenarioSpecs()
{
    static const QList<std::pair<QString, QStringList>> specs = [] {
        QList<std::pair<QString, QStringList>> result;
        for (const char *scenarios : {kRevisionMapScenarios, kBrokenScenarios, kTraversalScenarios}) {
            const QStringList lines = QString::fromUtf8(scenarios).split(u'\n');
            for (QString line : lines) {
                if (const qsizetype comment = line.indexOf(QStringLiteral("//")); comment >= 0)
                    line.truncate(comment);
                line = line.trimmed();
                if (line.isEmpty())
                    continue;
                if (line.startsWith(u'[') && line.endsWith(u']'))
                    result.append({line.mid(1, line.size() - 2), {}});
                else if (!result.isEmpty())
                    result.last().second.append(line);
            }
        }
        return result;
    }();
    return specs;
}

inline QStringList scenarioNames()
{
    QStringList names;
    for (const auto &[name, lines] : scenarioSpecs())
        names.append(name);
    return names;
}

/// The lines of a named scenario; an empty list for an unknown name (check with scenarioNames()).
inline QStringList scenarioSpec(const QString &name)
{
    for (const auto &[scenarioName, lines] : scenarioSpecs())
        if (scenarioName == name)
            return lines;
    return {};
}

/// The graph of a named scenario, built once per process.
inline RevisionGraph scenario(const QString &name)
{
    static QHash<QString, RevisionGraph> cache;
    if (const auto it = cache.constFind(name); it != cache.cend())
        return *it;
    const RevisionGraph graph = graphFromSpec(scenarioSpec(name));
    cache.insert(name, graph);
    return graph;
}

} // namespace retort::test
