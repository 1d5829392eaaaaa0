#pragma once

#include "project.h"

#include <QObject>

namespace retort {

/// Lives on ProjectLoader's thread: loads a project per request and hands the value back.
class ProjectLoadWorker : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void load(const QString &path, quint64 request);

signals:
    void loaded(const QString &path, const retort::Project &project, quint64 request);
};

} // namespace retort
