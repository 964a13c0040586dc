// DetailsPane: everything about the current task: why it failed, where its resource lives, its raw JSON.
#include "detailspane.h"

#include "highlighting.h"
#include "nametable.h"
#include "resourceuri.h"
#include "tasktreemodel.h"
#include "taskformat.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace Taskscope {

namespace {

QString timeText(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return DetailsPane::tr("%1 (%2 UTC)")
        .arg(QLocale().toString(utc.toLocalTime(), QLocale::LongFormat), utc.toString(Qt::ISODateWithMs));
}

// A key that names a size in bytes: "bytes", "sizeBytes", "requiredBytes", "capacity_bytes", "size".
bool isByteCount(const QString &key)
{
    return key.contains(u"bytes", Qt::CaseInsensitive) || key.compare(u"size", Qt::CaseInsensitive) == 0;
}

// additionalDetails as an expandable tree, built without recursion.
void addJson(QTreeWidgetItem *root, const QJsonValue &value)
{
    std::vector<std::pair<QTreeWidgetItem *, QJsonValue>> pending{{root, value}};
    while (!pending.empty()) {
        auto [item, v] = pending.back();
        pending.pop_back();
        if (v.isObject()) {
            const QJsonObject object = v.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                auto *child = new QTreeWidgetItem(item, {it.key()});
                pending.emplace_back(child, it.value());
            }
        } else if (v.isArray()) {
            const QJsonArray array = v.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                auto *child = new QTreeWidgetItem(item, {QStringLiteral("[%1]").arg(i)});
                pending.emplace_back(child, array.at(i));
            }
        } else {
            const QString text = v.isString() ? v.toString()
                : v.isNull()                  ? QStringLiteral("null")
                                              : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
            // A byte count reads in units ("1.5 GiB"); the exact number stays in the tooltip.
            if (v.isDouble() && isByteCount(item->text(0)) && v.toDouble() >= 0) {
                item->setText(1, QLocale().formattedDataSize(qint64(v.toDouble()), 1, QLocale::DataSizeIecFormat));
                item->setToolTip(1, DetailsPane::tr("%1 bytes").arg(QLocale().toString(qint64(v.toDouble()))));
            } else {
                item->setText(1, text);
            }
        }
    }
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_scroll(new QScrollArea(this))
    , m_overview(new QWidget)
    , m_form(new QFormLayout)
    , m_placeholder(new QLabel(tr("Select a task to see its details."), this))
    , m_problems(new QTreeWidget(this))
    , m_raw(new QPlainTextEdit(this))
    , m_history(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    auto *overviewLayout = new QVBoxLayout(m_overview);
    m_placeholder->setAlignment(Qt::AlignCenter);
    overviewLayout->addWidget(m_placeholder);
    // What went wrong comes first: at the window's default size it is read without scrolling.
    m_problems->setColumnCount(2);
    m_problems->setHeaderLabels({tr("Problem"), tr("Detail")});
    m_problems->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_problems->setWordWrap(true);
    m_problems->hide();
    connect(m_problems, &QTreeWidget::itemExpanded, this, &DetailsPane::fitProblemsHeight);
    connect(m_problems, &QTreeWidget::itemCollapsed, this, &DetailsPane::fitProblemsHeight);
    overviewLayout->addWidget(m_problems);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    overviewLayout->addLayout(m_form);
    overviewLayout->addStretch(1);
    m_scroll->setWidget(m_overview);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    attachHighlighter(m_raw->document(), HighlightLanguage::Json, palette());

    m_tabs->addTab(m_scroll, tr("Overview"));
    m_tabs->addTab(m_raw, tr("Raw JSON"));
    m_history->setColumnCount(3);
    m_history->setHeaderLabels({tr("Time"), tr("Change"), tr("Reason")});
    m_history->setRootIsDecorated(false);
    m_history->setWordWrap(true);
    m_history->setObjectName(QStringLiteral("historyView"));
    m_tabs->addTab(m_history, tr("History"));
    setTask(nullptr, {});
}

void DetailsPane::clearOverview()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_rows.clear();
    m_values.clear();
}

