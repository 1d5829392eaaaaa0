#include "revisionscanner.h"

#include "pythonliteral.h"
#include "pythontokenizer.h"
#include "revisionfilelisting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QUtf8StringView>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <thread>

#include <unistd.h>

namespace retort {
namespace {

Diagnostic makeDiagnostic(Diagnostic::Severity severity, const QString &path, int line, const QString &message)
{
    Diagnostic d;
    d.severity = severity;
    d.path = path;
    d.line = line;
    d.message = message;
    return d;
}

/// PEP 263: a coding declaration on the first or second line.
QString declaredEncoding(const QByteArray &source)
{
    qsizetype secondLineEnd = source.indexOf('\n');
    if (secondLineEnd >= 0)
        secondLineEnd = source.indexOf('\n', secondLineEnd + 1);
    // std::string_view::find: a memchr for the 'c' then a compare, several times quicker here
    // than QByteArrayView::contains.
    if (std::string_view(source.constData(), size_t(secondLineEnd < 0 ? source.size() : secondLineEnd)).find("coding")
        == std::string_view::npos)
        return {};
    static const QRegularExpression coding(QStringLiteral("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)"));
    qsizetype start = 0;
    for (int lineNo = 0; lineNo < 2 && start < source.size(); ++lineNo) {
        qsizetype end = source.indexOf('\n', start);
        if (end < 0)
            end = source.size();
        const QString line = QString::fromLatin1(source.mid(start, end - start));
        const auto match = coding.match(line);
        if (match.hasMatch())
            return match.captured(1);
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(u'#'))
            break; // the declaration must precede any code
        start = end + 1;
    }
    return {};
}

/// Decodes source bytes the way Python would, into UTF-8 with `\n` line ends (for UTF-8 sources,
/// the common case, that is the bytes themselves). Returns false with a diagnostic on failure.
bool decodeSource(const QByteArray &source, const QString &path, QByteArray *utf8, Diagnostics *diagnostics)
{
    if (source.contains('\0')) {
        const int line = int(source.left(source.indexOf('\0')).count('\n')) + 1;
        diagnostics->append(makeDiagnostic(Diagnostic::Severity::Error, path, line,
                                           QStringLiteral("binary file: contains a NUL byte; not a Python revision file")));
        return false;
    }
    QString encoding = declaredEncoding(source);
    const QString normalized = encoding.toLower().replace(u'_', u'-');
    const bool isUtf8 =
        encoding.isEmpty() || normalized == u"utf-8" || normalized == u"utf8" || normalized.startsWith(u"utf-8-");
    if (isUtf8)
        encoding = QStringLiteral("UTF-8");
    // Static data for the common case: no conversion (and allocation) per file.
    const QByteArray encodingName = isUtf8 ? QByteArrayLiteral("UTF-8") : encoding.toLatin1();
    bool valid = true;
    if (isUtf8) {
        valid = QUtf8StringView(source).isValidUtf8(); // vectorised; the common case
        if (valid)
            *utf8 = source;
    } else {
        QStringDecoder decoder(encodingName.constData(), QStringDecoder::Flag::Stateless);
        if (!decoder.isValid()) {
            diagnostics->append(makeDiagnostic(Diagnostic::Severity::Error, path, 1,
                                               QStringLiteral("unknown source encoding '%1'").arg(encoding)));
            return false;
        }
        const QString text = decoder.decode(source);
        valid = !decoder.hasError();
        if (valid)
            *utf8 = text.toUtf8();
    }
    if (!valid) {
        // Find the first line that does not decode, so the message can point at it.
        int line = 1;
        qsizetype start = 0;
        while (start < source.size()) {
            qsizetype end = source.indexOf('\n', start);
            if (end < 0)
                end = source.size();
            QStringDecoder lineDecoder(encodingName.constData(), QStringDecoder::Flag::Stateless);
            const QString decoded = lineDecoder.decode(source.mid(start, end - start));
            if (lineDecoder.hasError() || decoded.contains(QChar::ReplacementCharacter))
                break;
            ++line;
            start = end + 1;
        }
        diagnostics->append(makeDiagnostic(
            Diagnostic::Severity::Error, path, line,
            QStringLiteral("not valid %1 text (declare the encoding with a '# -*- coding: ... -*-' line)").arg(encoding)));
        return false;
    }
    // Python reads source with universal newlines: \r\n and \r become \n, inside strings too.
    if (utf8->contains('\r'))
        utf8->replace("\r\n", "\n").replace('\r', '\n');
    return true;
}

/// Finds `Create Date: ...` in a docstring: the rest of the first line that starts with it
/// (after blanks), trimmed. A plain scan line by line: a regular expression (or even a substring
/// search) per file costs more than the file.
QString createDateFrom(const QString &docstring)
{
    static constexpr QStringView key = u"Create Date:";
    const qsizetype size = docstring.size();
    for (qsizetype lineStart = 0; lineStart < size;) {
        qsizetype at = lineStart;
        while (at < size && docstring[at] != u'\n' && docstring[at].isSpace())
            ++at;
        qsizetype end = docstring.indexOf(u'\n', at);
        if (end < 0)
            end = size;
        if (QStringView(docstring).sliced(at, end - at).startsWith(key))
            return QStringView(docstring).sliced(at + key.size(), end - at - key.size()).trimmed().toString();
        lineStart = end + 1;
    }
    return {};
}

/// Alembic's Script.doc: the stripped docstring up to the first blank line.
QString messageFrom(const QString &docstring)
{
    const QStringView stripped = QStringView(docstring).trimmed(); // a view: one copy, of the result
    for (qsizetype at = stripped.indexOf(u'\n'); at >= 0; at = stripped.indexOf(u'\n', at + 1))
        if (at + 1 < stripped.size() && stripped[at + 1] == u'\n')
            return stripped.left(at).toString();
    return stripped.toString();
}

struct Assignment
{
    PythonLiteral value;
    int line = 0;
};

/// Index of the `=` of a plain or annotated assignment at bracket depth 0, or -1.
qsizetype assignmentOperator(const PythonLogicalLine &line)
{
    int depth = 0;
    for (qsizetype i = 0; i < line.tokens.size(); ++i) {
        const PythonToken &t = line.tokens[i];
        if (t.kind != PythonToken::Kind::Operator)
            continue;
        if (t.isOperator(u'(') || t.isOperator(u'[') || t.isOperator(u'{'))
            ++depth;
        else if (t.isOperator(u')') || t.isOperator(u']') || t.isOperator(u'}'))
            --depth;
        else if (depth == 0 && t.isOperator(u'='))
            return i;
    }
    return -1;
}

} // namespace

