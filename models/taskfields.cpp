// The API's task fields: what the table cannot say at compile time.
#include "taskfields.h"

namespace Taskscope::TaskFields {

// Each field's index is its enumerator, so that info(field) is an index.
static_assert([] {
    for (size_t i = 0; i < kAll.size(); ++i) {
        if (size_t(kAll[i].field) != i)
            return false;
    }
    return true;
}());

const QStringList &names()
{
    static const QStringList list = [] {
        QStringList out;
        out.reserve(TaskFieldCount);
        for (const TaskFieldInfo &f : kAll)
            out.append(f.latin1Name());
        return out;
    }();
    return list;
}

} // namespace Taskscope::TaskFields
