#include "revisionscanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace retort;
using namespace Qt::StringLiterals;

// Every expected value below was checked against what Python 3.11 and Alembic 1.8.1 read from the same
// source (module.revision, down_revision, branch_labels, depends_on, Script.doc; line numbers from the
// module's ast). Where the scanner cannot know a value without running Python it says so instead.

namespace {

const QString fixtureDir = QStringLiteral(RETORT_FIXTURES_DIR "/scanner");

/// Source text written as a raw string that starts on the line after `R"py(`: line 1 is the first line.
QByteArray py(const char *text)
{
    QByteArray source(text);
    if (source.startsWith('\n'))
        source.remove(0, 1);
    return source;
}

QString list(const QStringList &values, int line, bool unresolved)
{
    return u"[%1]@%2%3"_s.arg(values.join(u'|')).arg(line).arg(unresolved ? u"!"_s : QString());
}

/// "id@line down=[a|b]@line labels=[..]@line deps=[..]@line"; `!` marks a value that is not a literal.
QString describe(const std::optional<Revision> &revision)
{
    if (!revision)
        return u"none"_s;
    const Revision &r = *revision;
    return u"%1@%2 down=%3 labels=%4 deps=%5"_s.arg(r.id).arg(r.line).arg(
        list(r.downRevisions, r.downRevisionLine, r.downRevisionUnresolved),
        list(r.branchLabels, r.branchLabelsLine, r.branchLabelsUnresolved),
        list(r.dependsOn, r.dependsOnLine, r.dependsOnUnresolved));
}

/// "error@3 warning@5"
QString describe(const Diagnostics &diagnostics)
{
    QStringList parts;
    for (const Diagnostic &d : diagnostics)
        parts.append(u"%1@%2"_s.arg(Diagnostic::severityName(d.severity)).arg(d.line));
    return parts.join(u' ');
}

QString messages(const Diagnostics &diagnostics)
{
    QStringList parts;
    for (const Diagnostic &d : diagnostics)
        parts.append(u"%1:%2: %3"_s.arg(d.path).arg(d.line).arg(d.message));
    return parts.join(u'\n');
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray revisionSource(const QString &id, const QString &down)
{
    const QString downValue = down.isEmpty() ? u"None"_s : u"'%1'"_s.arg(down);
    return u"\"\"\"%1\"\"\"\nrevision = '%1'\ndown_revision = %2\n"_s.arg(id, downValue).toUtf8();
}

QStringList relativeTo(const QString &base, const QStringList &paths)
{
    QStringList relative;
    for (const QString &path : paths)
        relative.append(QDir(base).relativeFilePath(path));
    return relative;
}

} // namespace

class TestRevisionScanner : public QObject
{
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void unresolved_data();
    void unresolved();
    void message_data();
    void message();
    void encodings_data();
    void encodings();
    void badInput_data();
    void badInput();
    void legacyFileName_data();
    void legacyFileName();
    void hugeInput_data();
    void hugeInput();
    void fixtures_data();
    void fixtures();
    void demoProject();
    void unreadableFile();
    void listRevisionFiles();
    void listRevisionFilesDoesNotFollowDirectorySymlinks();
    void scanLocationsMissingLocation();
    void scanLocationsReadsEachFileOnce();
    void scanLocationsKeepsFileOrder();
    void scanLocationsDanglingSymlinks();
};

void TestRevisionScanner::values_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");

    QTest::newRow("double quotes") << py(R"py(
revision = "b1"
down_revision = "a1"
)py") << u"b1@1 down=[a1]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("single quotes") << py(R"py(
revision = 'b1'
down_revision = 'a1'
branch_labels = 'feature'
depends_on = 'c1'
)py") << u"b1@1 down=[a1]@2 labels=[feature]@3 deps=[c1]@4"_s;

    QTest::newRow("annotated, Alembic 1.13 template") << py(R"py(
from typing import Sequence, Union

revision: str = 'b1'
down_revision: Union[str, None] = "a1"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None
)py") << u"b1@3 down=[a1]@4 labels=[]@5 deps=[]@6"_s;

    QTest::newRow("annotated tuple") << py(R"py(
from typing import Union
revision: str = "m1"
down_revision: Union[str, tuple[str, str]] = ("a1", "b1")
)py") << u"m1@2 down=[a1|b1]@3 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("down None") << py(R"py(
revision = "base1"
down_revision = None
)py") << u"base1@1 down=[]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("down empty string is a base") << py(R"py(
revision = "base1"
down_revision = ''
)py") << u"base1@1 down=[]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("down tuple") << py(R"py(
revision = "m1"
down_revision = ("a1", 'b1')
)py") << u"m1@1 down=[a1|b1]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("down list") << py(R"py(
revision = "m1"
down_revision = ["a1", "b1", "c1"]
)py") << u"m1@1 down=[a1|b1|c1]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("down multi-line tuple, comments, trailing comma") << py(R"py(
revision = "m1"


down_revision = (
    "a1",  # the first parent
    # a comment on its own line
    'b1',
)
branch_labels = None
)py") << u"m1@1 down=[a1|b1]@4 labels=[]@9 deps=[]@0"_s;

    QTest::newRow("u prefix") << py(R"py(
revision = u'b1'
down_revision = U"a1"
)py") << u"b1@1 down=[a1]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("raw and escaped strings") << py(R"py(
revision = "b\x31\u0032"
down_revision = r'a\1'
)py") << u"b12@1 down=[a\\1]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("implicit concatenation") << py(R"py(
revision = "b" '1'
down_revision = ("a"
                 "1")
depends_on = ("c" "1", "d"
              "1")
)py") << u"b1@1 down=[a1]@2 labels=[]@0 deps=[c1|d1]@4"_s;

    QTest::newRow("parenthesized string") << py(R"py(
revision = ("b1")
down_revision = (("a1"))
branch_labels = ("x")
)py") << u"b1@1 down=[a1]@2 labels=[x]@3 deps=[]@0"_s;

