// Unit tests of the tasks list parser: typed fields, raw bytes, include arrays, tolerance and warnings.
#include "task.h"
#include "taskfields.h"
#include "tasklistparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <variant>

using namespace Qt::StringLiterals;
using namespace Taskscope;

// Readable QCOMPARE failures for the model's value types (found by argument-dependent lookup).
namespace Taskscope {
char *toString(TaskState state)
{
    const QString name = state == TaskState::Unknown ? u"Unknown"_s : stateApiName(state);
    return qstrdup(name.toUtf8().constData());
}
char *toString(const Label &label)
{
    return qstrdup(QString(u"{name="_s + label.name + u", value="_s + label.value + u"}"_s).toUtf8().constData());
}
char *toString(const StateTransition &t)
{
    return qstrdup(QString(u"{from="_s + t.from + u", to=["_s + t.to.join(u',') + u"]}"_s).toUtf8().constData());
}
char *toString(const StateDetail &d)
{
    return qstrdup(QString(u"{type="_s + d.type + u", title="_s + d.title + u", detail="_s + d.detail
                           + u", additionalDetails="_s + QString::fromUtf8(d.additionalDetails) + u"}"_s)
                       .toUtf8()
                       .constData());
}
char *toString(const ParseWarning &w)
{
    return qstrdup(QString(w.toString() + (w.skipped ? u" [skipped]"_s : u" [kept]"_s)).toUtf8().constData());
}
} // namespace Taskscope

namespace {

QByteArray readFixture(const QString &relativePath)
{
    QFile file(QStringLiteral(TASKSCOPE_FIXTURES_DIR) + u'/' + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray pageOf(const QList<QByteArray> &items)
{
    return "{\"items\": [" + items.join(", ") + "], \"metadata\": {}}";
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// End (exclusive) of the JSON value that starts at `pos` in `text` (test scaffolding, not a parser:
// it only needs to delimit well-formed values so that tests can compare raw slices).
qsizetype valueEnd(const QByteArray &text, qsizetype pos)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = pos; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
                if (depth == 0)
                    return i + 1;
            }
            continue;
        }
        if (depth == 0 && i > pos && c != '\0' && std::strchr(",]} \t\r\n", c))
            return i; // end of a scalar
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            ++depth;
            break;
        case '}':
        case ']':
            if (--depth == 0)
                return i + 1;
            break;
        default:
            break;
        }
    }
    return text.size();
}

// The raw text of each element of the JSON array whose '[' is at `bracket`.
QList<QByteArray> arrayElementSlices(const QByteArray &text, qsizetype bracket)
{
    QList<QByteArray> slices;
    qsizetype i = bracket + 1;
    const auto skipSpace = [&] {
        while (i < text.size() && text.at(i) != '\0' && std::strchr(" \t\r\n", text.at(i)))
            ++i;
    };
    for (;;) {
        skipSpace();
        if (i >= text.size() || text.at(i) == ']')
            break;
        const qsizetype end = valueEnd(text, i);
        slices.append(text.mid(i, end - i));
        i = end;
        skipSpace();
        if (i < text.size() && text.at(i) == ',')
            ++i;
    }
    return slices;
}

// Edits `node` at a dotted path such as "metadata.labels[1].value": sets `value`, or removes when nullopt.
QJsonValue editAt(const QJsonValue &node, const QList<std::variant<QString, int>> &steps, qsizetype i,
                  const std::optional<QJsonValue> &value)
{
    const bool last = i + 1 == steps.size();
    if (const QString *key = std::get_if<QString>(&steps.at(i))) {
        QJsonObject object = node.toObject();
        if (!last)
            object.insert(*key, editAt(object.value(*key), steps, i + 1, value));
        else if (value)
            object.insert(*key, *value);
        else
            object.remove(*key);
        return object;
    }
    const int index = std::get<int>(steps.at(i));
    QJsonArray array = node.toArray();
    if (!last)
        array.replace(index, editAt(array.at(index), steps, i + 1, value));
    else if (value)
        array.replace(index, *value);
    else
        array.removeAt(index);
    return array;
}

QJsonObject edited(const QJsonObject &object, const QString &path, const std::optional<QJsonValue> &value)
{
    static const QRegularExpression step(u"([A-Za-z-]+)|\\[(\\d+)\\]"_s);
    QList<std::variant<QString, int>> steps;
    for (auto it = step.globalMatch(path); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.hasCaptured(1))
            steps.append(m.captured(1));
        else
            steps.append(m.captured(2).toInt());
    }
    return editAt(object, steps, 0, value).toObject();
}

// Compares every typed field (and optionally rawJson), with one QCOMPARE per field for readable failures.
void compareTask(const Task &actual, const Task &expected, bool compareRaw = true)
{
    QCOMPARE(actual.type, expected.type);
    QCOMPARE(actual.version, expected.version);
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.summary, expected.summary);
    QCOMPARE(actual.description, expected.description);
    QCOMPARE(actual.service, expected.service);
    QCOMPARE(actual.parentTaskID, expected.parentTaskID);
    QCOMPARE(actual.userID, expected.userID);
    QCOMPARE(actual.resourceID, expected.resourceID);
    QCOMPARE(actual.resourceURI, expected.resourceURI);
    QCOMPARE(actual.resourceCollectionURI, expected.resourceCollectionURI);
    QCOMPARE(actual.state, expected.state);
    QCOMPARE(actual.stateText, expected.stateText);
    QCOMPARE(actual.stateTransitions, expected.stateTransitions);
    QCOMPARE(actual.stateDetails, expected.stateDetails);
    QCOMPARE(actual.orderHint.has_value(), expected.orderHint.has_value());
    if (expected.orderHint)
        QCOMPARE(*actual.orderHint, *expected.orderHint);
    QCOMPARE(actual.percentDone.has_value(), expected.percentDone.has_value());
    if (expected.percentDone)
        QCOMPARE(*actual.percentDone, *expected.percentDone);
    QCOMPARE(actual.startTime, expected.startTime);
    QCOMPARE(actual.endTime, expected.endTime);
    QCOMPARE(actual.cancelTime, expected.cancelTime);
    for (const QDateTime *t : {&actual.startTime, &actual.endTime, &actual.cancelTime,
                               &actual.metadata.creationTimestamp, &actual.metadata.modificationTimestamp}) {
        if (t->isValid())
            QCOMPARE(t->timeSpec(), Qt::UTC);
    }
    QCOMPARE(actual.metadata.labels, expected.metadata.labels);
    QCOMPARE(actual.metadata.creationTimestamp, expected.metadata.creationTimestamp);
    QCOMPARE(actual.metadata.modificationTimestamp, expected.metadata.modificationTimestamp);
    QCOMPARE(actual.metadata.createdBy, expected.metadata.createdBy);
    QCOMPARE(actual.metadata.modifiedBy, expected.metadata.modifiedBy);
    if (compareRaw)
        QCOMPARE(actual.rawJson, expected.rawJson);
}

// Nothing is dropped without a warning: every item is either a task or exactly one skipped warning.
void checkAccounting(const TaskListPage &page, qsizetype itemCount)
{
    const qsizetype skipped =
        std::count_if(page.warnings.cbegin(), page.warnings.cend(), [](const ParseWarning &w) { return w.skipped; });
    QCOMPARE(page.tasks.size() + skipped, itemCount);
    // One digest per kept task, of the bytes it keeps (what TaskTreeModel::apply compares).
    QCOMPARE(page.digests.size(), page.tasks.size());
    for (qsizetype i = 0; i < page.tasks.size(); ++i)
        QCOMPARE(page.digests.at(i), rawJsonDigest(page.tasks.at(i).rawJson));
    for (const ParseWarning &w : page.warnings) {
        QVERIFY2(w.itemIndex >= 0 && w.itemIndex < itemCount, qPrintable(w.toString()));
        QVERIFY2(!w.message.isEmpty(), qPrintable(w.toString()));
    }
}

// The full fixture item as a typed Task (rawJson and additionalDetails as in the fixture file).
Task fullItemTask()
{
    Task t;
    t.type = u"application/astra-task"_s;
    t.version = u"1.1"_s;
    t.id = u"9cc8c321-6af1-406c-8158-2c6582c247f8"_s;
    t.name = u"astra.backup.copy"_s;
    t.summary = u"Backup copy"_s;
    t.description = u"Copy the snapshot to the bucket"_s;
    t.service = u"nautilus"_s;
    t.parentTaskID = u"bc1e6561-9e22-406c-8a5a-762f4604da00"_s;
    t.userID = u"abda967f-cd2c-4237-908e-99266648c553"_s;
    t.resourceID = u"736a0978-d55f-4841-8b7c-dc0c0f592c6f"_s;
    t.resourceURI = u"/accounts/fdaa655c-15ab-4d34-aa61-1e9098e67be0/k8s/v1/apps/7c8bef49-697e-4fb4-810c-675cef4cf6c9/appBackups/736a0978-d55f-4841-8b7c-dc0c0f592c6f"_s;
    t.resourceCollectionURI = {
        u"/accounts/fdaa655c-15ab-4d34-aa61-1e9098e67be0/topology/v1/clouds/0df3f1a0-7203-4c12-aabf-a7bee6302671/clusters/dfd9de2d-6f0b-437b-a737-c8f7f176cd14/namespaces/f8b58091-4b9c-4c64-9b40-018dbaf7c5de/apps/f670bf11-8850-44bd-b330-815af6186a06/appBackups/736a0978-d55f-4841-8b7c-dc0c0f592c6f"_s,
        u"/accounts/fdaa655c-15ab-4d34-aa61-1e9098e67be0/k8s/v1/apps/7c8bef49-697e-4fb4-810c-675cef4cf6c9"_s,
    };
    t.state = TaskState::Failed;
    t.stateText = u"failed"_s;
    t.stateTransitions = {
        {u"running"_s, {u"paused"_s, u"cancelled"_s}},
        {u"paused"_s, {}},
    };
    t.stateDetails = {
        {u"https://astra.netapp.io/stateDetails/3"_s, u"Bucket unreachable"_s,
         u"The object store did not answer within 30 s."_s,
         R"({ "bucketID": "b-17",  "attempts": [1, 2.50, 3e0] })"_ba},
        {u"https://astra.netapp.io/stateDetails/4"_s, u"Retries exhausted"_s, u"Gave up after 3 attempts."_s, {}},
    };
    t.orderHint = 2.5;
    t.percentDone = 37.5;
    t.startTime = utc(2023, 3, 1, 10, 0, 0);
    t.endTime = utc(2023, 3, 1, 10, 5, 30, 500);
    t.cancelTime = utc(2023, 3, 1, 10, 4, 0, 123);
    t.metadata.labels = {{u"app"_s, u"wordpress"_s}, {u"tier"_s, QString()}};
    t.metadata.creationTimestamp = utc(2023, 3, 1, 9, 59, 59, 999);
    t.metadata.modificationTimestamp = utc(2023, 3, 1, 10, 5, 30, 500);
    t.metadata.createdBy = u"00000000-0000-0000-0000-000000000000"_s;
    t.metadata.modifiedBy = u"8f84cf09-8036-51e4-b579-bd30cb07b269"_s;
    t.rawJson = readFixture(u"parser/full-item.json"_s).trimmed();
    return t;
}

