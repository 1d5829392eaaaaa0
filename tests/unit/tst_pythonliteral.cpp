#include "pythonliteral.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

/// "none", "str:value", "seq:[a|b]" or "not".
QString describe(const PythonLiteral &literal)
{
    switch (literal.kind) {
    case PythonLiteral::Kind::None:
        return u"none"_s;
    case PythonLiteral::Kind::String:
        return u"str:"_s + literal.string;
    case PythonLiteral::Kind::Sequence:
        return u"seq:[%1]"_s.arg(literal.items.join(u'|'));
    case PythonLiteral::Kind::NotLiteral:
        return u"not"_s;
    }
    return u"?"_s;
}

/// Tokens of the value in `x = <expression>`, from the tokenizer.
QList<PythonToken> valueTokens(const QString &expression)
{
    const PythonTokenization tokenization = tokenizePython(u"x = "_s + expression);
    if (!tokenization.error.isEmpty() || tokenization.lines.size() != 1)
        return {};
    return tokenization.lines.constFirst().tokens.mid(2);
}

} // namespace

class TestPythonLiteral : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data();
    void evaluate();
    void toList_data();
    void toList();
    void subrange();
    void reason();
};

void TestPythonLiteral::evaluate_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");

    // Each expected value is what Python evaluates, or "not" where Alembic would not get a string, a None
    // or a flat sequence of strings (or where the scanner cannot tell without running Python).
    QTest::newRow("None") << u"None"_s << u"none"_s;
    QTest::newRow("None in parentheses") << u"(None)"_s << u"none"_s;
    QTest::newRow("string") << u"'a'"_s << u"str:a"_s;
    QTest::newRow("empty string") << u"''"_s << u"str:"_s;
    QTest::newRow("prefixed strings") << u"u'a' r'\\d' f'c' U\"d\""_s << u"str:a\\dcd"_s;
    QTest::newRow("implicit concatenation") << u"'a' \"b\" '''c'''"_s << u"str:abc"_s;
    QTest::newRow("parenthesized string") << u"('a')"_s << u"str:a"_s;
    QTest::newRow("doubly parenthesized string") << u"(('a'))"_s << u"str:a"_s;
    QTest::newRow("parenthesized concatenation over lines") << u"('a'\n 'b')"_s << u"str:ab"_s;

    QTest::newRow("tuple") << u"('a', 'b')"_s << u"seq:[a|b]"_s;
    QTest::newRow("tuple, trailing comma") << u"('a', 'b',)"_s << u"seq:[a|b]"_s;
    QTest::newRow("one-element tuple") << u"('a',)"_s << u"seq:[a]"_s;
    QTest::newRow("empty tuple") << u"()"_s << u"seq:[]"_s;
    QTest::newRow("bare tuple") << u"'a', 'b'"_s << u"seq:[a|b]"_s;
    QTest::newRow("bare one-element tuple") << u"'a',"_s << u"seq:[a]"_s;
    QTest::newRow("tuple in redundant parentheses") << u"(('a', 'b'))"_s << u"seq:[a|b]"_s;
    QTest::newRow("list") << u"['a', 'b']"_s << u"seq:[a|b]"_s;
    QTest::newRow("list, trailing comma") << u"['a',]"_s << u"seq:[a]"_s;
    QTest::newRow("empty list") << u"[]"_s << u"seq:[]"_s;
    QTest::newRow("set") << u"{'a'}"_s << u"seq:[a]"_s;
    QTest::newRow("multi-line tuple") << u"(\n  'a',  # one\n  # two\n  'b',\n)"_s << u"seq:[a|b]"_s;
    QTest::newRow("elements concatenated") << u"('a' 'b', 'c')"_s << u"seq:[ab|c]"_s;
    QTest::newRow("element in parentheses") << u"[('a'), 'b']"_s << u"seq:[a|b]"_s;
    QTest::newRow("f-string without fields in a tuple") << u"(f'a',)"_s << u"seq:[a]"_s;

    QTest::newRow("name") << u"x"_s << u"not"_s;
    QTest::newRow("True") << u"True"_s << u"not"_s;
    QTest::newRow("number") << u"1"_s << u"not"_s;
    QTest::newRow("negative number") << u"-1"_s << u"not"_s;
    QTest::newRow("attribute") << u"migration.EXPAND_BRANCH"_s << u"not"_s;
    QTest::newRow("call") << u"get_rev()"_s << u"not"_s;
    QTest::newRow("call with a string") << u"str('a')"_s << u"not"_s;
    QTest::newRow("addition") << u"'a' + 'b'"_s << u"not"_s;
    QTest::newRow("parenthesized addition") << u"('a') + ('b')"_s << u"not"_s;
    QTest::newRow("called parenthesized string") << u"('a')('b')"_s << u"not"_s;
    QTest::newRow("subscript") << u"['a', 'b'][0]"_s << u"not"_s;
    QTest::newRow("method on a tuple") << u"('a', 'b').index('a')"_s << u"not"_s;
    QTest::newRow("conditional") << u"'a' if x else 'b'"_s << u"not"_s;
    QTest::newRow("f-string with a field") << u"f'{x}'"_s << u"not"_s;
    QTest::newRow("f-string with escaped braces") << u"f'{{x}}'"_s << u"not"_s; // conservative
    QTest::newRow("bytes") << u"b'a'"_s << u"not"_s;
    QTest::newRow("bytes in a tuple") << u"('a', b'b')"_s << u"not"_s;
    QTest::newRow("string and bytes concatenated") << u"'a' b'b'"_s << u"not"_s;
    QTest::newRow("None in a tuple") << u"('a', None)"_s << u"not"_s;
    QTest::newRow("tuple of None") << u"None,"_s << u"not"_s;
    QTest::newRow("nested tuple") << u"(('a', 'b'),)"_s << u"not"_s;
    QTest::newRow("nested list") << u"[['a']]"_s << u"not"_s;
    QTest::newRow("empty dict") << u"{}"_s << u"not"_s;
    QTest::newRow("dict") << u"{'a': 'b'}"_s << u"not"_s;
    QTest::newRow("comprehension") << u"[r for r in 'ab']"_s << u"not"_s;
    QTest::newRow("starred") << u"(*x,)"_s << u"not"_s;
    QTest::newRow("lambda") << u"lambda: 'a'"_s << u"not"_s;
}

