#pragma once

// Internal: the errors of Alembic's revision module, thrown inside the resolver and turned into
// Alembic's command-level messages at the API boundary.

#include <QString>
#include <QStringList>

namespace retort::detail {

struct RevisionError
{
    enum class Kind { Generic, RangeNotAncestor, MultipleHeads, Resolution, Internal };

    Kind kind = Kind::Generic;
    QString message;
    QString argument;    ///< Resolution and MultipleHeads: the identifier involved
    QStringList heads;   ///< MultipleHeads

    static RevisionError generic(const QString &message) { return {Kind::Generic, message, {}, {}}; }
    static RevisionError resolution(const QString &message, const QString &argument)
    {
        return {Kind::Resolution, message, argument, {}};
    }
    static RevisionError multipleHeads(const QStringList &heads, const QString &argument)
    {
        return {Kind::MultipleHeads,
                QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                    .arg(argument, heads.join(QStringLiteral(", "))),
                argument, heads};
    }
    static RevisionError rangeNotAncestor() { return {Kind::RangeNotAncestor, {}, {}, {}}; }
    /// Where Alembic itself fails with an assertion or a crash rather than a message.
    static RevisionError internal(const QString &message) { return {Kind::Internal, message, {}, {}}; }
};

} // namespace retort::detail
