#pragma once

#include "projectconfig.h"
#include "revisiongraph.h"

#include <QMetaType>
#include <QString>

namespace retort {

/// An opened Alembic project: its configuration and the revision graph read from its files.
/// A value; reloading produces a new one.
class Project
{
public:
    /// Loads from an alembic.ini, a folder holding one, a script directory or a versions folder.
    /// Never fails: problems are in diagnostics().
    static Project load(const QString &path, const QString &section = QStringLiteral("alembic"));

    const ProjectConfig &config() const { return m_config; }
    const RevisionGraph &graph() const { return m_graph; }
    /// Configuration, scanner and graph diagnostics together.
    Diagnostics diagnostics() const { return m_graph.diagnostics(); }

    /// The same project with \a revisions in place of the scanned ones (for example with values
    /// Alembic evaluated that the static scan could not read); the graph is built again.
    Project withRevisions(const QList<Revision> &revisions) const;

private:
    ProjectConfig m_config;
    RevisionGraph m_graph;
    Diagnostics m_loadDiagnostics; ///< configuration and scanner diagnostics, before the graph's own
};

} // namespace retort

Q_DECLARE_METATYPE(retort::Project)
