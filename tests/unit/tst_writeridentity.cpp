// WriterIdentity: which writers of a run are still alive — this process's open instances, other
// live processes — and which are gone (a reaped child, another host or boot, a reused pid).
#include "writeridentity.h"

#include <QFile>
#include <QTest>
#include <sys/wait.h>
#include <unistd.h>

using namespace retort;
using namespace Qt::StringLiterals;

class TestWriterIdentity : public QObject
{
    Q_OBJECT

private slots:
    void describesThisProcess()
    {
        const WriterIdentity self = WriterIdentity::current(u"t"_s);
        QCOMPARE(self.pid, qint64(::getpid()));
        QVERIFY(!self.host.isEmpty());
        QVERIFY(self.startTicks > 0); // Linux: from /proc/self/stat
        QVERIFY(!self.bootId.isEmpty());
        QCOMPARE(self.token, u"t"_s);
        QCOMPARE(self.describe(), u"pid %1 on %2"_s.arg(self.pid).arg(self.host));
    }

    void aliveWhileItsInstanceIsOpen()
    {
        const WriterIdentity self = WriterIdentity::current(u"instance-1"_s);
        QVERIFY(!self.isAlive());
        WriterIdentity::setInstanceAlive(self.token, true);
        QVERIFY(self.isAlive());
        WriterIdentity other = self;
        other.token = u"instance-2"_s;
        QVERIFY(!other.isAlive());
        WriterIdentity::setInstanceAlive(self.token, false);
        QVERIFY(!self.isAlive());
    }

    void judgesOtherProcesses_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<bool>("alive");
        QTest::newRow("the parent process") << 0 << true;
        QTest::newRow("the same pid, started at another time") << 1 << false;
        QTest::newRow("another host") << 2 << false;
        QTest::newRow("another boot") << 3 << false;
        QTest::newRow("a child that has exited") << 4 << false;
    }

    void judgesOtherProcesses()
    {
        QFETCH(int, change);
        QFETCH(bool, alive);
        // The parent (ctest or a shell) is alive and not this process.
        WriterIdentity writer = WriterIdentity::current(u"x"_s);
        writer.pid = ::getppid();
        {
            // Its start time: field 22 of /proc/<pid>/stat, the 20th after the command's ')'.
            QFile stat(u"/proc/%1/stat"_s.arg(writer.pid));
            QVERIFY(stat.open(QIODevice::ReadOnly));
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 1).simplified().split(' ');
            writer.startTicks = fields.at(19).toLongLong();
        }
        switch (change) {
        case 1:
            writer.startTicks += 1;
            break;
        case 2:
            writer.host += u".elsewhere"_s;
            break;
        case 3:
            writer.bootId = u"00000000-0000-0000-0000-000000000000"_s;
            break;
        case 4: {
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0)
                ::_exit(0);
            QCOMPARE(::waitpid(child, nullptr, 0), child);
            writer.pid = child;
            break;
        }
        default:
            break;
        }
        QCOMPARE(writer.isAlive(), alive);
    }
};

QTEST_GUILESS_MAIN(TestWriterIdentity)
#include "tst_writeridentity.moc"
