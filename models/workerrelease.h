// releaseOnWorker(): lets go of a large value on a worker thread instead of the UI thread.
#pragma once

#include "backgroundpriority.h"

#include <QThreadPool>

#include <memory>
#include <type_traits>
#include <utility>

namespace Taskscope {

// Freeing a snapshot or a forest of 10,000 tasks is hundreds of thousands of blocks: 10-15 ms of
// the UI thread at every poll. Their data is implicitly shared with atomic counts, so a worker can
// drop this reference instead (it frees the data only when it was the last one).
template <typename T>
void releaseOnWorker(T &&value)
{
    if (!value)
        return;
    QThreadPool::globalInstance()->start(
        [old = std::make_shared<std::decay_t<T>>(std::forward<T>(value))]() mutable {
            yieldToTheUiThread();
            old.reset();
        });
}

} // namespace Taskscope
