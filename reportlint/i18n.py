"""reportlint's own words (help, summary, notes, errors) in English or Chinese.

English is the source text: the code writes each message in English, as a
template with named values, ``t("Wrote {findings} to {path}.", findings=…,
path=…)``, and CHINESE below gives its translation, looked up by the English
template. A template missing from the table is shown in English (the tests
check that none is missing and that both sides name the same values). Counts
go through ``tn``: English says "1 finding" and "2 findings" (PLURALS gives the
second form), Chinese says 个 either way.

What is never translated: the rule messages (Chinese already), the level
words in the header of a finding (``warning:``, for editors' problem
matchers), and the JSON, SARIF and GitHub formats, which are machine contracts.
Paths, offsets, option names and rule codes stay as they are inside a Chinese
sentence.

An error made far from the command line (a file that cannot be decoded, a
config key that does not exist) is a ``Message``: a str whose text is the
English one, so that the SARIF and GitHub outputs and the Python API see
English, which remembers its template and values, so that the command line can
show it in Chinese (``localize``). It survives pickling (``--jobs``).

The language, highest first: ``--lang``; the environment variable
``REPORTLINT_LANG``; the locale (the first of ``LC_ALL``, ``LC_MESSAGES``,
``LANG`` that is set and not empty, as POSIX reads them; on Windows, which
sets none of them, the user's locale); a value starting with ``zh`` means
zh-CN, any other value English. ``C.UTF-8`` and ``en_US.UTF-8`` (CI machines)
are English.
"""

from __future__ import annotations

import os
import string
import sys
from collections.abc import Iterable, Mapping
from typing import Any

EN, ZH_CN = "en", "zh-CN"
LANGUAGES = (EN, ZH_CN)
ENV_VAR = "REPORTLINT_LANG"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None


def use(language: str | None) -> None:
    """Speak *language* from now on (``--lang``); None: the environment's choice again."""
    global _chosen
    _chosen = normalize(language)


def current() -> str:
    """The language messages are shown in now."""
    return _chosen or from_environment()


def normalize(value: str | None) -> str | None:
    """The language a --lang, REPORTLINT_LANG or locale value names (zh, zh-CN, zh_CN.UTF-8,
    zh_TW: zh-CN; en, C.UTF-8, fr_FR: English), or None for an empty value."""
    if value is None or not value.strip():
        return None
    return ZH_CN if value.strip().lower().startswith("zh") else EN


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language REPORTLINT_LANG or the locale asks for; English when neither says."""
    environ = os.environ if environ is None else environ
    chosen = normalize(environ.get(ENV_VAR))
    if chosen:
        return chosen
    for name in LOCALE_VARS:
        # As POSIX reads them: the first one set decides, so LC_ALL=C overrides LANG=zh_CN.UTF-8.
        chosen = normalize(environ.get(name))
        if chosen:
            return chosen
    if environ is os.environ and sys.platform == "win32":
        return _windows_language()
    return EN


def _windows_language() -> str:
    """Windows sets no LANG: the user's locale ('Chinese (Simplified)_China' or zh_CN)."""
    import locale

    name = (locale.getlocale()[0] or "").lower()
    return ZH_CN if name.startswith(("zh", "chinese")) else EN


def t(template: str, /, **values: Any) -> str:
    """*template* in the current language, with *values* filled in."""
    return translate(current(), template, **values)


def tn(template: str, count: int, /, **values: Any) -> str:
    """A template about *count* things (``{count} finding``): English uses PLURALS's
    form for any count but one; Chinese has one form."""
    language = current()
    if language == EN and count != 1:
        template = PLURALS[template]
    return translate(language, template, count=count, **values)


def translate(language: str, template: str, /, **values: Any) -> str:
    """*template* in *language*: its entry in that language's table, or the English."""
    if language != EN:
        template = CATALOGS[language].get(template, template)
    return template.format(**{key: localize(value, language) if isinstance(value, Message) else value
                              for key, value in values.items()})


def N_(template: str) -> str:
    """Marks an English text that is translated where it is shown (click's help texts,
    by localize), as gettext's N_ does: it returns *template* unchanged."""
    return template


