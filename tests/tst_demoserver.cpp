// Tests of the demo server: the scenario engine (determinism, schema validity, retention, scale), the
// server filter grammar, and the HTTP endpoint (every status and problem body, include, paging, faults).
#include "demojson.h"
#include "demoserver.h"
#include "scenario.h"
#include "serverfilter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Taskscope::Demo;

namespace {

constexpr qint64 kEpoch = 1795870800000; // 2026-11-28T13:00:00Z
constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;

const QRegularExpression kUuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
const QString kZeroUuid = u"00000000-0000-0000-0000-000000000000"_s;
const QRegularExpression kTimestamp(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$"_s);

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("JSON error at %d: %s", error.offset, qPrintable(error.errorString()));
    return doc.object();
}

qint64 usecs(const QJsonValue &timestamp)
{
    const auto instant = Json::parseTimestamp(timestamp.toString());
    return instant ? instant->seconds * 1'000'000 + instant->nanoseconds / 1000 : -1;
}

QStringList idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(u"id"_s).toString());
    return ids;
}

// A validator for the subset of JSON Schema (2020-12) that tests/fixtures/astra-tasks.schema.json uses.
// It refuses keywords it does not know, so no rule of the schema is skipped silently.
class SchemaValidator
{
public:
    explicit SchemaValidator(QJsonObject root)
        : m_root(std::move(root))
    {
    }

    QStringList validate(const QJsonValue &value, const QString &defName) const
    {
        QStringList errors;
        m_path = {defName};
        check(value, m_root.value(u"$defs"_s).toObject().value(defName).toObject(), errors);
        return errors;
    }

    QStringList validateDocument(const QJsonValue &value) const
    {
        QStringList errors;
        m_path = {u"$"_s};
        check(value, m_root, errors);
        return errors;
    }

private:
    static bool hasType(const QJsonValue &value, const QString &type)
    {
        if (type == u"string")
            return value.isString();
        if (type == u"number")
            return value.isDouble();
        if (type == u"integer")
            return value.isDouble() && value.toDouble() == std::floor(value.toDouble());
        if (type == u"object")
            return value.isObject();
        if (type == u"array")
            return value.isArray();
        if (type == u"boolean")
            return value.isBool();
        if (type == u"null")
            return value.isNull();
        return false;
    }

    // Where in the document the check is, built only for an error message.
    QString where() const { return m_path.join(u'.'); }

    void check(const QJsonValue &value, const QJsonObject &schema, QStringList &errors) const
    {
        static const QStringList annotations = {u"$schema"_s, u"$id"_s, u"title"_s, u"description"_s, u"$defs"_s};
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            const QString keyword = it.key();
            const QJsonValue rule = it.value();
            if (annotations.contains(keyword))
                continue;
            if (keyword == u"$ref") {
                const QString ref = rule.toString();
                if (!ref.startsWith(u"#/$defs/"))
                    errors.append(where() + u": unsupported $ref "_s + ref);
                else
                    check(value, m_root.value(u"$defs"_s).toObject().value(ref.mid(8)).toObject(), errors);
            } else if (keyword == u"type") {
                if (!hasType(value, rule.toString()))
                    errors.append(where() + u": not of type "_s + rule.toString());
            } else if (keyword == u"const") {
                if (value != rule)
                    errors.append(where() + u": not the constant "_s + rule.toString());
            } else if (keyword == u"enum") {
                if (!rule.toArray().contains(value))
                    errors.append(where() + u": not one of the enumerated values: "_s + value.toString());
            } else if (keyword == u"required") {
                for (const QJsonValue &name : rule.toArray()) {
                    if (value.isObject() && !value.toObject().contains(name.toString()))
                        errors.append(where() + u": missing required "_s + name.toString());
                }
            } else if (keyword == u"properties") {
                if (!value.isObject())
                    continue;
                const QJsonObject object = value.toObject();
                const QJsonObject properties = rule.toObject();
                for (auto p = properties.begin(); p != properties.end(); ++p) {
                    const auto found = object.constFind(p.key());
                    if (found == object.constEnd())
                        continue;
                    m_path.append(p.key());
                    check(found.value(), p.value().toObject(), errors);
                    m_path.removeLast();
                }
            } else if (keyword == u"items") {
                if (!value.isArray())
                    continue;
                const QJsonArray array = value.toArray();
                for (qsizetype i = 0; i < array.size(); ++i) {
                    m_path.append(QString::number(i));
                    check(array[i], rule.toObject(), errors);
                    m_path.removeLast();
                }
            } else if (keyword == u"anyOf") {
                bool any = false;
                for (const QJsonValue &option : rule.toArray()) {
                    QStringList optionErrors;
                    check(value, option.toObject(), optionErrors);
                    any = any || optionErrors.isEmpty();
                }
                if (!any)
                    errors.append(where() + u": matches none of anyOf"_s);
            } else if (keyword == u"minLength" || keyword == u"maxLength") {
                if (!value.isString())
                    continue;
                const qsizetype length = value.toString().toUcs4().size();
                const bool ok = keyword == u"minLength" ? length >= rule.toInt() : length <= rule.toInt();
                if (!ok)
                    errors.append(where() + u": length "_s + QString::number(length) + u" breaks "_s + keyword);
            } else if (keyword == u"pattern") {
                auto pattern = m_patterns.constFind(rule.toString());
                if (pattern == m_patterns.cend())
                    pattern = m_patterns.insert(rule.toString(), QRegularExpression(rule.toString()));
                if (value.isString() && !pattern->match(value.toString()).hasMatch())
                    errors.append(where() + u": does not match "_s + rule.toString());
            } else if (keyword == u"minimum" || keyword == u"maximum") {
                if (!value.isDouble())
                    continue;
                const bool ok = keyword == u"minimum" ? value.toDouble() >= rule.toDouble()
                                                      : value.toDouble() <= rule.toDouble();
                if (!ok)
                    errors.append(where() + u": breaks "_s + keyword);
            } else if (keyword == u"format") {
                // date-time as the API writes it: YYYY-MM-DDTHH:MM:SS(.f{1,9})?Z
                if (rule.toString() != u"date-time")
                    errors.append(where() + u": unsupported format "_s + rule.toString());
                else if (value.isString() && !kTimestamp.match(value.toString()).hasMatch())
                    errors.append(where() + u": not a timestamp: "_s + value.toString());
            } else {
                errors.append(where() + u": the validator does not know the keyword "_s + keyword);
            }
        }
    }

    QJsonObject m_root;
    mutable QHash<QString, QRegularExpression> m_patterns;
    mutable QStringList m_path;
};

// What the schema does not say but the demo promises (API-NOTES.md and the issue).
QStringList semanticErrors(const QJsonObject &task, const QSet<QString> &listedIds, const QString &account)
{
    QStringList errors;
    const QString id = task.value(u"id"_s).toString();
    auto fail = [&](const QString &what) { errors.append(id + u": "_s + what); };
    // Each name, and the summary a person reads for it.
    static const QHash<QString, QString> summaries = {
        {u"astra.backup"_s, u"Backup"_s},
        {u"astra.backup.prep"_s, u"Backup preparation"_s},
        {u"astra.backup.snapshot"_s, u"Backup snapshot"_s},
        {u"astra.backup.copy"_s, u"Backup copy"_s},
        {u"astra.snapshot"_s, u"Snapshot"_s},
        {u"astra.restore"_s, u"Restore"_s},
        {u"astra.clone"_s, u"Clone"_s},
        {u"astra.clone.snapshot"_s, u"Clone snapshot"_s},
        {u"astra.clone.restore"_s, u"Clone restore"_s}};
    const QString name = task.value(u"name"_s).toString();
    if (!summaries.contains(name))
        fail(u"unexpected name "_s + name);
    else if (task.value(u"summary"_s) != summaries.value(name))
        fail(u"summary "_s + task.value(u"summary"_s).toString() + u" for "_s + name);
    for (const char *field : {"id", "userID", "resourceID"}) {
        if (!kUuid.match(task.value(QLatin1StringView(field)).toString()).hasMatch())
            fail(QLatin1StringView(field) + u" is not a UUIDv4"_s);
    }
    const QJsonObject metadata = task.value(u"metadata"_s).toObject();
    const QString createdBy = metadata.value(u"createdBy"_s).toString();
    if (createdBy != kZeroUuid && !kUuid.match(createdBy).hasMatch())
        fail(u"createdBy is neither a UUIDv4 nor the zero UUID"_s);
    if (task.value(u"version"_s) != u"1.1"_s || task.value(u"service"_s) != u"nautilus"_s)
        fail(u"version or service"_s);

    const bool subtask = task.contains(u"parentTaskID"_s);
    if (subtask != (name.count(u'.') > 1))
        fail(u"parentTaskID on a top-level task or missing on a subtask"_s);
    if (subtask && !listedIds.contains(task.value(u"parentTaskID"_s).toString()))
        fail(u"the parent is not listed"_s);
    const int orderHint = task.value(u"orderHint"_s).toInt(-1);
    if (orderHint < 0 || orderHint > 2 || (!subtask && orderHint != 0))
        fail(u"orderHint"_s);

    if (!task.value(u"resourceURI"_s).toString().startsWith(u"/accounts/"_s + account + u"/k8s/v1/apps/"_s))
        fail(u"resourceURI"_s);
    const QJsonArray collection = task.value(u"resourceCollectionURI"_s).toArray();
    if (collection.isEmpty())
        fail(u"no resourceCollectionURI"_s);
    for (const QJsonValue &uri : collection) {
        if (!uri.toString().startsWith(u"/accounts/"_s + account + u"/topology/v1/clouds/"_s))
            fail(u"resourceCollectionURI"_s);
    }
    const QString resourceId = task.value(u"resourceID"_s).toString();
    if (!task.value(u"resourceURI"_s).toString().endsWith(resourceId))
        fail(u"resourceURI does not end with resourceID"_s);

    const QString state = task.value(u"state"_s).toString();
    const bool final = state == u"completed" || state == u"failed" || state == u"cancelled";
    const double percent = task.value(u"percentDone"_s).toDouble(-1);
    if (final != task.contains(u"endTime"_s))
        fail(u"endTime present in a state that has not ended, or missing"_s);
    if (task.contains(u"cancelTime"_s) != (state == u"cancelled" || state == u"cancelling"))
        fail(u"cancelTime"_s);
    if ((state == u"notStarted") == task.contains(u"startTime"_s))
        fail(u"startTime"_s);
    if (state == u"completed" && percent != 100)
        fail(u"completed below 100%"_s);
    if (state == u"notStarted" && percent != 0)
        fail(u"notStarted above 0%"_s);
    if (state != u"completed" && percent >= 100)
        fail(u"100% but not completed"_s);

    const QJsonArray details = task.value(u"stateDetails"_s).toArray();
    if ((state == u"failed") != !details.isEmpty())
        fail(u"stateDetails should be set exactly when failed"_s);
    for (const QJsonValue &value : details) {
        const QJsonObject detail = value.toObject();
        const QString title = detail.value(u"title"_s).toString();
        const QString text = detail.value(u"detail"_s).toString();
        if (!detail.value(u"type"_s).toString().startsWith(u"https://astra.netapp.io/problems/"_s))
            fail(u"stateDetails type"_s);
        if (title.isEmpty() || title.size() > 40 || text.isEmpty() || text.size() > 511)
            fail(u"stateDetails title or detail length"_s);
        if (!detail.value(u"additionalDetails"_s).isObject())
            fail(u"additionalDetails"_s);
    }

    const qint64 created = usecs(metadata.value(u"creationTimestamp"_s));
    const qint64 modified = usecs(metadata.value(u"modificationTimestamp"_s));
    if (created < 0 || modified < created)
        fail(u"modificationTimestamp before creationTimestamp"_s);
    if (task.contains(u"startTime"_s) && usecs(task.value(u"startTime"_s)) < created)
        fail(u"started before created"_s);
    if (task.contains(u"endTime"_s) && usecs(task.value(u"endTime"_s)) < usecs(task.value(u"startTime"_s)))
        fail(u"ended before started"_s);
    static const QRegularExpression micros(u"\\.\\d{6}Z$"_s);
    for (const char *field : {"startTime", "endTime", "cancelTime"}) {
        const QString text = task.value(QLatin1StringView(field)).toString();
        if (task.contains(QLatin1StringView(field)) && !micros.match(text).hasMatch())
            fail(QLatin1StringView(field) + u" without microseconds"_s);
    }
    return errors;
}

struct Response {
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray contentType;
    std::optional<qint64> contentLength;
    QByteArray body;

    QJsonObject json() const { return parseObject(body); }
    bool lengthMatches() const { return contentLength && *contentLength == body.size(); }
};

// A task's JSON without its modificationTimestamp: what else a client sees change. Null when the
// timestamp is not written as the record says.
QByteArray withoutModificationTime(const TaskRecord &task)
{
    const QByteArray stamp = ",\"modificationTimestamp\":\"" + Json::timestamp(task.modifiedUs) + '"';
    QByteArray json = task.json;
    const qsizetype at = json.indexOf(stamp);
    return at < 0 ? QByteArray() : json.remove(at, stamp.size());
}

QString modificationTime(const QJsonValue &task)
{
    return task.toObject().value(u"metadata"_s).toObject().value(u"modificationTimestamp"_s).toString();
}

qint64 newestModification(const QJsonArray &items)
{
    qint64 newest = -1;
    for (const QJsonValue &item : items)
        newest = std::max(newest, usecs(modificationTime(item)));
    return newest;
}

// `filter=metadata.modificationTimestamp <op> '<time>'`, percent-encoded, and an optional state filter.
QString modifiedQuery(const QString &op, const QString &time, const QString &state = {})
{
    QString query = u"filter="_s
                    + QString::fromLatin1(
                        QUrl::toPercentEncoding(u"metadata.modificationTimestamp "_s + op + u" '"_s + time + u'\''));
    if (!state.isEmpty())
        query += u"&filter=state+eq+'"_s + state + u'\'';
    return query;
}

// A Kubernetes name (DNS-1123 label): lower case letters, digits and '-', at most 63 characters.
const QRegularExpression kDnsLabel(u"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"_s);

// The names lists: path under /accounts/{account}/, and the list's and its items' type and version.
struct NamesList {
    const char *path;
    const char *type;
    const char *version;
    const char *itemType;
};
const NamesList kApps{"k8s/v2/apps", "application/astra-apps", "2.2", "application/astra-app"};
const NamesList kClusters{"topology/v1/clusters", "application/astra-clusters", "1.7", "application/astra-cluster"};
const NamesList kClouds{"topology/v1/clouds", "application/astra-clouds", "1.1", "application/astra-cloud"};
const NamesList kNamespaces{"topology/v1/namespaces", "application/astra-namespaces", "1.2",
                            "application/astra-namespace"};

QString cloudClusters(const QString &cloudId)
{
    return u"topology/v1/clouds/"_s + cloudId + u"/clusters"_s;
}

// The ids a task URI names, by key: clouds, clusters, namespaces, apps (and appBackups...).
QHash<QString, QString> uriIds(const QString &uri)
{
    static const QStringList keys = {u"clouds"_s, u"clusters"_s, u"namespaces"_s, u"apps"_s};
    QHash<QString, QString> ids;
    const QStringList parts = uri.split(u'/');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (keys.contains(parts[i]))
            ids.insert(parts[i], parts[i + 1]);
    }
    return ids;
}

