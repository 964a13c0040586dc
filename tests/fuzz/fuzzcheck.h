// FUZZ_CHECK: an invariant of a fuzz target. On violation it prints the condition and a detail, then
// aborts, which libFuzzer (and the corpus replay) report as a crash with the input that caused it.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <cstdio>
#include <cstdlib>

inline QByteArray fuzzDetail(const QString &detail) { return detail.toUtf8(); }
inline QByteArray fuzzDetail(QStringView detail) { return detail.toUtf8(); }

// `detail` (text: a QString, a u"" literal) is evaluated only when the check fails.
#define FUZZ_CHECK(condition, detail)                                                                                  \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n  %s\n", __FILE__, __LINE__, #condition,             \
                         fuzzDetail(detail).constData());                                                             \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
