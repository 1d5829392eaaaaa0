#include "inifile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <algorithm>
#include <utility>

namespace retort {

namespace {

// configparser.MAX_INTERPOLATION_DEPTH
constexpr int MaxInterpolationDepth = 10;
// Anything bigger is not an alembic.ini; refuse instead of reading it into memory.
constexpr qint64 MaxFileSize = 16 * 1024 * 1024;
// Python has no such limit and runs out of memory on a few nested references; a value this long is
// never a configuration value.
constexpr qsizetype MaxInterpolatedLength = 1024 * 1024;
// ConfigParser reports every unparsable line; past this many we summarise.
constexpr int MaxParseErrors = 20;

// Python's str.isspace(): QChar::isSpace() plus the information separators U+001C..U+001F.
bool isPySpace(QChar c)
{
    return c.isSpace() || (c.unicode() >= 0x1c && c.unicode() <= 0x1f);
}

QString pyStrip(QStringView s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isPySpace(s[begin]))
        ++begin;
    while (end > begin && isPySpace(s[end - 1]))
        --end;
    return s.sliced(begin, end - begin).toString();
}

QString pyRstrip(QStringView s)
{
    qsizetype end = s.size();
    while (end > 0 && isPySpace(s[end - 1]))
        --end;
    return s.first(end).toString();
}

// A short, single-line rendering of a value for messages, like Python's repr() in configparser's errors.
QString quoted(QStringView s)
{
    constexpr qsizetype MaxShown = 120;
    QString shown = s.first(std::min(s.size(), MaxShown)).toString();
    shown.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    shown.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    shown.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    shown.replace(QChar(0), QStringLiteral("\\x00"));
    if (s.size() > MaxShown)
        shown += QStringLiteral("...");
    return QLatin1Char('\'') + shown + QLatin1Char('\'');
}

// Python's universal newlines: "\n", "\r\n" and "\r" end a line; a last line without one still counts.
QList<QByteArray> splitLines(const QByteArray &data)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    const qsizetype size = data.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data.at(i);
        if (c != '\n' && c != '\r')
            continue;
        lines.append(data.sliced(start, i - start));
        if (c == '\r' && i + 1 < size && data.at(i + 1) == '\n')
            ++i;
        start = i + 1;
    }
    if (start < size)
        lines.append(data.sliced(start));
    return lines;
}

// BasicInterpolation.before_set(): what Python checks for the defaults passed to ConfigParser().
qsizetype invalidPercentAt(const QString &value)
{
    QString tmp = value;
    tmp.remove(QStringLiteral("%%"));
    static const QRegularExpression keyPattern(QStringLiteral("%\\(([^)]+)\\)s"));
    tmp.remove(keyPattern);
    return tmp.indexOf(QLatin1Char('%'));
}

} // namespace

