#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace Taskscope {

MessageBanner::MessageBanner(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setAutoFillBackground(true); // the same colours as the error banner: a note, not the task list
    QPalette bannerPalette = palette();
    bannerPalette.setColor(QPalette::Window, bannerPalette.color(QPalette::ToolTipBase));
    bannerPalette.setColor(QPalette::WindowText, bannerPalette.color(QPalette::ToolTipText));
    setPalette(bannerPalette);
    const int side = fontMetrics().height();
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(side, side));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_dismiss);
    hide();
}

void MessageBanner::showMessage(const QString &text)
{
    m_text->setText(text);
    setVisible(!text.isEmpty());
}

QString MessageBanner::text() const
{
    return m_text->text();
}

} // namespace Taskscope
