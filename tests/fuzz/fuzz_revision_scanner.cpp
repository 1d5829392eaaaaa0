// libFuzzer target: RevisionScanner::scanSource on arbitrary bytes, and the tokenizer on the same bytes
// decoded as UTF-8 and as Latin-1. Besides crashes, hangs and sanitizer reports it checks that every
// line number it gets back points into the input.

#include "pythontokenizer.h"
#include "revisionscanner.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz_revision_scanner: check failed: %s (line %d)\n", #condition, __LINE__);         \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

/// Physical lines in `text` the way the tokenizer counts them (only \n ends a line).
qsizetype lineCount(const QString &text)
{
    return text.count(u'\n') + 1;
}

void checkTokenization(const QString &text)
{
    const retort::PythonTokenization tokens = retort::tokenizePython(text);
    const qsizetype lines = lineCount(text);
    if (!tokens.error.isEmpty())
        FUZZ_CHECK(tokens.errorLine >= 1 && tokens.errorLine <= lines);
    int previous = 0;
    for (const retort::PythonLogicalLine &line : tokens.lines) {
        FUZZ_CHECK(!line.tokens.isEmpty());
        FUZZ_CHECK(line.line >= previous && line.line >= 1 && line.line <= lines);
        FUZZ_CHECK(line.indent >= 0);
        previous = line.line;
        for (const retort::PythonToken &token : line.tokens) {
            FUZZ_CHECK(token.line >= line.line && token.line <= lines);
            if (token.kind != retort::PythonToken::Kind::String)
                FUZZ_CHECK(!token.text.isEmpty());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray source(reinterpret_cast<const char *>(data), qsizetype(size));
    // A hexadecimal file name, so that sources without `revision = ...` take the legacy path too.
    const QString path = QStringLiteral("/fuzz/versions/ae1027a6acf.py");

    const retort::RevisionFileScan scan = retort::RevisionScanner::scanSource(source, path);
    // Every line needs at least one byte, whatever the declared encoding calls a line break.
    const qsizetype maxLine = source.size() + 1;
    for (const retort::Diagnostic &d : scan.diagnostics) {
        FUZZ_CHECK(d.path == path);
        FUZZ_CHECK(d.line >= 0 && d.line <= maxLine);
        FUZZ_CHECK(!d.message.isEmpty());
    }
    if (scan.revision) {
        const retort::Revision &r = *scan.revision;
        FUZZ_CHECK(r.path == path);
        FUZZ_CHECK(r.line >= 1 && r.line <= maxLine);
        FUZZ_CHECK(r.downRevisionLine >= 0 && r.downRevisionLine <= maxLine);
        FUZZ_CHECK(r.branchLabelsLine >= 0 && r.branchLabelsLine <= maxLine);
        FUZZ_CHECK(r.dependsOnLine >= 0 && r.dependsOnLine <= maxLine);
        FUZZ_CHECK(r.branchLabelsUnresolved ? r.branchLabels.isEmpty() : true);
        FUZZ_CHECK(r.dependsOnUnresolved ? r.dependsOn.isEmpty() : true);
        FUZZ_CHECK(r.downRevisionUnresolved ? r.downRevisions.isEmpty() : true);
        FUZZ_CHECK(!r.message.startsWith(u' ') && !r.message.endsWith(u'\n'));
    } else {
        FUZZ_CHECK(!scan.diagnostics.isEmpty()); // a file that yields no revision always says why
    }

    checkTokenization(QString::fromUtf8(source));
    checkTokenization(QString::fromLatin1(source));
    return 0;
}