IniFile IniFile::read(const QString &path, const QHash<QString, QString> &defaults)
{
    const QFileInfo info(path);
    auto failed = [&](const QString &why) {
        IniFile ini = parse(QByteArray(), path, defaults);
        ini.m_diagnostics.prepend(
            {Diagnostic::Severity::Error, path, 0, QStringLiteral("cannot read %1: %2").arg(path, why), {}});
        return ini;
    };
    if (!info.exists())
        return failed(QStringLiteral("no such file"));
    if (info.isDir())
        return failed(QStringLiteral("it is a folder"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(file.errorString());
    if (file.size() > MaxFileSize)
        return failed(QStringLiteral("file is larger than %1 MiB").arg(QString::number(MaxFileSize / (1024 * 1024))));
    const QByteArray data = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return failed(file.errorString());
    if (data.size() > MaxFileSize)
        return failed(QStringLiteral("file is larger than %1 MiB").arg(QString::number(MaxFileSize / (1024 * 1024))));
    return parse(data, path, defaults);
}

IniFile IniFile::parse(const QByteArray &data, const QString &path, const QHash<QString, QString> &defaults)
{
    IniFile ini;
    ini.m_path = path;
    ini.m_defaults.name = defaultSectionName();
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
        ini.m_defaults.add({optionKey(it.key()), it.value(), 0});
        const qsizetype bad = invalidPercentAt(it.value());
        if (bad >= 0) {
            ini.m_diagnostics.append({Diagnostic::Severity::Error,
                                      path,
                                      0,
                                      QStringLiteral("invalid interpolation syntax in the default %1 = %2 at position "
                                                     "%3; Python's ConfigParser refuses it")
                                          .arg(quoted(it.key()), quoted(it.value()), QString::number(bad)),
                                      {}});
        }
    }
    std::sort(ini.m_defaults.entries.begin(), ini.m_defaults.entries.end(),
              [](const Entry &a, const Entry &b) { return a.key < b.key; });

    QList<QByteArray> lines = splitLines(data);
    static const QByteArray bom("\xEF\xBB\xBF");
    if (!lines.isEmpty() && lines.first().startsWith(bom)) {
        lines.first().remove(0, bom.size());
        ini.m_diagnostics.append(
            {Diagnostic::Severity::Error,
             path,
             1,
             QStringLiteral(
                 "the file starts with a UTF-8 byte order mark, which Python's configparser reads as part of "
                 "the first line (\"File contains no section headers\"); save it without the BOM"),
             {}});
    }
    ini.parseLines(lines);
    return ini;
}

void IniFile::parseLines(const QList<QByteArray> &rawLines)
{
    // Python reads the file with a strict UTF-8 decoder and fails on the first bad byte: so do we, before parsing.
    QStringList lines;
    lines.reserve(rawLines.size());
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8,
                               QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
        QString line = decoder.decode(rawLines.at(i));
        if (decoder.hasError()) {
            m_diagnostics.append({Diagnostic::Severity::Error,
                                  m_path,
                                  int(i + 1),
                                  QStringLiteral("%1 is not UTF-8 text (invalid byte sequence on line %2)")
                                      .arg(m_path, QString::number(i + 1)),
                                  {}});
            return;
        }
        lines.append(std::move(line));
    }

    // The state of configparser's RawConfigParser._read().
    constexpr int NoSection = -2;
    constexpr int DefaultSection = -1;
    int current = NoSection;
    QString optionName; // Python's `optname`: empty is falsy
    qsizetype indentLevel = 0;
    QSet<QString> sectionsAdded;
    QSet<std::pair<QString, QString>> optionsAdded;
    QSet<std::pair<int, QString>> multiLine; // entries whose value came from the file: rstripped at the end
    int parseErrors = 0;

    auto sectionAt = [this](int index) -> Section & {
        return index == DefaultSection ? m_defaults : m_sections[index];
    };
    auto entryOf = [](Section &section, const QString &key) -> Entry * { return section.find(key); };
    auto error = [this](int line, const QString &message) {
        m_diagnostics.append({Diagnostic::Severity::Error, m_path, line, message, {}});
    };

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const int lineNo = int(i + 1);
        const QString stripped = pyStrip(line);
        const bool comment = stripped.startsWith(QLatin1Char('#')) || stripped.startsWith(QLatin1Char(';'));
        const QString value = comment ? QString() : stripped;
        if (value.isEmpty()) {
            // empty_lines_in_values: a blank line (not a comment) belongs to the value being read.
            if (!comment && current != NoSection && !optionName.isEmpty()) {
                if (Entry *entry = entryOf(sectionAt(current), optionName))
                    entry->value += QLatin1Char('\n');
            }
            continue;
        }
        qsizetype indent = 0;
        while (indent < line.size() && isPySpace(line.at(indent)))
            ++indent;
        if (current != NoSection && !optionName.isEmpty() && indent > indentLevel) {
            if (Entry *entry = entryOf(sectionAt(current), optionName))
                entry->value += QLatin1Char('\n') + value;
            continue;
        }
        indentLevel = indent;

        // SECTCRE: `\[(?P<header>.+)\]` matched at the start, greedy: up to the last ']'.
        const qsizetype close = value.lastIndexOf(QLatin1Char(']'));
        if (value.startsWith(QLatin1Char('[')) && close >= 2) {
            const QString name = value.mid(1, close - 1);
            const auto existing =
                std::find_if(m_sections.cbegin(), m_sections.cend(), [&](const Section &s) { return s.name == name; });
            if (existing != m_sections.cend()) {
                if (sectionsAdded.contains(name))
                    error(lineNo, QStringLiteral("section %1 already exists (line %2)")
                                      .arg(quoted(name), QString::number(existing->line)));
                current = int(existing - m_sections.cbegin());
            } else if (name == defaultSectionName()) {
                current = DefaultSection;
                if (m_defaults.line == 0)
                    m_defaults.line = lineNo;
            } else {
                m_sections.append({name, lineNo, {}, {}});
                current = int(m_sections.size() - 1);
            }
            sectionsAdded.insert(name);
            optionName.clear();
            continue;
        }
        if (current == NoSection) {
            error(lineNo, QStringLiteral("file contains no section headers before line %1: %2")
                              .arg(QString::number(lineNo), quoted(line)));
            return; // MissingSectionHeaderError stops reading
        }

        // OPTCRE: the key runs up to the first '=' or ':'.
        qsizetype delimiter = -1;
        for (qsizetype c = 0; c < value.size(); ++c) {
            if (value.at(c) == QLatin1Char('=') || value.at(c) == QLatin1Char(':')) {
                delimiter = c;
                break;
            }
        }
        if (delimiter < 0) {
            if (++parseErrors <= MaxParseErrors) {
                error(lineNo, QStringLiteral("cannot parse line %1: %2 (expected \"key = value\", \"key: value\" "
                                             "or \"[section]\")")
                                  .arg(QString::number(lineNo), quoted(line)));
            }
            continue; // Python keeps `optname` as it was
        }
        const QString key = optionKey(pyRstrip(QStringView(value).first(delimiter)));
        if (key.isEmpty() && ++parseErrors <= MaxParseErrors)
            error(lineNo, QStringLiteral("cannot parse line %1: %2 (no key before the delimiter)")
                              .arg(QString::number(lineNo), quoted(line)));
        Section &section = sectionAt(current);
        Entry *existing = entryOf(section, key);
        const std::pair<QString, QString> added(section.name, key);
        if (optionsAdded.contains(added)) {
            error(lineNo, QStringLiteral("option %1 in section %2 already exists (line %3)")
                              .arg(quoted(key), quoted(section.name), QString::number(existing ? existing->line : 0)));
        }
        optionsAdded.insert(added);
        const QString optionValue = pyStrip(QStringView(value).sliced(delimiter + 1));
        if (Entry *entry = existing) {
            entry->value = optionValue;
            entry->line = lineNo;
        } else {
            section.add({key, optionValue, lineNo});
        }
        multiLine.insert({current, key});
        optionName = key;
    }
    if (parseErrors > MaxParseErrors) {
        error(0, QStringLiteral("%1 more lines cannot be parsed").arg(QString::number(parseErrors - MaxParseErrors)));
    }

    // _join_multiline_values(): '\n'.join(lines).rstrip()
    for (const auto &[index, key] : std::as_const(multiLine)) {
        if (Entry *entry = entryOf(sectionAt(index), key))
            entry->value = pyRstrip(entry->value);
    }
}

