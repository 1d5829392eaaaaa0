#pragma once

#include "runsteprecord.h"
#include "verificationrecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

/// One run as the journal keeps it: who ran what where, and each step with its statements.
/// Reports (Markdown, JSON) are rendered from this value, never from widget state.
struct RunRecord
{
    enum class Kind { Run, Verify };

    qint64 id = 0;                   ///< the journal's id; 0 before it is written
    Kind kind = Kind::Run;
    QString profile;                 ///< profile name ("Sandbox", "staging", a URL for the CLI)
    QString database;                ///< where, without password: "postgresql://app@db:5432/shop"
    QString environment;             ///< the profile's tag: local, dev, staging, production
    QString project;                 ///< the project's folder or alembic.ini
    QString user;                    ///< the operating-system user who started it
    QString host;                    ///< the machine it ran on
    QString target;                  ///< as the user wrote it: "head", "ae10+2", "base"
    bool upgrade = true;
    RunStatus status = RunStatus::Planned;
    QDateTime startedAt;             ///< UTC
    QDateTime finishedAt;            ///< UTC; invalid while it runs
    QStringList versionsBefore;      ///< alembic_version when it started
    QStringList versionsAfter;       ///< alembic_version when it ended (or as last read)
    QString fingerprintBefore;       ///< SchemaSnapshot::fingerprint(), hex; empty when not taken
    QString fingerprintAfter;
    int lockTimeoutMs = 0;           ///< 0: none
    int statementTimeoutMs = 0;
    QString error;                   ///< why it stopped, in words, when it did not succeed
    QList<RunStepRecord> steps;
    VerificationRecord verification; ///< Kind::Verify only

    bool operator==(const RunRecord &) const = default;
};

} // namespace retort
