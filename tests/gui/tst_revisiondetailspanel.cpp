#include "project.h"
#include "revisiondetailspanel.h"
#include "revisiongraphmodel.h"
#include "revisiongraphview.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

RevisionGraph demo()
{
    return Project::load(QStringLiteral(RETORT_EXAMPLES_DIR "/demo")).graph();
}

/// Where the link to \a hrefPart is shown, in the browser's viewport; invalid if it is not.
QPoint linkPosition(QTextBrowser *browser, const QString &hrefPart)
{
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isAnchor() && fragment.charFormat().anchorHref().contains(hrefPart)) {
                QTextCursor cursor(browser->document());
                cursor.setPosition(fragment.position() + std::min(1, fragment.length() - 1));
                browser->ensureCursorVisible();
                browser->setTextCursor(cursor);
                browser->ensureCursorVisible();
                return browser->cursorRect(cursor).center();
            }
        }
    }
    return {};
}

} // namespace

class TestRevisionDetailsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsTheRevision()
    {
        const RevisionGraph graph = demo();
        RevisionDetailsPanel panel;
        panel.setGraph(graph);
        QVERIFY(panel.plainText().contains(u"Select a revision"_s));
        const QString merge = u"414c25a99cca"_s;
        panel.setRevision(merge);
        QCOMPARE(panel.revision(), merge);
        const QString text = panel.plainText();
        const Revision *rev = graph.revision(merge);
        QVERIFY(text.contains(merge));
        QVERIFY(text.contains(u"merge reviews and shop branches"_s));
        for (const QString &parent : graph.parents(merge))
            QVERIFY2(text.contains(parent), qPrintable(parent));
        for (const QString &child : graph.children(merge))
            QVERIFY2(text.contains(child), qPrintable(child));
        QVERIFY(text.contains(rev->createDate));
        QVERIFY(text.contains(QFileInfo(rev->path).fileName() + u':' + QString::number(rev->line)));
        QVERIFY(text.contains(QDir::toNativeSeparators(QFileInfo(rev->path).path())));
        QVERIFY(text.contains(u"merge"_s));
    }

    void showsLabelsAndDependencies()
    {
        const RevisionGraph graph = demo();
        RevisionDetailsPanel panel;
        panel.setGraph(graph);
        QString withDependency;
        for (const Revision &r : graph.revisions())
            if (!graph.dependencies(r.id).isEmpty())
                withDependency = r.id;
        QVERIFY(!withDependency.isEmpty());
        panel.setRevision(withDependency);
        QVERIFY(panel.plainText().contains(u"Depends on"_s));
        QVERIFY(panel.plainText().contains(graph.dependencies(withDependency).first()));
        panel.setRevision(u"audit_0002"_s);
        QVERIFY(panel.plainText().contains(u"audit"_s));
        QVERIFY(panel.plainText().contains(u"Branch labels"_s));
        QVERIFY(panel.plainText().contains(u"head"_s));
    }

    void clickingLinksEmits()
    {
        const RevisionGraph graph = demo();
        RevisionDetailsPanel panel;
        panel.resize(500, 600);
        panel.setGraph(graph);
        const QString merge = u"414c25a99cca"_s;
        panel.setRevision(merge);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy revisionLink(&panel, &RevisionDetailsPanel::revisionLinkActivated);
        const QString parent = graph.parents(merge).first();
        const QPoint at = linkPosition(panel.browser(), u"revision:"_s + parent);
        QVERIFY(!at.isNull());
        QTest::mouseClick(panel.browser()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(revisionLink.count(), 1);
        QCOMPARE(revisionLink.at(0).at(0).toString(), parent);

        QSignalSpy file(&panel, &RevisionDetailsPanel::openFileRequested);
        const QPoint fileAt = linkPosition(panel.browser(), u"file:"_s);
        QVERIFY(!fileAt.isNull());
        QTest::mouseClick(panel.browser()->viewport(), Qt::LeftButton, {}, fileAt);
        QCOMPARE(file.count(), 1);
        QCOMPARE(file.at(0).at(0).toString(), graph.revision(merge)->path);
        QCOMPARE(file.at(0).at(1).toInt(), graph.revision(merge)->line);
        QVERIFY(file.at(0).at(1).toInt() > 0);
    }

    void viewAndDetailsWorkTogether()
    {
        // Selection drives the details; a parent link selects the parent in the view.
        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *view = new RevisionGraphView(&window);
        auto *details = new RevisionDetailsPanel(&window);
        layout->addWidget(view, 3);
        layout->addWidget(details, 2);
        connect(view, &RevisionGraphView::currentRevisionChanged, details, &RevisionDetailsPanel::setRevision);
        connect(details, &RevisionDetailsPanel::revisionLinkActivated, view, &RevisionGraphView::selectRevision);
        const RevisionGraph graph = demo();
        view->setGraph(graph);
        details->setGraph(graph);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QString merge = u"414c25a99cca"_s;
        const int row = view->graphModel()->rowOf(merge);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(row, RevisionGraphModel::MessageColumn)).center());
        QCOMPARE(view->currentRevision(), merge);
        QTRY_COMPARE(details->revision(), merge);
        const QString parent = graph.parents(merge).last();
        QTest::mouseClick(details->browser()->viewport(), Qt::LeftButton, {},
                          linkPosition(details->browser(), u"revision:"_s + parent));
        QCOMPARE(view->currentRevision(), parent);
        QTRY_COMPARE(details->revision(), parent);
        QVERIFY(details->plainText().contains(graph.revision(parent)->message.section(u'\n', 0, 0)));
        const QString dir = qEnvironmentVariable("RETORT_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            view->selectRevision(merge);
            QVERIFY(window.grab().save(QDir(dir).filePath(u"graph-and-details.png"_s)));
        }
    }

    void showsAMissingParent()
    {
        Revision a;
        a.id = u"a"_s;
        a.path = u"/v/a.py"_s;
        Revision c;
        c.id = u"c"_s;
        c.downRevisions = {u"zz"_s};
        c.path = u"/v/c.py"_s;
        c.downRevisionLine = 7;
        const RevisionGraph graph = RevisionGraph::build({a, c});
        RevisionDetailsPanel panel;
        panel.setGraph(graph);
        panel.setRevision(u"zz"_s);
        QVERIFY(panel.plainText().contains(u"missing"_s));
        QVERIFY(panel.plainText().contains(u"c"_s));
        QVERIFY(panel.plainText().contains(u"not present"_s)); // the graph's diagnostic
        panel.setRevision(u"c"_s);
        QVERIFY(panel.plainText().contains(u"Diagnostics"_s));
        QVERIFY(panel.plainText().contains(u"zz"_s));
        // A new graph without the revision clears the panel.
        panel.setGraph(RevisionGraph::build({a}));
        QCOMPARE(panel.revision(), QString());
    }
};

QTEST_MAIN(TestRevisionDetailsPanel)
#include "tst_revisiondetailspanel.moc"
