#include "findreplacebar.h"
#include "sqlview.h"

#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>
#include <QVBoxLayout>
#include <Qsci/qscilexersql.h>

using namespace retort;

namespace {

// `alembic upgrade --sql` of examples/demo (SQLite), shortened; statements start on lines 3, 9, 11, 13.
const QString kSql = QStringLiteral("-- Running upgrade 0c0b52f6f7f0 -> 6f4c88afc42c\n"
                                    "\n"
                                    "CREATE TABLE authors (\n"
                                    "    id INTEGER NOT NULL, \n"
                                    "    name VARCHAR(200) NOT NULL, \n"
                                    "    CONSTRAINT pk_authors PRIMARY KEY (id)\n"
                                    ");\n"
                                    "\n"
                                    "CREATE INDEX ix_authors_name ON authors (name);\n"
                                    "\n"
                                    "INSERT INTO authors (name) VALUES ('Gödel; Escher');\n"
                                    "\n"
                                    "UPDATE alembic_version SET version_num='6f4c88afc42c' "
                                    "WHERE alembic_version.version_num = '0c0b52f6f7f0';\n"
                                    "\n");

QString marginText(const SqlView &view, int line)
{
    const long length =
        view.SendScintilla(QsciScintillaBase::SCI_MARGINGETTEXT, line - 1, static_cast<void *>(nullptr));
    if (length <= 0)
        return {};
    QByteArray buffer(length + 1, '\0');
    view.SendScintilla(QsciScintillaBase::SCI_MARGINGETTEXT, line - 1, buffer.data());
    return QString::fromUtf8(buffer.constData(), length);
}

/// Line -> margin text, for every line that has one.
QMap<int, QString> marginTexts(const SqlView &view)
{
    QMap<int, QString> texts;
    for (int line = 1; line <= view.lines(); ++line) {
        const QString text = marginText(view, line);
        if (!text.isEmpty())
            texts.insert(line, text);
    }
    return texts;
}

} // namespace

class TestSqlView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void statementNumbersLandOnTheFirstLineOfEachStatement()
    {
        SqlView view;
        QVERIFY(qobject_cast<QsciLexerSQL *>(view.lexer()));
        QCOMPARE(view.marginWidth(SqlView::StatementMargin), 0);
        view.setSql(kSql, QStringLiteral("sqlite"));
        QCOMPARE(view.text(), kSql);
        QCOMPARE(view.sql(), kSql);
        QCOMPARE(view.statementCount(), 4);
        const QMap<int, QString> expected{
            {3, QStringLiteral("1")}, {9, QStringLiteral("2")}, {11, QStringLiteral("3")}, {13, QStringLiteral("4")}};
        QCOMPARE(marginTexts(view), expected);
        QCOMPARE(view.statementNumberAt(9), 2);
        QCOMPARE(view.statementNumberAt(1), 0); // the comment is no statement
        QCOMPARE(view.statementNumberAt(4), 0); // inside statement 1
        QCOMPARE(view.statementText(3), QStringLiteral("INSERT INTO authors (name) VALUES ('Gödel; Escher');"));
        QVERIFY(view.statementText(5).isEmpty());
        QVERIFY(view.marginWidth(SqlView::StatementMargin) > 0);
        QVERIFY(view.marginWidth(SqlView::LineNumberMargin) > 0); // line numbers stay

        // more statements: the margin grows; new text replaces the old numbers
        QString many;
        for (int i = 1; i <= 120; ++i)
            many += QStringLiteral("SELECT %1;\n").arg(i);
        const int narrow = view.marginWidth(SqlView::StatementMargin);
        view.setSql(many, QStringLiteral("postgresql"));
        QCOMPARE(view.statementCount(), 120);
        QCOMPARE(marginText(view, 120), QStringLiteral("120"));
        QCOMPARE(marginText(view, 9), QStringLiteral("9"));
        QVERIFY(view.marginWidth(SqlView::StatementMargin) > narrow);

        view.setSql(QStringLiteral("-- nothing to do\n"), QStringLiteral("postgresql"));
        QCOMPARE(view.statementCount(), 0);
        QVERIFY(marginTexts(view).isEmpty());
        QCOMPARE(view.marginWidth(SqlView::StatementMargin), 0);
    }

    void statementsSharingALineShareANumberRange()
    {
        SqlView view;
        view.setSql(QStringLiteral("BEGIN;\nSELECT 1; SELECT 2; SELECT 3;\nCOMMIT;"), QStringLiteral("sqlite"));
        QCOMPARE(view.statementCount(), 5);
        const QMap<int, QString> expected{
            {1, QStringLiteral("1")}, {2, QStringLiteral("2–4")}, {3, QStringLiteral("5")}};
        QCOMPARE(marginTexts(view), expected);
    }

    void isReadOnly()
    {
        SqlView view;
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSql(kSql, QStringLiteral("sqlite"));
        QVERIFY(view.isReadOnly());
        view.setFocus();
        view.setCursorPosition(2, 0);
        QTest::keyClicks(&view, QStringLiteral("DROP "));
        QTest::keyClick(&view, Qt::Key_Delete);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(view.text(), kSql);
        QCOMPARE(view.replaceAll(QStringLiteral("authors"), QStringLiteral("writers"), CodeEditor::NoFindFlags), 0);
        QCOMPARE(view.text(), kSql);
        QVERIFY(!view.isUndoAvailable()); // loading is not an undoable edit
        QVERIFY(!view.isModified());
    }

    void goToStatementSelectsIt()
    {
        SqlView view;
        view.resize(500, 120);
        view.setSql(kSql, QStringLiteral("sqlite"));
        view.goToStatement(3);
        QCOMPARE(view.cursorLine(), 11);
        QCOMPARE(view.selectedText(), view.statementText(3)); // non-ASCII: UTF-8 positions right
        view.goToStatement(99);                               // clamped to the last
        QCOMPARE(view.cursorLine(), 13);
        QCOMPARE(view.selectedText(), view.statementText(4));
        view.goToStatement(0);
        QCOMPARE(view.cursorLine(), 3);
    }

    void clickingANumberSelectsItsStatement()
    {
        SqlView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSql(kSql, QStringLiteral("sqlite"));
        int x = 0;
        for (int margin = 0; margin < SqlView::StatementMargin; ++margin)
            x += view.marginWidth(margin);
        x += view.marginWidth(SqlView::StatementMargin) / 2;
        const long position = view.SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, 8); // line 9
        const int y = int(view.SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, position)) + 3;
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(x, y));
        QTRY_COMPARE(view.selectedText(), view.statementText(2));
        QCOMPARE(view.cursorLine(), 9);
    }

    void findBarAndGoToLineWork()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *view = new SqlView(&window);
        auto *bar = new FindReplaceBar(&window);
        layout->addWidget(view);
        layout->addWidget(bar);
        bar->setEditor(view);
        view->setSql(kSql, QStringLiteral("sqlite"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        bar->showFind();
        QTest::keyClicks(bar->findChild<QLineEdit *>(QStringLiteral("findText")), QStringLiteral("ix_authors"));
        QCOMPARE(view->selectedText(), QStringLiteral("ix_authors"));
        QCOMPARE(view->cursorLine(), 9);
        QCOMPARE(bar->statusText(), QStringLiteral("1 match"));
        view->goToLine(13);
        QCOMPARE(view->cursorLine(), 13);
    }
};

QTEST_MAIN(TestSqlView)
#include "tst_sqlview.moc"
