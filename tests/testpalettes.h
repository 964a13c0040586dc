// Palettes for painting tests: a dark one, and a light one whose placeholder text is translucent as Fusion's is.
#pragma once

#include <QPalette>

inline QPalette testPalette(bool dark)
{
    struct Role
    {
        QPalette::ColorRole role;
        QColor light;
        QColor dark;
    };
    const Role roles[] = {
        {QPalette::Window, QColor(239, 239, 239), QColor(40, 40, 44)},
        {QPalette::WindowText, QColor(0, 0, 0), QColor(228, 228, 228)},
        {QPalette::Base, QColor(255, 255, 255), QColor(30, 30, 30)},
        {QPalette::Text, QColor(0, 0, 0), QColor(230, 230, 230)},
        {QPalette::Button, QColor(239, 239, 239), QColor(50, 50, 54)},
        {QPalette::ButtonText, QColor(0, 0, 0), QColor(228, 228, 228)},
        {QPalette::Highlight, QColor(48, 140, 198), QColor(42, 130, 218)},
        {QPalette::HighlightedText, QColor(255, 255, 255), QColor(255, 255, 255)},
        {QPalette::PlaceholderText, QColor(0, 0, 0, 128), QColor(140, 140, 140)},
    };
    QPalette palette;
    for (const Role &r : roles)
        palette.setColor(r.role, dark ? r.dark : r.light);
    return palette;
}

inline QPalette darkPalette()
{
    return testPalette(true);
}
