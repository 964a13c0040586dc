// Paint once, draw many times: laid-out texts and painted pictures, kept.
#include "paintcache.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPixmapCache>
#include <QStyle>

#include <memory>

namespace Taskscope {

void CellTextCache::draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment, Qt::LayoutDirection direction,
                         const QString &text, const QFont &font, Qt::TextElideMode elide)
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    Key key{text, rect.width(), int(elide)};
    Laid *laid = m_laid.object(key);
    if (!laid || laid->font != font) {
        const QFontMetrics metrics(font);
        auto fresh = std::make_unique<Laid>();
        fresh->font = font;
        fresh->text.setTextFormat(Qt::PlainText);
        fresh->text.setText(metrics.elidedText(text, elide, rect.width()));
        fresh->text.prepare(QTransform(), font);
        fresh->width = fresh->text.size().width();
        fresh->height = metrics.height();
        laid = fresh.get();
        m_laid.insert(std::move(key), fresh.release());
    }
    // Placed as QCommonStyle places an item's text: the line across the whole width, aligned
    // within it to the fraction of a pixel, and whole pixels vertically.
    const QRect line = QStyle::alignedRect(direction, alignment & Qt::AlignVertical_Mask,
                                           QSize(rect.width(), laid->height), rect);
    const Qt::Alignment horizontal = QStyle::visualAlignment(direction, alignment) & Qt::AlignHorizontal_Mask;
    qreal x = rect.left();
    if (horizontal & Qt::AlignRight)
        x += rect.width() - laid->width;
    else if (horizontal & Qt::AlignHCenter)
        x += (rect.width() - laid->width) / 2.0;
    painter->setFont(font); // the font it was laid out with: otherwise it is laid out again
    painter->drawStaticText(QPointF(x, line.top()), laid->text);
}

void drawCachedPixmap(QPainter *painter, const QRect &target, const QString &key,
                      const std::function<void(QPainter *)> &paint)
{
    if (target.isEmpty())
        return;
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QString fullKey = key + u'/' + QString::number(target.width()) + u'x' + QString::number(target.height())
                            + u'@' + QString::number(ratio);
    QPixmap pixmap;
    if (!QPixmapCache::find(fullKey, &pixmap)) {
        pixmap = QPixmap((QSizeF(target.size()) * ratio).toSize());
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter onPixmap(&pixmap);
        paint(&onPixmap);
        onPixmap.end();
        QPixmapCache::insert(fullKey, pixmap);
    }
    painter->drawPixmap(target.topLeft(), pixmap);
}

} // namespace Taskscope
