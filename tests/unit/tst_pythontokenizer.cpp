#include "pythontokenizer.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

QString escaped(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += u"\\\\"_s;
            break;
        case '"':
            out += u"\\\""_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\x%1"_s.arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}

/// One logical line: "line:indent tokens..."; a number is written `#1`, a string `prefix"value"`, and a token
/// that starts on another physical line than its logical line gets `@line`. Lines are joined with " | ", an
/// error is appended as " !line message".
QString describe(const PythonTokenization &tokenization)
{
    QStringList lines;
    for (const PythonLogicalLine &line : tokenization.lines) {
        QString text = u"%1:%2"_s.arg(line.line).arg(line.indent);
        for (const PythonToken &token : line.tokens) {
            text += u' ';
            switch (token.kind) {
            case PythonToken::Kind::Name:
            case PythonToken::Kind::Operator:
                text += token.text;
                break;
            case PythonToken::Kind::Number:
                text += u'#' + token.text;
                break;
            case PythonToken::Kind::String:
                text += token.prefix + u'"' + escaped(token.text) + u'"';
                break;
            }
            if (token.line != line.line)
                text += u'@' + QString::number(token.line);
        }
        lines.append(text);
    }
    QString result = lines.join(u" | "_s);
    if (!tokenization.error.isEmpty())
        result += u" !%1 %2"_s.arg(tokenization.errorLine).arg(tokenization.error);
    return result;
}

} // namespace

class TestPythonTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void tokenize_data();
    void tokenize();
    void strings_data();
    void strings();
    void errors_data();
    void errors();
    void operatorHelpers();
};

