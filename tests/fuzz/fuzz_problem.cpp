// Fuzz target: the problem+json parser (ProblemDetails::parse) and the message built from a problem.
#include "fuzzcheck.h"

#include "apierror.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace Taskscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size)); // exact size for ASan
    const std::optional<ProblemDetails> problem = ProblemDetails::parse(body);
    if (!problem)
        return 0;
    FUZZ_CHECK(!problem->title.isEmpty() || !problem->type.isEmpty(), u"a problem with neither title nor type");

    for (const int status : {400, 401, 404, 500}) {
        ApiError error;
        error.kind = ApiError::Http;
        error.httpStatus = status;
        error.problem = problem;
        const QString message = error.message();
        FUZZ_CHECK(!message.isEmpty(), u"an empty message");
        FUZZ_CHECK(!message.contains(u'\n') || problem->title.contains(u'\n') || problem->detail.contains(u'\n')
                       || std::any_of(problem->invalidParams.cbegin(), problem->invalidParams.cend(),
                                      [](const InvalidParam &p) {
                                          return p.name.contains(u'\n') || p.reason.contains(u'\n');
                                      }),
                   message);
        // Texts from the server are shown as they are: no placeholder in them is ever expanded.
        FUZZ_CHECK(message.contains(problem->title) && message.contains(problem->detail), message);
        for (const InvalidParam &param : problem->invalidParams)
            FUZZ_CHECK(message.contains(param.name) && message.contains(param.reason), message);
        (void)error.isTransient();
        (void)error.kindName();
    }
    return 0;
}