    QTest::newRow("f-string without fields") << py(R"py(
revision = f"b1"
down_revision = f'a1'
)py") << u"b1@1 down=[a1]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("labels and deps as strings") << py(R"py(
revision = "b1"
down_revision = None
branch_labels = "lbl"
depends_on = "d1"
)py") << u"b1@1 down=[]@2 labels=[lbl]@3 deps=[d1]@4"_s;

    QTest::newRow("labels and deps as tuples") << py(R"py(
revision = "b1"
down_revision = None
branch_labels = ("l1", "l2")
depends_on = ("d1", "d2")
)py") << u"b1@1 down=[]@2 labels=[l1|l2]@3 deps=[d1|d2]@4"_s;

    QTest::newRow("one-element tuples") << py(R"py(
revision = "b1"
down_revision = ("a1",)
branch_labels = ("l1",)
depends_on = ("d1", )
)py") << u"b1@1 down=[a1]@2 labels=[l1]@3 deps=[d1]@4"_s;

    QTest::newRow("empty tuples and lists") << py(R"py(
revision = "b1"
down_revision = ()
branch_labels = ()
depends_on = []
)py") << u"b1@1 down=[]@2 labels=[]@3 deps=[]@4"_s;

    QTest::newRow("labels and deps as lists") << py(R"py(
revision = "b1"
down_revision = None
branch_labels = ['l1']
depends_on = ["d1", "d2",]
)py") << u"b1@1 down=[]@2 labels=[l1]@3 deps=[d1|d2]@4"_s;

    QTest::newRow("labels and deps None") << py(R"py(
revision = "b1"
down_revision = None
branch_labels = None
depends_on = None
)py") << u"b1@1 down=[]@2 labels=[]@3 deps=[]@4"_s;

    QTest::newRow("bare tuples and a set") << py(R"py(
revision = "b1"
down_revision = "a1", "a2"
branch_labels = "l1",
depends_on = {"d1"}
)py") << u"b1@1 down=[a1|a2]@2 labels=[l1]@3 deps=[d1]@4"_s;

    QTest::newRow("ids that are not hex") << py(R"py(
revision = 'kilo'
down_revision = '2023_1_expand01'
depends_on = '0003'
)py") << u"kilo@1 down=[2023_1_expand01]@2 labels=[]@0 deps=[0003]@3"_s;

    QTest::newRow("comments and trailing semicolon") << py(R"py(
# revision = "commented out"
revision = "b1"  # revision = "in a comment"
down_revision = None;
)py") << u"b1@2 down=[]@3 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("backslash continuation: line of the statement") << py(R"py(
revision = \
    "b1"
down_revision \
    = \
    "a1"
)py") << u"b1@1 down=[a1]@3 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("later module-level assignment wins") << py(R"py(
revision = "first"
down_revision = "a1"
branch_labels = ("x",)
revision = "second"
down_revision = None
)py") << u"second@4 down=[]@5 labels=[x]@3 deps=[]@0"_s;

    QTest::newRow("assignments in blocks are ignored") << py(R"py(
import typing
revision = "b1"
down_revision = "a1"
if typing.TYPE_CHECKING:
    revision = "if"
    down_revision = ("if",)
def f():
    branch_labels = "def"
    return branch_labels
class C:
    depends_on = "class"
while False:
    down_revision = "while"
)py") << u"b1@2 down=[a1]@3 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("one-line compound statement body is not module-level") << py(R"py(
revision = "b1"
down_revision = "a1"
if False: down_revision = "if"
if False: branch_labels = "if"; depends_on = "if too"
)py") << u"b1@1 down=[a1]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("statements after a semicolon") << py(R"py(
import os; revision = "b1"
x = 1; down_revision = "a1"; branch_labels = None
)py") << u"b1@1 down=[a1]@2 labels=[]@2 deps=[]@0"_s;

    QTest::newRow("keyword arguments are not assignments") << py(R"py(
revision = "b1"
down_revision = None
dict(revision="kwarg", down_revision="kwarg")
x = dict(branch_labels="kwarg")
)py") << u"b1@1 down=[]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("comparisons and augmented assignments are not assignments") << py(R"py(
revision = "b1"
down_revision = None
revision == "compared"
x = 1
x += 2
)py") << u"b1@1 down=[]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("chained assignment") << py(R"py(
revision = "b1"
down_revision = None
branch_labels = depends_on = None
)py") << u"b1@1 down=[]@2 labels=[]@3 deps=[]@3"_s;

    QTest::newRow("chained assignment with a tuple") << py(R"py(
revision = "b1"
down_revision = branch_labels = ("a1",)
)py") << u"b1@1 down=[a1]@2 labels=[a1]@2 deps=[]@0"_s;

    QTest::newRow("no trailing newline") << QByteArray("revision = 'b1'\ndown_revision = 'a1'")
                                         << u"b1@1 down=[a1]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("unicode id") << QByteArray("revision = 'caf\xc3\xa9'\ndown_revision = '\xe2\x82\xac'\n")
                                << u"caf\u00e9@1 down=[\u20ac]@2 labels=[]@0 deps=[]@0"_s;

    QTest::newRow("values after a function with a multi-line string") << py(R"py(
def upgrade():
    op.execute("""
revision = 'inside a string'
""")
revision = "b1"
down_revision = "a1"
)py") << u"b1@5 down=[a1]@6 labels=[]@0 deps=[]@0"_s;
}

void TestRevisionScanner::values()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);

    const QString path = u"/versions/b1_values.py"_s;
    const RevisionFileScan scan = RevisionScanner::scanSource(source, path);
    QVERIFY2(scan.diagnostics.isEmpty(), qPrintable(messages(scan.diagnostics)));
    QCOMPARE(describe(scan.revision), expected);
    QCOMPARE(scan.revision->path, path);
}

