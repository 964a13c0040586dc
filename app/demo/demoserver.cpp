// DemoServer: the Astra Control tasks endpoint and the names lists on 127.0.0.1, served from a Scenario, with faults.
#include "demoserver.h"

#include "demojson.h"
#include "listquery.h"
#include "namelists.h"
#include "scenario.h"
#include "serverfilter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <mutex>
#include <optional>

using namespace Qt::StringLiterals;

namespace Taskscope::Demo {

namespace {

Q_LOGGING_CATEGORY(lcDemo, "taskscope.demo", QtWarningMsg)

// How many list states stay available to continue tokens: each paged walk pins the state it
// started from, so the pages of one walk never mix two states.
constexpr size_t kPagingStates = 8;

struct Reply {
    enum class Action { Send, Drop, Truncate };
    Action action = Action::Send;
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    int delayMs = 0; // before it is sent, beside the latency fault
};

struct Problem {
    int status;
    int type; // https://astra.netapp.io/problems/<type>; 0: about:blank
    const char *title;
    const char *detail;
};

constexpr Problem kMissingToken{401, 3, "Missing bearer token", "The request is missing the required bearer token."};
constexpr Problem kInvalidToken{401, 4, "Invalid bearer token", "The supplied bearer token is invalid."};
constexpr Problem kForbidden{403, 11, "Operation not permitted",
                             "The user is not permitted to perform this operation."};
constexpr Problem kCollectionNotFound{404, 2, "Collection not found", "The requested collection was not found."};
constexpr Problem kResourceNotFound{404, 1, "Resource not found", "The requested resource was not found."};
constexpr Problem kInvalidParams{400, 5, "Invalid query parameters", "The supplied query parameters are invalid."};
constexpr Problem kUnsupportedParams{400, 6, "Query parameters not supported",
                                     "The supplied query parameters are not supported."};
constexpr Problem kInternalError{500, 34, "Internal server error", "The server encountered an internal error."};
constexpr Problem kUnavailable{503, 24, "Service unavailable", "The service is temporarily unavailable."};
constexpr Problem kMethodNotAllowed{405, 0, "Method not allowed", "Only GET is supported."};

const QString kOtherList = u"the token was issued for another list"_s;
const QString kPastEnd = u"the token points past the end of the list"_s;

// The rows of one page: those from `start` on that match, at most `limit`; `next` is where the
// following page starts, and there is one when `more`.
struct Page {
    std::vector<size_t> rows;
    size_t next = 0;
    bool more = false;
};

template<typename Matches>
Page selectPage(size_t count, size_t start, std::optional<qint64> limit, const Matches &matches)
{
    Page page;
    const qint64 most = limit.value_or(std::numeric_limits<qint64>::max());
    size_t i = start;
    for (; i < count && qint64(page.rows.size()) < most; ++i) {
        if (matches(i))
            page.rows.push_back(i);
    }
    while (i < count && !matches(i))
        ++i;
    page.next = i;
    page.more = i < count;
    return page;
}

// {"type":<type>,"version":<version>,"items":[...],"metadata":{...}}, each item written by
// `appendItem(body, row)`, with a continue token when there are more pages.
template<typename AppendItem>
QByteArray listBody(QByteArrayView type, QByteArrayView version, const Page &page, qsizetype reserve,
                    const QByteArray &continueToken, const AppendItem &appendItem)
{
    QByteArray body;
    body.reserve(reserve + 128);
    body += R"({"type":")";
    body += type;
    body += R"(","version":")";
    body += version;
    body += R"(","items":[)";
    for (size_t n = 0; n < page.rows.size(); ++n) {
        if (n)
            body += ',';
        appendItem(body, page.rows[n]);
    }
    body += R"(],"metadata":{)";
    if (page.more)
        body += R"("continue":")" + continueToken + '"';
    body += "}}";
    return body;
}

// The include form of an item: its values in the requested order, null for what it lacks.
template<typename Field, typename AppendField>
void appendValues(QByteArray &out, const std::vector<Field> &fields, const AppendField &appendField)
{
    out += '[';
    for (size_t f = 0; f < fields.size(); ++f) {
        if (f)
            out += ',';
        if (!appendField(out, fields[f]))
            out += "null";
    }
    out += ']';
}

