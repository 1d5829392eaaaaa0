#include "revisionfilelisting.h"

#include <QFile>
#include <QUtf8StringView>

#include <algorithm>
#include <cstring>
#include <dirent.h>
#include <string_view>
#include <sys/stat.h>
#include <vector>

namespace retort {
namespace {

bool isRevisionFileName(QByteArrayView name)
{
    return name.endsWith(".py") && !name.startsWith("__init__") && !name.startsWith(".#");
}

bool isAscii(QByteArrayView bytes)
{
    // Eight bytes at a time: a name's path is made for every file, on the scanner's threads.
    quint64 any = 0;
    qsizetype i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        quint64 word;
        std::memcpy(&word, bytes.data() + i, 8);
        any |= word;
    }
    for (; i < bytes.size(); ++i)
        any |= uchar(bytes[i]);
    return (any & 0x8080808080808080ull) == 0;
}

/// The first eight bytes of a name as a number that orders like the bytes (zero-padded; a name
/// holds no NUL, so a shorter name with the same start still comes first).
quint64 sortPrefix(const QByteArray &name)
{
    unsigned char bytes[8] = {};
    std::memcpy(bytes, name.constData(), size_t(std::min<qsizetype>(name.size(), 8)));
    quint64 key = 0;
    for (unsigned char b : bytes)
        key = (key << 8) | b;
    return key;
}

/// Python's sorted() on names: code point order. For UTF-8 that is byte order; names that are not
/// UTF-8 are compared as decoded text instead.
template<typename Entry>
void sortByName(QList<Entry> &entries)
{
    const bool allUtf8 = std::all_of(entries.cbegin(), entries.cend(),
                                     [](const Entry &e) { return QUtf8StringView(e.rawName).isValidUtf8(); });
    if (!allUtf8) {
        std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
            return QFile::decodeName(a.rawName) < QFile::decodeName(b.rawName);
        });
        return;
    }
    // Sorted as (first eight bytes as a number, index) pairs, which nearly always settles a
    // comparison without touching the names (ten thousand of them are sorted before any file is
    // read), then the entries are put in that order.
    struct Key
    {
        quint64 prefix;
        qsizetype index;
    };
    std::vector<Key> keys;
    keys.reserve(size_t(entries.size()));
    for (qsizetype i = 0; i < entries.size(); ++i)
        keys.push_back({sortPrefix(entries[i].rawName), i});
    std::sort(keys.begin(), keys.end(), [&entries](const Key &a, const Key &b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix;
        const QByteArray &x = entries[a.index].rawName;
        const QByteArray &y = entries[b.index].rawName;
        return std::string_view(x.constData(), size_t(x.size())) < std::string_view(y.constData(), size_t(y.size()));
    });
    QList<Entry> sorted;
    sorted.reserve(entries.size());
    for (const Key &key : keys)
        sorted.append(std::move(entries[key.index]));
    entries = std::move(sorted);
}

} // namespace

RevisionFileListing RevisionFileListing::list(const QString &folder, bool recursive)
{
    RevisionFileListing listing;
    listing.listFolder(folder, recursive);
    return listing;
}

QString RevisionFileListing::pathOf(const QString &folder, QByteArrayView name)
{
    // Names are nearly always ASCII, which every local 8-bit encoding reads alike: those are
    // widened straight into the path, without the locale's codec (QFile::decodeName) or a copy.
    const bool ascii = isAscii(name);
    const QString decoded = ascii ? QString() : QFile::decodeName(name.toByteArray());
    QString path;
    path.reserve(folder.size() + 1 + (ascii ? name.size() : decoded.size()));
    path += folder;
    if (!folder.endsWith(u'/'))
        path += u'/';
    if (ascii)
        path += QLatin1StringView(name);
    else
        path += decoded;
    return path;
}

/// Entries of one folder via readdir: the file type comes with the entry, so no stat per file.
/// Names are filtered and sorted as bytes; only the revision files' names are decoded.
void RevisionFileListing::listFolder(const QString &folder, bool recursive)
{
    const QByteArray encodedFolder = QFile::encodeName(folder);
    DIR *dir = ::opendir(encodedFolder.constData());
    if (!dir)
        return;
    const QByteArray encodedPrefix = encodedFolder.endsWith('/') ? encodedFolder : encodedFolder + '/';
    struct Entry
    {
        QByteArray rawName;
        bool symlink;
        bool regular = false;
    };
    QList<Entry> fileEntries;
    QList<Entry> subfolders;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArrayView name(entry->d_name);
        if (name == "." || name == "..")
            continue;
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN) {
            struct stat info = {};
            if (::lstat(QByteArray(encodedPrefix).append(name).constData(), &info) == 0)
                type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISLNK(info.st_mode) ? DT_LNK : S_ISREG(info.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        if (type == DT_DIR) {
            if (recursive && name != "__pycache__")
                subfolders.append({name.toByteArray(), false}); // symlinked folders are not followed, like os.walk
            continue;
        }
        // Regular files, links, and anything else named like a revision (a FIFO, a device): those
        // are listed so that reading them reports "not a regular file" instead of passing silently.
        if (!isRevisionFileName(name))
            continue;
        if (type == DT_LNK) {
            // A link to a folder is not a file; a dangling link is listed and reported unreadable.
            struct stat target = {};
            if (::stat(QByteArray(encodedPrefix).append(name).constData(), &target) == 0 && S_ISDIR(target.st_mode))
                continue;
        }
        fileEntries.append({name.toByteArray(), type == DT_LNK, type == DT_REG});
    }
    ::closedir(dir);
    sortByName(fileEntries);
    const qsizetype folderIndex = m_folders.size();
    m_folders.append(folder);
    m_files.reserve(m_files.size() + fileEntries.size());
    for (Entry &e : fileEntries)
        m_files.append({folderIndex, std::move(e.rawName), e.symlink, e.regular});
    sortByName(subfolders);
    for (const Entry &sub : std::as_const(subfolders))
        listFolder(pathOf(folder, sub.rawName), true);
}

} // namespace retort
