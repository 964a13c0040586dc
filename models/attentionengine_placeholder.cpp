// Placeholder: AttentionEngine's destructor, which the models' moc output (its vtable) needs to link,
// until models/attentionengine.cpp (another branch) implements the engine. Delete this file then:
// models/CMakeLists.txt compiles it only while attentionengine.cpp is not among the sources.
#include "attention.h"

namespace Taskscope {

struct AttentionEngine::Private
{
};

AttentionEngine::~AttentionEngine() = default;

} // namespace Taskscope