void DetailsPane::addRow(const QString &label, const QString &value, bool copyable,
                         const QList<std::pair<QString, FilterRequest>> &filters)
{
    if (!value.isEmpty())
        m_pendingRows.append({label, value, copyable, filters});
}

void DetailsPane::addRow(const QString &label, const QString &value, FilterField field, const QString &filterValue)
{
    addRow(label, value, false, {{value, FilterRequest{field, filterValue, false}}});
}

void DetailsPane::addUri(const QString &label, const QString &uri)
{
    addRow(label, uri, true, {{uri, FilterRequest{FilterField::ResourceUri, uri, false}}});
    for (const UriSegment &segment : ResourceUri::segments(uri)) {
        if (segment.collection == u"accounts")
            continue;
        // The places operators filter by: the derived fields of the filter language.
        static const QHash<QString, FilterField> fields = {{QStringLiteral("clouds"), FilterField::Cloud},
                                                           {QStringLiteral("clusters"), FilterField::Cluster},
                                                           {QStringLiteral("namespaces"), FilterField::Namespace},
                                                           {QStringLiteral("apps"), FilterField::App}};
        QList<std::pair<QString, FilterRequest>> filters;
        if (const auto it = fields.constFind(segment.collection); it != fields.cend())
            filters.append({ResourceUri::label(segment.collection) + u' ' + segment.id, FilterRequest{*it, segment.id, false}});
        addRow(QStringLiteral("    ") + ResourceUri::label(segment.collection), segment.id, true, filters);
    }
}

QLabel *DetailsPane::overviewValue(const QString &label) const
{
    for (qsizetype i = 0; i < m_rows.size() && i < m_values.size(); ++i) {
        if (m_rows[i].label.trimmed() == label)
            return m_values[i];
    }
    return nullptr;
}

QMenu *DetailsPane::createValueMenu(QLabel *value, QWidget *parent)
{
    const qsizetype row = m_values.indexOf(value);
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    auto *menu = new QMenu(parent);
    // The label is the action's context: a live update that rebuilds the rows while the menu is
    // open deletes it, and the action with it.
    menu->addAction(tr("Copy “%1”").arg(value->text().left(48)), value,
                    [value] { QGuiApplication::clipboard()->setText(value->hasSelectedText() ? value->selectedText() : value->text()); });
    const auto request = [this](const FilterRequest &filter) { Q_EMIT filterRequested(filter); };
    for (const auto &[text, filter] : m_rows[row].filters) {
        menu->addSeparator();
        FilterMenu::addActions(menu, text, filter.field, filter.value, request);
    }
    return menu;
}

void DetailsPane::buildRow(const Row &row)
{
    auto *text = new QLabel(row.value);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(text, &QWidget::customContextMenuRequested, this, [this, text](const QPoint &pos) {
        if (QMenu *menu = createValueMenu(text, this)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(text->mapToGlobal(pos));
        }
    });
    m_values.append(text);
    if (!row.copyable) {
        m_form->addRow(row.label, text);
        return;
    }
    auto *field = new QWidget;
    auto *fieldLayout = new QHBoxLayout(field);
    fieldLayout->setContentsMargins(0, 0, 0, 0);
    fieldLayout->addWidget(text, 1);
    auto *copy = new QToolButton(field);
    copy->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    copy->setToolTip(tr("Copy %1").arg(row.value));
    copy->setAccessibleName(tr("Copy %1").arg(row.label.trimmed()));
    // The button copies what its label shows now, also after a live update.
    connect(copy, &QToolButton::clicked, text, [text] { QGuiApplication::clipboard()->setText(text->text()); });
    fieldLayout->addWidget(copy);
    m_form->addRow(row.label, field);
}

void DetailsPane::setNames(NameTablePtr names)
{
    m_names = std::move(names);
    m_shownJson.clear(); // the same task reads again with the new names
}