// The filters of a list request, ANDed. Filters on fields a task does not have match nothing.
class TaskMatcher final
{
public:
    explicit TaskMatcher(const QList<ServerFilter> &filters)
    {
        for (const ServerFilter &filter : filters) {
            const QStringList &path = filter.path();
            Clause clause{&filter, fieldFromName(path.first()), MetadataTime::None};
            if (path.size() == 2 && path.first() == u"metadata") {
                if (path.last() == u"modificationTimestamp")
                    clause.time = MetadataTime::Modification;
                else if (path.last() == u"creationTimestamp")
                    clause.time = MetadataTime::Creation;
            }
            m_clauses.push_back(clause);
        }
    }

    bool operator()(const TaskRecord &task) const
    {
        for (const Clause &clause : m_clauses) {
            if (!matches(clause, task))
                return false;
        }
        return true;
    }

private:
    // Every incremental poll filters on metadata.modificationTimestamp: such clauses read the
    // record's time without building each task's metadata object (same result, a fraction of the cost).
    enum class MetadataTime : quint8 { None, Creation, Modification };
    struct Clause {
        const ServerFilter *filter;
        std::optional<TaskField> field;
        MetadataTime time;
    };

    static bool matches(const Clause &clause, const TaskRecord &task)
    {
        switch (clause.time) {
        case MetadataTime::Creation: return clause.filter->matchesTimestamp(task.identity->creationUs);
        case MetadataTime::Modification: return clause.filter->matchesTimestamp(task.modifiedUs);
        case MetadataTime::None:
            break;
        }
        return clause.field && clause.filter->matchesFieldValue(task.fieldValue(*clause.field));
    }

    std::vector<Clause> m_clauses;
};

} // namespace

struct DemoServer::Private {
    QByteArray account;
    QByteArray token;
    FaultOptions faults;
    std::function<qint64()> clock;
    std::unique_ptr<Scenario> scenario;
    NameLists names; // of the scenario's topology, which never changes
    QRandomGenerator faultRng;
    QRandomGenerator idRng;
    quint64 requests = 0;
    QString errorString;
    quint16 port = 0;
    QPointer<QTcpServer> tcpServer;

    std::deque<std::shared_ptr<const ScenarioSnapshot>> pagingStates; // most recently used last

    struct Pending {
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        Reply reply;
    };
    std::map<quint64, Pending> pending; // responses held back by the latency fault
    quint64 nextPendingId = 0;

    // Declared last, destroyed first: no request arrives while the rest is torn down.
    std::unique_ptr<QHttpServer> http;

    Reply respond(const QHttpServerRequest &request);
    Reply respondList(const QList<QueryParam> &params);
    Reply respondTask(const QByteArray &id, const QList<QueryParam> &params);
    Reply respondNames(const QList<QByteArray> &path, const QList<QueryParam> &params);
    Reply respondNameList(const NameList &list, const QByteArray &collection, const QList<QueryParam> &params);
    std::optional<Reply> namesFaultReply();
    Reply problem(const Problem &p, const QList<InvalidParam> &invalid = {});
    std::shared_ptr<const ScenarioSnapshot> pagingState(quint64 generation);
    void keepPagingState(const std::shared_ptr<const ScenarioSnapshot> &state);
};

Reply DemoServer::Private::problem(const Problem &p, const QList<InvalidParam> &invalid)
{
    QByteArray body = "{\"type\":";
    Json::appendString(body, p.type ? QByteArray("https://astra.netapp.io/problems/" + QByteArray::number(p.type))
                                    : QByteArray("about:blank"));
    body += ",\"title\":";
    Json::appendString(body, QByteArrayView(p.title));
    body += ",\"detail\":";
    Json::appendString(body, QByteArrayView(p.detail));
    body += ",\"status\":\"" + QByteArray::number(p.status) + "\",\"correlationID\":";
    Json::appendString(body, randomUuid(idRng));
    if (!invalid.isEmpty()) {
        body += ",\"invalidParams\":[";
        for (qsizetype i = 0; i < invalid.size(); ++i) {
            body += i ? ",{\"name\":" : "{\"name\":";
            Json::appendString(body, invalid[i].name);
            body += ",\"reason\":";
            Json::appendString(body, invalid[i].reason);
            body += '}';
        }
        body += ']';
    }
    body += '}';
    return {Reply::Action::Send, p.status, "application/problem+json", body};
}