QHash<QString, QJsonObject> byId(const QJsonArray &items)
{
    QHash<QString, QJsonObject> objects;
    for (const QJsonValue &item : items)
        objects.insert(item.toObject().value(u"id"_s).toString(), item.toObject());
    return objects;
}

// Ids that are not unique UUIDv4s, and names that are not unique DNS-1123 labels: within the whole
// list, or within each value of `scope` (namespaces: per clusterID).
QStringList nameErrors(const QJsonArray &items, const QString &scope = {})
{
    QStringList errors;
    QSet<QString> ids;
    QSet<QString> names;
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const QString id = item.value(u"id"_s).toString();
        const QString name = item.value(u"name"_s).toString();
        if (!kUuid.match(id).hasMatch() || ids.contains(id))
            errors.append(u"id "_s + id);
        if (!kDnsLabel.match(name).hasMatch())
            errors.append(u"name "_s + name);
        const QString scoped = (scope.isEmpty() ? QString() : item.value(scope).toString()) + u'/' + name;
        if (names.contains(scoped))
            errors.append(u"duplicate name "_s + scoped);
        ids.insert(id);
        names.insert(scoped);
    }
    return errors;
}

DemoServerOptions withTasks(int tasks, double speed = 1.0)
{
    DemoServerOptions options;
    options.tasks = tasks;
    options.speed = speed;
    return options;
}

ScenarioConfig scenarioConfig(quint64 seed, int tasks)
{
    ScenarioConfig config;
    config.seed = seed;
    config.targetTasks = tasks;
    config.epochMsecs = kEpoch;
    return config;
}

} // namespace

class TestDemoServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Helpers and the filter grammar.
    void timestamps();
    void filterParse_data();
    void filterParse();
    void filterEvaluate_data();
    void filterEvaluate();
    void filterTimestamps();

    // The scenario engine, driven by its clock.
    void scenarioDeterminism();
    void scenarioSchemaValidity();
    void scenarioCoverage();
    void scenarioFieldsMatchJson();
    void scenarioRetention();
    void failWithin_data();
    void failWithin();
    void retentionGrowsWithTheList();
    void scenarioTaskCount_data();
    void scenarioTaskCount();
    void scenarioModificationTimestamps();

    // The endpoint.
    void listAndSingleTask();
    void problems_data();
    void problems();
    void includeArrays();
    void pagingRoundTrip_data();
    void pagingRoundTrip();
    void pagingWithFilter();
    void continueTokens();
    void filterOverHttp_data();
    void filterOverHttp();
    void modifiedSinceOverHttp_data();
    void modifiedSinceOverHttp();
    void modifiedSinceFindsEveryChange();
    void modifiedSincePaging_data();
    void modifiedSincePaging();

    // The names lists.
    void namesLists_data();
    void namesLists();
    void namesMatchTheTasks();
    void namesAtScale_data();
    void namesAtScale();
    void namesInclude();
    void namesPaging_data();
    void namesPaging();
    void namesContinueTokens();
    void namesFilter();
    void namesFault_data();
    void namesFault();
    void namesSlow();
    void namesUnderGlobalFaults();

    // Faults.
    void faultErrorRate();
    void faultDrop();
    void faultTruncate();
    void faultLatency();
    void faultUnauthorizedAfter();
    void faultsRepeatable();
    void destroyedWhileResponding();

    // The executable.
    void executable();
    void executableBadArguments_data();
    void executableBadArguments();
    void executableNamesFault();

    // Scale.
    void hundredThousandTasks();
    void incrementalPollBytes();

private:
    DemoServer *startServer(DemoServerOptions options = {});
    Response get(const QUrl &url, std::optional<QByteArray> authorization = std::nullopt, int timeoutMs = 30000);
    QUrl listUrl(const QString &rawQuery = {}) const;
    QUrl namesUrl(const QString &list, const QString &rawQuery = {}) const;
    QJsonArray names(const QString &list, const QString &rawQuery = {});
    QJsonArray walkNames(const QString &list, const QString &rawQuery, int limit, int *pages = nullptr);

    std::unique_ptr<SchemaValidator> m_schema;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<DemoServer> m_server;
    qint64 m_now = kEpoch;
};

