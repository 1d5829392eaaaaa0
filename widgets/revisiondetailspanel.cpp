#include "revisiondetailspanel.h"

#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QTextBrowser>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace retort {

namespace {

const QString revisionScheme = QStringLiteral("revision");

QString badge(const QString &text, const QString &color)
{
    return QStringLiteral("<span style=\"background-color:%1; color:#ffffff; font-weight:bold;\">&nbsp;%2&nbsp;</span> ")
        .arg(color, text.toHtmlEscaped());
}

QString fileLink(const QString &path, int line)
{
    QUrl url = QUrl::fromLocalFile(path);
    if (line > 0)
        url.setQuery(QStringLiteral("line=%1").arg(line));
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

RevisionDetailsPanel::RevisionDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    m_browser->setObjectName(QStringLiteral("revisionDetailsBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &RevisionDetailsPanel::onAnchorClicked);
    render();
}

void RevisionDetailsPanel::setGraph(const RevisionGraph &graph)
{
    m_graph = graph;
    if (!m_graph.contains(m_revision)) {
        bool named = false; // a missing down revision stays shown while something names it
        for (const Revision &r : m_graph.revisions())
            named = named || r.downRevisions.contains(m_revision);
        if (!named)
            m_revision.clear();
    }
    render();
}

void RevisionDetailsPanel::setRevision(const QString &revisionId)
{
    m_revision = revisionId;
    render();
}

QString RevisionDetailsPanel::plainText() const
{
    return m_browser->toPlainText();
}

QString RevisionDetailsPanel::revisionLinks(const QStringList &ids) const
{
    if (ids.isEmpty())
        return QStringLiteral("<span style=\"color:%1\">%2</span>")
            .arg(palette().color(QPalette::PlaceholderText).name(), tr("none"));
    QStringList links;
    for (const QString &id : ids) {
        QUrl url;
        url.setScheme(revisionScheme);
        url.setPath(id);
        const Revision *rev = m_graph.revision(id);
        QString link = QStringLiteral("<a href=\"%1\"><code>%2</code></a>")
                           .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), id.toHtmlEscaped());
        if (rev && !rev->message.isEmpty())
            link += QStringLiteral(" %1").arg(rev->message.section(u'\n', 0, 0).toHtmlEscaped());
        else if (!rev)
            link += QStringLiteral(" <i>(%1)</i>").arg(tr("missing"));
        links.append(link);
    }
    return links.join(QStringLiteral("<br>"));
}

void RevisionDetailsPanel::render()
{
    const Revision *rev = m_graph.revision(m_revision);
    if (m_revision.isEmpty()) {
        m_browser->setHtml(QStringLiteral("<p style=\"color:%1\">%2</p>")
                               .arg(palette().color(QPalette::PlaceholderText).name(),
                                    tr("Select a revision to see its details.")));
        return;
    }
    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family().toHtmlEscaped();
    QString html;
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td style=\"padding-right:10px; vertical-align:top\"><b>%1</b></td>"
                               "<td style=\"vertical-align:top\">%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value);
    };

