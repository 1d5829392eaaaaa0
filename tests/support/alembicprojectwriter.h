#pragma once

// Small Alembic projects written into a temporary folder, for tests that run real Alembic on them.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <utility>

namespace retort::test {

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

inline QByteArray createTable(const QByteArray &id)
{
    return "    op.create_table('t_" + id + "', sa.Column('id', sa.Integer, primary_key=True))";
}

} // namespace retort::test