void TestDemoServer::initTestCase()
{
    QFile file(QStringLiteral(TASKSCOPE_FIXTURES_DIR "/astra-tasks.schema.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject schema = parseObject(file.readAll());
    QVERIFY(!schema.isEmpty());
    m_schema = std::make_unique<SchemaValidator>(schema);
    // The validator itself: the reference example passes, a broken task does not.
    QFile example(QStringLiteral(TASKSCOPE_FIXTURES_DIR "/example-response.json"));
    QVERIFY(example.open(QIODevice::ReadOnly));
    QCOMPARE(m_schema->validateDocument(parseObject(example.readAll())), QStringList());
    QJsonObject broken{{u"type"_s, u"application/astra-task"_s}, {u"name"_s, u"Astra.Backup"_s}, {u"percentDone"_s, 101}};
    const QStringList errors = m_schema->validate(broken, u"task"_s);
    QVERIFY(errors.size() > 5);
    QVERIFY(errors.join(u'\n').contains(u"percentDone: breaks maximum"_s));
    QVERIFY(errors.join(u'\n').contains(u"name: does not match"_s));
}

void TestDemoServer::init()
{
    m_now = kEpoch;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

void TestDemoServer::cleanup()
{
    m_server.reset();
    m_nam.reset();
}

DemoServer *TestDemoServer::startServer(DemoServerOptions options)
{
    if (options.token.isEmpty())
        options.token = u"s3cret-token"_s;
    if (!options.clock)
        options.clock = [this] { return m_now; };
    m_server = std::make_unique<DemoServer>(options);
    if (!m_server->listen()) {
        qWarning() << "listen failed:" << m_server->errorString();
        return nullptr;
    }
    return m_server.get();
}

Response TestDemoServer::get(const QUrl &url, std::optional<QByteArray> authorization, int timeoutMs)
{
    QNetworkRequest request(url);
    const QByteArray auth = authorization ? *authorization : "Bearer " + m_server->token().toUtf8();
    if (!auth.isNull())
        request.setRawHeader("Authorization", auth);
    request.setRawHeader("Accept", "application/json");
    std::unique_ptr<QNetworkReply> reply(m_nam->get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Response response;
    response.finished = reply->isFinished() || finished.wait(timeoutMs);
    response.error = reply->error();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.contentType = reply->rawHeader("Content-Type");
    if (reply->hasRawHeader("Content-Length"))
        response.contentLength = reply->rawHeader("Content-Length").toLongLong();
    response.body = reply->readAll();
    return response;
}

QUrl TestDemoServer::listUrl(const QString &rawQuery) const
{
    QUrl url = m_server->tasksUrl();
    if (!rawQuery.isEmpty())
        url.setQuery(rawQuery);
    return url;
}

QUrl TestDemoServer::namesUrl(const QString &list, const QString &rawQuery) const
{
    QUrl url = m_server->url();
    url.setPath(u"/accounts/"_s + m_server->account() + u'/' + list);
    if (!rawQuery.isEmpty())
        url.setQuery(rawQuery);
    return url;
}

// The items of a names list, in one request (empty, with a failure, when it is not a 200).
QJsonArray TestDemoServer::names(const QString &list, const QString &rawQuery)
{
    const Response r = get(namesUrl(list, rawQuery));
    if (r.status != 200) {
        qWarning() << list << rawQuery << r.status << r.body;
        return {};
    }
    return r.json().value(u"items"_s).toArray();
}

// The items of a names list, page by page (`limit` each) following metadata.continue.
QJsonArray TestDemoServer::walkNames(const QString &list, const QString &rawQuery, int limit, int *pages)
{
    QJsonArray walked;
    QString token;
    int count = 0;
    do {
        QString query = rawQuery.isEmpty() ? QString() : rawQuery + u'&';
        query += u"limit="_s + QString::number(limit);
        if (!token.isEmpty())
            query += u"&continue="_s + QString::fromLatin1(QUrl::toPercentEncoding(token));
        const Response page = get(namesUrl(list, query));
        if (page.status != 200 || !page.lengthMatches()) {
            qWarning() << list << query << page.status << page.body;
            return {};
        }
        const QJsonObject body = page.json();
        const QJsonArray items = body.value(u"items"_s).toArray();
        for (const QJsonValue &item : items)
            walked.append(item);
        ++count;
        token = body.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
        if (!token.isEmpty() && items.size() != limit) {
            qWarning() << "a page short of the limit before the last:" << items.size();
            return {};
        }
    } while (!token.isEmpty());
    if (pages)
        *pages = count;
    return walked;
}

// ---- Helpers and the filter grammar -----------------------------------------------------------------

void TestDemoServer::timestamps()
{
    QCOMPARE(Json::timestamp(0), QByteArray("1970-01-01T00:00:00.000000Z"));
    QCOMPARE(Json::timestamp(kEpoch * 1000 + 5 * 60'000'000 + 4'125'000), QByteArray("2026-11-28T13:05:04.125000Z"));
    QCOMPARE(Json::timestamp(951'782'400'000'001), QByteArray("2000-02-29T00:00:00.000001Z")); // a leap day
    for (qint64 us : {qint64(0), qint64(1), kEpoch * 1000 + 123456, qint64(4'102'444'799'999'999)}) {
        const auto instant = Json::parseTimestamp(QString::fromLatin1(Json::timestamp(us)));
        QVERIFY(instant);
        QCOMPARE(instant->seconds * 1'000'000 + instant->nanoseconds / 1000, us);
    }
    QVERIFY(Json::parseTimestamp(u"2020-08-06T12:24:52Z"));
    QCOMPARE(Json::parseTimestamp(u"2020-08-06T12:24:52.5Z")->nanoseconds, 500'000'000);
    QCOMPARE(Json::parseTimestamp(u"2020-08-06T12:24:52.123456789Z")->nanoseconds, 123'456'789);
    for (const QString &bad : {u"2020-08-06T12:24:52"_s, u"2020-08-06 12:24:52Z"_s, u"2020-08-06T12:24:52.Z"_s,
                               u"2020-08-06T12:24:52.1234567890Z"_s, u"2020-13-06T12:24:52Z"_s, u"today"_s})
        QVERIFY2(!Json::parseTimestamp(bad), qPrintable(bad));
    QCOMPARE(Json::numberText(100), QByteArray("100"));
    QCOMPARE(Json::numberText(20.25), QByteArray("20.25"));
    QCOMPARE(Json::numberText(0.1), QByteArray("0.1"));
    QByteArray escaped;
    Json::appendString(escaped, QByteArrayView("a\"b\\c\nd\x01"));
    QCOMPARE(escaped, QByteArray(R"("a\"b\\c\nd\u0001")"));
}

void TestDemoServer::filterParse_data()
{
    QTest::addColumn<QString>("clause");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("path"); // when valid
    QTest::addColumn<QString>("value");    // when valid; else a part of the error message

    auto accept = [](const char *tag, const QString &clause, const QStringList &path, const QString &value) {
        QTest::newRow(tag) << clause << true << path << value;
    };
    auto reject = [](const char *tag, const QString &clause, const QString &message) {
        QTest::newRow(tag) << clause << false << QStringList() << message;
    };
    accept("eq", u"state eq 'running'"_s, {u"state"_s}, u"running"_s);
    accept("lt", u"percentDone lt '50'"_s, {u"percentDone"_s}, u"50"_s);
    accept("gt timestamp", u"metadata.creationTimestamp gt '2020-08-06T12:24:52Z'"_s,
           {u"metadata"_s, u"creationTimestamp"_s}, u"2020-08-06T12:24:52Z"_s);
    accept("lte", u"orderHint lte '1'"_s, {u"orderHint"_s}, u"1"_s);
    accept("gte", u"percentDone gte '99.5'"_s, {u"percentDone"_s}, u"99.5"_s);
    accept("in", u"name in 'backup'"_s, {u"name"_s}, u"backup"_s);
    accept("wildcard", u"stateDetails[*].title eq 'x'"_s, {u"stateDetails"_s, u"title"_s}, u"x"_s);
    accept("wildcard last", u"resourceCollectionURI[*] in 'clusters'"_s, {u"resourceCollectionURI"_s}, u"clusters"_s);
    accept("two wildcards", u"metadata.labels[*].value in 'post'"_s, {u"metadata"_s, u"labels"_s, u"value"_s},
           u"post"_s);
    accept("deep", u"stateDetails[*].additionalDetails.attempts gte '3'"_s,
           {u"stateDetails"_s, u"additionalDetails"_s, u"attempts"_s}, u"3"_s);
    accept("spaces in value", u"summary eq 'Backup  copy'"_s, {u"summary"_s}, u"Backup  copy"_s);
    accept("punctuation in value", u"stateDetails[*].detail in 'within 300 s.'"_s,
           {u"stateDetails"_s, u"detail"_s}, u"within 300 s."_s);
    accept("underscore and digits", u"field_2 eq 'x'"_s, {u"field_2"_s}, u"x"_s);
    accept("operator word as value", u"state eq 'eq'"_s, {u"state"_s}, u"eq"_s);
    accept("unicode value", u"summary in 'Sauvegardeé'"_s, {u"summary"_s}, u"Sauvegarde\u00e9"_s);

    reject("empty", QString(), u"empty"_s);
    reject("field only", u"state"_s, u"column 6"_s);
    reject("no value", u"state eq"_s, u"column 9"_s);
    reject("no value after space", u"state eq "_s, u"single quotes at column 10"_s);
    reject("unquoted", u"state eq running"_s, u"single quotes at column 10"_s);
    reject("double quotes", u"state eq \"running\""_s, u"single quotes"_s);
    reject("empty value", u"state eq ''"_s, u"empty"_s);
    reject("unclosed", u"state eq 'running"_s, u"no closing quote"_s);
    reject("quote in value", u"state eq 'it's'"_s, u"column 14"_s);
    reject("trailing text", u"state eq 'x' and name eq 'y'"_s, u"after the closing quote"_s);
    reject("trailing space", u"state eq 'x' "_s, u"after the closing quote"_s);
    reject("leading space", u" state eq 'x'"_s, u"column 1"_s);
    reject("double space", u"state  eq 'x'"_s, u"column 7"_s);
    reject("double space before value", u"state eq  'x'"_s, u"column 10"_s);
    reject("tab", u"state\teq 'x'"_s, u"column 6"_s);
    reject("unknown operator", u"state ne 'x'"_s, u"unknown operator 'ne'"_s);
    reject("upper-case operator", u"state EQ 'x'"_s, u"unknown operator 'EQ'"_s);
    reject("matches is client-only", u"name matches 'x'"_s, u"unknown operator"_s);
    reject("index", u"stateDetails[0].title eq 'x'"_s, u"[*]"_s);
    reject("wildcard without dot", u"stateDetails[*]title eq 'x'"_s, u"column 16"_s);
    reject("leading dot", u".state eq 'x'"_s, u"column 1"_s);
    reject("trailing dot", u"state. eq 'x'"_s, u"column 7"_s);
    reject("digit first", u"1state eq 'x'"_s, u"column 1"_s);
    reject("keyword and", u"state eq 'x' and"_s, u"after the closing quote"_s);
}

void TestDemoServer::filterParse()
{
    QFETCH(QString, clause);
    QFETCH(bool, valid);
    QFETCH(QStringList, path);
    QFETCH(QString, value);
    QString error;
    const auto filter = ServerFilter::parse(clause, &error);
    QCOMPARE(bool(filter), valid);
    if (valid) {
        QCOMPARE(filter->path(), path);
        QCOMPARE(filter->value(), value);
        QCOMPARE(filter->text(), clause);
        QVERIFY(error.isEmpty());
    } else {
        QVERIFY2(error.contains(value), qPrintable(error));
    }
}

void TestDemoServer::filterEvaluate_data()
{
    QTest::addColumn<QString>("clause");
    QTest::addColumn<bool>("expected");
    const QList<std::pair<const char *, bool>> rows = {
        {"state eq 'failed'", true},
        {"state eq 'Failed'", false}, // eq is exact
        {"state eq 'fail'", false},
        {"state in 'FAIL'", true}, // in: case-insensitive substring
        {"name in 'backup.co'", true},
        {"name in 'restore'", false},
        {"percentDone eq '20.25'", true},
        {"percentDone eq '20.250'", true}, // numbers compare as numbers
        {"percentDone lt '100'", true},
        {"percentDone gt '9'", true}, // as text "20.25" < "9"
        {"percentDone gte '20.25'", true},
        {"percentDone lte '20.2'", false},
        {"orderHint lte '0'", true},
        {"orderHint gt '0'", false},
        {"startTime gt '2020-08-06T12:24:52Z'", true}, // as text ".2..Z" < "Z"
        {"startTime lte '2020-08-06T12:24:52.256624000Z'", true}, // the same instant at another precision
        {"startTime lt '2020-08-06T12:24:52.256624Z'", false},
        {"startTime gte '2020-08-07T00:00:00Z'", false},
        {"metadata.creationTimestamp lt '2021-01-01T00:00:00Z'", true},
        {"metadata.modificationTimestamp gte '2020-08-06T12:24:52.256624Z'", true}, // what incremental polls send
        {"metadata.modificationTimestamp gt '2020-08-06T12:24:52.256624Z'", false},
        {"endTime gt '2000-01-01T00:00:00Z'", false}, // absent: matches nothing
        {"cancelTime eq 'x'", false},
        {"stateDetails[*].title eq 'Bucket unreachable'", true},
        {"stateDetails.title eq 'Bucket unreachable'", true}, // arrays are searched with or without [*]
        {"stateDetails[*].title eq 'Bucket'", false},
        {"stateDetails[*].additionalDetails.attempts gte '3'", true},
        {"stateDetails[*].additionalDetails.attempts gt '3'", false},
        {"stateDetails[*].additionalDetails.retryable eq 'true'", true},
        {"metadata.labels[*].name eq 'app'", true},
        {"metadata.labels[*].value in 'ORDERS'", true},
        {"metadata.labels[*].value eq 'kafka'", false},
        {"resourceCollectionURI[*] in '923708f8'", true},
        {"resourceCollectionURI in '923708f8'", true},
        {"stateTransitions[*].to in 'paus'", true}, // an array in an array
        {"stateTransitions[*].from eq 'paused'", true},
        {"metadata eq 'x'", false}, // an object has no text
        {"summary lt 'C'", true},   // text
        {"summary gt 'Backup'", true},
        {"summary gte 'Backup copy'", true},
        {"missing eq 'x'", false},
        {"metadata.missing in 'x'", false},
        {"id eq 'bc1e6561-9e22-406c-8a5a-762f4604da00'", true},
    };
    for (const auto &[clause, expected] : rows)
        QTest::newRow(clause) << QString::fromUtf8(clause) << expected;
}

void TestDemoServer::filterEvaluate()
{
    QFETCH(QString, clause);
    QFETCH(bool, expected);
    static const QJsonObject task = parseObject(R"({
        "type": "application/astra-task", "version": "1.1", "id": "bc1e6561-9e22-406c-8a5a-762f4604da00",
        "name": "astra.backup.copy", "summary": "Backup copy", "description": "Task to copy the snapshot",
        "resourceCollectionURI": ["/accounts/a/topology/v1/clouds/c/clusters/k/namespaces/923708f8-0435/apps/x"],
        "state": "failed",
        "stateTransitions": [{"from": "running", "to": ["paused", "cancelled"]},
                             {"from": "paused", "to": ["running", "cancelled"]}],
        "stateDetails": [{"type": "https://astra.netapp.io/problems/47", "title": "Bucket unreachable",
                          "detail": "The bucket did not answer within 300 s.",
                          "additionalDetails": {"attempts": 3, "retryable": true}}],
        "orderHint": 0, "percentDone": 20.25, "startTime": "2020-08-06T12:24:52.256624Z",
        "metadata": {"labels": [{"name": "app", "value": "postgres-orders"}],
                     "creationTimestamp": "2020-08-06T12:24:52.256624Z",
                     "modificationTimestamp": "2020-08-06T12:24:52.256624Z",
                     "createdBy": "00000000-0000-0000-0000-000000000000"}})");
    QVERIFY(!task.isEmpty());
    const auto filter = ServerFilter::parse(clause);
    QVERIFY(filter);
    QCOMPARE(filter->matches(task), expected);
}

void TestDemoServer::filterTimestamps()
{
    // matchesTimestamp(), the server's quick path for metadata's times, answers as the filter does
    // on the timestamp's text, for every operator and kind of value.
    const qint64 base = kEpoch * 1000;
    const qint64 times[] = {base, base + 1, base - 1, base + 999'999, base + 1'000'000, base + 500'000,
                            0, -1, -1'000'000, -1'500'000, 951'782'400'000'001};
    const QStringList values = {u"2026-11-28T13:00:00Z"_s, u"2026-11-28T13:00:00.000000Z"_s,
                                u"2026-11-28T13:00:00.5Z"_s, u"2026-11-28T12:59:59.999999999Z"_s,
                                u"1969-12-31T23:59:59Z"_s, u"1970-01-01T00:00:00.000001Z"_s,
                                u"2026"_s, u"2026-11-28"_s, u"13:00"_s, u"5"_s, u"Z"_s};
    int matched = 0;
    for (const char *op : {"eq", "lt", "gt", "lte", "gte", "in"}) {
        for (const QString &value : values) {
            const QString clause = u"metadata.modificationTimestamp "_s + QLatin1StringView(op) + u" '"_s + value + u'\'';
            const auto filter = ServerFilter::parse(clause);
            QVERIFY(filter);
            for (qint64 us : times) {
                const QString text = QString::fromLatin1(Json::timestamp(us));
                const QJsonObject task{{u"metadata"_s, QJsonObject{{u"modificationTimestamp"_s, text}}}};
                const bool expected = filter->matches(task);
                QVERIFY2(filter->matchesTimestamp(us) == expected, qPrintable(clause + u" on "_s + text));
                QCOMPARE(filter->matchesLeafValue(text), expected);
                matched += expected;
            }
        }
    }
    QVERIFY(matched > 100);
}

// ---- The scenario engine ------------------------------------------------------------------------------

void TestDemoServer::scenarioDeterminism()
{
    Scenario a(scenarioConfig(7, 2000));
    Scenario b(scenarioConfig(7, 2000));
    Scenario c(scenarioConfig(8, 2000));
    QVERIFY(a.taskCount() > 1000);
    QCOMPARE(a.listJson(), b.listJson());
    QVERIFY(a.listJson() != c.listJson());

    const qint64 steps[] = {kEpoch + 1, kEpoch + 1000, kEpoch + 2500, kEpoch + kMinute, kEpoch + 10 * kMinute,
                            kEpoch + kHour, kEpoch + 3 * kHour};
    for (qint64 t : steps) {
        a.advanceTo(t);
        b.advanceTo(t);
        c.advanceTo(t);
        QCOMPARE(a.generation(), b.generation());
        QCOMPARE(a.listJson(), b.listJson());
        QVERIFY(a.listJson() != c.listJson());
    }
    // The state at a time does not depend on the steps taken to get there.
    Scenario direct(scenarioConfig(7, 2000));
    direct.advanceTo(kEpoch + 3 * kHour);
    QCOMPARE(direct.listJson(), a.listJson());
    // Going back in time is ignored.
    const quint64 generation = a.generation();
    a.advanceTo(kEpoch);
    QCOMPARE(a.generation(), generation);
    QCOMPARE(a.listJson(), direct.listJson());
}

void TestDemoServer::scenarioSchemaValidity()
{
    ScenarioConfig config = scenarioConfig(11, 12000);
    config.accountId = "0b6a4c1e-2f1d-4c3b-9a8e-7d6c5b4a3f2e";
    Scenario scenario(config);
    int validated = 0;
    for (qint64 t : {kEpoch, kEpoch + 7 * 1000 + 3, kEpoch + 10 * kMinute, kEpoch + kHour, kEpoch + 5 * kHour}) {
        scenario.advanceTo(t);
        const QJsonObject list = parseObject(scenario.listJson());
        const QJsonArray items = list.value(u"items"_s).toArray();
        QVERIFY(items.size() > 9000);
        if (t == kEpoch) // the whole document once (it validates every task again, through anyOf)
            QCOMPARE(m_schema->validateDocument(list), QStringList());
        const QStringList ids = idsOf(items);
        const QSet<QString> idSet(ids.begin(), ids.end());
        QCOMPARE(idSet.size(), ids.size()); // unique ids
        for (const QJsonValue &item : items) {
            const QJsonObject task = item.toObject();
            const QStringList errors =
                m_schema->validate(task, u"task"_s) + semanticErrors(task, idSet, QString::fromLatin1(config.accountId));
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
            ++validated;
        }
    }
    qInfo("validated %d tasks", validated);
}

void TestDemoServer::scenarioCoverage()
{
    // Within an hour every state, every task name and several kinds of failure show up, and tasks
    // pass through pausing/paused and back to running.
    Scenario scenario(scenarioConfig(3, 1500));
    QSet<TaskState> states;
    QSet<QByteArray> names;
    QSet<QByteArray> failureTypes;
    QHash<const TaskIdentity *, TaskState> previous;
    int resumed = 0;
    int cancelledAfterCancelling = 0;
    for (qint64 t = kEpoch; t <= kEpoch + kHour; t += 3000) {
        scenario.advanceTo(t);
        const auto snapshot = scenario.snapshot();
        QHash<const TaskIdentity *, TaskState> current;
        current.reserve(previous.size() + 64);
        for (const TaskRecordPtr &task : snapshot->tasks) {
            states.insert(task->state);
            names.insert(task->identity->name);
            if (task->failure)
                failureTypes.insert(task->failure->type);
            const auto before = previous.constFind(task->identity.get());
            if (before != previous.cend()) {
                resumed += *before == TaskState::Paused && task->state == TaskState::Running;
                cancelledAfterCancelling += *before == TaskState::Cancelling && task->state == TaskState::Cancelled;
            }
            current.insert(task->identity.get(), task->state);
        }
        previous = std::move(current);
    }
    QCOMPARE(states.size(), 8);
    QCOMPARE(names.size(), 9);
    QVERIFY2(failureTypes.size() >= 4, qPrintable(QString::number(failureTypes.size())));
    QVERIFY(resumed > 0);
    QVERIFY(cancelledAfterCancelling > 0);
}

void TestDemoServer::scenarioFieldsMatchJson()
{
    // The typed values used by filters and include are those of the JSON written for the task.
    Scenario scenario(scenarioConfig(5, 3000));
    scenario.advanceTo(kEpoch + 17 * kMinute);
    const auto snapshot = scenario.snapshot();
    for (const TaskRecordPtr &task : snapshot->tasks) {
        const QJsonObject object = parseObject(task->json);
        for (int f = 0; f < taskFieldCount; ++f) {
            const auto field = TaskField(f);
            const QString name = QString::fromLatin1(fieldName(field));
            const QJsonValue typed = task->fieldValue(field);
            QCOMPARE(typed.isUndefined(), !object.contains(name));
            const auto text = [](const QJsonValue &v) {
                return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
            };
            QCOMPARE(text(typed), text(object.value(name)));
            QByteArray appended;
            if (task->appendField(appended, field)) {
                const QJsonArray reparsed = QJsonDocument::fromJson("[" + appended + "]").array();
                QCOMPARE(text(reparsed.first()), text(object.value(name)));
            }
        }
        QCOMPARE(scenario.task(task->identity->id), task);
    }
    QVERIFY(!scenario.task("00000000-0000-0000-0000-000000000000"));
}

void TestDemoServer::failWithin_data()
{
    QTest::addColumn<double>("speed");
    QTest::newRow("speed 1") << 1.0;
    QTest::newRow("speed 4 (the window's demo)") << 4.0;
}

// --fail-within: a backup created at the epoch, whose tree has failed before the time given (wall
// time, whatever the speed), and was still running when it began.
void TestDemoServer::failWithin()
{
    QFETCH(double, speed);
    ScenarioConfig config = scenarioConfig(3, 300);
    config.speed = speed;
    config.failWithinSeconds = 45;
    Scenario scenario(config);
    const auto startedAtEpoch = [&scenario]() -> TaskRecordPtr {
        for (const TaskRecordPtr &task : scenario.snapshot()->tasks) {
            if (task->identity->parentTaskId.isEmpty() && task->identity->name == "astra.backup"
                && task->identity->creationUs == kEpoch * 1000)
                return task;
        }
        return {};
    };
    TaskRecordPtr backup = startedAtEpoch();
    QVERIFY(backup);
    QVERIFY(backup->state == TaskState::NotStarted || backup->state == TaskState::Running);
    scenario.advanceTo(kEpoch + 45'000);
    backup = scenario.task(backup->identity->id);
    QVERIFY(backup);
    QCOMPARE(backup->state, TaskState::Failed);
    QVERIFY(backup->failure);
    QVERIFY(backup->endUs <= (kEpoch + 45'000) * 1000);

    // Without the option, the same seed has no such backup.
    config.failWithinSeconds = 0;
    Scenario plain(config);
    bool found = false;
    for (const TaskRecordPtr &task : plain.snapshot()->tasks)
        found = found || (task->identity->parentTaskId.isEmpty() && task->identity->creationUs == kEpoch * 1000);
    QVERIFY(!found);
}

void TestDemoServer::scenarioRetention()
{
    ScenarioConfig config = scenarioConfig(9, 800);
    config.retentionSeconds = 600;
    const qint64 retentionUs = 600'000'000;
    Scenario scenario(config);
    const qint64 start = kEpoch + 30 * kMinute;
    scenario.advanceTo(start);

    // A tree that ended in the last few minutes is listed until its end + retention, then gone.
    QByteArray rootId;
    qint64 endUs = 0;
    QList<QByteArray> subtaskIds;
    for (const TaskRecordPtr &task : scenario.snapshot()->tasks) {
        if (rootId.isEmpty() && task->identity->parentTaskId.isEmpty() && task->identity->name == "astra.backup"
            && task->endUs > start * 1000 - 300'000'000) {
            rootId = task->identity->id;
            endUs = task->endUs;
        } else if (!rootId.isEmpty() && task->identity->parentTaskId == rootId) {
            subtaskIds.append(task->identity->id);
        }
    }
    QVERIFY(!rootId.isEmpty());
    QCOMPARE(subtaskIds.size(), 3);
    const qint64 goneAtMs = (endUs + retentionUs + 999) / 1000;
    scenario.advanceTo(goneAtMs - 1);
    QVERIFY(scenario.task(rootId));
    for (const QByteArray &id : subtaskIds)
        QVERIFY(scenario.task(id));
    scenario.advanceTo(goneAtMs);
    QVERIFY(!scenario.task(rootId));
    for (const QByteArray &id : subtaskIds)
        QVERIFY(!scenario.task(id));

    // At any time, no listed tree ended more than the retention window ago.
    for (qint64 t = start; t < start + 2 * kHour; t += 7 * kMinute) {
        scenario.advanceTo(t);
        for (const TaskRecordPtr &task : scenario.snapshot()->tasks) {
            if (task->identity->parentTaskId.isEmpty() && task->endUs >= 0)
                QVERIFY(task->endUs + retentionUs > t * 1000);
        }
    }
}

void TestDemoServer::retentionGrowsWithTheList()
{
    // Without a retention, a larger list is more history, not more backups at once: as many trees
    // run at a time at 10,000 tasks as at 300, until the retention reaches 24 hours.
    QCOMPARE(defaultRetentionSeconds(1), 900);
    QCOMPARE(defaultRetentionSeconds(300), 900);
    QCOMPARE(defaultRetentionSeconds(100'000), 86'400);
    QVERIFY(defaultRetentionSeconds(3000) > 900 && defaultRetentionSeconds(3000) < defaultRetentionSeconds(10'000));
    QVERIFY(defaultRetentionSeconds(10'000) < 86'400);
    const auto runningTrees = [](int target, double *listed) {
        Scenario scenario(scenarioConfig(17, target));
        if (scenario.config().retentionSeconds != defaultRetentionSeconds(target))
            qFatal("the scenario did not take the default retention");
        int running = 0, looks = 0;
        *listed = 0;
        for (qint64 t = kEpoch; t <= kEpoch + kHour; t += 5 * kMinute, ++looks) {
            scenario.advanceTo(t);
            *listed += double(scenario.taskCount());
            for (const TaskRecordPtr &task : scenario.snapshot()->tasks)
                running += task->identity->parentTaskId.isEmpty() && task->state == TaskState::Running;
        }
        *listed /= looks;
        return double(running) / looks;
    };
    double listedSmall = 0, listedLarge = 0;
    const double small = runningTrees(300, &listedSmall);
    const double large = runningTrees(10'000, &listedLarge);
    QVERIFY2(small >= 5, qPrintable(QString::number(small)));
    QVERIFY2(large > small / 2 && large < small * 2, qPrintable(u"%1 against %2"_s.arg(large).arg(small)));
    QVERIFY2(listedSmall > 200 && listedSmall < 400, qPrintable(QString::number(listedSmall)));
    QVERIFY2(listedLarge > 7000 && listedLarge < 13'000, qPrintable(QString::number(listedLarge)));

    // A retention given is kept, whatever the size.
    ScenarioConfig busy = scenarioConfig(17, 10'000);
    busy.retentionSeconds = 900;
    QCOMPARE(Scenario(busy).config().retentionSeconds, 900);
}

void TestDemoServer::scenarioTaskCount_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<double>("speed");
    QTest::newRow("300") << 300 << 1.0;
    QTest::newRow("300 at speed 10") << 300 << 10.0;
    QTest::newRow("5000") << 5000 << 1.0;
    QTest::newRow("12000 at speed 0.5") << 12000 << 0.5;
}

void TestDemoServer::scenarioTaskCount()
{
    QFETCH(int, target);
    QFETCH(double, speed);
    ScenarioConfig config = scenarioConfig(21, target);
    config.speed = speed;
    Scenario scenario(config);
    for (qint64 t = kEpoch; t <= kEpoch + 4 * kHour; t += 20 * kMinute) {
        scenario.advanceTo(t);
        const double ratio = double(scenario.taskCount()) / target;
        QVERIFY2(ratio > 0.7 && ratio < 1.3, qPrintable(QString::number(scenario.taskCount())));
        QCOMPARE(qsizetype(scenario.snapshot()->tasks.size()), scenario.taskCount());
    }
}

void TestDemoServer::scenarioModificationTimestamps()
{
    // Incremental polling rests on this: whenever a task's JSON changes, its modificationTimestamp
    // moves forward to the time of the change, which is after the previous look at the list and not
    // after now. Tasks new in the list were modified after the previous look too. So a client that
    // asks for `modificationTimestamp gte <newest it saw>` gets every change.
    ScenarioConfig config = scenarioConfig(13, 1000);
    config.speed = 4; // pauses, cancels, failures and retirements within the run
    Scenario scenario(config);
    struct Seen {
        TaskRecordPtr record;
        QByteArray json; // without the modificationTimestamp
    };
    QHash<const TaskIdentity *, Seen> previous;
    qint64 previousUs = -1;
    QHash<QByteArray, int> changes; // what changed, by JSON field
    int touchedOnly = 0;            // new timestamp, nothing else changed (allowed)
    for (qint64 t = kEpoch; t <= kEpoch + 20 * kMinute; t += 1700) {
        scenario.advanceTo(t);
        const qint64 nowUs = t * 1000;
        QHash<const TaskIdentity *, Seen> current;
        current.reserve(previous.size() + 64);
        for (const TaskRecordPtr &task : scenario.snapshot()->tasks) {
            QVERIFY(task->modifiedUs <= nowUs);
            const auto before = previous.constFind(task->identity.get());
            if (before != previous.cend() && before->record == task) {
                current.insert(task->identity.get(), *before);
                continue;
            }
            Seen seen{task, withoutModificationTime(*task)};
            QVERIFY(!seen.json.isEmpty());
            current.insert(task->identity.get(), seen);
            if (previousUs < 0)
                continue; // the first look
            if (before == previous.cend()) {
                QVERIFY(task->modifiedUs > previousUs);
                ++changes["new"];
                continue;
            }
            const TaskRecord &old = *before->record;
            QVERIFY2(task->modifiedUs > old.modifiedUs && task->modifiedUs >= previousUs,
                     QByteArray(task->identity->id + ": " + Json::timestamp(old.modifiedUs) + " then "
                                + Json::timestamp(task->modifiedUs) + " at " + Json::timestamp(nowUs))
                         .constData());
            if (seen.json == before->json) {
                ++touchedOnly;
                continue;
            }
            changes["state"] += task->state != old.state;
            changes["percentDone"] += task->percentDone != old.percentDone;
            changes["startTime"] += task->startUs != old.startUs;
            changes["endTime"] += task->endUs != old.endUs;
            changes["cancelTime"] += task->cancelUs != old.cancelUs;
            changes["stateDetails"] += task->failure != old.failure;
        }
        previous = std::move(current);
        previousUs = nowUs;
    }
    for (const char *what : {"new", "state", "percentDone", "startTime", "endTime", "cancelTime", "stateDetails"})
        QVERIFY2(changes.value(what) > 0, what);
    qInfo("changes: %d new, %d states, %d percentDone, %d stateDetails; %d timestamp-only", changes.value("new"),
          changes.value("state"), changes.value("percentDone"), changes.value("stateDetails"), touchedOnly);
}

// ---- The endpoint ---------------------------------------------------------------------------------------

void TestDemoServer::listAndSingleTask()
{
    QVERIFY(startServer());
    QCOMPARE(m_server->url().host(), u"127.0.0.1"_s);
    QVERIFY(m_server->port() > 0);
    QCOMPARE(m_server->account(), DemoServer::defaultAccountId());
    QVERIFY(kUuid.match(m_server->account()).hasMatch());
    QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(DemoServer::randomToken()).hasMatch());
    QVERIFY(DemoServer::randomToken() != DemoServer::randomToken());

    const Response list = get(listUrl());
    QVERIFY(list.finished);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.contentType, QByteArray("application/json"));
    QVERIFY(list.lengthMatches());
    const QJsonObject body = list.json();
    QCOMPARE(body.value(u"type"_s), u"application/astra-tasks"_s);
    QCOMPARE(body.value(u"version"_s), u"1.1"_s);
    QCOMPARE(body.value(u"metadata"_s).toObject(), QJsonObject());
    const QJsonArray items = body.value(u"items"_s).toArray();
    QVERIFY(items.size() > 200 && items.size() < 400);
    QCOMPARE(m_schema->validateDocument(body), QStringList());
    QCOMPARE(list.body, m_server->scenario().listJson());

    // The bearer scheme is case-insensitive.
    const Response lower = get(listUrl(), "bearer " + m_server->token().toUtf8());
    QCOMPARE(lower.status, 200);

    // One task, a subtask, by id: the same object as in the list at the same time.
    QJsonObject subtask;
    for (const QJsonValue &item : items) {
        if (item.toObject().contains(u"parentTaskID"_s)) {
            subtask = item.toObject();
            break;
        }
    }
    QVERIFY(!subtask.isEmpty());
    QUrl taskUrl = m_server->tasksUrl();
    taskUrl.setPath(taskUrl.path() + u'/' + subtask.value(u"id"_s).toString());
    const Response one = get(taskUrl);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.contentType, QByteArray("application/astra-task+json"));
    QVERIFY(one.lengthMatches());
    QCOMPARE(one.json(), subtask);

    // Tasks are read-only: any other method is refused (after authentication), still as problem+json.
    QNetworkRequest post(listUrl());
    post.setRawHeader("Authorization", "Bearer " + m_server->token().toUtf8());
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    std::unique_ptr<QNetworkReply> posted(m_nam->post(post, QByteArray("{}")));
    QTRY_VERIFY(posted->isFinished());
    QCOMPARE(posted->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
    QCOMPARE(posted->rawHeader("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(posted->rawHeader("Content-Length").toLongLong(), posted->readAll().size());

    // The clock moves: the list changes, and the same id still answers with its new state.
    m_now += 5 * kMinute;
    const Response later = get(listUrl());
    QVERIFY(later.body != list.body);
    QVERIFY(m_server->requestCount() >= 4);
}

void TestDemoServer::problems_data()
{
    QTest::addColumn<QString>("path");      // after the account's tasks URL; starting with '/' replaces the path
    QTest::addColumn<QString>("query");     // raw query string
    QTest::addColumn<QByteArray>("auth");   // "default" for the right bearer token, empty for none
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QStringList>("invalidParams");

    const QByteArray good = "default";
    auto row = [](const char *tag, const QString &path, const QString &query, const QByteArray &auth, int status,
                  int problem, const QStringList &invalid = {}) {
        QTest::newRow(tag) << path << query << auth << status << problem << invalid;
    };
    // 401 before anything else.
    row("no Authorization", {}, {}, QByteArray(), 401, 3);
    row("Basic scheme", {}, {}, "Basic dXNlcjpwYXNz", 401, 3);
    row("Bearer without token", {}, {}, "Bearer", 401, 3);
    row("Bearer with blank token", {}, {}, "Bearer   ", 401, 3);
    row("wrong token", {}, {}, "Bearer nope", 401, 4);
    row("token with a suffix", {}, {}, "Bearer s3cret-token2", 401, 4);
    row("auth before account", u"/accounts/nobody/core/v1/tasks"_s, {}, QByteArray(), 401, 3);
    row("auth before parameters", {}, u"limit=0"_s, "Bearer nope", 401, 4);
    // 404
    row("unknown account", u"/accounts/00000000-0000-4000-8000-000000000000/core/v1/tasks"_s, {}, good, 404, 2);
    row("unknown account with bad parameters", u"/accounts/x/core/v1/tasks"_s, u"limit=0"_s, good, 404, 2);
    row("other collection", u"/accounts/%1/core/v1/apps"_s, {}, good, 404, 2);
    row("other version", u"/accounts/%1/core/v2/tasks"_s, {}, good, 404, 2);
    row("trailing slash", u"/accounts/%1/core/v1/tasks/"_s, {}, good, 404, 2);
    row("too deep", u"/accounts/%1/core/v1/tasks/a/b"_s, {}, good, 404, 2);
    row("root", u"/"_s, {}, good, 404, 2);
    row("unknown task", u"/00000000-0000-4000-8000-000000000000"_s, {}, good, 404, 1);
    // The names lists: the same authentication, paths and parameter checks.
    for (const char *list : {"k8s/v2/apps", "topology/v1/clusters", "topology/v1/clouds", "topology/v1/namespaces",
                             "topology/v1/clouds/00000000-0000-4000-8000-000000000000/clusters"}) {
        const QString listPath = u"/accounts/%1/"_s + QLatin1StringView(list);
        auto tag = [list](const char *what) { return QByteArray(QByteArray(list) + ": " + what); };
        row(tag("no Authorization").constData(), listPath, {}, QByteArray(), 401, 3);
        row(tag("wrong token").constData(), listPath, u"limit=0"_s, "Bearer nope", 401, 4);
        row(tag("another account").constData(), listPath.arg(u"00000000-0000-4000-8000-000000000000"_s), {}, good, 404,
            2);
        row(tag("trailing slash").constData(), listPath + u'/', {}, good, 404, 2);
    }
    for (const char *list : {"k8s/v2/apps", "topology/v1/clusters", "topology/v1/clouds", "topology/v1/namespaces"}) {
        const QString listPath = u"/accounts/%1/"_s + QLatin1StringView(list);
        auto tag = [list](const char *what) { return QByteArray(QByteArray(list) + ": " + what); };
        row(tag("unsupported").constData(), listPath, u"sort=name"_s, good, 400, 6, {u"sort"_s});
        row(tag("limit=0").constData(), listPath, u"limit=0"_s, good, 400, 5, {u"limit"_s});
        row(tag("include=a.b").constData(), listPath, u"include=a.b"_s, good, 400, 5, {u"include"_s});
        row(tag("bad filter").constData(), listPath, u"filter=name"_s, good, 400, 5, {u"filter"_s});
        row(tag("bad continue").constData(), listPath, u"continue=abc"_s, good, 400, 5, {u"continue"_s});
    }
    row("clusters of an unknown cloud, before parameters",
        u"/accounts/%1/topology/v1/clouds/00000000-0000-4000-8000-000000000000/clusters"_s, u"limit=0&sort=x"_s, good,
        404, 2);
    row("clusters of an empty cloud id", u"/accounts/%1/topology/v1/clouds//clusters"_s, {}, good, 404, 2);
    row("one cloud", u"/accounts/%1/topology/v1/clouds/00000000-0000-4000-8000-000000000000"_s, {}, good, 404, 2);
    row("apps of k8s/v1", u"/accounts/%1/k8s/v1/apps"_s, {}, good, 404, 2);
    row("apps of topology/v1", u"/accounts/%1/topology/v1/apps"_s, {}, good, 404, 2);
    row("one app", u"/accounts/%1/k8s/v2/apps/00000000-0000-4000-8000-000000000000"_s, {}, good, 404, 2);
    // 400 problems/6: parameters that are not supported
    row("unsupported", {}, u"foo=bar"_s, good, 400, 6, {u"foo"_s});
    row("unsupported beside valid ones", {}, u"limit=5&sort=name&order=asc"_s, good, 400, 6, {u"sort"_s, u"order"_s});
    row("parameter names are case-sensitive", {}, u"Limit=5"_s, good, 400, 6, {u"Limit"_s});
    row("unsupported before invalid", {}, u"limit=0&foo=1"_s, good, 400, 6, {u"foo"_s});
    row("parameters on one task", u"/00000000-0000-4000-8000-000000000000"_s, u"include=id"_s, good, 400, 6,
        {u"include"_s});
    // 400 problems/5: bad values
    for (const char *limit : {"0", "-1", "01", "abc", "", "1.5", "%2B1", "1e3", "%201", "1%20", "5%0A", "%EF%BC%95"})
        row(qPrintable(u"limit="_s + QLatin1StringView(limit)), {}, u"limit="_s + QLatin1StringView(limit), good, 400,
            5, {u"limit"_s});
    row("limit without =", {}, u"limit"_s, good, 400, 5, {u"limit"_s});
    row("limit twice", {}, u"limit=1&limit=2"_s, good, 400, 5, {u"limit"_s});
    for (const char *include : {"", "id,", ",id", "id,,name", "metadata.labels", "id%20name", "stateDetails[*]", "*"})
        row(qPrintable(u"include="_s + QLatin1StringView(include)), {}, u"include="_s + QLatin1StringView(include),
            good, 400, 5, {u"include"_s});
    for (const char *filter : {"", "state", "state%20eq%20running", "state+eq+%22running%22", "state%20ne%20'x'",
                               "state%20eq%20''", "state%20%20eq%20'x'", "state%20eq%20'x'%20or%20state%20eq%20'y'",
                               "state%20eq%20'it''s'"})
        row(qPrintable(u"filter="_s + QLatin1StringView(filter)), {}, u"filter="_s + QLatin1StringView(filter), good,
            400, 5, {u"filter"_s});
    row("one bad filter of two", {}, u"filter=state+eq+'running'&filter=name"_s, good, 400, 5, {u"filter"_s});
    for (const char *token : {"", "abc", "%3D%3D%3D", "eyJmb28iOjF9", "bm90IGpzb24"})
        row(qPrintable(u"continue="_s + QLatin1StringView(token)), {}, u"continue="_s + QLatin1StringView(token), good,
            400, 5, {u"continue"_s});
    row("several bad values", {}, u"limit=0&include=a.b&filter=x&continue=y"_s, good, 400, 5,
        {u"limit"_s, u"include"_s, u"filter"_s, u"continue"_s});
}

void TestDemoServer::problems()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QByteArray, auth);
    QFETCH(int, status);
    QFETCH(int, problem);
    QFETCH(QStringList, invalidParams);
    QVERIFY(startServer());

    QUrl url = m_server->tasksUrl();
    if (path.startsWith(u"/accounts/"_s) || path == u"/")
        url.setPath(path.contains(u"%1"_s) ? path.arg(m_server->account()) : path);
    else if (!path.isEmpty())
        url.setPath(url.path() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    const Response r = get(url, auth == "default" ? std::optional<QByteArray>() : std::optional<QByteArray>(auth));
    QVERIFY(r.finished);
    QCOMPARE(r.status, status);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QVERIFY2(r.lengthMatches(), r.body.constData());

    static const QHash<int, QString> titles = {{1, u"Resource not found"_s},
                                               {2, u"Collection not found"_s},
                                               {3, u"Missing bearer token"_s},
                                               {4, u"Invalid bearer token"_s},
                                               {5, u"Invalid query parameters"_s},
                                               {6, u"Query parameters not supported"_s}};
    const QJsonObject body = r.json();
    QCOMPARE(body.value(u"type"_s).toString(), u"https://astra.netapp.io/problems/"_s + QString::number(problem));
    QCOMPARE(body.value(u"title"_s).toString(), titles.value(problem));
    QVERIFY(!body.value(u"detail"_s).toString().isEmpty());
    QCOMPARE(body.value(u"status"_s), QJsonValue(QString::number(status))); // a string
    QVERIFY(kUuid.match(body.value(u"correlationID"_s).toString()).hasMatch());

    QStringList names;
    const QJsonArray invalid = body.value(u"invalidParams"_s).toArray();
    for (const QJsonValue &param : invalid) {
        names.append(param.toObject().value(u"name"_s).toString());
        QVERIFY(!param.toObject().value(u"reason"_s).toString().isEmpty());
    }
    QCOMPARE(names, invalidParams);
    QCOMPARE(body.contains(u"invalidParams"_s), !invalidParams.isEmpty());
}

void TestDemoServer::includeArrays()
{
    QVERIFY(startServer());
    const QJsonArray full = get(listUrl()).json().value(u"items"_s).toArray();
    const Response r = get(listUrl(u"include=id,name,parentTaskID,endTime,nonexistent,state,percentDone,metadata"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.lengthMatches());
    const QJsonObject body = r.json();
    QCOMPARE(m_schema->validateDocument(body), QStringList());
    const QJsonArray items = body.value(u"items"_s).toArray();
    QCOMPARE(items.size(), full.size());
    int nullParents = 0;
    int nullEnds = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonArray values = items[i].toArray();
        const QJsonObject task = full[i].toObject();
        QCOMPARE(values.size(), 8);
        QCOMPARE(values[0], task.value(u"id"_s));
        QCOMPARE(values[1], task.value(u"name"_s));
        QCOMPARE(values[2].isNull(), !task.contains(u"parentTaskID"_s));
        if (!values[2].isNull())
            QCOMPARE(values[2], task.value(u"parentTaskID"_s));
        QCOMPARE(values[3].isNull(), !task.contains(u"endTime"_s));
        QVERIFY(values[4].isNull());
        QCOMPARE(values[5], task.value(u"state"_s));
        QCOMPARE(values[6].toDouble(), task.value(u"percentDone"_s).toDouble());
        QCOMPARE(values[7].toObject(), task.value(u"metadata"_s).toObject());
        nullParents += values[2].isNull();
        nullEnds += values[3].isNull();
    }
    QVERIFY(nullParents > 0 && nullParents < items.size());
    QVERIFY(nullEnds > 0 && nullEnds < items.size());

    // include with limit and filter together.
    const Response some = get(listUrl(u"include=state&limit=5&filter=state+eq+'completed'"_s));
    const QJsonArray five = some.json().value(u"items"_s).toArray();
    QCOMPARE(five.size(), 5);
    for (const QJsonValue &value : five)
        QCOMPARE(value.toArray(), QJsonArray{u"completed"_s});
    QVERIFY(some.json().value(u"metadata"_s).toObject().contains(u"continue"_s));
}

void TestDemoServer::pagingRoundTrip_data()
{
    QTest::addColumn<int>("limit");
    for (int limit : {1, 7, 50, 333, 1000})
        QTest::newRow(qPrintable(QString::number(limit))) << limit;
}

void TestDemoServer::pagingRoundTrip()
{
    QFETCH(int, limit);
    DemoServerOptions options;
    options.tasks = 400;
    options.speed = 5; // a lot changes between two pages
    QVERIFY(startServer(options));
    m_now += 10 * kMinute;
    const QJsonObject full = get(listUrl()).json();
    const QStringList expected = idsOf(full.value(u"items"_s).toArray());
    QVERIFY(expected.size() > 300);

    QStringList walked;
    QString token;
    int pages = 0;
    while (true) {
        QString query = u"limit="_s + QString::number(limit);
        if (!token.isEmpty())
            query += u"&continue="_s + QString::fromLatin1(QUrl::toPercentEncoding(token));
        const Response page = get(listUrl(query));
        QCOMPARE(page.status, 200);
        QVERIFY(page.lengthMatches());
        const QJsonObject body = page.json();
        const QJsonArray items = body.value(u"items"_s).toArray();
        QVERIFY(items.size() <= limit);
        walked += idsOf(items);
        ++pages;
        token = body.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
        if (token.isEmpty())
            break;
        QCOMPARE(items.size(), limit); // only the last page may be short
        m_now += 20'000;               // the scenario moves on while the client pages
    }
    QCOMPARE(walked, expected); // exactly the full set, in order, no duplicates
    QCOMPARE(pages, (int(expected.size()) + limit - 1) / limit);
    if (pages > 2) {
        const QStringList now = idsOf(get(listUrl()).json().value(u"items"_s).toArray());
        QVERIFY(now != expected); // the list did change during the walk
    }
}

void TestDemoServer::pagingWithFilter()
{
    QVERIFY(startServer());
    const QString filter = u"filter=state+eq+'completed'&filter=name%20in%20'backup'"_s;
    const QStringList expected = idsOf(get(listUrl(filter)).json().value(u"items"_s).toArray());
    QVERIFY(expected.size() > 20);
    QStringList walked;
    QString token;
    do {
        QString query = filter + u"&limit=6"_s;
        if (!token.isEmpty())
            query += u"&continue="_s + QString::fromLatin1(QUrl::toPercentEncoding(token));
        const QJsonObject body = get(listUrl(query)).json();
        walked += idsOf(body.value(u"items"_s).toArray());
        token = body.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
        m_now += 30'000;
    } while (!token.isEmpty());
    QCOMPARE(walked, expected);
    // The filter order does not matter to a token; filters do.
}

void TestDemoServer::continueTokens()
{
    QVERIFY(startServer());
    const QJsonObject first = get(listUrl(u"limit=10&filter=state+eq+'completed'"_s)).json();
    const QString token = first.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
    QVERIFY(!token.isEmpty());
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QVERIFY(parseObject(*decoded).contains(u"collectionIndex"_s)); // like a real token: {"collectionIndex":N,...}
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(token));

    // The same filters in another order: fine. Other filters: refused.
    QCOMPARE(get(listUrl(u"limit=10&filter=state%20eq%20'completed'&continue="_s + encoded)).status, 200);
    Response other = get(listUrl(u"limit=10&filter=state+eq+'failed'&continue="_s + encoded));
    QCOMPARE(other.status, 400);
    QCOMPARE(other.json().value(u"invalidParams"_s).toArray().first().toObject().value(u"name"_s), u"continue"_s);
    QCOMPARE(get(listUrl(u"limit=10&continue="_s + encoded)).status, 400);

    // A token sent without percent-encoding (its '+' read as a space) still works.
    QCOMPARE(get(listUrl(u"limit=10&filter=state+eq+'completed'&continue="_s + token)).status, 200);

    // A token past the end, or for a state no longer kept, is refused.
    const QByteArray pastEnd = R"({"collectionIndex":999999,"generation":)"
                               + QByteArray::number(parseObject(*decoded).value(u"generation"_s).toInteger())
                               + R"(,"filter":")" + parseObject(*decoded).value(u"filter"_s).toString().toLatin1()
                               + R"("})";
    QCOMPARE(get(listUrl(u"filter=state+eq+'completed'&continue="_s
                         + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(pastEnd.toBase64())))))
                 .status,
             400);
    for (int walk = 0; walk < 9; ++walk) { // nine newer walks push the first state out
        m_now += 10'000;
        QVERIFY(get(listUrl(u"limit=1"_s)).json().value(u"metadata"_s).toObject().contains(u"continue"_s));
    }
    const Response expired = get(listUrl(u"limit=10&filter=state+eq+'completed'&continue="_s + encoded));
    QCOMPARE(expired.status, 400);
    QVERIFY(expired.json().value(u"invalidParams"_s).toArray().first().toObject().value(u"reason"_s).toString().contains(
        u"expired"_s));
}

void TestDemoServer::filterOverHttp_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("clauses"); // the decoded filters, evaluated locally on the full list
    QTest::addColumn<bool>("expectSome");
    auto row = [](const char *tag, const QString &query, const QStringList &clauses, bool some = true) {
        QTest::newRow(tag) << query << clauses << some;
    };
    row("%20", u"filter=state%20eq%20'running'"_s, {u"state eq 'running'"_s});
    row("+", u"filter=state+eq+'running'"_s, {u"state eq 'running'"_s});
    row("%27 quotes", u"filter=state+eq+%27completed%27"_s, {u"state eq 'completed'"_s});
    row("space in value", u"filter=summary+eq+'Backup+copy'"_s, {u"summary eq 'Backup copy'"_s});
    row("%2B is a plus", u"filter=summary+in+'%2B'"_s, {u"summary in '+'"_s}, false);
    row("in, case-insensitive", u"filter=name%20in%20'BACKUP'"_s, {u"name in 'BACKUP'"_s});
    row("repeated = AND", u"filter=percentDone+gte+'50'&filter=state+eq+'running'"_s,
        {u"percentDone gte '50'"_s, u"state eq 'running'"_s});
    row("numbers as numbers", u"filter=percentDone+lt+'9.5'"_s, {u"percentDone lt '9.5'"_s});
    row("timestamps as instants", u"filter=metadata.creationTimestamp+gt+'2026-11-28T12:40:00Z'"_s,
        {u"metadata.creationTimestamp gt '2026-11-28T12:40:00Z'"_s});
    row("endTime lte", u"filter=endTime+lte+'2026-11-28T12:50:00.5Z'"_s, {u"endTime lte '2026-11-28T12:50:00.5Z'"_s});
    row("wildcard, encoded brackets", u"filter=stateDetails%5B*%5D.type+in+'problems'"_s,
        {u"stateDetails[*].type in 'problems'"_s});
    row("wildcard", u"filter=metadata.labels[*].name+eq+'schedule'"_s, {u"metadata.labels[*].name eq 'schedule'"_s});
    row("deep", u"filter=stateDetails[*].additionalDetails.clusterName+in+'-'"_s,
        {u"stateDetails[*].additionalDetails.clusterName in '-'"_s});
    row("array of strings", u"filter=resourceCollectionURI[*]+in+'/appSnaps/'"_s,
        {u"resourceCollectionURI[*] in '/appSnaps/'"_s});
    row("orderHint", u"filter=orderHint+eq+'2'"_s, {u"orderHint eq '2'"_s});
    row("parent", u"filter=parentTaskID+gt+'0'"_s, {u"parentTaskID gt '0'"_s});
    row("unknown field matches nothing", u"filter=bogus+eq+'x'"_s, {u"bogus eq 'x'"_s}, false);
    row("empty intersection", u"filter=state+eq+'running'&filter=state+eq+'failed'"_s,
        {u"state eq 'running'"_s, u"state eq 'failed'"_s}, false);
}

void TestDemoServer::filterOverHttp()
{
    QFETCH(QString, query);
    QFETCH(QStringList, clauses);
    QFETCH(bool, expectSome);
    DemoServerOptions options;
    options.tasks = 1500;
    QVERIFY(startServer(options));
    const QJsonArray full = get(listUrl()).json().value(u"items"_s).toArray();
    QList<ServerFilter> filters;
    for (const QString &clause : clauses) {
        const auto filter = ServerFilter::parse(clause);
        QVERIFY(filter);
        filters.append(*filter);
    }
    QStringList expected;
    for (const QJsonValue &item : full) {
        const QJsonObject task = item.toObject();
        if (std::all_of(filters.begin(), filters.end(), [&](const ServerFilter &f) { return f.matches(task); }))
            expected.append(task.value(u"id"_s).toString());
    }
    const Response r = get(listUrl(query));
    QCOMPARE(r.status, 200);
    QVERIFY(r.lengthMatches());
    QCOMPARE(idsOf(r.json().value(u"items"_s).toArray()), expected);
    QCOMPARE(!expected.isEmpty(), expectSome);
}

void TestDemoServer::modifiedSinceOverHttp_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("state"); // ANDed with a state filter unless empty
    QTest::addColumn<bool>("atATask");  // the time is a listed task's own timestamp (else newest - 60 s, in seconds)
    for (const char *op : {"gte", "gt", "lte", "lt"}) {
        for (const char *state : {"", "completed"}) {
            for (bool atATask : {false, true}) {
                const QByteArray tag = QByteArray(op) + (*state ? " and state" : "") + (atATask ? ", at a task" : "");
                QTest::newRow(tag.constData()) << QString::fromLatin1(op) << QString::fromLatin1(state) << atATask;
            }
        }
    }
}

void TestDemoServer::modifiedSinceOverHttp()
{
    // The server's answer is the full list at the same time, filtered here on the parsed timestamps.
    QFETCH(QString, op);
    QFETCH(QString, state);
    QFETCH(bool, atATask);
    QVERIFY(startServer(withTasks(1500)));
    const qint64 newest = newestModification(get(listUrl()).json().value(u"items"_s).toArray());
    m_now += 2000; // one poll later
    const QJsonArray full = get(listUrl()).json().value(u"items"_s).toArray();

    QString time = QString::fromLatin1(Json::timestamp(newest - 60'000'000)).first(19) + u'Z';
    QString atId;
    if (atATask) {
        QList<std::pair<qint64, QString>> candidates; // (modified, id) of the tasks of that state
        for (const QJsonValue &item : full) {
            if (state.isEmpty() || item.toObject().value(u"state"_s).toString() == state)
                candidates.append({usecs(modificationTime(item)), item.toObject().value(u"id"_s).toString()});
        }
        std::sort(candidates.begin(), candidates.end());
        QVERIFY(candidates.size() > 10);
        atId = candidates[candidates.size() / 2].second;
        for (const QJsonValue &item : full) {
            if (item.toObject().value(u"id"_s).toString() == atId)
                time = modificationTime(item);
        }
    }
    const qint64 threshold = usecs(time);
    QVERIFY(threshold > 0);

    QStringList expected;
    for (const QJsonValue &item : full) {
        const qint64 modified = usecs(modificationTime(item));
        const bool inTime = op == u"gte"_s ? modified >= threshold
                            : op == u"gt"_s ? modified > threshold
                            : op == u"lte"_s ? modified <= threshold
                                             : modified < threshold;
        if (inTime && (state.isEmpty() || item.toObject().value(u"state"_s).toString() == state))
            expected.append(item.toObject().value(u"id"_s).toString());
    }
    const Response r = get(listUrl(modifiedQuery(op, time, state)));
    QCOMPARE(r.status, 200);
    QVERIFY(r.lengthMatches());
    const QStringList ids = idsOf(r.json().value(u"items"_s).toArray());
    QCOMPARE(ids, expected);
    QVERIFY(!ids.isEmpty());
    QVERIFY(ids.size() < full.size());
    if (atATask)
        QCOMPARE(ids.contains(atId), op.endsWith(u'e'));
}

void TestDemoServer::modifiedSinceFindsEveryChange()
{
    // What an incremental client relies on: asking for `gte <the newest timestamp of the previous
    // list>` returns every task that is new or whose JSON changed since that list (and maybe some
    // that did not change).
    QVERIFY(startServer(withTasks(1500, 3)));
    QJsonArray previous = get(listUrl()).json().value(u"items"_s).toArray();
    int changed = 0;
    for (qint64 gap : {2000, 2000, 1, 2000, 15'000, 2000, 60'000}) {
        QHash<QString, QJsonObject> before;
        for (const QJsonValue &item : std::as_const(previous))
            before.insert(item.toObject().value(u"id"_s).toString(), item.toObject());
        const QString since = QString::fromLatin1(Json::timestamp(newestModification(previous)));
        m_now += gap;
        const QJsonArray full = get(listUrl()).json().value(u"items"_s).toArray();
        const QStringList incremental =
            idsOf(get(listUrl(modifiedQuery(u"gte"_s, since))).json().value(u"items"_s).toArray());
        const QSet<QString> returned(incremental.cbegin(), incremental.cend());
        for (const QJsonValue &item : full) {
            const QString id = item.toObject().value(u"id"_s).toString();
            if (before.value(id) == item.toObject())
                continue;
            ++changed;
            QVERIFY2(returned.contains(id), qPrintable(id + u" changed at "_s + modificationTime(item)
                                                       + u", asked since "_s + since));
        }
        QVERIFY(incremental.size() < full.size());
        previous = full;
    }
    QVERIFY(changed > 100);
}

void TestDemoServer::modifiedSincePaging_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("state");
    QTest::newRow("7") << 7 << QString();
    QTest::newRow("100") << 100 << QString();
    QTest::newRow("5, running") << 5 << u"running"_s;
}

void TestDemoServer::modifiedSincePaging()
{
    // Paging through a time-filtered list returns each of its tasks once, in order, while the
    // scenario moves on between pages.
    QFETCH(int, limit);
    QFETCH(QString, state);
    DemoServerOptions busy = withTasks(1500);
    busy.retentionSeconds = 900; // a seventh of the tasks running: hundreds of changes a minute
    QVERIFY(startServer(busy));
    const qint64 newest = newestModification(get(listUrl()).json().value(u"items"_s).toArray());
    m_now += 2000;
    const QString filter = modifiedQuery(u"gte"_s, QString::fromLatin1(Json::timestamp(newest - 60'000'000)), state);
    const QStringList expected = idsOf(get(listUrl(filter)).json().value(u"items"_s).toArray());
    QVERIFY(expected.size() > 3 * limit);

    QStringList walked;
    QString token;
    do {
        QString query = filter + u"&limit="_s + QString::number(limit);
        if (!token.isEmpty())
            query += u"&continue="_s + QString::fromLatin1(QUrl::toPercentEncoding(token));
        const Response page = get(listUrl(query));
        QCOMPARE(page.status, 200);
        const QJsonObject body = page.json();
        const QJsonArray items = body.value(u"items"_s).toArray();
        QVERIFY(items.size() <= limit);
        walked += idsOf(items);
        token = body.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
        m_now += 2000;
    } while (!token.isEmpty());
    QCOMPARE(walked, expected);
    QCOMPARE(QSet<QString>(walked.cbegin(), walked.cend()).size(), walked.size());
    // Meanwhile the filtered list has changed: the walk kept the state it started from.
    QVERIFY(idsOf(get(listUrl(filter)).json().value(u"items"_s).toArray()) != expected);
}

// ---- The names lists --------------------------------------------------------------------------------------

void TestDemoServer::namesLists_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("itemType");
    QTest::addColumn<QStringList>("textFields"); // non-empty strings on every item
    QTest::addColumn<QString>("listField");      // a non-empty array of non-empty strings, if any
    QTest::addColumn<QString>("scope");          // names are unique within each value of this field
    auto row = [](const NamesList &list, const QStringList &fields, const QString &listField, const QString &scope) {
        QTest::newRow(list.path) << QString::fromLatin1(list.path) << QString::fromLatin1(list.type)
                                 << QString::fromLatin1(list.version) << QString::fromLatin1(list.itemType) << fields
                                 << listField << scope;
    };
    row(kApps, {u"id"_s, u"name"_s, u"state"_s, u"protectionState"_s, u"clusterName"_s, u"clusterID"_s},
        u"namespaces"_s, {});
    row(kClusters, {u"id"_s, u"name"_s, u"state"_s, u"managedState"_s, u"cloudID"_s, u"clusterType"_s}, {}, {});
    row(kClouds, {u"id"_s, u"name"_s, u"cloudType"_s, u"state"_s}, {}, {});
    row(kNamespaces, {u"id"_s, u"name"_s, u"namespaceState"_s, u"clusterID"_s}, {}, u"clusterID"_s);
}

void TestDemoServer::namesLists()
{
    QFETCH(QString, path);
    QFETCH(QString, type);
    QFETCH(QString, version);
    QFETCH(QString, itemType);
    QFETCH(QStringList, textFields);
    QFETCH(QString, listField);
    QFETCH(QString, scope);
    QVERIFY(startServer());

    const Response r = get(namesUrl(path));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("application/json"));
    QVERIFY(r.lengthMatches());
    const QJsonObject body = r.json();
    QCOMPARE(body.value(u"type"_s), type);
    QCOMPARE(body.value(u"version"_s), version);
    QCOMPARE(body.value(u"metadata"_s).toObject(), QJsonObject());
    const QJsonArray items = body.value(u"items"_s).toArray();
    QVERIFY(items.size() >= 3);
    QCOMPARE(nameErrors(items, scope), QStringList());

    static const QHash<QString, QStringList> allowed = {
        {u"state"_s, {u"ready"_s, u"running"_s}},
        {u"protectionState"_s, {u"protected"_s, u"partial"_s, u"none"_s, u"atRisk"_s}},
        {u"cloudType"_s, {u"gcp"_s, u"azure"_s, u"aws"_s, u"private"_s}},
        {u"namespaceState"_s, {u"discovered"_s, u"removed"_s}},
        {u"managedState"_s, {u"managed"_s}},
        {u"clusterType"_s, {u"eks"_s, u"aks"_s, u"gke"_s, u"openshift"_s, u"kubernetes"_s}}};
    QSet<QString> seen; // field=value, to see the enumerations vary
    for (const QJsonValue &value : items) {
        QVERIFY(value.isObject());
        const QJsonObject item = value.toObject();
        QCOMPARE(item.value(u"type"_s), itemType);
        QCOMPARE(item.value(u"version"_s), version);
        for (const QString &field : std::as_const(textFields)) {
            QVERIFY2(item.value(field).isString() && !item.value(field).toString().isEmpty(), qPrintable(field));
            if (allowed.contains(field))
                QVERIFY2(allowed.value(field).contains(item.value(field).toString()), qPrintable(field));
            seen.insert(field + u'=' + item.value(field).toString());
        }
        if (!listField.isEmpty()) {
            const QJsonArray list = item.value(listField).toArray();
            QVERIFY(!list.isEmpty());
            for (const QJsonValue &element : list)
                QVERIFY(kDnsLabel.match(element.toString()).hasMatch());
        }
    }
    if (path == QLatin1StringView(kClouds.path)) // several kinds of cloud, as the issue asks
        QVERIFY(seen.contains(u"cloudType=aws"_s) && seen.contains(u"cloudType=azure"_s)
                && seen.contains(u"cloudType=private"_s));
    if (path == QLatin1StringView(kApps.path))
        QVERIFY(seen.contains(u"protectionState=protected"_s) && seen.contains(u"protectionState=none"_s));

    // Built once: the same bytes later, however the tasks moved.
    m_now += 30 * kMinute;
    QCOMPARE(get(namesUrl(path)).body, r.body);
}

void TestDemoServer::namesMatchTheTasks()
{
    // Every cloud, cluster, namespace and app a task URI names is listed, where the URI says it is;
    // the `app` label and the failures name the same things the lists do.
    DemoServerOptions options = withTasks(1500, 4);
    QVERIFY(startServer(options));
    const QHash<QString, QJsonObject> apps = byId(names(QString::fromLatin1(kApps.path)));
    const QHash<QString, QJsonObject> clusters = byId(names(QString::fromLatin1(kClusters.path)));
    const QHash<QString, QJsonObject> clouds = byId(names(QString::fromLatin1(kClouds.path)));
    const QHash<QString, QJsonObject> namespaces = byId(names(QString::fromLatin1(kNamespaces.path)));
    QVERIFY(!apps.isEmpty() && !clusters.isEmpty() && !clouds.isEmpty() && !namespaces.isEmpty());

    QSet<QString> missing;
    QSet<QString> usedApps, usedClusters, usedClouds, usedNamespaces;
    int clones = 0, conflicts = 0;
    const auto listed = [&](const QHash<QString, QJsonObject> &list, const QString &id, QSet<QString> &used,
                            const char *what) {
        used.insert(id);
        if (!list.contains(id))
            missing.insert(QLatin1StringView(what) + u' ' + id);
        return list.value(id);
    };
    for (int step = 0; step < 12; ++step, m_now += 10 * kMinute) {
        const QJsonArray tasks = get(listUrl()).json().value(u"items"_s).toArray();
        QVERIFY(tasks.size() > 1000);
        for (const QJsonValue &value : tasks) {
            const QJsonObject task = value.toObject();
            const QString resourceApp = uriIds(task.value(u"resourceURI"_s).toString()).value(u"apps"_s);
            const QJsonObject app = listed(apps, resourceApp, usedApps, "app");
            for (const QJsonValue &uri : task.value(u"resourceCollectionURI"_s).toArray()) {
                const QHash<QString, QString> ids = uriIds(uri.toString());
                const QJsonObject cloud = listed(clouds, ids.value(u"clouds"_s), usedClouds, "cloud");
                const QJsonObject cluster = listed(clusters, ids.value(u"clusters"_s), usedClusters, "cluster");
                const QJsonObject space = listed(namespaces, ids.value(u"namespaces"_s), usedNamespaces, "namespace");
                QVERIFY2(missing.isEmpty(), qPrintable(QStringList(missing.cbegin(), missing.cend()).join(u", "_s)));
                QCOMPARE(ids.value(u"apps"_s), resourceApp);
                QCOMPARE(cluster.value(u"cloudID"_s), cloud.value(u"id"_s));
                QCOMPARE(space.value(u"clusterID"_s), cluster.value(u"id"_s));
                QCOMPARE(app.value(u"clusterID"_s), cluster.value(u"id"_s));
                QCOMPARE(app.value(u"clusterName"_s), cluster.value(u"name"_s));
                QVERIFY(app.value(u"namespaces"_s).toArray().contains(space.value(u"name"_s)));
            }
            const QJsonArray labels = task.value(u"metadata"_s).toObject().value(u"labels"_s).toArray();
            if (!labels.isEmpty()) { // a top-level task: app=<the name of the app it was asked for>
                const QString label = labels.first().toObject().value(u"value"_s).toString();
                const bool clone = task.value(u"name"_s) == u"astra.clone"_s;
                QCOMPARE(app.value(u"name"_s).toString(), clone ? label + u"-clone"_s : label);
                clones += clone;
            }
            for (const QJsonValue &detail : task.value(u"stateDetails"_s).toArray()) {
                const QJsonObject more = detail.toObject().value(u"additionalDetails"_s).toObject();
                if (more.contains(u"namespace"_s)) { // the clone's namespace already exists
                    const QString space =
                        namespaces.value(uriIds(task.value(u"resourceCollectionURI"_s).toArray().first().toString())
                                             .value(u"namespaces"_s))
                            .value(u"name"_s)
                            .toString();
                    QCOMPARE(more.value(u"namespace"_s).toString(), space);
                    QCOMPARE(more.value(u"clusterID"_s).toString(), app.value(u"clusterID"_s).toString());
                    ++conflicts;
                }
            }
        }
    }
    QVERIFY(clones > 0);
    QCOMPARE(usedClouds.size(), clouds.size()); // no cloud or cluster without tasks
    QCOMPARE(usedClusters.size(), clusters.size());
    QVERIFY(usedApps.size() > apps.size() / 2);
    QVERIFY(usedNamespaces.size() > namespaces.size() / 2);
    qInfo("%d apps, %d clusters, %d clouds, %d namespaces listed; %d clones, %d namespace conflicts seen",
          int(apps.size()), int(clusters.size()), int(clouds.size()), int(namespaces.size()), clones, conflicts);
}

void TestDemoServer::namesAtScale_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("clouds");
    QTest::addColumn<int>("clusters");
    QTest::newRow("300") << 300 << 3 << 4;
    QTest::newRow("20000") << 20000 << 4 << 9;
}

void TestDemoServer::namesAtScale()
{
    // A larger account has more of everything, still with unique, plausible names.
    QFETCH(int, tasks);
    QFETCH(int, clouds);
    QFETCH(int, clusters);
    QVERIFY(startServer(withTasks(tasks)));
    const QJsonArray apps = names(QString::fromLatin1(kApps.path));
    QCOMPARE(names(QString::fromLatin1(kClouds.path)).size(), clouds);
    QCOMPARE(names(QString::fromLatin1(kClusters.path)).size(), clusters);
    QVERIFY(apps.size() >= 2 * tasks / 25); // the apps, and where each is cloned to
    QCOMPARE(nameErrors(apps), QStringList());
    QCOMPARE(nameErrors(names(QString::fromLatin1(kClusters.path))), QStringList());
    QCOMPARE(nameErrors(names(QString::fromLatin1(kClouds.path))), QStringList());
    const QJsonArray namespaces = names(QString::fromLatin1(kNamespaces.path));
    QVERIFY(namespaces.size() >= apps.size());
    QCOMPARE(nameErrors(namespaces, u"clusterID"_s), QStringList());
    QStringList some;
    for (qsizetype i = 0; i < apps.size(); i += apps.size() / 6)
        some.append(apps[i].toObject().value(u"name"_s).toString());
    qInfo() << apps.size() << "apps, such as" << some.join(u", "_s);
}

void TestDemoServer::namesInclude()
{
    QVERIFY(startServer());
    const QJsonArray full = names(QString::fromLatin1(kApps.path));
    const Response r =
        get(namesUrl(QString::fromLatin1(kApps.path), u"include=name,id,nonexistent,namespaces,clusterID"_s));
    QCOMPARE(r.status, 200);
    QVERIFY(r.lengthMatches());
    const QJsonArray items = r.json().value(u"items"_s).toArray();
    QCOMPARE(items.size(), full.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject app = full[i].toObject();
        const QJsonArray expected{app.value(u"name"_s), app.value(u"id"_s), QJsonValue(), app.value(u"namespaces"_s),
                                  app.value(u"clusterID"_s)};
        QCOMPARE(items[i].toArray(), expected);
    }

    // With limit and filter: the first two namespaces of a cluster, as [name, clusterID].
    const QJsonArray spaces = names(QString::fromLatin1(kNamespaces.path));
    const QString cluster = spaces.first().toObject().value(u"clusterID"_s).toString();
    const QJsonObject page =
        get(namesUrl(QString::fromLatin1(kNamespaces.path), u"include=name,clusterID&limit=1&filter=clusterID+eq+'"_s
                                                                + cluster + u'\''))
            .json();
    const QJsonArray expected{QJsonArray{spaces.first().toObject().value(u"name"_s), cluster}};
    QCOMPARE(page.value(u"items"_s).toArray(), expected);
}

void TestDemoServer::namesPaging_data()
{
    QTest::addColumn<QString>("path"); // "cloud" for the clusters of the first cloud
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("limit");
    QTest::newRow("apps by 1") << QString::fromLatin1(kApps.path) << QString() << 1;
    QTest::newRow("apps by 5") << QString::fromLatin1(kApps.path) << QString() << 5;
    QTest::newRow("apps by 1000") << QString::fromLatin1(kApps.path) << QString() << 1000;
    QTest::newRow("apps with a filter") << QString::fromLatin1(kApps.path) << u"filter=name+in+'clone'"_s << 4;
    QTest::newRow("clusters by 1") << QString::fromLatin1(kClusters.path) << QString() << 1;
    QTest::newRow("clouds by 2") << QString::fromLatin1(kClouds.path) << QString() << 2;
    QTest::newRow("namespaces by 3") << QString::fromLatin1(kNamespaces.path) << QString() << 3;
    QTest::newRow("clusters of a cloud by 1") << u"cloud"_s << QString() << 1;
}

void TestDemoServer::namesPaging()
{
    QFETCH(QString, path);
    QFETCH(QString, filter);
    QFETCH(int, limit);
    QVERIFY(startServer());
    if (path == u"cloud")
        path = cloudClusters(names(QString::fromLatin1(kClouds.path)).first().toObject().value(u"id"_s).toString());
    const QStringList expected = idsOf(names(path, filter));
    QVERIFY(expected.size() > 1);
    int pages = 0;
    const QStringList walked = idsOf(walkNames(path, filter, limit, &pages));
    QCOMPARE(walked, expected); // every item once, in order
    QCOMPARE(pages, (int(expected.size()) + limit - 1) / limit);
}

void TestDemoServer::namesContinueTokens()
{
    QVERIFY(startServer());
    const QString apps = QString::fromLatin1(kApps.path);
    const QJsonObject first = get(namesUrl(apps, u"limit=2"_s)).json();
    const QString token = first.value(u"metadata"_s).toObject().value(u"continue"_s).toString();
    QVERIFY(!token.isEmpty());
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(token));
    const auto refused = [this](const QUrl &url) {
        const Response r = get(url);
        const QJsonObject reason = r.json().value(u"invalidParams"_s).toArray().first().toObject();
        return r.status == 400 && reason.value(u"name"_s) == u"continue"_s;
    };

    // The list never changes: a token answers the same page, as often as it is sent.
    const Response second = get(namesUrl(apps, u"limit=2&continue="_s + encoded));
    QCOMPARE(second.status, 200);
    QCOMPARE(get(namesUrl(apps, u"limit=2&continue="_s + encoded)).body, second.body);
    QCOMPARE(idsOf(second.json().value(u"items"_s).toArray()),
             idsOf(names(apps, u"limit=4"_s)).mid(2));

    // A token continues only the list and the filters it was issued for.
    QVERIFY(refused(namesUrl(QString::fromLatin1(kNamespaces.path), u"limit=2&continue="_s + encoded)));
    QVERIFY(refused(listUrl(u"limit=2&continue="_s + encoded)));
    QVERIFY(refused(namesUrl(apps, u"limit=2&filter=state+eq+'ready'&continue="_s + encoded)));
    const auto tokenOf = [](const Response &r) {
        const QString token = r.json().value(u"metadata"_s).toObject().value(u"continue"_s).toString();
        return QString::fromLatin1(QUrl::toPercentEncoding(token));
    };
    QVERIFY(refused(namesUrl(apps, u"limit=2&continue="_s + tokenOf(get(listUrl(u"limit=2"_s))))));
    const QString cloud = names(QString::fromLatin1(kClouds.path)).first().toObject().value(u"id"_s).toString();
    const QString clusterToken = tokenOf(get(namesUrl(QString::fromLatin1(kClusters.path), u"limit=1"_s)));
    QVERIFY(refused(namesUrl(cloudClusters(cloud), u"limit=1&continue="_s + clusterToken)));

    // Past the end.
    QJsonObject past = parseObject(QByteArray::fromBase64(token.toLatin1()));
    past[u"collectionIndex"_s] = 100000;
    const QByteArray pastToken = QUrl::toPercentEncoding(
        QString::fromLatin1(QJsonDocument(past).toJson(QJsonDocument::Compact).toBase64()));
    QVERIFY(refused(namesUrl(apps, u"continue="_s + QString::fromLatin1(pastToken))));
}

void TestDemoServer::namesFilter()
{
    QVERIFY(startServer());
    const QString appsPath = QString::fromLatin1(kApps.path);
    const QJsonArray apps = names(appsPath);
    const QJsonArray clouds = names(QString::fromLatin1(kClouds.path));
    const QJsonArray clusters = names(QString::fromLatin1(kClusters.path));
    const QJsonArray spaces = names(QString::fromLatin1(kNamespaces.path));
    const auto where = [](const QJsonArray &items, const std::function<bool(const QJsonObject &)> &keep) {
        QStringList ids;
        for (const QJsonValue &item : items) {
            if (keep(item.toObject()))
                ids.append(item.toObject().value(u"id"_s).toString());
        }
        return ids;
    };
    const auto text = [](const QJsonObject &item, const char *field) {
        return item.value(QLatin1StringView(field)).toString();
    };

    // eq on text.
    const QStringList aws = idsOf(names(QString::fromLatin1(kClouds.path), u"filter=cloudType+eq+'aws'"_s));
    QCOMPARE(aws, where(clouds, [&](const QJsonObject &c) { return text(c, "cloudType") == u"aws"; }));
    QVERIFY(!aws.isEmpty() && aws.size() < clouds.size());
    const QString protectedFilter = u"filter=protectionState%20eq%20'protected'"_s;
    QCOMPARE(idsOf(names(appsPath, protectedFilter)),
             where(apps, [&](const QJsonObject &a) { return text(a, "protectionState") == u"protected"; }));

    // A cloud's clusters: by the filter, and by the path, alike.
    for (const QJsonValue &cloud : clouds) {
        const QString id = cloud.toObject().value(u"id"_s).toString();
        const QStringList expected = where(clusters, [&](const QJsonObject &c) { return text(c, "cloudID") == id; });
        QCOMPARE(idsOf(names(QString::fromLatin1(kClusters.path), u"filter=cloudID+eq+'"_s + id + u'\'')), expected);
        QCOMPARE(idsOf(names(cloudClusters(id))), expected);
    }

    // Two filters are ANDed: one namespace, by its cluster and name.
    const QJsonObject space = spaces.last().toObject();
    QCOMPARE(idsOf(names(QString::fromLatin1(kNamespaces.path),
                         u"filter=clusterID+eq+'"_s + text(space, "clusterID") + u"'&filter=name+eq+'"_s
                             + text(space, "name") + u'\'')),
             QStringList{text(space, "id")});

    // An array field matches when an element does; `in` ignores case.
    const QString firstNamespace = apps.first().toObject().value(u"namespaces"_s).toArray().first().toString();
    QCOMPARE(idsOf(names(appsPath, u"filter=namespaces+eq+'"_s + firstNamespace + u'\'')),
             where(apps, [&](const QJsonObject &a) {
                 return a.value(u"namespaces"_s).toArray().contains(QJsonValue(firstNamespace));
             }));
    const QStringList clones = idsOf(names(appsPath, u"filter=name+in+'CLONE'"_s));
    QCOMPARE(clones, where(apps, [&](const QJsonObject &a) { return text(a, "name").endsWith(u"-clone"_s); }));
    QCOMPARE(clones.size() * 2, apps.size());

    // Ordered text, and a field no item has.
    QCOMPARE(idsOf(names(appsPath, u"filter=name+gte+'m'"_s)),
             where(apps, [&](const QJsonObject &a) { return text(a, "name") >= u"m"_s; }));
    const Response none = get(namesUrl(appsPath, u"filter=owner+eq+'x'"_s));
    QCOMPARE(none.status, 200);
    QVERIFY(none.json().value(u"items"_s).toArray().isEmpty());
}

void TestDemoServer::namesFault_data()
{
    QTest::addColumn<NamesFault>("fault");
    QTest::addColumn<int>("status"); // 0: the connection is closed
    QTest::addColumn<int>("problem");
    QTest::newRow("500") << NamesFault::InternalError << 500 << 34;
    QTest::newRow("503") << NamesFault::Unavailable << 503 << 24;
    QTest::newRow("401") << NamesFault::Unauthorized << 401 << 4;
    QTest::newRow("403") << NamesFault::Forbidden << 403 << 11;
    QTest::newRow("404") << NamesFault::NotFound << 404 << 2;
    QTest::newRow("drop") << NamesFault::Drop << 0 << 0;
}

void TestDemoServer::namesFault()
{
    // Only the names lists fail; the tasks are served as usual, and a missing token is still a 401.
    QFETCH(NamesFault, fault);
    QFETCH(int, status);
    QFETCH(int, problem);
    DemoServerOptions options;
    options.faults.namesFault = fault;
    QVERIFY(startServer(options));
    const QJsonArray tasks = get(listUrl()).json().value(u"items"_s).toArray();
    QVERIFY(tasks.size() > 200);
    const QString firstUri = tasks.first().toObject().value(u"resourceCollectionURI"_s).toArray().first().toString();
    const QString cloud = uriIds(firstUri).value(u"clouds"_s);
    const QStringList lists = {QString::fromLatin1(kApps.path), QString::fromLatin1(kClusters.path),
                               QString::fromLatin1(kClouds.path), QString::fromLatin1(kNamespaces.path),
                               cloudClusters(cloud)};
    for (const QString &list : lists) {
        const Response r = get(namesUrl(list, u"limit=2"_s));
        QVERIFY(r.finished);
        QCOMPARE(r.status, status);
        if (status == 0) {
            QVERIFY(r.error != QNetworkReply::NoError);
        } else {
            QCOMPARE(r.contentType, QByteArray("application/problem+json"));
            QCOMPARE(r.json().value(u"type"_s).toString(),
                     u"https://astra.netapp.io/problems/"_s + QString::number(problem));
            QCOMPARE(r.json().value(u"status"_s).toString(), QString::number(status));
        }
        QCOMPARE(get(namesUrl(list), QByteArray()).status, 401);
        QCOMPARE(get(listUrl(u"limit=5"_s)).status, 200);
    }
    QCOMPARE(get(namesUrl(u"topology/v1/nothing"_s)).status, 404); // still no such list
    m_server->setFaults({});
    QCOMPARE(get(namesUrl(lists.first())).status, 200);
}

void TestDemoServer::namesSlow()
{
    // A slow names list holds only its own request: tasks are answered meanwhile.
    DemoServerOptions options;
    options.faults.namesFault = NamesFault::Slow;
    QVERIFY(startServer(options));
    QCOMPARE(options.faults.namesSlowMs, 40'000); // beyond a client's default timeout
    QNetworkRequest request(namesUrl(QString::fromLatin1(kApps.path)));
    request.setRawHeader("Authorization", "Bearer " + m_server->token().toUtf8());
    std::unique_ptr<QNetworkReply> slow(m_nam->get(request));
    QTRY_COMPARE(m_server->requestCount(), quint64(1));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(get(listUrl(u"limit=10"_s)).status, 200);
    QVERIFY(!slow->isFinished());

    FaultOptions faults;
    faults.namesFault = NamesFault::Slow;
    faults.namesSlowMs = 300;
    m_server->setFaults(faults);
    QElapsedTimer timer;
    timer.start();
    const Response late = get(namesUrl(QString::fromLatin1(kClouds.path)));
    QCOMPARE(late.status, 200);
    QVERIFY(!late.json().value(u"items"_s).toArray().isEmpty());
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));

    m_server.reset(); // with the first still held back
    QTRY_VERIFY(slow->isFinished());
    QVERIFY(slow->error() != QNetworkReply::NoError);
}