QJsonObject fullItemObject()
{
    return QJsonDocument::fromJson(readFixture(u"parser/full-item.json"_s)).object();
}

// fullItemTask() as it reads after a round trip through QJsonDocument (compact, keys sorted).
Task fullItemTaskCompact()
{
    Task t = fullItemTask();
    t.stateDetails[0].additionalDetails = compact(
        fullItemObject().value(u"stateDetails").toArray().at(0).toObject().value(u"additionalDetails").toObject());
    t.rawJson = compact(fullItemObject());
    return t;
}

// Resets the typed field named by the API's top-level name, as the parser leaves a missing/bad one.
void clearField(Task &t, const QString &field)
{
    static const QHash<QString, std::function<void(Task &)>> clearers = {
        {u"type"_s, [](Task &t) { t.type.clear(); }},
        {u"version"_s, [](Task &t) { t.version.clear(); }},
        {u"name"_s, [](Task &t) { t.name.clear(); }},
        {u"summary"_s, [](Task &t) { t.summary.clear(); }},
        {u"description"_s, [](Task &t) { t.description.clear(); }},
        {u"service"_s, [](Task &t) { t.service.clear(); }},
        {u"parentTaskID"_s, [](Task &t) { t.parentTaskID.clear(); }},
        {u"userID"_s, [](Task &t) { t.userID.clear(); }},
        {u"resourceID"_s, [](Task &t) { t.resourceID.clear(); }},
        {u"resourceURI"_s, [](Task &t) { t.resourceURI.clear(); }},
        {u"resourceCollectionURI"_s, [](Task &t) { t.resourceCollectionURI.clear(); }},
        {u"state"_s, [](Task &t) { t.state = TaskState::Unknown; t.stateText.clear(); }},
        {u"stateTransitions"_s, [](Task &t) { t.stateTransitions.clear(); }},
        {u"stateDetails"_s, [](Task &t) { t.stateDetails.clear(); }},
        {u"orderHint"_s, [](Task &t) { t.orderHint.reset(); }},
        {u"percentDone"_s, [](Task &t) { t.percentDone.reset(); }},
        {u"startTime"_s, [](Task &t) { t.startTime = {}; }},
        {u"endTime"_s, [](Task &t) { t.endTime = {}; }},
        {u"cancelTime"_s, [](Task &t) { t.cancelTime = {}; }},
        {u"metadata"_s, [](Task &t) { t.metadata = {}; }},
    };
    Q_ASSERT(clearers.contains(field));
    clearers.value(field)(t);
}

const QStringList requiredFields = {
    u"type"_s, u"version"_s, u"name"_s, u"summary"_s, u"description"_s, u"resourceID"_s, u"resourceURI"_s,
    u"resourceCollectionURI"_s, u"state"_s, u"stateTransitions"_s, u"stateDetails"_s, u"metadata"_s,
};

const QStringList optionalFields = {
    u"service"_s, u"parentTaskID"_s, u"userID"_s, u"orderHint"_s, u"percentDone"_s,
    u"startTime"_s, u"endTime"_s, u"cancelTime"_s,
};

} // namespace

class TestTaskParser final : public QObject
{
    Q_OBJECT

private slots:
    void stateNames_data();
    void stateNames();
    void unknownStateNames_data();
    void unknownStateNames();
    void parseTimestamp_data();
    void parseTimestamp();
    void invalidTimestamp_data();
    void invalidTimestamp();
    void taskFieldNames();
    void taskFieldLookup();

    void exampleResponse();
    void fullItem();
    void taskJson();
    void rawJsonIsExactSlice_data();
    void rawJsonIsExactSlice();
    void threadsReadAsOneThreadDoes();
    void urisAreViewsOfTheTaskBytes();
    void stringsAndNumbers();

    void metadata_data();
    void metadata();
    void notAListResponse_data();
    void notAListResponse();
    void malformedJson_data();
    void malformedJson();
    void invalidUtf8IsRepairedWithAWarning();
    void truncatedBodies();
    void mutatedBodies();
    void deepNesting();

    void validItems_data();
    void validItems();
    void skippedItems_data();
    void skippedItems();
    void missingRequiredField_data();
    void missingRequiredField();
    void wrongTypes_data();
    void wrongTypes();
    void valuesKeptWithWarning_data();
    void valuesKeptWithWarning();
    void nestedFields_data();
    void nestedFields();
    void nestedElements_data();
    void nestedElements();
    void onlyIdPresent();
    void mixedPage();
    void pageIsReset();

    void arrayItems_data();
    void arrayItems();
    void arrayItemMatchesObjectItem();

    void warningToString();
    void errorToString();

private:
    void addObjectColumns();
    void checkObjectItemRow();
};

// ---------------------------------------------------------------------------------------------
// Free functions of task.h

void TestTaskParser::stateNames_data()
{
    QTest::addColumn<TaskState>("state");
    QTest::addColumn<QString>("apiName");
    QTest::newRow("notStarted") << TaskState::NotStarted << u"notStarted"_s;
    QTest::newRow("running") << TaskState::Running << u"running"_s;
    QTest::newRow("completed") << TaskState::Completed << u"completed"_s;
    QTest::newRow("pausing") << TaskState::Pausing << u"pausing"_s;
    QTest::newRow("paused") << TaskState::Paused << u"paused"_s;
    QTest::newRow("cancelling") << TaskState::Cancelling << u"cancelling"_s;
    QTest::newRow("cancelled") << TaskState::Cancelled << u"cancelled"_s;
    QTest::newRow("failed") << TaskState::Failed << u"failed"_s;
}

void TestTaskParser::stateNames()
{
    QFETCH(TaskState, state);
    QFETCH(QString, apiName);
    QCOMPARE(stateApiName(state), apiName);
    QCOMPARE(stateFromApiName(apiName), state);
    QCOMPARE(stateFromApiName(stateApiName(state)), state);
}

void TestTaskParser::unknownStateNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("invented") << u"exploded"_s;
    QTest::newRow("capitalised") << u"Running"_s;
    QTest::newRow("upper case") << u"FAILED"_s;
    QTest::newRow("leading space") << u" running"_s;
    QTest::newRow("trailing space") << u"completed "_s;
    QTest::newRow("snake case") << u"not_started"_s;
    QTest::newRow("enum spelling") << u"Unknown"_s;
}

void TestTaskParser::unknownStateNames()
{
    QFETCH(QString, text);
    QCOMPARE(stateFromApiName(text), TaskState::Unknown);
    QVERIFY(stateApiName(TaskState::Unknown).isEmpty());
}

void TestTaskParser::parseTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("no fraction") << u"2020-08-06T12:24:52Z"_s << utc(2020, 8, 6, 12, 24, 52);
    QTest::newRow("1 digit") << u"2020-08-06T12:24:52.2Z"_s << utc(2020, 8, 6, 12, 24, 52, 200);
    QTest::newRow("2 digits") << u"2020-08-06T12:24:52.25Z"_s << utc(2020, 8, 6, 12, 24, 52, 250);
    QTest::newRow("3 digits") << u"2020-08-06T12:24:52.256Z"_s << utc(2020, 8, 6, 12, 24, 52, 256);
    QTest::newRow("4 digits") << u"2020-08-06T12:24:52.2566Z"_s << utc(2020, 8, 6, 12, 24, 52, 256);
    QTest::newRow("5 digits") << u"2020-08-06T12:24:52.25662Z"_s << utc(2020, 8, 6, 12, 24, 52, 256);
    QTest::newRow("6 digits (reference)") << u"2020-08-06T12:24:52.256624Z"_s << utc(2020, 8, 6, 12, 24, 52, 256);
    QTest::newRow("7 digits") << u"2020-08-06T12:24:52.2566249Z"_s << utc(2020, 8, 6, 12, 24, 52, 256);
    QTest::newRow("8 digits") << u"2020-08-06T12:24:52.25662499Z"_s << utc(2020, 8, 6, 12, 24, 52, 256);
    QTest::newRow("9 digits") << u"2020-08-06T12:24:52.256624999Z"_s << utc(2020, 8, 6, 12, 24, 52, 256);
    // Truncated, not rounded: .999999999 must not roll over into the next second (or day, or year).
    QTest::newRow("9 nines") << u"2020-12-31T23:59:59.999999999Z"_s << utc(2020, 12, 31, 23, 59, 59, 999);
    QTest::newRow("zero fraction") << u"2020-08-06T12:24:52.000000000Z"_s << utc(2020, 8, 6, 12, 24, 52);
    QTest::newRow("leading zeros") << u"2020-08-06T12:24:52.007Z"_s << utc(2020, 8, 6, 12, 24, 52, 7);
    QTest::newRow("leap day") << u"2024-02-29T00:00:00Z"_s << utc(2024, 2, 29, 0, 0, 0);
    QTest::newRow("midnight") << u"2022-10-06T00:00:00Z"_s << utc(2022, 10, 6, 0, 0, 0);
    QTest::newRow("positive offset") << u"2020-08-06T14:24:52+02:00"_s << utc(2020, 8, 6, 12, 24, 52);
    QTest::newRow("negative offset, fraction") << u"2020-08-06T07:24:52.5-05:00"_s << utc(2020, 8, 6, 12, 24, 52, 500);
}

void TestTaskParser::parseTimestamp()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime actual = Taskscope::parseTimestamp(text);
    QVERIFY(actual.isValid());
    QCOMPARE(actual, expected);
    QCOMPARE(actual.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    if (text.endsWith(u'Z'))
        QCOMPARE(actual.timeSpec(), Qt::UTC);
}

