#include "projectwatcher.h"

#include <QDirIterator>
#include <QFileInfo>

namespace retort {

ProjectWatcher::ProjectWatcher(QObject *parent)
    : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ProjectWatcher::changed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        // Editors that save by renaming replace the file: inotify then drops the watch.
        if (QFileInfo::exists(path) && !m_watcher.files().contains(path))
            m_watcher.addPath(path);
        m_debounce.start();
    });
}

void ProjectWatcher::clear()
{
    m_debounce.stop();
    const QStringList watched = watchedPaths();
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
}

void ProjectWatcher::watch(const ProjectConfig &config)
{
    clear();
    QStringList folders;
    QStringList files;
    if (!config.iniPath().isEmpty())
        files.append(config.iniPath());
    for (const QString &location : config.versionLocations()) {
        folders.append(location);
        const auto folderFlags = config.recursiveVersionLocations() ? QDirIterator::Subdirectories
                                                                    : QDirIterator::NoIteratorFlags;
        if (config.recursiveVersionLocations()) {
            QDirIterator sub(location, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (sub.hasNext())
                folders.append(sub.next());
        }
        QDirIterator py(location, {QStringLiteral("*.py")}, QDir::Files, folderFlags);
        while (py.hasNext() && files.size() <= kMaxWatchedFiles)
            files.append(py.next());
    }
    if (files.size() > kMaxWatchedFiles)
        files = files.mid(0, config.iniPath().isEmpty() ? 0 : 1); // folders and the ini file only
    const QStringList all = folders + files;
    if (!all.isEmpty())
        m_watcher.addPaths(all);
}

QStringList ProjectWatcher::watchedPaths() const
{
    return m_watcher.directories() + m_watcher.files();
}

} // namespace retort