void TestDemoServer::namesUnderGlobalFaults()
{
    // The faults of every request apply to the names lists too.
    DemoServerOptions options;
    options.faults.errorRate = 1;
    QVERIFY(startServer(options));
    QSet<int> statuses;
    for (int i = 0; i < 8; ++i)
        statuses.insert(get(namesUrl(QString::fromLatin1(kApps.path))).status);
    QCOMPARE(statuses, (QSet<int>{500, 503}));

    FaultOptions faults;
    faults.unauthorizedAfter = qint64(m_server->requestCount()) + 1;
    m_server->setFaults(faults);
    QCOMPARE(get(namesUrl(QString::fromLatin1(kClouds.path))).status, 200);
    const Response r = get(namesUrl(QString::fromLatin1(kClouds.path)));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"type"_s), u"https://astra.netapp.io/problems/4"_s);
}

// ---- Faults -------------------------------------------------------------------------------------------------

void TestDemoServer::faultErrorRate()
{
    DemoServerOptions options;
    options.faults.errorRate = 1;
    QVERIFY(startServer(options));
    QSet<int> statuses;
    for (int i = 0; i < 12; ++i) {
        const Response r = get(listUrl());
        QVERIFY(r.lengthMatches());
        QCOMPARE(r.contentType, QByteArray("application/problem+json"));
        const QJsonObject body = r.json();
        QCOMPARE(body.value(u"status"_s), QJsonValue(QString::number(r.status)));
        if (r.status == 500) {
            QCOMPARE(body.value(u"type"_s), u"https://astra.netapp.io/problems/34"_s);
            QCOMPARE(body.value(u"title"_s), u"Internal server error"_s);
        } else {
            QCOMPARE(r.status, 503);
            QCOMPARE(body.value(u"type"_s), u"https://astra.netapp.io/problems/24"_s);
            QCOMPARE(body.value(u"title"_s), u"Service unavailable"_s);
        }
        statuses.insert(r.status);
    }
    QCOMPARE(statuses, (QSet<int>{500, 503}));
    // Off again: served normally.
    m_server->setFaults({});
    QCOMPARE(get(listUrl()).status, 200);
}

