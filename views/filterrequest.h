// FilterRequest: "show only" or "exclude" a value, asked for from a context menu; the window edits the expression.
#pragma once

#include "filterlanguage.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <functional>

class QMenu;

namespace Taskscope {

class Task;

struct FilterRequest
{
    FilterField field = FilterField::Name;
    QString value;
    bool exclude = false;
    friend bool operator==(const FilterRequest &, const FilterRequest &) = default;
};

class FilterMenu final
{
    Q_DECLARE_TR_FUNCTIONS(FilterMenu)
public:
    // Adds "Show Only <label>" and "Exclude <label>" to `menu`; each calls `request`.
    static void addActions(QMenu *menu, const QString &label, FilterField field, const QString &value,
                           const std::function<void(const FilterRequest &)> &request);
    // The requests a cell of `column` (a TaskTreeModel column) offers for `task`: its own value, and for
    // the resource the app, cluster and namespace it lives in (by id, labelled with `nameOf`'s name
    // of FilterField::App, Cluster or Namespace when it knows one).
    static void addCellActions(QMenu *menu, const Task &task, int column, const std::function<QString(FilterField)> &nameOf,
                               const std::function<void(const FilterRequest &)> &request);
    // "Show This App (elastic-metrics)", "Show This Cluster (…)", "Show This Namespace (…)".
    static void addPlaceActions(QMenu *menu, const Task &task, const std::function<QString(FilterField)> &nameOf,
                                const std::function<void(const FilterRequest &)> &request);
};

} // namespace Taskscope

Q_DECLARE_METATYPE(Taskscope::FilterRequest)
