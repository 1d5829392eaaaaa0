// GraphExport: the JSON contract of `retort-cli graph --format json`, Graphviz output and the
// `alembic history`-style text.
//
// The text expectations are what Alembic 1.8.1's `alembic history` printed for the same eight
// revision files (a temporary project, files loaded in name order); only the order of several
// labels on one revision is Alembic's set order, so that one line is compared label-insensitively.

#include "graphexport.h"
#include "jsonwriter.h"
#include "revisiongraph.h"
#include "revisiongraphfixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <iterator>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

Revision makeRevision(const QString &spec, const QString &message)
{
    Revision rev = test::revisionsFromSpec({spec}).first();
    rev.message = message;
    return rev;
}

/// a1 (lib1) -> b1 -> m <- b2 <- a2, b2 depends_on "lib1", m -> c1 (x, y), a2 -> h1, h2 depends_on h1.
RevisionGraph historyGraph()
{
    QList<Revision> revisions{
        makeRevision(u"a1 #lib1"_s, u"create a1"_s),
        makeRevision(u"a2"_s, u"other base"_s),
        makeRevision(u"b1 a1"_s, u"second on lib1"_s),
        makeRevision(u"b2 a2 ~lib1"_s, u"depends on a label"_s),
        makeRevision(u"c1 m #x #y"_s, u"two labels"_s),
        makeRevision(u"h1 a2"_s, u"effective head"_s),
        makeRevision(u"h2 ~h1"_s, u"depends on h1"_s),
        makeRevision(u"m b1 b2"_s, u"merge \"both\" \\ lines"_s),
    };
    for (int i = 0; i < revisions.size(); ++i) {
        revisions[i].path = u"/project/versions/%1.py"_s.arg(revisions[i].id);
        revisions[i].line = 10 + i;
    }
    revisions[0].createDate = u"2025-01-02 10:00:00.000000"_s;
    return RevisionGraph::build(revisions);
}

/// A history with a missing parent (zz) and an error diagnostic from the scanner.
RevisionGraph brokenGraph()
{
    QList<Revision> revisions = test::revisionsFromSpec({u"a"_s, u"b a"_s, u"c zz"_s});
    Diagnostic scan;
    scan.severity = Diagnostic::Severity::Error;
    scan.path = u"/project/versions/d.py"_s;
    scan.line = 7;
    scan.message = u"syntax error: unterminated string literal"_s;
    return RevisionGraph::build(revisions, {scan});
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            return {u"<not a string>"_s};
        list.append(v.toString());
    }
    return list;
}

QStringList sortedLabels(const QString &line)
{
    static const QRegularExpression labels(u"\\(([^()]*)\\) \\(head\\)"_s);
    QStringList list = labels.match(line).captured(1).split(u", "_s);
    list.sort();
    return list;
}

} // namespace

class tst_GraphExport : public QObject
{
    Q_OBJECT

private slots:
    void jsonShape();
    void jsonRevisionFields();
    void jsonRoundTrip();
    void jsonRoundTripLargeHistory();
    void jsonDiagnostics();
    void jsonEmptyGraph();
    void jsonWriterStrings();
    void jsonWriterLatin1Keys();
    void jsonWriterLiteralKeysAndFragments();
    void dotStructure();
    void dotDependencyEdgesAreDashed();
    void dotGhostNodesForMissingParents();
    void dotEscapesLabels();
    void dotMarksCycles();
    void textIsAlembicHistory();
    void textListsDiagnostics();
    void diagnosticText();
};

void tst_GraphExport::jsonShape()
{
    const QJsonObject root = GraphExport::toJsonObject(historyGraph());
    for (const QString &key : {u"revisions"_s, u"heads"_s, u"bases"_s, u"history"_s, u"diagnostics"_s,
                               u"real_heads"_s, u"real_bases"_s})
        QVERIFY2(root.value(key).isArray(), qPrintable(key));
    QCOMPARE(root.value(u"revisions"_s).toArray().size(), 8);
    QCOMPARE(strings(root.value(u"heads"_s)), (QStringList{u"c1"_s, u"h1"_s, u"h2"_s}));        // `alembic heads`
    QCOMPARE(strings(root.value(u"real_heads"_s)), (QStringList{u"c1"_s, u"h2"_s}));
    QCOMPARE(strings(root.value(u"bases"_s)), (QStringList{u"a1"_s, u"a2"_s, u"h2"_s}));
    QCOMPARE(strings(root.value(u"real_bases"_s)), (QStringList{u"a1"_s, u"a2"_s}));
    QCOMPARE(strings(root.value(u"history"_s)),
             (QStringList{u"c1"_s, u"m"_s, u"b1"_s, u"b2"_s, u"h2"_s, u"h1"_s, u"a1"_s, u"a2"_s})); // `alembic history`
    QVERIFY(root.value(u"diagnostics"_s).toArray().isEmpty());
}