void TestTaskParser::invalidTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("word") << u"yesterday"_s;
    QTest::newRow("month 13, day 45") << u"2020-13-45T00:00:00Z"_s;
    QTest::newRow("February 30") << u"2021-02-30T00:00:00Z"_s;
    QTest::newRow("February 29, not leap") << u"2023-02-29T00:00:00Z"_s;
    QTest::newRow("hour 25") << u"2020-08-06T25:00:00Z"_s;
    QTest::newRow("minute 61") << u"2020-08-06T12:61:00Z"_s;
    QTest::newRow("date only") << u"2020-08-06"_s;
    QTest::newRow("time only") << u"12:24:52Z"_s;
    QTest::newRow("dot without digits") << u"2020-08-06T12:24:52.Z"_s;
    QTest::newRow("letters in fraction") << u"2020-08-06T12:24:52.25xZ"_s;
    QTest::newRow("trailing junk") << u"2020-08-06T12:24:52Zjunk"_s;
    QTest::newRow("epoch number") << u"1596716692"_s;
    QTest::newRow("no seconds") << u"2020-08-06T12:24Z"_s;
    QTest::newRow("slashes") << u"2020/08/06T12:24:52Z"_s;
}

void TestTaskParser::invalidTimestamp()
{
    QFETCH(QString, text);
    const QDateTime actual = Taskscope::parseTimestamp(text);
    QVERIFY2(!actual.isValid(), qPrintable(actual.toString(Qt::ISODateWithMs)));
}

void TestTaskParser::taskFieldNames()
{
    QStringList actual = TaskListParser::taskFieldNames();
    QStringList expected = requiredFields + optionalFields;
    expected.append(u"id"_s);
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(actual, expected);
}

// The one table of fields: every name finds its field, nothing else finds one, and it marks the
// reference page's required fields (and only those) as required.
void TestTaskParser::taskFieldLookup()
{
    QStringList required;
    for (const TaskFieldInfo &info : TaskFields::kAll) {
        const QString name = info.latin1Name();
        const std::optional<TaskField> found = TaskFields::fromName(name.toStdString());
        QVERIFY2(found && *found == info.field, qPrintable(name));
        QCOMPARE(&TaskFields::info(info.field), &info);
        if (info.required) {
            required.append(name);
            QVERIFY(TaskFields::kRequiredBits & info.bit());
        } else {
            QVERIFY(!(TaskFields::kRequiredBits & info.bit()));
        }
        // Case-sensitive as the API, and no prefix or extension of a name is a field.
        QVERIFY(!TaskFields::fromName(name.toUpper().toStdString()) || name == name.toUpper());
        QVERIFY(!TaskFields::fromName(name.chopped(1).toStdString()));
        QVERIFY(!TaskFields::fromName(QString(name + u's').toStdString()));
    }
    QStringList expected = requiredFields;
    expected.append(u"id"_s);
    std::sort(required.begin(), required.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(required, expected);
    for (const char *other : {"", "ID", "items", "stateDetail", "resourceCollectionURIs", "modificationTimestamp"})
        QVERIFY2(!TaskFields::fromName(other), other);
}

// ---------------------------------------------------------------------------------------------
// Whole responses

void TestTaskParser::exampleResponse()
{
    const QByteArray body = readFixture(u"example-response.json"_s);
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(body, &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.warnings, QList<ParseWarning>());
    QCOMPARE(page.tasks.size(), 2);

    const QList<QByteArray> items = arrayElementSlices(body, body.indexOf('[', body.indexOf("\"items\"")));
    QCOMPARE(items.size(), 2);
    const qsizetype metadataKey = body.lastIndexOf("\"metadata\"");
    const qsizetype metadataBrace = body.indexOf('{', metadataKey);
    const QByteArray metadata = body.mid(metadataBrace, valueEnd(body, metadataBrace) - metadataBrace);
    QVERIFY(metadata.startsWith("{\n    \"labels\": [],") && metadata.endsWith("\"\n  }"));
    QCOMPARE(page.metadataJson, metadata);
    QVERIFY(!page.continueToken);
    QVERIFY(!page.count);

    const QStringList transitionsTo = {u"paused"_s, u"cancelled"_s};
    const QList<StateTransition> transitions = {{u"running"_s, transitionsTo}, {u"paused"_s, {u"running"_s, u"cancelled"_s}}};
    const QString clusterPrefix = u"/accounts/fdaa655c-15ab-4d34-aa61-1e9098e67be0/topology/v1/clouds/0df3f1a0-7203-4c12-aabf-a7bee6302671/clusters/dfd9de2d-6f0b-437b-a737-c8f7f176cd14/namespaces/"_s;
    const QDateTime created = utc(2020, 8, 6, 12, 24, 52, 256);

    Task prep;
    prep.type = u"application/astra-task"_s;
    prep.version = u"1.0"_s;
    prep.id = u"ae1e6561-9e22-406c-8a5a-762f4604da00"_s;
    prep.name = u"astra.backup.prep"_s;
    prep.summary = u"Backup preparation"_s;
    prep.description = u"Task to prepare for the application backup"_s;
    prep.service = u"nautilus"_s;
    prep.parentTaskID = u"9cc8c321-6af1-406c-8158-2c6582c247f8"_s;
    prep.userID = u"abda967f-cd2c-4237-908e-99266648c553"_s;
    prep.resourceID = u"626a0978-d55f-4841-8b7c-dc0c0f592c6f"_s;
    prep.resourceURI = u"/accounts/fdaa655c-15ab-4d34-aa61-1e9098e67be0/k8s/v1/apps/7c8bef49-697e-4fb4-810c-675cef4cf6c9/appSnaps/5cb608f9-571b-492e-a520-5bfb900a9b9c"_s;
    prep.resourceCollectionURI = {
        clusterPrefix + u"f8b58091-4b9c-4c64-9b40-018dbaf7c5de/apps/f670bf11-8850-44bd-b330-815af6186a06/appSnaps/5cb608f9-571b-492e-a520-5bfb900a9b9c",
        clusterPrefix + u"923708f8-0435-45b5-8c00-fbdef3ffaf25/apps/f670bf11-8850-44bd-b330-815af6186a06/appSnaps/5cb608f9-571b-492e-a520-5bfb900a9b9c",
    };
    prep.state = TaskState::Running;
    prep.stateText = u"running"_s;
    prep.stateTransitions = transitions;
    prep.orderHint = 0;
    prep.percentDone = 20.25;
    prep.startTime = created;
    prep.metadata.creationTimestamp = created;
    prep.metadata.modificationTimestamp = created;
    prep.metadata.createdBy = u"00000000-0000-0000-0000-000000000000"_s;
    prep.rawJson = items.at(0);

    Task backup = prep;
    backup.id = u"bc1e6561-9e22-406c-8a5a-762f4604da00"_s;
    backup.name = u"astra.backup"_s;
    backup.summary = u"Backup"_s;
    backup.description = u"Task to take a Backup for an application"_s;
    backup.parentTaskID.clear();
    backup.resourceID = u"736a0978-d55f-4841-8b7c-dc0c0f592c6f"_s;
    backup.resourceURI = u"/accounts/fdaa655c-15ab-4d34-aa61-1e9098e67be0/k8s/v1/apps/7c8bef49-697e-4fb4-810c-675cef4cf6c9/appBackups/736a0978-d55f-4841-8b7c-dc0c0f592c6f"_s;
    backup.resourceCollectionURI = {
        clusterPrefix + u"f8b58091-4b9c-4c64-9b40-018dbaf7c5de/apps/f670bf11-8850-44bd-b330-815af6186a06/appBackups/736a0978-d55f-4841-8b7c-dc0c0f592c6f",
        clusterPrefix + u"923708f8-0435-45b5-8c00-fbdef3ffaf25/apps/f670bf11-8850-44bd-b330-815af6186a06/appBackups/736a0978-d55f-4841-8b7c-dc0c0f592c6f",
    };
    backup.state = TaskState::Completed;
    backup.stateText = u"completed"_s;
    backup.percentDone = 100;
    backup.endTime = utc(2020, 8, 6, 12, 26, 52, 256);
    backup.rawJson = items.at(1);

    compareTask(page.tasks.at(0), prep);
    if (QTest::currentTestFailed())
        return;
    compareTask(page.tasks.at(1), backup);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(page.tasks.at(0) == prep);
    QVERIFY(page.tasks.at(1) == backup);
    QVERIFY(page.tasks.at(0).rawJson.startsWith("{\n      \"type\""));
}

void TestTaskParser::fullItem()
{
    const Task expected = fullItemTask();
    const QByteArray body = "{\"items\": [" + expected.rawJson + "]}";
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(body, &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.warnings, QList<ParseWarning>());
    QCOMPARE(page.tasks.size(), 1);
    compareTask(page.tasks.at(0), expected);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(page.metadataJson, "{}"_ba);
}

void TestTaskParser::taskJson()
{
    const QByteArray item = R"({"id": "a-1", "name": "astra.backup", "x-vendor": {"k": [1, 2]}, "percentDone": 20.25})"_ba;
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(pageOf({item}), &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.tasks.size(), 1);
    const QJsonObject json = page.tasks.at(0).json();
    QCOMPARE(json, QJsonDocument::fromJson(item).object());
    QCOMPARE(json.value(u"x-vendor").toObject().value(u"k").toArray(), QJsonArray({1, 2}));
    QCOMPARE(json.value(u"percentDone").toDouble(), 20.25);

    // The fixture item: json() is the object as received, unknown fields and all.
    Task full = fullItemTask();
    QCOMPARE(full.json(), fullItemObject());
}

void TestTaskParser::rawJsonIsExactSlice_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expectedTasks");
    const QByteArray item = compact(fullItemObject());
    QTest::newRow("compact, no whitespace") << QByteArray("{\"items\":[" + item + "," + item + "]}") << 2;
    QTest::newRow("tabs and CRLF between items")
        << QByteArray("{\r\n\t\"items\" :\t[\r\n\t\t" + item + "\r\n\t,\t" + item + "\r\n\t]\r\n}\r\n") << 2;
    QTest::newRow("pretty printed item")
        << QByteArray("{\"metadata\": {\"count\": 1}, \"items\": [" + readFixture(u"parser/full-item.json"_s).trimmed() + "]}") << 1;
    QTest::newRow("number spellings and escapes")
        << R"({"items": [ {"id":"n-1" ,  "percentDone" : 1.0e2, "orderHint": -0.50, "name": "astra.x\u002ey", "x": "\"}]"} ]})"_ba << 1;
    QTest::newRow("UTF-8 text")
        << "{\"items\": [{\"id\": \"u-1\", \"summary\": \"Sauvegarde \xc3\xa9t\xc3\xa9 \xe2\x9c\x93\"}]}"_ba << 1;
    QTest::newRow("array items") << R"({"items": [ ["i-1", "astra.a"] , ["i-2",null]]})"_ba << 2;
}

