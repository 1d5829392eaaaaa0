#include "inifile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString here = QStringLiteral("/projects/demo");

IniFile parsed(const QByteArray &text)
{
    return IniFile::parse(text, QStringLiteral("/projects/demo/alembic.ini"), {{QStringLiteral("here"), here}});
}

QString fixture(const QString &relative)
{
    return QStringLiteral(RETORT_FIXTURES_DIR "/projects/") + relative;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(
            QStringLiteral("%1:%2: %3").arg(Diagnostic::severityName(d.severity), QString::number(d.line), d.message));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestIniFile : public QObject
{
    Q_OBJECT

private slots:
    // Every expectation below was checked against Python 3.11's configparser.ConfigParser.
    void values_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");

        QTest::newRow("equals") << QByteArray("[a]\nk = v\n") << u"a"_s << u"k"_s << u"v"_s;
        QTest::newRow("colon") << QByteArray("[a]\nk: v\n") << u"a"_s << u"k"_s << u"v"_s;
        QTest::newRow("first delimiter wins") << QByteArray("[a]\nk:b = c\n") << u"a"_s << u"k"_s << u"b = c"_s;
        QTest::newRow("equals in value") << QByteArray("[a]\nurl = x://h/?a=b\n") << u"a"_s << u"url"_s
                                         << u"x://h/?a=b"_s;
        QTest::newRow("keys lower-cased")
            << QByteArray("[a]\nScript_Location = v\n") << u"a"_s << u"SCRIPT_location"_s << u"v"_s;
        QTest::newRow("key with spaces") << QByteArray("[a]\nmy key   = v\n") << u"a"_s << u"my key"_s << u"v"_s;
        QTest::newRow("stripped") << QByteArray("[a]\n  k \t=   v w \t\n") << u"a"_s << u"k"_s << u"v w"_s;
        QTest::newRow("python whitespace")
            << QByteArray("[a]\nk = \xc3\xa9 \xc2\xa0\x1f\n") << u"a"_s << u"k"_s << QStringLiteral("\u00e9");
        QTest::newRow("empty value") << QByteArray("[a]\nk =\n") << u"a"_s << u"k"_s << QString();
        QTest::newRow("inline # kept") << QByteArray("[a]\nk = v # no\n") << u"a"_s << u"k"_s << u"v # no"_s;
        QTest::newRow("inline ; kept") << QByteArray("[a]\nk = v ; no\n") << u"a"_s << u"k"_s << u"v ; no"_s;
        QTest::newRow("full-line comments")
            << QByteArray("# c\n; c\n[a]\n# k = x\n  ; k = y\nk = v\n") << u"a"_s << u"k"_s << u"v"_s;
        QTest::newRow("continuation") << QByteArray("[a]\nk = v\n  w\n\tx\nj = 1\n") << u"a"_s << u"k"_s
                                      << u"v\nw\nx"_s;
        QTest::newRow("continuation of empty first line")
            << QByteArray("[a]\nk =\n  v\n  w\n") << u"a"_s << u"k"_s << u"\nv\nw"_s;
        QTest::newRow("blank line inside value")
            << QByteArray("[a]\nk = v\n\n  w\n\n\n") << u"a"_s << u"k"_s << u"v\n\nw"_s;
        QTest::newRow("blank line then key") << QByteArray("[a]\nk = v\n\nj = w\n") << u"a"_s << u"k"_s << u"v"_s;
        QTest::newRow("comment inside value")
            << QByteArray("[a]\nk = v\n  # c\n; d\n  w\n") << u"a"_s << u"k"_s << u"v\nw"_s;
        QTest::newRow("indented keys") << QByteArray("[a]\n  k = v\n    w\n  j = x\n") << u"a"_s << u"k"_s << u"v\nw"_s;
        QTest::newRow("indented sibling") << QByteArray("[a]\n  k = v\n    w\n  j = x\n") << u"a"_s << u"j"_s << u"x"_s;
        QTest::newRow("crlf") << QByteArray("[a]\r\nk = 1\r\n  2\r\n") << u"a"_s << u"k"_s << u"1\n2"_s;
        QTest::newRow("cr") << QByteArray("[a]\rk = 1\r  2\r") << u"a"_s << u"k"_s << u"1\n2"_s;
        QTest::newRow("no final newline") << QByteArray("[a]\nk = v") << u"a"_s << u"k"_s << u"v"_s;
        QTest::newRow("header with trailing text") << QByteArray("[s] junk\nk=1\n") << u"s"_s << u"k"_s << u"1"_s;
        QTest::newRow("header not stripped") << QByteArray("[ sp ]\nk=1\n") << u" sp "_s << u"k"_s << u"1"_s;
        QTest::newRow("header up to the last ]") << QByteArray("[a]b]\nk=1\n") << u"a]b"_s << u"k"_s << u"1"_s;
        QTest::newRow("DEFAULT fallback") << QByteArray("[DEFAULT]\nk = d\n[a]\nj = 1\n") << u"a"_s << u"k"_s << u"d"_s;
        QTest::newRow("section beats DEFAULT")
            << QByteArray("[DEFAULT]\nk = d\n[a]\nk = s\n") << u"a"_s << u"k"_s << u"s"_s;
        QTest::newRow("DEFAULT itself") << QByteArray("[DEFAULT]\nk = d\n") << u"DEFAULT"_s << u"k"_s << u"d"_s;
        QTest::newRow("here") << QByteArray("[a]\nk = %(here)s/x\n") << u"a"_s << u"k"_s << u"/projects/demo/x"_s;
        QTest::newRow("here case-insensitive") << QByteArray("[a]\nk = %(HERE)s\n") << u"a"_s << u"k"_s << here;
        QTest::newRow("file DEFAULT overrides here")
            << QByteArray("[DEFAULT]\nhere = /x\n[b]\nj = %(here)s\n") << u"b"_s << u"j"_s << u"/x"_s;
        QTest::newRow("section key named here")
            << QByteArray("[b]\nhere = /s\nj = %(here)s\n") << u"b"_s << u"j"_s << u"/s"_s;
        QTest::newRow("percent escape") << QByteArray("[a]\nk = 100%% p%%40ss\n") << u"a"_s << u"k"_s
                                        << u"100% p%40ss"_s;
        QTest::newRow("same section") << QByteArray("[a]\nx = 1\nk = %(x)s-%(x)s\n") << u"a"_s << u"k"_s << u"1-1"_s;
        QTest::newRow("defined later") << QByteArray("[a]\nk = <%(x)s>\nx = 1\n") << u"a"_s << u"k"_s << u"<1>"_s;
        QTest::newRow("chain") << QByteArray("[DEFAULT]\nroot = %(here)s/db\n[a]\nm = %(root)s/m\nk = %(m)s/v\n")
                               << u"a"_s << u"k"_s << u"/projects/demo/db/m/v"_s;
        QTest::newRow("DEFAULT sees the section")
            << QByteArray("[DEFAULT]\nu = %(name)s\n[s]\nname = n\n") << u"s"_s << u"u"_s << u"n"_s;
        QTest::newRow("escape in referenced value")
            << QByteArray("[a]\nx = 5%%\nk = %(x)s\n") << u"a"_s << u"k"_s << u"5%"_s;
        QTest::newRow("multi-line reference")
            << QByteArray("[a]\nx = 1\n  2\nk = %(x)s\n") << u"a"_s << u"k"_s << u"1\n2"_s;
        QTest::newRow("non-ASCII") << QByteArray("[a]\nk = caf\xc3\xa9 \xe2\x82\xac\n") << u"a"_s << u"k"_s
                                   << QStringLiteral("caf\u00e9 \u20ac");
    }

    void values()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QString, expected);

        const IniFile ini = parsed(text);
        QVERIFY2(ini.diagnostics().isEmpty(), qPrintable(describe(ini.diagnostics())));
        QVERIFY(ini.contains(section, key));
        Diagnostics problems;
        const std::optional<QString> value = ini.value(section, key, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
        QVERIFY(value.has_value());
        QCOMPARE(*value, expected);
    }

    void missing()
    {
        const IniFile ini = parsed("[a]\nk = v\n[DEFAULT]\nd = 1\n");
        QVERIFY(!ini.value(u"a"_s, u"nope"_s).has_value());
        QVERIFY(!ini.value(u"b"_s, u"k"_s).has_value());
        QVERIFY(!ini.value(u"b"_s, u"d"_s).has_value()); // no section: DEFAULT does not make one
        QVERIFY(!ini.contains(u"b"_s, u"d"_s));
        QVERIFY(ini.contains(u"a"_s, u"d"_s));
        QVERIFY(!ini.hasSection(u"DEFAULT"_s));
        QCOMPARE(ini.sections(), QStringList{u"a"_s});
    }

    void interpolationErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");

        QTest::newRow("missing key") << QByteArray("[a]\nx = 1\nk = %(nope)s/m\n") << u"k"_s << 3
                                     << u"interpolation key 'nope' which is not a valid option name"_s;
        QTest::newRow("missing in chain") << QByteArray("[a]\nk = %(m)s\n\nm = %(nope)s\n") << u"k"_s << 2
                                          << u"option 'k' in section 'a' contains an interpolation key 'nope'"_s;
        QTest::newRow("key from DEFAULT")
            << QByteArray("[DEFAULT]\nk = %(nope)s\n[a]\nj = 1\n") << u"k"_s << 2 << u"'nope'"_s;
        QTest::newRow("self reference") << QByteArray("[a]\nk = %(k)s\n") << u"k"_s << 2
                                        << u"recursion limit exceeded"_s;
        QTest::newRow("cycle") << QByteArray("[a]\nk = %(j)s\nj = %(k)s\n") << u"k"_s << 2
                               << u"cannot be substituted in 10 steps"_s;
        QTest::newRow("bare percent") << QByteArray("[a]\nk = 50%\n") << u"k"_s << 2
                                      << u"'%' must be followed by '%' or '('"_s;
        QTest::newRow("percent letter") << QByteArray("[a]\n\nk = p%40ss\n") << u"k"_s << 3 << u"found: '%40ss'"_s;
        QTest::newRow("unclosed") << QByteArray("[a]\nk = %(x\n") << u"k"_s << 2
                                  << u"bad interpolation variable reference '%(x'"_s;
        QTest::newRow("not s") << QByteArray("[a]\nx = 1\nk = %(x)d\n") << u"k"_s << 3
                               << u"bad interpolation variable reference '%(x)d'"_s;
        QTest::newRow("empty name") << QByteArray("[a]\nk = %()s\n") << u"k"_s << 2
                                    << u"bad interpolation variable reference"_s;
        QTest::newRow("continued value") << QByteArray("[a]\nk = a\n  %(nope)s\n") << u"k"_s << 2 << u"'nope'"_s;
    }

    void interpolationErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, key);
        QFETCH(int, line);
        QFETCH(QString, message);

        const IniFile ini = parsed(text);
        QVERIFY2(ini.diagnostics().isEmpty(), qPrintable(describe(ini.diagnostics())));
        const QString section = ini.sections().value(0);
        Diagnostics problems;
        QVERIFY(!ini.value(section, key, &problems).has_value());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().severity, Diagnostic::Severity::Error);
        QCOMPARE(problems.first().path, u"/projects/demo/alembic.ini"_s);
        QCOMPARE(problems.first().line, line);
        QVERIFY2(problems.first().message.contains(message), qPrintable(problems.first().message));
        // The raw value is still there.
        QVERIFY(ini.rawValue(section, key).has_value());
        // Without a list to report to, it just fails.
        QVERIFY(!ini.value(section, key).has_value());
    }

    void readErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("sections");

        QTest::newRow("no section header")
            << QByteArray("# c\n\nk = v\n[a]\nj = 1\n") << 3 << u"no section headers"_s << QStringList();
        QTest::newRow("indented before header")
            << QByteArray("  k = v\n") << 1 << u"no section headers"_s << QStringList();
        QTest::newRow("no delimiter") << QByteArray("[a]\nk = v\nbogus line\n[b]\n") << 3 << u"cannot parse line 3"_s
                                      << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("no key") << QByteArray("[a]\n= v\n") << 2 << u"no key"_s << QStringList{u"a"_s};
        QTest::newRow("empty brackets") << QByteArray("[a]\n[]\n") << 2 << u"cannot parse"_s << QStringList{u"a"_s};
        QTest::newRow("duplicate section") << QByteArray("[a]\nk = v\n[b]\n[a]\nj = w\n") << 4
                                           << u"section 'a' already exists (line 1)"_s << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("duplicate option")
            << QByteArray("[a]\nk = v\nK = w\n") << 3 << u"option 'k' in section 'a' already exists (line 2)"_s
            << QStringList{u"a"_s};
        QTest::newRow("duplicate across headers")
            << QByteArray("[DEFAULT]\nk = v\n[a]\n[DEFAULT]\nk = w\n") << 5
            << u"option 'k' in section 'DEFAULT' already exists"_s << QStringList{u"a"_s};
        QTest::newRow("invalid UTF-8") << QByteArray("[a]\nk = v\nj = \xe2\x82\n") << 3 << u"not UTF-8"_s
                                       << QStringList();
        QTest::newRow("latin-1") << QByteArray("[a]\n# caf\xe9\n") << 2 << u"not UTF-8"_s << QStringList();
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf[a]\nk = v\n") << 1 << u"byte order mark"_s
                                         << QStringList{u"a"_s};
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\rIHDR\xff\xfe", 17) << 1 << u"not UTF-8"_s
                                << QStringList();
        QTest::newRow("NUL is text to Python")
            << QByteArray("\x00[a]\n", 5) << 1 << u"no section headers"_s << QStringList();
    }

    void readErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        QFETCH(QStringList, sections);

        const IniFile ini = parsed(text);
        const Diagnostics diagnostics = ini.diagnostics();
        QVERIFY(!diagnostics.isEmpty());
        QVERIFY(hasErrors(diagnostics));
        QCOMPARE(diagnostics.first().path, u"/projects/demo/alembic.ini"_s);
        QCOMPARE(diagnostics.first().line, line);
        QVERIFY2(diagnostics.first().message.contains(message), qPrintable(describe(diagnostics)));
        QCOMPARE(ini.sections(), sections);
    }

    void bestEffortAfterErrors()
    {
        // Python raises on these files; Retort reports it and keeps what it could read.
        const IniFile bom = parsed("\xef\xbb\xbf[alembic]\nscript_location = m\n");
        QCOMPARE(bom.value(u"alembic"_s, u"script_location"_s).value_or(QString()), u"m"_s);

        const IniFile duplicate = parsed("[a]\nk = v\nk = w\n");
        QCOMPARE(duplicate.value(u"a"_s, u"k"_s).value_or(QString()), u"w"_s);
        QCOMPARE(duplicate.line(u"a"_s, u"k"_s), 3);

        QString many = u"[a]\n"_s;
        for (int i = 0; i < 30; ++i)
            many += u"bogus\n"_s;
        const IniFile bogus = parsed(many.toUtf8());
        QCOMPARE(bogus.diagnostics().size(), 21);
        QVERIFY(bogus.diagnostics().last().message.contains(u"10 more lines"_s));
    }

    void lines()
    {
        const IniFile ini = parsed("# top\n[DEFAULT]\nroot = x\n\n[alembic]\nscript_location = a\n  b\n\n"
                                   "version_locations =\n   v1\n   v2\nurl: u\n[other]\n");
        QCOMPARE(ini.sectionLine(u"alembic"_s), 5);
        QCOMPARE(ini.sectionLine(u"other"_s), 13);
        QCOMPARE(ini.sectionLine(u"DEFAULT"_s), 2);
        QCOMPARE(ini.sectionLine(u"nope"_s), 0);
        QCOMPARE(ini.line(u"alembic"_s, u"script_location"_s), 6);
        QCOMPARE(ini.line(u"alembic"_s, u"VERSION_LOCATIONS"_s), 9);
        QCOMPARE(ini.line(u"alembic"_s, u"url"_s), 12);
        QCOMPARE(ini.line(u"alembic"_s, u"root"_s), 3); // from DEFAULT
        QCOMPARE(ini.line(u"alembic"_s, u"here"_s), 0); // passed in
        QCOMPARE(ini.line(u"alembic"_s, u"nope"_s), 0);
        QCOMPARE(ini.rawValue(u"alembic"_s, u"version_locations"_s).value_or(QString()), u"\nv1\nv2"_s);

        const QList<IniFile::Entry> entries = ini.entries(u"alembic"_s);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).key, u"script_location"_s);
        QCOMPARE(entries.at(0).value, u"a\nb"_s);
        QCOMPARE(entries.at(2).key, u"url"_s);
        QCOMPARE(ini.entries(u"other"_s).size(), 0);
        QCOMPARE(ini.entries(u"DEFAULT"_s).size(), 2); // here and root
    }

    void defaultsAreChecked()
    {
        // Python's ConfigParser(defaults) runs BasicInterpolation.before_set on each default.
        const IniFile ini = IniFile::parse("[a]\nk = %(here)s\n", u"/x/alembic.ini"_s, {{u"here"_s, u"/tmp/100%"_s}});
        QCOMPARE(ini.diagnostics().size(), 1);
        QVERIFY(ini.diagnostics().first().message.contains(u"invalid interpolation syntax"_s));

        const IniFile fine = IniFile::parse("[a]\nk = %(here)s\n", u"/x/alembic.ini"_s, {{u"here"_s, u"/tmp/%%x"_s}});
        QVERIFY(fine.diagnostics().isEmpty());
        QCOMPARE(fine.value(u"a"_s, u"k"_s).value_or(QString()), u"/tmp/%x"_s);
    }

    void percentInMessagesIsKept()
    {
        // Messages are built in one pass: a value such as p%20ss must not be taken for a placeholder.
        const IniFile ini = parsed("[a]\nk = %1 %2 p%20ss\n");
        Diagnostics problems;
        QVERIFY(!ini.value(u"a"_s, u"k"_s, &problems).has_value());
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().message.contains(u"found: '%1 %2 p%20ss'"_s), qPrintable(problems.first().message));
    }

    void readFile()
    {
        const QString path = fixture(u"plain/alembic.ini"_s);
        const QString folder = QFileInfo(path).absolutePath();
        const IniFile ini = IniFile::read(path, {{u"here"_s, folder}});
        QVERIFY2(ini.diagnostics().isEmpty(), qPrintable(describe(ini.diagnostics())));
        QCOMPARE(ini.path(), path);
        QCOMPARE(ini.sections(), (QStringList{u"alembic"_s, u"post_write_hooks"_s, u"loggers"_s, u"handlers"_s,
                                              u"formatter_generic"_s}));
        QCOMPARE(ini.value(u"alembic"_s, u"script_location"_s).value_or(QString()), u"alembic"_s);
        QCOMPARE(ini.line(u"alembic"_s, u"script_location"_s), 5);
        QCOMPARE(ini.value(u"alembic"_s, u"here"_s).value_or(QString()), folder);
        // The logging format is not valid BasicInterpolation: Python fails too, but only when it is asked for.
        QVERIFY(!ini.value(u"formatter_generic"_s, u"format"_s).has_value());
        QCOMPARE(ini.rawValue(u"formatter_generic"_s, u"datefmt"_s).value_or(QString()), u"%H:%M:%S"_s);
    }

    void unreadable_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");

        QTest::newRow("missing") << fixture(u"plain/nope.ini"_s) << u"no such file"_s;
        QTest::newRow("folder") << fixture(u"plain"_s) << u"it is a folder"_s;
        // Opens, then every read fails with EIO, even for root.
        QTest::newRow("read error") << u"/proc/self/mem"_s << u"cannot read /proc/self/mem"_s;
        QTest::newRow("binary") << fixture(u"garbage/alembic.ini"_s) << u"is not UTF-8 text"_s;
    }

    void unreadable()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);

        const IniFile ini = IniFile::read(path, {{u"here"_s, u"/x"_s}});
        QVERIFY(hasErrors(ini.diagnostics()));
        QCOMPARE(ini.diagnostics().first().path, path);
        QVERIFY2(ini.diagnostics().first().message.contains(message), qPrintable(describe(ini.diagnostics())));
        QVERIFY(ini.sections().isEmpty());
        // The defaults are still there.
        QCOMPARE(ini.value(u"DEFAULT"_s, u"here"_s).value_or(QString()), u"/x"_s);
    }

    void unreadableByPermission()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"alembic.ini"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[alembic]\nscript_location = m\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::Permissions()));
        const bool canRead = QFile(path).open(QIODevice::ReadOnly); // root reads anything
        const IniFile ini = IniFile::read(path);
        QCOMPARE(hasErrors(ini.diagnostics()), !canRead);
        QCOMPARE(ini.hasSection(u"alembic"_s), canRead);
    }
};

QTEST_GUILESS_MAIN(TestIniFile)
#include "tst_inifile.moc"
