// yieldToTheUiThread(): worker threads give way to the UI thread when they compete for a core.
#pragma once

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <algorithm>
#include <cerrno>
#include <sys/resource.h>
#endif

namespace Taskscope {

// Parsing, diffing and freeing a poll run on pool threads while the UI thread paints and answers
// input; on a machine with two cores they took it turns with the UI thread, which then waited
// several milliseconds for a core. The calling thread's nice value is raised by 5 (Linux keeps a
// nice value per thread; raising one's own needs no privilege), once per thread. Elsewhere this does
// nothing.
inline void yieldToTheUiThread()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, 0); // 0: the calling thread, on Linux
    if (errno == 0)
        setpriority(PRIO_PROCESS, 0, std::min(nice + 5, 19));
#endif
}

// For a thread whose work may wait (the history's writes): the lowest nice value, 19. It still runs
// on a busy machine (the scheduler gives it a small share), never ahead of the UI or the polls.
inline void runAtLowestPriority()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, 0, 19); // 0: the calling thread, on Linux
#endif
}

} // namespace Taskscope
