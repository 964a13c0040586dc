<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ExportCommand</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Astra Control tasks without a display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the task list from &lt;file&gt; (a response of GET .../tasks; - is standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: json (default) or tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; (atomically) instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field names, comma-separated, of items that are arrays of values (a response to include=...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say where the tasks come from: --input FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use json or tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskListParser</name>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, got %2; left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, got the text &quot;%1&quot;; read as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, got the text &quot;%1&quot;; left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timestamp (YYYY-MM-DDTHH:MM:SS[.fraction]Z); left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing required field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;; kept as is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside 0..100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id is empty or not text; item skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing required field; item skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item has %1 values but include names %2 fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (task %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at byte %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response is not valid UTF-8; invalid bytes were replaced with U+FFFD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response is %1, not a task list object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;items&quot; is %1, not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item is an array of values, but no include order is known; item skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the item is %1, not an object; item skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response has no &quot;items&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Taskscope::MainWindow</name>
    <message>
        <source>Taskscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo preview: the live demo server is not built yet, so this window shows a fixed sample of tasks. Live polling arrives with the connection to Astra Control.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sample is missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sample cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) in the sample</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Taskscope::TaskTreeModel</name>
    <message>
        <source>a task without an id; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate id; the first task with this id is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its parent task %1 is not in the list: shown at the top level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It names itself as its parent: shown at the top level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its parent chain loops back to it (parent %1): the loop is cut here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>task state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>percent done</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m %3s</source>
        <comment>duration</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <comment>duration</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>duration</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Live monitor for NetApp Astra Control tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the built-in demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window to &lt;file&gt; (PNG) and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait &lt;ms&gt; milliseconds after the first data before the screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt; (for example fr, de).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taskscope: cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
