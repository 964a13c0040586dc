// FilterRequest: "show only" or "exclude" a value, asked for from a context menu; the window edits the expression.
#include "filterrequest.h"

#include "filterevaluator.h"
#include "task.h"
#include "tasktreemodel.h"
#include "taskformat.h"

#include <QMenu>

namespace Taskscope {

namespace {

// Long values are cut in menus; the request keeps the whole value.
QString shortened(const QString &text)
{
    constexpr int kMax = 48;
    return text.size() <= kMax ? text : text.left(kMax - 1) + u'…';
}

} // namespace

void FilterMenu::addActions(QMenu *menu, const QString &label, FilterField field, const QString &value,
                            const std::function<void(const FilterRequest &)> &request)
{
    const QString shown = shortened(label);
    menu->addAction(tr("Show Only “%1”").arg(shown), menu, [request, field, value] { request({field, value, false}); });
    menu->addAction(tr("Exclude “%1”").arg(shown), menu, [request, field, value] { request({field, value, true}); });
}

void FilterMenu::addPlaceActions(QMenu *menu, const Task &task, const std::function<QString(FilterField)> &nameOf,
                                 const std::function<void(const FilterRequest &)> &request)
{
    const struct
    {
        FilterField field;
        const char *label;
    } places[] = {{FilterField::App, QT_TR_NOOP("Show This App (%1)")},
                  {FilterField::Cluster, QT_TR_NOOP("Show This Cluster (%1)")},
                  {FilterField::Namespace, QT_TR_NOOP("Show This Namespace (%1)")}};
    for (const auto &place : places) {
        // Filtered by id (names can repeat across clusters and change), read by name.
        const QString id = derivedUriField(task, place.field);
        if (id.isEmpty())
            continue;
        const QString name = nameOf ? nameOf(place.field) : QString();
        menu->addAction(tr(place.label).arg(shortened(name.isEmpty() ? id : name)), menu,
                        [request, field = place.field, id] { request({field, id, false}); });
    }
}

void FilterMenu::addCellActions(QMenu *menu, const Task &task, int column, const std::function<QString(FilterField)> &nameOf,
                                const std::function<void(const FilterRequest &)> &request)
{
    switch (column) {
    case TaskTreeModel::NameColumn:
        if (!task.summary.isEmpty()) {
            addActions(menu, task.summary, FilterField::Summary, task.summary, request);
            break;
        }
        Q_FALLTHROUGH();
    case TaskTreeModel::InternalNameColumn:
        addActions(menu, task.name, FilterField::Name, task.name, request);
        break;
    case TaskTreeModel::StateColumn:
    case TaskTreeModel::ProgressColumn:
        // The state's API name: filters never use translated names.
        addActions(menu, TaskFormat::stateName(task.state, task.stateText), FilterField::State, task.stateText,
                   request);
        break;
    case TaskTreeModel::ServiceColumn:
        addActions(menu, task.service, FilterField::Service, task.service, request);
        break;
    case TaskTreeModel::ProblemColumn:
        if (!task.stateDetails.isEmpty() && !task.stateDetails.first().title.isEmpty()) {
            const QString title = task.stateDetails.first().title;
            addActions(menu, title, FilterField::StateDetailTitle, title, request);
        }
        break;
    case TaskTreeModel::AppColumn:
    case TaskTreeModel::ClusterColumn:
    case TaskTreeModel::NamespaceColumn:
        addPlaceActions(menu, task, nameOf, request);
        break;
    case TaskTreeModel::ResourceColumn:
        addPlaceActions(menu, task, nameOf, request);
        if (!task.resourceURI.isEmpty()) {
            menu->addSeparator();
            addActions(menu, task.resourceURI, FilterField::ResourceUri, task.resourceURI, request);
        }
        break;
    default: // times, durations: a range is what people want there; the expression says it better
        break;
    }
}

} // namespace Taskscope