void tst_GraphExport::jsonRevisionFields()
{
    const QJsonArray revisions = GraphExport::toJsonObject(historyGraph()).value(u"revisions"_s).toArray();
    QStringList order;
    for (const QJsonValue &value : revisions) {
        QVERIFY(value.isObject());
        const QJsonObject rev = value.toObject();
        for (const QString &key : {u"revision"_s, u"message"_s, u"path"_s})
            QVERIFY2(rev.value(key).isString(), qPrintable(key));
        for (const QString &key : {u"down_revisions"_s, u"branch_labels"_s, u"depends_on"_s})
            QVERIFY2(rev.value(key).isArray(), qPrintable(key));
        QVERIFY(rev.value(u"line"_s).isDouble());
        order.append(rev.value(u"revision"_s).toString());
    }
    // Load order, declared values (depends_on as written: a label stays a label).
    QCOMPARE(order, (QStringList{u"a1"_s, u"a2"_s, u"b1"_s, u"b2"_s, u"c1"_s, u"h1"_s, u"h2"_s, u"m"_s}));
    const QJsonObject b2 = revisions.at(3).toObject();
    QCOMPARE(strings(b2.value(u"down_revisions"_s)), QStringList{u"a2"_s});
    QCOMPARE(strings(b2.value(u"depends_on"_s)), QStringList{u"lib1"_s});
    QCOMPARE(strings(b2.value(u"branch_labels"_s)), QStringList());
    QCOMPARE(b2.value(u"message"_s).toString(), u"depends on a label"_s);
    QCOMPARE(b2.value(u"path"_s).toString(), u"/project/versions/b2.py"_s);
    QCOMPARE(b2.value(u"line"_s).toInt(), 13);
    const QJsonObject m = revisions.at(7).toObject();
    QCOMPARE(strings(m.value(u"down_revisions"_s)), (QStringList{u"b1"_s, u"b2"_s}));
    QCOMPARE(m.value(u"message"_s).toString(), u"merge \"both\" \\ lines"_s);
    const QJsonObject c1 = revisions.at(4).toObject();
    QCOMPARE(strings(c1.value(u"branch_labels"_s)), (QStringList{u"x"_s, u"y"_s}));
    QCOMPARE(strings(c1.value(u"effective_branch_labels"_s)), (QStringList{u"lib1"_s, u"x"_s, u"y"_s}));
    const QJsonObject a1 = revisions.at(0).toObject();
    QCOMPARE(strings(a1.value(u"down_revisions"_s)), QStringList());
    QCOMPARE(strings(a1.value(u"branch_labels"_s)), QStringList{u"lib1"_s});
    QCOMPARE(a1.value(u"create_date"_s).toString(), u"2025-01-02 10:00:00.000000"_s);
}

void tst_GraphExport::jsonRoundTrip()
{
    const RevisionGraph graph = historyGraph();
    const QByteArray json = GraphExport::toJson(graph);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(document.object(), GraphExport::toJsonObject(graph));
    QVERIFY(!json.contains('\n')); // one line: easy to pipe
}

void tst_GraphExport::jsonRoundTripLargeHistory()
{
    // Large enough for toJson() to write the revisions in two parts (on two threads): the halves
    // must join into the same document, in load order, around a branch and its merge.
    QStringList spec{u"r0 #trunk"_s};
    for (int i = 1; i < 4001; ++i)
        spec.append(i == 2500 ? u"r2500 r2499 side"_s : u"r%1 r%2"_s.arg(i).arg(i - 1));
    spec.append(u"side r10 ~r7"_s);
    QList<Revision> revisions = test::revisionsFromSpec(spec);
    revisions[3].message = u"caf\u00e9 \"quoted\""_s;
    revisions[2001].createDate = u"2025-01-02"_s;
    const RevisionGraph graph = RevisionGraph::build(revisions);
    QCOMPARE(graph.size(), 4002);
    const QByteArray json = GraphExport::toJson(graph);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(document.object(), GraphExport::toJsonObject(graph));

    // Streamed in pieces, the same bytes.
    QByteArray streamed;
    int pieces = 0;
    GraphExport::writeJson(graph, [&](QByteArrayView bytes) {
        streamed += bytes;
        ++pieces;
    });
    QCOMPARE(streamed, json);
    QVERIFY(pieces > 2);
}

