// ConnectionConfig: the endpoint URL.
#include "connectionconfig.h"

namespace Taskscope {

QUrl ConnectionConfig::tasksUrl() const
{
    return accountUrl(QStringLiteral("/core/v1/tasks"));
}

QUrl ConnectionConfig::accountUrl(const QString &path) const
{
    QUrl url = baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u"/accounts/" + accountId + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace Taskscope