void DetailsPane::setTask(const Task *task, const QDateTime &now)
{
    const bool sameTask = task && task->id == m_taskId;
    if (sameTask && task->rawJson == m_shownJson)
        return;
    m_taskId = task ? task->id : QString();
    m_shownJson = task ? task->rawJson : QByteArray();
    if (!sameTask)
        setHistory(m_taskId, {}, {}); // until the file answers
    m_placeholder->setVisible(!task);
    if (!task) {
        clearOverview();
        m_problems->clear();
        m_problems->hide();
        m_raw->clear();
        return;
    }

    m_pendingRows.clear();
    addRow(tr("Summary"), task->summary, FilterField::Summary, task->summary);
    addRow(tr("State"),
           TaskFormat::stateName(task->state, task->stateText)
               + (task->state == TaskState::Unknown ? QString() : QStringLiteral(" (%1)").arg(task->stateText)),
           FilterField::State, task->stateText);
    if (task->percentDone)
        addRow(tr("Progress"), TaskFormat::progress(task->percentDone));
    // Where: names first (the ids are in the URIs below).
    const TaskPlace place = TaskPlace::of(*task, m_names.get());
    const struct
    {
        NameKind kind;
        const char *label;
        FilterField field;
    } places[] = {{NameKind::App, QT_TR_NOOP("App"), FilterField::App},
                  {NameKind::Cluster, QT_TR_NOOP("Cluster"), FilterField::Cluster},
                  {NameKind::Namespace, QT_TR_NOOP("Namespace"), FilterField::Namespace},
                  {NameKind::Cloud, QT_TR_NOOP("Cloud"), FilterField::Cloud}};
    for (const auto &where : places) {
        if (!place.id(where.kind).isEmpty())
            addRow(tr(where.label), place.shown(where.kind), false,
                   {{place.shown(where.kind), FilterRequest{where.field, place.id(where.kind), false}}});
    }
    addRow(tr("Started"), timeText(task->startTime));
    addRow(tr("Ended"), timeText(task->endTime));
    addRow(tr("Cancelled"), timeText(task->cancelTime));
    if (const auto seconds = task->durationSeconds(now))
        addRow(tr("Duration"), TaskFormat::duration(*seconds));
    if (task->firstSeen.isValid())
        addRow(tr("First seen"), timeText(task->firstSeen));
    //: a task the server no longer lists, shown from Taskscope's history
    if (task->isFromHistory())
        addRow(tr("Not listed since"), timeText(task->goneAt));
    addRow(tr("Description"), task->description);
    addRow(tr("Name"), task->name, FilterField::Name, task->name);
    addRow(tr("Service"), task->service, FilterField::Service, task->service);
    addRow(tr("Task id"), task->id, true);
    addRow(tr("Parent task id"), task->parentTaskID, true);
    // What the task may do next, from where it is.
    for (const StateTransition &transition : task->stateTransitions) {
        if (transition.from == task->stateText) {
            QStringList names;
            for (const QString &to : transition.to)
                names << TaskFormat::stateName(stateFromApiName(to), to);
            addRow(tr("Can go to"), names.join(QLatin1String(", ")));
        }
    }
    QStringList labels;
    QList<std::pair<QString, FilterRequest>> labelFilters;
    for (const Label &label : task->metadata.labels) {
        labels << label.name + u'=' + label.value;
        labelFilters.append({labels.last(), FilterRequest{FilterField::LabelValue, label.value, false}});
    }
    addRow(tr("Labels"), labels.join(QLatin1String(", ")), false, labelFilters);
    addRow(tr("User id"), task->userID, true);
    addRow(tr("Resource id"), task->resourceID, true);
    addUri(tr("Resource"), task->resourceURI);
    for (const QString &uri : task->resourceCollectionURI.toList())
        addUri(tr("Collection"), uri);

    // A live update of the task being read changes texts in place, so that nothing moves under
    // the reader; only rows that come or go rebuild the form.
    bool sameRows = sameTask && m_pendingRows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < m_rows.size(); ++i)
        sameRows = m_rows[i].label == m_pendingRows[i].label && m_rows[i].copyable == m_pendingRows[i].copyable;
    if (sameRows) {
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_values[i]->setText(m_pendingRows[i].value);
    } else {
        const int overviewScroll = m_scroll->verticalScrollBar()->value();
        clearOverview();
        for (const Row &row : std::as_const(m_pendingRows))
            buildRow(row);
        if (!sameTask)
            m_scroll->verticalScrollBar()->setValue(0);
        else
            m_scroll->verticalScrollBar()->setValue(overviewScroll);
    }
    m_rows = m_pendingRows;

    if (!sameTask || m_shownDetails != task->stateDetails) {
        m_problems->clear();
        for (const StateDetail &detail : task->stateDetails) {
            auto *item = new QTreeWidgetItem(m_problems, {detail.title, detail.detail});
            item->setToolTip(1, detail.detail);
            new QTreeWidgetItem(item, {tr("type"), detail.type});
            if (!detail.additionalDetails.isEmpty()) {
                auto *extra = new QTreeWidgetItem(item, {tr("additionalDetails")});
                const QJsonDocument doc = QJsonDocument::fromJson("[" + detail.additionalDetails + "]");
                addJson(extra, doc.array().at(0));
            }
            item->setExpanded(true);
        }
        m_problems->setVisible(!task->stateDetails.isEmpty());
        m_problems->resizeColumnToContents(0);
        fitProblemsHeight();
        m_shownDetails = task->stateDetails;
    }

    const int rawScroll = m_raw->verticalScrollBar()->value();
    const QJsonDocument doc = QJsonDocument::fromJson(task->rawJson);
    m_raw->setPlainText(doc.isNull() ? QString::fromUtf8(task->rawJson) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    if (sameTask)
        m_raw->verticalScrollBar()->setValue(rawScroll);
}

