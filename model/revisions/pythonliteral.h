#pragma once

#include "pythontokenizer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

/// The value of a module-level assignment in a revision file, when it is a literal that
/// the scanner can evaluate without Python: None, a string, or a tuple/list/set of strings.
struct PythonLiteral
{
    enum class Kind { None, String, Sequence, NotLiteral };

    Kind kind = Kind::NotLiteral;
    QString string;    ///< Kind::String
    QStringList items; ///< Kind::Sequence
    QString reason;    ///< Kind::NotLiteral: what was found instead, for the diagnostic

    /// Alembic's util.to_tuple: None -> (), "x" -> ("x",), sequence -> items.
    QStringList toList() const;
    bool isLiteral() const { return kind != Kind::NotLiteral; }
};

/// Evaluates tokens [begin, end) of a logical line as a literal.
PythonLiteral evaluatePythonLiteral(const QList<PythonToken> &tokens, qsizetype begin, qsizetype end);

} // namespace retort
