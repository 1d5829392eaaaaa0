#include "project.h"

#include "revisionscanner.h"

namespace retort {

Project Project::load(const QString &path, const QString &section)
{
    Project project;
    project.m_config = ProjectConfig::load(path, section);
    RevisionScan scan = RevisionScanner::scanLocations(project.m_config.versionLocations(),
                                                       project.m_config.recursiveVersionLocations());
    Diagnostics diagnostics = project.m_config.diagnostics();
    diagnostics += scan.diagnostics;
    if (scan.revisions.isEmpty() && scan.diagnostics.isEmpty()) {
        // Nothing was found at all: say where Retort looked.
        for (const QString &location : project.m_config.versionLocations())
            diagnostics.append({Diagnostic::Severity::Warning, location, 0,
                                QStringLiteral("no revision files in %1").arg(location), {}});
    }
    project.m_loadDiagnostics = diagnostics;
    project.m_graph = RevisionGraph::build(std::move(scan.revisions), std::move(diagnostics));
    return project;
}

Project Project::withRevisions(const QList<Revision> &revisions) const
{
    Project project;
    project.m_config = m_config;
    project.m_loadDiagnostics = m_loadDiagnostics;
    project.m_graph = RevisionGraph::build(revisions, m_loadDiagnostics);
    return project;
}

} // namespace retort