void TestDemoServer::faultDrop()
{
    DemoServerOptions options;
    options.faults.dropRate = 1;
    QVERIFY(startServer(options));
    const Response r = get(listUrl());
    QVERIFY(r.finished);
    QVERIFY(r.error != QNetworkReply::NoError);
    QCOMPARE(r.status, 0); // no status line at all
    QVERIFY(r.body.isEmpty());
    QVERIFY(m_server->requestCount() >= 1);
    m_server->setFaults({});
    QCOMPARE(get(listUrl()).status, 200);
}

void TestDemoServer::faultTruncate()
{
    DemoServerOptions options;
    options.faults.truncateRate = 1;
    QVERIFY(startServer(options));
    const Response r = get(listUrl());
    QVERIFY(r.finished);
    QCOMPARE(r.status, 200);
    QVERIFY(r.contentLength);
    QVERIFY2(r.body.size() < *r.contentLength, qPrintable(QString::number(r.body.size())));
    QVERIFY(r.body.startsWith(R"({"type":"application/astra-tasks")"));
    QCOMPARE(r.body, m_server->scenario().listJson().first(r.body.size()));
    // Note for clients: QNetworkAccessManager 6.4 often ends such a reply with NoError (it reports
    // RemoteHostClosedError only sometimes). Only the byte count against Content-Length, or the
    // JSON parse, tells that the body is incomplete.
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestDemoServer::faultLatency()
{
    DemoServerOptions options;
    options.faults.latencyMs = 300;
    QVERIFY(startServer(options));
    QElapsedTimer timer;
    timer.start();
    const Response r = get(listUrl());
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(r.status, 200);
    QVERIFY(r.lengthMatches());
    QVERIFY2(elapsed >= 300, qPrintable(QString::number(elapsed)));
    // Problems are delayed too.
    timer.restart();
    QCOMPARE(get(listUrl(), QByteArray()).status, 401);
    QVERIFY(timer.elapsed() >= 300);
}

void TestDemoServer::faultUnauthorizedAfter()
{
    DemoServerOptions options;
    options.faults.unauthorizedAfter = 3;
    QVERIFY(startServer(options));
    for (int i = 1; i <= 5; ++i) {
        const Response r = get(listUrl(u"limit=2"_s));
        QCOMPARE(r.status, i <= 3 ? 200 : 401);
        if (i > 3) {
            QCOMPARE(r.json().value(u"type"_s), u"https://astra.netapp.io/problems/4"_s);
            QCOMPARE(r.json().value(u"title"_s), u"Invalid bearer token"_s);
        }
    }
    QCOMPARE(m_server->requestCount(), quint64(5));
}

void TestDemoServer::faultsRepeatable()
{
    auto statuses = [this](quint64 seed) {
        DemoServerOptions options;
        options.seed = seed;
        options.tasks = 50;
        options.faults.errorRate = 0.5;
        startServer(options);
        QList<int> result;
        for (int i = 0; i < 16; ++i)
            result.append(get(listUrl(u"limit=1"_s)).status);
        return result;
    };
    const QList<int> first = statuses(4);
    QVERIFY(first.contains(200) && (first.contains(500) || first.contains(503)));
    QCOMPARE(statuses(4), first);
    QVERIFY(statuses(5) != first);
}

void TestDemoServer::destroyedWhileResponding()
{
    // A response held back by the latency fault, then the server goes away: the client sees the
    // connection close, and nothing touches freed memory (run under the sanitizers).
    DemoServerOptions options;
    options.faults.latencyMs = 60'000;
    QVERIFY(startServer(options));
    QNetworkRequest request(listUrl());
    request.setRawHeader("Authorization", "Bearer " + m_server->token().toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_nam->get(request));
    QTRY_COMPARE(m_server->requestCount(), quint64(1));
    m_server.reset();
    QTRY_VERIFY(reply->isFinished());
    QVERIFY(reply->error() != QNetworkReply::NoError);
}

// ---- The executable --------------------------------------------------------------------------------------

void TestDemoServer::executable()
{
    QProcess process;
    process.start(QStringLiteral(TASKSCOPE_DEMO_SERVER_BINARY),
                  {u"--port"_s, u"0"_s, u"--token"_s, u"t0k3n"_s, u"--tasks"_s, u"60"_s, u"--seed"_s, u"3"_s,
                   u"--unauthorized-after"_s, u"2"_s});
    QByteArray output;
    connect(&process, &QProcess::readyReadStandardOutput, this, [&] { output += process.readAllStandardOutput(); });
    QTRY_VERIFY_WITH_TIMEOUT(output.contains("token: t0k3n\n"), 30000);
    const QList<QByteArray> lines = output.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith("url: http://127.0.0.1:"));
    QCOMPARE(lines[1], "account: " + DemoServer::defaultAccountId().toUtf8());
    const QUrl base(QString::fromUtf8(lines[0].sliced(5)));
    QVERIFY(base.port() > 0);

    QUrl url = base;
    url.setPath(u"/accounts/"_s + DemoServer::defaultAccountId() + u"/core/v1/tasks"_s);
    auto fetch = [&](const QByteArray &auth) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", auth);
        std::unique_ptr<QNetworkReply> reply(m_nam->get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        return std::make_pair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll());
    };
    const auto [status, body] = fetch("Bearer t0k3n");
    QCOMPARE(status, 200);
    const QJsonArray items = parseObject(body).value(u"items"_s).toArray();
    QVERIFY(items.size() > 30 && items.size() < 100);
    QCOMPARE(fetch("Bearer wrong").first, 401);
    QCOMPARE(fetch("Bearer t0k3n").first, 401); // the third request: --unauthorized-after 2
    process.kill();
    QVERIFY(process.waitForFinished(30000));
}