void TestRevisionScanner::unresolved_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("diagnostics");
    QTest::addColumn<QString>("mentions"); ///< text the first diagnostic must contain

    QTest::newRow("branch label from a constant") << py(R"py(
revision = "b1"
down_revision = None
branch_labels = (migration.EXPAND_BRANCH,)
)py") << u"b1@1 down=[]@2 labels=[]@3! deps=[]@0"_s
                                                  << u"warning@3"_s << u"EXPAND_BRANCH"_s;

    QTest::newRow("down revision from a call") << py(R"py(
revision = "b1"
down_revision = get_rev()
)py") << u"b1@1 down=[]@2! labels=[]@0 deps=[]@0"_s
                                               << u"warning@2"_s << u"get_rev"_s;

    QTest::newRow("f-string with a field") << py(R"py(
revision = "b1"
down_revision = None
depends_on = f"{revision}_x"
)py") << u"b1@1 down=[]@2 labels=[]@0 deps=[]@3!"_s
                                           << u"warning@3"_s << u"depends_on"_s;

    QTest::newRow("f-string field inside a tuple") << py(R"py(
revision = "b1"
down_revision = ("a1", f"{x}")
)py") << u"b1@1 down=[]@2! labels=[]@0 deps=[]@0"_s << u"warning@2"_s
                                                   << u"down_revision"_s;

    QTest::newRow("operator expression") << py(R"py(
revision = "b1"
down_revision = "a" + "1"
)py") << u"b1@1 down=[]@2! labels=[]@0 deps=[]@0"_s
                                         << u"warning@2"_s << u"down_revision"_s;

    QTest::newRow("conditional expression on a later line") << py(R"py(
revision = "b1"
down_revision = None


branch_labels = (
    "x" if True else "y"
)
)py") << u"b1@1 down=[]@2 labels=[]@5! deps=[]@0"_s << u"warning@5"_s
                                                            << u"branch_labels"_s;

    QTest::newRow("nested tuple") << py(R"py(
revision = "b1"
down_revision = None
depends_on = (("d1", "d2"),)
)py") << u"b1@1 down=[]@2 labels=[]@0 deps=[]@3!"_s
                                  << u"warning@3"_s << u"depends_on"_s;

    QTest::newRow("bytes") << py(R"py(
revision = "b1"
down_revision = b"a1"
)py") << u"b1@1 down=[]@2! labels=[]@0 deps=[]@0"_s
                           << u"warning@2"_s << u"down_revision"_s;

    QTest::newRow("dict") << py(R"py(
revision = "b1"
down_revision = None
branch_labels = {"a": "b"}
depends_on = {}
)py") << u"b1@1 down=[]@2 labels=[]@3! deps=[]@4!"_s
                          << u"warning@3 warning@4"_s << u"branch_labels"_s;

    QTest::newRow("comprehension") << py(R"py(
revision = "b1"
down_revision = [r for r in ("a1", "a2")]
)py") << u"b1@1 down=[]@2! labels=[]@0 deps=[]@0"_s
                                   << u"warning@2"_s << u"down_revision"_s;

    QTest::newRow("tuple of None") << py(R"py(
revision = "b1"
down_revision = None,
)py") << u"b1@1 down=[]@2! labels=[]@0 deps=[]@0"_s
                                   << u"warning@2"_s << u"down_revision"_s;

    QTest::newRow("revision from a call: file skipped") << py(R"py(
revision = make_id()
down_revision = None
)py") << u"none"_s << u"error@1"_s << u"make_id"_s;

    QTest::newRow("revision None: file skipped") << py(R"py(
down_revision = None
revision = None
)py") << u"none"_s << u"error@2"_s << u"revision"_s;

    QTest::newRow("revision tuple: file skipped") << py(R"py(
revision = ("a", "b")
down_revision = None
)py") << u"none"_s << u"error@1"_s << u"revision"_s;

    QTest::newRow("missing down_revision") << py(R"py(
"""doc"""

revision = "b1"
)py") << u"b1@3 down=[]@0! labels=[]@0 deps=[]@0"_s
                                           << u"error@3"_s << u"down_revision"_s;
}

void TestRevisionScanner::unresolved()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QFETCH(QString, diagnostics);
    QFETCH(QString, mentions);

    const QString path = u"/versions/b1_unresolved.py"_s;
    const RevisionFileScan scan = RevisionScanner::scanSource(source, path);
    QCOMPARE(describe(scan.revision), expected);
    QCOMPARE(describe(scan.diagnostics), diagnostics);
    QVERIFY2(scan.diagnostics.constFirst().message.contains(mentions), qPrintable(messages(scan.diagnostics)));
    for (const Diagnostic &d : scan.diagnostics) {
        QCOMPARE(d.path, path);
        if (scan.revision)
            QCOMPARE(d.revision, scan.revision->id);
    }
}

