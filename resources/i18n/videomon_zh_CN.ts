<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutForm</name>
    <message>
        <location filename="../../videomon/ui/library/about_form.py" line="+39"/>
        <source>A name for this video</source>
        <translation>给这个视频起个名字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starred (a keeper)</source>
        <translation>加星标（值得保留）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. corgi, client A (commas between tags)</source>
        <translation>例如：柯基, 客户 A（标签之间用逗号分隔）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost:</source>
        <translation>费用：</translation>
    </message>
</context>
<context>
    <name>AccountImportDialog</name>
    <message>
        <location filename="../../videomon/ui/library/account_dialog.py" line="+23"/>
        <source>Import from a provider</source>
        <extracomment>how far back (seconds; None: all the provider keeps)</extracomment>
        <translation>从服务商导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back</source>
        <translation>追溯范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the last day</source>
        <translation>最近一天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the last week</source>
        <translation>最近一周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>everything the provider keeps</source>
        <translation>服务商保留的全部</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tasks its list shows are tracked, with their prompts and states; those already tracked and those you removed are left as they are.</source>
        <translation>跟踪其列表中的任务，连同提示词和状态；已跟踪的任务和你移除的任务保持不变。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks from:</source>
        <translation>任务范围：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No provider here can list its tasks (OpenAI, new-api relays, Kling, Ark, Luma and Replicate can).</source>
        <translation>这里没有能列出任务的服务商（OpenAI、new-api 中转站、可灵、方舟、Luma 和 Replicate 可以）。</translation>
    </message>
</context>
<context>
    <name>AddFlow</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/adding/flow.py" line="+23"/>
        <source>added %n task(s) to {names}</source>
        <translation>
            <numerusform>已将 %n 个任务添加到 {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} 等 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already tracked, skipped: {names}</source>
        <translation>已在跟踪，已跳过：{names}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>ignored %n piece(s) that are not task IDs: {pieces}</source>
        <translation>
            <numerusform>忽略了 %n 段不是任务 ID 的文字：{pieces}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n assigned to {name} by guess — change it here</source>
        <translation>
            <numerusform>%n 个任务按推测归入 {name}——可在此更改</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sentence}.</source>
        <translation>{sentence}。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Set up a provider first (Settings…), then paste the task IDs again.</source>
        <translation>请先添加服务商（设置…），然后重新粘贴任务 ID。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set up a provider first in Settings.</source>
        <translation>请先在“设置”中添加服务商。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No task IDs found in that text (not task IDs: {pieces}). Nothing was added.</source>
        <translation>这段文字里没有找到任务 ID（不是任务 ID：{pieces}），未添加任何任务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No task IDs found in that text. Nothing was added.</source>
        <translation>这段文字里没有找到任务 ID，未添加任何任务。</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Moved %n task(s) to {name}.</source>
        <translation>
            <numerusform>已将 %n 个任务移到 {name}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddTasksDialog</name>
    <message>
        <location filename="../../videomon/ui/adding/dialog.py" line="+25"/>
        <source>Add tasks</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One or more task IDs or task URLs, separated by new lines, spaces or commas,
e.g. {example}</source>
        <translation>一个或多个任务 ID 或任务链接，用换行、空格或逗号分隔，
例如 {example}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose automatically</source>
        <translation>自动选择</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task IDs or URLs:</source>
        <translation>任务 ID 或链接：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type or paste at least one task ID.</source>
        <translation>请输入或粘贴至少一个任务 ID。</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/desktop/clipboard.py" line="+24"/>
        <source>Copied %n task ID(s)</source>
        <translation>
            <numerusform>已复制 %n 个任务 ID</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The selection has no video URL yet</source>
        <translation>所选任务还没有视频链接</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Copied %n video URL(s)</source>
        <translation>
            <numerusform>已复制 %n 个视频链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Copied %n file(s)</source>
        <translation>
            <numerusform>已复制 %n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <location filename="../../videomon/ui/window/close_guard.py" line="+64"/>
        <source>videomon is still running</source>
        <translation>videomon 仍在运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Tracking %n task(s) in the background. Click the tray icon to show the window; Quit is in its menu.</source>
        <translation>
            <numerusform>正在后台跟踪 %n 个任务。点击托盘图标显示窗口；退出在其菜单中。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quit videomon?</source>
        <translation>退出 videomon？</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n task(s) are still tracked.</source>
        <translation>
            <numerusform>仍有 %n 个任务在跟踪中。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quitting stops the checks and downloads until videomon starts again; the list is kept.</source>
        <translation>退出后将停止查询和下载，直到 videomon 再次启动；列表会保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep open</source>
        <translation>保持打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not ask again</source>
        <translation>不再询问</translation>
    </message>