void TestTaskParser::rawJsonIsExactSlice()
{
    QFETCH(QByteArray, body);
    QFETCH(int, expectedTasks);
    TaskListPage page;
    ParseError error;
    const TaskListParser parser({u"id"_s, u"name"_s});
    QVERIFY2(parser.parse(body, &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.tasks.size(), expectedTasks);
    const QList<QByteArray> slices = arrayElementSlices(body, body.indexOf('[', body.indexOf("\"items\"")));
    QCOMPARE(slices.size(), expectedTasks);
    for (int i = 0; i < expectedTasks; ++i)
        QCOMPARE(page.tasks.at(i).rawJson, slices.at(i));
}

void TestTaskParser::threadsReadAsOneThreadDoes()
{
    // 10,000 items over several rounds of chunks, with a problem every few items: the tasks, their
    // digests and the warnings come in the same order whatever the number of threads.
    QList<QByteArray> items;
    for (int i = 0; i < 10000; ++i) {
        const QByteArray id = QByteArray::number(i);
        switch (i % 7) {
        case 3: items.append("42"); break;                                        // not an object
        case 5: items.append(R"({"id":")" + id + R"(","percentDone":"x"})"); break;  // a wrong type
        default:
            items.append(R"({"id":")" + id + R"(","state":"running","resourceURI":"/a/)" + id
                         + R"(","resourceCollectionURI":["/a","\/b"]})");
        }
    }
    const QByteArray body = pageOf(items);
    TaskListPage one;
    ParseError error;
    QVERIFY(TaskListParser().parse(body, &one, &error));
    QVERIFY(one.tasks.size() > 8000);
    for (const int threads : {2, 3}) {
        TaskListParser parser;
        parser.setThreads(threads);
        TaskListPage many;
        QVERIFY(parser.parse(body, &many, &error));
        QCOMPARE(many.tasks, one.tasks);
        QCOMPARE(many.digests, one.digests);
        QCOMPARE(many.warnings, one.warnings);
        // Streamed, the sink sees the same tasks in the same order.
        QStringList ids;
        QVERIFY(parser.parse(body, &many, &error, [&ids](Task &&task) { ids.append(task.id); }));
        QCOMPARE(ids.size(), one.tasks.size());
        QCOMPARE(ids.last(), one.tasks.last().id);
        QCOMPARE(many.warnings, one.warnings);
    }
    // A malformed item late in the list fails the same way, at the same byte.
    items[9001] = R"({"id":"bad","state":tru})";
    const QByteArray broken = pageOf(items);
    ParseError expected;
    QVERIFY(!TaskListParser().parse(broken, &one, &expected));
    TaskListParser parser;
    parser.setThreads(2);
    TaskListPage many;
    QVERIFY(!parser.parse(broken, &many, &error));
    QCOMPARE(error.toString(), expected.toString());
    QVERIFY(many.tasks.isEmpty());
    // A bare bad value later in the list (found while the list is walked, before the items are
    // read) does not hide the earlier item's error.
    items[9500] = "tru";
    items[2000] = R"({"id":"early","percentDone":1e})";
    const QByteArray twice = pageOf(items);
    QVERIFY(!TaskListParser().parse(twice, &one, &expected));
    QVERIFY(!parser.parse(twice, &many, &error));
    QCOMPARE(error.toString(), expected.toString());
}

void TestTaskParser::urisAreViewsOfTheTaskBytes()
{
    // Without escapes a URI is its own bytes in rawJson: the task holds no second copy. With one,
    // the list holds the decoded text of its own, in order with the views.
    const QByteArray item = R"({"id": "u-1", "resourceURI": "/accounts/a/apps/b", "resourceCollectionURI": ["/accounts/a", "\/escaped", "/accounts/a/apps"]})"_ba;
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(pageOf({item}), &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.tasks.size(), 1);
    const Task &t = page.tasks.at(0);
    const char *begin = t.rawJson.constData(), *end = begin + t.rawJson.size();
    QCOMPARE(t.resourceURI.toString(), u"/accounts/a/apps/b"_s);
    QVERIFY(t.resourceURI.utf8().data() >= begin && t.resourceURI.utf8().data() < end);
    QCOMPARE(t.resourceCollectionURI, QStringList({u"/accounts/a"_s, u"/escaped"_s, u"/accounts/a/apps"_s}));
    QVERIFY(t.resourceCollectionURI.utf8(0).data() < begin || t.resourceCollectionURI.utf8(0).data() >= end);

    const QByteArray plain = R"({"id": "u-2", "resourceCollectionURI": ["/a", "/b"]})"_ba;
    QVERIFY2(TaskListParser().parse(pageOf({plain}), &page, &error), qPrintable(error.toString()));
    const Task &p = page.tasks.at(0);
    for (qsizetype i = 0; i < 2; ++i) {
        const char *at = p.resourceCollectionURI.utf8(i).data();
        QVERIFY(at >= p.rawJson.constData() && at < p.rawJson.constData() + p.rawJson.size());
    }
    // A copy of the task shares the bytes and compares equal; one built in code compares by text.
    Task copy = p;
    QCOMPARE(copy, p);
    copy.resourceCollectionURI = {u"/a"_s, u"/b"_s};
    QCOMPARE(copy.resourceCollectionURI, p.resourceCollectionURI);
    copy.resourceCollectionURI = {u"/a"_s, u"/c"_s};
    QVERIFY(!(copy.resourceCollectionURI == p.resourceCollectionURI));

    // Compared as QString::compare() would: UTF-16 code units, also past the ASCII range (U+FFFD
    // sorts after a surrogate pair in UTF-16, before it by code point).
    const QStringList texts{u"/a"_s, u"/a/b"_s, u"/A"_s, QString(), u"/\u00e9"_s, u"/\ufffd"_s,
                            u"/"_s + QString::fromUtf8("\xf0\x9f\x98\x80"), u"/a\u00e9"_s, u"/a\u00ea"_s};
    for (const QString &x : texts) {
        for (const QString &y : texts) {
            const int expected = x.compare(y);
            const int actual = Utf8Text::compare(Utf8Text(x), Utf8Text(y));
            QVERIFY2((actual < 0) == (expected < 0) && (actual > 0) == (expected > 0), qPrintable(x + u" ? " + y));
        }
    }
}

void TestTaskParser::stringsAndNumbers()
{
    const QByteArray item = R"({"id": "s-1", "name": "a\"b\\c\/d\u00e9\ud83d\ude00\n", "percentDone": 1.0e2, "orderHint": 12345678901234567890, "resourceCollectionURI": ["\u002fx", ""]})"_ba;
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(pageOf({item}), &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.tasks.size(), 1);
    const Task &t = page.tasks.at(0);
    QCOMPARE(t.name, QString(u"a\"b\\c/d\u00e9"_s + QString::fromUtf8("\xf0\x9f\x98\x80") + u"\n"_s));
    QVERIFY(t.percentDone.has_value());
    QCOMPARE(*t.percentDone, 100.0);
    QVERIFY(t.orderHint.has_value()); // a valid JSON number beyond 64 bits is still a number
    QCOMPARE(*t.orderHint, 12345678901234567890.0);
    QCOMPARE(t.resourceCollectionURI, QStringList({u"/x"_s, QString()}));
    QCOMPARE(t.rawJson, item);
    for (const ParseWarning &w : page.warnings)
        QVERIFY2(w.field != u"name" && w.field != u"percentDone" && w.field != u"orderHint", qPrintable(w.toString()));
}

void TestTaskParser::metadata_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("metadataJson");
    QTest::addColumn<std::optional<QString>>("continueToken");
    QTest::addColumn<std::optional<qint64>>("count");

    const std::optional<QString> noToken;
    const std::optional<qint64> noCount;
    QTest::newRow("absent") << R"({"items": []})"_ba << "{}"_ba << noToken << noCount;
    QTest::newRow("empty") << R"({"items": [], "metadata": {}})"_ba << "{}"_ba << noToken << noCount;
    QTest::newRow("continue and count, odd spacing")
        << R"({"items": [], "metadata": { "continue" : "eyJjb2xsZWN0aW9uSW5kZXgiOjZ9" ,"count":6 }})"_ba
        << R"({ "continue" : "eyJjb2xsZWN0aW9uSW5kZXgiOjZ9" ,"count":6 })"_ba
        << std::optional<QString>(u"eyJjb2xsZWN0aW9uSW5kZXgiOjZ9"_s) << std::optional<qint64>(6);
    QTest::newRow("token with + / = and an escaped slash")
        << R"({"items": [], "metadata": {"continue": "ab\/c+d=="}})"_ba << R"({"continue": "ab\/c+d=="})"_ba
        << std::optional<QString>(u"ab/c+d=="_s) << noCount;
    QTest::newRow("count only, zero") << R"({"metadata": {"count": 0}, "items": []})"_ba << R"({"count": 0})"_ba
                                      << noToken << std::optional<qint64>(0);
    QTest::newRow("large count") << R"({"items": [], "metadata": {"count": 123456789012}})"_ba
                                 << R"({"count": 123456789012})"_ba << noToken << std::optional<qint64>(123456789012);
    QTest::newRow("reference list metadata, no continue")
        << R"({"type": "application/astra-tasks", "version": "1.1", "items": [], "metadata": {"labels": [], "createdBy": "8f84cf09-8036-51e4-b579-bd30cb07b269"}})"_ba
        << R"({"labels": [], "createdBy": "8f84cf09-8036-51e4-b579-bd30cb07b269"})"_ba << noToken << noCount;
}

void TestTaskParser::metadata()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, metadataJson);
    QFETCH(std::optional<QString>, continueToken);
    QFETCH(std::optional<qint64>, count);
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(body, &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.tasks.size(), 0);
    QCOMPARE(page.warnings.size(), 0);
    QCOMPARE(page.metadataJson, metadataJson);
    QCOMPARE(page.continueToken.has_value(), continueToken.has_value());
    if (continueToken)
        QCOMPARE(*page.continueToken, *continueToken);
    QCOMPARE(page.count.has_value(), count.has_value());
    if (count)
        QCOMPARE(*page.count, *count);
}