void TestRevisionScanner::message_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("createDate");

    QTest::newRow("Alembic template") << py(R"py(
"""add account.last_login

Revision ID: 1975ea83b712
Revises: 0c0b52f6f7f0
Create Date: 2024-01-02 03:04:05.678901

"""
)py") << u"add account.last_login"_s << u"2024-01-02 03:04:05.678901"_s;

    QTest::newRow("multi-line first paragraph") << py(R"py(
"""first line
second line
  third, indented

Revision ID: x
"""
)py") << u"first line\nsecond line\n  third, indented"_s
                                                << QString();

    QTest::newRow("blank line with spaces does not end the paragraph") << py(R"py(
"""one
   
two

three"""
)py") << u"one\n   \ntwo"_s << QString();

    QTest::newRow("surrounding whitespace stripped, inner kept") << py(R"py(
"""

   padded message   

more"""
)py") << u"padded message   "_s << QString();

    QTest::newRow("single quotes") << py(R"py(
'just one line'
)py") << u"just one line"_s << QString();

    QTest::newRow("triple single quotes") << py(R"py(
'''triple single

Create Date:   2020-02-02 02:02:02   
'''
)py") << u"triple single"_s << u"2020-02-02 02:02:02"_s;

    QTest::newRow("raw docstring") << py(R"py(
r"""C:\new\table and \d+"""
)py") << u"C:\\new\\table and \\d+"_s
                                   << QString();

    QTest::newRow("escape sequences") << py(R"py(
"""tab\there \u00e9\x41 \101 quote\" backslash\\ \
continued"""
)py") << u"tab\there \u00e9A A quote\" backslash\\ continued"_s
                                      << QString();

    QTest::newRow("unicode prefix") << py(R"py(
u"""unicode docstring"""
)py") << u"unicode docstring"_s << QString();

    QTest::newRow("implicit concatenation") << py(R"py(
"first " 'second'
)py") << u"first second"_s << QString();

    QTest::newRow("parenthesized") << py(R"py(
("parenthesized "
 "docstring")
)py") << u"parenthesized docstring"_s
                                   << QString();

    QTest::newRow("utf-8 text") << QByteArray("\"\"\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x9a\x80\"\"\"\n")
                                << u"caf\u00e9 \u20ac \U0001F680"_s << QString();

    QTest::newRow("shebang, coding line, license header") << py(R"py(
#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) Example
#
# Licensed under the MIT license.


"""licensed revision

Create Date: 2021-06-07
"""
)py") << u"licensed revision"_s << u"2021-06-07"_s;

    QTest::newRow("from __future__ first: no docstring") << py(R"py(
from __future__ import annotations
"""not the docstring

Create Date: 2021-06-07
"""
)py") << QString() << QString();

    QTest::newRow("import first: no docstring") << py(R"py(
import sqlalchemy as sa
"""not the docstring"""
)py") << QString() << QString();

    QTest::newRow("assignment first: no docstring") << py(R"py(
revision = "b1"
"""not the docstring"""
)py") << QString() << QString();

    QTest::newRow("method call on the string: no docstring") << py(R"py(
"""not the docstring""".strip()
)py") << QString() << QString();

    QTest::newRow("f-string: no docstring") << py(R"py(
f"""not the docstring"""
)py") << QString() << QString();

    QTest::newRow("bytes: no docstring") << py(R"py(
b"""not the docstring"""
)py") << QString() << QString();

    QTest::newRow("concatenation with plus: no docstring") << py(R"py(
"not " + "the docstring"
)py") << QString() << QString();

    QTest::newRow("docstring then semicolon") << py(R"py(
"""semicolon"""; import os
)py") << u"semicolon"_s << QString();

    QTest::newRow("empty docstring") << py(R"py(
""""""
)py") << QString() << QString();

    QTest::newRow("no docstring") << QByteArray() << QString() << QString();

    QTest::newRow("Create Date in the first paragraph") << py(R"py(
"""message
Create Date: 2019-01-01 00:00:00"""
)py") << u"message\nCreate Date: 2019-01-01 00:00:00"_s << u"2019-01-01 00:00:00"_s;

    QTest::newRow("Create Date must start a line") << py(R"py(
"""see the Create Date: not this one"""
)py") << u"see the Create Date: not this one"_s << QString();
}

void TestRevisionScanner::message()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, message);
    QFETCH(QString, createDate);

    source += "\nrevision = 'b1'\ndown_revision = None\n";
    const RevisionFileScan scan = RevisionScanner::scanSource(source, u"/versions/b1.py"_s);
    QVERIFY2(scan.diagnostics.isEmpty(), qPrintable(messages(scan.diagnostics)));
    QVERIFY(scan.revision);
    QCOMPARE(scan.revision->message, message);
    QCOMPARE(scan.revision->createDate, createDate);
}

void TestRevisionScanner::encodings_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("message");

    QTest::newRow("utf-8 BOM") << QByteArray("\xef\xbb\xbf\"\"\"BOM doc\"\"\"\nrevision = 'b1'\ndown_revision = None\n")
                               << u"b1@2 down=[]@3 labels=[]@0 deps=[]@0"_s << u"BOM doc"_s;

    QTest::newRow("CRLF line endings") << QByteArray("\"\"\"crlf message\r\n\r\nRevision ID: b1\r\n\"\"\"\r\n"
                                                     "revision = 'b1'\r\ndown_revision = (\r\n    'a1',\r\n"
                                                     "    'a2',\r\n)\r\nbranch_labels = \\\r\n    'lbl'\r\n")
                                       << u"b1@5 down=[a1|a2]@6 labels=[lbl]@10 deps=[]@0"_s << u"crlf message"_s;

    QTest::newRow("old Mac CR line endings") << QByteArray("\"\"\"cr message\r\rmore\"\"\"\rrevision = 'b1'\r"
                                                           "down_revision = (\r'a1')\r")
                                             << u"b1@4 down=[a1]@5 labels=[]@0 deps=[]@0"_s << u"cr message"_s;

    QTest::newRow("latin-1 declared") << QByteArray(
                                             "# -*- coding: latin-1 -*-\n\"\"\"Caf\xe9\"\"\"\n"
                                             "revision = 'b1'\ndown_revision = None\nbranch_labels = '\xe9t\xe9'\n")
                                      << u"b1@3 down=[]@4 labels=[\u00e9t\u00e9]@5 deps=[]@0"_s << u"Caf\u00e9"_s;

    QTest::newRow("iso-8859-15 declared on line 2, vim style")
        << QByteArray("#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\n\"\"\"\xa4\"\"\"\n"
                      "revision = 'b1'\ndown_revision = None\n")
        << u"b1@4 down=[]@5 labels=[]@0 deps=[]@0"_s << u"\u20ac"_s;

    QTest::newRow("cp1252 declared") << QByteArray("# coding=cp1252\n\"\"\"\x80 \x93quoted\x94\"\"\"\n"
                                                   "revision = 'b1'\ndown_revision = None\n")
                                     << u"b1@3 down=[]@4 labels=[]@0 deps=[]@0"_s << u"\u20ac \u201cquoted\u201d"_s;

    QTest::newRow("utf-8 declared") << QByteArray("# -*- coding: UTF_8 -*-\n\"\"\"\xc3\xa9\"\"\"\n"
                                                  "revision = 'b1'\ndown_revision = None\n")
                                    << u"b1@3 down=[]@4 labels=[]@0 deps=[]@0"_s << u"\u00e9"_s;

    QTest::newRow("tabs, form feed and trailing whitespace")
        << QByteArray("\f\"\"\"doc\"\"\"  \t\nrevision\t=\t'b1'   \n\x0c\ndown_revision = None\t\n")
        << u"b1@2 down=[]@4 labels=[]@0 deps=[]@0"_s << u"doc"_s;
}

void TestRevisionScanner::encodings()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QFETCH(QString, message);

    const RevisionFileScan scan = RevisionScanner::scanSource(source, u"/versions/b1.py"_s);
    QVERIFY2(scan.diagnostics.isEmpty(), qPrintable(messages(scan.diagnostics)));
    QCOMPARE(describe(scan.revision), expected);
    QCOMPARE(scan.revision->message, message);
}