</context>
<context>
    <name>CostWords</name>
    <message>
        <location filename="../../videomon/ui/library/cost_words.py" line="+19"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at least {money}</source>
        <translation>至少 {money}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{amount} {unit} reported by the provider</source>
        <translation>服务商报告 {amount} {unit}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cost: {units}</source>
        <translation>费用：{units}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost: {money}</source>
        <translation>费用：{money}</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../videomon/ui/library/details_dialog.py" line="+53"/>
        <source>Task {id}</source>
        <extracomment>the user saved what they say about the task (title, star, tags, notes)</extracomment>
        <translation>任务 {id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No answer about this task yet. The last lookup: {problem}</source>
        <translation>尚未收到此任务的应答。最近一次查询：{problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No response received yet.</source>
        <translation>尚未收到响应。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw response</source>
        <translation>原始响应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+6"/>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy ID</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Task ID:</source>
        <translation>任务 ID：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider&apos;s word:</source>
        <translation>服务商原始状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress:</source>
        <translation>进度：</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+47"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished:</source>
        <translation>完成时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link expires:</source>
        <translation>链接过期时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added:</source>
        <translation>添加时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last checked:</source>
        <translation>上次查询：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video:</source>
        <translation>视频：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved to:</source>
        <translation>保存位置：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no history</source>
        <translation>暂无记录</translation>
    </message>
</context>
<context>
    <name>DetectRow</name>
    <message>
        <location filename="../../videomon/ui/settings/detect_row.py" line="+20"/>
        <source>a task ID this provider knows</source>
        <translation>该服务商上已有的一个任务 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known task ID</source>
        <translation>已知任务 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detect format</source>
        <translation>检测接口格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the provider about this task in each known format&apos;s way (a few requests, the key only to this host) and pick the format that reads the answer</source>
        <translation>按每种已知接口格式向服务商查询这个任务（只发少量请求，密钥只发给这个主机），选出能读懂回复的接口格式</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type the ID of a task this provider knows first.</source>
        <translation>请先填写该服务商上已有的一个任务 ID。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Asking the provider…</source>
        <translation>正在询问服务商…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>✔ The provider answers in the {name} format; the task reads as: {reading}.</source>
        <translation>✔ 服务商使用 {name} 接口格式；任务读作：{reading}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✘ Several formats read this task differently ({names}); not guessing. Choose one and test it.</source>
        <translation>✘ 几种接口格式对这个任务的读法不同（{names}），不做猜测。请自行选择一种并测试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✘ No known format could read the provider&apos;s answer for this task. Settings → Formats lets you describe it.</source>
        <translation>✘ 没有已知接口格式能读懂服务商对这个任务的回复。可在 设置 → 接口格式 中自行描述。</translation>
    </message>
</context>
<context>
    <name>ElidedLabel</name>
    <message>
        <location filename="../../videomon/ui/look/elided_label.py" line="+18"/>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../videomon/ui/runtime/errors.py" line="+75"/>
        <source>Something went wrong. videomon keeps running; your tracked tasks are safe.

{summary}</source>
        <translation>出了点问题。videomon 仍在运行，您跟踪的任务都安然无恙。

{summary}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>

The details are also in {path}.</source>
        <translation>

详细信息也已写入 {path}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>videomon — unexpected error</source>
        <translation>videomon — 意外错误</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../videomon/ui/desktop/file_actions.py" line="+67"/>
        <source>The saved video is no longer at {path}: it was moved or deleted. Download it again with Ctrl+D.</source>
        <translation>已保存的视频不在 {path}：它已被移动或删除。按 Ctrl+D 重新下载。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The selection has no saved video yet.</source>
        <translation>所选任务还没有已保存的视频。</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+9"/>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>No program could open {path}: the desktop has none for this kind of file.</source>
        <translation>没有程序能打开 {path}：桌面没有能处理此类文件的程序。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not open {path}: nothing here opens files (on Linux that takes xdg-open, from the xdg-utils package).</source>
        <translation>无法打开 {path}：本机没有能打开文件的程序（在 Linux 上需要 xdg-utils 软件包中的 xdg-open）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not show {path}: no file manager answered the request to show it, and its folder could not be opened (on Linux that takes xdg-open, from the xdg-utils package).</source>
        <translation>无法显示 {path}：没有文件管理器响应显示请求，也无法打开其所在文件夹（在 Linux 上需要 xdg-utils 软件包中的 xdg-open）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The selection has no video URL yet.</source>
        <translation>所选任务还没有视频 URL。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No web browser could open the video link.</source>
        <translation>没有浏览器能打开视频链接。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Copied: {text}</source>
        <translation>已复制：{text}</translation>
    </message>
</context>
<context>
    <name>FinishNotes</name>
    <message>
        <location filename="../../videomon/ui/window/finish_notes.py" line="+116"/>
        <source>Show</source>
        <extracomment>tasks ending less than this apart make one notification (ms) ... ... sent at the latest this long after the first of them ended (ms) a notification for many names this many of them a click on a notification (`desktop.notes.CLICKED`) or one of its buttons (`PLAY`, `FOLDER`), with the refs of the tasks it told of the notes sent (title, body), the last one last (what tests and the tray show)</extracomment>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{task}: {error}</source>
        <translation>{task}：{error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show in folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video ready</source>
        <translation>视频已生成</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n video(s) ready</source>
        <translation>
            <numerusform>%n 个视频已生成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n failed</source>
        <translation>
            <numerusform>，%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n task(s) failed</source>
        <translation>
            <numerusform>%n 个任务失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowRow</name>
    <message>
        <location filename="../../videomon/ui/settings/follow_row.py" line="+31"/>
        <source>Follow this account: add the tasks its list shows</source>
        <extracomment>how far back a first listing reaches (seconds; None: all the provider keeps)</extracomment>
        <translation>关注此账户：添加其任务列表中的任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back</source>
        <translation>追溯范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the last day</source>
        <translation>最近一天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the last week</source>
        <translation>最近一周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>everything the provider keeps</source>
        <translation>服务商保留的全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>USER_ID:ACCESS_TOKEN from the relay&apos;s console (not the sk- key)</source>
        <translation>中转站控制台的 用户ID:访问令牌（不是 sk- 密钥）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This format has no list of tasks: paste their IDs.</source>
        <translation>此格式没有任务列表：请粘贴任务 ID。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its list takes the console&apos;s user ID and access token, not the API key; both stay in the system keyring.</source>
        <translation>其任务列表需要控制台的用户 ID 和访问令牌，而不是 API 密钥；两者都只保存在系统密钥环中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its list is read with the API key, at start and every few minutes; a task you remove does not come back.</source>
        <translation>启动时及每隔几分钟用 API 密钥读取其任务列表；你移除的任务不会再回来。</translation>
    </message>
</context>
<context>
    <name>FormatEditor</name>
    <message>
        <location filename="../../videomon/ui/settings/format_editor.py" line="+85"/>
        <source>Formats</source>
        <extracomment>the tasks of a sample list page the preview names</extracomment>
        <translation>接口格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new format of your own, starting from this one</source>
        <translation>以此为起点新建你自己的接口格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Format definition (TOML)</source>
        <translation>接口格式定义（TOML）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sample answer (JSON)</source>
        <translation>示例回复（JSON）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste an answer of the provider&apos;s query endpoint here</source>
        <translation>在此粘贴服务商查询接口的一次回复</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What videomon reads</source>
        <translation>videomon 读到的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save format</source>
        <translation>保存接口格式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>API key (used for this test only)</source>
        <translation>API 密钥（仅用于本次测试）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a task ID this provider knows</source>
        <translation>该服务商上已有的一个任务 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test with a task ID</source>
        <translation>用任务 ID 测试</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Base URL:</source>
        <translation>接口地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task ID:</source>
        <translation>任务 ID：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Definition (TOML):</source>
        <translation>定义（TOML）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sample answer (JSON):</source>
        <translation>示例回复（JSON）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What videomon reads:</source>
        <translation>videomon 读到的内容：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{name} (built in)</source>
        <translation>{name}（内置）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source># {name} is built into videomon as code (Google&apos;s long-running operations), not as a data format.</source>
        <translation># {name} 以代码形式内置于 videomon（Google 的长时间运行操作），不是数据形式的接口格式。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>In “{field}”: </source>
        <translation>在“{field}”中：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The definition cannot be used. {where}{what}</source>
        <translation>该定义无法使用。{where}{what}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Paste a sample answer to see what videomon reads.</source>
        <translation>粘贴一段示例回复，即可看到 videomon 读到的内容。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The sample is not valid JSON: {error}</source>
        <translation>示例不是有效的 JSON：{error}</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>A page of the list: %n task(s)</source>
        <translation>
            <numerusform>列表的一页：%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next page: {at}</source>
        <translation>下一页：{at}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last page</source>
        <translation>最后一页</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prompt: {text}</source>
        <translation>提示词：{text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size: {text}</source>
        <translation>尺寸：{text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length: {text} s</source>
        <translation>时长：{text} 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed: {text}</source>
        <translation>种子：{text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost: {text}</source>
        <translation>费用：{text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Picture: {text}</source>
        <translation>图片：{text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress: {n}%</source>
        <translation>进度：{n}%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video: {url}</source>
        <translation>视频：{url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: {error}</source>
        <translation>错误：{error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Then asks for the video at: {url}</source>
        <translation>随后在此获取视频：{url}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Asking the provider…</source>
        <translation>正在询问服务商…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✔ The provider answered; see the reading.</source>
        <translation>✔ 服务商已回复，读取结果见上。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import a format</source>
        <translation>导入接口格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format files (*.toml *.json)</source>
        <translation>接口格式文件 (*.toml *.json)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export the format</source>
        <translation>导出接口格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format files (*.toml)</source>
        <translation>接口格式文件 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/flow.py" line="+130"/>
        <source>✔ Format saved.</source>
        <translation>✔ 接口格式已保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✔ Format “{name}” imported.</source>
        <translation>✔ 已导入接口格式“{name}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✔ Written to {path}.</source>
        <translation>✔ 已写入 {path}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✔ Format deleted.</source>
        <translation>✔ 接口格式已删除。</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../../videomon/ui/library/gallery.py" line="+158"/>
        <source>Gallery of tracked videos</source>
        <translation>已跟踪视频的图库</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../videomon/ui/settings/general_page.py" line="+34"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Download finished videos automatically</source>
        <translation>自动下载已生成的视频</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fields: {fields}</source>
        <translation>可用字段：{fields}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a task finishes or fails</source>
        <translation>任务完成或失败时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only when the window is not in front</source>
        <translation>仅当窗口不在最前面时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closing the window keeps tracking in the tray (where the desktop has one)</source>
        <translation>关闭窗口后在托盘中继续跟踪（桌面有托盘时）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where there is no tray, closing the window asks before it stops tracking</source>
        <translation>没有托盘时，关闭窗口前先询问是否停止跟踪</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new language takes effect when videomon restarts.</source>
        <translation>新的语言将在重启 videomon 后生效。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Download folder:</source>
        <translation>下载文件夹：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File name template:</source>
        <translation>文件名模板：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notifications:</source>
        <translation>通知：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Appearance:</source>
        <translation>外观：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the welcome page</source>
        <translation>显示欢迎页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first-run page: provider presets and the demo</source>
        <translation>首次启动时的页面：服务商预设和演示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Download folder</source>
        <translation>下载文件夹</translation>
    </message>
</context>
<context>
    <name>InlineBar</name>
    <message>
        <location filename="../../videomon/ui/adding/inline_bar.py" line="+22"/>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Track the tasks just added under another provider</source>
        <translation>将刚添加的任务改到其他服务商下跟踪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider of the tasks just added</source>
        <translation>刚添加任务的服务商</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>InsecureUrlNote</name>
    <message>
        <location filename="../../videomon/ui/settings/insecure_note.py" line="+14"/>
        <source>⚠ Plain http:// to another computer: the API key would travel unencrypted. Use https:// if the provider offers it.</source>
        <translation>⚠ 这是连到另一台计算机的明文 http:// 地址：API 密钥将以未加密方式传输。服务商支持时请改用 https://。</translation>
    </message>
</context>
<context>
    <name>LibraryFlow</name>
    <message>
        <location filename="../../videomon/ui/library/flow.py" line="+44"/>
        <source>Cost</source>
        <extracomment>the status bar&apos;s cost is worked out again this long after the last change (ms) the state filter lists this many tags, the most used first</extracomment>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Select a task to give it a title</source>
        <translation>请先选择一个任务，再为它起标题</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Starred %n task(s)</source>
        <translation>
            <numerusform>已为 %n 个任务加星标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Took the star off %n task(s)</source>
        <translation>
            <numerusform>已取消 %n 个任务的星标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Tags changed on %n task(s)</source>
        <translation>
            <numerusform>已修改 %n 个任务的标签</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tag: {tag} ({count})</source>
        <translation>标签：{tag}（{count}）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing new in {name}&apos;s list</source>
        <translation>{name} 的列表中没有新任务</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: its list of tasks could not be read ({problem}); asked again later</source>
        <translation>{name}：无法读取其任务列表（{problem}）；稍后再试</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n task(s) imported from {name}&apos;s list</source>
        <translation>
            <numerusform>已从 {name} 的列表导入 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>What the %n selected task(s) cost</source>
        <translation>
            <numerusform>所选 %n 个任务的费用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>What the %n task(s) shown cost</source>
        <translation>
            <numerusform>显示的 %n 个任务的费用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Export the %n selected task(s)</source>
        <translation>
            <numerusform>导出所选的 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the tasks shown</source>
        <translation>导出显示的任务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Exported %n task(s) to {file}</source>
        <translation>
            <numerusform>已将 %n 个任务导出到 {file}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import tasks from a videomon export</source>
        <translation>从 videomon 导出文件导入任务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>videomon export (*.json)</source>
        <translation>videomon 导出文件 (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Imported %n task(s)</source>
        <translation>
            <numerusform>已导入 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already tracked</source>
        <translation>
            <numerusform>%n 个已在跟踪</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add the provider {names} to poll them</source>
        <translation>添加服务商 {names} 后即可查询它们</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../videomon/ui/window/main_window.py" line="+113"/>
        <source>Tracked tasks</source>
        <translation>跟踪的任务</translation>
    </message>
    <message numerus="yes">
        <location line="+137"/>
        <source>Checking %n task(s) now…</source>
        <translation>
            <numerusform>正在查询 %n 个任务…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Downloading %n video(s)…</source>
        <translation>
            <numerusform>正在下载 %n 个视频…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already saved: Ctrl+Shift+O opens it</source>
        <translation>已保存：按 Ctrl+Shift+O 打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to download: the selection has no finished video</source>
        <translation>没有可下载的内容：所选任务中没有已生成的视频</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n video(s) are not downloaded yet: downloading them now — drag them again when they are saved.</source>
        <translation>
            <numerusform>有视频尚未下载，现在开始下载 %n 个——保存完成后再拖一次即可。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>The demo was removed: %n task(s), its providers and the videos it saved.</source>
        <translation>
            <numerusform>演示已移除：%n 个任务、其服务商及其保存的视频。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoPlayerPane</name>
    <message>
        <location filename="../../videomon/ui/preview/slot.py" line="+32"/>
        <source>Video preview is not available on this system: the Qt multimedia backend could not be loaded ({reason}).

Downloads work as usual; open a saved video with Ctrl+Shift+O. On Debian/Ubuntu, installing libpulse0 and libxrandr2 usually brings the preview back.</source>
        <translation>本机无法预览视频：Qt 多媒体后端加载失败（{reason}）。

下载不受影响；可用 Ctrl+Shift+O 打开已保存的视频。在 Debian/Ubuntu 上，安装 libpulse0 和 libxrandr2 通常即可恢复预览。</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../videomon/ui/preview/pane.py" line="+54"/>
        <source>Click or press Space to play / pause</source>
        <translation>单击或按空格键播放／暂停</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+92"/>
        <source>Select a finished task to preview its video.</source>
        <translation>选择一个已完成的任务即可预览视频。</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Play / pause (Space)</source>
        <translation>播放／暂停（空格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play / pause</source>
        <translation>播放／暂停</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Select one finished task to preview its video.</source>
        <translation>只选择一个已完成的任务即可预览视频。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{title} (streaming)</source>
        <translation>{title}（在线播放）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This task failed; there is no video to preview.</source>
        <translation>这个任务失败了，没有可预览的视频。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider does not know this task; there is no video.</source>
        <translation>服务商不知道此任务；没有视频。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The video is not ready yet.</source>
        <translation>视频还没有生成好。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The downloaded file is missing: {path}</source>
        <translation>已下载的文件不见了：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider gave no video URL for this task.</source>
        <translation>服务商没有给出这个任务的视频链接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This video is served with your API key, which is never handed to the player: download it to preview it.</source>
        <translation>这个视频需要用您的 API 密钥才能获取，而密钥绝不会交给播放器：请先下载再预览。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>the file is not a playable video</source>
        <translation>文件不是可播放的视频</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The video could not be loaded. If it is a link, it may have expired: refresh the task for a fresh one, or download it.</source>
        <translation>视频无法加载。如果是链接，可能已经过期：刷新任务获取新链接，或直接下载。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This video&apos;s format or codec cannot be played here. Open the file with another player.</source>
        <translation>这里无法播放该视频的格式或编码，请用其他播放器打开文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The video stream failed (network). Try again or download the video.</source>
        <translation>视频流中断（网络问题）。请重试或下载视频。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the video (its link may have expired).</source>
        <translation>服务器拒绝提供视频（链接可能已过期）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The video cannot be played.</source>
        <translation>视频无法播放。</translation>
    </message>
</context>
<context>
    <name>PricesPage</name>
    <message>
        <location filename="../../videomon/ui/settings/prices_page.py" line="+30"/>
        <source>per task</source>
        <extracomment>how a price counts, as the page offers it</extracomment>
        <translation>按任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per second of video</source>
        <translation>按视频秒数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per unit the provider reports</source>
        <translation>按服务商报告的用量单位</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. USD, CNY, credits</source>
        <translation>例如：USD、CNY、积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>计费方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add price</source>
        <translation>添加价格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove price</source>
        <translation>删除价格</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The most specific row counts: a provider and model, then a provider, then a model. A task that no row prices has an unknown cost; failed tasks cost nothing unless the provider reports a figure.</source>
        <translation>以最具体的一行为准：先看服务商加模型，再看服务商，再看模型。没有任何一行能定价的任务费用未知；失败的任务不计费，除非服务商报告了用量。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Currency:</source>
        <translation>货币：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>any provider</source>
        <translation>任意服务商</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>any model</source>
        <translation>任意模型</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <location filename="../../videomon/ui/table/progress_delegate.py" line="+89"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{percent}% · no change</source>
        <translation>{percent}% · 无变化</translation>
    </message>
</context>
<context>
    <name>RemoveFlow</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/window/remove_flow.py" line="+34"/>
        <source>Removing %Ln task(s)…</source>
        <translation>
            <numerusform>正在移除 %Ln 个任务…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Removed %Ln task(s).</source>
        <translation>
            <numerusform>已移除 %Ln 个任务。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing to undo: only the last removal can be undone.</source>
        <translation>没有可撤销的操作：只能撤销最近一次移除。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Restoring %Ln task(s)…</source>
        <translation>
            <numerusform>正在恢复 %Ln 个任务…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Restored %Ln task(s).</source>
        <translation>
            <numerusform>已恢复 %Ln 个任务。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../videomon/ui/settings/presets.py" line="+103"/>
        <source>OpenAI Videos API and compatible relays: GET /v1/videos/{id}</source>
        <extracomment>the built-in formats&apos; summaries, as the core writes them, marked for translation (tests/ui/test_language.py checks that these are the core&apos;s words, all of them)</extracomment>
        <translation>OpenAI Videos API 及兼容的中转站：GET /v1/videos/{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unified relay format: GET /v2/videos/generations/{id}</source>
        <translation>统一中转格式：GET /v2/videos/generations/{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tasks relay format: GET /v1/videos/tasks/{id} (bare key)</source>
        <translation>任务式中转格式：GET /v1/videos/tasks/{id}（直接填密钥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Google Veo via the Gemini API: GET /v1beta/{operation name}</source>
        <translation>通过 Gemini API 调用 Google Veo：GET /v1beta/{operation name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kling official API: GET /v1/videos/text2video/{id} (then image2video); JWT from access key + secret key</source>
        <translation>可灵官方接口：GET /v1/videos/text2video/{id}（再试 /v1/videos/image2video/）；由 Access Key + Secret Key 两个密钥生成 JWT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kling through a relay: GET /kling/v1/videos/text2video/{id} (bearer key)</source>
        <translation>经中转站使用可灵：GET /kling/v1/videos/text2video/{id}（Bearer 密钥）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Doubao Seedance (Volcengine Ark): GET /api/v3/contents/generations/tasks/{id}</source>
        <translation>豆包 Seedance（火山方舟）：GET /api/v3/contents/generations/tasks/{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alibaba Wan (DashScope): GET /api/v1/tasks/{id}</source>
        <translation>阿里万相（DashScope）：GET /api/v1/tasks/{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MiniMax Hailuo: GET /v1/query/video_generation?task_id={id}, then /v1/files/retrieve for the file</source>
        <translation>MiniMax 海螺：GET /v1/query/video_generation?task_id={id}，再用 /v1/files/retrieve 取文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runway: GET /v1/tasks/{id} (X-Runway-Version 2024-11-06)</source>
        <translation>Runway：GET /v1/tasks/{id}（X-Runway-Version 2024-11-06）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Luma Dream Machine: GET /dream-machine/v1/generations/{id}</source>
        <translation>Luma Dream Machine：GET /dream-machine/v1/generations/{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replicate predictions: GET /v1/predictions/{id}</source>
        <translation>Replicate 预测任务：GET /v1/predictions/{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fal queue: GET {base}/{model}/requests/{request}/status, then the result</source>
        <translation>fal 队列：GET {base}/{model}/requests/{request}/status，再取结果</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The poll interval must be between {low} and {high} seconds.</source>
        <translation>查询间隔必须在 {low} 到 {high} 秒之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max concurrent requests must be between {low} and {high}.</source>
        <translation>最大并发请求必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/dialog.py" line="+70"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+49"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formats</source>
        <translation>接口格式</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (HTTP(S)_PROXY from the environment applies)</source>
        <translation>不使用（沿用环境变量 HTTP(S)_PROXY）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>(the format&apos;s default)</source>
        <translation>（按接口格式默认）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Format:</source>
        <translation>接口格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base URL:</source>
        <translation>接口地址：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auth:</source>
        <translation>认证方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poll interval:</source>
        <translation>查询间隔：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max concurrent requests:</source>
        <translation>最大并发请求：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy:</source>
        <translation>代理：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsure of the format?</source>
        <translation>不确定接口格式？</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>No provider yet. Press Add to set one up.</source>
        <translation>还没有服务商。点击“添加”来设置一个。</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/presets.py" line="-6"/>
        <source>Auth must be bearer, raw, none, header:NAME (for example header:x-goog-api-key), prefix:WORD or kling-jwt.</source>
        <translation>认证方式须为 bearer、raw、none、header:名称（例如 header:x-goog-api-key）、prefix:前缀词 或 kling-jwt。</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/dialog.py" line="+126"/>
        <source>Tracked tasks refer to a saved provider by its name.</source>
        <translation>已跟踪的任务按名称关联已保存的服务商，因此名称不可更改。</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/key_hint.py" line="+14"/>
        <source>This provider needs no key (its auth is “none”).</source>
        <translation>此服务商不需要密钥（其认证方式为“none”）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new key will be saved to the keyring.</source>
        <translation>新密钥将保存到系统密钥环。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Using the key from the environment variable {name}.</source>
        <translation>正在使用环境变量 {name} 中的密钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A key is stored in the keyring. Type a new one to replace it.</source>
        <translation>系统密钥环中已有密钥。输入新密钥即可替换。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No key yet. It is stored only in the system keyring (or set {name}).</source>
        <translation>尚未设置密钥。密钥只保存在系统密钥环中（也可设置环境变量 {name}）。</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/dialog.py" line="+42"/>
        <source>paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A provider named “{name}” already exists.</source>
        <translation>已有名为“{name}”的服务商。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/presets.py" line="-6"/>
        <source>The name may hold letters, digits, spaces and . _ - (at most 64, starting with a letter or digit).</source>
        <translation>名称只能包含字母、数字、空格和 . _ -（最多 64 个字符，以字母或数字开头）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base URL must look like https://host[:port][/path], without a query or fragment.</source>
        <translation>接口地址应形如 https://主机[:端口][/路径]，且不能带查询参数或片段。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The proxy must be an http, https or socks5 URL with a host.</source>
        <translation>代理必须是带主机名的 http、https 或 socks5 地址。</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/dialog.py" line="+32"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/settings/flow.py" line="-58"/>
        <source>Saving failed; see the log for details.</source>
        <translation>保存失败，详情请查看日志。</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/look/theme.py" line="+13"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>SkippedNote</name>
    <message>
        <location filename="../../videomon/ui/settings/skipped_note.py" line="+25"/>
        <source>Not shown, not polled: &lt;b&gt;{name}&lt;/b&gt; — {problem}</source>
        <translation>未显示、未轮询：&lt;b&gt;{name}&lt;/b&gt; — {problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its tasks stay tracked. A provider added here under the same name takes its place.</source>
        <translation>它的任务仍在跟踪中。在此添加的同名服务商将取代它。</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <location filename="../../videomon/ui/window/status_summary.py" line="+59"/>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / 共 {total}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;Demo&lt;/b&gt;: the tasks of the demo-… providers come from a relay simulated on this computer (no key, no network); it stays until you remove it. &lt;a href=&apos;remove-demo&apos;&gt;Remove the demo&lt;/a&gt;</source>
        <translation>&lt;b&gt;演示&lt;/b&gt;：demo-… 服务商的任务来自本机模拟的中转站（无需密钥，不联网）；移除前会一直保留。&lt;a href=&apos;remove-demo&apos;&gt;移除演示&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;{profile}&lt;/b&gt;: {message} — polling is paused until the key changes. &lt;a href=&apos;{link}&apos;&gt;Open Settings&lt;/a&gt;</source>
        <translation>&lt;b&gt;{profile}&lt;/b&gt;：{message}——更换密钥之前暂停查询。&lt;a href=&apos;{link}&apos;&gt;打开设置&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{profile}&lt;/b&gt; is not polled: {message}. &lt;a href=&apos;{link}&apos;&gt;Open Settings&lt;/a&gt;</source>
        <translation>&lt;b&gt;{profile}&lt;/b&gt; 未在轮询：{message}。&lt;a href=&apos;{link}&apos;&gt;打开设置&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Video ready</source>
        <translation>视频已生成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Task failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{task}: {error}</source>
        <translation>{task}：{error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title}: {text}</source>
        <translation>{title}：{text}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{active} active · {finished} finished · {failed} failed</source>
        <translation>进行中 {active} · 已完成 {finished} · 失败 {failed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · {not_found} not found</source>
        <translation> · 未找到 {not_found}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · {paused} paused</source>
        <translation> · 已暂停 {paused}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>videomon — {active} active</source>
        <translation>videomon — {active} 个进行中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ network problem — retrying</source>
        <translation>⚠ 网络异常，正在重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● online</source>
        <translation>● 在线</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/library/tags_dialog.py" line="+32"/>
        <source>Tags for %n task(s)</source>
        <translation>
            <numerusform>%n 个任务的标签</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. corgi, client A</source>
        <translation>例如：柯基, 客户 A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags to add</source>
        <translation>要添加的标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add tags (commas between them):</source>
        <translation>添加标签（用逗号分隔）(&amp;A)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tags the selection has</source>
        <translation>所选任务已有的标签</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Keep these tags (uncheck one to remove it):</source>
        <translation>保留这些标签（取消勾选即删除）(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>TaskArea</name>
    <message>
        <location filename="../../videomon/ui/window/task_area.py" line="+19"/>
        <source>&lt;p style=&apos;font-size:15px&apos;&gt;&lt;b&gt;No tasks tracked yet&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Copy one or more task IDs (or task URLs) and press &lt;b&gt;Ctrl+V&lt;/b&gt; here,&lt;br&gt;drop text on this window, or use &lt;b&gt;Add tasks…&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15px&apos;&gt;&lt;b&gt;还没有跟踪任何任务&lt;/b&gt;&lt;/p&gt;&lt;p&gt;复制一个或多个任务 ID（或任务链接），在这里按 &lt;b&gt;Ctrl+V&lt;/b&gt;，&lt;br&gt;或把文字拖到窗口上，也可以使用&lt;b&gt;添加任务…&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>TaskFilterProxy</name>
    <message>
        <location filename="../../videomon/ui/table/order.py" line="+14"/>
        <source>All</source>
        <extracomment>the state filter&apos;s choices: name → the groups it shows (None: all)</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starred</source>
        <extracomment>beyond the state groups, the state filter offers the starred tasks and each tag in use</extracomment>
        <translation>已加星标</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <location filename="../../videomon/ui/table/columns.py" line="+54"/>
        <source>Task ID</source>
        <extracomment>&quot;demo-openai&quot;, &quot;37% · no change&quot; (or &quot;37%&quot;), &quot;12 s ago · next in 5 s&quot; still read at the minimums; the last shown column takes the rest of the width</extracomment>
        <translation>任务 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elapsed</source>
        <translation>用时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/table/model.py" line="+326"/>
        <source>When the provider was last asked, and when it will be asked next</source>
        <extracomment>the user typed a title in the first column (F2): ref, text (&quot;&quot; clears it)</extracomment>
        <translation>上次向服务商查询的时间，以及下次查询的时间</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/table/cells.py" line="+68"/>
        <source>progress unknown</source>
        <extracomment>the prompt&apos;s first words stand in for a title up to this many characters</extracomment>
        <translation>进度未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state}, {amount}</source>
        <translation>{state}，{amount}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Polling paused; the task was {state} when last checked</source>
        <translation>已暂停查询；上次查询时任务状态为“{state}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The provider reports {percent}%, unchanged for {time}</source>
        <translation>服务商报告进度 {percent}%，已 {time} 没有变化</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The video link expires in {time}; download it before then.</source>
        <translation>视频链接将在 {time} 后过期，请在此之前下载。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{state}: {reasons}</source>
        <translation>{state}：{reasons}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Prompt: {prompt}</source>
        <translation>提示词：{prompt}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags: {tags}</source>
        <translation>标签：{tags}</translation>
    </message>
</context>
<context>
    <name>TaskTableView</name>
    <message numerus="yes">
        <location filename="../../videomon/ui/table/view.py" line="+37"/>
        <source>%n videos</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location line="+192"/>
        <source>No task matches “{text}”. Esc clears the filter.</source>
        <translation>没有任务匹配“{text}”。按 Esc 清除筛选。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No task is in this state. “All” shows every task.</source>
        <translation>没有处于此状态的任务。选择“全部”显示所有任务。</translation>
    </message>
</context>
<context>
    <name>TileDelegate</name>
    <message>
        <location filename="../../videomon/ui/library/gallery.py" line="-71"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../videomon/ui/desktop/tray.py" line="+46"/>
        <source>Show videomon</source>
        <translation>显示 videomon</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>videomon — {active} active, {finished} finished, {failed} failed</source>
        <translation>videomon — 进行中 {active}，已完成 {finished}，失败 {failed}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, {not_found} not found</source>
        <translation>，未找到 {not_found}</translation>
    </message>
</context>
<context>
    <name>VideomonApp</name>
    <message>
        <location filename="../../videomon/app.py" line="+189"/>
        <source>videomon cannot start</source>
        <translation>videomon 无法启动</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../videomon/ui/settings/presets.py" line="-108"/>
        <source>OpenAI Sora, or a compatible relay</source>
        <extracomment>the four the welcome shows as cards; `MORE_PRESETS` are in its &quot;More video APIs&quot; list</extracomment>
        <translation>OpenAI Sora 或兼容的中转站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /v1/videos/{id} — the OpenAI Videos API and most Sora relays</source>
        <translation>GET /v1/videos/{id} — OpenAI Videos API 及大多数 Sora 中转站</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Bearer key</source>
        <translation>Bearer 密钥</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unified video relay</source>
        <translation>统一视频中转站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /v2/videos/generations/{id} — relays that serve Veo, Sora and Kling through one endpoint</source>
        <translation>GET /v2/videos/generations/{id} — 用同一个接口提供 Veo、Sora 和可灵的中转站</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Task-style relay</source>
        <translation>任务式中转站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /v1/videos/tasks/{id} — relays answering with a task object</source>
        <translation>GET /v1/videos/tasks/{id} — 以任务对象作答的中转站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the bare key</source>
        <translation>直接填写密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Google Gemini API (Veo)</source>
        <translation>Google Gemini API（Veo）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /v1beta/{operation} — Veo long-running operations</source>
        <translation>GET /v1beta/{operation} — Veo 长时运行操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>x-goog-api-key header</source>
        <translation>x-goog-api-key 请求头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kling (official API)</source>
        <translation>可灵（官方接口）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /v1/videos/text2video/{id} — Kling&apos;s own API; the key is ACCESS_KEY:SECRET_KEY</source>
        <translation>GET /v1/videos/text2video/{id} — 可灵自有接口；密钥填 ACCESS_KEY:SECRET_KEY</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a signed token (made for you)</source>
        <translation>签名令牌（自动生成）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kling through a relay</source>
        <translation>经中转站使用可灵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /kling/v1/videos/text2video/{id} — relays passing Kling through</source>
        <translation>GET /kling/v1/videos/text2video/{id} — 转发可灵的中转站</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Doubao Seedance (Volcengine Ark)</source>
        <translation>豆包 Seedance（火山方舟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /api/v3/contents/generations/tasks/{id}</source>
        <translation>GET /api/v3/contents/generations/tasks/{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alibaba Wan (DashScope)</source>
        <translation>阿里万相（DashScope）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /api/v1/tasks/{id}</source>
        <translation>GET /api/v1/tasks/{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MiniMax Hailuo</source>
        <translation>MiniMax 海螺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /v1/query/video_generation, then the file by its ID</source>
        <translation>GET /v1/query/video_generation，再按文件 ID 获取文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runway</source>
        <translation>Runway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /v1/tasks/{id}</source>
        <translation>GET /v1/tasks/{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Luma Dream Machine</source>
        <translation>Luma Dream Machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /dream-machine/v1/generations/{id}</source>
        <translation>GET /dream-machine/v1/generations/{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replicate</source>
        <translation>Replicate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET /v1/predictions/{id}</source>
        <translation>GET /v1/predictions/{id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fal</source>
        <translation>fal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET {model}/requests/{id}/status, then the result</source>
        <translation>GET {model}/requests/{id}/status，再获取结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Key …” header</source>
        <translation>“Key …”密钥请求头</translation>
    </message>
    <message>
        <location filename="../../videomon/ui/window/welcome.py" line="+31"/>
        <source>&lt;h2&gt;Welcome to videomon&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 videomon&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>videomon follows your video-generation tasks at the provider you generate with, shows their progress, and saves the finished videos. Add that provider first, then paste your task IDs here (Ctrl+V).</source>
        <translation>videomon 会到您生成视频的服务商那里跟踪每个生成任务，显示进度，并保存生成好的视频。请先添加服务商，再把任务 ID 粘贴到这里（Ctrl+V）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Example tasks on a relay simulated on this computer — no key, no network. They progress, finish, preview and download in under a minute; one click removes them.</source>
        <translation>示例任务运行在本机模拟的中转站上——无需密钥，不联网。它们会在一分钟内走完进度、生成、预览和下载的全过程；一键即可移除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to my tasks</source>
        <translation>返回我的任务</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Add a provider&lt;/b&gt;</source>
        <translation>&lt;b&gt;添加服务商&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Or look around first&lt;/b&gt;</source>
        <translation>&lt;b&gt;或者先随便看看&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> · &lt;a href=&apos;{url}&apos;&gt;docs&lt;/a&gt;</source>
        <translation> · &lt;a href=&apos;{url}&apos;&gt;文档&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base URL like {url} · key as {auth}</source>
        <translation>接口地址形如 {url} · 密钥：{auth}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>More video APIs</source>
        <translation>更多视频接口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the chosen video API</source>
        <translation>添加所选视频接口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More video APIs:</source>
        <translation>更多视频接口：</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../videomon/ui/window/actions.py" line="+62"/>
        <source>Add tasks…</source>
        <translation>添加任务…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Track task IDs typed or pasted in a dialog</source>
        <translation>在对话框中输入或粘贴要跟踪的任务 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste task IDs</source>
        <translation>粘贴任务 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh now</source>
        <translation>立即刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the selected tasks (or all) now</source>
        <translation>立即查询所选任务（未选则查询全部）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop polling the selection</source>
        <translation>停止查询所选任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poll the selection again</source>
        <translation>恢复查询所选任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downloaded rows: the files; others: the task IDs</source>
        <translation>已下载的行复制文件，其余复制任务 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy ID</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy video URL</source>
        <translation>复制视频链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open URL in browser</source>
        <translation>在浏览器中打开链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+143"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Download (or retry) the selected finished videos</source>
        <translation>下载（或重试下载）所选的已生成视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play / pause</source>
        <translation>播放／暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop tracking the selection (can be undone)</source>
        <translation>停止跟踪所选任务（可撤销）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo remove</source>
        <translation>撤销移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the task a title (shown instead of its ID)</source>
        <translation>为任务起标题（代替任务 ID 显示）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Star / unstar</source>
        <translation>加星标 / 取消星标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selection as keepers (the filter&apos;s Starred)</source>
        <translation>把所选任务标为值得保留（筛选中的“已加星标”）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add or remove tags on the selection</source>
        <translation>为所选任务添加或删除标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the selection (or the tasks shown) to CSV or JSON</source>
        <translation>把所选任务（或显示的任务）写入 CSV 或 JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Track the tasks of a videomon JSON export</source>
        <translation>跟踪 videomon JSON 导出文件中的任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import from a provider…</source>
        <translation>从服务商导入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Track the tasks a provider&apos;s own list shows</source>
        <translation>跟踪服务商自己的列表中的任务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the tasks as a table</source>
        <translation>以表格显示任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the videos as pictures (Ctrl+2; Ctrl+1: the table)</source>
        <translation>以图片显示视频（Ctrl+2；Ctrl+1：表格）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter (Ctrl+F)</source>
        <translation>筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter tasks</source>
        <translation>筛选任务</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show tasks</source>
        <translation>显示任务</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Retry download</source>
        <translation>重试下载</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../videomon/ui/wording.py" line="+38"/>
        <location line="+16"/>
        <source>Not found</source>
        <extracomment>running with the same progress for this long: the number is a placeholder, not progress</extracomment>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+16"/>
        <source>Stale</source>
        <translation>长时间无更新</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not polled</source>
        <translation>未查询</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>生成中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Succeeded</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{days}d {hours}h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{last} · not polled</source>
        <translation>{last} · 未轮询</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{last} · checking…</source>
        <translation>{last} · 正在查询…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{last} · next in {wait}</source>
        <translation>{last} · {wait} 后再查</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>error code {code}</source>
        <translation>错误码 {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the provider gave no reason</source>
        <translation>服务商未说明原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>download failed: {reason}</source>
        <translation>下载失败：{reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{text}: {reasons}</source>
        <translation>{text}：{reasons}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The provider does not know this task</source>
        <translation>服务商查不到这个任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider rejected the key</source>
        <translation>服务商拒绝了密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many requests</source>
        <translation>请求过于频繁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider&apos;s server failed</source>
        <translation>服务商的服务器出错</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No connection to the provider</source>
        <translation>无法连接服务商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected answer from the provider</source>
        <translation>服务商返回了无法识别的响应</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown status &apos;{word}&apos; (asked again; the state is kept)</source>
        <translation>未知状态“{word}”（会再次查询；保持原状态）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the video link is missing ({why}); asked again later</source>
        <translation>缺少视频链接（{why}）；稍后再次查询</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{headline}: {details}</source>
        <translation>{headline}：{details}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{size}/s</source>
        <translation>{size}/秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled (resumable)</source>
        <translation>已取消（可续传）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>link expired</source>
        <translation>链接已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>link expires in {time}</source>
        <translation>链接将在 {time} 后过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no keyring service is available</source>
        <translation>没有可用的密钥环服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the keyring is locked</source>
        <translation>密钥环已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the keyring could not be opened (is the Secret Service running and unlocked?)</source>
        <translation>无法打开密钥环（密钥服务是否已运行并解锁？）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the keyring did not answer in time</source>
        <translation>密钥环没有及时响应</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>API keys cannot be saved: {reason}. Unlock or install a Secret Service (gnome-keyring, KWallet), or set VIDEOMON_API_KEY_&lt;PROFILE&gt; in the environment; keys from the environment keep working.</source>
        <translation>无法保存 API 密钥：{reason}。请解锁或安装密钥服务（gnome-keyring、KWallet），或在环境变量中设置 VIDEOMON_API_KEY_&lt;PROFILE&gt;；来自环境变量的密钥仍可正常使用。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected: {host} answered in the {dialect} format and accepted the key.</source>
        <translation>连接成功：{host} 作为 {dialect} 格式的服务商作答，并接受了密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected: {host} answered and accepted the key (it does not know the test task, as expected).</source>
        <translation>连接成功：{host} 已响应并接受了密钥（查不到测试任务，这是正常的）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider rejected the key: {details}. No key is set for this provider.</source>
        <translation>服务商拒绝了密钥：{details}。这个服务商还没有设置密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provider rejected the key: {details}.</source>
        <translation>服务商拒绝了密钥：{details}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not working: {details}</source>
        <translation>连接失败：{details}</translation>
    </message>
</context>
</TS>