RevisionFileScan RevisionScanner::scanSource(const QByteArray &source, const QString &path)
{
    RevisionFileScan result;
    QByteArray utf8;
    if (!decodeSource(source, path, &utf8, &result.diagnostics))
        return result;

    const PythonTokenization tokens = tokenizePython(QByteArrayView(utf8));
    if (!tokens.error.isEmpty()) {
        result.diagnostics.append(makeDiagnostic(Diagnostic::Severity::Error, path, tokens.errorLine,
                                                 QStringLiteral("syntax error: %1").arg(tokens.error)));
        return result;
    }

    // The four module-level names Alembic reads, each with its last assignment.
    static const QString interesting[] = {QStringLiteral("revision"), QStringLiteral("down_revision"),
                                          QStringLiteral("branch_labels"), QStringLiteral("depends_on")};
    std::optional<Assignment> assignments[4];
    const auto slotOf = [](const QString &name) -> int {
        for (int i = 0; i < 4; ++i)
            if (name == interesting[i])
                return i;
        return -1;
    };
    QString docstring;
    bool first = true;
    for (const PythonLogicalLine &line : tokens.lines) {
        const bool isFirstStatement = first;
        first = false;
        if (line.indent != 0)
            continue; // only module-level statements define the revision
        if (isFirstStatement) {
            // Strings, implicitly concatenated, possibly in redundant parentheses: `("a" "b")`.
            qsizetype begin = 0;
            qsizetype end = line.tokens.size();
            while (end - begin >= 2 && line.tokens[begin].isOperator(u'(') && line.tokens[end - 1].isOperator(u')'))
                ++begin, --end;
            const bool allStrings = begin < end && std::all_of(line.tokens.cbegin() + begin, line.tokens.cbegin() + end,
                                                               [](const PythonToken &t) {
                                                                   return t.kind == PythonToken::Kind::String
                                                                          && !t.prefix.contains(u'b')
                                                                          && !t.prefix.contains(u'f');
                                                               });
            if (allStrings) {
                for (qsizetype i = begin; i < end; ++i)
                    docstring += line.tokens[i].text;
                continue;
            }
        }
        const qsizetype eq = assignmentOperator(line);
        if (eq <= 0)
            continue;
        // Targets: `name`, `name: annotation`, or a chain `a = b = value`; each of the four names
        // that is a target gets the value.
        qsizetype valueBegin = eq + 1;
        unsigned targetSlots = 0; // bit i: interesting[i]
        const auto addTarget = [&](qsizetype begin, qsizetype end) {
            if (end > begin && line.tokens[begin].kind == PythonToken::Kind::Name
                && (end - begin == 1 || line.tokens[begin + 1].isOperator(u':')))
                if (const int slot = slotOf(line.tokens[begin].text); slot >= 0)
                    targetSlots |= 1u << slot;
        };
        addTarget(0, eq);
        // Further `=` in a chained assignment.
        for (qsizetype i = valueBegin; i < line.tokens.size(); ++i) {
            const PythonToken &t = line.tokens[i];
            if (t.isOperator(u'(') || t.isOperator(u'[') || t.isOperator(u'{'))
                break;
            if (t.isOperator(u'=')) {
                addTarget(valueBegin, i);
                valueBegin = i + 1;
            }
        }
        if (targetSlots == 0)
            continue;
        const Assignment assignment{evaluatePythonLiteral(line.tokens, valueBegin, line.tokens.size()), line.line};
        for (int slot = 0; slot < 4; ++slot)
            if (targetSlots & (1u << slot))
                assignments[slot] = assignment;
    }

    Revision revision;
    revision.path = path;
    revision.message = messageFrom(docstring);
    revision.createDate = createDateFrom(docstring);

    const auto notLiteral = [&](const QString &name, const Assignment &a) {
        result.diagnostics.append(makeDiagnostic(
            Diagnostic::Severity::Warning, path, a.line,
            QStringLiteral("%1 is not a literal (%2); Retort cannot resolve it without running Python")
                .arg(name, a.value.reason)));
    };

    if (const std::optional<Assignment> &it = assignments[0]; it) {
        revision.line = it->line;
        if (it->value.kind == PythonLiteral::Kind::String) {
            revision.id = it->value.string;
        } else if (it->value.kind == PythonLiteral::Kind::NotLiteral) {
            result.diagnostics.append(makeDiagnostic(
                Diagnostic::Severity::Error, path, it->line,
                QStringLiteral("revision is not a string literal (%1); the file is skipped").arg(it->value.reason)));
            return result;
        } else {
            result.diagnostics.append(makeDiagnostic(Diagnostic::Severity::Error, path, it->line,
                                                     QStringLiteral("revision must be a string; the file is skipped")));
            return result;
        }
    } else {
        // Alembic's legacy fallback: a file named after a hexadecimal revision id.
        static const QRegularExpression legacy(QStringLiteral("^([a-f0-9]+)\\.py$"));
        const auto match = legacy.match(QStringView(path).sliced(path.lastIndexOf(u'/') + 1));
        if (!match.hasMatch()) {
            result.diagnostics.append(
                makeDiagnostic(Diagnostic::Severity::Error, path, 1,
                               QStringLiteral("could not determine revision id: no module-level 'revision = \"...\"' "
                                              "and the file name is not a revision id")));
            return result;
        }
        revision.id = match.captured(1);
        revision.line = 1;
    }

    if (const std::optional<Assignment> &it = assignments[1]; it) {
        revision.downRevisionLine = it->line;
        if (it->value.isLiteral()) {
            revision.downRevisions = it->value.toList();
            if (it->value.kind == PythonLiteral::Kind::String && it->value.string.isEmpty())
                revision.downRevisions.clear(); // "" is falsy: a base, as in Alembic
        } else {
            revision.downRevisionUnresolved = true;
            notLiteral(QStringLiteral("down_revision"), *it);
        }
    } else {
        revision.downRevisionUnresolved = true;
        result.diagnostics.append(
            makeDiagnostic(Diagnostic::Severity::Error, path, revision.line,
                           QStringLiteral("revision %1 has no down_revision; Alembic cannot load this file "
                                          "(use 'down_revision = None' for a base)")
                               .arg(revision.id)));
    }

    if (const std::optional<Assignment> &it = assignments[2]; it) {
        revision.branchLabelsLine = it->line;
        if (it->value.isLiteral())
            revision.branchLabels = it->value.toList();
        else {
            revision.branchLabelsUnresolved = true;
            notLiteral(QStringLiteral("branch_labels"), *it);
        }
    }
    if (const std::optional<Assignment> &it = assignments[3]; it) {
        revision.dependsOnLine = it->line;
        if (it->value.isLiteral())
            revision.dependsOn = it->value.toList();
        else {
            revision.dependsOnUnresolved = true;
            notLiteral(QStringLiteral("depends_on"), *it);
        }
    }
    if (!result.diagnostics.isEmpty()) // a non-const begin() on an empty list would allocate
        for (Diagnostic &d : result.diagnostics)
            d.revision = revision.id;
    result.revision = std::move(revision);
    return result;
}