void TestRevisionScanner::badInput_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("diagnostics");
    QTest::addColumn<QString>("mentions");

    const QString name = u"b1_broken.py"_s;

    QTest::newRow("empty file") << QByteArray() << name << u"error@1"_s << u"revision id"_s;
    QTest::newRow("only comments") << QByteArray("# just a comment\n\n   # another\n") << name << u"error@1"_s
                                   << u"revision id"_s;
    QTest::newRow("only whitespace") << QByteArray("\n\n   \n\t\n") << name << u"error@1"_s << u"revision id"_s;

    QTest::newRow("unterminated string") << py(R"py(
"""doc"""
revision = "b1
down_revision = None
)py") << name << u"error@2"_s << u"unterminated string"_s;

    QTest::newRow("unterminated string at end of file")
        << QByteArray("revision = 'b1'\ndown_revision = 'a") << name << u"error@2"_s << u"unterminated string"_s;

    QTest::newRow("unterminated triple-quoted string: start line") << py(R"py(
revision = "b1"
down_revision = None

x = """never
closed

at all
)py") << name << u"error@4"_s << u"line 4"_s;

    QTest::newRow("unterminated docstring")
        << QByteArray("'''doc\n\nrevision = 'b1'\n") << name << u"error@1"_s << u"triple-quoted"_s;

    QTest::newRow("unclosed bracket: line where it opened") << py(R"py(
revision = "b1"
down_revision = (
    "a1",
    "a2"

branch_labels = None
)py") << name << u"error@2"_s << u"'(' was never closed"_s;

    QTest::newRow("unclosed bracket inside a function") << py(R"py(
revision = "b1"
down_revision = None
def upgrade():
    op.execute(
        "SELECT 1"
)py") << name << u"error@4"_s << u"'(' was never closed"_s;

    QTest::newRow("unmatched closing bracket") << py(R"py(
revision = "b1"
down_revision = None
x = 1)
)py") << name << u"error@3"_s << u"unmatched ')'"_s;

    QTest::newRow("mismatched closing bracket") << py(R"py(
revision = "b1"
down_revision = ["a1",
    "a2")
)py") << name << u"error@3"_s << u"')'"_s;

    QTest::newRow("invalid character") << py(R"py(
revision = "b1"
down_revision = None $
)py") << name << u"error@2"_s << u"invalid character"_s;

    QTest::newRow("character after continuation") << py(R"py(
revision = "b1"
down_revision = \ None
)py") << name << u"error@2"_s << u"continuation"_s;

    QTest::newRow("continuation at end of file")
        << QByteArray("revision = 'b1'\ndown_revision = None\nx = \\") << name << u"error@3"_s << u"continuation"_s;

    QTest::newRow("too many nested parentheses")
        << QByteArray("revision = 'b1'\ndown_revision = None\nx = [\n" + QByteArray(201, '(') + "\n") << name
        << u"error@4"_s << u"nested"_s;

    QTest::newRow("NUL byte") << QByteArray("revision = 'b1'\ndown_revision = None\nx = '") + '\0' + "'\n"
                              << name << u"error@3"_s << u"NUL"_s;

    QTest::newRow("binary data") << QByteArray::fromHex("7f454c4602010100000000000000000003003e00") << name
                                 << u"error@1"_s << u"binary"_s;

    QTest::newRow("invalid utf-8 in a string") << QByteArray("\"\"\"doc\"\"\"\nrevision = 'b1'\n"
                                                             "down_revision = 'caf\xe9'\n")
                                               << name << u"error@3"_s << u"UTF-8"_s;

    // Python 3.11 happens to skip undecodable bytes in comments (3.12 rejects them); Retort asks for a
    // coding declaration either way.
    QTest::newRow("latin-1 without a declaration") << QByteArray("revision = 'b1'\ndown_revision = None\n"
                                                                 "\n# Jos\xe9\n")
                                                   << name << u"error@4"_s << u"coding"_s;

    QTest::newRow("invalid utf-8 on line 1")
        << QByteArray("\xff\xfe\"\"\"doc\"\"\"\nrevision = 'b1'\n") << name << u"error@1"_s << u"UTF-8"_s;

    QTest::newRow("declaration after code is ignored") << QByteArray("revision = 'b1'\n# coding: latin-1\n"
                                                                     "down_revision = '\xe9'\n")
                                                       << name << u"error@3"_s << u"UTF-8"_s;

    QTest::newRow("ascii declared, not ascii") << QByteArray("# coding: ascii\nrevision = 'b1'\n"
                                                             "down_revision = '\xc3\xa9'\n")
                                               << name << u"error@3"_s << u"ascii"_s;

    QTest::newRow("unknown encoding") << QByteArray("# coding: klingon\nrevision = 'b1'\ndown_revision = None\n")
                                      << name << u"error@1"_s << u"klingon"_s;
}

void TestRevisionScanner::badInput()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, fileName);
    QFETCH(QString, diagnostics);
    QFETCH(QString, mentions);

    const QString path = u"/versions/"_s + fileName;
    const RevisionFileScan scan = RevisionScanner::scanSource(source, path);
    QCOMPARE(describe(scan.diagnostics), diagnostics);
    QVERIFY(!scan.revision);
    QVERIFY2(scan.diagnostics.constFirst().message.contains(mentions), qPrintable(messages(scan.diagnostics)));
    QCOMPARE(scan.diagnostics.constFirst().path, path);
}

void TestRevisionScanner::legacyFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("diagnostics");

    // Alembic's _legacy_rev: ([a-f0-9]+)\.py$, matched from the start of the name.
    QTest::newRow("hex name") << u"ae1027a6acf.py"_s << u"ae1027a6acf@1 down=[a1]@2 labels=[]@0 deps=[]@0"_s
                              << QString();
    QTest::newRow("digits only") << u"0003.py"_s << u"0003@1 down=[a1]@2 labels=[]@0 deps=[]@0"_s << QString();
    QTest::newRow("upper-case hex") << u"AE1027A6ACF.py"_s << u"none"_s << u"error@1"_s;
    QTest::newRow("hex then a slug") << u"ae1027a6acf_add_column.py"_s << u"none"_s << u"error@1"_s;
    QTest::newRow("not hex") << u"kilo.py"_s << u"none"_s << u"error@1"_s;
}

void TestRevisionScanner::legacyFileName()
{
    QFETCH(QString, fileName);
    QFETCH(QString, expected);
    QFETCH(QString, diagnostics);

    const QByteArray source = "\"\"\"legacy\"\"\"\ndown_revision = 'a1'\n";
    const RevisionFileScan scan = RevisionScanner::scanSource(source, u"/versions/"_s + fileName);
    QCOMPARE(describe(scan.revision), expected);
    QCOMPARE(describe(scan.diagnostics), diagnostics);
    if (scan.revision)
        QCOMPARE(scan.revision->message, u"legacy"_s);
}

void TestRevisionScanner::hugeInput_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("diagnostics");

    const QByteArray head = "revision = 'b1'\ndown_revision = None\n";
    QTest::newRow("2 MB string on one line") << head + "x = '" + QByteArray(2 << 20, 'y') + "'\n"
                                             << u"b1@1 down=[]@2 labels=[]@0 deps=[]@0"_s << QString();
    QTest::newRow("2 MB comment") << head + "# " + QByteArray(2 << 20, '#') + "\nbranch_labels = 'l'\n"
                                  << u"b1@1 down=[]@2 labels=[l]@4 deps=[]@0"_s << QString();

    QByteArray expression = "x = [1";
    for (int i = 0; i < 100000; ++i)
        expression += ", -1";
    QTest::newRow("100000 list items on one line") << head + expression + "]\n"
                                                   << u"b1@1 down=[]@2 labels=[]@0 deps=[]@0"_s << QString();

    QByteArray labels = "branch_labels = (";
    QStringList labelValues;
    for (int i = 0; i < 20000; ++i) {
        labels += "'l" + QByteArray::number(i) + "', ";
        labelValues.append(u"l"_s + QString::number(i));
    }
    labels += ")\n";
    QTest::newRow("20000 labels") << head + labels
                                  << u"b1@1 down=[]@2 labels=[%1]@3 deps=[]@0"_s.arg(labelValues.join(u'|'))
                                  << QString();

    QTest::newRow("100000 lines of docstring") << "\"\"\"" + QByteArray(100000, '\n') + "x\"\"\"\n" + head
                                               << u"b1@100002 down=[]@100003 labels=[]@0 deps=[]@0"_s << QString();

    QTest::newRow("200 nested parentheses are allowed")
        << head + "x = " + QByteArray(200, '(') + "'s'" + QByteArray(200, ')') + "\n"
        << u"b1@1 down=[]@2 labels=[]@0 deps=[]@0"_s << QString();

    QTest::newRow("deep nesting in a value")
        << QByteArray("revision = 'b1'\ndown_revision = ") + QByteArray(200, '(') + "'a1'" + QByteArray(200, ')') + "\n"
        << u"b1@1 down=[a1]@2 labels=[]@0 deps=[]@0"_s << QString();

    QTest::newRow("100000 nested parentheses are a syntax error")
        << head + "x = " + QByteArray(100000, '(') + QByteArray(100000, ')') + "\n"
        << u"none"_s << u"error@3"_s;
    QTest::newRow("100000 nested parentheses in a value")
        << QByteArray("revision = 'b1'\ndown_revision = ") + QByteArray(100000, '(') + "'a1'" + QByteArray(100000, ')')
        << u"none"_s << u"error@2"_s;
}

void TestRevisionScanner::hugeInput()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QFETCH(QString, diagnostics);

    const RevisionFileScan scan = RevisionScanner::scanSource(source, u"/v/b1.py"_s);
    QCOMPARE(describe(scan.revision), expected);
    QCOMPARE(describe(scan.diagnostics), diagnostics);
}

void TestRevisionScanner::fixtures_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("createDate");
    QTest::addColumn<QString>("diagnostics");

    QTest::newRow("classic template") << u"1975ea83b712_create_account_table.py"_s
                                      << u"1975ea83b712@13 down=[]@14 labels=[]@15 deps=[]@16"_s
                                      << u"create account table"_s << u"2011-11-08 11:40:27.089406"_s << QString();
    QTest::newRow("annotated merge") << u"27c6a30d7c24_merge_heads.py"_s
                                     << u"27c6a30d7c24@16 down=[ae1027a6acf|1975ea83b712]@17 labels=[]@22 deps=[]@23"_s
                                     << u"merge the billing and reporting heads\ninto one again"_s
                                     << u"2024-02-29 23:59:59.000001"_s << QString();
    QTest::newRow("legacy hex name") << u"ae1027a6acf.py"_s
                                     << u"ae1027a6acf@1 down=[1975ea83b712]@7 labels=[]@0 deps=[]@0"_s
                                     << u"add a column (a legacy file from Alembic 0.1: no revision variable)"_s
                                     << QString() << QString();
    QTest::newRow("legacy, name not an id")
        << u"legacy_without_revision.py"_s << u"none"_s << QString() << QString() << u"error@1"_s;
    QTest::newRow("license header") << u"kilo_license_header.py"_s
                                    << u"kilo@19 down=[]@20 labels=[expand|contract]@21 deps=[0003]@22"_s << u"kilo"_s
                                    << u"2015-04-30 12:00:00"_s << QString();
    QTest::newRow("future import first") << u"0003_future_import.py"_s
                                         << u"0003@8 down=[kilo]@9 labels=[standalone]@10 deps=[]@11"_s << QString()
                                         << QString() << QString();
    QTest::newRow("conditional assignments")
        << u"conditional_assignments.py"_s << u"cond01@6 down=[second]@24 labels=[early]@8 deps=[]@0"_s
        << u"assignments that are not module-level statements are not read"_s << QString() << QString();
    QTest::newRow("latin-1") << u"latin1_declared.py"_s << u"latin1@7 down=[]@8 labels=[\u00e9t\u00e9]@9 deps=[]@0"_s
                             << u"Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e"_s << u"2019-07-14 14:07:00"_s << QString();
    QTest::newRow("not literals") << u"2023_1_expand01_nonliteral.py"_s
                                  << u"2023_1_expand01@6 down=[]@7! labels=[]@8! deps=[]@9!"_s
                                  << u"expand: values computed at import time"_s << QString()
                                  << u"warning@7 warning@8 warning@9"_s;
    QTest::newRow("unterminated docstring")
        << u"unterminated_docstring.py"_s << u"none"_s << QString() << QString() << u"error@4"_s;
    QTest::newRow("unclosed bracket") << u"unclosed_bracket.py"_s << u"none"_s << QString() << QString()
                                      << u"error@3"_s;
}

void TestRevisionScanner::fixtures()
{
    QFETCH(QString, fileName);
    QFETCH(QString, expected);
    QFETCH(QString, message);
    QFETCH(QString, createDate);
    QFETCH(QString, diagnostics);

    const QString path = fixtureDir + u'/' + fileName;
    const RevisionFileScan scan = RevisionScanner::scanFile(path);
    QCOMPARE(describe(scan.revision), expected);
    QCOMPARE(describe(scan.diagnostics), diagnostics);
    for (const Diagnostic &d : scan.diagnostics)
        QCOMPARE(d.path, path);
    if (scan.revision) {
        QCOMPARE(scan.revision->path, path);
        QCOMPARE(scan.revision->message, message);
        QCOMPARE(scan.revision->createDate, createDate);
    }
}

void TestRevisionScanner::demoProject()
{
    const QString versions = QStringLiteral(RETORT_EXAMPLES_DIR "/demo/migrations/versions");
    const RevisionScan scan = RevisionScanner::scanLocations({versions}, false);
    QVERIFY2(scan.diagnostics.isEmpty(), qPrintable(messages(scan.diagnostics)));
    QCOMPARE(scan.revisions.size(), RevisionScanner::listRevisionFiles(versions, false).size());
    QVERIFY(scan.revisions.size() >= 17);

    QHash<QString, Revision> byId;
    for (const Revision &r : scan.revisions) {
        QVERIFY2(!byId.contains(r.id), qPrintable(r.id));
        byId.insert(r.id, r);
        QVERIFY(QFileInfo(r.path).isAbsolute());
        QVERIFY2(QFileInfo(r.path).fileName().startsWith(r.id + u'_'), qPrintable(r.path));
    }
    const Revision merge = byId.value(u"414c25a99cca"_s);
    QCOMPARE(describe(merge), u"414c25a99cca@15 down=[dd3913d2ad1e|b8e2d94c17a5]@16 labels=[]@17 deps=[]@18"_s);
    QCOMPARE(merge.message, u"merge reviews and shop branches"_s);
    QCOMPARE(merge.createDate, u"2025-03-04 10:20:33.596148"_s);
    const Revision audit = byId.value(u"audit_0001"_s);
    QCOMPARE(describe(audit), u"audit_0001@13 down=[]@14 labels=[audit]@15 deps=[0c0b52f6f7f0]@18"_s);
    QCOMPARE(audit.message, u"create audit_log table"_s);
}

void TestRevisionScanner::unreadableFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QStringList unreadable;
    // A directory whose name ends in .py: QFile refuses to open it as a file, even for root.
    QVERIFY(QDir(dir.path()).mkdir(u"folder.py"_s));
    unreadable.append(dir.filePath(u"folder.py"_s));
    // A dangling symlink, like the .#name lock files editors leave.
    QVERIFY(QFile::link(dir.filePath(u"missing-target"_s), dir.filePath(u"dangling.py"_s)));
    unreadable.append(dir.filePath(u"dangling.py"_s));
    // chmod 000 only stops a process that is not root.
    if (::geteuid() != 0) {
        const QString path = dir.filePath(u"b1_private.py"_s);
        QVERIFY(writeFile(path, revisionSource(u"b1"_s, QString())));
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        unreadable.append(path);
    }

    for (const QString &path : std::as_const(unreadable)) {
        const RevisionFileScan scan = RevisionScanner::scanFile(path);
        QVERIFY2(!scan.revision, qPrintable(path));
        QCOMPARE(describe(scan.diagnostics), u"error@0"_s);
        QCOMPARE(scan.diagnostics.constFirst().path, path);
        QVERIFY2(scan.diagnostics.constFirst().message.contains(u"cannot read"_s),
                 qPrintable(messages(scan.diagnostics)));
    }
}

void TestRevisionScanner::listRevisionFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    for (const char *name : {"b_two.py",
                             "a_one.py",
                             "Z_upper.py",
                             ".hidden.py",
                             "\xc3\xa9_accent.py",
                             "__init__.py",
                             "__init__.pyc",
                             "c_three.pyc",
                             "notes.txt",
                             "d_four.py~",
                             "e_five.py.orig",
                             "README",
                             "__pycache__/a_one.cpython-311.pyc",
                             "__pycache__/stale.py",
                             "sub2/d.py",
                             "sub1/g.py",
                             "sub1/e.py",
                             "sub1/__init__.py",
                             "sub1/deeper/f.py",
                             "sub1/.#e.py",
                             "Sub0/h.py",
                             "dir.py/i.py"}) {
        QVERIFY(writeFile(root + u'/' + QString::fromUtf8(name), "revision = 'x'\n"));
    }
    // Emacs lock files are dangling symlinks.
    QVERIFY(QFile::link(u"user@host.1234:1700000000"_s, root + u"/.#a_one.py"_s));

    const QStringList flat = RevisionScanner::listRevisionFiles(root, false);
    QCOMPARE(relativeTo(root, flat),
             QStringList({u".hidden.py"_s, u"Z_upper.py"_s, u"a_one.py"_s, u"b_two.py"_s, u"\u00e9_accent.py"_s}));
    for (const QString &path : flat)
        QVERIFY2(QFileInfo(path).isAbsolute(), qPrintable(path));

    // Files of a folder first, then each subfolder (sorted, depth first), like Alembic's os.walk.
    QCOMPARE(relativeTo(root, RevisionScanner::listRevisionFiles(root, true)),
             QStringList({u".hidden.py"_s, u"Z_upper.py"_s, u"a_one.py"_s, u"b_two.py"_s, u"\u00e9_accent.py"_s,
                          u"Sub0/h.py"_s, u"dir.py/i.py"_s, u"sub1/e.py"_s, u"sub1/g.py"_s, u"sub1/deeper/f.py"_s,
                          u"sub2/d.py"_s}));

    QVERIFY(RevisionScanner::listRevisionFiles(root + u"/does-not-exist"_s, true).isEmpty());
}

void TestRevisionScanner::listRevisionFilesDoesNotFollowDirectorySymlinks()
{
    // os.walk does not follow symlinks to folders; a link back up must not loop.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(writeFile(root + u"/a.py"_s, revisionSource(u"a"_s, QString())));
    QVERIFY(writeFile(root + u"/sub/b.py"_s, revisionSource(u"b"_s, u"a"_s)));
    QVERIFY(QFile::link(u".."_s, root + u"/sub/up"_s));
    QVERIFY(QFile::link(root, root + u"/sub/again"_s));
    QVERIFY(QFile::link(u"sub"_s, root + u"/link"_s));

    QCOMPARE(relativeTo(root, RevisionScanner::listRevisionFiles(root, true)), QStringList({u"a.py"_s, u"sub/b.py"_s}));
    const RevisionScan scan = RevisionScanner::scanLocations({root}, true);
    QVERIFY2(scan.diagnostics.isEmpty(), qPrintable(messages(scan.diagnostics)));
    QCOMPARE(scan.revisions.size(), 2);
}

void TestRevisionScanner::scanLocationsMissingLocation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a1.py"_s), revisionSource(u"a1"_s, QString())));
    const QString missing = dir.filePath(u"nowhere"_s);
    const QString file = dir.filePath(u"a1.py"_s);

    const RevisionScan scan = RevisionScanner::scanLocations({missing, dir.path(), file}, false);
    QCOMPARE(describe(scan.diagnostics), u"warning@0 warning@0"_s);
    QCOMPARE(scan.diagnostics.at(0).path, missing);
    QCOMPARE(scan.diagnostics.at(1).path, file); // a file is not a version location either
    QCOMPARE(scan.revisions.size(), 1);
    QCOMPARE(scan.revisions.constFirst().id, u"a1"_s);
}

void TestRevisionScanner::scanLocationsReadsEachFileOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString versions = dir.filePath(u"versions"_s);
    QVERIFY(writeFile(versions + u"/a1.py"_s, revisionSource(u"a1"_s, QString())));
    QVERIFY(writeFile(versions + u"/b1.py"_s, revisionSource(u"b1"_s, u"a1"_s)));
    QVERIFY(writeFile(versions + u"/sub/c1.py"_s, revisionSource(u"c1"_s, u"b1"_s)));
    QVERIFY(QFile::link(versions, dir.filePath(u"alias"_s)));

    // The same folder through a symlink, through a non-canonical path, and a subfolder of a recursive location.
    const RevisionScan scan = RevisionScanner::scanLocations(
        {versions, dir.filePath(u"alias"_s), versions + u"/../versions"_s, versions + u"/sub"_s}, true);
    QStringList ids;
    for (const Revision &r : scan.revisions)
        ids.append(r.id);
    QCOMPARE(ids, QStringList({u"a1"_s, u"b1"_s, u"c1"_s}));
    QCOMPARE(scan.revisions.at(0).path, versions + u"/a1.py"_s);
    QCOMPARE(scan.diagnostics.size(), 7);
    for (const Diagnostic &d : scan.diagnostics) {
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);
        QVERIFY2(d.message.contains(u"twice"_s), qPrintable(d.message));
    }
    QCOMPARE(scan.diagnostics.constLast().path, versions + u"/sub/c1.py"_s);
}

void TestRevisionScanner::scanLocationsKeepsFileOrder()
{
    // Enough files for the scan to run on several threads; the result must still be in file order.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(u"first"_s);
    const QString second = dir.filePath(u"second"_s);
    QStringList expected;
    for (int i = 0; i < 150; ++i) {
        const QString id = u"r%1"_s.arg(i, 3, 10, QLatin1Char('0'));
        QVERIFY(writeFile((i < 100 ? first : second) + u'/' + id + u".py"_s,
                          revisionSource(id, i == 0 ? QString() : u"r%1"_s.arg(i - 1, 3, 10, QLatin1Char('0')))));
        expected.append(id);
    }
    QVERIFY(writeFile(first + u"/zz_broken.py"_s, "revision = 'broken\n"));

    const RevisionScan scan = RevisionScanner::scanLocations({first, second}, false);
    QStringList ids;
    for (const Revision &r : scan.revisions)
        ids.append(r.id);
    QCOMPARE(ids, expected);
    QCOMPARE(scan.revisions.at(42).downRevisions, QStringList({u"r041"_s}));
    QCOMPARE(scan.revisions.at(42).message, u"r042"_s);
    QCOMPARE(describe(scan.diagnostics), u"error@1"_s);
    QCOMPARE(scan.diagnostics.constFirst().path, first + u"/zz_broken.py"_s);
}

void TestRevisionScanner::scanLocationsDanglingSymlinks()
{
    // Two different dangling links are two unreadable files, not one file loaded twice.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"a1.py"_s), revisionSource(u"a1"_s, QString())));
    QVERIFY(QFile::link(dir.filePath(u"gone1"_s), dir.filePath(u"b1.py"_s)));
    QVERIFY(QFile::link(dir.filePath(u"gone2"_s), dir.filePath(u"c1.py"_s)));

    const RevisionScan scan = RevisionScanner::scanLocations({dir.path()}, false);
    QCOMPARE(scan.revisions.size(), 1);
    QCOMPARE(describe(scan.diagnostics), u"error@0 error@0"_s);
    QCOMPARE(scan.diagnostics.at(0).path, dir.filePath(u"b1.py"_s));
    QCOMPARE(scan.diagnostics.at(1).path, dir.filePath(u"c1.py"_s));
}

QTEST_GUILESS_MAIN(TestRevisionScanner)
#include "tst_revisionscanner.moc"