QString IniFile::optionKey(const QString &key)
{
    return key.toLower();
}

const IniFile::Section *IniFile::findSection(const QString &name) const
{
    for (const Section &section : m_sections) {
        if (section.name == name)
            return &section;
    }
    return nullptr;
}

const IniFile::Entry *IniFile::findEntry(const Section *section, const QString &key)
{
    return section ? section->find(key) : nullptr;
}

const IniFile::Entry *IniFile::lookup(const Section *section, const QString &key) const
{
    if (const Entry *entry = findEntry(section, key))
        return entry;
    return findEntry(&m_defaults, key);
}

QStringList IniFile::sections() const
{
    QStringList names;
    names.reserve(m_sections.size());
    for (const Section &section : m_sections)
        names.append(section.name);
    return names;
}

bool IniFile::hasSection(const QString &section) const
{
    return findSection(section) != nullptr;
}

int IniFile::sectionLine(const QString &section) const
{
    if (section == defaultSectionName())
        return m_defaults.line;
    const Section *found = findSection(section);
    return found ? found->line : 0;
}

QList<IniFile::Entry> IniFile::entries(const QString &section) const
{
    if (section == defaultSectionName())
        return m_defaults.entries;
    const Section *found = findSection(section);
    return found ? found->entries : QList<Entry>();
}

