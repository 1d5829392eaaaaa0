#pragma once

#include "revisiongraph.h"

#include <QWidget>

class QTextBrowser;
class QUrl;

namespace retort {

/// Details of one revision: full id with its badges, message, parents, children, dependencies and
/// dependents as links, branch labels, create date, the file as a link, and the revision's
/// diagnostics. A missing down revision (a ghost in the graph) shows what names it and why.
class RevisionDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RevisionDetailsPanel(QWidget *parent = nullptr);

    /// Sets the history links resolve in; keeps the shown revision when the graph still knows it.
    void setGraph(const RevisionGraph &graph);
    const RevisionGraph &graph() const { return m_graph; }
    QString revision() const { return m_revision; }
    /// The panel's text as shown (tests, copy).
    QString plainText() const;
    QTextBrowser *browser() const { return m_browser; }

public slots:
    /// Shows \a revisionId (a revision, or a missing down revision); empty shows a hint.
    void setRevision(const QString &revisionId);

signals:
    /// A parent, child or dependency link was clicked.
    void revisionLinkActivated(const QString &revisionId);
    /// The file link (or a diagnostic's line) was clicked; \a line is 1-based, 0 when unknown.
    void openFileRequested(const QString &path, int line);

private:
    void render();
    void onAnchorClicked(const QUrl &url);
    QString revisionLinks(const QStringList &ids) const;

    QTextBrowser *m_browser;
    RevisionGraph m_graph;
    QString m_revision;
};

} // namespace retort
