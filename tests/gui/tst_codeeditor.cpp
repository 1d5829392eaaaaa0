#include "codeeditor.h"
#include "findreplacebar.h"
#include "migrationeditor.h"

#include <Qsci/qscilexerpython.h>

#include <QFile>
#include <QHelpEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QVBoxLayout>

using namespace retort;

namespace {

QString numberedLines(int count)
{
    QString text;
    for (int line = 1; line <= count; ++line)
        text += QStringLiteral("line %1\n").arg(line);
    return text;
}

const QString kSource = QStringLiteral("from alembic import op\n"
                                       "\n"
                                       "revision = 'abc'\n"
                                       "down_revision = 'def'\n"
                                       "\n"
                                       "def upgrade():\n"
                                       "    op.add_column('users', Column('Name'))\n"
                                       "    op.drop_column('users', 'name')\n"
                                       "    op.rename_table('username', 'names')\n");

bool hasIndicator(const CodeEditor &editor, int indicator, int line)
{
    const long start = editor.SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, line - 1);
    const long end = editor.SendScintilla(QsciScintillaBase::SCI_GETLINEENDPOSITION, line - 1);
    for (long position = start; position < end; ++position) {
        if (editor.SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, indicator, position) != 0)
            return true;
    }
    return false;
}

} // namespace

class TestCodeEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void lineNumberMarginGrowsWithTheLineCount()
    {
        CodeEditor editor;
        editor.resize(600, 400);
        editor.setText(numberedLines(5));
        const int small = editor.marginWidth(CodeEditor::LineNumberMargin);
        QVERIFY(small > 0);
        editor.setText(numberedLines(12000));
        const int large = editor.marginWidth(CodeEditor::LineNumberMargin);
        QVERIFY2(large > small, qPrintable(QStringLiteral("%1 <= %2").arg(large).arg(small)));
        // wide enough for "12001" in the margin font
        QVERIFY(large >= QFontMetrics(editor.font()).horizontalAdvance(QStringLiteral("12001")));
    }

    void diagnosticsMarkTheirLines()
    {
        CodeEditor editor;
        editor.setText(kSource);
        Diagnostic error;
        error.line = 4;
        error.message = QStringLiteral("down_revision 'def' does not exist");
        Diagnostic warning;
        warning.severity = Diagnostic::Severity::Warning;
        warning.line = 7;
        warning.message = QStringLiteral("column name differs only in case");
        Diagnostic aboutTheFile; // line 0: not about a line, no marker
        aboutTheFile.message = QStringLiteral("whole file");
        editor.setDiagnostics({error, warning, aboutTheFile});

        QVERIFY(hasIndicator(editor, CodeEditor::ErrorIndicator, 4));
        QVERIFY(!hasIndicator(editor, CodeEditor::ErrorIndicator, 3));
        QVERIFY(!hasIndicator(editor, CodeEditor::ErrorIndicator, 5));
        QVERIFY(hasIndicator(editor, CodeEditor::WarningIndicator, 7));
        QVERIFY(!hasIndicator(editor, CodeEditor::ErrorIndicator, 7));
        QVERIFY(editor.markersAtLine(3) & (1u << CodeEditor::ErrorMarker));
        QVERIFY(editor.markersAtLine(6) & (1u << CodeEditor::WarningMarker));
        QCOMPARE(editor.markersAtLine(4), 0u);
        QCOMPARE(editor.diagnosticMessagesAt(4), QStringList{error.message});
        QCOMPARE(editor.diagnosticLines(Diagnostic::Severity::Error), QList<int>{4});

        // markers follow edits: a new line on top moves them down
        editor.insertAt(QStringLiteral("# comment\n"), 0, 0);
        QCOMPARE(editor.diagnosticLines(Diagnostic::Severity::Error), QList<int>{5});
        QCOMPARE(editor.diagnosticLines(Diagnostic::Severity::Warning), QList<int>{8});

        editor.clearDiagnostics();
        QVERIFY(editor.diagnosticLines(Diagnostic::Severity::Error).isEmpty());
        QVERIFY(!hasIndicator(editor, CodeEditor::ErrorIndicator, 5));
        QCOMPARE(editor.markersAtLine(4), 0u);
    }

    void diagnosticPastTheEndGoesOnTheLastLine()
    {
        CodeEditor editor;
        editor.setText(QStringLiteral("a = 1\nb = 2"));
        Diagnostic error;
        error.line = 40;
        error.message = QStringLiteral("stale line");
        editor.setDiagnostics({error});
        QCOMPARE(editor.diagnosticLines(Diagnostic::Severity::Error), QList<int>{2});
    }

    void diagnosticTooltip()
    {
        CodeEditor editor;
        editor.resize(600, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setText(kSource);
        Diagnostic error;
        error.line = 4;
        error.message = QStringLiteral("unknown down_revision");
        editor.setDiagnostics({error});

        const long position = editor.positionFromLineIndex(3, 3);
        const int x = int(editor.SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, position));
        const int y = int(editor.SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, position)) + 2;
        QHelpEvent onLine(QEvent::ToolTip, QPoint(x, y), editor.viewport()->mapToGlobal(QPoint(x, y)));
        QCoreApplication::sendEvent(editor.viewport(), &onLine);
        QTRY_COMPARE(QToolTip::text(), error.message);

        const long other = editor.positionFromLineIndex(0, 3);
        const int y0 = int(editor.SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, other)) + 2;
        QHelpEvent offLine(QEvent::ToolTip, QPoint(x, y0), editor.viewport()->mapToGlobal(QPoint(x, y0)));
        QCoreApplication::sendEvent(editor.viewport(), &offLine);
        QTRY_VERIFY(QToolTip::text().isEmpty() || !QToolTip::isVisible());
    }

    void findForwardBackwardAndWrap()
    {
        CodeEditor editor;
        editor.setText(kSource);
        editor.setCursorPosition(0, 0);
        const QString word = QStringLiteral("users");
        QVERIFY(editor.find(word, CodeEditor::NoFindFlags));
        int line = 0, index = 0;
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, 6);
        QCOMPARE(editor.selectedText(), word);
        QVERIFY(editor.find(word, CodeEditor::NoFindFlags));
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, 7);
        QVERIFY(editor.find(word, CodeEditor::NoFindFlags)); // wraps to the first
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, 6);
        QVERIFY(editor.find(word, CodeEditor::NoFindFlags, false)); // backwards wraps to the last
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, 7);
        QVERIFY(!editor.find(QStringLiteral("nowhere"), CodeEditor::NoFindFlags));
    }

    void findFlags_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("flags");
        QTest::addColumn<int>("matches");
        QTest::newRow("any case") << QStringLiteral("name") << int(CodeEditor::NoFindFlags) << 5; // Name name username rename names
        QTest::newRow("match case") << QStringLiteral("name") << int(CodeEditor::MatchCase) << 4;
        QTest::newRow("whole word") << QStringLiteral("name") << int(CodeEditor::WholeWord) << 2;
        QTest::newRow("case and word") << QStringLiteral("Name") << int(CodeEditor::MatchCase | CodeEditor::WholeWord) << 1;
        QTest::newRow("regex") << QStringLiteral("op\\.[a-z]+_column") << int(CodeEditor::RegularExpression) << 2;
        QTest::newRow("bad regex") << QStringLiteral("op\\.(") << int(CodeEditor::RegularExpression) << 0;
    }

    void findFlags()
    {
        QFETCH(QString, text);
        QFETCH(int, flags);
        QFETCH(int, matches);
        CodeEditor editor;
        editor.setText(kSource);
        QCOMPARE(editor.highlightMatches(text, CodeEditor::FindFlags(flags)), matches);
        QCOMPARE(editor.find(text, CodeEditor::FindFlags(flags)), matches > 0);
    }

    void replaceOneAndAll()
    {
        CodeEditor editor;
        editor.setText(kSource);
        editor.setCursorPosition(0, 0);
        // the first Replace only finds; the second replaces the selected match
        QVERIFY(!editor.replaceCurrent(QStringLiteral("users"), QStringLiteral("people"), CodeEditor::NoFindFlags));
        QCOMPARE(editor.selectedText(), QStringLiteral("users"));
        QVERIFY(editor.replaceCurrent(QStringLiteral("users"), QStringLiteral("people"), CodeEditor::NoFindFlags));
        QVERIFY(editor.text(6).contains(QStringLiteral("'people'")));
        QCOMPARE(editor.selectedText(), QStringLiteral("users")); // moved on to the next match
        int line = 0, index = 0;
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, 7);

        QCOMPARE(editor.replaceAll(QStringLiteral("op\\.([a-z]+)_"), QStringLiteral("ops.\\1__"),
                                   CodeEditor::RegularExpression),
                 3);
        QVERIFY(editor.text().contains(QStringLiteral("ops.add__column")));
        QVERIFY(editor.text().contains(QStringLiteral("ops.rename__table")));
        editor.undo(); // Replace All is one step
        QVERIFY(editor.text().contains(QStringLiteral("op.add_column('people'")));
        QVERIFY(!editor.text().contains(QStringLiteral("ops.")));
    }

    void goToLine()
    {
        CodeEditor editor;
        editor.resize(500, 200);
        editor.setText(numberedLines(300));
        editor.goToLine(250);
        QCOMPARE(editor.cursorLine(), 250);
        const long first = editor.SendScintilla(QsciScintillaBase::SCI_GETFIRSTVISIBLELINE);
        const long onScreen = editor.SendScintilla(QsciScintillaBase::SCI_LINESONSCREEN);
        QVERIFY(249 >= first && 249 < first + onScreen);
        editor.goToLine(0);
        QCOMPARE(editor.cursorLine(), 1);
        editor.goToLine(100000);
        QCOMPARE(editor.cursorLine(), editor.lines());
    }

    void findBarSearchesAsYouType()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *editor = new CodeEditor(&window);
        auto *bar = new FindReplaceBar(&window);
        layout->addWidget(editor);
        layout->addWidget(bar);
        bar->setEditor(editor);
        editor->setText(kSource);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        bar->showFind();
        QVERIFY(bar->isVisible());
        QVERIFY(!bar->isReplaceVisible());
        auto *field = bar->findChild<QLineEdit *>(QStringLiteral("findText"));
        QTest::keyClicks(field, QStringLiteral("drop"));
        QCOMPARE(editor->selectedText(), QStringLiteral("drop"));
        QCOMPARE(editor->cursorLine(), 8);
        QCOMPARE(bar->statusText(), QStringLiteral("1 match"));
        QTest::keyClicks(field, QStringLiteral("x"));
        QCOMPARE(bar->statusText(), QStringLiteral("No matches"));

        field->clear();
        QTest::keyClicks(field, QStringLiteral("users"));
        const int first = editor->cursorLine();
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(editor->cursorLine() != first);
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(editor->cursorLine(), first);

        bar->showReplace();
        QVERIFY(bar->isReplaceVisible());
        bar->setReplaceText(QStringLiteral("members"));
        QCOMPARE(bar->replaceAll(), 2);
        QVERIFY(!editor->text().contains(QStringLiteral("users")));

        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
    }

    void migrationEditorRoundTripsTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crlf.py"));
        const QByteArray original = "revision = 'x'\r\ndown_revision = None\r\n# caf\xc3\xa9\r\n";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(original);
        }
        MigrationEditor editor(path);
        QVERIFY(qobject_cast<QsciLexerPython *>(editor.lexer()));
        QString error;
        QVERIFY2(editor.load(&error), qPrintable(error));
        QVERIFY(!editor.isDirty());
        QVERIFY(editor.text().contains(QStringLiteral("caf\u00e9")));
        QVERIFY(editor.save(&error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), original);
    }

    void migrationEditorReportsAMissingFile()
    {
        QTemporaryDir dir;
        MigrationEditor editor(dir.filePath(QStringLiteral("missing.py")));
        editor.setText(QStringLiteral("kept"));
        QString error;
        QVERIFY(!editor.load(&error));
        QVERIFY2(error.contains(QStringLiteral("missing.py")), qPrintable(error));
        QCOMPARE(editor.text(), QStringLiteral("kept"));
    }
};

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