void TestPythonTokenizer::tokenize_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only comments and blank lines") << u"# a\n\n   # b\n\t\n"_s << QString();
    QTest::newRow("assignment") << u"x = 1\n"_s << u"1:0 x = #1"_s;
    QTest::newRow("no trailing newline") << u"x = 'a'"_s << u"1:0 x = \"a\""_s;
    QTest::newRow("several lines, comments, blank lines")
        << u"\n# comment\na = 1  # trailing = 2\n\nb = None\n"_s << u"3:0 a = #1 | 5:0 b = None"_s;

    QTest::newRow("annotated assignment")
        << u"revision: str = 'x'\ndown_revision: Union[str, None] = None\n"_s
        << u"1:0 revision : str = \"x\" | 2:0 down_revision : Union [ str , None ] = None"_s;

    QTest::newRow("brackets across lines") << u"x = (\n    'a',  # first\n\n    # alone\n    'b',\n)\ny = 2\n"_s
                                           << u"1:0 x = ( \"a\"@2 ,@2 \"b\"@5 ,@5 )@6 | 7:0 y = #2"_s;
    QTest::newRow("nested brackets of every kind") << u"x = [{\n(1)}]\n"_s << u"1:0 x = [ { (@2 #1@2 )@2 }@2 ]@2"_s;
    QTest::newRow("backslash continuation") << u"x = 1 + \\\n    2\ny = 3\n"_s << u"1:0 x = #1 + #2@2 | 3:0 y = #3"_s;
    QTest::newRow("backslash continuation, CRLF") << u"x = \\\r\n  1\r\ny = 2\r\n"_s << u"1:0 x = #1@2 | 3:0 y = #2"_s;
    QTest::newRow("CRLF line endings") << u"a = 1\r\nb = 2\r\n"_s << u"1:0 a = #1 | 2:0 b = #2"_s;

    QTest::newRow("indented statements are skimmed")
        << u"def upgrade():\n    op.add_column('t', sa.Column('c'))\n    x = 1\n\nrevision = 'r'\n"_s
        << u"1:0 def | 5:0 revision = \"r\""_s;
    QTest::newRow("tab indentation") << u"if x:\n\ty = 1\nz = 2\n"_s << u"1:0 if | 3:0 z = #2"_s;
    QTest::newRow("indented first line") << u"  x = 1\ny = 2\n"_s << u"2:0 y = #2"_s;
    QTest::newRow("skimmed multi-line string")
        << u"def f():\n    s = '''\nx = 1\n'''\ny = 2\n"_s << u"1:0 def | 5:0 y = #2"_s;
    QTest::newRow("skimmed string with an escaped quote")
        << u"def f():\n    s = 'a\\'b = 1'\ny = 2\n"_s << u"1:0 def | 3:0 y = #2"_s;
    QTest::newRow("skimmed brackets continue at column 0")
        << u"def f():\n    g(\nx = 1)\ny = 2\n"_s << u"1:0 def | 4:0 y = #2"_s;
    QTest::newRow("skimmed backslash-newline in a string")
        << u"def f():\n    s = 'a\\\nx = 1'\ny = 2\n"_s << u"1:0 def | 4:0 y = #2"_s;

    // A function body is skimmed line after line without going back to the main loop: blank,
    // whitespace-only and comment lines, and indentation the main loop must see (a form feed, a
    // carriage return, a line continuation), keep their meaning there.
    QTest::newRow("skimmed body: blank and comment lines keep line numbers")
        << u"def f():\n    a = 1\n\n    # c\n   \n\t\n    b = (1,\n  2)\n# top\n    \nx = 1\n"_s
        << u"1:0 def | 11:0 x = #1"_s;
    QTest::newRow("skimmed body: form feed and carriage return in the indentation")
        << u"def f():\n    a = 1\n  \fb = 2\n \r c = 3\nx = 1\n"_s << u"1:0 def | 3:0 b = #2 | 5:0 x = #1"_s;
    QTest::newRow("skimmed body: ends in a comment without a newline") << u"def f():\n    a = 1\n    # last"_s
                                                                       << u"1:0 def"_s;
    QTest::newRow("skimmed body: line continuation in the indentation")
        << u"def f():\n    a = 1\n    \\\nx = 1\n"_s << u"1:0 def | 4:0 x = #1"_s;
    QTest::newRow("skimmed body: long strings, escapes and non-ASCII text")
        << u"def f():\n    s = 'abcdefghijklmnopqrstuvwxyz \\' still in the string 0123456789'\n"
           u"    t = '''0123456789abcdef\n0123456789abcdef''' ; u = '\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9'\ny = 2\n"_s
        << u"1:0 def | 5:0 y = #2"_s;
    QTest::newRow("long strings with an escaped quote past sixteen bytes")
        << u"x = 'abcdefghijklmnopqrstuvwxyz0123456789' 'abcdefghijklmnop\\'qrstuvwxyz'\n"_s
        << u"1:0 x = \"abcdefghijklmnopqrstuvwxyz0123456789\" \"abcdefghijklmnop'qrstuvwxyz\""_s;
    QTest::newRow("semicolons") << u"a = 1; b = 2;\nc = 3\n"_s << u"1:0 a = #1 | 1:0 b = #2 | 2:0 c = #3"_s;
    QTest::newRow("semicolon after a block header stays in the block")
        << u"if x: a = 1; b = 2; c = 3\nd = 4\n"_s << u"1:0 if | 2:0 d = #4"_s;
    QTest::newRow("semicolon in an indented block")
        << u"if x:\n    a = 1; b = 2\nc = 3\n"_s << u"1:0 if | 3:0 c = #3"_s;
    QTest::newRow("semicolon after a lambda is module level")
        << u"f = lambda: 0; b = 2\n"_s << u"1:0 f = lambda : #0 | 1:0 b = #2"_s;

    QTest::newRow("form feed resets the indentation") << u"\f\"doc\"\n  \fx = 1\n"_s << u"1:0 \"doc\" | 2:0 x = #1"_s;
    QTest::newRow("byte order mark") << u"\uFEFFx = 1\n"_s << u"1:0 x = #1"_s;

    QTest::newRow("numbers") << u"x = 1_000, 0x1F, 1.5e-3, .5, 2j, 0o17, 1E+9\n"_s
                             << u"1:0 x = #1_000 , #0x1F , #1.5e-3 , #.5 , #2j , #0o17 , #1E+9"_s;
    QTest::newRow("operators") << u"a **= b // c -> d := e ... f != g <<= h @ i >>= j == k\n"_s
                               << u"1:0 a **= b // c -> d := e ... f != g <<= h @ i >>= j == k"_s;
    QTest::newRow("attribute and call") << u"branch_labels = (migration.EXPAND_BRANCH,)\n"_s
                                        << u"1:0 branch_labels = ( migration . EXPAND_BRANCH , )"_s;
    QTest::newRow("unicode identifiers") << u"caf\u00e9 = \u03c0\u0301\n"_s << u"1:0 caf\u00e9 = \u03c0\u0301"_s;
    QTest::newRow("names that start like string prefixes")
        << u"rb = bu = f2 = ur'x'\n"_s << u"1:0 rb = bu = f2 = ur \"x\""_s;
    QTest::newRow("keyword arguments") << u"f(a=1, b='x')\n"_s << u"1:0 f ( a = #1 , b = \"x\" )"_s;
}

void TestPythonTokenizer::tokenize()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(describe(tokenizePython(source)), expected);
}

