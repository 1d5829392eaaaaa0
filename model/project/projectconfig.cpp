#include "projectconfig.h"

#include "inifile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <optional>

namespace retort {

namespace {

using Severity = Diagnostic::Severity;

QString scriptLocationKey()
{
    return QStringLiteral("script_location");
}

// os.path.abspath(os.path.join(base, path)), with `base` standing in for the current directory.
QString absolutePath(const QString &path, const QString &base)
{
    if (path.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(path);
    if (path.isEmpty())
        return QDir::cleanPath(base);
    return QDir::cleanPath(base + QLatin1Char('/') + path);
}

bool isScriptDirectory(const QString &folder)
{
    return QFileInfo(folder + QStringLiteral("/env.py")).isFile() ||
           QFileInfo(folder + QStringLiteral("/versions")).isDir();
}

// Sections of Python's logging.config.fileConfig() and Alembic's hooks, which inherit a [DEFAULT] script_location
// without being histories.
bool isLoggingSection(const QString &name)
{
    static const QStringList exact{QStringLiteral("loggers"), QStringLiteral("handlers"), QStringLiteral("formatters"),
                                   QStringLiteral("post_write_hooks")};
    return exact.contains(name) || name.startsWith(QStringLiteral("logger_")) ||
           name.startsWith(QStringLiteral("handler_")) || name.startsWith(QStringLiteral("formatter_"));
}

bool sameFile(const QString &a, const QString &b)
{
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    return !canonicalA.isEmpty() && canonicalA == QFileInfo(b).canonicalFilePath();
}

QString joinQuoted(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(QLatin1Char('[') + name + QLatin1Char(']'));
    return quoted.join(QStringLiteral(", "));
}

// SQLAlchemy's util.asbool(), which Alembic uses for recursive_version_locations.
std::optional<bool> pyAsBool(const QString &value)
{
    const QString v = value.trimmed().toLower();
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on"),
                                 QStringLiteral("y"),    QStringLiteral("t"),   QStringLiteral("1")};
    static const QStringList no{QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off"),
                                QStringLiteral("n"),     QStringLiteral("f"),  QStringLiteral("0")};
    if (yes.contains(v))
        return true;
    if (no.contains(v))
        return false;
    return std::nullopt;
}

struct Resolved
{
    QString path;
    QString error;
};

// util.coerce_resource_to_filename(): a relative name with a colon is `package:path`. Retort does not import
// Python, so the package is looked for as a folder under each of \a roots (what sys.path would hold).
Resolved resolveLocation(const QString &location, const QString &iniDir, const QStringList &roots)
{
    if (location.startsWith(QLatin1Char('/')) || !location.contains(QLatin1Char(':')))
        return {absolutePath(location, iniDir), {}};

    const QStringList tokens = location.split(QLatin1Char(':'));
    const QString package = tokens.first();
    static const QRegularExpression dotted(QStringLiteral("^[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*$"));
    if (!dotted.match(package).hasMatch()) {
        return {{},
                QStringLiteral("%1 is neither a path nor package:path (%2 is not a Python package name)")
                    .arg(location, package.isEmpty() ? QStringLiteral("an empty name") : package)};
    }
    const QString relative = QString(package).replace(QLatin1Char('.'), QLatin1Char('/'));
    for (const QString &root : roots) {
        QString path = root + QLatin1Char('/') + relative;
        if (!QFileInfo(path).isDir())
            continue;
        for (qsizetype i = 1; i < tokens.size(); ++i) {
            const QString &token = tokens.at(i);
            if (token.startsWith(QLatin1Char('/')))
                path = token; // pathlib: joining an absolute part replaces the path
            else if (!token.isEmpty())
                path += QLatin1Char('/') + token;
        }
        return {QDir::cleanPath(path), {}};
    }
    QStringList shown;
    for (const QString &root : roots)
        shown.append(root + QLatin1Char('/') + relative);
    return {{},
            QStringLiteral("package %1 of %2 not found; looked for %3 (Retort finds packages as folders of the "
                           "project, it does not import them)")
                .arg(package, location, shown.join(QStringLiteral(", ")))};
}

// Folders beside the ini file that Alembic could be pointed at: the folder itself if it is a script directory,
// else its immediate subfolders that are.
QStringList scriptDirectoriesNear(const QString &folder)
{
    if (isScriptDirectory(folder))
        return {folder};
    QStringList found;
    const QStringList children =
        QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::Name);
    for (const QString &child : children) {
        const QString path = folder + QLatin1Char('/') + child;
        if (isScriptDirectory(path))
            found.append(path);
    }
    return found;
}

} // namespace

