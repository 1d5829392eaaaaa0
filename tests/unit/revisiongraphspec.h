#pragma once

// The compact form the revision graph tests write histories in. One revision per line, in load order:
//
//     id [down_revision ...] [~depends_on ...] [#branch_label ...]
//
// "c b1 b2 ~x #lib" is revision c merging b1 and b2, depending on x and labelled "lib"; a line
// with only an id is a base. revisiongraphfixtures.h holds named graphs in this form.

#include "revision.h"
#include "revisiongraph.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort::test {

/// Revisions from compact lines ("id down... ~dep... #label..."). Every revision gets a path
/// ("/fixtures/<id>.py") and a line (its position, 1-based) so exports have something to show.
inline QList<Revision> revisionsFromSpec(const QStringList &lines)
{
    QList<Revision> revisions;
    for (const QString &line : lines) {
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        Revision rev;
        rev.id = words.first();
        for (qsizetype i = 1; i < words.size(); ++i) {
            const QString &word = words.at(i);
            if (word.startsWith(u'~'))
                rev.dependsOn.append(word.mid(1));
            else if (word.startsWith(u'#'))
                rev.branchLabels.append(word.mid(1));
            else
                rev.downRevisions.append(word);
        }
        rev.path = QStringLiteral("/fixtures/%1.py").arg(rev.id);
        rev.line = int(revisions.size()) + 1;
        rev.downRevisionLine = rev.downRevisions.isEmpty() ? 0 : rev.line;
        revisions.append(rev);
    }
    return revisions;
}

inline RevisionGraph graphFromSpec(const QStringList &lines)
{
    return RevisionGraph::build(revisionsFromSpec(lines));
}

} // namespace retort::test
