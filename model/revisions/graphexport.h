#pragma once

#include "revisiongraph.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace retort {

/// The revision graph in the formats `retort-cli graph` prints. The JSON shape is a stable
/// contract (documented in the README): other tools and the tests read it.
namespace GraphExport {

QJsonObject toJsonObject(const RevisionGraph &graph);
QByteArray toJson(const RevisionGraph &graph);
/// The same text as toJson(), handed to `write` in pieces as it is made (for large histories:
/// no copy of the whole document in memory).
void writeJson(const RevisionGraph &graph, const std::function<void(QByteArrayView)> &write);
/// Like `alembic history`: one line per revision, newest first, with markers.
QString toText(const RevisionGraph &graph);
/// Graphviz; depends_on edges dashed, missing parents as ghost nodes.
QString toDot(const RevisionGraph &graph);

QJsonObject diagnosticToJson(const Diagnostic &diagnostic);
QString diagnosticToText(const Diagnostic &diagnostic);

} // namespace GraphExport

} // namespace retort
