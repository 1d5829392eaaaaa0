#pragma once

#include <QStringList>

class QSettings;

namespace retort {

/// The most-recently-opened projects, newest first, without duplicates and capped in length.
/// A value; read from and written to settings explicitly.
class RecentProjects
{
public:
    static constexpr qsizetype kMaxEntries = 10;

    RecentProjects() = default;
    explicit RecentProjects(const QStringList &paths);

    /// Moves `path` to the front (adding it if new) and drops the oldest beyond the cap.
    void add(const QString &path);
    void remove(const QString &path);
    void clear() { m_paths.clear(); }
    const QStringList &paths() const { return m_paths; }

    static RecentProjects read(const QSettings &settings);
    void write(QSettings &settings) const;

private:
    QStringList m_paths;
};

} // namespace retort
