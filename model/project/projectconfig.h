#pragma once

#include "diagnostic.h"

#include <QString>
#include <QStringList>

namespace retort {

/// Where an Alembic project keeps its revisions, worked out as Alembic's Config and ScriptDirectory.from_config()
/// would, without running Python. An immutable value; every problem is a diagnostic with the file and line.
///
/// Relative paths in alembic.ini are taken against the ini file's folder, where users run `alembic`;
/// `package:path` is found as a folder in the project (prepend_sys_path entries, the ini folder, then src/).
class ProjectConfig
{
public:
    ProjectConfig() = default;

    /// Loads \a path: an ini file; a folder with alembic.ini; a script directory (env.py or versions/); or a
    /// folder of revision files. \a section is the ini section, as `alembic -n`.
    static ProjectConfig load(const QString &path, const QString &section = QStringLiteral("alembic"));

    /// The folder shown to the user: the ini file's folder, else the folder that was opened.
    QString projectRoot() const { return m_projectRoot; }
    /// Absolute path of the ini file used; empty when there is none.
    QString iniPath() const { return m_iniPath; }
    /// The ini section used; empty when no ini file is used.
    QString section() const { return m_section; }
    /// Absolute script directory (where env.py lives); empty when there is none or it does not exist.
    QString scriptLocation() const { return m_scriptLocation; }
    /// Absolute folders to scan for revision files, in order, existing and without duplicates.
    QStringList versionLocations() const { return m_versionLocations; }
    /// recursive_version_locations (Alembic 1.10+): scan subfolders of the version locations too.
    bool recursiveVersionLocations() const { return m_recursive; }
    /// sqlalchemy.url as Alembic's get_main_option() returns it; may be empty.
    QString sqlalchemyUrl() const { return m_sqlalchemyUrl; }
    /// Sections of the ini file that set script_location (their own, or [DEFAULT]'s for sections that are not
    /// logging configuration): each one an independent history to load by name.
    QStringList availableSections() const { return m_availableSections; }
    Diagnostics diagnostics() const { return m_diagnostics; }
    /// True when at least one version location was found.
    bool isValid() const { return !m_versionLocations.isEmpty(); }

private:
    void loadIni(const QString &iniPath, const QString &section);
    void loadScriptDirectory(const QString &folder);
    void addVersionLocation(const QString &location, const QString &sourcePath, int line, bool configured);
    void addDiagnostic(Diagnostic::Severity severity, const QString &path, int line, const QString &message);

    QString m_projectRoot;
    QString m_iniPath;
    QString m_section;
    QString m_scriptLocation;
    QStringList m_versionLocations;
    bool m_recursive = false;
    QString m_sqlalchemyUrl;
    QStringList m_availableSections;
    Diagnostics m_diagnostics;
};

} // namespace retort
