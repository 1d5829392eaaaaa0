#include "runstatus.h"

#include <array>
#include <utility>

namespace retort {

namespace {

constexpr std::array<std::pair<RunStatus, const char *>, 7> kNames{{
    {RunStatus::Planned, "planned"},
    {RunStatus::Running, "running"},
    {RunStatus::Paused, "paused"},
    {RunStatus::Succeeded, "succeeded"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Cancelled, "cancelled"},
    {RunStatus::Interrupted, "interrupted"},
}};

} // namespace

QString statusName(RunStatus status)
{
    for (const auto &[value, name] : kNames)
        if (value == status)
            return QString::fromLatin1(name);
    return QStringLiteral("interrupted");
}

RunStatus statusFromName(const QString &name)
{
    for (const auto &[value, text] : kNames)
        if (name == QLatin1String(text))
            return value;
    return RunStatus::Interrupted;
}

bool isFinal(RunStatus status)
{
    return status == RunStatus::Succeeded || status == RunStatus::Failed || status == RunStatus::Cancelled
        || status == RunStatus::Interrupted;
}

} // namespace retort
