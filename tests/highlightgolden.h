// Reads the golden classification of filter expressions (fixtures/highlight-golden.txt): Qt 5 and Qt 6.
#pragma once

#include <QFile>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace TaskscopeTest {

struct GoldenExpression
{
    int line = 0; // 1-based, of the expression
    QString text;
    QStringList classes; // one class name per UTF-16 unit of `text`
};

struct GoldenSet
{
    QList<GoldenExpression> expressions;
    QHash<QChar, QString> legend; // letter -> class name
    QString error;                // why the file could not be read; empty when it was
};

// The format: '#' starts a comment line; "legend X Name" gives the letter X to the class Name;
// "> text" is an expression, and the "= letters" line after it holds one letter per character of the
// text. A letter line may stop early: the rest of the text must be whitespace, and is Normal Text.
inline GoldenSet readGoldenSet(const QString &path)
{
    GoldenSet set;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        set.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return set;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    const QString legendPrefix = QStringLiteral("legend ");
    const auto fail = [&set, &path](int line, const QString &message) {
        set.error = QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(message);
        return set;
    };
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(legendPrefix)) {
            if (line.size() < legendPrefix.size() + 3 || line.at(legendPrefix.size() + 1) != QLatin1Char(' '))
                return fail(i + 1, QStringLiteral("expected \"legend X Name\""));
            set.legend.insert(line.at(legendPrefix.size()), line.mid(legendPrefix.size() + 2));
            continue;
        }
        if (!line.startsWith(QLatin1String("> ")))
            return fail(i + 1, QStringLiteral("expected a comment, a legend or \"> expression\""));
        if (i + 1 >= lines.size() || !lines.at(i + 1).startsWith(QLatin1String("= ")))
            return fail(i + 2, QStringLiteral("expected \"= classes\" after the expression"));
        GoldenExpression expression;
        expression.line = i + 1;
        expression.text = line.mid(2);
        const QString letters = lines.at(i + 1).mid(2);
        if (letters.size() > expression.text.size())
            return fail(i + 2, QStringLiteral("more classes than characters"));
        const QString normalText = set.legend.value(QLatin1Char(' '));
        if (normalText.isEmpty())
            return fail(i + 2, QStringLiteral("the legend has no class for ' '"));
        for (int c = 0; c < expression.text.size(); ++c) {
            if (c >= letters.size()) {
                if (!expression.text.at(c).isSpace())
                    return fail(i + 2, QStringLiteral("no class for column %1").arg(c + 1));
                expression.classes.append(normalText);
                continue;
            }
            const QString name = set.legend.value(letters.at(c));
            if (name.isEmpty())
                return fail(i + 2, QStringLiteral("'%1' is not in the legend").arg(letters.at(c)));
            expression.classes.append(name);
        }
        set.expressions.append(expression);
        ++i;
    }
    if (set.expressions.isEmpty())
        set.error = QStringLiteral("%1: no expressions").arg(path);
    return set;
}

} // namespace TaskscopeTest