void TestTaskParser::notAListResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("array") << "[]"_ba;
    QTest::newRow("array of tasks") << R"([{"id": "a"}])"_ba;
    QTest::newRow("string") << R"("items")"_ba;
    QTest::newRow("number") << "42"_ba;
    QTest::newRow("null") << "null"_ba;
    QTest::newRow("empty object") << "{}"_ba;
    QTest::newRow("items is an object") << R"({"items": {"id": "a"}})"_ba;
    QTest::newRow("items is null") << R"({"items": null})"_ba;
    QTest::newRow("items is a string") << R"({"items": "[]"})"_ba;
    QTest::newRow("metadata only") << R"({"metadata": {"continue": "x"}})"_ba;
    // Found by the fuzzer: a second "items" after a good one (tasks of the first were kept).
    QTest::newRow("items twice, then not an array") << R"({"items": [{"id": "a", "name": "x"}], "items": -0})"_ba;
    QTest::newRow("items twice") << R"({"items": [{"id": "a"}], "items": [{"id": "b"}]})"_ba;
    QTest::newRow("problem+json") << R"({"type": "https://astra.netapp.io/problems/3", "title": "Missing bearer token", "detail": "The request is missing the required bearer token.", "status": "401"})"_ba;
}

void TestTaskParser::notAListResponse()
{
    QFETCH(QByteArray, body);
    TaskListPage page;
    ParseError error;
    QVERIFY(!TaskListParser().parse(body, &page, &error));
    QVERIFY(!error.message.isEmpty());
    QVERIFY(error.offset >= -1 && error.offset <= body.size());
    QVERIFY(page.tasks.isEmpty()); // nothing half-read is kept
}

void TestTaskParser::malformedJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("where"); // byte offset where the text stops being JSON

    const QByteArray good = compact(fullItemObject());
    const QByteArray head = "{\"items\": [" + good + ", ";
    const QByteArray tail = ", " + good + "], \"metadata\": {}}";
    const auto row = [&](const char *tag, const QByteArray &broken, qsizetype brokenAt) {
        QTest::newRow(tag) << QByteArray(head + broken + tail) << qint64(head.size() + brokenAt);
    };
    QTest::newRow("empty body") << QByteArray() << qint64(0);
    QTest::newRow("whitespace only") << "  \n "_ba << qint64(4);
    QTest::newRow("HTML error page") << "<html><body>502 Bad Gateway</body></html>"_ba << qint64(0);
    QTest::newRow("truncated after a comma") << QByteArray(head) << qint64(head.size());
    QTest::newRow("truncated inside a string") << QByteArray(head + "{\"id\": \"abc") << qint64(head.size() + 11);
    QTest::newRow("trailing garbage") << QByteArray("{\"items\": [" + good + "]} trailing") << qint64(good.size() + 14);
    QTest::newRow("trailing NUL") << QByteArray("{\"items\": [" + good + "]}" + QByteArray(1, '\0')) << qint64(good.size() + 13);
    row("missing value", R"({"id": "b", "name": })"_ba, 20);
    row("missing comma", R"({"id": "b" "name": "x"})"_ba, 11);
    row("double comma", R"({"id": "b",, "name": "x"})"_ba, 11);
    row("trailing comma in object", R"({"id": "b", })"_ba, 12);
    row("bad escape", R"({"id": "b\q"})"_ba, 9);
    row("short unicode escape", R"({"id": "b\u00"})"_ba, 9);
    const QByteArray longText(300, 'x');
    row("bad escape 300 bytes into an item", "{\"id\": \"b\", \"description\": \"" + longText + "\\q\"}", 27 + 300);
    row("control character 300 bytes into an item", "{\"id\": \"b\", \"description\": \"" + longText + "\x02\"}", 27 + 300);
    row("bare word", R"({"id": "b", "x": tru})"_ba, 17);
    row("leading zero", R"({"id": "b", "x": 01})"_ba, 17);
    row("single quotes", R"({'id': 'b'})"_ba, 1);
    row("unescaped control character", "{\"id\": \"b\x01\"}"_ba, 9);
    row("closing bracket mismatch", R"({"id": "b"])"_ba, 10);
    // Invalid UTF-8 before the break: the offset counts the bytes as received, not as repaired to
    // U+FFFD (3 bytes each), and stays inside the body (found by tests/fuzz, fuzz_tasklist).
    row("bare word after invalid UTF-8", "{\"id\": \"b" + QByteArray(20, '\xff') + "\", \"x\": tru}", 9 + 20 + 8);
    // Values that a tolerant path skips over must still be valid JSON.
    row("bad atom in an array item (no include order)", R"(["b", tru])"_ba, 6);
    row("leading zero in an array item (no include order)", R"(["b", 01])"_ba, 6);
    const QByteArray badDetails = R"({"id": "b", "stateDetails": [{"type": "t", "title": "x", "detail": "d", "additionalDetails": {"k": "\q"}}]})"_ba;
    row("bad escape in additionalDetails", badDetails, badDetails.indexOf('\\'));
    const QByteArray badMetadata = R"({"items": [], "metadata": {"continue": "\q"}})"_ba;
    QTest::newRow("bad escape in list metadata") << badMetadata << qint64(badMetadata.indexOf('\\'));
}

void TestTaskParser::malformedJson()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, where);
    TaskListPage page;
    ParseError error;
    QVERIFY(!TaskListParser().parse(body, &page, &error));
    QVERIFY(!error.message.isEmpty());
    QVERIFY2(error.offset >= 0 && error.offset <= body.size(), qPrintable(QString::number(error.offset)));
    // "Near": within a few tokens of where the text broke, not the start of the body.
    QVERIFY2(qAbs(error.offset - where) <= 16,
             qPrintable(u"offset %1, broke at %2 (body %3 bytes)"_s.arg(error.offset).arg(where).arg(body.size())));
}

// Invalid UTF-8 is repaired, not fatal: the bytes become U+FFFD, the page says so once, and
// every task is still there (a hostile list must not hide the good tasks around one bad byte).
void TestTaskParser::invalidUtf8IsRepairedWithAWarning()
{
    const QByteArray body = "{\"items\":[{\"id\":\"a\",\"name\":\"astra.backup\"},"
                            "{\"id\":\"b\xff\xfe\",\"name\":\"x\xc3\"}]}";
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(body, &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.tasks.size(), 2);
    QCOMPARE(page.tasks[0].id, u"a"_s);
    QCOMPARE(page.tasks[1].id, u"b\uFFFD\uFFFD"_s);
    QVERIFY(page.tasks[1].name.contains(QChar(0xFFFD)));
    // What an export writes is valid UTF-8 JSON again.
    QVERIFY(QJsonDocument::fromJson(page.tasks[1].rawJson).isObject());
    const auto utf8Warnings = std::count_if(page.warnings.cbegin(), page.warnings.cend(), [](const ParseWarning &w) {
        return w.itemIndex == -1 && w.message.contains(u"UTF-8"_s);
    });
    QCOMPARE(utf8Warnings, 1);
}

void TestTaskParser::truncatedBodies()
{
    const QByteArray full = readFixture(u"example-response.json"_s).trimmed();
    const TaskListParser parser;
    for (qsizetype n = 0; n < full.size(); ++n) {
        const QByteArray body = full.left(n);
        TaskListPage page;
        ParseError error;
        QVERIFY2(!parser.parse(body, &page, &error), qPrintable(u"accepted the first %1 bytes"_s.arg(n)));
        QVERIFY2(!error.message.isEmpty(), qPrintable(u"no message for %1 bytes"_s.arg(n)));
        QVERIFY2(error.offset >= 0 && error.offset <= n,
                 qPrintable(u"offset %1 for a body of %2 bytes"_s.arg(error.offset).arg(n)));
    }
}

// Every single-byte corruption of the reference example: no crash, and the parser agrees with
// QJsonDocument on what is JSON and what is a list; when it accepts, nothing is dropped silently.
// (QJsonDocument accepts unknown escapes such as "\\y"; those bodies count as malformed here.)
void TestTaskParser::mutatedBodies()
{
    const QByteArray original = readFixture(u"example-response.json"_s).trimmed();
    const TaskListParser parser;
    const QByteArray replacements = "\"{}[],:0x\\-";
    int accepted = 0;
    QStringList failures;
    for (qsizetype pos = 0; pos < original.size(); ++pos) {
        for (char c : replacements) {
            if (original.at(pos) == c)
                continue;
            QByteArray body = original;
            body[pos] = c;
            const QString what = u"byte %1 ('%2') replaced by '%3'"_s.arg(pos).arg(QLatin1Char(original.at(pos))).arg(QLatin1Char(c));

            QJsonParseError jsonError;
            const QJsonDocument doc = QJsonDocument::fromJson(body, &jsonError);
            const bool badEscape = c == '\\' && pos + 1 < body.size() && !QByteArrayView("\"\\/bfnrtu").contains(body.at(pos + 1));
            const bool isJson = jsonError.error == QJsonParseError::NoError && !badEscape;
            const QJsonValue items = doc.object().value(u"items");
            const QJsonValue meta = doc.object().value(u"metadata");
            const bool isList = isJson && doc.isObject() && items.isArray() && (meta.isUndefined() || meta.isObject());

            TaskListPage page;
            ParseError error;
            const bool ok = parser.parse(body, &page, &error);
            if (!isJson) {
                if (ok)
                    failures.append(u"accepted malformed JSON: "_s + what);
                else if (error.offset < 0 || error.message.isEmpty())
                    failures.append(u"no offset or message: "_s + what);
                else if (qAbs(error.offset - pos) > 64 && qAbs(error.offset - jsonError.offset) > 64)
                    failures.append(u"offset %1 far from the break: "_s.arg(error.offset) + what);
            } else if (isList) {
                if (!ok) {
                    failures.append(u"refused a valid list: "_s + what + u": "_s + error.toString());
                    continue;
                }
                ++accepted;
                checkAccounting(page, items.toArray().size());
                if (QTest::currentTestFailed()) {
                    qWarning("%s", qPrintable(what));
                    return;
                }
            } else if (!doc.isObject() || !items.isArray()) {
                if (ok || error.message.isEmpty())
                    failures.append(u"accepted a body that is not a list: "_s + what);
            }
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(u"%1 failures, e.g.\n"_s.arg(failures.size()) + failures.mid(0, 12).join(u'\n')));
    QVERIFY(accepted > 1000); // the mutations did exercise the item tolerance, not only the JSON errors
}

void TestTaskParser::deepNesting()
{
    const TaskListParser parser;
    {
        // Well within any sane limit: must parse and keep the item.
        const QByteArray deep = QByteArray(400, '[') + QByteArray(400, ']');
        const QByteArray item = "{\"id\": \"deep-1\", \"x-vendor\": " + deep + "}";
        TaskListPage page;
        ParseError error;
        QVERIFY2(parser.parse(pageOf({item}), &page, &error), qPrintable(error.toString()));
        QCOMPARE(page.tasks.size(), 1);
        QCOMPARE(page.tasks.at(0).rawJson, item);
    }
    for (int depth : {5000, 200000}) {
        // Absurd nesting: refused or kept, but never a crash (stack overflow) and never silent.
        const QByteArray deep = QByteArray(depth, '[') + QByteArray(depth, ']');
        TaskListPage page;
        ParseError error;
        if (parser.parse(pageOf({"{\"id\": \"deep-2\", \"x\": " + deep + "}", deep}), &page, &error)) {
            checkAccounting(page, 2);
        } else {
            QVERIFY(!error.message.isEmpty());
            QVERIFY(error.offset >= 0);
        }
        const QByteArray unclosed(depth, '{');
        QVERIFY(!parser.parse(unclosed, &page, &error));
        QVERIFY(!error.message.isEmpty());
    }
}

// ---------------------------------------------------------------------------------------------
// Object items, one row per item placed between two valid neighbours (items 0 and 2).

void TestTaskParser::addObjectColumns()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<bool>("skipped");
    QTest::addColumn<QStringList>("warningFields"); // expected fields, in any order
    QTest::addColumn<bool>("checkTask");
    QTest::addColumn<Task>("expected");
}