namespace {

/// Reads what is left of `fd` into `bytes` from `done` on, growing it as needed, and truncates
/// `bytes` to what was read. Returns errno, EFBIG from `maxSize` bytes on, or 0.
int readToEnd(int fd, QByteArray *bytes, qsizetype done, qsizetype maxSize)
{
    while (true) {
        if (done == bytes->size()) {
            if (bytes->size() >= maxSize)
                return EFBIG;
            bytes->resize(std::min<qsizetype>(maxSize, std::max<qsizetype>(4096, bytes->size() * 2)));
        }
        const ssize_t n = ::read(fd, bytes->data() + done, size_t(bytes->size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0) {
            bytes->truncate(done);
            return done >= maxSize ? EFBIG : 0;
        }
        done += n;
    }
}

/// Reads a whole file with plain POSIX calls (for ten thousand small files QFile's machinery costs
/// more than the reads). `dirFd` may be AT_FDCWD; `name` is then the full path. Returns errno or 0.
///
/// `knownRegular`: the folder listing said this is a regular file, so the fstat() that checks
/// the type (and gives the size) is skipped; the file goes into the buffer's room, and one more
/// read() sees its end. Four system calls per file instead of five.
int readFileAt(int dirFd, const QByteArray &name, bool knownRegular, QByteArray *bytes)
{
    // Non-blocking, so a FIFO named like a revision cannot hang the scan; only regular files are
    // read, and only up to a size no revision file reaches (a link to /dev/zero must not eat memory).
    constexpr qint64 kMaxSize = 16 * 1024 * 1024;
    const int fd = ::openat(dirFd, name.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return errno;
    int error = 0;
    if (knownRegular) {
        bytes->resize(std::max<qsizetype>(bytes->capacity(), 4096)); // the reused buffer's room
        error = readToEnd(fd, bytes, 0, kMaxSize);
    } else {
        struct stat info = {};
        if (::fstat(fd, &info) != 0)
            error = errno;
        else if (S_ISDIR(info.st_mode))
            error = EISDIR;
        else if (!S_ISREG(info.st_mode))
            error = ENODEV; // "not a regular file" in the message below
        else if (info.st_size > kMaxSize)
            error = EFBIG;
        else {
            // Room for one byte more than fstat said: the read after the content then sees the end.
            bytes->resize(std::max<qsizetype>(bytes->capacity(), qsizetype(info.st_size) + 1));
            error = readToEnd(fd, bytes, 0, kMaxSize);
        }
    }
    ::close(fd);
    return error;
}

QString readErrorText(int error)
{
    switch (error) {
    case ENODEV:
        return QStringLiteral("not a regular file");
    case EFBIG:
        return QStringLiteral("larger than 16 MiB; not a revision file");
    default:
        return qt_error_string(error); // thread-safe, unlike strerror
    }
}

/// `bytes` is the caller's buffer, reused from file to file: ten thousand files need not each
/// allocate (and fault in) their own.
RevisionFileScan scanFileAt(int dirFd, const QByteArray &name, bool knownRegular, const QString &path,
                            QByteArray &bytes)
{
    if (const int error = readFileAt(dirFd, name, knownRegular, &bytes); error != 0) {
        RevisionFileScan result;
        result.diagnostics.append(makeDiagnostic(
            Diagnostic::Severity::Error, path, 0,
            QStringLiteral("cannot read file: %1").arg(readErrorText(error))));
        return result;
    }
    return RevisionScanner::scanSource(bytes, path);
}

} // namespace

RevisionFileScan RevisionScanner::scanFile(const QString &path)
{
    QByteArray bytes;
    return scanFileAt(AT_FDCWD, QFile::encodeName(path), false, path, bytes);
}

QStringList RevisionScanner::listRevisionFiles(const QString &location, bool recursive)
{
    const RevisionFileListing listing = RevisionFileListing::list(QDir(location).absolutePath(), recursive);
    QStringList files;
    files.reserve(listing.files().size());
    for (const RevisionFileListing::File &f : listing.files())
        files.append(listing.pathOf(f));
    return files;
}

RevisionScan RevisionScanner::scanLocations(const QStringList &locations, bool recursive)
{
    RevisionScan scan;
    // Each file is opened relative to its folder's descriptor: one path lookup per folder. Its
    // path (for the result and diagnostics) is made by the worker that scans it.
    struct Job
    {
        QByteArray name; ///< relative to folders[folder]
        qsizetype folder;
        bool regular; ///< listed as a regular file: read without checking its type first
    };
    QList<Job> files;
    QStringList folders;
    QSet<QString> seen;
    for (const QString &location : locations) {
        if (!QFileInfo(location).isDir()) {
            scan.diagnostics.append(makeDiagnostic(Diagnostic::Severity::Warning, location, 0,
                                                   QStringLiteral("version location does not exist")));
            continue;
        }
        const QString absoluteLocation = QDir(location).absolutePath();
        const RevisionFileListing listing = RevisionFileListing::list(absoluteLocation, recursive);
        // Alembic skips a file whose real path it has loaded already. That can only happen with
        // several locations or a symlinked file; resolving every path is slow (a readlink per
        // component), so only the location and symlinked files are resolved, and only then.
        const bool anySymlink = std::any_of(listing.files().cbegin(), listing.files().cend(),
                                            [](const RevisionFileListing::File &f) { return f.symlink; });
        const bool checkSeen = locations.size() > 1 || anySymlink;
        const QString realLocation = checkSeen ? QFileInfo(location).canonicalFilePath() : QString();
        const qsizetype folderBase = folders.size();
        folders += listing.folders();
        files.reserve(files.size() + listing.files().size());
        for (const RevisionFileListing::File &entry : listing.files()) {
            if (checkSeen) {
                const QString file = listing.pathOf(entry);
                const QString relative = file.mid(absoluteLocation.size() + (absoluteLocation.endsWith(u'/') ? 0 : 1));
                QString canonical = entry.symlink ? QFileInfo(file).canonicalFilePath() : realLocation + u'/' + relative;
                if (canonical.isEmpty()) // a dangling symlink: os.path.realpath still gives a distinct path
                    canonical = file;
                if (seen.contains(canonical)) {
                    scan.diagnostics.append(makeDiagnostic(
                        Diagnostic::Severity::Warning, file, 0,
                        QStringLiteral("file loaded twice through overlapping version locations; ignored")));
                    continue;
                }
                seen.insert(canonical);
            }
            files.append({entry.rawName, folderBase + entry.folder, entry.regular});
        }
    }

    // Folder descriptors, closed however this function is left. Only so many stay open: a tree
    // of thousands of folders must not exhaust the process's descriptors (the rest use paths).
    struct FolderDescriptors
    {
        std::vector<int> fds;
        ~FolderDescriptors()
        {
            for (int fd : fds)
                if (fd >= 0)
                    ::close(fd);
        }
    } folderFds;
    constexpr qsizetype kMaxOpenFolders = 64;
    for (qsizetype i = 0; i < folders.size(); ++i)
        folderFds.fds.push_back(i < kMaxOpenFolders ? ::open(QFile::encodeName(folders[i]).constData(),
                                                             O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                                                    : -1);

    // Files are independent: scan them on all cores, keep the results in file order. Workers take
    // the next file from a shared counter, so however many threads could be started, all files
    // are scanned.
    std::vector<RevisionFileScan> results(size_t(files.size()));
    std::atomic<qsizetype> next{0};
    const auto work = [&] {
        QByteArray buffer; // this thread's, for every file it reads
        for (qsizetype i = next++; i < files.size(); i = next++) {
            const Job &job = std::as_const(files)[i];
            const int dirFd = folderFds.fds[size_t(job.folder)];
            QString path;
            try {
                path = RevisionFileListing::pathOf(std::as_const(folders)[job.folder], job.name);
                results[size_t(i)] = dirFd >= 0 ? scanFileAt(dirFd, job.name, job.regular, path, buffer)
                                                : scanFileAt(AT_FDCWD, QFile::encodeName(path), job.regular, path, buffer);
            } catch (const std::exception &e) {
                RevisionFileScan failed;
                failed.diagnostics.append(makeDiagnostic(Diagnostic::Severity::Error, path, 0,
                                                         QStringLiteral("could not be scanned: %1")
                                                             .arg(QString::fromLocal8Bit(e.what()))));
                results[size_t(i)] = std::move(failed);
            }
        }
    };
    {
        std::vector<std::jthread> threads; // joined when this block ends, even on an exception
        const unsigned workers = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
        if (files.size() >= 64) {
            for (unsigned w = 1; w < workers; ++w) {
                try {
                    threads.emplace_back(work);
                } catch (const std::system_error &) {
                    break; // no more threads: the ones running, and this one, do the rest
                }
            }
        }
        work();
    }
    scan.revisions.reserve(qsizetype(results.size()));
    for (RevisionFileScan &result : results) {
        scan.diagnostics += result.diagnostics;
        if (result.revision)
            scan.revisions.append(std::move(*result.revision));
    }
    return scan;
}

} // namespace retort
