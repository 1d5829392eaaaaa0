#include "projectconfig.h"

#include <QDir>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

// Fixture projects live in tests/fixtures/projects/<name>/; paths in the tables are relative to that folder.
QString projects()
{
    return QDir::cleanPath(QStringLiteral(RETORT_FIXTURES_DIR "/projects"));
}

QString fixture(const QString &relative)
{
    return relative.isEmpty() ? QString() : QDir::cleanPath(projects() + QLatin1Char('/') + relative);
}

QStringList fixtures(const QStringList &relative)
{
    QStringList paths;
    for (const QString &path : relative)
        paths.append(fixture(path));
    return paths;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics) {
        lines.append(QStringLiteral("%1 %2:%3: %4")
                         .arg(Diagnostic::severityName(d.severity), d.path, QString::number(d.line), d.message));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestProjectConfig : public QObject
{
    Q_OBJECT

private slots:
    void load_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("ini");
        QTest::addColumn<QString>("usedSection");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("scriptLocation");
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<bool>("recursive");

        const QString alembic = u"alembic"_s;
        QTest::newRow("plain folder") << u"plain"_s << alembic << u"plain/alembic.ini"_s << alembic << u"plain"_s
                                      << u"plain/alembic"_s << QStringList{u"plain/alembic/versions"_s} << false;
        QTest::newRow("plain ini") << u"plain/alembic.ini"_s << alembic << u"plain/alembic.ini"_s << alembic
                                   << u"plain"_s << u"plain/alembic"_s << QStringList{u"plain/alembic/versions"_s}
                                   << false;
        QTest::newRow("relative path to the ini")
            << u"plain/../plain/./alembic.ini"_s << alembic << u"plain/alembic.ini"_s << alembic << u"plain"_s
            << u"plain/alembic"_s << QStringList{u"plain/alembic/versions"_s} << false;
        QTest::newRow("%(here)s") << u"here"_s << alembic << u"here/alembic.ini"_s << alembic << u"here"_s
                                  << u"here/migrations"_s << QStringList{u"here/migrations/versions"_s} << false;
        QTest::newRow("relative to the ini folder")
            << u"relative/config/alembic.ini"_s << alembic << u"relative/config/alembic.ini"_s << alembic
            << u"relative/config"_s << u"relative/db/migrations"_s << QStringList{u"relative/db/migrations/versions"_s}
            << false;
        QTest::newRow("package:path") << u"package"_s << alembic << u"package/alembic.ini"_s << alembic << u"package"_s
                                      << u"package/myapp/db/migrations"_s
                                      << QStringList{u"package/myapp/db/migrations/versions"_s} << false;
        QTest::newRow("package:path version_locations")
            << u"package"_s << u"versions_package"_s << u"package/alembic.ini"_s << u"versions_package"_s
            << u"package"_s << u"package/myapp/db/migrations"_s
            << QStringList{u"package/myapp/db/migrations/versions"_s, u"package/myapp/extra"_s} << false;
        QTest::newRow("package:path under src/")
            << u"package_src"_s << alembic << u"package_src/alembic.ini"_s << alembic << u"package_src"_s
            << u"package_src/src/srcapp/migrations"_s << QStringList{u"package_src/src/srcapp/migrations/versions"_s}
            << false;
        QTest::newRow("package:path on prepend_sys_path")
            << u"package_src"_s << u"syspath"_s << u"package_src/alembic.ini"_s << u"syspath"_s << u"package_src"_s
            << u"package_src/vendor/vendpkg/migrations"_s
            << QStringList{u"package_src/vendor/vendpkg/migrations/versions"_s} << false;

        // version_locations and version_path_separator; script_location comes from [DEFAULT].
        const QString sep = u"separators/alembic.ini"_s;
        const QString sepScript = u"separators/migrations"_s;
        auto separators = [&](const char *name, const QString &section, const QStringList &versions) {
            QTest::newRow(name) << u"separators"_s << section << sep << section << u"separators"_s << sepScript
                                << versions << false;
        };
        separators("legacy: commas and spaces", u"legacy"_s,
                   {u"separators/v1"_s, u"separators/v2"_s, u"separators/migrations/versions"_s});
        separators("legacy: ' , ' gives an empty entry, the cwd", u"legacy_empty"_s,
                   {u"separators/v1"_s, u"separators"_s, u"separators/v2"_s});
        separators("space", u"space"_s, {u"separators/v1"_s, u"separators/v2"_s, u"separators/migrations/versions"_s});
        separators("os", u"os"_s, {u"separators/v1"_s, u"separators/v2"_s, u"separators/v 3"_s});
        separators("colon", u"colon"_s, {u"separators/v1"_s, u"separators/v 3"_s});
        separators("semicolon", u"semicolon"_s, {u"separators/v 3"_s, u"separators/v1"_s, u"separators/v2"_s});
        separators("newline", u"newline"_s, {u"separators/v 3"_s, u"separators/v1"_s});
        separators("invalid separator", u"invalid"_s, {});
        separators("missing location skipped", u"missing"_s, {u"separators/v1"_s, u"separators/v2"_s});
        separators("duplicates once", u"duplicate"_s, {u"separators/v1"_s});
        separators("none exists", u"none_exist"_s, {});
        separators("empty version_locations", u"empty"_s, {u"separators/migrations/versions"_s});

        const QString rec = u"recursive/alembic.ini"_s;
        const QStringList recVersions{u"recursive/migrations/versions"_s};
        auto recursive = [&](const char *name, const QString &section, bool flag) {
            QTest::newRow(name) << u"recursive"_s << section << rec << section << u"recursive"_s
                                << u"recursive/migrations"_s << recVersions << flag;
        };
        recursive("recursive true", alembic, true);
        recursive("recursive Yes", u"yes"_s, true);
        recursive("recursive 1", u"one"_s, true);
        recursive("recursive off", u"off"_s, false);
        recursive("recursive unset", u"unset"_s, false);
        recursive("recursive invalid", u"invalid"_s, false);

        QTest::newRow("no [alembic], one script directory")
            << u"no_alembic_section"_s << alembic << u"no_alembic_section/alembic.ini"_s << QString()
            << u"no_alembic_section"_s << u"no_alembic_section/migrations"_s
            << QStringList{u"no_alembic_section/migrations/versions"_s} << false;
        QTest::newRow("no [alembic], two script directories")
            << u"no_section_ambiguous"_s << alembic << u"no_section_ambiguous/alembic.ini"_s << QString()
            << u"no_section_ambiguous"_s << QString() << QStringList() << false;
        QTest::newRow("binary ini") << u"garbage"_s << alembic << u"garbage/alembic.ini"_s << QString() << u"garbage"_s
                                    << QString() << QStringList() << false;
        QTest::newRow("script directory")
            << u"scriptdir_only/migrations"_s << alembic << QString() << QString() << u"scriptdir_only/migrations"_s
            << u"scriptdir_only/migrations"_s << QStringList{u"scriptdir_only/migrations/versions"_s} << false;
        QTest::newRow("script directory of the ini beside it")
            << u"parent_ini/alembic"_s << alembic << u"parent_ini/alembic.ini"_s << alembic << u"parent_ini"_s
            << u"parent_ini/alembic"_s << QStringList{u"parent_ini/alembic/versions"_s, u"parent_ini/extra"_s} << false;
        QTest::newRow("bare versions folder")
            << u"bare_versions"_s << alembic << QString() << QString() << u"bare_versions"_s << QString()
            << QStringList{u"bare_versions"_s} << false;
        QTest::newRow("several histories, none named") << u"multi"_s << alembic << u"multi/alembic.ini"_s << QString()
                                                       << u"multi"_s << QString() << QStringList() << false;
        QTest::newRow("several histories: accounts")
            << u"multi"_s << u"accounts"_s << u"multi/alembic.ini"_s << u"accounts"_s << u"multi"_s
            << u"multi/accounts"_s << QStringList{u"multi/accounts/versions"_s} << false;
        QTest::newRow("several histories: billing")
            << u"multi/alembic.ini"_s << u"billing"_s << u"multi/alembic.ini"_s << u"billing"_s << u"multi"_s
            << u"multi/billing"_s << QStringList{u"multi/billing/versions"_s} << false;
        QTest::newRow("continuation lines")
            << u"continuation"_s << alembic << u"continuation/alembic.ini"_s << alembic << u"continuation"_s
            << u"continuation/migrations"_s
            << QStringList{u"continuation/migrations/versions"_s, u"continuation/more"_s, u"continuation/extra"_s}
            << false;
        QTest::newRow("interpolation") << u"interpolation"_s << alembic << u"interpolation/alembic.ini"_s << alembic
                                       << u"interpolation"_s << u"interpolation/db/migrations"_s
                                       << QStringList{u"interpolation/db/migrations/versions"_s} << false;
        QTest::newRow("missing interpolation key")
            << u"missing_interpolation"_s << alembic << u"missing_interpolation/alembic.ini"_s << alembic
            << u"missing_interpolation"_s << QString() << QStringList() << false;
        QTest::newRow("no script_location")
            << u"missing_script_location"_s << alembic << u"missing_script_location/alembic.ini"_s << alembic
            << u"missing_script_location"_s << QString() << QStringList() << false;
        QTest::newRow("section without script_location")
            << u"plain"_s << u"loggers"_s << u"plain/alembic.ini"_s << u"loggers"_s << u"plain"_s << QString()
            << QStringList() << false;
        QTest::newRow("no versions folder")
            << u"no_versions"_s << alembic << u"no_versions/alembic.ini"_s << alembic << u"no_versions"_s
            << u"no_versions/migrations"_s << QStringList() << false;
        QTest::newRow("script_location missing")
            << u"no_versions"_s << u"nowhere"_s << u"no_versions/alembic.ini"_s << u"nowhere"_s << u"no_versions"_s
            << QString() << QStringList() << false;
        QTest::newRow("package not found")
            << u"package"_s << u"missing_package"_s << u"package/alembic.ini"_s << u"missing_package"_s << u"package"_s
            << QString() << QStringList() << false;
        QTest::newRow("not a package name") << u"package"_s << u"bad_package"_s << u"package/alembic.ini"_s
                                            << u"bad_package"_s << u"package"_s << QString() << QStringList() << false;
        QTest::newRow("path does not exist") << u"nothing/here"_s << alembic << QString() << QString()
                                             << u"nothing/here"_s << QString() << QStringList() << false;
    }

    void load()
    {
        QFETCH(QString, path);
        QFETCH(QString, section);
        QFETCH(QString, ini);
        QFETCH(QString, usedSection);
        QFETCH(QString, root);
        QFETCH(QString, scriptLocation);
        QFETCH(QStringList, versions);
        QFETCH(bool, recursive);

        const ProjectConfig config = ProjectConfig::load(projects() + QLatin1Char('/') + path, section);
        const QByteArray diagnostics = describe(config.diagnostics()).toUtf8();
        QCOMPARE(config.iniPath(), fixture(ini));
        QCOMPARE(config.section(), usedSection);
        QCOMPARE(config.projectRoot(), fixture(root));
        QCOMPARE(config.scriptLocation(), fixture(scriptLocation));
        QCOMPARE(config.versionLocations(), fixtures(versions));
        QCOMPARE(config.recursiveVersionLocations(), recursive);
        QVERIFY2(config.isValid() == !versions.isEmpty(), diagnostics.constData());
    }

    // Loads that Alembic would accept without a word give no diagnostics at all.
    void clean_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("section");

        QTest::newRow("plain") << u"plain"_s << u"alembic"_s;
        QTest::newRow("here") << u"here"_s << u"alembic"_s;
        QTest::newRow("relative") << u"relative/config/alembic.ini"_s << u"alembic"_s;
        QTest::newRow("package") << u"package"_s << u"alembic"_s;
        QTest::newRow("package src") << u"package_src"_s << u"alembic"_s;
        QTest::newRow("legacy") << u"separators"_s << u"legacy"_s;
        QTest::newRow("recursive off") << u"recursive"_s << u"off"_s;
        QTest::newRow("script directory") << u"scriptdir_only/migrations"_s << u"alembic"_s;
        QTest::newRow("bare versions") << u"bare_versions"_s << u"alembic"_s;
        QTest::newRow("multi accounts") << u"multi"_s << u"accounts"_s;
        QTest::newRow("interpolation") << u"interpolation"_s << u"alembic"_s;
    }

    void clean()
    {
        QFETCH(QString, path);
        QFETCH(QString, section);
        const ProjectConfig config = ProjectConfig::load(fixture(path), section);
        QVERIFY2(config.diagnostics().isEmpty(), describe(config.diagnostics()).toUtf8().constData());
        QVERIFY(config.isValid());
    }

    void diagnostics_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("section");
        QTest::addColumn<Diagnostic::Severity>("severity");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");

        using S = Diagnostic::Severity;
        const QString alembic = u"alembic"_s;
        const QString sep = u"separators/alembic.ini"_s;
        QTest::newRow("missing version location")
            << u"separators"_s << u"missing"_s << S::Warning << sep << 38
            << QStringLiteral("version location %1 does not exist; Alembic skips it")
                   .arg(fixture(u"separators/nowhere"_s));
        QTest::newRow("none exists") << u"separators"_s << u"none_exist"_s << S::Warning << sep << 45
                                     << fixture(u"separators/nowhere"_s);
        QTest::newRow("duplicate location")
            << u"separators"_s << u"duplicate"_s << S::Warning << sep << 42 << u"listed more than once"_s;
        QTest::newRow("empty legacy entry")
            << u"separators"_s << u"legacy_empty"_s << S::Warning << sep << 8 << u"empty entry"_s;
        QTest::newRow("invalid separator") << u"separators"_s << u"invalid"_s << S::Error << sep << 33
                                           << u"'comma' is not a valid value for version_path_separator"_s;
        // Features newer than Debian's Alembic 1.8.1 are honoured, and said to be newer.
        QTest::newRow("newline separator") << u"separators"_s << u"newline"_s << S::Warning << sep << 27
                                           << u"version_path_separator = newline is rejected by Alembic 1.8"_s;
        QTest::newRow("recursive") << u"recursive"_s << u"yes"_s << S::Info << u"recursive/alembic.ini"_s << 7
                                   << u"needs Alembic 1.10"_s;
        QTest::newRow("recursive invalid") << u"recursive"_s << u"invalid"_s << S::Error << u"recursive/alembic.ini"_s
                                           << 22 << u"recursive_version_locations = maybe"_s;
        QTest::newRow("no [alembic] section")
            << u"no_alembic_section"_s << alembic << S::Error << u"no_alembic_section/alembic.ini"_s << 0
            << QStringLiteral("no [alembic] section in %1").arg(fixture(u"no_alembic_section/alembic.ini"_s));
        QTest::newRow("no [alembic] section: fallback")
            << u"no_alembic_section"_s << alembic << S::Warning << u"no_alembic_section/alembic.ini"_s << 0
            << QStringLiteral("using %1").arg(fixture(u"no_alembic_section/migrations"_s));
        QTest::newRow("no [alembic] section: ambiguous")
            << u"no_section_ambiguous"_s << alembic << S::Error << u"no_section_ambiguous/alembic.ini"_s << 0
            << u"several script directories"_s;
        QTest::newRow("several histories") << u"multi"_s << alembic << S::Error << u"multi/alembic.ini"_s << 0
                                           << u"sections with a script_location: [accounts], [billing]"_s;
        QTest::newRow("binary ini") << u"garbage"_s << alembic << S::Error << u"garbage/alembic.ini"_s << 1
                                    << u"is not UTF-8 text"_s;
        QTest::newRow("binary ini: no section")
            << u"garbage"_s << alembic << S::Error << u"garbage/alembic.ini"_s << 0 << u"no [alembic] section"_s;
        QTest::newRow("missing interpolation key")
            << u"missing_interpolation"_s << alembic << S::Error << u"missing_interpolation/alembic.ini"_s << 3
            << u"option 'script_location' in section 'alembic' contains an interpolation key 'nope'"_s;
        QTest::newRow("url not interpolable") << u"interpolation"_s << u"broken_url"_s << S::Warning
                                              << u"interpolation/alembic.ini"_s << 13 << u"'%40ss@localhost/app'"_s;
        QTest::newRow("no script_location")
            << u"missing_script_location"_s << alembic << S::Error << u"missing_script_location/alembic.ini"_s << 1
            << u"no script_location in [alembic]"_s;
        QTest::newRow("no versions folder")
            << u"no_versions"_s << alembic << S::Error << u"no_versions/alembic.ini"_s << 2
            << QStringLiteral("versions folder %1 does not exist").arg(fixture(u"no_versions/migrations/versions"_s));
        QTest::newRow("script_location missing")
            << u"no_versions"_s << u"nowhere"_s << S::Error << u"no_versions/alembic.ini"_s << 5
            << QStringLiteral("script_location %1 does not exist").arg(fixture(u"no_versions/does/not/exist"_s));
        QTest::newRow("package not found") << u"package"_s << u"missing_package"_s << S::Error
                                           << u"package/alembic.ini"_s << 5 << u"package nosuchpkg"_s;
        QTest::newRow("not a package name") << u"package"_s << u"bad_package"_s << S::Error << u"package/alembic.ini"_s
                                            << 8 << u"not a Python package name"_s;
        QTest::newRow("ini beside the script directory")
            << u"parent_ini/alembic"_s << alembic << S::Info << u"parent_ini/alembic"_s << 0
            << u"is the script_location of"_s;
        QTest::newRow("folder with nothing") << u"package_src/src/../src"_s << alembic << S::Warning
                                             << u"package_src/src"_s << 0 << u"no alembic.ini, env.py"_s;
        QTest::newRow("path does not exist")
            << u"nothing/here"_s << alembic << S::Error << u"nothing/here"_s << 0 << u"does not exist"_s;
    }

    void diagnostics()
    {
        QFETCH(QString, path);
        QFETCH(QString, section);
        QFETCH(Diagnostic::Severity, severity);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);

        const ProjectConfig config = ProjectConfig::load(fixture(path), section);
        const Diagnostics all = config.diagnostics();
        const auto found = std::find_if(all.cbegin(), all.cend(), [&](const Diagnostic &d) {
            return d.severity == severity && d.message.contains(message);
        });
        QVERIFY2(found != all.cend(), describe(all).toUtf8().constData());
        QCOMPARE(found->path, fixture(file));
        QCOMPARE(found->line, line);
    }

    void availableSections_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("sections");

        QTest::newRow("plain") << u"plain"_s << QStringList{u"alembic"_s};
        QTest::newRow("multi") << u"multi"_s << QStringList{u"accounts"_s, u"billing"_s};
        QTest::newRow("package") << u"package"_s
                                 << QStringList{u"alembic"_s, u"missing_package"_s, u"bad_package"_s,
                                                u"versions_package"_s};
        // [DEFAULT] script_location: every section that is not logging configuration.
        QTest::newRow("from DEFAULT") << u"separators"_s
                                      << QStringList{u"legacy"_s,  u"legacy_empty"_s, u"space"_s,      u"os"_s,
                                                     u"colon"_s,   u"semicolon"_s,    u"newline"_s,    u"invalid"_s,
                                                     u"missing"_s, u"duplicate"_s,    u"none_exist"_s, u"empty"_s};
        QTest::newRow("no ini") << u"bare_versions"_s << QStringList();
        QTest::newRow("unreadable ini") << u"garbage"_s << QStringList();
    }

    void availableSections()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, sections);
        QCOMPARE(ProjectConfig::load(fixture(path)).availableSections(), sections);
    }

    void everyAvailableSectionLoads()
    {
        const ProjectConfig first = ProjectConfig::load(fixture(u"multi"_s));
        QVERIFY(!first.isValid());
        QStringList scripts;
        for (const QString &section : first.availableSections()) {
            const ProjectConfig config = ProjectConfig::load(fixture(u"multi"_s), section);
            QVERIFY(config.isValid());
            QCOMPARE(config.section(), section);
            scripts.append(config.scriptLocation());
        }
        QCOMPARE(scripts, fixtures({u"multi/accounts"_s, u"multi/billing"_s}));
    }

    void sqlalchemyUrl_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("url");

        QTest::newRow("plain") << u"plain"_s << u"alembic"_s << u"driver://user:pass@localhost/dbname"_s;
        QTest::newRow("here") << u"here"_s << u"alembic"_s << u"sqlite:///"_s + fixture(u"here/app.db"_s);
        QTest::newRow("%% and a key defined later")
            << u"interpolation"_s << u"alembic"_s << u"postgresql://user:p%40ss@localhost/app"_s;
        QTest::newRow("raw when not interpolable")
            << u"interpolation"_s << u"broken_url"_s << u"postgresql://user:p%40ss@localhost/app"_s;
        QTest::newRow("inline comment kept")
            << u"continuation"_s << u"alembic"_s << u"sqlite:///x.db  # not a comment: inline comments are kept"_s;
        QTest::newRow("per section") << u"multi"_s << u"billing"_s << u"postgresql:///billing"_s;
        QTest::newRow("none") << u"separators"_s << u"legacy"_s << QString();
        QTest::newRow("no ini") << u"bare_versions"_s << u"alembic"_s << QString();
    }

    void sqlalchemyUrl()
    {
        QFETCH(QString, path);
        QFETCH(QString, section);
        QFETCH(QString, url);
        QCOMPARE(ProjectConfig::load(fixture(path), section).sqlalchemyUrl(), url);
    }

    void relativeInputPath()
    {
        // A relative path is taken against the current directory; results are absolute all the same.
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(projects()));
        const ProjectConfig config = ProjectConfig::load(u"here"_s);
        QVERIFY(QDir::setCurrent(previous));
        QCOMPARE(config.iniPath(), fixture(u"here/alembic.ini"_s));
        QCOMPARE(config.versionLocations(), fixtures({u"here/migrations/versions"_s}));
    }

    void defaultConstructed()
    {
        const ProjectConfig config;
        QVERIFY(!config.isValid());
        QVERIFY(config.iniPath().isEmpty());
        QVERIFY(config.versionLocations().isEmpty());
        QVERIFY(config.diagnostics().isEmpty());

        const ProjectConfig empty = ProjectConfig::load(QString());
        QVERIFY(!empty.isValid());
        QVERIFY(hasErrors(empty.diagnostics()));
    }
};

QTEST_GUILESS_MAIN(TestProjectConfig)
#include "tst_projectconfig.moc"
