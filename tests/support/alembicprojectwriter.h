#pragma once

// Small Alembic projects written into a temporary folder, for tests that run real Alembic on them.
// onlineEnvPy, reversibleRevision() and reversibleProject() are for the tests that migrate a real
// PostgreSQL with them (tst_migrationrunner, tst_rollbackverifier, tst_clirun, tst_cliverify).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <utility>

namespace retort::test {

/// env.py for a project that migrates a real database: online, on the URL Alembic is given
/// (sqlalchemy.url, which Retort sets), one connection and no pool.
inline constexpr char onlineEnvPy[] = "from alembic import context\n"
                                      "from sqlalchemy import create_engine, pool\n"
                                      "engine = create_engine(context.config.get_main_option('sqlalchemy.url'), "
                                      "poolclass=pool.NullPool)\n"
                                      "with engine.connect() as connection:\n"
                                      "    context.configure(connection=connection)\n"
                                      "    with context.begin_transaction():\n"
                                      "        context.run_migrations()\n";

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

/// A small project: alembic.ini, a plain env.py and the given revision files (name -> source).
inline QString makeProject(const QTemporaryDir &dir, const QList<std::pair<QString, QByteArray>> &revisions,
                    const QByteArray &envPy = QByteArray())
{
    const QString root = dir.path();
    writeFile(root + QStringLiteral("/alembic.ini"),
              "[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = postgresql://localhost/none\n");
    writeFile(root + QStringLiteral("/migrations/env.py"),
              envPy.isEmpty() ? QByteArrayLiteral("from alembic import context\n"
                                                  "context.configure(url=context.config.get_main_option('sqlalchemy.url'),"
                                                  " literal_binds=True)\n"
                                                  "with context.begin_transaction():\n"
                                                  "    context.run_migrations()\n")
                              : envPy);
    for (const auto &[name, source] : revisions)
        writeFile(root + QStringLiteral("/migrations/versions/") + name, source);
    return root;
}

inline QByteArray revisionSource(const QByteArray &id, const QByteArray &down, const QByteArray &upgradeBody,
                          const QByteArray &moduleLines = QByteArray())
{
    return "\"\"\"revision " + id + "\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n" + moduleLines
           + "revision = '" + id + "'\ndown_revision = " + (down.isEmpty() ? QByteArray("None") : "'" + down + "'")
           + "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n" + upgradeBody
           + "\n\ndef downgrade():\n    op.drop_table('t_" + id + "')\n";
}

/// A revision file with its own upgrade() and downgrade() bodies.
inline QByteArray reversibleRevision(const QByteArray &id, const QByteArray &down, const QByteArray &upgrade,
                                     const QByteArray &downgrade)
{
    return "\"\"\"revision " + id + "\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\nrevision = '" + id
           + "'\ndown_revision = " + (down.isEmpty() ? QByteArray("None") : "'" + down + "'")
           + "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n" + upgrade + "\n\n\ndef downgrade():\n"
           + downgrade + "\n";
}

inline QByteArray createTable(const QByteArray &id)
{
    return "    op.create_table('t_" + id + "', sa.Column('id', sa.Integer, primary_key=True))";
}

/// A project on onlineEnvPy whose a1 creates t_a1 (and drops it going down), whose a2 runs \a upgrade
/// and \a downgrade, and then the revision files in \a more (name -> source).
inline QString reversibleProject(const QTemporaryDir &dir, const QByteArray &upgrade, const QByteArray &downgrade,
                                 const QList<std::pair<QString, QByteArray>> &more = {})
{
    QList<std::pair<QString, QByteArray>> revisions{
        {QStringLiteral("a1.py"), reversibleRevision("a1", {}, createTable("a1"), "    op.drop_table('t_a1')")},
        {QStringLiteral("a2.py"), reversibleRevision("a2", "a1", upgrade, downgrade)}};
    revisions += more;
    return makeProject(dir, revisions, onlineEnvPy);
}

} // namespace retort::test
