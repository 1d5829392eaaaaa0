#pragma once

#include <QString>

namespace retort {

/// What a rollback verification found: snapshot → upgrade → snapshot → downgrade → snapshot
/// (→ upgrade → snapshot, when asked). Kept with a RunRecord of Kind::Verify.
struct VerificationRecord
{
    QString fingerprintBefore;     ///< SchemaSnapshot::fingerprint() before the upgrade, hex
    QString fingerprintUpgraded;   ///< after the upgrade
    QString fingerprintDowngraded; ///< after the downgrade; a faithful rollback gives fingerprintBefore
    QString fingerprintReupgraded; ///< after upgrading again; empty when that was not asked for
    bool equal = false;            ///< the snapshots before the upgrade and after the downgrade are equal
    QString difference;            ///< SchemaDiff text, object by object; empty when equal

    bool operator==(const VerificationRecord &) const = default;
};

} // namespace retort
