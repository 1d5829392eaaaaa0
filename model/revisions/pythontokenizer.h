#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

namespace retort {

/// One token of Python source, as far as the revision scanner needs to understand it.
struct PythonToken
{
    enum class Kind { Name, String, Number, Operator };

    Kind kind = Kind::Name;
    QString text;   ///< names, numbers and operators as written; strings: the evaluated value
    QString prefix; ///< string prefix in lower case (u, r, b, f, rb, ...)
    int line = 0;   ///< 1-based line where the token starts

    bool isOperator(QStringView op) const { return kind == Kind::Operator && text == op; }
    /// The same for a one-character operator, without a string comparison.
    bool isOperator(char16_t op) const { return kind == Kind::Operator && text.size() == 1 && text.front() == op; }
    bool isName(QStringView name) const { return kind == Kind::Name && text == name; }
};

} // namespace retort

// Plain Qt values and numbers: QList may move a token or a line in memory without its move
// constructor, so growing the lists (the tokenizer appends one by one) is a realloc, not a loop.
Q_DECLARE_TYPEINFO(retort::PythonToken, Q_RELOCATABLE_TYPE);

namespace retort {

/// A logical line: one statement, possibly spanning several physical lines.
struct PythonLogicalLine
{
    int line = 0;   ///< first physical line
    int indent = 0; ///< column of the statement (after `;`, that of the line; inside a one-line block, deeper)
    QList<PythonToken> tokens;
};

} // namespace retort

Q_DECLARE_TYPEINFO(retort::PythonLogicalLine, Q_RELOCATABLE_TYPE);

namespace retort {

/// The result of tokenizing a whole module. On a syntax error, `error` is set and `lines` holds
/// what was read before it.
struct PythonTokenization
{
    QList<PythonLogicalLine> lines;
    QString error;
    int errorLine = 0;
};

/// A tokenizer for the subset of Python that revision files use at module level: names,
/// literals, brackets, comments, continuation lines and every string form.
///
/// Built for the revision scanner: only module-level statements get tokens. Indented statements
/// are skimmed (strings, brackets and line ends are followed, nothing is kept), and a module-level
/// statement that starts with a keyword (`import`, `def`, `if`, ...) keeps just that keyword, since
/// it can neither assign a module-level name nor be the docstring.
///
/// `utf8` must be valid UTF-8 with `\n` line ends (the scanner checks and normalizes first).
PythonTokenization tokenizePython(QByteArrayView utf8);

/// The same for text already decoded (tests, tools); converts to UTF-8 first.
PythonTokenization tokenizePython(QStringView source);

} // namespace retort
