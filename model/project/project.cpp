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
    project.m_graph = RevisionGraph::build(scan.revisions, diagnostics);
    return project;
}

} // namespace retort
