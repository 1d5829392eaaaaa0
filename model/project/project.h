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

private:
    ProjectConfig m_config;
    RevisionGraph m_graph;
};

} // namespace retort

Q_DECLARE_METATYPE(retort::Project)