void TestDemoServer::executableBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << u"bogus"_s;
    QTest::newRow("tasks 0") << QStringList{u"--tasks"_s, u"0"_s} << u"--tasks"_s;
    QTest::newRow("tasks too many") << QStringList{u"--tasks"_s, u"100001"_s} << u"--tasks"_s;
    QTest::newRow("port") << QStringList{u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("speed") << QStringList{u"--speed"_s, u"0"_s} << u"--speed"_s;
    QTest::newRow("error rate") << QStringList{u"--error-rate"_s, u"1.5"_s} << u"--error-rate"_s;
    QTest::newRow("drop rate") << QStringList{u"--drop-rate"_s, u"x"_s} << u"--drop-rate"_s;
    QTest::newRow("latency") << QStringList{u"--latency"_s, u"-1"_s} << u"--latency"_s;
    QTest::newRow("account") << QStringList{u"--account"_s, u"a/b"_s} << u"--account"_s;
    QTest::newRow("token") << QStringList{u"--token"_s, u"a b"_s} << u"--token"_s;
    QTest::newRow("names fault") << QStringList{u"--names-fault"_s, u"418"_s} << u"--names-fault must be one of"_s;
    QTest::newRow("positional") << QStringList{u"extra"_s} << u"extra"_s;
}

