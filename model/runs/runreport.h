#pragma once

#include "runrecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace retort {

/// A run from the journal as Markdown (for people) and JSON (for programs): who, where, when,
/// the revisions before and after, schema fingerprints, each step and statement with its
/// duration, errors with their traceback. A password that slipped into any text (a URL's
/// user:password@, password=...) is masked as "***".
class RunReport
{
public:
    static QString toMarkdown(const RunRecord &run);
    /// Stable key names; null where a value is unknown (a duration never measured).
    static QJsonObject toJsonObject(const RunRecord &run);
    /// toJsonObject() as indented UTF-8.
    static QByteArray toJson(const RunRecord &run);
    /// \a text with passwords masked.
    static QString redacted(const QString &text);
};

} // namespace retort