void TestPythonLiteral::evaluate()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);

    const QList<PythonToken> tokens = valueTokens(expression);
    QVERIFY2(!tokens.isEmpty(), "the expression does not tokenize");
    const PythonLiteral literal = evaluatePythonLiteral(tokens, 0, tokens.size());
    QCOMPARE(describe(literal), expected);
    QCOMPARE(literal.isLiteral(), expected != u"not");
    QCOMPARE(literal.reason.isEmpty(), literal.isLiteral());
}

void TestPythonLiteral::toList_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("expected");

    // Alembic's util.to_tuple(x, default=()).
    QTest::newRow("None") << u"None"_s << QStringList();
    QTest::newRow("string") << u"'a'"_s << QStringList({u"a"_s});
    QTest::newRow("empty string") << u"''"_s << QStringList({QString()});
    QTest::newRow("tuple") << u"('a', 'b')"_s << QStringList({u"a"_s, u"b"_s});
    QTest::newRow("empty tuple") << u"()"_s << QStringList();
    QTest::newRow("not a literal") << u"f()"_s << QStringList();
}

void TestPythonLiteral::toList()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, expected);

    const QList<PythonToken> tokens = valueTokens(expression);
    QCOMPARE(evaluatePythonLiteral(tokens, 0, tokens.size()).toList(), expected);
}

void TestPythonLiteral::subrange()
{
    const PythonTokenization tokenization = tokenizePython(u"x = ('a', 'b'), 'c'"_s);
    const QList<PythonToken> &tokens = tokenization.lines.constFirst().tokens;
    QCOMPARE(tokens.size(), 9); // x = ( 'a' , 'b' ) , 'c'
    QCOMPARE(describe(evaluatePythonLiteral(tokens, 2, tokens.size())), u"not"_s);
    QCOMPARE(describe(evaluatePythonLiteral(tokens, 2, 7)), u"seq:[a|b]"_s);
    QCOMPARE(describe(evaluatePythonLiteral(tokens, 3, 4)), u"str:a"_s);
    QCOMPARE(describe(evaluatePythonLiteral(tokens, 8, 9)), u"str:c"_s);
    QCOMPARE(describe(evaluatePythonLiteral(tokens, 5, 5)), u"not"_s);
    QCOMPARE(describe(evaluatePythonLiteral(tokens, 6, 5)), u"not"_s);
}

void TestPythonLiteral::reason()
{
    const QList<PythonToken> attribute = valueTokens(u"(migration.EXPAND_BRANCH,)"_s);
    const PythonLiteral literal = evaluatePythonLiteral(attribute, 0, attribute.size());
    QVERIFY2(literal.reason.contains(u"EXPAND_BRANCH"_s), qPrintable(literal.reason));
    QVERIFY2(literal.reason.startsWith(u"migration"_s), qPrintable(literal.reason));

    const QList<PythonToken> call = valueTokens(u"get_rev('a')"_s);
    const QString callReason = evaluatePythonLiteral(call, 0, call.size()).reason;
    QVERIFY2(callReason.contains(u"get_rev"_s) && callReason.contains(u"\"a\""_s), qPrintable(callReason));

    // The reason goes into a one-line diagnostic: it stays short however long the expression is.
    QString longExpression = u"f("_s;
    for (int i = 0; i < 1000; ++i)
        longExpression += u"'item%1', "_s.arg(i);
    longExpression += u')';
    const QList<PythonToken> tokens = valueTokens(longExpression);
    QCOMPARE(tokens.size(), 2003);
    const QString longReason = evaluatePythonLiteral(tokens, 0, tokens.size()).reason;
    QVERIFY2(longReason.size() < 120, qPrintable(longReason));
    QVERIFY2(longReason.startsWith(u"f"_s) && longReason.contains(u"\"item0\""_s), qPrintable(longReason));
}

QTEST_GUILESS_MAIN(TestPythonLiteral)
#include "tst_pythonliteral.moc"