void tst_GraphExport::jsonDiagnostics()
{
    const QJsonObject root = GraphExport::toJsonObject(brokenGraph());
    const QJsonArray diagnostics = root.value(u"diagnostics"_s).toArray();
    QVERIFY(diagnostics.size() >= 2);
    bool scan = false, missing = false;
    for (const QJsonValue &value : diagnostics) {
        const QJsonObject d = value.toObject();
        QVERIFY(d.value(u"severity"_s).isString());
        QVERIFY(d.value(u"path"_s).isString());
        QVERIFY(d.value(u"line"_s).isDouble());
        QVERIFY(d.value(u"message"_s).isString());
        if (d.value(u"path"_s).toString() == u"/project/versions/d.py" && d.value(u"line"_s).toInt() == 7 &&
            d.value(u"severity"_s).toString() == u"error")
            scan = true;
        if (d.value(u"revision"_s).toString() == u"c" && d.value(u"message"_s).toString().contains(u"zz"_s)) {
            missing = true;
            QCOMPARE(d.value(u"severity"_s).toString(), u"error"_s); // Alembic refuses such a project
            QCOMPARE(d.value(u"path"_s).toString(), u"/fixtures/c.py"_s);
        }
    }
    QVERIFY(scan);
    QVERIFY(missing);
    // The revision with the missing parent is still exported, pointing at it.
    const QJsonObject c = root.value(u"revisions"_s).toArray().at(2).toObject();
    QCOMPARE(c.value(u"revision"_s).toString(), u"c"_s);
    QCOMPARE(strings(c.value(u"down_revisions"_s)), QStringList{u"zz"_s});
}

void tst_GraphExport::jsonEmptyGraph()
{
    const QJsonObject root = GraphExport::toJsonObject(RevisionGraph());
    QVERIFY(root.value(u"revisions"_s).isArray());
    QVERIFY(root.value(u"revisions"_s).toArray().isEmpty());
    QVERIFY(root.value(u"heads"_s).toArray().isEmpty());
    QVERIFY(root.value(u"history"_s).toArray().isEmpty());
    QVERIFY(GraphExport::toDot(RevisionGraph()).startsWith(u"digraph"_s));
    QCOMPARE(GraphExport::toText(RevisionGraph()), QString());
}

namespace {

/// What JsonWriter must write for a string, one UTF-16 unit at a time (the writer's fast path
/// copies runs of plain ASCII in blocks; this is the plain definition it must agree with).
QByteArray referenceJsonString(QStringView text)
{
    QByteArray out = "\"";
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        switch (c) {
        case u'"': out += "\\\""; continue;
        case u'\\': out += "\\\\"; continue;
        case u'\n': out += "\\n"; continue;
        case u'\r': out += "\\r"; continue;
        case u'\t': out += "\\t"; continue;
        case u'\b': out += "\\b"; continue;
        case u'\f': out += "\\f"; continue;
        default: break;
        }
        const bool pair = QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode());
        if (c < 0x20 || (QChar::isSurrogate(c) && !pair)) {
            out += "\\u" + QByteArray::number(c, 16).rightJustified(4, '0');
            continue;
        }
        out += (pair ? text.sliced(i++, 2) : text.sliced(i, 1)).toUtf8();
    }
    return out + '"';
}

} // namespace

void tst_GraphExport::jsonWriterStrings()
{
    // Every kind of unit that leaves the fast path, at every offset around its 8-unit blocks.
    const QList<QString> specials = {u"\""_s, u"\\"_s, u"\n"_s, u"\u0001"_s, u"\u001f"_s, u"\u007f"_s,
                                     u"\u0080"_s, u"\u00e9"_s, u"\u20ac"_s, u"\U0001F600"_s,
                                     QString(QChar(0xD800)), QString(QChar(0xDC00)), u" "_s};
    QList<QString> cases = {QString(), u"a"_s, u"abcdefg"_s, u"abcdefgh"_s, u"abcdefghijklmnopq"_s};
    for (const QString &special : specials)
        for (int at = 0; at <= 18; ++at)
            cases.append(u"abcdefghijklmnopqr"_s.left(at) + special + u"stuvwxyz0123456789"_s.left(18 - at));
    // A high surrogate last in a block, its low surrogate first in the next.
    cases.append(u"abcdefg"_s + QChar(0xD83D) + QChar(0xDE00) + u"hijklmnop"_s);
    // Random mixes.
    const char16_t alphabet[] = {u'a', u'Z', u'0', u' ', u'~', u'"', u'\\', u'\n', u'\t', 0x01, 0x7F, 0x80, 0xE9,
                                 0x4E2D, 0xD83D, 0xDE00, 0xFFFF};
    quint32 seed = 12345;
    for (int n = 0; n < 500; ++n) {
        QString s;
        const int length = int((seed = seed * 1103515245u + 12345u) >> 16) % 40;
        for (int i = 0; i < length; ++i)
            s += QChar(alphabet[((seed = seed * 1103515245u + 12345u) >> 16) % std::size(alphabet)]);
        cases.append(s);
    }
    for (const QString &text : std::as_const(cases)) {
        JsonWriter json;
        json.value(QStringView(text));
        QCOMPARE(json.take(), referenceJsonString(text));
    }
}