Reply DemoServer::Private::respond(const QHttpServerRequest &request)
{
    // Authentication before anything else.
    const QByteArray authorization = request.value("Authorization").trimmed();
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray scheme = space < 0 ? authorization : authorization.first(space);
    const QByteArray presented = space < 0 ? QByteArray() : authorization.sliced(space + 1).trimmed();
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0 || presented.isEmpty())
        return problem(kMissingToken);
    if (presented != token)
        return problem(kInvalidToken);
    if (request.method() != QHttpServerRequest::Method::Get)
        return problem(kMethodNotAllowed);

    // /accounts/{account}/core/v1/tasks[/{id}], or a names list.
    const QByteArray path = request.url().path(QUrl::FullyEncoded).toUtf8();
    QList<QByteArray> parts = path.split('/');
    if (parts.size() < 4 || !parts[0].isEmpty() || parts[1] != "accounts"
        || QByteArray::fromPercentEncoding(parts[2]) != account)
        return problem(kCollectionNotFound);
    parts.remove(0, 3);
    const bool tasks = parts.size() >= 3 && parts[0] == "core" && parts[1] == "v1" && parts[2] == "tasks";

    const QList<QueryParam> params = parseQuery(request.url().query(QUrl::FullyEncoded).toUtf8());
    if (tasks && parts.size() == 3)
        return respondList(params);
    if (tasks && parts.size() == 4 && !parts[3].isEmpty())
        return respondTask(QByteArray::fromPercentEncoding(parts[3]), params);
    return respondNames(parts, params);
}

Reply DemoServer::Private::respondTask(const QByteArray &id, const QList<QueryParam> &params)
{
    if (!params.isEmpty()) {
        QList<InvalidParam> invalid;
        for (const QueryParam &param : params)
            invalid.append({param.name, u"reading one task takes no query parameters"_s});
        return problem(kUnsupportedParams, invalid);
    }
    scenario->advanceTo(clock());
    const TaskRecordPtr task = scenario->task(id);
    if (!task)
        return problem(kResourceNotFound);
    return {Reply::Action::Send, 200, "application/astra-task+json", task->json};
}

Reply DemoServer::Private::respondList(const QList<QueryParam> &params)
{
    // Unsupported parameters first (problems/6), then the values of the supported ones (problems/5).
    const ListQueryResult parsed = parseListQuery(params);
    if (!parsed.unsupported.isEmpty())
        return problem(kUnsupportedParams, parsed.unsupported);
    const ListQuery &query = parsed.query;
    QList<InvalidParam> invalid = parsed.invalid;

    std::shared_ptr<const ScenarioSnapshot> state;
    qint64 start = 0;
    if (const auto &token = query.continueToken) {
        if (!token->collection.isEmpty())
            invalid.append({u"continue"_s, kOtherList});
        else if (!(state = pagingState(token->generation)))
            invalid.append({u"continue"_s, u"the token has expired; list again from the first page"_s});
        else if (token->index > qint64(state->tasks.size()))
            invalid.append({u"continue"_s, kPastEnd});
        else
            start = token->index;
    }
    if (!invalid.isEmpty())
        return problem(kInvalidParams, invalid);

    if (!state) {
        scenario->advanceTo(clock());
        state = scenario->snapshot();
    }

    const TaskMatcher matches(query.filters);
    const auto &tasks = state->tasks;
    const Page page =
        selectPage(tasks.size(), size_t(start), query.limit, [&](size_t i) { return matches(*tasks[i]); });

    std::vector<std::optional<TaskField>> included;
    if (query.include) {
        for (const QString &name : std::as_const(*query.include))
            included.push_back(fieldFromName(name));
    }
    qsizetype size = 0;
    for (size_t row : page.rows)
        size += query.include ? 64 * qsizetype(included.size()) : tasks[row]->json.size() + 1;
    QByteArray token;
    if (page.more) {
        keepPagingState(state);
        token = encodeContinueToken({state->generation, qint64(page.next), query.filterKey, {}});
    }
    const auto appendTask = [&](QByteArray &out, size_t row) {
        const TaskRecord &task = *tasks[row];
        if (!query.include)
            out += task.json;
        else
            appendValues(out, included, [&](QByteArray &o, const std::optional<TaskField> &field) {
                return field && task.appendField(o, *field);
            });
    };
    return {Reply::Action::Send, 200, "application/json",
            listBody("application/astra-tasks", "1.1", page, size, token, appendTask)};
}