namespace {

// A row whose item is the full fixture item edited at `path` (removed when `value` is nullopt).
void keptRow(const char *tag, const QString &path, const std::optional<QJsonValue> &value,
             const QStringList &warningFields, const std::function<void(Task &)> &adjust)
{
    const QByteArray item = compact(edited(fullItemObject(), path, value));
    Task expected = fullItemTaskCompact();
    adjust(expected);
    expected.rawJson = item;
    QTest::newRow(tag) << item << false << warningFields << true << expected;
}

void skippedRow(const char *tag, const QByteArray &item, const QString &field)
{
    QTest::newRow(tag) << item << true << QStringList{field} << false << Task();
}

} // namespace

void TestTaskParser::checkObjectItemRow()
{
    QFETCH(QByteArray, item);
    QFETCH(bool, skipped);
    QFETCH(QStringList, warningFields);
    QFETCH(bool, checkTask);
    QFETCH(Task, expected);

    QJsonObject neighbour = fullItemObject();
    neighbour.insert(u"id"_s, u"neighbour-0"_s);
    const QByteArray before = compact(neighbour);
    neighbour.insert(u"id"_s, u"neighbour-2"_s);
    const QByteArray after = compact(neighbour);

    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(pageOf({before, item, after}), &page, &error), qPrintable(error.toString()));
    checkAccounting(page, 3);
    if (QTest::currentTestFailed())
        return;

    QStringList actualFields;
    for (const ParseWarning &w : page.warnings) {
        actualFields.append(w.field);
        QCOMPARE(w.itemIndex, 1);
        QCOMPARE(w.skipped, skipped);
        QVERIFY(!w.message.isEmpty());
        QCOMPARE(w.taskId, skipped ? QString() : QJsonDocument::fromJson(item).object().value(u"id").toString());
        const QString line = w.toString();
        QVERIFY2(!line.contains(u'\n'), qPrintable(line));
        QVERIFY2(line.contains(w.message) && line.contains(w.field) && line.contains(w.taskId), qPrintable(line));
    }
    std::sort(actualFields.begin(), actualFields.end());
    std::sort(warningFields.begin(), warningFields.end());
    QCOMPARE(actualFields, warningFields);

    QCOMPARE(page.tasks.size(), skipped ? 2 : 3);
    QCOMPARE(page.tasks.first().id, u"neighbour-0"_s);
    QCOMPARE(page.tasks.last().id, u"neighbour-2"_s);
    QCOMPARE(page.tasks.first().rawJson, before);
    QCOMPARE(page.tasks.last().rawJson, after);
    if (!skipped) {
        QCOMPARE(page.tasks.at(1).rawJson, item);
        if (checkTask)
            compareTask(page.tasks.at(1), expected);
    }
}

void TestTaskParser::validItems_data()
{
    addObjectColumns();
    const auto none = [](Task &) {};
    keptRow("full item", u"id"_s, QJsonValue(u"9cc8c321-6af1-406c-8158-2c6582c247f8"_s), {}, none);

    QJsonObject minimal = fullItemObject();
    for (const QString &f : optionalFields)
        minimal.remove(f);
    minimal = edited(minimal, u"metadata.modifiedBy"_s, std::nullopt);
    minimal = edited(minimal, u"stateDetails[0].additionalDetails"_s, std::nullopt);
    Task minimalTask = fullItemTaskCompact();
    for (const QString &f : optionalFields)
        clearField(minimalTask, f);
    minimalTask.metadata.modifiedBy.clear();
    minimalTask.stateDetails[0].additionalDetails.clear();
    minimalTask.rawJson = compact(minimal);
    QTest::newRow("required fields only") << compact(minimal) << false << QStringList() << true << minimalTask;

    QJsonObject extra = fullItemObject();
    extra.insert(u"x-unknown"_s, QJsonObject{{u"a"_s, QJsonArray{1, u"b"_s, QJsonValue()}}});
    extra.insert(u"zzz"_s, QJsonValue());
    extra = edited(extra, u"metadata.x-extra"_s, QJsonValue(1));
    extra = edited(extra, u"stateDetails[1].x-extra"_s, QJsonValue(true));
    extra = edited(extra, u"metadata.labels[0].x-extra"_s, QJsonValue(u"v"_s));
    extra = edited(extra, u"stateTransitions[0].x-extra"_s, QJsonValue(2));
    Task extraTask = fullItemTaskCompact();
    extraTask.rawJson = compact(extra);
    QTest::newRow("unknown fields everywhere") << compact(extra) << false << QStringList() << true << extraTask;

    keptRow("percentDone 0", u"percentDone"_s, QJsonValue(0), {}, [](Task &t) { t.percentDone = 0; });
    keptRow("percentDone 100", u"percentDone"_s, QJsonValue(100), {}, [](Task &t) { t.percentDone = 100; });
    keptRow("negative orderHint", u"orderHint"_s, QJsonValue(-3), {}, [](Task &t) { t.orderHint = -3; });
    keptRow("empty stateDetails", u"stateDetails"_s, QJsonValue(QJsonArray()), {}, [](Task &t) { t.stateDetails.clear(); });
    keptRow("empty labels", u"metadata.labels"_s, QJsonValue(QJsonArray()), {}, [](Task &t) { t.metadata.labels.clear(); });
    keptRow("additionalDetails array", u"stateDetails[1].additionalDetails"_s, QJsonValue(QJsonArray{1, 2}), {},
            [](Task &t) { t.stateDetails[1].additionalDetails = "[1,2]"_ba; });
    const QList<std::pair<const char *, TaskState>> states = {
        {"notStarted", TaskState::NotStarted}, {"running", TaskState::Running}, {"completed", TaskState::Completed},
        {"pausing", TaskState::Pausing}, {"paused", TaskState::Paused}, {"cancelling", TaskState::Cancelling},
        {"cancelled", TaskState::Cancelled}, {"failed", TaskState::Failed},
    };
    for (const auto &[name, state] : states) {
        const QString text = QString::fromLatin1(name);
        keptRow(name, u"state"_s, QJsonValue(text), {}, [text, s = state](Task &t) {
            t.state = s;
            t.stateText = text;
        });
    }
    keptRow("startTime with 9 fraction digits", u"startTime"_s, QJsonValue(u"2023-03-01T10:00:00.987654321Z"_s), {},
            [](Task &t) { t.startTime = utc(2023, 3, 1, 10, 0, 0, 987); });
}

void TestTaskParser::validItems()
{
    checkObjectItemRow();
}

void TestTaskParser::skippedItems_data()
{
    addObjectColumns();
    skippedRow("number", "42"_ba, QString());
    skippedRow("string", R"("9cc8c321-6af1-406c-8158-2c6582c247f8")"_ba, QString());
    skippedRow("null", "null"_ba, QString());
    skippedRow("true", "true"_ba, QString());
    skippedRow("false", "false"_ba, QString());
    skippedRow("array without include order", R"(["9cc8c321-6af1-406c-8158-2c6582c247f8", "astra.backup"])"_ba, QString());
    skippedRow("empty object", "{}"_ba, u"id"_s);
    const auto idRow = [](const char *tag, const std::optional<QJsonValue> &id) {
        skippedRow(tag, compact(edited(fullItemObject(), u"id"_s, id)), u"id"_s);
    };
    idRow("id missing", std::nullopt);
    idRow("id empty", QJsonValue(QString()));
    idRow("id number", QJsonValue(5));
    idRow("id null", QJsonValue());
    idRow("id array", QJsonValue(QJsonArray{u"a"_s}));
    idRow("id object", QJsonValue(QJsonObject{{u"id"_s, u"a"_s}}));
    idRow("id true", QJsonValue(true));
}

void TestTaskParser::skippedItems()
{
    checkObjectItemRow();
}

void TestTaskParser::missingRequiredField_data()
{
    addObjectColumns();
    for (const QString &field : requiredFields) {
        const QByteArray tag = field.toUtf8();
        keptRow(tag.constData(), field, std::nullopt, {field}, [field](Task &t) { clearField(t, field); });
    }
}

void TestTaskParser::missingRequiredField()
{
    checkObjectItemRow();
}

void TestTaskParser::wrongTypes_data()
{
    addObjectColumns();
    const auto row = [](const char *tag, const QString &field, const QJsonValue &value) {
        keptRow(tag, field, value, {field}, [field](Task &t) { clearField(t, field); });
    };
    row("type true", u"type"_s, QJsonValue(true));
    row("version number", u"version"_s, QJsonValue(1.1));
    row("name number", u"name"_s, QJsonValue(5));
    row("summary null", u"summary"_s, QJsonValue());
    row("description array", u"description"_s, QJsonValue(QJsonArray{u"x"_s}));
    row("resourceID object", u"resourceID"_s, QJsonValue(QJsonObject()));
    row("resourceURI false", u"resourceURI"_s, QJsonValue(false));
    row("resourceCollectionURI string", u"resourceCollectionURI"_s, QJsonValue(u"x"_s));
    row("state number", u"state"_s, QJsonValue(5));
    row("stateTransitions string", u"stateTransitions"_s, QJsonValue(u"x"_s));
    row("stateTransitions object", u"stateTransitions"_s, QJsonValue(QJsonObject()));
    row("stateDetails object", u"stateDetails"_s, QJsonValue(QJsonObject()));
    row("metadata number", u"metadata"_s, QJsonValue(5));
    row("metadata array", u"metadata"_s, QJsonValue(QJsonArray()));
    row("service number", u"service"_s, QJsonValue(5));
    row("parentTaskID number", u"parentTaskID"_s, QJsonValue(5));
    row("userID array", u"userID"_s, QJsonValue(QJsonArray()));
    row("orderHint word", u"orderHint"_s, QJsonValue(u"first"_s));
    row("orderHint true", u"orderHint"_s, QJsonValue(true));
    row("percentDone word", u"percentDone"_s, QJsonValue(u"abc"_s));
    row("percentDone object", u"percentDone"_s, QJsonValue(QJsonObject()));
    row("startTime number", u"startTime"_s, QJsonValue(1596716692));
    row("startTime word", u"startTime"_s, QJsonValue(u"yesterday"_s));
    row("startTime month 13", u"startTime"_s, QJsonValue(u"2020-13-45T00:00:00Z"_s));
    row("endTime word", u"endTime"_s, QJsonValue(u"yesterday"_s));
    row("cancelTime empty", u"cancelTime"_s, QJsonValue(QString()));
}

