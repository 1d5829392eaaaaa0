#include "pythonliteral.h"

namespace retort {
namespace {

bool isOpening(const PythonToken &t)
{
    return t.isOperator(u'(') || t.isOperator(u'[') || t.isOperator(u'{');
}

bool isClosing(const PythonToken &t)
{
    return t.isOperator(u')') || t.isOperator(u']') || t.isOperator(u'}');
}

bool isPlainString(const PythonToken &token)
{
    return token.kind == PythonToken::Kind::String && !token.prefix.contains(u'b')
           && !(token.prefix.contains(u'f') && token.text.contains(u'{'));
}

QString describe(const QList<PythonToken> &tokens, qsizetype begin, qsizetype end)
{
    QString text;
    for (qsizetype i = begin; i < end && text.size() < 60; ++i) {
        const PythonToken &t = tokens[i];
        if (t.kind == PythonToken::Kind::String)
            text += u'"' + t.text + u'"';
        else
            text += t.text;
        if (i + 1 < end && (t.kind == PythonToken::Kind::Name || t.text == u","))
            text += u' ';
    }
    return text.trimmed();
}

/// Evaluates one element: a run of adjacent plain strings (implicit concatenation), optionally in
/// redundant parentheses. Returns false when the element is anything else.
bool evaluateString(const QList<PythonToken> &tokens, qsizetype begin, qsizetype end, QString *out)
{
    while (end - begin >= 2 && tokens[begin].isOperator(u'(') && tokens[end - 1].isOperator(u')')) {
        ++begin;
        --end;
    }
    if (begin >= end)
        return false;
    QString value;
    for (qsizetype i = begin; i < end; ++i) {
        if (!isPlainString(tokens[i]))
            return false;
        value += tokens[i].text;
    }
    *out = value;
    return true;
}

/// Splits [begin, end) at top-level commas. `trailingComma` tells whether the last element was
/// followed by a comma (which makes `"a",` a one-element tuple).
QList<QPair<qsizetype, qsizetype>> splitTopLevel(const QList<PythonToken> &tokens, qsizetype begin, qsizetype end,
                                                 bool *trailingComma)
{
    QList<QPair<qsizetype, qsizetype>> parts;
    parts.reserve(4);
    int depth = 0;
    qsizetype start = begin;
    *trailingComma = false;
    for (qsizetype i = begin; i < end; ++i) {
        const PythonToken &t = tokens[i];
        if (t.kind != PythonToken::Kind::Operator)
            continue;
        if (isOpening(t))
            ++depth;
        else if (isClosing(t))
            --depth;
        else if (depth == 0 && t.isOperator(u',')) {
            parts.append({start, i});
            start = i + 1;
        }
    }
    if (start < end)
        parts.append({start, end});
    else if (!parts.isEmpty())
        *trailingComma = true;
    return parts;
}

PythonLiteral notLiteral(const QList<PythonToken> &tokens, qsizetype begin, qsizetype end)
{
    PythonLiteral literal;
    literal.kind = PythonLiteral::Kind::NotLiteral;
    literal.reason = describe(tokens, begin, end);
    return literal;
}

PythonLiteral evaluateSequence(const QList<PythonToken> &tokens, qsizetype begin, qsizetype end)
{
    PythonLiteral literal;
    literal.kind = PythonLiteral::Kind::Sequence;
    bool trailing = false;
    const auto parts = splitTopLevel(tokens, begin, end, &trailing);
    for (const auto &[from, to] : parts) {
        QString item;
        if (!evaluateString(tokens, from, to, &item))
            return notLiteral(tokens, from, to);
        literal.items.append(item);
    }
    return literal;
}

/// Does the bracket at `open` close exactly at `end - 1`?
bool enclosesAll(const QList<PythonToken> &tokens, qsizetype open, qsizetype end)
{
    int depth = 0;
    for (qsizetype i = open; i < end; ++i) {
        const PythonToken &t = tokens[i];
        if (t.kind != PythonToken::Kind::Operator)
            continue;
        if (isOpening(t))
            ++depth;
        else if (isClosing(t)) {
            if (--depth == 0)
                return i == end - 1;
        }
    }
    return false;
}

} // namespace

QStringList PythonLiteral::toList() const
{
    switch (kind) {
    case Kind::String:
        return {string};
    case Kind::Sequence:
        return items;
    case Kind::None:
    case Kind::NotLiteral:
        break;
    }
    return {};
}

PythonLiteral evaluatePythonLiteral(const QList<PythonToken> &tokens, qsizetype begin, qsizetype end)
{
    if (begin >= end)
        return notLiteral(tokens, begin, end);

    // One token, the usual `revision = "abc"` or `depends_on = None`: what the general path below
    // decides for it too, without splitting the line into parts first.
    if (end - begin == 1) {
        const PythonToken &only = tokens[begin];
        PythonLiteral literal;
        if (only.isName(u"None")) {
            literal.kind = PythonLiteral::Kind::None;
            return literal;
        }
        if (isPlainString(only)) {
            literal.kind = PythonLiteral::Kind::String;
            literal.string = only.text;
            return literal;
        }
    }

    // A bare tuple: `x = "a", "b"` or `x = "a",`.
    bool trailing = false;
    const auto parts = splitTopLevel(tokens, begin, end, &trailing);
    if (parts.size() > 1 || trailing)
        return evaluateSequence(tokens, begin, end);

    if (end - begin == 1 && tokens[begin].isName(u"None")) {
        PythonLiteral literal;
        literal.kind = PythonLiteral::Kind::None;
        return literal;
    }

    const PythonToken &first = tokens[begin];
    if (first.kind == PythonToken::Kind::Operator && enclosesAll(tokens, begin, end)) {
        const qsizetype innerBegin = begin + 1;
        const qsizetype innerEnd = end - 1;
        if (first.isOperator(u'(')) {
            if (innerBegin == innerEnd) {
                PythonLiteral literal;
                literal.kind = PythonLiteral::Kind::Sequence;
                return literal;
            }
            bool innerTrailing = false;
            const auto innerParts = splitTopLevel(tokens, innerBegin, innerEnd, &innerTrailing);
            if (innerParts.size() > 1 || innerTrailing)
                return evaluateSequence(tokens, innerBegin, innerEnd);
            // Redundant parentheses around a single value.
            return evaluatePythonLiteral(tokens, innerBegin, innerEnd);
        }
        if (first.isOperator(u'[') || first.isOperator(u'{')) {
            if (first.isOperator(u'{') && innerBegin != innerEnd) {
                // A set of strings is iterable like a tuple, but a dict is not what Alembic expects.
                for (qsizetype i = innerBegin; i < innerEnd; ++i)
                    if (tokens[i].isOperator(u':'))
                        return notLiteral(tokens, begin, end);
            }
            if (first.isOperator(u'{') && innerBegin == innerEnd)
                return notLiteral(tokens, begin, end); // {} is an empty dict
            return evaluateSequence(tokens, innerBegin, innerEnd);
        }
    }

    QString value;
    if (evaluateString(tokens, begin, end, &value)) {
        PythonLiteral literal;
        literal.kind = PythonLiteral::Kind::String;
        literal.string = value;
        return literal;
    }
    return notLiteral(tokens, begin, end);
}

} // namespace retort
