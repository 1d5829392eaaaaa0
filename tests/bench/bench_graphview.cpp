// Paint benchmark of the revision graph view: a 10,000-revision history built in memory (a trunk
// with side branches that merge back, an independent labelled base, a labelled branch that stays a
// head, depends_on links), shown in a 1000x700 RevisionGraphView.
//
//   bench_graphview [--revisions N] [--scrolls N]
//
// Prints the first paint (setGraph until the view has painted) and the median paint of one
// scrolled viewport, with their targets; exits 1 when a target is missed. Run offscreen.

#include "revisiongraph.h"
#include "revisiongraphmodel.h"
#include "revisiongraphview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <random>
#include <ctime>

using namespace retort;

namespace {

constexpr double firstPaintTargetMs = 1000;
constexpr double scrollPaintTargetMs = 16;

/// Counts paint events of a widget.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

QList<Revision> makeHistory(int count)
{
    std::mt19937 random(1);
    const auto between = [&random](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
    QList<Revision> revisions;
    revisions.reserve(count);
    int serial = 0;
    const auto add = [&](const QStringList &down, const QStringList &labels = {}, const QStringList &deps = {}) {
        Revision r;
        r.id = QStringLiteral("%1").arg(quint64(serial) * 2654435761u % 0xffffffffffffull, 12, 16, QLatin1Char('0'));
        ++serial;
        r.downRevisions = down;
        r.branchLabels = labels;
        r.dependsOn = deps;
        r.message = QStringLiteral("add column_%1 to table_%2").arg(serial).arg(serial % 97);
        r.createDate = QStringLiteral("2024-01-01 10:00:%1.000000").arg(serial % 60, 2, 10, QLatin1Char('0'));
        r.path = QStringLiteral("/project/migrations/versions/%1_step.py").arg(r.id);
        r.line = 14;
        revisions.append(r);
        return r.id;
    };
    QString trunk = add({});
    QString audit, reporting;
    int untilBranch = between(30, 50);
    while (revisions.size() < count) {
        if (audit.isEmpty() && revisions.size() > count / 5)
            audit = add({}, {QStringLiteral("audit")});
        else if (!audit.isEmpty() && between(0, 49) == 0)
            audit = add({audit});
        if (reporting.isEmpty() && revisions.size() > count * 55 / 100) {
            reporting = add({trunk}, {QStringLiteral("reporting")});
            for (int i = between(8, 20); i > 0; --i)
                reporting = add({reporting});
        }
        if (--untilBranch > 0) {
            const bool dependency = !audit.isEmpty() && between(0, 199) == 0;
            trunk = add({trunk}, {}, dependency ? QStringList{audit} : QStringList());
            continue;
        }
        // A branch point with one or two side branches growing interleaved with the trunk, then a merge.
        untilBranch = between(30, 50);
        QStringList sides(between(1, 2), trunk);
        const int steps = between(5, 15);
        for (int i = 0; i < steps; ++i) {
            for (QString &side : sides)
                side = add({side});
            if (between(0, 1))
                trunk = add({trunk});
        }
        trunk = add(QStringList{trunk} + sides);
    }
    revisions.resize(count);
    return revisions;
}

/// CPU time of this thread: what the paint cost, without the time other processes had the core.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min(values.size() - 1, qsizetype(values.size() * p)));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int count = 10000;
    int scrolls = 200;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QStringLiteral("--revisions"))
            count = args.at(i + 1).toInt();
        else if (args.at(i) == QStringLiteral("--scrolls"))
            scrolls = args.at(i + 1).toInt();
    }

    QElapsedTimer timer;
    timer.start();
    const QList<Revision> history = makeHistory(count);
    const RevisionGraph graph = RevisionGraph::build(history);
    const double buildMs = timer.nsecsElapsed() / 1e6;

    RevisionGraphView view;
    view.resize(1000, 700);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        std::fprintf(stderr, "bench_graphview: the view was never exposed\n");
        return 2;
    }
    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);

    // First paint: setGraph (history order, lane layout, model reset) until the viewport has painted.
    timer.restart();
    view.setGraph(graph);
    const QPixmap shot = view.grab();
    const double firstPaintMs = timer.nsecsElapsed() / 1e6;
    if (counter.paints == 0 || shot.isNull()) {
        std::fprintf(stderr, "bench_graphview: no paint observed\n");
        return 2;
    }

    // Scrolled viewport: jump a page (or to a random place) and repaint the viewport at once.
    QScrollBar *bar = view.verticalScrollBar();
    std::mt19937 random(7);
    QList<double> paints, cpu;
    for (int i = 0; i < scrolls; ++i) {
        const int value = i % 2 ? std::uniform_int_distribution<int>(0, bar->maximum())(random)
                                : std::min(bar->maximum(), bar->value() + bar->pageStep());
        bar->setValue(value >= bar->maximum() ? 0 : value);
        const int before = counter.paints;
        const double cpuBefore = threadCpuMs();
        timer.restart();
        view.viewport()->repaint();
        paints.append(timer.nsecsElapsed() / 1e6);
        cpu.append(threadCpuMs() - cpuBefore);
        if (counter.paints == before) {
            std::fprintf(stderr, "bench_graphview: repaint did not paint\n");
            return 2;
        }
    }
    const double scrollMs = median(paints);
    const int visibleRows = view.viewport()->height() / std::max(1, view.visualRect(view.model()->index(0, 0)).height());

    const bool firstOk = firstPaintMs < firstPaintTargetMs;
    const bool scrollOk = scrollMs < scrollPaintTargetMs;
    std::printf("bench_graphview: %d revisions, %d rows, %d lanes, 1000x700 view (~%d rows visible)\n", int(graph.size()),
                view.model()->rowCount(), view.graphModel()->laneCount(), visibleRows);
    std::printf("  graph build (in memory, not timed against a target): %8.1f ms\n", buildMs);
    std::printf("  first paint (setGraph -> painted):                    %8.1f ms   target < %.0f ms   %s\n",
                firstPaintMs, firstPaintTargetMs, firstOk ? "ok" : "MISSED");
    std::printf("  scrolled viewport paint, median of %3d:               %8.2f ms   target < %.0f ms   %s"
                "   (p90 %.2f ms, max %.2f ms)\n",
                int(paints.size()), scrollMs, scrollPaintTargetMs, scrollOk ? "ok" : "MISSED", percentile(paints, 0.9),
                percentile(paints, 1.0));
    std::printf("  (CPU time of the paint thread: median %.2f ms; wall times include waiting for a busy machine)\n",
                median(cpu));
    std::fflush(stdout);
    return firstOk && scrollOk ? 0 : 1;
}
