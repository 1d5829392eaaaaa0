// parseDurationMs: timeouts as people write them on the command line.
#include "durationtext.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

class TestDurationText : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("ms"); // -1: rejected
        QTest::newRow("bare is ms") << u"250"_s << 250;
        QTest::newRow("ms") << u"500ms"_s << 500;
        QTest::newRow("s") << u"5s"_s << 5000;
        QTest::newRow("fraction") << u"1.5s"_s << 1500;
        QTest::newRow("min") << u"2min"_s << 120000;
        QTest::newRow("h") << u"1h"_s << 3600000;
        QTest::newRow("spaces and case") << u" 3 S "_s << 3000;
        QTest::newRow("zero") << u"0"_s << 0;
        QTest::newRow("negative") << u"-5s"_s << -1;
        QTest::newRow("unknown unit") << u"5d"_s << -1;
        QTest::newRow("words") << u"soon"_s << -1;
        QTest::newRow("empty") << QString() << -1;
        QTest::newRow("too long") << u"1000h"_s << -1;
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(int, ms);
        const std::optional<int> parsed = parseDurationMs(text);
        QCOMPARE(parsed.value_or(-1), ms);
    }
};

QTEST_GUILESS_MAIN(TestDurationText)
#include "tst_durationtext.moc"