Reply DemoServer::Private::respondNames(const QList<QByteArray> &path, const QList<QueryParam> &params)
{
    // k8s/v2/apps, topology/v1/{clusters, clouds, namespaces}, topology/v1/clouds/{cloudID}/clusters.
    const QByteArray collection = path.join('/');
    const NameList *list = collection == "k8s/v2/apps"              ? &names.apps
                           : collection == "topology/v1/clusters"   ? &names.clusters
                           : collection == "topology/v1/clouds"     ? &names.clouds
                           : collection == "topology/v1/namespaces" ? &names.namespaces
                                                                    : nullptr;
    const bool ofCloud = path.size() == 5 && path[0] == "topology" && path[1] == "v1" && path[2] == "clouds"
                         && !path[3].isEmpty() && path[4] == "clusters";
    if (!list && !ofCloud)
        return problem(kCollectionNotFound);
    // The names fault before the cloud is looked up: a failing server fails whatever it is asked.
    if (auto fault = namesFaultReply())
        return *fault;
    Reply reply;
    if (!ofCloud) {
        reply = respondNameList(*list, collection, params);
    } else {
        const QByteArray cloudId = QByteArray::fromPercentEncoding(path[3]);
        list = names.clustersOf(cloudId);
        reply = list ? respondNameList(*list, "topology/v1/clouds/" + cloudId + "/clusters", params)
                     : problem(kCollectionNotFound);
    }
    if (faults.namesFault == NamesFault::Slow)
        reply.delayMs = faults.namesSlowMs;
    return reply;
}

std::optional<Reply> DemoServer::Private::namesFaultReply()
{
    switch (faults.namesFault) {
    case NamesFault::None: return std::nullopt;
    case NamesFault::InternalError: return problem(kInternalError);
    case NamesFault::Unavailable: return problem(kUnavailable);
    case NamesFault::Unauthorized: return problem(kInvalidToken);
    case NamesFault::Forbidden: return problem(kForbidden);
    case NamesFault::NotFound: return problem(kCollectionNotFound);
    case NamesFault::Drop: return Reply{Reply::Action::Drop, 0, {}, {}};
    case NamesFault::Slow: return std::nullopt; // answered, later
    }
    return std::nullopt;
}

Reply DemoServer::Private::respondNameList(const NameList &list, const QByteArray &collection,
                                           const QList<QueryParam> &params)
{
    // The same parameters, problems and paging as the tasks list; the list never changes, so a
    // token needs no state kept, only the list it was issued for.
    const ListQueryResult parsed = parseListQuery(params);
    if (!parsed.unsupported.isEmpty())
        return problem(kUnsupportedParams, parsed.unsupported);
    const ListQuery &query = parsed.query;
    QList<InvalidParam> invalid = parsed.invalid;
    size_t start = 0;
    if (const auto &token = query.continueToken) {
        if (token->collection != collection)
            invalid.append({u"continue"_s, kOtherList});
        else if (token->index > qint64(list.items.size()))
            invalid.append({u"continue"_s, kPastEnd});
        else
            start = size_t(token->index);
    }
    if (!invalid.isEmpty())
        return problem(kInvalidParams, invalid);

    const auto matches = [&](size_t i) {
        const NameItem &item = list.items[i];
        return std::all_of(query.filters.cbegin(), query.filters.cend(), [&](const ServerFilter &filter) {
            return filter.matchesFieldValue(item.value(filter.path().first()));
        });
    };
    const Page page = selectPage(list.items.size(), start, query.limit, matches);
    const QByteArray token =
        page.more ? encodeContinueToken({0, qint64(page.next), query.filterKey, collection}) : QByteArray();
    std::vector<QString> included;
    if (query.include)
        included.assign(query.include->cbegin(), query.include->cend());
    qsizetype size = 0;
    for (size_t row : page.rows)
        size += list.items[row].json.size() + 1;
    const auto appendItem = [&](QByteArray &out, size_t row) {
        const NameItem &item = list.items[row];
        if (!query.include)
            out += item.json;
        else
            appendValues(out, included,
                         [&](QByteArray &o, const QString &field) { return item.appendField(o, field); });
    };
    return {Reply::Action::Send, 200, "application/json",
            listBody(list.type, list.version, page, size, token, appendItem)};
}

std::shared_ptr<const ScenarioSnapshot> DemoServer::Private::pagingState(quint64 generation)
{
    for (auto it = pagingStates.begin(); it != pagingStates.end(); ++it) {
        if ((*it)->generation == generation) {
            auto state = *it;
            pagingStates.erase(it);
            pagingStates.push_back(state);
            return state;
        }
    }
    return {};
}

void DemoServer::Private::keepPagingState(const std::shared_ptr<const ScenarioSnapshot> &state)
{
    if (pagingState(state->generation))
        return; // already kept, now the most recently used
    pagingStates.push_back(state);
    while (pagingStates.size() > kPagingStates)
        pagingStates.pop_front();
}