void TestTaskParser::wrongTypes()
{
    checkObjectItemRow();
}

void TestTaskParser::valuesKeptWithWarning_data()
{
    addObjectColumns();
    const QStringList pd = {u"percentDone"_s};
    keptRow("percentDone \"50\"", u"percentDone"_s, QJsonValue(u"50"_s), pd, [](Task &t) { t.percentDone = 50; });
    keptRow("percentDone \"12.5\"", u"percentDone"_s, QJsonValue(u"12.5"_s), pd, [](Task &t) { t.percentDone = 12.5; });
    keptRow("orderHint \"2\"", u"orderHint"_s, QJsonValue(u"2"_s), {u"orderHint"_s}, [](Task &t) { t.orderHint = 2; });
    keptRow("percentDone 150", u"percentDone"_s, QJsonValue(150), pd, [](Task &t) { t.percentDone = 150; });
    keptRow("percentDone -1", u"percentDone"_s, QJsonValue(-1), pd, [](Task &t) { t.percentDone = -1; });
    keptRow("percentDone 100.5", u"percentDone"_s, QJsonValue(100.5), pd, [](Task &t) { t.percentDone = 100.5; });
    // Two problems, two warnings: a string, and out of range.
    keptRow("percentDone \"150\"", u"percentDone"_s, QJsonValue(u"150"_s), pd + pd, [](Task &t) { t.percentDone = 150; });
    const auto stateRow = [](const char *tag, const QString &text) {
        keptRow(tag, u"state"_s, QJsonValue(text), {u"state"_s}, [text](Task &t) {
            t.state = TaskState::Unknown;
            t.stateText = text;
        });
    };
    stateRow("state exploded", u"exploded"_s);
    stateRow("state Running", u"Running"_s);
    stateRow("state empty", QString());
}

void TestTaskParser::valuesKeptWithWarning()
{
    checkObjectItemRow();
}

void TestTaskParser::nestedFields_data()
{
    addObjectColumns();
    const auto row = [](const char *tag, const QString &path, const std::optional<QJsonValue> &value,
                        const std::function<void(Task &)> &adjust) { keptRow(tag, path, value, {path}, adjust); };
    row("stateDetails[0].title number", u"stateDetails[0].title"_s, QJsonValue(5), [](Task &t) { t.stateDetails[0].title.clear(); });
    row("stateDetails[1].detail missing", u"stateDetails[1].detail"_s, std::nullopt, [](Task &t) { t.stateDetails[1].detail.clear(); });
    row("stateDetails[0].type missing", u"stateDetails[0].type"_s, std::nullopt, [](Task &t) { t.stateDetails[0].type.clear(); });
    row("stateTransitions[0].to string", u"stateTransitions[0].to"_s, QJsonValue(u"paused"_s), [](Task &t) { t.stateTransitions[0].to.clear(); });
    row("stateTransitions[1].from missing", u"stateTransitions[1].from"_s, std::nullopt, [](Task &t) { t.stateTransitions[1].from.clear(); });
    row("stateTransitions[0].from number", u"stateTransitions[0].from"_s, QJsonValue(5), [](Task &t) { t.stateTransitions[0].from.clear(); });
    row("metadata.labels[1].value number", u"metadata.labels[1].value"_s, QJsonValue(7), [](Task &t) { t.metadata.labels[1].value.clear(); });
    row("metadata.labels[0].name missing", u"metadata.labels[0].name"_s, std::nullopt, [](Task &t) { t.metadata.labels[0].name.clear(); });
    row("metadata.labels string", u"metadata.labels"_s, QJsonValue(u"app=wordpress"_s), [](Task &t) { t.metadata.labels.clear(); });
    row("metadata.labels missing", u"metadata.labels"_s, std::nullopt, [](Task &t) { t.metadata.labels.clear(); });
    row("metadata.creationTimestamp word", u"metadata.creationTimestamp"_s, QJsonValue(u"yesterday"_s), [](Task &t) { t.metadata.creationTimestamp = {}; });
    row("metadata.creationTimestamp missing", u"metadata.creationTimestamp"_s, std::nullopt, [](Task &t) { t.metadata.creationTimestamp = {}; });
    row("metadata.modificationTimestamp number", u"metadata.modificationTimestamp"_s, QJsonValue(5), [](Task &t) { t.metadata.modificationTimestamp = {}; });
    row("metadata.createdBy missing", u"metadata.createdBy"_s, std::nullopt, [](Task &t) { t.metadata.createdBy.clear(); });
    row("metadata.modifiedBy number", u"metadata.modifiedBy"_s, QJsonValue(5), [](Task &t) { t.metadata.modifiedBy.clear(); });
}

void TestTaskParser::nestedFields()
{
    checkObjectItemRow();
}

// Problems inside array elements: the warning names the element; what is kept of the list is not checked.
void TestTaskParser::nestedElements_data()
{
    addObjectColumns();
    const auto row = [](const char *tag, const QString &path, const QJsonValue &value, const QString &field) {
        const QByteArray item = compact(edited(fullItemObject(), path, value));
        QTest::newRow(tag) << item << false << QStringList{field} << false << Task();
    };
    row("resourceCollectionURI[1] number", u"resourceCollectionURI[1]"_s, QJsonValue(5), u"resourceCollectionURI[1]"_s);
    row("stateDetails[0] number", u"stateDetails[0]"_s, QJsonValue(5), u"stateDetails[0]"_s);
    row("stateTransitions[1] string", u"stateTransitions[1]"_s, QJsonValue(u"paused"_s), u"stateTransitions[1]"_s);
    row("stateTransitions[0].to[1] number", u"stateTransitions[0].to[1]"_s, QJsonValue(5), u"stateTransitions[0].to[1]"_s);
    row("metadata.labels[0] null", u"metadata.labels[0]"_s, QJsonValue(), u"metadata.labels[0]"_s);
}

void TestTaskParser::nestedElements()
{
    checkObjectItemRow();
}

void TestTaskParser::onlyIdPresent()
{
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(pageOf({R"({"id": "only-id"})"_ba}), &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.tasks.size(), 1);
    QCOMPARE(page.tasks.at(0).id, u"only-id"_s);
    QCOMPARE(page.tasks.at(0).state, TaskState::Unknown);
    QStringList fields;
    for (const ParseWarning &w : page.warnings) {
        QVERIFY(!w.skipped);
        QCOMPARE(w.taskId, u"only-id"_s);
        QCOMPARE(w.itemIndex, 0);
        fields.append(w.field);
    }
    std::sort(fields.begin(), fields.end());
    QStringList expected = requiredFields;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(fields, expected);
}

void TestTaskParser::mixedPage()
{
    const QByteArray body = readFixture(u"parser/mixed-items.json"_s);
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(body, &page, &error), qPrintable(error.toString()));
    checkAccounting(page, 14);
    if (QTest::currentTestFailed())
        return;

    QStringList ids;
    for (const Task &t : page.tasks)
        ids.append(t.id);
    QCOMPARE(ids, QStringList({u"t-0"_s, u"dup"_s, u"dup"_s, u"t-11"_s, u"t-12"_s, u"t-13"_s}));
    QCOMPARE(page.tasks.at(1).name, u"astra.first"_s);  // duplicates kept, in order
    QCOMPARE(page.tasks.at(2).name, u"astra.second"_s);
    QVERIFY(page.digests.at(1) != page.digests.at(2)); // the same id, other bytes

    QList<qsizetype> skippedIndexes;
    for (const ParseWarning &w : page.warnings) {
        if (w.skipped)
            skippedIndexes.append(w.itemIndex);
    }
    std::sort(skippedIndexes.begin(), skippedIndexes.end());
    QCOMPARE(skippedIndexes, QList<qsizetype>({1, 2, 3, 4, 5, 6, 7, 8}));

    QStringList t12Fields;
    for (const ParseWarning &w : page.warnings) {
        if (w.itemIndex == 12)
            t12Fields.append(w.field);
    }
    std::sort(t12Fields.begin(), t12Fields.end());
    QCOMPARE(t12Fields, QStringList({u"percentDone"_s, u"startTime"_s, u"state"_s}));
    const Task &t12 = page.tasks.at(4);
    QCOMPARE(t12.state, TaskState::Unknown);
    QCOMPARE(t12.stateText, u"exploded"_s);
    QVERIFY(!t12.percentDone);
    QVERIFY(!t12.startTime.isValid());
    QVERIFY(page.tasks.at(5).rawJson.contains("\"x-vendor\": [[[[[[{\"deep\": [1, [2, [3]]]}]]]]]]"));

    // A warning that is not "skipped" says the item was kept: it must name a task that is there.
    for (const ParseWarning &w : page.warnings) {
        if (w.skipped)
            continue;
        QVERIFY2(w.itemIndex == 11 || w.itemIndex == 12 || w.itemIndex == 13, qPrintable(w.toString()));
        QCOMPARE(w.taskId, u"t-%1"_s.arg(w.itemIndex));
    }
}

// The page is an output: parsing into a used page replaces its content.
void TestTaskParser::pageIsReset()
{
    const TaskListParser parser;
    TaskListPage page;
    ParseError error;
    QVERIFY(parser.parse(pageOf({R"({"id": "first"})"_ba, "42"_ba}), &page, &error));
    QVERIFY(parser.parse(R"({"items": [{"id": "second"}], "metadata": {"continue": "t"}})"_ba, &page, &error));
    QCOMPARE(page.tasks.size(), 1);
    QCOMPARE(page.tasks.at(0).id, u"second"_s);
    checkAccounting(page, 1);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(page.continueToken.has_value());
    QVERIFY(parser.parse(R"({"items": []})"_ba, &page, &error));
    QVERIFY(page.tasks.isEmpty());
    QVERIFY(page.digests.isEmpty());
    QVERIFY(page.warnings.isEmpty());
    QVERIFY(!page.continueToken.has_value());
    QCOMPARE(page.metadataJson, "{}"_ba);
}

