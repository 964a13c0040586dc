// Fuzz target: the task-list parser (TaskListParser::parse and peekContinueToken), both item forms.
// Input: an optional first line `include=<name>,<name>...` (the include order, for items that are
// arrays of values), then the response body.
#include "fuzzcheck.h"

#include "tasklistparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <simdjson.h>

#include <cstddef>
#include <cstdint>

using namespace Taskscope;

namespace {

enum class Shape { Object, Array, Any };

// One valid JSON value of the expected shape. simdjson's DOM parser is strict (Qt's accepts control
// characters and unknown escapes in strings) but refuses integers beyond 64 bits, which JSON allows
// and the on-demand parser reads as doubles: for a number error, Qt decides.
bool isJson(const QByteArray &bytes, Shape shape)
{
    static simdjson::dom::parser parser;
    simdjson::dom::element element;
    const simdjson::error_code code = parser.parse(bytes.constData(), size_t(bytes.size())).get(element);
    bool valid = !code;
    if (code == simdjson::NUMBER_ERROR) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson('[' + bytes + ']', &error); // scalars too
        valid = error.error == QJsonParseError::NoError && doc.array().size() == 1;
    }
    if (!valid)
        return false;
    const QByteArray trimmed = bytes.trimmed();
    return shape == Shape::Any || trimmed.startsWith(shape == Shape::Object ? '{' : '[');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList includeOrder;
    if (body.startsWith("include=")) {
        const qsizetype newline = body.indexOf('\n');
        const QByteArray line = body.mid(8, newline < 0 ? -1 : newline - 8);
        includeOrder = QString::fromUtf8(line).split(u',');
        body = newline < 0 ? QByteArray() : body.sliced(newline + 1);
    }
    body.detach(); // an exact-size copy: ASan sees a read past the end of the body

    const TaskListParser parser(includeOrder);
    TaskListPage page;
    ParseError error;
    const bool ok = parser.parse(body, &page, &error);
    if (ok) {
        for (const Task &task : std::as_const(page.tasks)) {
            FUZZ_CHECK(!task.id.isEmpty(), u"a task without an id was kept");
            // What an export writes as it was received must be one valid JSON value of the item's form.
            FUZZ_CHECK(isJson(task.rawJson, task.rawJson.startsWith('{') ? Shape::Object : Shape::Array),
                       QString::fromUtf8(task.rawJson));
            for (const StateDetail &detail : std::as_const(task.stateDetails)) {
                if (!detail.additionalDetails.isEmpty())
                    FUZZ_CHECK(isJson(detail.additionalDetails, Shape::Any), QString::fromUtf8(detail.additionalDetails));
            }
            (void)task.json();
            (void)task.durationSeconds(QDateTime::fromMSecsSinceEpoch(1714564800000, Qt::UTC));
        }
        FUZZ_CHECK(isJson(page.metadataJson, Shape::Object), QString::fromUtf8(page.metadataJson));
        FUZZ_CHECK(!page.continueToken || !page.continueToken->isEmpty(), u"an empty continue token");
        FUZZ_CHECK(!page.count || *page.count >= 0, QString::number(*page.count));
    } else {
        FUZZ_CHECK(!error.message.isEmpty(), u"a failure without a message");
        FUZZ_CHECK(error.offset >= -1 && error.offset <= body.size(), QString::number(error.offset));
        FUZZ_CHECK(page.tasks.isEmpty(), u"tasks kept from a body that failed");
        (void)error.toString();
    }
    for (const ParseWarning &warning : std::as_const(page.warnings)) {
        FUZZ_CHECK(!warning.message.isEmpty(), u"a warning without a message");
        (void)warning.toString();
    }

    const std::optional<QString> token = TaskListParser::peekContinueToken(body);
    (void)token;
    return 0;
}