void TestPythonTokenizer::strings_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    QTest::newRow("double and single quotes") << u"\"a'b\" 'c\"d'"_s << u"1:0 \"a'b\" \"c\\\"d\""_s;
    QTest::newRow("empty strings") << u"'' \"\" '''''' \"\"\"\"\"\""_s << u"1:0 \"\" \"\" \"\" \"\""_s;
    QTest::newRow("prefixes are lower-cased")
        << u"r'a' u'b' b'c' f'd' br'e' rb'f' Rb'g' BR'h' fr'i' rF'j' U'k'"_s
        << u"1:0 r\"a\" u\"b\" b\"c\" f\"d\" br\"e\" rb\"f\" rb\"g\" br\"h\" fr\"i\" rf\"j\" u\"k\""_s;
    QTest::newRow("simple escapes") << u"'\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"'"_s
                                    << u"1:0 \"\\x07\\x08\\x0c\\n\\r\\t\\x0b\\\\'\\\"\""_s;
    QTest::newRow("hex, octal and unicode escapes")
        << u"'\\x41\\101\\0\\1234\\u00e9\\U0001F600'"_s << u"1:0 \"AA\\x00S4\u00e9\U0001F600\""_s;
    QTest::newRow("unknown escapes are kept") << u"'\\q\\d'"_s << u"1:0 \"\\\\q\\\\d\""_s;
    // A limitation: \N{name} would need the Unicode name table; it is kept as written.
    QTest::newRow("named escape kept as written") << u"'\\N{BULLET}'"_s << u"1:0 \"\\\\N{BULLET}\""_s;
    QTest::newRow("bytes keep \\u") << u"b'\\x41\\u0041'"_s << u"1:0 b\"A\\\\u0041\""_s;
    QTest::newRow("raw strings keep backslashes")
        << u"r'a\\nb' r'\\'' rb\"\\\"\""_s << u"1:0 r\"a\\\\nb\" r\"\\\\'\" rb\"\\\\\\\"\""_s;
    QTest::newRow("f-string text is not evaluated") << u"f'{x}-{{y}}'"_s << u"1:0 f\"{x}-{{y}}\""_s;
    QTest::newRow("triple-quoted across lines")
        << u"x = '''a\n'b'\n\"\"\"c'''\ny = 1"_s << u"1:0 x = \"a\\n'b'\\n\\\"\\\"\\\"c\" | 4:0 y = #1"_s;
    QTest::newRow("triple-quoted with escaped quotes") << u"\"\"\"a\\\"\"\"b\"\"\""_s << u"1:0 \"a\\\"\\\"\\\"b\""_s;
    QTest::newRow("triple-quoted string ends at the first three quotes") << u"'''a''''b'"_s << u"1:0 \"a\" \"b\""_s;
    QTest::newRow("backslash-newline inside a string")
        << u"x = 'ab\\\ncd'\ny = 1"_s << u"1:0 x = \"abcd\" | 3:0 y = #1"_s;
    QTest::newRow("raw backslash-newline inside a string")
        << u"x = r'ab\\\ncd'\ny = 1"_s << u"1:0 x = r\"ab\\\\\\ncd\" | 3:0 y = #1"_s;
    QTest::newRow("implicit concatenation stays separate")
        << u"x = ('a'\n     \"b\")"_s << u"1:0 x = ( \"a\" \"b\"@2 )@2"_s;
    QTest::newRow("non-ASCII text around escapes")
        << u"x = '\u00e9\\t\u00fc\\x41\u20ac'"_s << u"1:0 x = \"\u00e9\\t\u00fcA\u20ac\""_s;
    QTest::newRow("raw string: a backslash before a non-ASCII character")
        << u"x = r'\\\u00e9\\\U0001F600'"_s << u"1:0 x = r\"\\\\\u00e9\\\\\U0001F600\""_s;
    QTest::newRow("lines after a multi-line string with escapes")
        << u"x = '''a\\tb\n\\\nc'''\ny = 1"_s << u"1:0 x = \"a\\tb\\nc\" | 4:0 y = #1"_s;
    QTest::newRow("string token line is its start line")
        << u"x = ('''\n\n''', 'b')"_s << u"1:0 x = ( \"\\n\\n\" ,@3 \"b\"@3 )@3"_s;
}

void TestPythonTokenizer::strings()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(describe(tokenizePython(source)), expected);
}

