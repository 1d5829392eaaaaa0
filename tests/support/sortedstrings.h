#pragma once

// Shared by the tests that compare lists whose order is not the point (tst_cligraph, tst_clirevision,
// the tst_revisiongraph_* tests).

#include <QStringList>

#include <algorithm>

namespace retort::test {

/// \a list in ascending order.
inline QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace retort::test