namespace {

// QHttpServer's own debug output (qt.httpserver*) prints every request's headers, the bearer token
// included: it stays off whatever QT_LOGGING_RULES says, since a token never reaches a log.
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

void keepHttpServerQuiet(QLoggingCategory *category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}

} // namespace

DemoServer::DemoServer(const DemoServerOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    static std::once_flag quiet;
    std::call_once(quiet, [] { g_previousFilter = QLoggingCategory::installFilter(keepHttpServerQuiet); });
    d->account = (options.accountId.isEmpty() ? defaultAccountId() : options.accountId).toUtf8();
    d->token = (options.token.isEmpty() ? randomToken() : options.token).toUtf8();
    d->faults = options.faults;
    d->clock = options.clock ? options.clock : [] { return QDateTime::currentMSecsSinceEpoch(); };
    const quint32 faultSeed[] = {quint32(options.seed), quint32(options.seed >> 32), 0xfa017};
    const quint32 idSeed[] = {quint32(options.seed), quint32(options.seed >> 32), 0x1d5};
    d->faultRng = QRandomGenerator(faultSeed);
    d->idRng = QRandomGenerator(idSeed);

    ScenarioConfig config;
    config.accountId = d->account;
    config.seed = options.seed;
    config.targetTasks = options.tasks;
    config.speed = options.speed;
    config.retentionSeconds = options.retentionSeconds;
    config.failWithinSeconds = options.failWithinSeconds;
    config.epochMsecs = options.epochMsecs >= 0 ? options.epochMsecs : d->clock();
    d->scenario = std::make_unique<Scenario>(config);
    d->names = makeNameLists(d->scenario->topology());

    d->http = std::make_unique<QHttpServer>();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    d->http->setMissingHandler(this, [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        handle(request, std::move(responder));
    });
#else
    d->http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handle(request, std::move(responder));
    });
#endif
}

DemoServer::~DemoServer()
{
    // Responses held back by the latency fault go first, while their connections still exist (a
    // responder refers to its socket, which the HTTP server owns); then the port and every
    // connection close, before the rest goes. CI's sanitizer pass saw a double free in the
    // server's thread at the end of tst_faultsoak when the server was deleted with connections
    // open, or with their clean-up forced from inside a call (sendPostedEvents): the owner closes
    // them first and lets the event loop run (DemoServerThread's destructor).
    closeConnections();
    d->http.reset();
}

void DemoServer::closeConnections()
{
    d->pending.clear();
    if (!d->http)
        return;
    if (d->tcpServer)
        d->tcpServer->close();
    QList<QPointer<QTcpSocket>> sockets;
    for (QTcpSocket *socket : d->http->findChildren<QTcpSocket *>())
        sockets.append(socket);
    for (const QPointer<QTcpSocket> &socket : std::as_const(sockets)) {
        if (socket) // closing one may have let another go
            socket->abort();
    }
}

bool DemoServer::listen(quint16 port)
{
    if (d->tcpServer) {
        d->errorString = u"already listening"_s;
        return false;
    }
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        d->errorString = tcp->errorString();
        return false;
    }
    d->port = tcp->serverPort();
    d->tcpServer = tcp.get();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!d->http->bind(tcp.release())) {
        d->errorString = u"QHttpServer::bind failed"_s;
        return false;
    }
#else
    d->http->bind(tcp.release()); // the HTTP server owns it from here
#endif
    return true;
}

bool DemoServer::isListening() const
{
    return d->tcpServer && d->tcpServer->isListening();
}

quint16 DemoServer::port() const
{
    return d->port;
}

QUrl DemoServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(d->port);
    return url;
}

QUrl DemoServer::tasksUrl() const
{
    QUrl tasks = url();
    tasks.setPath(u"/accounts/"_s + account() + u"/core/v1/tasks"_s);
    return tasks;
}

QString DemoServer::account() const
{
    return QString::fromUtf8(d->account);
}

QString DemoServer::token() const
{
    return QString::fromUtf8(d->token);
}

QString DemoServer::errorString() const
{
    return d->errorString;
}

FaultOptions DemoServer::faults() const
{
    return d->faults;
}

void DemoServer::setFaults(const FaultOptions &faults)
{
    d->faults = faults;
}

quint64 DemoServer::requestCount() const
{
    return d->requests;
}

