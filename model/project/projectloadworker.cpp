#include "projectloadworker.h"

namespace retort {

void ProjectLoadWorker::load(const QString &path, quint64 request)
{
    emit loaded(path, Project::load(path), request);
}

} // namespace retort
