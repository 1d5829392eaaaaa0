#pragma once

#include "projectconfig.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace retort {

/// Notices changes to a project made by other programs (a new revision from `alembic revision`,
/// a `git checkout`, an edit in another editor) and reports them once per burst, so the project
/// can be rescanned. Watches the ini file, the version folders (and their subfolders when
/// recursive_version_locations is on) and, up to kMaxWatchedFiles, the revision files themselves:
/// beyond that, in-place edits of files are only seen by the next rescan, to stay within the
/// system's inotify limit.
class ProjectWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxWatchedFiles = 4000;

    explicit ProjectWatcher(QObject *parent = nullptr);

    /// Watches \a config's files and folders instead of the previous project's.
    void watch(const ProjectConfig &config);
    void clear();
    QStringList watchedPaths() const;

    /// Milliseconds to wait for a burst of events to end before reporting (default 150).
    void setDelay(int milliseconds) { m_debounce.setInterval(milliseconds); }

signals:
    /// Something under the project changed on disk.
    void changed();

private:
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
};

} // namespace retort
