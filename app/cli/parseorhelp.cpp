#include "clicommand.h"

#include <QCommandLineParser>

namespace retort::cli {

bool parseOrHelp(QCommandLineParser &parser, const QStringList &arguments, CliStreams streams, const char *command,
                 int *code)
{
    if (!parser.parse(arguments)) {
        streams.err << "retort-cli " << command << ": " << parser.errorText() << '\n';
        *code = ExitUsage;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        streams.out << parser.helpText();
        *code = ExitOk;
        return false;
    }
    return true;
}

} // namespace retort::cli