void TestPythonTokenizer::errors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unterminated string: lines before are kept")
        << u"a = 1\nb = 'x\nc = 2\n"_s << u"1:0 a = #1 !2 unterminated string literal"_s;
    // Python rejects malformed hex escapes ("truncated \xXX escape"); toUInt would accept "0x" or " 1".
    QTest::newRow("truncated \\x escape") << u"a = 1\nb = '\\x1'\n"_s << u"1:0 a = #1 !2 truncated \\xXX escape"_s;
    QTest::newRow("\\x with a space") << u"b = '\\x 1'"_s << u" !1 truncated \\xXX escape"_s;
    QTest::newRow("\\u with a 0x prefix") << u"b = '\\u0x12'"_s << u" !1 truncated \\uXXXX escape"_s;
    QTest::newRow("\\U beyond Unicode") << u"b = '\\U00110000'"_s << u" !1 illegal Unicode character in \\U escape"_s;
    QTest::newRow("\\u in bytes is kept") << u"b'\\u0041'"_s << u"1:0 b\"\\\\u0041\""_s;
    QTest::newRow("unterminated string at end of input") << u"a = \"x"_s << u" !1 unterminated string literal"_s;
    QTest::newRow("unterminated string ending in a backslash") << u"a = 'x\\"_s << u" !1 unterminated string literal"_s;
    QTest::newRow("unterminated triple-quoted string: start line")
        << u"a = 1\n\nb = '''x\n\n\n"_s << u"1:0 a = #1 !3 unterminated triple-quoted string starting on line 3"_s;
    QTest::newRow("unterminated string in a skimmed line")
        << u"def f():\n    return 'x\n"_s << u"1:0 def !2 unterminated string literal"_s;
    QTest::newRow("never closed: line where it opened")
        << u"a = 1\nb = [\n  (1),\n  2\n"_s << u"1:0 a = #1 !2 '[' was never closed"_s;
    QTest::newRow("never closed: innermost bracket") << u"a = (\n  [\n  {1: 2}\n"_s << u" !2 '[' was never closed"_s;
    QTest::newRow("unmatched closing bracket") << u"a = 1\nb = 2)\n"_s << u"1:0 a = #1 !2 unmatched ')'"_s;
    QTest::newRow("mismatched closing bracket") << u"a = (\n1]\n"_s << u" !2 unmatched ']'"_s;
    QTest::newRow("closing bracket in a skimmed line")
        << u"def f():\n    x = 1}\n"_s << u"1:0 def !2 unmatched '}'"_s;
    QTest::newRow("invalid character") << u"a = 1\nb = $\n"_s << u"1:0 a = #1 !2 invalid character '$' (U+0024)"_s;
    QTest::newRow("non-breaking space") << u"a =\u00a01\n"_s << u" !1 invalid character '\u00a0' (U+00a0)"_s;
    QTest::newRow("character after continuation")
        << u"a = \\ 1\n"_s << u" !1 unexpected character after line continuation character"_s;
    QTest::newRow("continuation at end of input")
        << u"a = 1\nb = \\"_s << u"1:0 a = #1 !2 unexpected end of file after line continuation character"_s;
    QTest::newRow("200 nested brackets are fine")
        << u"x = "_s + QString(200, u'[') + QString(200, u']')
        << u"1:0 x = "_s + QStringList(200, u"["_s).join(u' ') + u' ' + QStringList(200, u"]"_s).join(u' ');
    QTest::newRow("201 nested brackets") << u"x = [\n"_s + QString(200, u'(') << u" !2 too many nested parentheses"_s;
}

void TestPythonTokenizer::errors()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(describe(tokenizePython(source)), expected);
}

void TestPythonTokenizer::operatorHelpers()
{
    const PythonTokenization tokens = tokenizePython(u"revision = 'x'"_s);
    QCOMPARE(tokens.lines.size(), 1);
    const QList<PythonToken> &line = tokens.lines.constFirst().tokens;
    QCOMPARE(line.size(), 3);
    QVERIFY(line[0].isName(u"revision"));
    QVERIFY(!line[0].isName(u"x"));
    QVERIFY(!line[0].isOperator(u"revision"));
    QVERIFY(line[1].isOperator(u"="));
    QVERIFY(!line[1].isName(u"="));
    QVERIFY(!line[2].isName(u"x"));
    QVERIFY(!line[2].isOperator(u"x"));
    QCOMPARE(line[2].kind, PythonToken::Kind::String);
    QCOMPARE(line[2].text, u"x"_s);
    QVERIFY(line[2].prefix.isEmpty());
}

QTEST_GUILESS_MAIN(TestPythonTokenizer)
#include "tst_pythontokenizer.moc"
