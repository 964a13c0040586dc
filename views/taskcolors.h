// The colours of task states, derived from the palette so that they read in light and dark themes.
#pragma once

#include "task.h"

#include <QColor>
#include <QPalette>

namespace Taskscope::TaskColors {

// The accent of a state: red for failed, a neutral grey between base and text for cancelled, the
// palette's highlight for running; adjusted to stand out against the palette's base.
QColor accent(TaskState state, const QPalette &palette);

// A blend of `a` and `b`; `t` = 0 gives `a`.
QColor mix(const QColor &a, const QColor &b, double t);

// `color` over `background` as an opaque colour (PlaceholderText, and so NotStarted's accent, may be
// translucent).
QColor opaqueOn(const QColor &color, const QColor &background);

// WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white).
double contrast(const QColor &a, const QColor &b);

// True when the palette is dark (its base darker than its text).
bool isDark(const QPalette &palette);

} // namespace Taskscope::TaskColors
