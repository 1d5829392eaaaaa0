#include "bridgeargument.h"
#include "bridgecall.h"
#include "clicommand.h"
#include "projectargument.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>

namespace retort::cli {

int runSqlCommand(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print the SQL Alembic emits for one revision (REV) or a range (FROM:TO), offline."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Project folder, alembic.ini or versions folder."),
                                 QStringLiteral("[PATH]"));
    parser.addPositionalArgument(QStringLiteral("REV"),
                                 QStringLiteral("A revision (its own upgrade or downgrade), or FROM:TO as `alembic upgrade "
                                                "FROM:TO --sql` takes it (FROM may list several revisions, comma separated)."));
    parser.addOption({QStringLiteral("down"), QStringLiteral("The downgrade instead of the upgrade.")});
    parser.addOption({QStringLiteral("mode"),
                      QStringLiteral("env: through the project's env.py, as `alembic upgrade --sql`; direct: the revision "
                                     "modules alone for --dialect, without env.py."),
                      QStringLiteral("MODE"), QStringLiteral("env")});
    parser.addOption({QStringLiteral("dialect"), QStringLiteral("SQL dialect for --mode direct: postgresql, sqlite, mysql, ..."),
                      QStringLiteral("NAME"), QStringLiteral("postgresql")});
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("For --mode env: the database URL env.py sees instead of the project's (as the "
                                     "sqlalchemy.url option and $RETORT_DATABASE_URL); offline SQL needs only the "
                                     "dialect, e.g. postgresql://."),
                      QStringLiteral("URL")});
    addPythonOption(parser);
    parser.addHelpOption();
    if (int code = ExitOk; !parseOrHelp(parser, arguments, streams, "sql", &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2) {
        streams.err << "retort-cli sql: expected [PATH] REV\n";
        return ExitUsage;
    }
    // A lone argument that names a file or folder is a PATH without its REV (ids never hold a '/').
    if (positional.size() == 1 && (positional.first().contains(u'/') || QFileInfo::exists(positional.first()))) {
        streams.err << "retort-cli sql: no REV given after " << positional.first() << " (expected [PATH] REV)\n";
        return ExitUsage;
    }
    const QString mode = parser.value(QStringLiteral("mode"));
    if (mode != u"env" && mode != u"direct") {
        streams.err << "retort-cli sql: unknown mode '" << mode << "' (use env or direct)\n";
        return ExitUsage;
    }
    bool ok = false;
    const Project project = loadProjectPath(positional.size() == 2 ? positional.first() : QString(), streams.err, &ok);
    if (!ok)
        return ExitErrors;

    const QString rev = positional.constLast();
    QJsonObject params{{QStringLiteral("direction"), parser.isSet(QStringLiteral("down")) ? QStringLiteral("down") : QStringLiteral("up")},
                       {QStringLiteral("mode"), mode},
                       {QStringLiteral("dialect"), parser.value(QStringLiteral("dialect"))},
                       {QStringLiteral("url"), parser.value(QStringLiteral("url"))}};
    if (rev.contains(u':')) {
        const QString from = rev.section(u':', 0, 0);
        const QString to = rev.section(u':', 1);
        if (to.isEmpty()) {
            streams.err << "retort-cli sql: the range '" << rev << "' has no end\n";
            return ExitUsage;
        }
        QJsonArray start;
        for (const QString &r : from.split(u',', Qt::SkipEmptyParts))
            start.append(r.trimmed());
        params.insert(QStringLiteral("from"), start);
        params.insert(QStringLiteral("to"), to);
    } else {
        params.insert(QStringLiteral("revision"), rev);
    }

    const std::unique_ptr<AlembicBridge> bridge = openBridge(parser, project, streams.err);
    const BridgeOutcome outcome = callAndWait(*bridge, QStringLiteral("sql"), params);
    if (!outcome.ok)
        return reportBridgeError(outcome.error, project, streams.err, QStringLiteral("sql"));
    writeStdout(streams.out, outcome.result.value(QStringLiteral("sql")).toString().toUtf8());
    return ExitOk;
}

} // namespace retort::cli
