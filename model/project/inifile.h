#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace retort {

/// An .ini file read the way Alembic reads alembic.ini: Python's configparser.ConfigParser with its defaults
/// (BasicInterpolation, `=` and `:` delimiters, full-line `#`/`;` comments only, keys lower-cased, indented
/// continuation lines, strict duplicate checks). An immutable value: problems are diagnostics, never exceptions.
///
/// An Error diagnostic means Python's ConfigParser.read() would raise on this file. Reading still goes on where
/// it can (duplicates, unparsable lines, a byte order mark) so that callers can show a best-effort view.
class IniFile
{
public:
    /// One `key = value` as written, value uninterpolated (continuation lines joined with "\n").
    struct Entry
    {
        QString key;   ///< lower-cased
        QString value; ///< raw
        int line = 0;  ///< line of the key, 0 for a default passed in by the caller
    };

    IniFile() = default;

    /// Reads \a path as UTF-8. \a defaults are the ConfigParser(defaults) dictionary; Alembic passes
    /// {"here": absolute folder of the file}. Entries of the file's [DEFAULT] section override them.
    static IniFile read(const QString &path, const QHash<QString, QString> &defaults = {});
    /// Parses \a data as if it had been read from \a path.
    static IniFile parse(const QByteArray &data, const QString &path, const QHash<QString, QString> &defaults = {});

    /// "DEFAULT", the section whose entries every other section inherits.
    static QString defaultSectionName() { return QStringLiteral("DEFAULT"); }

    QString path() const { return m_path; }
    /// Problems met while reading (not interpolation problems: those come from value()).
    Diagnostics diagnostics() const { return m_diagnostics; }

    /// Section names in file order, without DEFAULT (as Python's sections()).
    QStringList sections() const;
    /// True for a section of the file; false for DEFAULT, as Python's has_section().
    bool hasSection(const QString &section) const;
    /// Line of the section's first header, 0 when there is none.
    int sectionLine(const QString &section) const;
    /// The section's own entries in file order (DEFAULT: the defaults, including those passed in).
    QList<Entry> entries(const QString &section) const;
    /// Whether \a key is found in \a section or in DEFAULT, as Python's has_option().
    bool contains(const QString &section, const QString &key) const;
    /// The entry \a key resolves to for \a section: the section's own, else DEFAULT's.
    std::optional<Entry> entry(const QString &section, const QString &key) const;
    /// The raw value of \a key in \a section (falling back to DEFAULT), as get(raw=True).
    std::optional<QString> rawValue(const QString &section, const QString &key) const;
    /// Line of \a key in \a section (falling back to DEFAULT); 0 when not from the file or not found.
    int line(const QString &section, const QString &key) const;
    /// The interpolated value of \a key, as Python's get(): `%(name)s` from the section, then DEFAULT; `%%` is
    /// `%`. std::nullopt when the key or section is missing or interpolation fails; a failure is appended to
    /// \a problems with the line of the key.
    std::optional<QString> value(const QString &section, const QString &key, Diagnostics *problems = nullptr) const;

    /// Python's str.lower() as used by ConfigParser.optionxform.
    static QString optionKey(const QString &key);

private:
    struct Section
    {
        QString name;
        int line = 0;
        QList<Entry> entries;
        QHash<QString, qsizetype> index; ///< key -> position in entries (large files stay linear)

        void add(const Entry &entry)
        {
            index.insert(entry.key, entries.size());
            entries.append(entry);
        }
        const Entry *find(const QString &key) const
        {
            const auto it = index.constFind(key);
            return it == index.cend() ? nullptr : &entries[*it];
        }
        Entry *find(const QString &key)
        {
            const auto it = index.constFind(key);
            return it == index.cend() ? nullptr : &entries[*it];
        }
    };

    const Section *findSection(const QString &name) const;
    static const Entry *findEntry(const Section *section, const QString &key);
    const Entry *lookup(const Section *section, const QString &key) const;
    bool interpolate(const Section *section, const QString &option, const QString &rawValue, QStringView rest,
                     int depth, QString &out, QString &error) const;
    void parseLines(const QList<QByteArray> &lines);

    QString m_path;
    Section m_defaults;
    QList<Section> m_sections;
    Diagnostics m_diagnostics;
};

} // namespace retort