void tst_GraphExport::jsonWriterLatin1Keys()
{
    JsonWriter json;
    json.beginObject();
    json.key("plain_key"_L1);
    json.value(qint64(-12));
    json.key(QLatin1StringView("quote\" back\\ tab\t caf\xe9"));
    json.value(true);
    json.key(u"utf16 caf\u00e9"_s);
    json.value(qint64(9223372036854775807LL));
    json.endObject();
    QCOMPARE(json.take(), QByteArray("{\"plain_key\":-12,\"quote\\\" back\\\\ tab\\t caf\xc3\xa9\":true,"
                                     "\"utf16 caf\xc3\xa9\":9223372036854775807}"));
}

void tst_GraphExport::jsonWriterLiteralKeysAndFragments()
{
    JsonWriter part;
    part.beginObject();
    part.key("id");
    part.value(qint64(2));
    part.endObject();
    part.value(u"three"_s);
    JsonWriter json;
    json.beginArray();
    json.append(JsonWriter()); // nothing: no comma either
    json.beginObject();
    json.key("id");
    json.value(qint64(1));
    json.endObject();
    json.append(part);
    json.value(qint64(4));
    json.endArray();
    QCOMPARE(json.take(), QByteArray(R"([{"id":1},{"id":2},"three",4])"));

    JsonWriter first;
    first.beginArray();
    first.append(part);
    first.endArray();
    QCOMPARE(first.take(), QByteArray(R"([{"id":2},"three"])"));
}

void tst_GraphExport::dotStructure()
{
    const QString dot = GraphExport::toDot(historyGraph());
    QVERIFY(dot.startsWith(u"digraph"_s));
    QVERIFY(dot.endsWith(u"}\n"_s));
    QCOMPARE(dot.count(u'{'), dot.count(u'}'));
    for (const QString &id : {u"a1"_s, u"a2"_s, u"b1"_s, u"b2"_s, u"c1"_s, u"h1"_s, u"h2"_s, u"m"_s})
        QVERIFY2(dot.contains(u"\"%1\" [label="_s.arg(id)), qPrintable(id));
    // Versioned edges point from a revision to its down revisions, solid.
    for (const auto &[from, to] : {std::pair{u"b1"_s, u"a1"_s}, {u"m"_s, u"b1"_s}, {u"m"_s, u"b2"_s}, {u"c1"_s, u"m"_s}})
        QVERIFY2(dot.contains(u"\"%1\" -> \"%2\";"_s.arg(from, to)), qPrintable(from + u" -> "_s + to));
    // Effective labels show on the node.
    QVERIFY(dot.contains(u"c1 (lib1, x, y)"_s));
    QVERIFY(!dot.contains(u"missing"_s));
}

void tst_GraphExport::dotDependencyEdgesAreDashed()
{
    const QString dot = GraphExport::toDot(historyGraph());
    // depends_on "lib1" is drawn to the revision declaring the label.
    QVERIFY2(dot.contains(u"\"b2\" -> \"a1\" [style=dashed];"_s), qPrintable(dot));
    QVERIFY2(dot.contains(u"\"h2\" -> \"h1\" [style=dashed];"_s), qPrintable(dot));
    QCOMPARE(dot.count(u"style=dashed]"_s), 2);
    QVERIFY(!dot.contains(u"\"b2\" -> \"lib1\""_s));
}

void tst_GraphExport::dotGhostNodesForMissingParents()
{
    const QString dot = GraphExport::toDot(brokenGraph());
    static const QRegularExpression ghost(u"\"zz\" \\[[^\\]]*style=dashed[^\\]]*\\]"_s);
    QVERIFY2(ghost.match(dot).hasMatch(), qPrintable(dot));
    QVERIFY(dot.contains(u"zz\\n(missing)"_s));
    QVERIFY2(dot.contains(u"\"c\" -> \"zz\""_s), qPrintable(dot));
    QCOMPARE(dot.count(u"\"zz\" [label="_s), 1); // one ghost, however many revisions name it
    const QString twice = GraphExport::toDot(
        RevisionGraph::build(test::revisionsFromSpec({u"a zz"_s, u"b zz"_s, u"c b"_s})));
    QCOMPARE(twice.count(u"\"zz\" [label="_s), 1);
    QVERIFY(twice.contains(u"\"a\" -> \"zz\""_s));
    QVERIFY(twice.contains(u"\"b\" -> \"zz\""_s));
}