ProjectConfig ProjectConfig::load(const QString &path, const QString &section)
{
    ProjectConfig config;
    if (path.isEmpty()) {
        config.addDiagnostic(Severity::Error, {}, 0, QStringLiteral("no project path given"));
        return config;
    }
    const QFileInfo info(path);
    const QString absolute = QDir::cleanPath(info.absoluteFilePath());
    if (!info.exists()) {
        config.m_projectRoot = absolute;
        config.addDiagnostic(Severity::Error, absolute, 0, QStringLiteral("%1 does not exist").arg(absolute));
        return config;
    }
    if (!info.isDir()) {
        config.loadIni(absolute, section);
        return config;
    }

    const QString ini = absolute + QStringLiteral("/alembic.ini");
    if (QFileInfo(ini).isFile()) {
        config.loadIni(ini, section);
        return config;
    }

    config.m_projectRoot = absolute;
    if (isScriptDirectory(absolute)) {
        // Opened the script directory: use the ini file next to it when that is what it configures.
        const QString parentIni = QFileInfo(absolute).absolutePath() + QStringLiteral("/alembic.ini");
        if (QFileInfo(parentIni).isFile()) {
            ProjectConfig parent;
            parent.loadIni(parentIni, section);
            if (!parent.m_section.isEmpty() && sameFile(parent.m_scriptLocation, absolute)) {
                parent.addDiagnostic(
                    Severity::Info, absolute, 0,
                    QStringLiteral("%1 is the script_location of %2; using that file").arg(absolute, parentIni));
                return parent;
            }
        }
        config.loadScriptDirectory(absolute);
        return config;
    }

    // Anything else is read as a folder of revision files.
    if (QDir(absolute).entryList({QStringLiteral("*.py")}, QDir::Files).isEmpty()) {
        config.addDiagnostic(Severity::Warning, absolute, 0,
                             QStringLiteral("%1 has no alembic.ini, env.py, versions folder or revision files; "
                                            "reading it as an empty folder of revisions")
                                 .arg(absolute));
    }
    config.m_versionLocations.append(absolute);
    return config;
}

void ProjectConfig::loadScriptDirectory(const QString &folder)
{
    m_scriptLocation = folder;
    addVersionLocation(folder + QStringLiteral("/versions"), folder, 0, false);
}

