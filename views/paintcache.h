// Paint once, draw many times: what a repaint of the tree's rows draws again and again (a cell's
// text, a progress bar, a state badge) is laid out or painted once and kept.
#pragma once

#include <QCache>
#include <QFont>
#include <QPixmap>
#include <QStaticText>

#include <functional>

class QPainter;

namespace Taskscope {

// Texts laid out for drawing, the most recently used few thousand.
class CellTextCache
{
public:
    // Draws `text` in `rect` with the painter's pen, elided to the width and aligned as asked.
    void draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment, Qt::LayoutDirection direction,
              const QString &text, const QFont &font, Qt::TextElideMode elide);
    int size() const { return int(m_laid.size()); }

private:
    struct Key
    {
        QString text;
        int width = 0;
        int elide = 0;
        friend bool operator==(const Key &a, const Key &b)
        {
            return a.width == b.width && a.elide == b.elide && a.text == b.text;
        }
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.text, key.width, key.elide); }
    };
    struct Laid
    {
        QFont font;
        QStaticText text;
        qreal width = 0;
        int height = 0;
    };
    QCache<Key, Laid> m_laid{4096};
};

// Draws at `target` what `paint` paints into a transparent rectangle of the target's size (from
// (0, 0)), painted once per `key` and kept in QPixmapCache. The key must name everything the
// picture depends on; the size and the device's pixel ratio are added to it here.
void drawCachedPixmap(QPainter *painter, const QRect &target, const QString &key,
                      const std::function<void(QPainter *)> &paint);

} // namespace Taskscope
