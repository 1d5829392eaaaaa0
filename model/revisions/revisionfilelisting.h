#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

/// The revision files of one version location, in Alembic's order: names sorted within each
/// folder, then (when recursive) each subfolder in sorted order. Skips `__init__` files, editor
/// lock files (`.#name`), `__pycache__` and anything that does not end in `.py`.
///
/// Names stay as the file system's bytes; a file's path is only made when asked for (pathOf()),
/// so that the scanner can make the paths on its worker threads.
class RevisionFileListing
{
public:
    struct File
    {
        qsizetype folder;   ///< index into folders()
        QByteArray rawName; ///< the name as the file system has it (need not be valid UTF-8)
        bool symlink = false;
        bool regular = false; ///< the folder listed it as a regular file (not a link, FIFO, device...)
    };

    /// Lists `folder` (absolute); a folder that cannot be read has no files.
    static RevisionFileListing list(const QString &folder, bool recursive);

    /// Absolute, without a trailing slash (except the root).
    const QStringList &folders() const { return m_folders; }
    const QList<File> &files() const { return m_files; }

    /// The absolute path of `name` in `folder`, the name decoded for display and diagnostics.
    static QString pathOf(const QString &folder, QByteArrayView name);
    QString pathOf(const File &file) const { return pathOf(m_folders[file.folder], file.rawName); }

private:
    void listFolder(const QString &folder, bool recursive);

    QStringList m_folders;
    QList<File> m_files;
};

} // namespace retort