void ProjectConfig::loadIni(const QString &iniPath, const QString &section)
{
    const QString iniDir = QFileInfo(iniPath).absolutePath();
    m_iniPath = iniPath;
    m_projectRoot = iniDir;
    m_section = section;

    // Config.file_config: ConfigParser({"here": abspath(dirname(ini))}).read([ini])
    const IniFile ini = IniFile::read(iniPath, {{QStringLiteral("here"), iniDir}});
    m_diagnostics += ini.diagnostics();
    const bool defaultLocation = !ini.entries(IniFile::defaultSectionName()).isEmpty() &&
                                 ini.line(IniFile::defaultSectionName(), scriptLocationKey()) > 0;
    for (const QString &name : ini.sections()) {
        const QList<IniFile::Entry> entries = ini.entries(name);
        const bool own = std::any_of(entries.cbegin(), entries.cend(),
                                     [](const IniFile::Entry &e) { return e.key == scriptLocationKey(); });
        if (own || (defaultLocation && !isLoggingSection(name)))
            m_availableSections.append(name);
    }

    if (!ini.hasSection(section)) {
        m_section.clear();
        QString message = QStringLiteral("no [%1] section in %2").arg(section, iniPath);
        if (!m_availableSections.isEmpty()) {
            message += QStringLiteral("; sections with a script_location: %1").arg(joinQuoted(m_availableSections));
            addDiagnostic(Severity::Error, iniPath, 0, message);
            return;
        }
        const QStringList candidates = scriptDirectoriesNear(iniDir);
        if (candidates.size() > 1) {
            message += QStringLiteral("; several script directories beside it (%1): open one of them")
                           .arg(candidates.join(QStringLiteral(", ")));
        }
        addDiagnostic(Severity::Error, iniPath, 0, message);
        if (candidates.size() == 1) {
            addDiagnostic(
                Severity::Warning, iniPath, 0,
                QStringLiteral("using %1, the only script directory beside %2").arg(candidates.first(), iniPath));
            loadScriptDirectory(candidates.first());
        }
        return;
    }

    Diagnostics problems;
    auto get = [&](const QString &key) { return ini.value(section, key, &problems); };

    // prepend_sys_path is put on sys.path before script_location is resolved; roots to find packages in.
    QStringList roots;
    if (const std::optional<QString> sysPath = get(QStringLiteral("prepend_sys_path"));
        sysPath && !sysPath->isEmpty()) {
        static const QRegularExpression split(QStringLiteral(", *|(?: +)|\\:"));
        for (const QString &entry : sysPath->split(split))
            roots.append(absolutePath(entry, iniDir));
    }
    roots << iniDir << iniDir + QStringLiteral("/src");
    roots.removeDuplicates();

    // script_location
    const int scriptLine = ini.line(section, scriptLocationKey());
    if (!ini.contains(section, scriptLocationKey())) {
        addDiagnostic(Severity::Error, iniPath, ini.sectionLine(section),
                      QStringLiteral("no script_location in [%1] of %2").arg(section, iniPath));
    } else if (const std::optional<QString> location = get(scriptLocationKey())) {
        const Resolved resolved = resolveLocation(*location, iniDir, roots);
        if (location->isEmpty()) {
            addDiagnostic(Severity::Error, iniPath, scriptLine, QStringLiteral("script_location is empty"));
        } else if (!resolved.error.isEmpty()) {
            addDiagnostic(Severity::Error, iniPath, scriptLine, resolved.error);
        } else if (!QFileInfo(resolved.path).isDir()) {
            addDiagnostic(Severity::Error, iniPath, scriptLine,
                          QStringLiteral("script_location %1 does not exist").arg(resolved.path));
        } else {
            m_scriptLocation = resolved.path;
        }
    }

    // version_locations, split by version_path_separator
    const std::optional<QString> versions = get(QStringLiteral("version_locations"));
    if (versions && !versions->isEmpty()) {
        const int versionsLine = ini.line(section, QStringLiteral("version_locations"));
        const std::optional<QString> separator = get(QStringLiteral("version_path_separator"));
        QStringList entries;
        if (!separator) {
            // Legacy: re.split(r", *|(?: +)", ...) keeps empty strings, which abspath() turns into the cwd.
            static const QRegularExpression split(QStringLiteral(", *|(?: +)"));
            entries = versions->split(split);
        } else {
            QString splitOn;
            if (*separator == QStringLiteral("space"))
                splitOn = QStringLiteral(" ");
            else if (*separator == QStringLiteral("os") || *separator == QStringLiteral(":"))
                splitOn = QStringLiteral(":");
            else if (*separator == QStringLiteral(";"))
                splitOn = QStringLiteral(";");
            else if (*separator == QStringLiteral("newline"))
                splitOn = QStringLiteral("\n");
            if (*separator == QStringLiteral("newline")) {
                addDiagnostic(Severity::Warning, iniPath, ini.line(section, QStringLiteral("version_path_separator")),
                              QStringLiteral("version_path_separator = newline is rejected by Alembic 1.8 "
                                             "(ValueError); later versions accept it"));
            }
            if (splitOn.isEmpty()) {
                addDiagnostic(Severity::Error, iniPath, ini.line(section, QStringLiteral("version_path_separator")),
                              QStringLiteral("'%1' is not a valid value for version_path_separator; expected "
                                             "'space', 'os', ':', ';' or 'newline'")
                                  .arg(*separator));
            } else {
                entries = versions->split(splitOn, Qt::SkipEmptyParts);
            }
        }
        for (const QString &entry : std::as_const(entries)) {
            const Resolved resolved = resolveLocation(entry, iniDir, roots);
            if (!resolved.error.isEmpty()) {
                addDiagnostic(Severity::Error, iniPath, versionsLine, resolved.error);
                continue;
            }
            if (entry.isEmpty()) {
                addDiagnostic(Severity::Warning, iniPath, versionsLine,
                              QStringLiteral("version_locations has an empty entry (a comma next to a space?), "
                                             "which Alembic reads as the current folder, %1")
                                  .arg(resolved.path));
            }
            addVersionLocation(resolved.path, iniPath, versionsLine, true);
        }
    } else if (!m_scriptLocation.isEmpty()) {
        addVersionLocation(m_scriptLocation + QStringLiteral("/versions"), iniPath, scriptLine, false);
    }

    // recursive_version_locations (Alembic 1.10+), util.asbool()
    if (const std::optional<QString> recursive = get(QStringLiteral("recursive_version_locations"))) {
        const std::optional<bool> flag = pyAsBool(*recursive);
        if (flag) {
            m_recursive = *flag;
            if (m_recursive) {
                addDiagnostic(Severity::Info, iniPath, ini.line(section, QStringLiteral("recursive_version_locations")),
                              QStringLiteral("recursive_version_locations needs Alembic 1.10 or later; older versions "
                                             "read only the top folder of each version location"));
            }
        } else {
            addDiagnostic(Severity::Error, iniPath, ini.line(section, QStringLiteral("recursive_version_locations")),
                          QStringLiteral("recursive_version_locations = %1 is not true/false").arg(*recursive));
        }
    }
    m_diagnostics += problems;

    // sqlalchemy.url matters only to env.py: a value it cannot interpolate is a warning, shown raw.
    Diagnostics urlProblems;
    const QString urlKey = QStringLiteral("sqlalchemy.url");
    if (const std::optional<QString> url = ini.value(section, urlKey, &urlProblems)) {
        m_sqlalchemyUrl = *url;
    } else if (ini.contains(section, urlKey)) {
        m_sqlalchemyUrl = ini.rawValue(section, urlKey).value_or(QString());
        for (Diagnostic problem : std::as_const(urlProblems)) {
            problem.severity = Severity::Warning;
            m_diagnostics.append(problem);
        }
    }
}

void ProjectConfig::addVersionLocation(const QString &location, const QString &sourcePath, int line, bool configured)
{
    const QFileInfo info(location);
    if (!info.exists()) {
        if (configured) {
            addDiagnostic(Severity::Warning, sourcePath, line,
                          QStringLiteral("version location %1 does not exist; Alembic skips it").arg(location));
        } else {
            addDiagnostic(Severity::Error, sourcePath, line,
                          QStringLiteral("versions folder %1 does not exist").arg(location));
        }
        return;
    }
    if (!info.isDir()) {
        addDiagnostic(Severity::Error, sourcePath, line,
                      QStringLiteral("version location %1 is not a folder").arg(location));
        return;
    }
    for (const QString &existing : std::as_const(m_versionLocations)) {
        if (sameFile(existing, location)) {
            addDiagnostic(Severity::Warning, sourcePath, line,
                          QStringLiteral("version location %1 is listed more than once; its files are loaded once")
                              .arg(location));
            return;
        }
    }
    m_versionLocations.append(location);
}

void ProjectConfig::addDiagnostic(Severity severity, const QString &path, int line, const QString &message)
{
    m_diagnostics.append({severity, path, line, message, {}});
}

} // namespace retort
