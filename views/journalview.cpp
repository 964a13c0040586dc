// JournalView: a flat tree view over the JournalFilterProxy; new rows in bold with a line under the
// last of them, failures as the tree's badge, other changes with their state's glyph.
#include "journalview.h"

#include "journalfilterproxy.h"
#include "journalmodel.h"
#include "scheduler.h"
#include "statebadgedelegate.h"
#include "statepill.h"
#include "taskcolors.h"
#include "taskformat.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Taskscope {

namespace {

bool isNewRow(const QModelIndex &index)
{
    return index.data(JournalModel::IsNewRole).toBool();
}

// Every cell of a new row in bold.
class RowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (isNewRow(index)) {
            option->font.setBold(true);
            option->fontMetrics = QFontMetrics(option->font);
        }
    }
};

// The Change column: a failure wears the tree's state badge; another change shows the glyph of the
// state it went to (never colour alone) before its text.
class ChangeDelegate final : public RowDelegate
{
public:
    using RowDelegate::RowDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem item(option);
        initStyleOption(&item, index);
        const QString text = std::exchange(item.text, QString());
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget); // the panel: background, selection
        const auto state = TaskState(index.data(JournalModel::StateRole).toInt());
        if (state == TaskState::Failed) {
            StateBadgeDelegate::paintPill(painter, item.rect, item, state, text);
            return;
        }
        // Placed where the badge puts its glyph and name, so that the columns line up.
        const QFontMetricsF fm(item.font);
        const double glyph = fm.height() * 0.62;
        const double padding = fm.height() * 0.45;
        const QRectF glyphRect(item.rect.left() + 3.0 + padding, item.rect.center().y() - glyph / 2.0 + 0.5, glyph,
                               glyph);
        const QRectF textRect(glyphRect.right() + padding * 0.6, item.rect.top(),
                              qMax(0.0, item.rect.right() - glyphRect.right() - padding * 0.6), item.rect.height());
        const bool selected = item.state & QStyle::State_Selected;
        const QPalette &palette = item.palette;
        const QColor foreground = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        StatePill::drawGlyph(painter, state, QStyle::visualRect(item.direction, item.rect, glyphRect.toAlignedRect()),
                             selected ? foreground : TaskColors::accent(state, palette));
        painter->setFont(item.font);
        painter->setPen(foreground);
        painter->drawText(QStyle::visualRect(item.direction, item.rect, textRect.toAlignedRect()),
                          int(Qt::AlignVCenter | Qt::AlignLeading), fm.elidedText(text, Qt::ElideRight, textRect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QSize base = RowDelegate::sizeHint(option, index);
        const QFontMetrics fm(option.font);
        return {base.width() + fm.height() * 2, qMax(base.height(), fm.height() + 4)};
    }
};

} // namespace

// The list: a line under the last new row, the placeholder when it has no rows, and row picks by the
// user only (never by rows that come and go, which move the current index without anyone asking).
class JournalView::TreeView final : public QTreeView
{
public:
    using QTreeView::QTreeView;
    std::function<void(const QModelIndex &)> picked;
    std::function<void()> copy;
    QString placeholder; // painted when there is no row

protected:
    bool event(QEvent *event) override
    {
        // Ctrl+C here copies the journal's rows, not what the window's Copy copies (the tree's tasks).
        if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
            event->accept();
            return true;
        }
        return QTreeView::event(event);
    }

    void paintEvent(QPaintEvent *event) override
    {
        QTreeView::paintEvent(event);
        if (placeholder.isEmpty())
            return;
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const int margin = fontMetrics().height();
        painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
                         int(Qt::AlignCenter | Qt::TextWordWrap), placeholder);
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->matches(QKeySequence::Copy) && copy) {
            copy();
            event->accept();
            return;
        }
        const QPersistentModelIndex before = currentIndex();
        QTreeView::keyPressEvent(event);
        const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
        if (picked && (enter || currentIndex() != before) && currentIndex().isValid())
            picked(currentIndex());
    }

    void drawRow(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QTreeView::drawRow(painter, option, index);
        if (!isNewRow(index))
            return;
        const QModelIndex next = index.siblingAtRow(index.row() + 1);
        if (!next.isValid() || isNewRow(next))
            return;
        // "Since you last looked" ends here: a rule across the bottom of the row.
        const int thickness = qMax(2, fontMetrics().height() / 8);
        painter->fillRect(QRect(option.rect.left(), option.rect.bottom() + 1 - thickness, option.rect.width(), thickness),
                          palette().color(QPalette::Highlight));
    }
};

