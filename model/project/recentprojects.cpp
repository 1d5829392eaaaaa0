#include "recentprojects.h"

#include <QDir>
#include <QSettings>

namespace retort {

namespace {
const QString kSettingsKey = QStringLiteral("recentProjects");

QString normalized(const QString &path)
{
    return QDir::cleanPath(path);
}
} // namespace

RecentProjects::RecentProjects(const QStringList &paths)
{
    for (auto it = paths.crbegin(); it != paths.crend(); ++it)
        add(*it);
}

void RecentProjects::add(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString clean = normalized(path);
    m_paths.removeAll(clean);
    m_paths.prepend(clean);
    while (m_paths.size() > kMaxEntries)
        m_paths.removeLast();
}

void RecentProjects::remove(const QString &path)
{
    m_paths.removeAll(normalized(path));
}

RecentProjects RecentProjects::read(const QSettings &settings)
{
    return RecentProjects(settings.value(kSettingsKey).toStringList());
}

void RecentProjects::write(QSettings &settings) const
{
    settings.setValue(kSettingsKey, m_paths);
}

} // namespace retort