// ---------------------------------------------------------------------------------------------
// Array items (`include`)

void TestTaskParser::arrayItems_data()
{
    QTest::addColumn<QStringList>("includeOrder");
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<bool>("kept");
    QTest::addColumn<QStringList>("warningFields"); // for kept items; null = don't check the field names
    QTest::addColumn<int>("warningCount");
    QTest::addColumn<Task>("expected");

    const QStringList order = {u"id"_s, u"name"_s, u"state"_s, u"percentDone"_s};
    Task t;
    t.id = u"a-1"_s;
    t.name = u"astra.backup"_s;
    t.state = TaskState::Running;
    t.stateText = u"running"_s;
    t.percentDone = 50;
    QTest::newRow("id,name,state,percentDone") << order << R"(["a-1", "astra.backup", "running", 50])"_ba << true << QStringList() << 0 << t;

    Task nulls;
    nulls.id = u"a-1"_s;
    QTest::newRow("nulls are absent fields") << order << R"(["a-1", null, null, null])"_ba << true << QStringList() << 0 << nulls;

    Task byName;
    byName.id = u"a-1"_s;
    byName.name = u"astra.backup"_s;
    QTest::newRow("id not first") << QStringList{u"name"_s, u"id"_s} << R"(["astra.backup", "a-1"])"_ba << true << QStringList() << 0 << byName;

    QTest::newRow("too long: extra values ignored") << order << R"(["a-1", "astra.backup", "running", 50, "extra", {}])"_ba
                                                    << true << QStringList() << 1 << t;
    Task shortTask = byName;
    QTest::newRow("too short: missing values absent") << order << R"(["a-1", "astra.backup"])"_ba << true << QStringList() << 1 << shortTask;

    QTest::newRow("id null") << order << R"([null, "astra.backup", "running", 50])"_ba << false << QStringList() << 1 << Task();
    QTest::newRow("id number") << order << R"([7, "astra.backup", "running", 50])"_ba << false << QStringList() << 1 << Task();
    QTest::newRow("id not included") << QStringList{u"name"_s, u"state"_s} << R"(["astra.backup", "running"])"_ba << false << QStringList() << 1 << Task();
    QTest::newRow("no include order") << QStringList() << R"(["a-1", "astra.backup"])"_ba << false << QStringList() << 1 << Task();
    QTest::newRow("empty array") << order << "[]"_ba << false << QStringList() << 1 << Task();

    Task fifty;
    fifty.id = u"a-1"_s;
    fifty.percentDone = 50;
    QTest::newRow("percentDone as a string") << QStringList{u"id"_s, u"percentDone"_s} << R"(["a-1", "50"])"_ba << true
                                             << QStringList{u"percentDone"_s} << 1 << fifty;
    Task exploded;
    exploded.id = u"a-1"_s;
    exploded.stateText = u"exploded"_s;
    QTest::newRow("unknown state") << QStringList{u"id"_s, u"state"_s} << R"(["a-1", "exploded"])"_ba << true
                                   << QStringList{u"state"_s} << 1 << exploded;
    Task wrongName;
    wrongName.id = u"a-1"_s;
    QTest::newRow("name number") << QStringList{u"id"_s, u"name"_s} << R"(["a-1", 5])"_ba << true << QStringList{u"name"_s} << 1 << wrongName;

    Task nested;
    nested.id = u"a-1"_s;
    nested.startTime = utc(2020, 8, 6, 12, 24, 52, 256);
    nested.stateDetails = {{u"t"_s, u"Title"_s, u"Detail"_s, R"({"k": 1})"_ba}};
    nested.metadata.labels = {{u"app"_s, u"wordpress"_s}};
    nested.metadata.creationTimestamp = utc(2020, 8, 6, 12, 24, 52);
    nested.metadata.modificationTimestamp = utc(2020, 8, 6, 12, 24, 53);
    nested.metadata.createdBy = u"00000000-0000-0000-0000-000000000000"_s;
    nested.resourceCollectionURI = {u"/a"_s, u"/b"_s};
    QTest::newRow("nested values")
        << QStringList{u"id"_s, u"metadata"_s, u"stateDetails"_s, u"startTime"_s, u"resourceCollectionURI"_s}
        << R"(["a-1", {"labels": [{"name": "app", "value": "wordpress"}], "creationTimestamp": "2020-08-06T12:24:52Z", "modificationTimestamp": "2020-08-06T12:24:53Z", "createdBy": "00000000-0000-0000-0000-000000000000"}, [{"type": "t", "title": "Title", "detail": "Detail", "additionalDetails": {"k": 1}}], "2020-08-06T12:24:52.256624Z", ["/a", "/b"]])"_ba
        << true << QStringList() << 0 << nested;
    Task nestedBad = nested;
    nestedBad.stateDetails[0].title.clear();
    QTest::newRow("nested problem named")
        << QStringList{u"id"_s, u"metadata"_s, u"stateDetails"_s, u"startTime"_s, u"resourceCollectionURI"_s}
        << R"(["a-1", {"labels": [{"name": "app", "value": "wordpress"}], "creationTimestamp": "2020-08-06T12:24:52Z", "modificationTimestamp": "2020-08-06T12:24:53Z", "createdBy": "00000000-0000-0000-0000-000000000000"}, [{"type": "t", "title": 5, "detail": "Detail", "additionalDetails": {"k": 1}}], "2020-08-06T12:24:52.256624Z", ["/a", "/b"]])"_ba
        << true << QStringList{u"stateDetails[0].title"_s} << 1 << nestedBad;
}

void TestTaskParser::arrayItems()
{
    QFETCH(QStringList, includeOrder);
    QFETCH(QByteArray, item);
    QFETCH(bool, kept);
    QFETCH(QStringList, warningFields);
    QFETCH(int, warningCount);
    QFETCH(Task, expected);

    const QByteArray good = R"(["z-0", "astra.other"])"_ba;
    TaskListPage page;
    ParseError error;
    const TaskListParser parser(includeOrder);
    QVERIFY2(parser.parse(pageOf({item, good}), &page, &error), qPrintable(error.toString()));
    checkAccounting(page, 2);
    if (QTest::currentTestFailed())
        return;

    // The second item is a valid array item only when both id and name are included.
    const bool goodIsKept = includeOrder.contains(u"id") && includeOrder.indexOf(u"id") < 2 && !includeOrder.isEmpty();
    QList<ParseWarning> itemWarnings;
    for (const ParseWarning &w : page.warnings) {
        if (w.itemIndex == 0)
            itemWarnings.append(w);
    }
    if (!kept) {
        QCOMPARE(std::count_if(itemWarnings.cbegin(), itemWarnings.cend(), [](const ParseWarning &w) { return w.skipped; }), qsizetype(1));
        QVERIFY(page.tasks.isEmpty() || page.tasks.first().rawJson == good);
        return;
    }
    QVERIFY(goodIsKept);
    QCOMPARE(page.tasks.size(), 2);
    QCOMPARE(itemWarnings.size(), warningCount);
    QStringList fields;
    for (const ParseWarning &w : itemWarnings) {
        QVERIFY(!w.skipped);
        QCOMPARE(w.taskId, expected.id);
        QVERIFY(!w.message.isEmpty());
        fields.append(w.field);
    }
    if (!warningFields.isEmpty())
        QCOMPARE(fields, warningFields);

    expected.rawJson = item;
    compareTask(page.tasks.at(0), expected);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(page.tasks.at(0).json().isEmpty());
    QCOMPARE(page.tasks.at(1).rawJson, good);
}

void TestTaskParser::arrayItemMatchesObjectItem()
{
    const QJsonObject object = fullItemObject();
    QStringList order = TaskListParser::taskFieldNames();
    std::reverse(order.begin(), order.end()); // any order works, not only the canonical one
    QJsonArray values;
    for (const QString &field : order)
        values.append(object.value(field).isUndefined() ? QJsonValue() : object.value(field));

    TaskListPage fromObject;
    TaskListPage fromArray;
    ParseError error;
    QVERIFY2(TaskListParser().parse(pageOf({compact(object)}), &fromObject, &error), qPrintable(error.toString()));
    QVERIFY2(TaskListParser(order).parse(pageOf({compact(values)}), &fromArray, &error), qPrintable(error.toString()));
    QCOMPARE(fromObject.warnings, QList<ParseWarning>());
    QCOMPARE(fromArray.warnings, QList<ParseWarning>());
    QCOMPARE(fromArray.tasks.size(), 1);
    compareTask(fromArray.tasks.at(0), fromObject.tasks.at(0), false);
    if (QTest::currentTestFailed())
        return;
    compareTask(fromObject.tasks.at(0), fullItemTaskCompact());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(fromArray.tasks.at(0).rawJson, compact(values));
}

// ---------------------------------------------------------------------------------------------
// Messages

void TestTaskParser::warningToString()
{
    ParseWarning w;
    w.itemIndex = 37;
    w.taskId = u"9cc8c321-6af1-406c-8158-2c6582c247f8"_s;
    w.field = u"percentDone"_s;
    w.message = u"150 is outside 0..100"_s;
    const QString line = w.toString();
    QVERIFY2(!line.contains(u'\n'), qPrintable(line));
    QVERIFY2(line.contains(u"37"), qPrintable(line));
    QVERIFY2(line.contains(w.taskId), qPrintable(line));
    QVERIFY2(line.contains(w.field), qPrintable(line));
    QVERIFY2(line.contains(w.message), qPrintable(line));
    QVERIFY2(line.indexOf(u"37") < line.indexOf(w.message), qPrintable(line));

    ParseWarning anonymous;
    anonymous.itemIndex = 512;
    anonymous.field = u"id"_s;
    anonymous.message = u"missing"_s;
    anonymous.skipped = true;
    const QString line2 = anonymous.toString();
    QVERIFY2(!line2.contains(u'\n'), qPrintable(line2));
    QVERIFY2(line2.contains(u"512") && line2.contains(u"id") && line2.contains(u"missing"), qPrintable(line2));
    QVERIFY2(!line2.contains(u"()"), qPrintable(line2)); // no empty task-id decoration
}

void TestTaskParser::errorToString()
{
    TaskListPage page;
    ParseError error;
    QVERIFY(!TaskListParser().parse(R"({"items": [1, 2,)"_ba, &page, &error));
    const QString line = error.toString();
    QVERIFY2(line.contains(error.message), qPrintable(line));
    QVERIFY2(!line.contains(u'\n'), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestTaskParser)
#include "tst_taskparser.moc"
