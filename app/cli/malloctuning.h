#pragma once

namespace retort::cli {

/// Tunes glibc's malloc for a process that reads a whole project once and exits (see the .cpp);
/// does nothing with another C library. Call first thing in main(), before any thread starts.
void tuneMallocForOneShotRun();

} // namespace retort::cli
