<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddFlow</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/adding/flow.py" line="+23"/>
        <source>added %n task(s) to {names}</source>
        <translation>
            <numerusform>added %n task to {names}</numerusform>
            <numerusform>added %n tasks to {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} and %n more</numerusform>
            <numerusform>{names} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>ignored %n piece(s) that are not task IDs: {pieces}</source>
        <translation>
            <numerusform>ignored %n piece that is not a task ID: {pieces}</numerusform>
            <numerusform>ignored %n pieces that are not task IDs: {pieces}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n assigned to {name} by guess — change it here</source>
        <translation>
            <numerusform>%n assigned to {name} by guess — change it here</numerusform>
            <numerusform>%n assigned to {name} by guess — change it here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>Moved %n task(s) to {name}.</source>
        <translation>
            <numerusform>Moved %n task to {name}.</numerusform>
            <numerusform>Moved %n tasks to {name}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/desktop/clipboard.py" line="+24"/>
        <source>Copied %n task ID(s)</source>
        <translation>
            <numerusform>Copied %n task ID</numerusform>
            <numerusform>Copied %n task IDs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Copied %n video URL(s)</source>
        <translation>
            <numerusform>Copied %n video URL</numerusform>
            <numerusform>Copied %n video URLs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Copied %n file(s)</source>
        <translation>
            <numerusform>Copied %n file</numerusform>
            <numerusform>Copied %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/window/close_guard.py" line="+65"/>
        <source>Tracking %n task(s) in the background. Click the tray icon to show the window; Quit is in its menu.</source>
        <translation>
            <numerusform>Tracking %n task in the background. Click the tray icon to show the window; Quit is in its menu.</numerusform>
            <numerusform>Tracking %n tasks in the background. Click the tray icon to show the window; Quit is in its menu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n task(s) are still tracked.</source>
        <translation>
            <numerusform>%n task is still tracked.</numerusform>
            <numerusform>%n tasks are still tracked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinishNotes</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/window/finish_notes.py" line="+129"/>
        <source>%n video(s) ready</source>
        <translation>
            <numerusform>%n video ready</numerusform>
            <numerusform>%n videos ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n failed</numerusform>
            <numerusform>, %n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n task(s) failed</source>
        <translation>
            <numerusform>%n task failed</numerusform>
            <numerusform>%n tasks failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormatEditor</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/settings/format_editor.py" line="+259"/>
        <source>A page of the list: %n task(s)</source>
        <translation>
            <numerusform>A page of the list: %n task</numerusform>
            <numerusform>A page of the list: %n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryFlow</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/library/flow.py" line="+87"/>
        <source>Starred %n task(s)</source>
        <translation>
            <numerusform>Starred %n task</numerusform>
            <numerusform>Starred %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Took the star off %n task(s)</source>
        <translation>
            <numerusform>Took the star off %n task</numerusform>
            <numerusform>Took the star off %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Tags changed on %n task(s)</source>
        <translation>
            <numerusform>Tags changed on %n task</numerusform>
            <numerusform>Tags changed on %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n task(s) imported from {name}&apos;s list</source>
        <translation>
            <numerusform>%n task imported from {name}&apos;s list</numerusform>
            <numerusform>%n tasks imported from {name}&apos;s list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>What the %n selected task(s) cost</source>
        <translation>
            <numerusform>What the %n selected task cost</numerusform>
            <numerusform>What the %n selected tasks cost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>What the %n task(s) shown cost</source>
        <translation>
            <numerusform>What the %n task shown cost</numerusform>
            <numerusform>What the %n tasks shown cost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Export the %n selected task(s)</source>
        <translation>
            <numerusform>Export the %n selected task</numerusform>
            <numerusform>Export the %n selected tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Exported %n task(s) to {file}</source>
        <translation>
            <numerusform>Exported %n task to {file}</numerusform>
            <numerusform>Exported %n tasks to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Imported %n task(s)</source>
        <translation>
            <numerusform>Imported %n task</numerusform>
            <numerusform>Imported %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already tracked</source>
        <translation>
            <numerusform>%n already tracked</numerusform>
            <numerusform>%n already tracked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/window/main_window.py" line="+250"/>
        <source>Checking %n task(s) now…</source>
        <translation>
            <numerusform>Checking %n task now…</numerusform>
            <numerusform>Checking %n tasks now…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Downloading %n video(s)…</source>
        <translation>
            <numerusform>Downloading %n video…</numerusform>
            <numerusform>Downloading %n videos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n video(s) are not downloaded yet: downloading them now — drag them again when they are saved.</source>
        <translation>
            <numerusform>The video is not downloaded yet: downloading it now — drag it again when it is saved.</numerusform>
            <numerusform>%n videos are not downloaded yet: downloading them now — drag them again when they are saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>The demo was removed: %n task(s), its providers and the videos it saved.</source>
        <translation>
            <numerusform>The demo was removed: %n task, its providers and the videos it saved.</numerusform>
            <numerusform>The demo was removed: %n tasks, its providers and the videos it saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveFlow</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/window/remove_flow.py" line="+34"/>
        <source>Removing %Ln task(s)…</source>
        <translation>
            <numerusform>Removing %Ln task…</numerusform>
            <numerusform>Removing %Ln tasks…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Removed %Ln task(s).</source>
        <translation>
            <numerusform>Removed %Ln task.</numerusform>
            <numerusform>Removed %Ln tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Restoring %Ln task(s)…</source>
        <translation>
            <numerusform>Restoring %Ln task…</numerusform>
            <numerusform>Restoring %Ln tasks…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Restored %Ln task(s).</source>
        <translation>
            <numerusform>Restored %Ln task.</numerusform>
            <numerusform>Restored %Ln tasks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/library/tags_dialog.py" line="+32"/>
        <source>Tags for %n task(s)</source>
        <translation>
            <numerusform>Tags for %n task</numerusform>
            <numerusform>Tags for %n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskTableView</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/table/view.py" line="+37"/>
        <source>%n videos</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/wording.py" line="+123"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
</context>
</TS>
