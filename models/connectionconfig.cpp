// ConnectionConfig: the endpoint URL.
#include "connectionconfig.h"

namespace Taskscope {

QUrl ConnectionConfig::tasksUrl() const
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/accounts/" + accountId + u"/core/v1/tasks");
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace Taskscope
