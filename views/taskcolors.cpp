// The colours of task states, derived from the palette so that they read in light and dark themes.
#include "taskcolors.h"

#include <cmath>

namespace Taskscope::TaskColors {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < palette.color(QPalette::Text).lightnessF();
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    const double u = 1.0 - t;
    return QColor::fromRgbF(float(a.redF() * u + b.redF() * t), float(a.greenF() * u + b.greenF() * t),
                            float(a.blueF() * u + b.blueF() * t), float(a.alphaF() * u + b.alphaF() * t));
}

QColor accent(TaskState state, const QPalette &palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    // Keep the theme's saturation and brightness; change only the hue where a state has a meaning.
    const double saturation = qMax(0.55, double(highlight.hsvSaturationF()));
    const double value = isDark(palette) ? qMax(0.75, double(highlight.valueF())) : qMin(0.80, double(highlight.valueF()) + 0.1);
    switch (state) {
    case TaskState::Failed:
        return QColor::fromHsvF(0.0f, float(saturation), float(value));
    case TaskState::Cancelled:
    case TaskState::Cancelling:
        // Neutral: stopped on purpose is neither a success nor a failure, and a blue beside the running
        // tasks' highlight read as one more running bar. Stronger than NotStarted's placeholder grey.
        return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.7);
    case TaskState::Completed:
        return QColor::fromHsvF(130.0f / 360.0f, float(saturation * 0.8), float(value * 0.9));
    case TaskState::Paused:
    case TaskState::Pausing:
        return QColor::fromHsvF(38.0f / 360.0f, float(saturation), float(value));
    case TaskState::NotStarted:
    case TaskState::Unknown:
        return palette.color(QPalette::PlaceholderText);
    case TaskState::Running:
        break;
    }
    return highlight;
}

QColor opaqueOn(const QColor &color, const QColor &background)
{
    QColor solid = color;
    solid.setAlpha(255);
    return mix(background, solid, color.alphaF());
}

double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &color) {
        const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
    };
    const double la = luminance(a) + 0.05, lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

} // namespace Taskscope::TaskColors
