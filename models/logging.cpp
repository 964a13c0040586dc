// Logging categories, one per layer.
#include "logging.h"

Q_LOGGING_CATEGORY(lcModels, "taskscope.models", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNetwork, "taskscope.network", QtWarningMsg)