void TestDemoServer::executableBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(QStringLiteral(TASKSCOPE_DEMO_SERVER_BINARY), arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(message));
}

void TestDemoServer::executableNamesFault()
{
    QProcess help;
    help.start(QStringLiteral(TASKSCOPE_DEMO_SERVER_BINARY), {u"--help"_s});
    QVERIFY(help.waitForFinished(30000));
    const QString usage = QString::fromUtf8(help.readAllStandardOutput());
    QVERIFY(usage.contains(u"--names-fault <KIND>"_s));
    QVERIFY(usage.contains(u"k8s/v2/apps"_s));

    QProcess process;
    process.start(QStringLiteral(TASKSCOPE_DEMO_SERVER_BINARY),
                  {u"--token"_s, u"t0k3n"_s, u"--tasks"_s, u"60"_s, u"--names-fault"_s, u"403"_s});
    QByteArray output;
    connect(&process, &QProcess::readyReadStandardOutput, this, [&] { output += process.readAllStandardOutput(); });
    QTRY_VERIFY_WITH_TIMEOUT(output.contains("token: t0k3n\n"), 30000);
    const QUrl base(QString::fromUtf8(output.split('\n').first().sliced(5)));
    auto status = [&](const QString &path) {
        QUrl url = base;
        url.setPath(u"/accounts/"_s + DemoServer::defaultAccountId() + path);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer t0k3n");
        std::unique_ptr<QNetworkReply> reply(m_nam->get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QCOMPARE(status(u"/k8s/v2/apps"_s), 403);
    QCOMPARE(status(u"/topology/v1/namespaces"_s), 403);
    QCOMPARE(status(u"/core/v1/tasks"_s), 200);
    process.kill();
    QVERIFY(process.waitForFinished(30000));
}

// ---- Scale -----------------------------------------------------------------------------------------------

void TestDemoServer::hundredThousandTasks()
{
    QElapsedTimer timer;
    timer.start();
    DemoServerOptions options;
    options.tasks = 100000;
    QVERIFY(startServer(options));
    const qint64 startup = timer.restart();
    Scenario &scenario = m_server->scenario();
    QVERIFY2(scenario.taskCount() > 80000 && scenario.taskCount() < 120000,
             qPrintable(QString::number(scenario.taskCount())));

    const Response r = get(listUrl(), std::nullopt, 240'000);
    const qint64 served = timer.restart();
    QCOMPARE(r.status, 200);
    QVERIFY(r.lengthMatches());
    QVERIFY(r.body.size() > 100'000'000);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(u"items"_s).toArray().size(), scenario.taskCount());
    const qint64 parsed = timer.restart();
    // The names still unique and plausible, with thousands of apps.
    const QJsonArray apps = names(QString::fromLatin1(kApps.path));
    QVERIFY(apps.size() >= 8000);
    QCOMPARE(nameErrors(apps), QStringList());
    QCOMPARE(nameErrors(names(QString::fromLatin1(kNamespaces.path)), u"clusterID"_s), QStringList());
    timer.restart();

    // A tick re-serialises only the tasks whose state or progress changed.
    const quint64 before = scenario.recordsSerialised();
    m_now += 1000;
    scenario.advanceTo(m_now);
    const quint64 rewritten = scenario.recordsSerialised() - before;
    const qint64 tick = timer.restart();
    QVERIFY(rewritten > 0);
    QVERIFY2(rewritten < quint64(scenario.taskCount() / 2), qPrintable(QString::number(rewritten)));
    const quint64 generation = scenario.generation();
    scenario.advanceTo(m_now);
    QCOMPARE(scenario.generation(), generation);
    qInfo("100k: %lld tasks, %lld MB; startup %lld ms, served in %lld ms, parsed in %lld ms; "
          "1 s tick rewrote %llu tasks in %lld ms",
          qint64(scenario.taskCount()), qint64(r.body.size() >> 20), startup, served, parsed, rewritten, tick);
}

void TestDemoServer::incrementalPollBytes()
{
    // The bytes of an incremental poll (`gte <newest of the previous full list minus 60 s>`, one poll
    // interval later) against those of a full poll, on a 10,000-task demo at its normal pace.
    QVERIFY(startServer(withTasks(10000)));
    constexpr qint64 kInterval = 2000;
    constexpr qint64 kMarginUs = 60'000'000;
    const Scenario &scenario = m_server->scenario();
    double worst = 0;
    double worstNoMargin = 0;
    double sum = 0;
    const int polls = 5;
    for (int poll = 0; poll < polls; ++poll) {
        const Response full = get(listUrl());
        QCOMPARE(full.status, 200);
        const qint64 newest = newestModification(full.json().value(u"items"_s).toArray());
        m_now += kInterval;
        const QString since = QString::fromLatin1(Json::timestamp(newest - kMarginUs));
        const Response incremental = get(listUrl(modifiedQuery(u"gte"_s, since)));
        QCOMPARE(incremental.status, 200);
        const QJsonArray items = incremental.json().value(u"items"_s).toArray();

        // What made the incremental list: every task listed now, modified since the time asked.
        qsizetype expected = 0;
        qsizetype running = 0;
        const qint64 sinceUs = usecs(since);
        for (const TaskRecordPtr &task : scenario.snapshot()->tasks) {
            expected += task->modifiedUs >= sinceUs;
            running += task->state == TaskState::Running;
        }
        QCOMPARE(items.size(), expected);
        const double ratio = double(incremental.body.size()) / double(full.body.size());
        worst = std::max(worst, ratio);
        sum += ratio;
        // Without the margin: only what changed during the interval.
        const Response changed = get(listUrl(modifiedQuery(u"gte"_s, QString::fromLatin1(Json::timestamp(newest)))));
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.body.size() <= incremental.body.size());
        worstNoMargin = std::max(worstNoMargin, double(changed.body.size()) / double(full.body.size()));
        qInfo("poll %d: full %lld bytes, %lld tasks (%lld running); incremental %lld bytes, %lld tasks; "
              "without margin %lld bytes, %lld tasks",
              poll, qint64(full.body.size()), qint64(scenario.taskCount()), qint64(running),
              qint64(incremental.body.size()), qint64(items.size()), qint64(changed.body.size()),
              qint64(changed.json().value(u"items"_s).toArray().size()));
    }
    std::printf("incremental_bytes_ratio: %.3f\nincremental_bytes_ratio_mean: %.3f\n"
                "incremental_bytes_ratio_no_margin: %.3f\n",
                worst, sum / polls, worstNoMargin);
}

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