def join(items: Iterable[str]) -> str:
    """"a, b, c" in English, "a，b，c" in Chinese."""
    return LIST_SEPARATORS[current()].join(items)


class Message(str):
    """An English message (it *is* that str) that can be shown in another language."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        self = super().__new__(cls, translate(EN, template, **values))
        self.template, self.values = template, values
        return self

    def __reduce__(self):
        return _message, (self.template, self.values)

    def localized(self, language: str | None = None) -> str:
        return translate(language or current(), self.template, **self.values)


def _message(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


def localize(text: str | None, language: str | None = None) -> str | None:
    """*text* in the current language (or *language*): a Message in its translation; a
    plain str that is an entry of the table without values (``permission denied``,
    click's ``Options``) in that entry's translation; any other text as it is."""
    if text is None:
        return None
    language = language or current()
    if isinstance(text, Message):
        return text.localized(language)
    if language == EN or "{" in text:
        return text
    return CATALOGS[language].get(text, text)


def message_of(error: BaseException) -> str:
    """The message of an exception raised with one: the Message itself (str(error) would
    make it a plain str), else str(error)."""
    if len(error.args) == 1 and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)


def reason_of(error: OSError) -> str:
    """Why an operating system call failed, in a few words: the common cases as Messages
    (translated where shown), any other as the system says it."""
    if isinstance(error, PermissionError):
        return Message("permission denied")
    if isinstance(error, FileNotFoundError):
        return Message("no such file or folder")
    if isinstance(error, IsADirectoryError):
        return Message("is a directory")
    return error.strerror or str(error)


def placeholders(template: str) -> set[str]:
    """The named values a template uses, with their conversion and format (``size:,``)."""
    fields = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            fields.add(name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
    return fields


LIST_SEPARATORS = {EN: ", ", ZH_CN: "，"}

#: English forms of the tn templates for a count other than one.
PLURALS: dict[str, str] = {
    "{count} finding": "{count} findings",
    "{count} file": "{count} files",
    "{count} error": "{count} errors",
    "{count} warning": "{count} warnings",
    "{count} info": "{count} info",
}

#: English template → zh-CN. Full-width punctuation in the Chinese sentence; what the
#: user types or looks for (paths, options, rule codes, offsets) exactly as in English.
CHINESE: dict[str, str] = {
    # --- the command line: prefixes, summary, notes -------------------------------------
    "reportlint: error: {message}": "reportlint: 错误：{message}",
    "reportlint: warning: {message}": "reportlint: 警告：{message}",
    "reportlint: interrupted": "reportlint: 已中断",
    "{count} finding": "{count} 个问题",
    "{count} file": "{count} 个文件",
    "{count} error": "{count} 个错误",
    "{count} warning": "{count} 个警告",
    "{count} info": "{count} 个提示",
    "{files} ({count} could not be checked)": "{files}（另有 {count} 个无法检查）",
    "All clear: no findings in {files}.": "全部通过：检查了 {files}，没有发现问题。",
    "No findings in {files}.": "检查了 {files}，没有发现问题。",
    "Found {findings} ({levels}) in {files}.": "检查了 {files}，发现 {findings}（{levels}）。",
    "{summary} {hint}": "{summary}{hint}",  # a Chinese sentence ends in 。, with no space after it
    "{count} fixable with --fix.": "其中 {count} 个可用 --fix 修复。",
    "{count} more fixable with --fix.": "还有 {count} 个可用 --fix 修复。",
    "{count} fixable with --fix --unsafe-fixes.": "其中 {count} 个可用 --fix --unsafe-fixes 修复。",
    "{count} more fixable with --fix --unsafe-fixes.": "还有 {count} 个可用 --fix --unsafe-fixes 修复。",
    "{safe} fixable with --fix; {unsafe} more with --fix --unsafe-fixes.":
        "其中 {safe} 个可用 --fix 修复，另有 {unsafe} 个可用 --fix --unsafe-fixes 修复。",
    "{safe} more fixable with --fix; {unsafe} more with --fix --unsafe-fixes.":
        "还有 {safe} 个可用 --fix 修复，另有 {unsafe} 个可用 --fix --unsafe-fixes 修复。",
    "Fixed {findings} in {files}.": "已修复 {files}中的 {findings}。",
    "Would fix {findings} in {files}.": "--fix 将修复 {files}中的 {findings}。",
    "No fixes to apply.": "没有可应用的修复。",
    "{path}: not fixed: {reason}": "{path}: 未修复：{reason}",
    "Wrote {findings} to {path}.": "已将 {findings}写入 {path}。",
    "reportlint: wrote the HTML report to {path}. {summary}": "reportlint: 已将 HTML 审阅报告写入 {path}。{summary}",
    "{findings} recorded in {path} not shown.": "{path} 中记录的 {findings}未显示。",
    "{done}/{total} files": "{done}/{total} 个文件",
    "{option} applies to the text and concise formats, not {format}":
        "{option} 只适用于 text 和 concise 格式，不适用于 {format}",
    "--write-baseline cannot be combined with {option}": "--write-baseline 不能与 {option} 同时使用",
    "--watch cannot be combined with {option}": "--watch 不能与 {option} 同时使用",
    "--watch needs watchfiles: pip install 'reportlint[watch]'": "--watch 需要 watchfiles：pip install 'reportlint[watch]'",
    "--watch: none of the paths is in a folder that exists": "--watch：所给路径所在的文件夹都不存在",
    "[{time}] Checked again: {files}": "[{time}] 已重新检查：{files}",
    "[{time}] Watching for changes (Ctrl-C to stop)…": "[{time}] 正在监视文件改动（按 Ctrl-C 停止）……",
    "--output-file: cannot write {path}: {reason}": "--output-file: 无法写入 {path}：{reason}",
    "rule {code} ({name}) crashed on {path}: {error} at {where}":
        "规则 {code}（{name}）检查 {path} 时崩溃：{error}，位于 {where}",
    "the process checking it failed: {error}": "检查它的进程失败：{error}",
    # archive (reportlint.archive, on Dask)
    "--workers sets the size of the local cluster: it cannot be combined with --scheduler":
        "--workers 设定本机集群的规模：不能与 --scheduler 同时使用",
    "Checked {files}: {findings}, {errors}.": "已检查 {files}：{findings}，{errors}。",
    "rule {code} ({name}) crashed: {error} at {where}": "规则 {code}（{name}）崩溃：{error}，位于 {where}",
    "standard input cannot be sent to a cluster; name files or folders": "标准输入无法发送到集群；请指定文件或文件夹",
    "archive needs dask and distributed: pip install 'reportlint[dask]'":
        "archive 需要 dask 和 distributed：pip install 'reportlint[dask]'",
    "cannot reach the Dask scheduler at {address}: {reason}": "无法连接 {address} 处的 Dask 调度器：{reason}",
    "internal error: {error}": "内部错误：{error}",
    # --show-settings, rules, rule
    "config file: {path}": "配置文件：{path}",
    "(none: the defaults)": "（无，使用默认设置）",
    "rules ({count}):": "规则（{count} 条）：",
    "code": "代码",
    "name": "名称",
    "severity": "级别",
    "fixable": "可修复",
    "fix": "修复方式",
    "Plain --fix applies its safe fixes, which change no word.": "直接用 --fix 即可应用其安全修复，不改动任何字词。",
    "Its unsafe fixes may change words: they need --fix --unsafe-fixes (review them with --diff).":
        "其非安全修复可能改动字词，需用 --fix --unsafe-fixes（可先用 --diff 查看）。",
    "summary": "说明",
    "never": "否",
    "sometimes": "部分",
    "always": "是",
    "Default severity: {severity}. Fixable: {fixable}. Source: {source}.":
        "默认级别：{severity}。可修复：{fixable}。来源：{source}。",
    "Defaults:": "选项默认值：",
    # --- help ------------------------------------------------------------------------------
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "reportlint: lint Chinese official documents and reports.": "reportlint：检查中文公文和工作报告。",
    "Language of reportlint's own messages (default: REPORTLINT_LANG, else the locale: zh-CN when it is "
    "Chinese, else en).":
        "reportlint 自身提示信息的语言（默认：按 REPORTLINT_LANG，未设置时按系统区域设置：中文为 zh-CN，否则为 en）。",
    "Run the language server for editors: LSP over standard input and output.":
        "运行供编辑器使用的语言服务器：通过标准输入和标准输出使用 LSP 通信。",
    "Talk over standard input and output (the default; for editors that pass it).":
        "通过标准输入和标准输出通信（默认方式；供传入此选项的编辑器使用）。",
    "the language server needs pygls: pip install 'reportlint[lsp]'":
        "语言服务器需要 pygls：pip install 'reportlint[lsp]'",
    "Check PATHS (files, folders, or - for stdin; default: the working folder).":
        "检查 PATHS（文件、文件夹，或用 - 表示标准输入；默认为当前文件夹）。",
    "Output format (default: text).": "输出格式（默认：text）。",
    "Rules to run (codes, names or prefixes, comma-separated); replaces the config's select, extend-select "
    "and ignore.":
        "要运行的规则（代码、名称或前缀，以逗号分隔）；取代配置中的 select、extend-select 和 ignore。",
    "Rules to enable in addition to the config's select.": "在配置的 select 之外再启用的规则。",
    "Rules to disable (codes, names or prefixes, comma-separated).": "要停用的规则（代码、名称或前缀，以逗号分隔）。",
    "Use this config file for every checked file.": "所有被检查的文件都使用此配置文件。",
    "Read files in this encoding instead of detecting it.": "按此编码读取文件，不自动检测编码。",
    "The name of the file read from stdin (-).": "从标准输入（-）读取的文件的名称。",
    "Write the report to this file instead of standard output (any format).":
        "把报告写入此文件，而不是标准输出（适用于所有格式）。",
    "Print the number of findings per rule (text and concise formats).": "按规则列出问题数量（text 和 concise 格式）。",
    "Exit 0 even when there are findings.": "即使发现问题，退出码也为 0。",
    "The least severity that makes the exit code 1 (default: the config's fail-level, else warning).":
        "使退出码为 1 的最低级别（默认：配置中的 fail-level，未配置时为 warning）。",
    "Print findings only, no source excerpts or summary (text and concise formats).":
        "只输出问题，不显示原文摘录和汇总（text 和 concise 格式）。",
    "Colour the text output (default: on a terminal; FORCE_COLOR forces it, NO_COLOR turns it off).":
        "彩色输出（默认：仅在终端中；设置 FORCE_COLOR 时总用彩色，设置 NO_COLOR 时不用彩色）。",
    "Apply the safe fixes to the files (stdin: print the fixed text); report what remains.":
        "对文件应用安全的修复（标准输入：输出修复后的文本），并报告剩余的问题。",
    "With --fix or --diff: apply the unsafe fixes too (they may change words).":
        "与 --fix 或 --diff 同用：也应用不安全的修复（可能改动用词）。",
    "Print the unified diff of what --fix would change, and write nothing.":
        "以 unified diff 格式输出 --fix 将做的改动，不写入任何文件。",
    "Show each finding's fix as before → after (text format).": "以“修改前 → 修改后”显示每个问题的修复（text 格式）。",
    "Report only findings not recorded in this baseline file.": "只报告此基线文件中没有记录的问题。",
    "Record the findings in this baseline file instead of reporting them.": "把发现的问题记录到此基线文件中，不输出报告。",
    "Files to check in folders (globs, comma-separated); replaces the config's include.":
        "在文件夹中检查哪些文件（通配符，以逗号分隔）；取代配置中的 include。",
    "Files to check in folders in addition to include.": "在 include 之外，文件夹中还要检查的文件。",
    "Files and folders to skip (globs, comma-separated); replaces the config's exclude and the defaults.":
        "要跳过的文件和文件夹（通配符，以逗号分隔）；取代配置中的 exclude 和默认值。",
    "Files and folders to skip in addition to exclude.": "在 exclude 之外还要跳过的文件和文件夹。",
    "Skip what .gitignore files ignore (default: on).": "跳过 .gitignore 文件所忽略的内容（默认：开启）。",
    "Apply exclude to the files named on the command line too (for pre-commit).":
        "对命令行中指定的文件也应用 exclude（用于 pre-commit）。",
    "Check files in this many processes (default: one per core, fewer for a few small files).": "用这么多个进程检查文件（默认：每个 CPU 核一个，文件少而小时更少）。",
    "List the files that would be checked, and check nothing.": "列出将被检查的文件，不做检查。",
    "Check again what changed each time a file is saved, until Ctrl-C.": "每次保存文件后重新检查改动的文件，直到按 Ctrl-C。",
    "Print the config file and the rules that apply to each file, and check nothing.":
        "显示每个文件所用的配置文件和规则，不做检查。",
    "List every rule: code, name, default severity, fixable, summary.": "列出所有规则：代码、名称、默认级别、能否修复、说明。",
    "Include the rule packs this config names.": "包括此配置文件指定的规则包。",
    "Show the documentation of RULE (a code or a name).": "显示规则 RULE（代码或名称）的文档。",
    "Lint PATHS on a Dask cluster (an archive of many documents) and write the findings as JSON Lines: one finding, "
    "or one file that could not be read, a line.":
        "在 Dask 集群上检查 PATHS（大量文档组成的档案），以 JSON Lines 格式输出：每行一个问题，或一个无法读取的文件。",
    "The Dask scheduler to run on (tcp://host:8786); default: a local cluster, closed afterwards.":
        "所用的 Dask 调度器（tcp://host:8786）；默认：在本机启动一个集群，用完即关闭。",
    "Worker processes of the local cluster (default: the number of cores).": "本机集群的工作进程数（默认：CPU 核数）。",
    "Files in one Dask task (default: about eight tasks a worker, at most 128).":
        "每个 Dask 任务检查的文件数（默认：每个工作进程约八个任务，至多 128 个文件）。",
    "Write the JSON Lines to this file instead of standard output.": "把 JSON Lines 写入此文件，而不是标准输出。",
    # --- files and folders -----------------------------------------------------------------
    "no such file or folder": "文件或文件夹不存在",
    "no such file": "文件不存在",
    "is a directory": "是文件夹，不是文件",
    "permission denied": "没有访问权限",
    "broken symbolic link: {target} does not exist": "符号链接已失效：{target} 不存在",
    "cannot read this folder: {reason}": "无法读取此文件夹：{reason}",
    "symbolic link loop: leads back to {folder}; not followed": "符号链接循环：指回 {folder}；未跟随",
    "no .md, .markdown, .txt or .docx files in this folder": "此文件夹中没有 .md、.markdown、.txt 或 .docx 文件",
    "no files matching {patterns} in this folder": "此文件夹中没有与 {patterns} 匹配的文件",
    # --- encodings -------------------------------------------------------------------------
    "file too large ({size:,} bytes; the limit is {limit:,} bytes)": "文件太大（{size:,} 字节；上限为 {limit:,} 字节）",
    "{message} (see {command} --help)": "{message}（见 {command} --help）",
    "cannot decode: looks like Korean (EUC-KR), which reads as plausible but meaningless GB18030; "
    "use --encoding {encoding} if that is what it is":
        "无法解码：看起来是韩文（EUC-KR），按 GB18030 读出来像中文却没有意义；如确是韩文，请用 --encoding {encoding}",
    "{path}: the fixes did not settle in {passes} passes; run again to apply the rest":
        "{path}：修复经过 {passes} 轮仍未完成；请再运行一次以应用其余修复",
    "more than {limit:,} bytes (the limit); not read to the end": "超过 {limit:,} 字节（上限），没有读完",
    "not a regular file (a pipe, device or socket); to read standard input, name it -":
        "不是普通文件（而是管道、设备或套接字）；要读取标准输入，请写 -",
    "binary file ({kind}), not a text document; save it as plain text (.txt)":
        "二进制文件（{kind}），不是文本文档；请另存为纯文本（.txt）",
    "binary file (contains NUL bytes), not a text document": "二进制文件（含有 NUL 字节），不是文本文档",
    "PNG image": "PNG 图片",
    "JPEG image": "JPEG 图片",
    "GIF image": "GIF 图片",
    "PDF document": "PDF 文档",
    "ZIP archive, e.g. a .docx, .xlsx or .odt document": "ZIP 压缩包，例如 .docx、.xlsx 或 .odt 文档",
    "old Word, Excel or WPS document": "旧版 Word、Excel 或 WPS 文档",
    "RTF document": "RTF 文档",
    "gzip archive": "gzip 压缩包",
    "7z archive": "7z 压缩包",
    "RAR archive": "RAR 压缩包",
    "unknown encoding {encoding}": "未知的编码 {encoding}",
    "{encoding} is not a text encoding": "{encoding} 不是文本编码",
    "cannot decode as {encoding}: invalid byte at offset {offset}": "无法按 {encoding} 解码：偏移量 {offset} 处有无效字节",
    "cannot decode as {encoding}: {error}": "无法按 {encoding} 解码：{error}",
    "cannot decode as {encoding} (detected, no BOM): invalid byte at offset {offset}; use --encoding to name "
    "the encoding":
        "无法按 {encoding} 解码（自动检测，无 BOM）：偏移量 {offset} 处有无效字节；请用 --encoding 指定编码",
    "cannot decode: looks like Big5 (traditional Chinese), which is not detected automatically; use "
    "--encoding {encoding}":
        "无法解码：看起来是 Big5（繁体中文）编码，不会自动识别；请用 --encoding {encoding}",
    "invalid byte 0x{byte:02X} at offset {offset}, line {line}": "无效字节 0x{byte:02X}（偏移量 {offset}，第 {line} 行）",
    "cannot decode: not UTF-8 ({where}) and not plausible GB18030 text; use --encoding to name the encoding":
        "无法解码：按 UTF-8 读取遇到{where}，按 GB18030 读取又不像中文文本；请用 --encoding 指定编码",
    "cannot decode: not UTF-8 ({where}) and not GB18030 ({where_gb18030}); use --encoding to name the encoding":
        "无法解码：按 UTF-8 读取遇到{where}，按 GB18030 读取遇到{where_gb18030}；请用 --encoding 指定编码",
    "cannot decode: UTF-8 text with {where}; fix that byte, or use --encoding to name the encoding":
        "无法解码：UTF-8 文本中遇到{where}；请修正该字节，或用 --encoding 指定编码",
    "cannot decode: GB18030 text with {where}; fix that byte, or use --encoding to name the encoding":
        "无法解码：GB18030 文本中遇到{where}；请修正该字节，或用 --encoding 指定编码",
    "cannot decode: mixed encodings, UTF-8 text up to {where} and GB18030 text from there; save the file in "
    "one encoding (or use --encoding to read it all as one)":
        "无法解码：编码混杂，前面是 UTF-8 文本，从{where}起是 GB18030 文本；请把文件保存为同一种编码"
        "（或用 --encoding 按一种编码读取全部内容）",
    "cannot decode: mixed encodings, GB18030 text and then UTF-8 text on line {line}; save the file in one "
    "encoding":
        "无法解码：编码混杂，前面是 GB18030 文本，第 {line} 行是 UTF-8 文本；请把文件保存为同一种编码",
    # --- Word files ------------------------------------------------------------------------
    "an old Word 97-2003 .doc file, not .docx: open it in Word or WPS and save it as .docx":
        "旧版 Word 97-2003 .doc 文件，不是 .docx：请用 Word 或 WPS 打开，另存为 .docx",
    "a password-protected Word file: remove the password in Word (or WPS) and save it again":
        "有密码保护的 Word 文件：请在 Word（或 WPS）中取消密码后重新保存",
    "an RTF file, not a Word .docx file: open it in Word or WPS and save it as .docx":
        "RTF 文件，不是 Word .docx 文件：请用 Word 或 WPS 打开，另存为 .docx",
    "not a Word .docx file (not a zip archive)": "不是 Word .docx 文件（不是 zip 压缩包）",
    "not a Word .docx file (broken zip archive: {error})": "不是 Word .docx 文件（zip 压缩包已损坏：{error}）",
    "not a Word .docx file (a zip archive without word/document.xml)":
        "不是 Word .docx 文件（zip 压缩包中没有 word/document.xml）",
    "not a Word .docx file (its main document part is missing)": "不是 Word .docx 文件（缺少主文档部件）",
    "not a Word .docx file ({error})": "不是 Word .docx 文件（{error}）",
    "not a Word .docx file (broken XML: {error})": "不是 Word .docx 文件（XML 已损坏：{error}）",
    "not a Word .docx file (no document body; Strict Open XML is not supported)":
        "不是 Word .docx 文件（没有文档正文；不支持 Strict Open XML）",
    "not a plausible Word file: {count:,} parts in the archive (the limit is {limit:,})":
        "不像是 Word 文件：压缩包中有 {count:,} 个部件（上限为 {limit:,}）",
    "refused: part {part} expands {ratio:,} times to {size:,} bytes (a zip bomb?)":
        "已拒绝：部件 {part} 解压后膨胀 {ratio:,} 倍，达 {size:,} 字节（疑似 zip 炸弹）",
    "refused: XML part {part} is {size:,} bytes unpacked (the limit is {limit:,})":
        "已拒绝：XML 部件 {part} 解压后有 {size:,} 字节（上限为 {limit:,}）",
    "refused: part {part} is encrypted": "已拒绝：部件 {part} 已加密",
    "refused: the archive unpacks to {size:,} bytes (the limit is {limit:,})":
        "已拒绝：压缩包解压后有 {size:,} 字节（上限为 {limit:,}）",
    "refused: XML part {part} declares a DOCTYPE or ENTITY (Word never writes one)":
        "已拒绝：XML 部件 {part} 声明了 DOCTYPE 或 ENTITY（Word 从不写入这些）",
    # --- config files ----------------------------------------------------------------------
    "config file": "配置文件",
    "rule pack": "规则包",
    "the command line": "命令行",
    "{where}: {error}": "{where}: {error}",
    "{path}: {what} not found": "{path}: 找不到{what}",
    "{path}: cannot read {what}: {error}": "{path}: 无法读取{what}：{error}",
    "{path}: invalid TOML: {error}": "{path}: TOML 格式错误：{error}",
    "{path}: unknown key {key}{hint}": "{path}: 未知的键 {key}{hint}",
    " (did you mean {name}?)": "（是否应为 {name}？）",
    "{path}: {key} must be a list of strings": "{path}: {key} 必须是字符串列表",
    "{path}: {key} must be a table": "{path}: {key} 必须是表（table）",
    "{path}: {key} must be true or false": "{path}: {key} 必须是 true 或 false",
    "{path}: per-file-ignores {pattern} must be a list of rule codes or names":
        "{path}: per-file-ignores {pattern} 必须是规则代码或名称的列表",
    "{path}: severity of {selector} must be error, warning or info":
        "{path}: {selector} 的 severity 必须是 error、warning 或 info",
    "{path}: [rule.{name}] must be a table of options": "{path}: [rule.{name}] 必须是选项表",
    "{path}: 'fail-level' must be error, warning or info, got {value}":
        "{path}: 'fail-level' 必须是 error、warning 或 info，实际为 {value}",
    "{path}: [tool.reportlint] is for pyproject.toml; in {name} write the keys at the top level (select = "
    "[...], not [tool.reportlint] select = [...])":
        "{path}: [tool.reportlint] 只用于 pyproject.toml；在 {name} 中请把键写在顶层"
        "（select = [...]，而不是 [tool.reportlint] select = [...]）",
    "{path}: 'extend' must be the path of another config file": "{path}: 'extend' 必须是另一个配置文件的路径",
    "{path}: 'extend' makes a loop: {chain}": "{path}: 'extend' 形成循环：{chain}",
    "{folder} has more than one config file: {used} is used, {others} ignored":
        "{folder} 中有多个配置文件：使用 {used}，忽略 {others}",
    "unknown rule {rule}{hint}": "未知的规则 {rule}{hint}",
    "unknown rule or prefix {selector} in {where}{hint}": "{where} 中有未知的规则或前缀 {selector}{hint}",
    "unknown severity {value} (choose error, warning or info)": "未知的级别 {value}（可选 error、warning 或 info）",
    "unknown option {option} for rule {rule}{hint}": "规则 {rule} 没有选项 {option}{hint}",
    "option {option} of rule {rule} must be {type}, got {value}": "规则 {rule} 的选项 {option} 必须是 {type} 类型，实际为 {value}",
    "option {option} of rule {rule} must be a finite number, got {value}":
        "规则 {rule} 的选项 {option} 必须是有限的数，实际为 {value}",
    "option {option} of rule {rule} must be {bounds}, got {value}": "规则 {rule} 的选项 {option} 必须{bounds}，实际为 {value}",
    "from {low} to {high}": "在 {low} 到 {high} 之间",
    "at least {low}": "不小于 {low}",
    "at most {high}": "不大于 {high}",
    # --- baselines -------------------------------------------------------------------------
    "cannot write baseline {path}: {reason}": "无法写入基线文件 {path}：{reason}",
    "baseline {path}: no such file": "基线文件 {path}：文件不存在",
    "baseline {path}: is a directory": "基线文件 {path}：是文件夹，不是文件",
    "baseline {path}: permission denied": "基线文件 {path}：没有访问权限",
    "baseline {path}: {reason}": "基线文件 {path}：{reason}",
    "baseline {path}: not UTF-8 text": "基线文件 {path}：不是 UTF-8 文本",
    "baseline {path}: not valid JSON (line {line}: {error})": "基线文件 {path}：不是有效的 JSON（第 {line} 行：{error}）",
    "baseline {path}: not a reportlint baseline (no \"version\" key)":
        "基线文件 {path}：不是 reportlint 基线文件（没有 \"version\" 键）",
    "baseline {path}: version {version} is not supported (this reportlint reads version {supported})":
        "基线文件 {path}：不支持版本 {version}（此版本的 reportlint 读取版本 {supported}）",
    "baseline {path}: \"findings\" must be a list": "基线文件 {path}：\"findings\" 必须是列表",
    "baseline {path}: finding {number} needs string \"path\", \"code\" and \"fingerprint\"":
        "基线文件 {path}：第 {number} 条记录需要字符串 \"path\"、\"code\" 和 \"fingerprint\"",
    # --- writing fixed files ---------------------------------------------------------------
    "{suffix} files are not written: only plain text and Markdown are fixed":
        "不写入 {suffix} 文件：只修复纯文本和 Markdown 文件",
    "files read as {encoding} are not written": "按 {encoding} 读取的文件不会写回",
    "its bytes do not round-trip through {encoding}; not rewritten so that only the fixes change":
        "文件内容按 {encoding} 无法原样写回；为保证只改动修复之处，未重写",
    "the fixed text has {char}, which {codec} cannot encode": "修复后的文本含有 {char}，{codec} 无法编码",
    "cannot write: {reason}": "无法写入：{reason}",
    "cannot read it again before writing: {reason}": "写入前无法再次读取：{reason}",
    "read-only file; not overwritten (make it writable to fix it)": "只读文件；未覆盖（改为可写后才能修复）",
    "has {count} hard links; not overwritten, since replacing it would split them (use --diff and apply the patch)":
        "有 {count} 个硬链接；替换会把它们拆开，所以未覆盖（请用 --diff 生成补丁后自行应用）",
    "changed on disk while it was checked; not overwritten": "检查期间文件在磁盘上被修改；未覆盖",
    "changed on disk since it was read; not overwritten (run again to fix the new text)":
        "读取后文件在磁盘上被修改；未覆盖（请再运行一次以修复新内容）",
}

#: The translations by language (English is the templates themselves).
CATALOGS: dict[str, dict[str, str]] = {ZH_CN: CHINESE}