JournalView::JournalView(QWidget *parent)
    : QWidget(parent)
    , m_view(new TreeView(this))
    , m_newLine(new QWidget(this))
    , m_newLabel(new QLabel(m_newLine))
    , m_markButton(new QPushButton(tr("Mark as Read"), m_newLine))
    , m_copy(new QAction(tr("&Copy"), this))
{
    m_newLabel->setObjectName(QStringLiteral("journalNewLabel"));
    m_markButton->setObjectName(QStringLiteral("journalMarkAsRead"));
    m_markButton->setToolTip(tr("Mark every change as read: only changes from now on will be in bold"));
    auto *lineLayout = new QHBoxLayout(m_newLine);
    const int gap = fontMetrics().height() / 4;
    lineLayout->setContentsMargins(gap, gap, gap, 0);
    lineLayout->addWidget(m_newLabel, 1);
    lineLayout->addWidget(m_markButton);
    m_newLine->hide();
    connect(m_markButton, &QPushButton::clicked, this, &JournalView::markAsRead);

    m_view->setObjectName(QStringLiteral("journalList"));
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionsMovable(true);
    m_view->setItemDelegate(new RowDelegate(m_view));
    m_view->setItemDelegateForColumn(JournalModel::ChangeColumn, new ChangeDelegate(m_view));
    m_view->picked = [this](const QModelIndex &index) { emitTask(index); };
    connect(m_view, &QAbstractItemView::clicked, this, &JournalView::emitTask);

    // The key is the list's own (TreeView::event), not a shortcut: the window's Ctrl+C would make it ambiguous.
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copy, &QAction::triggered, this, [this] {
        const QString text = selectedText();
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    m_view->copy = [this] { m_copy->trigger(); };
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(m_copy);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(gap);
    layout->addWidget(m_newLine);
    layout->addWidget(m_view, 1);
    updatePlaceholder();
}

JournalView::~JournalView() = default;

void JournalView::setModel(JournalFilterProxy *proxy)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_proxy = proxy;
    m_journal = proxy ? qobject_cast<JournalModel *>(proxy->sourceModel()) : nullptr;
    Q_ASSERT(!proxy || m_journal);
    m_view->setModel(proxy);
    if (proxy) {
        const auto changed = [this] {
            updatePlaceholder();
            updateNewLine();
        };
        m_modelConnections = {
            connect(proxy, &QAbstractItemModel::rowsInserted, this, changed),
            connect(proxy, &QAbstractItemModel::rowsRemoved, this, changed),
            connect(proxy, &QAbstractItemModel::modelReset, this, changed),
            connect(proxy, &QAbstractItemModel::layoutChanged, this, changed),
        };
        if (m_journal) {
            // The proxy takes rows away before its source has: which placeholder is right is known after.
            m_modelConnections.append(connect(m_journal, &QAbstractItemModel::rowsRemoved, this, changed));
            m_modelConnections.append(connect(m_journal, &JournalModel::newCountChanged, this, &JournalView::updateNewLine));
        }
        applyDefaultWidths();
    }
    updatePlaceholder();
    updateNewLine();
}

void JournalView::applyDefaultWidths()
{
    QFont bold = m_view->font();
    bold.setBold(true); // new rows are bold: they must fit too
    const QFontMetrics fm(bold);
    const int margin = fm.height();
    const QString time = TaskFormat::localTime(QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59), Qt::UTC));
    int change = 0;
    for (const auto &[from, to] : {std::pair{u"cancelling"_s, u"cancelled"_s}, {u"running"_s, u"completed"_s},
                                   {QString(), u"notStarted"_s}, {u"running"_s, u"failed"_s}}) {
        HistoryTransition sample;
        sample.from = from;
        sample.to = to;
        change = qMax(change, fm.horizontalAdvance(JournalModel::changeText(sample)));
    }
    QHeaderView *header = m_view->header();
    header->resizeSection(JournalModel::TimeColumn, fm.horizontalAdvance(time) + margin);
    header->resizeSection(JournalModel::TaskColumn, fm.averageCharWidth() * 18 + margin);
    header->resizeSection(JournalModel::AppColumn, fm.averageCharWidth() * 10 + margin);
    header->resizeSection(JournalModel::ChangeColumn, change + fm.height() * 2 + margin); // and the glyph or pill
}

void JournalView::emitTask(const QModelIndex &index)
{
    const QString id = index.data(JournalModel::TaskIdRole).toString();
    if (!id.isEmpty())
        emit taskActivated(id);
}

void JournalView::markAsRead()
{
    if (!m_journal)
        return;
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    m_journal->setLastLooked(now);
    emit markedAsRead(now);
}

void JournalView::updateNewLine()
{
    const int total = m_journal ? m_journal->newCount() : 0;
    if (total == 0) {
        m_newLabel->clear();
        m_newLine->hide();
        return;
    }
    // The new rows are the proxy's first rows (the proxy keeps the journal's order): a binary search.
    int low = 0, high = m_proxy->rowCount();
    while (low < high) {
        const int middle = low + (high - low) / 2;
        if (isNewRow(m_proxy->index(middle, 0)))
            low = middle + 1;
        else
            high = middle;
    }
    const int shown = low;
    if (shown == total)
        m_newLabel->setText(tr("%n new since you last looked", "Journal: state changes in bold", total));
    else
        m_newLabel->setText(tr("%n new since you last looked (%1 without the filter)", "Journal: state changes in bold", shown)
                                .arg(total));
    //: Journal: the tooltip of "3 new since you last looked"; %1 is a date and time
    m_newLabel->setToolTip(tr("Changes after %1 are in bold").arg(TaskFormat::localTime(m_journal->lastLooked())));
    m_newLine->show();
}

void JournalView::updatePlaceholder()
{
    QString text;
    if (!m_proxy || m_proxy->rowCount() == 0) {
        text = m_journal && m_journal->rowCount() > 0 ? tr("No state changes match the filter")
                                                      : tr("No state changes yet");
    }
    if (text != m_view->placeholder) {
        m_view->placeholder = text;
        m_view->viewport()->update();
    }
}

QByteArray JournalView::saveState() const
{
    return m_view->header()->saveState();
}

bool JournalView::restoreState(const QByteArray &state)
{
    return m_view->header()->restoreState(state);
}

QTreeView *JournalView::view() const
{
    return m_view;
}

QString JournalView::placeholderText() const
{
    return m_view->placeholder;
}

QString JournalView::newText() const
{
    return m_newLabel->text();
}

QString JournalView::selectedText() const
{
    if (!m_proxy || !m_journal || !m_view->selectionModel())
        return {};
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        lines.append(m_journal->rowText(m_proxy->mapToSource(row).row()));
    return lines.join(u'\n');
}

} // namespace Taskscope
