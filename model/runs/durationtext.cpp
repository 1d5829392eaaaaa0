#include "durationtext.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace retort {

std::optional<int> parseDurationMs(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h)?\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString unit = match.captured(2).toLower();
    double factor = 1.0;
    if (unit == QLatin1String("s"))
        factor = 1000.0;
    else if (unit == QLatin1String("min"))
        factor = 60'000.0;
    else if (unit == QLatin1String("h"))
        factor = 3'600'000.0;
    const double ms = std::round(match.captured(1).toDouble() * factor);
    if (ms > double(std::numeric_limits<int>::max()))
        return std::nullopt;
    return int(ms);
}

} // namespace retort
