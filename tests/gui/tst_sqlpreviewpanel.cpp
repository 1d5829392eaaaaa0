#include "sqlpreviewpanel.h"
#include "sqlview.h"
#include "translationloader.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>

using namespace retort;

namespace {

// stdout of `alembic upgrade 0c0b52f6f7f0:6f4c88afc42c --sql` in examples/demo
QString demoSql()
{
    QFile file(QStringLiteral(RETORT_FIXTURES_DIR "/sql/demo-upgrade-0c0b52f6f7f0-6f4c88afc42c.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

BridgeError threeFrameError()
{
    BridgeError error;
    error.type = QStringLiteral("CommandError");
    error.message = QStringLiteral("Can't locate revision identified by '<b>6f4c</b>' & friends");
    error.hint = QStringLiteral("Check the id, or run <i>alembic heads</i> to list the heads.");
    error.frames = {
        {QStringLiteral("/usr/lib/python3/dist-packages/alembic/command.py"), 385, QStringLiteral("upgrade")},
        {QStringLiteral("/home/ana/shop db/migrations/env.py"), 72, QStringLiteral("run_migrations_offline")},
        {QStringLiteral("/home/ana/shop db/migrations/versions/6f4c#books&co.py"), 17, QStringLiteral("upgrade")},
    };
    return error;
}

QWidget *currentPage(const SqlPreviewPanel &panel)
{
    return panel.findChild<QStackedWidget *>(QStringLiteral("sqlStack"))->currentWidget();
}

template <typename T> T *child(const SqlPreviewPanel &panel, const char *name)
{
    T *found = panel.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

/// The viewport point at the middle of the first occurrence of \a text in \a browser.
QPoint pointOf(QTextBrowser *browser, const QString &text)
{
    QTextCursor cursor = browser->document()->find(text);
    if (cursor.isNull())
        return {-1, -1};
    QTextCursor middle(cursor);
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) / 2);
    return browser->cursorRect(middle).center();
}

QStringList anchors(const QTextDocument *document)
{
    QStringList hrefs;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (!href.isEmpty() && !hrefs.contains(href))
                hrefs.append(href);
        }
    }
    return hrefs;
}

} // namespace

class TestSqlPreviewPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(!demoSql().isEmpty());
    }

    void startsEmpty()
    {
        SqlPreviewPanel panel;
        QCOMPARE(currentPage(panel), child<QLabel>(panel, "sqlEmptyLabel"));
        QVERIFY(child<QLabel>(panel, "sqlEmptyLabel")->text().contains(QStringLiteral("Select a revision")));
        QVERIFY(!child<QToolButton>(panel, "copySqlButton")->isEnabled());
        QVERIFY(!child<QToolButton>(panel, "saveSqlButton")->isEnabled());
        QCOMPARE(panel.direction(), QStringLiteral("up"));
        QCOMPARE(panel.mode(), QStringLiteral("env"));
        QCOMPARE(panel.dialect(), QStringLiteral("postgresql"));
        QVERIFY(panel.sql().isEmpty());
        QVERIFY(panel.revision().isEmpty());
    }

    void showsTheSqlWithItsStatementCount()
    {
        SqlPreviewPanel panel;
        panel.setRevision(QStringLiteral("6f4c88afc42c"),
                          QStringLiteral("create authors and books tables\n\nWith indexes."));
        auto *header = child<QLabel>(panel, "sqlHeader");
        QVERIFY(header->text().contains(QStringLiteral("6f4c88afc42c")));
        QVERIFY(header->text().contains(QStringLiteral("create authors and books tables")));
        QVERIFY(!header->text().contains(QStringLiteral("With indexes"))); // first line only; all in the tooltip
        QVERIFY(header->toolTip().contains(QStringLiteral("With indexes")));

        panel.setBusy();
        QCOMPARE(currentPage(panel)->objectName(), QStringLiteral("sqlBusyPage"));
        QVERIFY(!child<QToolButton>(panel, "copySqlButton")->isEnabled());

        const QString sql = demoSql();
        panel.setSql(sql, QStringLiteral("sqlite"));
        QCOMPARE(currentPage(panel), panel.sqlView()->parentWidget());
        QCOMPARE(panel.sql(), sql);
        QCOMPARE(panel.sqlView()->text(), sql);
        QCOMPARE(panel.sqlView()->statementCount(), 6);
        QCOMPARE(panel.statusText(), QStringLiteral("6 statement(s) · SQLite")); // English keeps the source text
        QVERIFY(child<QToolButton>(panel, "copySqlButton")->isEnabled());
        QVERIFY(child<QToolButton>(panel, "saveSqlButton")->isEnabled());

        panel.setSql(QStringLiteral("-- Running upgrade a -> b\n\nSELECT 1;\n"), QStringLiteral("postgresql"));
        QCOMPARE(panel.statusText(), QStringLiteral("1 statement(s) · PostgreSQL"));
        panel.setSql(QStringLiteral("SELECT 1; SELECT 2"), QStringLiteral("mssql"));
        QCOMPARE(panel.statusText(), QStringLiteral("2 statement(s) · mssql"));

        panel.clear();
        QCOMPARE(currentPage(panel), child<QLabel>(panel, "sqlEmptyLabel"));
        QVERIFY(panel.revision().isEmpty());
        QVERIFY(header->isHidden());
        QVERIFY(panel.sql().isEmpty());
    }

    void speaksGerman()
    {
        TranslationLoader loader;
        QCOMPARE(loader.load(QStringLiteral("de")), QStringLiteral("de"));
        SqlPreviewPanel panel;
        QCOMPARE(child<QToolButton>(panel, "copySqlButton")->text(), QStringLiteral("Kopieren"));
        QCOMPARE(child<QComboBox>(panel, "sqlModeCombo")->itemText(0), QStringLiteral("Über env.py"));
        panel.setSql(demoSql(), QStringLiteral("sqlite"));
        QCOMPARE(panel.statusText(), QStringLiteral("6 Anweisungen · SQLite"));
        panel.setSql(QStringLiteral("SELECT 1;"), QStringLiteral("postgresql"));
        QCOMPARE(panel.statusText(), QStringLiteral("1 Anweisung · PostgreSQL"));
    }

    void headerEscapesTheMessage()
    {
        SqlPreviewPanel panel;
        panel.setRevision(QStringLiteral("a<b"), QStringLiteral("<script>x</script> & <b>not bold</b>"));
        auto *header = child<QLabel>(panel, "sqlHeader");
        QVERIFY(header->text().contains(QStringLiteral("a&lt;b")));
        QVERIFY(header->text().contains(QStringLiteral("&lt;script&gt;x&lt;/script&gt; &amp; &lt;b&gt;not bold")));
        QVERIFY(!header->text().contains(QStringLiteral("<b>not")));
        QCOMPARE(panel.revision(), QStringLiteral("a<b"));
        panel.setRevision(QString(), QString());
        QVERIFY(panel.revision().isEmpty());
        QVERIFY(header->isHidden());
    }

    void userChangesEmitRequestChangedOnce()
    {
        SqlPreviewPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy spy(&panel, &SqlPreviewPanel::requestChanged);
        auto *down = child<QToolButton>(panel, "downgradeButton");
        auto *up = child<QToolButton>(panel, "upgradeButton");
        auto *mode = child<QComboBox>(panel, "sqlModeCombo");
        auto *dialect = child<QComboBox>(panel, "sqlDialectCombo");
        QVERIFY(dialect->isEnabled()); // env mode too: env.py sees the dialect as its URL
        QVERIFY(dialect->toolTip().contains(QStringLiteral("env.py")));

        QTest::mouseClick(down, Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(panel.direction(), QStringLiteral("down"));
        QVERIFY(down->isChecked() && !up->isChecked());
        QTest::mouseClick(down, Qt::LeftButton); // already down: no change
        QCOMPARE(spy.size(), 1);
        QTest::mouseClick(up, Qt::LeftButton);
        QCOMPARE(spy.size(), 2);
        QCOMPARE(panel.direction(), QStringLiteral("up"));

        mode->setFocus();
        QTest::keyClick(mode, Qt::Key_Down);
        QCOMPARE(spy.size(), 3);
        QCOMPARE(panel.mode(), QStringLiteral("direct"));
        QVERIFY(dialect->isEnabled());

        dialect->setFocus();
        QTest::keyClick(dialect, Qt::Key_Down);
        QCOMPARE(spy.size(), 4);
        QCOMPARE(panel.dialect(), QStringLiteral("sqlite"));

        QTest::keyClick(mode, Qt::Key_Up);
        QCOMPARE(spy.size(), 5);
        QCOMPARE(panel.mode(), QStringLiteral("env"));
        QVERIFY(dialect->isEnabled());
        QVERIFY(dialect->toolTip().contains(QStringLiteral("env.py")));
        QCOMPARE(panel.dialect(), QStringLiteral("sqlite"));
    }

    void settersDoNotEmit()
    {
        SqlPreviewPanel panel;
        QSignalSpy spy(&panel, &SqlPreviewPanel::requestChanged);
        panel.setDirection(QStringLiteral("down"));
        panel.setMode(QStringLiteral("direct"));
        panel.setDialect(QStringLiteral("mysql"));
        QCOMPARE(panel.direction(), QStringLiteral("down"));
        QCOMPARE(panel.mode(), QStringLiteral("direct"));
        QCOMPARE(panel.dialect(), QStringLiteral("mysql"));
        QVERIFY(child<QComboBox>(panel, "sqlDialectCombo")->isEnabled());
        panel.setDirection(QStringLiteral("sideways"));
        panel.setMode(QStringLiteral("magic"));
        panel.setDialect(QStringLiteral("oracle"));
        QCOMPARE(panel.direction(), QStringLiteral("down"));
        QCOMPARE(panel.mode(), QStringLiteral("direct"));
        QCOMPARE(panel.dialect(), QStringLiteral("mysql"));
        panel.setMode(QStringLiteral("env"));
        QVERIFY(child<QComboBox>(panel, "sqlDialectCombo")->toolTip().contains(QStringLiteral("env.py")));
        QCOMPARE(spy.size(), 0);
    }

    void copyPutsTheSqlOnTheClipboard()
    {
        SqlPreviewPanel panel;
        QApplication::clipboard()->setText(QStringLiteral("something else"));
        QTest::mouseClick(child<QToolButton>(panel, "copySqlButton"), Qt::LeftButton); // disabled: nothing
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("something else"));
        const QString sql = demoSql();
        panel.setSql(sql, QStringLiteral("sqlite"));
        QTest::mouseClick(child<QToolButton>(panel, "copySqlButton"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), sql);
    }

    void saveWritesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("upgrade.sql"));
        SqlPreviewPanel panel;
        QString suggested;
        panel.setSaveFileNameProvider([&](const QString &name) {
            suggested = name;
            return path;
        });
        panel.setRevision(QStringLiteral("6f4c88afc42c"), QStringLiteral("create tables"));
        const QString sql = demoSql() + QStringLiteral("-- Grüße ✓\n");
        panel.setSql(sql, QStringLiteral("sqlite"));
        QTest::mouseClick(child<QToolButton>(panel, "saveSqlButton"), Qt::LeftButton);
        QCOMPARE(suggested, QStringLiteral("6f4c88afc42c_upgrade.sql"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), sql.toUtf8());
        QVERIFY(panel.notificationText().contains(QStringLiteral("upgrade.sql")));

        panel.setDirection(QStringLiteral("down"));
        panel.setSaveFileNameProvider([&](const QString &name) {
            suggested = name;
            return QString(); // cancelled
        });
        QVERIFY(!panel.save());
        QCOMPARE(suggested, QStringLiteral("6f4c88afc42c_downgrade.sql"));
    }

    void saveFailureIsReportedAndTheSqlStays_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::newRow("missing folder") << QStringLiteral("no/such/folder/out.sql");
        QTest::newRow("a folder") << QStringLiteral("folder");
    }

    void saveFailureIsReportedAndTheSqlStays()
    {
        QFETCH(QString, relativePath);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder")));
        const QString path = dir.filePath(relativePath);
        SqlPreviewPanel panel;
        panel.setSaveFileNameProvider([&](const QString &) { return path; });
        const QString sql = demoSql();
        panel.setSql(sql, QStringLiteral("sqlite"));
        QVERIFY(panel.notificationText().isEmpty());
        QVERIFY(!panel.save());
        QVERIFY2(panel.notificationText().contains(QStringLiteral("Could not save")),
                 qPrintable(panel.notificationText()));
        QVERIFY(panel.notificationText().contains(QDir::toNativeSeparators(path)));
        QCOMPARE(panel.sql(), sql);
        QCOMPARE(panel.sqlView()->text(), sql);
        QCOMPARE(currentPage(panel), panel.sqlView()->parentWidget());
        QVERIFY(!QFileInfo(path).isFile());

        panel.setSql(sql, QStringLiteral("sqlite")); // new SQL: the old message goes
        QVERIFY(panel.notificationText().isEmpty());
    }

    void errorPageShowsTheErrorInPlainWords()
    {
        SqlPreviewPanel panel;
        panel.setSql(demoSql(), QStringLiteral("sqlite"));
        BridgeError error = threeFrameError();
        error.frames.append(
            {QStringLiteral("<frozen importlib._bootstrap>"), 241, QStringLiteral("_call_with_frames")});
        panel.setError(error);
        auto *browser = child<QTextBrowser>(panel, "sqlErrorBrowser");
        QCOMPARE(currentPage(panel), browser);
        QVERIFY(panel.sql().isEmpty());
        QVERIFY(!child<QToolButton>(panel, "copySqlButton")->isEnabled());
        const QString text = browser->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Alembic could not produce the SQL")), qPrintable(text));
        // HTML in the message and hint is shown, not interpreted
        QVERIFY2(
            text.contains(QStringLiteral("CommandError: Can't locate revision identified by '<b>6f4c</b>' & friends")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("run <i>alembic heads</i> to list")));
        QVERIFY(text.contains(QStringLiteral("/home/ana/shop db/migrations/env.py:72")));
        QVERIFY(text.contains(QStringLiteral("in run_migrations_offline")));
        QVERIFY(text.contains(QStringLiteral("<frozen importlib._bootstrap>:241")));
        QCOMPARE(anchors(browser->document()).size(), 3); // the frozen frame is no file

        panel.setError({QStringLiteral("Timeout"), QStringLiteral("no answer in 30 s"), {}, {}, {}});
        QVERIFY(browser->toPlainText().contains(QStringLiteral("Alembic took too long to answer.")));
        QVERIFY(!browser->toPlainText().contains(QStringLiteral("Timeout:")));
        QVERIFY(anchors(browser->document()).isEmpty());
    }

    void clickingAFrameOpensItsFile()
    {
        SqlPreviewPanel panel;
        panel.resize(700, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setError(threeFrameError());
        auto *browser = child<QTextBrowser>(panel, "sqlErrorBrowser");
        QSignalSpy spy(&panel, &SqlPreviewPanel::openFileRequested);

        // the keyboard reaches the links: Tab to the first, Return to open it
        browser->setFocus();
        QTest::keyClick(browser, Qt::Key_Tab);
        QTest::keyClick(browser, Qt::Key_Return);
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("/usr/lib/python3/dist-packages/alembic/command.py"));
        QCOMPARE(spy.at(0).at(1).toInt(), 385);

        // and the mouse
        const QPoint point = pointOf(browser, QStringLiteral("books&co.py:17"));
        QVERIFY(point.x() >= 0);
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, point);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("/home/ana/shop db/migrations/versions/6f4c#books&co.py"));
        QCOMPARE(spy.at(1).at(1).toInt(), 17);
    }

    /// Renders the panel for a look: RETORT_SQLPANEL_PNG_DIR=/tmp writes sqlpanel-sql.png,
    /// sqlpanel-error.png and sqlpanel-busy.png there.
    void render()
    {
        SqlPreviewPanel panel;
        panel.resize(440, 600);
        panel.setRevision(QStringLiteral("6f4c88afc42c"), QStringLiteral("create authors and books tables"));
        panel.setSql(demoSql(), QStringLiteral("sqlite"));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QImage sqlImage = panel.grab().toImage();
        QVERIFY(!sqlImage.isNull());
        // fits beside the editor
        QVERIFY2(panel.minimumSizeHint().width() <= 360, qPrintable(QString::number(panel.minimumSizeHint().width())));
        // nothing in the tool rows is squeezed below its size hint at this width
        for (const char *name : {"upgradeButton", "downgradeButton", "sqlModeCombo", "sqlDialectCombo", "copySqlButton",
                                 "saveSqlButton"}) {
            auto *widget = child<QWidget>(panel, name);
            QVERIFY2(widget->width() >= widget->sizeHint().width(), name);
        }
        panel.setError(threeFrameError());
        const QImage errorImage = panel.grab().toImage();
        panel.setBusy();
        const QImage busyImage = panel.grab().toImage();
        const QString dir = qEnvironmentVariable("RETORT_SQLPANEL_PNG_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(sqlImage.save(dir + QStringLiteral("/sqlpanel-sql.png")));
            QVERIFY(errorImage.save(dir + QStringLiteral("/sqlpanel-error.png")));
            QVERIFY(busyImage.save(dir + QStringLiteral("/sqlpanel-busy.png")));
        }
    }
};

QTEST_MAIN(TestSqlPreviewPanel)
#include "tst_sqlpreviewpanel.moc"