void DetailsPane::setHistory(const QString &taskId, const QList<HistoryTransition> &transitions, const QDateTime &lastSeen)
{
    if (taskId != m_taskId)
        return;
    m_history->clear();
    for (const HistoryTransition &transition : transitions) {
        const QString to = TaskFormat::stateName(stateFromApiName(transition.to), transition.to);
        //: a task's state change in its history; %1 and %2 are state names
        const QString change = transition.from.isEmpty()
            ? tr("first seen: %1").arg(to)
            : tr("%1 → %2").arg(TaskFormat::stateName(stateFromApiName(transition.from), transition.from), to);
        auto *item = new QTreeWidgetItem(m_history, {TaskFormat::localTime(transition.at), change, transition.reason});
        item->setToolTip(0, TaskFormat::exactUtc(transition.at));
        item->setToolTip(2, transition.reason);
    }
    if (lastSeen.isValid()) {
        auto *item = new QTreeWidgetItem(m_history, {TaskFormat::localTime(lastSeen), tr("last seen")});
        item->setToolTip(0, TaskFormat::exactUtc(lastSeen));
    }
    m_history->resizeColumnToContents(0);
    m_history->resizeColumnToContents(1);
    const int index = m_tabs->indexOf(m_history);
    m_tabs->setTabText(index, transitions.isEmpty() ? tr("History") : tr("History (%1)").arg(transitions.size()));
}

// As tall as its rows (a few lines for one reason), so that the names and times follow close
// below; a long list scrolls inside it.
void DetailsPane::fitProblemsHeight()
{
    int rows = 0;
    for (QTreeWidgetItemIterator it(m_problems, QTreeWidgetItemIterator::NotHidden); *it; ++it) {
        const QTreeWidgetItem *parent = (*it)->parent();
        rows += !parent || parent->isExpanded();
    }
    const int rowHeight = qMax(m_problems->sizeHintForRow(0), fontMetrics().height());
    const int height = m_problems->header()->sizeHint().height() + rows * rowHeight + 2 * m_problems->frameWidth() + 4;
    m_problems->setFixedHeight(qBound(3 * rowHeight, height, 12 * rowHeight));
}

QStringList DetailsPane::overviewTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        QLayoutItem *labelItem = m_form->itemAt(row, QFormLayout::LabelRole);
        QLayoutItem *fieldItem = m_form->itemAt(row, QFormLayout::FieldRole);
        const auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
        QWidget *field = fieldItem ? fieldItem->widget() : nullptr;
        const auto *value = qobject_cast<QLabel *>(field);
        if (!value && field)
            value = field->findChild<QLabel *>();
        texts << (label ? label->text().trimmed() : QString()) + u": " + (value ? value->text() : QString());
    }
    return texts;
}

} // namespace Taskscope