std::optional<IniFile::Entry> IniFile::entry(const QString &section, const QString &key) const
{
    const Section *found = findSection(section);
    if (!found && section != defaultSectionName())
        return std::nullopt;
    const Entry *entry = lookup(found, optionKey(key));
    return entry ? std::optional<Entry>(*entry) : std::nullopt;
}

bool IniFile::contains(const QString &section, const QString &key) const
{
    return entry(section, key).has_value();
}

std::optional<QString> IniFile::rawValue(const QString &section, const QString &key) const
{
    const std::optional<Entry> found = entry(section, key);
    return found ? std::optional<QString>(found->value) : std::nullopt;
}

int IniFile::line(const QString &section, const QString &key) const
{
    const std::optional<Entry> found = entry(section, key);
    return found ? found->line : 0;
}

std::optional<QString> IniFile::value(const QString &section, const QString &key, Diagnostics *problems) const
{
    const Section *found = findSection(section);
    if (!found && section != defaultSectionName())
        return std::nullopt;
    const QString option = optionKey(key);
    const Entry *entry = lookup(found, option);
    if (!entry)
        return std::nullopt;
    QString out;
    QString error;
    if (!interpolate(found, option, entry->value, entry->value, 1, out, error)) {
        if (problems)
            problems->append({Diagnostic::Severity::Error, m_path, entry->line, error, {}});
        return std::nullopt;
    }
    return out;
}

// BasicInterpolation._interpolate_some(): the lookups always use the section asked for (then DEFAULT), at every
// depth, and errors name the option asked for.
bool IniFile::interpolate(const Section *section, const QString &option, const QString &rawValue, QStringView rest,
                          int depth, QString &out, QString &error) const
{
    const QString sectionName = section ? section->name : defaultSectionName();
    if (depth > MaxInterpolationDepth) {
        error = QStringLiteral("recursion limit exceeded in value substitution: option %1 in section %2 contains an "
                               "interpolation key which cannot be substituted in %3 steps. Raw value: %4")
                    .arg(quoted(option), quoted(sectionName), QString::number(MaxInterpolationDepth), quoted(rawValue));
        return false;
    }
    while (!rest.isEmpty()) {
        if (out.size() > MaxInterpolatedLength) {
            error = QStringLiteral("value substitution of option %1 in section %2 grows past %3 characters")
                        .arg(quoted(option), quoted(sectionName), QString::number(MaxInterpolatedLength));
            return false;
        }
        const qsizetype percent = rest.indexOf(QLatin1Char('%'));
        if (percent < 0) {
            out += rest;
            return true;
        }
        out += rest.first(percent);
        rest = rest.sliced(percent);
        const QChar next = rest.size() > 1 ? rest.at(1) : QChar();
        if (next == QLatin1Char('%')) {
            out += QLatin1Char('%');
            rest = rest.sliced(2);
        } else if (next == QLatin1Char('(')) {
            // _KEYCRE: %\(([^)]+)\)s
            const qsizetype close = rest.indexOf(QLatin1Char(')'), 2);
            if (close <= 2 || close + 1 >= rest.size() || rest.at(close + 1) != QLatin1Char('s')) {
                error = QStringLiteral("bad interpolation variable reference %1 in option %2 of section %3")
                            .arg(quoted(rest), quoted(option), quoted(sectionName));
                return false;
            }
            const QString name = optionKey(rest.sliced(2, close - 2).toString());
            rest = rest.sliced(close + 2);
            const Entry *entry = lookup(section, name);
            if (!entry) {
                error = QStringLiteral("bad value substitution: option %1 in section %2 contains an interpolation "
                                       "key %3 which is not a valid option name. Raw value: %4")
                            .arg(quoted(option), quoted(sectionName), quoted(name), quoted(rawValue));
                return false;
            }
            if (entry->value.contains(QLatin1Char('%'))) {
                if (!interpolate(section, option, rawValue, entry->value, depth + 1, out, error))
                    return false;
            } else {
                out += entry->value;
            }
        } else {
            error = QStringLiteral("'%' must be followed by '%' or '(', found: %1 in option %2 of section %3")
                        .arg(quoted(rest), quoted(option), quoted(sectionName));
            return false;
        }
    }
    return true;
}

} // namespace retort
