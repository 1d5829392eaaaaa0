#include "revisionfiltermodel.h"
#include "revisiongraphmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

Revision rev(const QString &id, const QStringList &down, const QString &message, const QStringList &labels = {})
{
    Revision r;
    r.id = id;
    r.downRevisions = down;
    r.branchLabels = labels;
    r.message = message;
    r.path = u"/versions/%1.py"_s.arg(id);
    return r;
}

/// ab12 <- ab34 <- cd56 (trunk); a1 (label audit) <- a2 (separate base); c9 names a missing parent zz.
RevisionGraph graph()
{
    return RevisionGraph::build({rev(u"ab12"_s, {}, u"create users table"_s),
                                 rev(u"ab34"_s, {u"ab12"_s}, u"add email to users"_s),
                                 rev(u"cd56"_s, {u"ab34"_s}, u"create orders\n\nLonger text about Invoices."_s),
                                 rev(u"a1"_s, {}, u"create audit log"_s, {u"audit"_s}),
                                 rev(u"a2"_s, {u"a1"_s}, u"add ip address"_s),
                                 rev(u"c9"_s, {u"zz"_s}, u"orphaned change"_s)});
}

QStringList visibleIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(RevisionGraphModel::RevisionIdRole).toString());
    ids.sort();
    return ids;
}

} // namespace

class TestRevisionFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        RevisionGraphModel source;
        RevisionFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&source);
        source.setGraph(graph());
        filter.setSearchText(u"ab"_s);
        filter.setHideNonMatching(true);
        QCOMPARE(filter.rowCount(), 3); // ab12, ab34, and cd56 ("about")
        filter.setSearchText(u"users"_s);
        source.setNewestOnTop(false);
        source.setCollapseThreshold(1);
        filter.setSearchText(QString());
        filter.setHideNonMatching(false);
        source.setGraph(RevisionGraph());
        QCOMPARE(filter.rowCount(), 0);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("fields");
        QTest::addColumn<QStringList>("expected");
        const int all = RevisionFilterModel::AllFields;
        QTest::newRow("id prefix") << u"ab"_s << int(RevisionFilterModel::IdField) << QStringList{u"ab12"_s, u"ab34"_s};
        QTest::newRow("id prefix, any case") << u"AB3"_s << all << QStringList{u"ab34"_s};
        QTest::newRow("id infix does not match") << u"b1"_s << int(RevisionFilterModel::IdField) << QStringList();
        QTest::newRow("message") << u"users"_s << all << QStringList{u"ab12"_s, u"ab34"_s};
        QTest::newRow("message body") << u"invoices"_s << all << QStringList{u"cd56"_s};
        QTest::newRow("message field off") << u"users"_s << int(RevisionFilterModel::IdField) << QStringList();
        QTest::newRow("label, propagated") << u"audit"_s << int(RevisionFilterModel::LabelField) << QStringList{u"a1"_s, u"a2"_s};
        QTest::newRow("ghost by id") << u"zz"_s << all << QStringList{u"zz"_s};
        QTest::newRow("nothing") << u"qqq"_s << all << QStringList();
        QTest::newRow("surrounding blanks") << u"  cd "_s << all << QStringList{u"cd56"_s};
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(int, fields);
        QFETCH(QStringList, expected);
        RevisionGraphModel source;
        source.setGraph(graph());
        RevisionFilterModel filter;
        filter.setSourceModel(&source);
        filter.setSearchFields(RevisionFilterModel::Fields(fields));
        QSignalSpy changed(&filter, &RevisionFilterModel::searchChanged);
        filter.setSearchText(text);
        QCOMPARE(changed.count(), 1);

        // Search alone marks rows and hides nothing.
        QCOMPARE(filter.rowCount(), source.rowCount());
        QStringList marked;
        for (int row = 0; row < filter.rowCount(); ++row)
            if (filter.index(row, 2).data(RevisionFilterModel::SearchMatchRole).toBool())
                marked.append(filter.index(row, 0).data(RevisionGraphModel::RevisionIdRole).toString());
        marked.sort();
        QCOMPARE(marked, expected);

        filter.setHideNonMatching(true);
        QVERIFY(filter.isFiltering());
        QCOMPARE(visibleIds(filter), expected);
        for (int row = 0; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row, 0).data(RevisionGraphModel::LayoutRowRole).value<LayoutRow>().segments.isEmpty());
    }

    void emptyTextShowsEverythingWithItsLines()
    {
        RevisionGraphModel source;
        source.setGraph(graph());
        RevisionFilterModel filter;
        filter.setSourceModel(&source);
        filter.setHideNonMatching(true);
        QVERIFY(!filter.isFiltering());
        QCOMPARE(filter.rowCount(), 7); // six revisions and the ghost
        const int ab34 = filter.mapFromSource(source.index(source.rowOf(u"ab34"_s), 0)).row();
        QVERIFY(!filter.index(ab34, 0).data(RevisionGraphModel::LayoutRowRole).value<LayoutRow>().segments.isEmpty());
        QCOMPARE(filter.index(ab34, 0).data(RevisionFilterModel::SearchMatchRole).toBool(), false);
    }

    void collapsedRunMatchesThroughItsMembers()
    {
        QList<Revision> revisions{rev(u"r0"_s, {}, u"start"_s)};
        for (int i = 1; i < 10; ++i)
            revisions.append(rev(u"r%1"_s.arg(i), {u"r%1"_s.arg(i - 1)}, u"step %1"_s.arg(i)));
        revisions[5].message = u"the needle"_s;
        RevisionGraphModel source;
        source.setGraph(RevisionGraph::build(revisions));
        source.setCollapseThreshold(3);
        RevisionFilterModel filter;
        filter.setSourceModel(&source);
        filter.setSearchText(u"needle"_s);
        filter.setHideNonMatching(true);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(RevisionGraphModel::RowKindRole).toInt(),
                 int(RevisionGraphModel::RowKind::CollapsedRun));
    }
};

QTEST_GUILESS_MAIN(TestRevisionFilterModel)
#include "tst_revisionfiltermodel.moc"