    if (!rev) {
        // A down revision that names nothing: show who names it.
        QStringList children;
        for (const Revision &r : m_graph.revisions())
            if (r.downRevisions.contains(m_revision))
                children.append(r.id);
        html += QStringLiteral("<p><span style=\"font-family:'%1'; font-size:large; font-weight:bold\">%2</span> %3</p>")
                    .arg(mono, m_revision.toHtmlEscaped(), badge(tr("missing"), QStringLiteral("#c62828")));
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("No revision file defines this id, but %n revision(s) name it as down_revision.", nullptr,
                            int(children.size()))
                             .toHtmlEscaped());
        html += QStringLiteral("<table>");
        row(tr("Children"), revisionLinks(children));
        html += QStringLiteral("</table>");
        QStringList problems;
        for (const Diagnostic &d : m_graph.diagnostics())
            if (children.contains(d.revision) && d.message.contains(m_revision))
                problems.append(QStringLiteral("<li><a href=\"%1\">%2</a></li>")
                                    .arg(fileLink(d.path, d.line).toHtmlEscaped(), d.message.toHtmlEscaped()));
        if (!problems.isEmpty())
            html += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>").arg(tr("Diagnostics"), problems.join(QString()));
        m_browser->setHtml(html);
        return;
    }

    QString badges;
    if (m_graph.isHead(m_revision))
        badges += badge(tr("head"), QStringLiteral("#2e7d32"));
    if (m_graph.isMergePoint(m_revision))
        badges += badge(tr("merge"), QStringLiteral("#6a1b9a"));
    if (m_graph.isBranchPoint(m_revision))
        badges += badge(tr("branch point"), QStringLiteral("#b34d00"));
    if (m_graph.isBase(m_revision))
        badges += badge(tr("base"), QStringLiteral("#455a64"));
    html += QStringLiteral("<p><span style=\"font-family:'%1'; font-size:large; font-weight:bold\">%2</span> %3</p>")
                .arg(mono, m_revision.toHtmlEscaped(), badges);
    QStringList paragraphs;
    for (const QString &p : rev->message.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        paragraphs.append(p.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    html += paragraphs.isEmpty() ? QStringLiteral("<p><i>%1</i></p>").arg(tr("(no message)"))
                                 : QStringLiteral("<p>%1</p>").arg(paragraphs.join(QStringLiteral("</p><p>")));

    html += QStringLiteral("<table cellspacing=\"3\">");
    row(tr("Parents"), revisionLinks(m_graph.parents(m_revision) + m_graph.missingParents(m_revision)));
    row(tr("Children"), revisionLinks(m_graph.children(m_revision)));
    const QStringList dependencies = m_graph.dependencies(m_revision);
    const QStringList dependents = m_graph.dependents(m_revision);
    if (!dependencies.isEmpty() || !rev->dependsOn.isEmpty())
        row(tr("Depends on"), revisionLinks(dependencies));
    if (!dependents.isEmpty())
        row(tr("Required by"), revisionLinks(dependents));
    const QStringList labels = m_graph.branchLabels(m_revision);
    if (!labels.isEmpty()) {
        QStringList shown;
        for (const QString &label : labels) {
            const bool own = rev->branchLabels.contains(label);
            shown.append(own ? QStringLiteral("<b>%1</b>").arg(label.toHtmlEscaped())
                             : QStringLiteral("%1 <i>(%2)</i>").arg(label.toHtmlEscaped(), tr("inherited")));
        }
        row(tr("Branch labels"), shown.join(QStringLiteral(", ")));
    }
    row(tr("Created"), rev->createDate.isEmpty() ? tr("unknown") : rev->createDate.toHtmlEscaped());
    const QFileInfo file(rev->path);
    row(tr("File"), QStringLiteral("<a href=\"%1\">%2</a><br><span style=\"color:%3\">%4</span>")
                        .arg(fileLink(rev->path, rev->line).toHtmlEscaped(),
                             QStringLiteral("%1:%2").arg(file.fileName()).arg(rev->line).toHtmlEscaped(),
                             palette().color(QPalette::PlaceholderText).name(),
                             QDir::toNativeSeparators(file.path()).toHtmlEscaped()));
    html += QStringLiteral("</table>");

    QStringList problems;
    for (const Diagnostic &d : m_graph.diagnostics()) {
        if (d.revision != m_revision)
            continue;
        const QString color = d.severity == Diagnostic::Severity::Error     ? QStringLiteral("#c62828")
                              : d.severity == Diagnostic::Severity::Warning ? QStringLiteral("#b34d00")
                                                                            : QStringLiteral("#455a64");
        problems.append(QStringLiteral("<li><span style=\"color:%1\"><b>%2</b></span> <a href=\"%3\">%4</a></li>")
                            .arg(color, Diagnostic::severityName(d.severity).toHtmlEscaped(),
                                 fileLink(d.path, d.line).toHtmlEscaped(), d.message.toHtmlEscaped()));
    }
    if (!problems.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>").arg(tr("Diagnostics"), problems.join(QString()));
    m_browser->setHtml(html);
}

void RevisionDetailsPanel::onAnchorClicked(const QUrl &url)
{
    if (url.scheme() == revisionScheme) {
        emit revisionLinkActivated(url.path());
    } else if (url.isLocalFile()) {
        const int line = QUrlQuery(url).queryItemValue(QStringLiteral("line")).toInt();
        emit openFileRequested(url.toLocalFile(), line);
    }
}

} // namespace retort