void tst_GraphExport::dotEscapesLabels()
{
    const QString dot = GraphExport::toDot(historyGraph());
    // merge "both" \ lines: quotes and backslashes escaped inside the quoted label.
    QVERIFY2(dot.contains(u"merge \\\"both\\\" \\\\ lines"_s), qPrintable(dot));
    // Every line is a statement or a brace: no stray newline from a message.
    QList<Revision> revisions = test::revisionsFromSpec({u"a"_s});
    revisions[0].message = u"first line\nsecond line"_s;
    const QString multi = GraphExport::toDot(RevisionGraph::build(revisions));
    for (const QString &line : multi.split(u'\n', Qt::SkipEmptyParts)) {
        const QString trimmed = line.trimmed();
        QVERIFY2(trimmed.endsWith(u';') || trimmed.endsWith(u'{') || trimmed == u"}", qPrintable(line));
    }
}

void tst_GraphExport::dotMarksCycles()
{
    const QString dot = GraphExport::toDot(test::scenario(u"cycle_detached"_s));
    static const QRegularExpression red(u"\"(yy|zz)\" \\[[^\\]]*color=red"_s);
    QVERIFY2(red.match(dot).hasMatch(), qPrintable(dot));
    static const QRegularExpression notRed(u"\"a\" \\[[^\\]]*color=red"_s);
    QVERIFY(!notRed.match(dot).hasMatch());
}

void tst_GraphExport::textIsAlembicHistory()
{
    const QStringList actual = GraphExport::toText(historyGraph()).split(u'\n', Qt::SkipEmptyParts);
    // `alembic history` on the same files (Alembic 1.8.1).
    const QStringList expected{
        u"m -> c1 (x, y, lib1) (head), two labels"_s,
        u"b1, b2 -> m (lib1) (mergepoint), merge \"both\" \\ lines"_s,
        u"a1 -> b1 (lib1), second on lib1"_s,
        u"a2 (lib1) -> b2, depends on a label"_s,
        u"<base> (h1) -> h2 (head), depends on h1"_s,
        u"a2 -> h1 (effective head), effective head"_s,
        u"<base> -> a1 (lib1), create a1"_s,
        u"<base> -> a2 (branchpoint), other base"_s,
    };
    QCOMPARE(actual.size(), expected.size());
    // Alembic prints several labels in set order: compare that line's labels as a set.
    QCOMPARE(sortedLabels(actual.first()), sortedLabels(expected.first()));
    QVERIFY2(actual.first().startsWith(u"m -> c1 ("_s) && actual.first().endsWith(u") (head), two labels"_s),
             qPrintable(actual.first()));
    for (qsizetype i = 1; i < expected.size(); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
}

void tst_GraphExport::textListsDiagnostics()
{
    const QString text = GraphExport::toText(brokenGraph());
    QVERIFY2(text.contains(u"/project/versions/d.py:7: error: syntax error: unterminated string literal\n"_s),
             qPrintable(text));
    QVERIFY(text.contains(u"/fixtures/c.py:3: error: "_s));
    // History lines come first, diagnostics after them.
    QVERIFY(text.indexOf(u"-> b"_s) < text.indexOf(u"d.py:7"_s));
}

void tst_GraphExport::diagnosticText()
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.path = u"/p/x.py"_s;
    d.line = 3;
    d.message = u"something"_s;
    QCOMPARE(GraphExport::diagnosticToText(d), u"/p/x.py:3: warning: something"_s);
    d.line = 0;
    QCOMPARE(GraphExport::diagnosticToText(d), u"/p/x.py: warning: something"_s);
    d.path.clear();
    QCOMPARE(GraphExport::diagnosticToText(d), u"retort: warning: something"_s);
    const QJsonObject json = GraphExport::diagnosticToJson(d);
    QCOMPARE(json.value(u"severity"_s).toString(), u"warning"_s);
    QVERIFY(!json.contains(u"revision"_s)); // only when there is one
    d.revision = u"abc"_s;
    QCOMPARE(GraphExport::diagnosticToJson(d).value(u"revision"_s).toString(), u"abc"_s);
}

QTEST_GUILESS_MAIN(tst_GraphExport)
#include "tst_graphexport.moc"