Scenario &DemoServer::scenario()
{
    return *d->scenario;
}

qint64 DemoServer::now() const
{
    return d->clock();
}

namespace {

const std::pair<const char *, NamesFault> kNamesFaults[] = {
    {"none", NamesFault::None},    {"500", NamesFault::InternalError}, {"503", NamesFault::Unavailable},
    {"401", NamesFault::Unauthorized}, {"403", NamesFault::Forbidden}, {"404", NamesFault::NotFound},
    {"drop", NamesFault::Drop},    {"slow", NamesFault::Slow},
};

} // namespace

QStringList namesFaultNames()
{
    QStringList names;
    for (const auto &[name, fault] : kNamesFaults)
        names.append(QLatin1StringView(name));
    return names;
}

std::optional<NamesFault> namesFaultFromName(QStringView name)
{
    for (const auto &[text, fault] : kNamesFaults) {
        if (name == QLatin1StringView(text))
            return fault;
    }
    return std::nullopt;
}

QString DemoServer::defaultAccountId()
{
    return QString::fromLatin1(kDefaultAccountId);
}

QString DemoServer::randomToken()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray bytes;
    for (quint32 word : words) {
        for (int i = 0; i < 4; ++i)
            bytes.append(char(word >> (8 * i)));
    }
    return QString::fromLatin1(bytes.toHex());
}

void DemoServer::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const quint64 number = ++d->requests;
    // The same draws for every request, whichever faults are on, so a run is repeatable.
    const double dropRoll = d->faultRng.generateDouble();
    const double errorRoll = d->faultRng.generateDouble();
    const double truncateRoll = d->faultRng.generateDouble();
    const double errorKindRoll = d->faultRng.generateDouble();

    Reply reply;
    const FaultOptions &faults = d->faults;
    if (faults.unauthorizedAfter > 0 && number > quint64(faults.unauthorizedAfter))
        reply = d->problem(kInvalidToken);
    else if (dropRoll < faults.dropRate)
        reply.action = Reply::Action::Drop;
    else if (errorRoll < faults.errorRate)
        reply = d->problem(errorKindRoll < 0.5 ? kInternalError : kUnavailable);
    else
        reply = d->respond(request);
    if (reply.action == Reply::Action::Send && truncateRoll < faults.truncateRate)
        reply.action = Reply::Action::Truncate;

    qCDebug(lcDemo).noquote() << number << request.url().toString(QUrl::FullyEncoded) << reply.status
                              << (reply.action == Reply::Action::Drop       ? "dropped"
                                  : reply.action == Reply::Action::Truncate ? "truncated"
                                                                            : "")
                              << reply.body.size() << "bytes";

    const quint64 id = d->nextPendingId++;
    auto &pending = d->pending[id];
    pending.responder = std::make_unique<QHttpServerResponder>(std::move(responder));
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    pending.socket = pending.responder->socket();
#endif
    const int delayMs = faults.latencyMs + reply.delayMs;
    pending.reply = std::move(reply);
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, [this, id] { sendPending(id); });
    else
        sendPending(id);
}

void DemoServer::sendPending(quint64 id)
{
    const auto it = d->pending.find(id);
    if (it == d->pending.end())
        return;
    Private::Pending pending = std::move(it->second);
    d->pending.erase(it);
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    QTcpSocket *socket = pending.socket;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client went away while the response was held back
#endif

    QHttpServerResponder &responder = *pending.responder;
    const Reply &reply = pending.reply;
    const auto status = QHttpServerResponder::StatusCode(reply.status);
    switch (reply.action) {
    case Reply::Action::Send:
        responder.write(reply.body, reply.contentType, status);
        return;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    case Reply::Action::Drop:
        socket->abort(); // no status line, nothing: the client sees the connection closed
        return;
    case Reply::Action::Truncate:
        // The full length is announced, half the body is sent, then the connection is closed.
        responder.writeStatusLine(status);
        responder.writeHeader("Content-Type", reply.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        responder.writeBody(reply.body.first(reply.body.size() / 2));
        socket->disconnectFromHost(); // after the bytes written so far are flushed
        return;
#else
    case Reply::Action::Drop:
    case Reply::Action::Truncate:
        // Later QHttpServer versions no longer hand out the socket or raw writes: answer normally.
        qCWarning(lcDemo) << "drop and truncate faults need Qt < 6.5; answering normally";
        responder.write(reply.body, reply.contentType, status);
        return;
#endif
    }
}

} // namespace Taskscope::Demo
