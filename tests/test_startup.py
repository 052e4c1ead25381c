"""Start-up time (issue 19): what a plain ``reportlint check`` loads, and the caches that spare a
run the work that the last one already did. The time itself is measured in bench/, not here."""

from __future__ import annotations

import importlib.metadata
import marshal
import os
import shutil
import subprocess
import sys
import time
from importlib.machinery import PathFinder
from pathlib import Path

import pytest
from conftest import PLUGIN
from helpers import findings_for

from reportlint import cache, registry, tomlfile
from reportlint.packs import builtin_pack_paths, load_builtin_packs, loading
from reportlint.version import __version__

REPO = Path(__file__).resolve().parent.parent

#: what a plain check of a text file never needs: baselines, writing files (tempfile, hashlib),
#: the JSON and SARIF formats, statistics (with fractions, decimal and random: ~2.5 ms), traceback
#: (only for a rule that crashes)
NOT_FOR_A_PLAIN_CHECK = ("reportlint.baseline", "reportlint.writing", "reportlint.output.json_format",
                         "reportlint.output.sarif_format", "json", "hashlib", "statistics", "fractions", "traceback")


def loaded_by_check(tmp_path, *args: str) -> set[str]:
    """The modules in sys.modules at the end of ``reportlint check ARGS`` (run in *tmp_path*)."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('MODULES', ' '.join(sorted(sys.modules))))\n"
            "sys.argv = ['reportlint', 'check', *sys.argv[1:]]\n"
            "from reportlint.__main__ import main\n"
            "main()\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode in (0, 1), done.stderr
    [line] = [line for line in done.stdout.splitlines() if line.startswith("MODULES ")]
    return set(line.split()[1:])


def test_a_plain_check_loads_neither_baselines_nor_writing_nor_json(tmp_path):
    (tmp_path / "a.txt").write_text("一行。\n", encoding="utf-8")
    loaded = loaded_by_check(tmp_path, "a.txt")
    assert "reportlint.engine" in loaded  # it did lint
    assert not loaded & set(NOT_FOR_A_PLAIN_CHECK), sorted(loaded & set(NOT_FOR_A_PLAIN_CHECK))


def test_a_clean_text_with_the_cache_filled_imports_nothing_that_reads_packs(tmp_path):
    (tmp_path / "a.txt").write_text("全面推进乡村振兴。\n", encoding="utf-8")
    reading = {"reportlint.packs.loading", "reportlint.packs.format", "reportlint.packs.matching",
               "reportlint.packs.stored"}
    assert reading <= loaded_by_check(tmp_path, "a.txt")  # the first run validates the packs, once
    assert not reading & loaded_by_check(tmp_path, "a.txt")
    (tmp_path / "b.txt").write_text("认真布署全年工作。\n", encoding="utf-8")  # a wrong form: its check is made
    assert {"reportlint.packs.loading", "reportlint.packs.matching"} <= loaded_by_check(tmp_path, "b.txt")


def test_a_plain_check_with_its_cache_filled_and_no_config_parses_no_toml(tmp_path):
    (tmp_path / "a.txt").write_text("一行。\n", encoding="utf-8")
    assert {"tomllib", "tomli"} & loaded_by_check(tmp_path, "a.txt")  # the first run parses the packs
    assert not {"tomllib", "tomli"} & loaded_by_check(tmp_path, "a.txt")  # the next takes their tables


def test_a_config_file_is_parsed_once_and_read_from_the_cache_until_it_changes(tmp_path):
    (tmp_path / "a.txt").write_text("全市新增新增装机容量。\n", encoding="utf-8")
    config = tmp_path / "pyproject.toml"
    config.write_text('[project]\nname = "x"\n\n[tool.reportlint]\nignore = ["RL501"]\n', encoding="utf-8")
    assert {"tomllib", "tomli"} & loaded_by_check(tmp_path, "a.txt")  # parsed, and kept
    assert not {"tomllib", "tomli"} & loaded_by_check(tmp_path, "a.txt")  # the table read back
    code = ("import sys; sys.argv = ['reportlint', 'check', '--format', 'concise', 'a.txt']\n"
            "from reportlint.__main__ import main\nmain()\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert "RL201" in run.stdout  # 新增新增
    config.write_text('[project]\nname = "x"\n\n[tool.reportlint]\nignore = ["RL201"]\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert "RL201" not in run.stdout and run.returncode == 0  # the edit is read, not the kept table
    config.write_text('[tool.reportlint]\nignore = [\n', encoding="utf-8")
    for _ in range(2):  # a malformed file is never kept: each run says what is wrong
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert run.returncode == 2 and "invalid TOML" in run.stderr and "Traceback" not in run.stderr


def test_the_collector_leaves_what_start_up_made_alone_and_collects_the_rest():
    # gc.freeze after the command line's modules and after the rule modules (imported before a file
    # is read: rule_index.import_now) and packs: the cyclic
    # collector no longer walks them on every 700 new objects; it is on again, for what follows
    code = ("import gc, sys\n"
            "sys.argv = ['reportlint', '--version']\n"
            "from reportlint.__main__ import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "after_cli = gc.get_freeze_count()\n"
            "from reportlint.registry import builtin_pack_rules, builtin_rules\n"
            "from reportlint.rule_index import import_now\n"
            "import_now(builtin_rules()), builtin_pack_rules()\n"
            "after_rules = gc.get_freeze_count()\n"
            "cycle = []\ncycle.append(cycle)\ndel cycle\n"
            "print(after_cli, after_rules, gc.isenabled(), gc.collect())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    after_cli, after_rules, enabled, collected = done.stdout.split()[-4:]
    assert 5_000 < int(after_cli) < int(after_rules) - 5_000
    assert enabled == "True" and int(collected) >= 1


def test_what_a_plain_check_skips_is_loaded_when_asked_for(tmp_path):
    (tmp_path / "a.txt").write_text("一行。\n", encoding="utf-8")
    assert {"reportlint.output.sarif_format", "json", "hashlib"} <= loaded_by_check(tmp_path, "a.txt", "--format", "sarif")
    assert {"reportlint.baseline", "reportlint.writing"} <= loaded_by_check(tmp_path, "a.txt", "--write-baseline", "b.json",
                                                                            "--fix")


# -- the cache of start-up's work (reportlint.cache) ---------------------------------------------


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A cache folder of the test's own, empty."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def entries(home: Path) -> list[str]:
    folder = home / "reportlint" / __version__
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def test_a_cache_entry_is_read_back_only_under_its_key(cache_home):
    cache.write("probe", ("key", 1), {"value": [1, 2.5, True, None, "字"]})
    assert cache.read("probe", ("key", 1)) == {"value": [1, 2.5, True, None, "字"]}
    assert cache.read("probe", ("key", 2)) is None
    assert cache.read("other", ("key", 1)) is None


def test_a_cache_entry_keeps_as_many_keys_as_asked(cache_home):
    cache.write("probe", "a", [1], keep=2)
    cache.write("probe", "b", [2], keep=2)
    assert (cache.read("probe", "a"), cache.read("probe", "b")) == ([1], [2])
    cache.write("probe", "c", [3], keep=2)  # the oldest goes
    assert (cache.read("probe", "a"), cache.read("probe", "b"), cache.read("probe", "c")) == (None, [2], [3])
    cache.write("probe", "d", [4])
    assert (cache.read("probe", "c"), cache.read("probe", "d")) == (None, [4])


@pytest.mark.parametrize("content", [b"", b"\x00\x01not marshal", marshal.dumps(5), marshal.dumps(("key", [1])),
                                     marshal.dumps([("key",)]), marshal.dumps([("key", [1]), 5])])
def test_a_corrupt_or_foreign_cache_entry_is_a_miss(cache_home, content):
    cache.write("probe", "key", [1])
    [name] = entries(cache_home)
    (cache_home / "reportlint" / __version__ / name).write_bytes(content)
    assert cache.read("probe", "key") is None


def test_a_cache_folder_that_cannot_be_written_leaves_the_run_uncached(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))  # mkdir fails, even as root
    cache.write("probe", "key", [1])
    assert cache.read("probe", "key") is None


def test_without_a_home_there_is_no_cache_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "nobody"))
    assert cache.cache_folder() is None
    cache.write("probe", "key", [1])
    assert not (tmp_path / "nobody").exists()  # no home made for it


def test_a_rule_pack_is_parsed_once_then_read_back(cache_home, tmp_path, monkeypatch):
    [shipped] = [p for p in builtin_pack_paths() if p.name == "redundancy.toml"]
    pack = tmp_path / "redundancy.toml"
    shutil.copy(shipped, pack)
    first = tomlfile.read_toml_cached(pack, "rule pack")
    assert first == tomlfile.read_toml(pack, "rule pack") and entries(cache_home)
    monkeypatch.setattr(tomlfile, "parse_toml", lambda text, path: pytest.fail("parsed again"))
    assert tomlfile.read_toml_cached(pack, "rule pack") == first


def test_two_installs_of_one_pack_share_its_cache_entry(cache_home, tmp_path, monkeypatch):
    # a project's venv and pre-commit's own environment: the same pack text in two places
    [shipped] = [p for p in builtin_pack_paths() if p.name == "redundancy.toml"]
    first, second = tmp_path / "a" / "redundancy.toml", tmp_path / "b" / "redundancy.toml"
    for pack in (first, second):
        pack.parent.mkdir()
        shutil.copy(shipped, pack)
    table = tomlfile.read_toml_cached(first, "rule pack")
    monkeypatch.setattr(tomlfile, "parse_toml", lambda text, path: pytest.fail("parsed again"))
    assert tomlfile.read_toml_cached(second, "rule pack") == table
    assert tomlfile.read_toml_cached(first, "rule pack") == table


def test_a_changed_rule_pack_is_parsed_again_even_with_its_old_size_and_time(cache_home, tmp_path):
    [shipped] = [p for p in builtin_pack_paths() if p.name == "redundancy.toml"]
    pack = tmp_path / "redundancy.toml"
    shutil.copy(shipped, pack)
    before = tomlfile.read_toml_cached(pack, "rule pack")
    stat = pack.stat()
    text = pack.read_text(encoding="utf-8")
    assert 'code = "RL502"' in text
    pack.write_text(text.replace('code = "RL502"', 'code = "RL592"'), encoding="utf-8")
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert pack.stat().st_size == stat.st_size
    after = tomlfile.read_toml_cached(pack, "rule pack")
    assert after == tomlfile.read_toml(pack, "rule pack") != before


def test_a_malformed_pack_is_an_error_however_it_is_read(cache_home, tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text("format = [\n", encoding="utf-8")
    for read in (tomlfile.read_toml, tomlfile.read_toml_cached):
        with pytest.raises(ValueError, match="invalid TOML"):
            read(pack, "rule pack")


def _forget_the_validated_packs() -> None:
    """As a new process: no shipped pack validated yet."""
    loading.validated_rules.cache_clear()
    loading.validated_specs.cache_clear()
    loading.stored_specs.cache_clear()
    loading.stored_check.cache_clear()


def _described(rules):
    return [(m.code, m.name, m.severity, m.summary, m.doc, m.fixable, m.fix_kinds, m.source, m.rationale, m.reads,
             m.check.pack_rule.message, [(e.wrong, e.right, e.label, e.reason, e.severity, e.examples, e.lead,
                                          e.since, e.context_key()) for e in m.check.pack_rule.entries])
            for m in rules]


def test_the_shipped_packs_give_the_same_rules_from_the_cache_unvalidated(cache_home, monkeypatch):
    _forget_the_validated_packs()
    cold = load_builtin_packs()
    names = {path.name for path in builtin_pack_paths()}
    assert {e.split(".cpython")[0] for e in entries(cache_home)} == \
        {f"toml-{name}" for name in names} | {f"pack-rules-{name}" for name in names}
    _forget_the_validated_packs()
    monkeypatch.setattr(loading, "parse_pack", lambda *args: pytest.fail("validated again"))
    warm = load_builtin_packs()  # the registry's view of each rule, from the cache alone
    monkeypatch.undo()
    assert _described(warm) == _described(cold)


def test_a_shipped_pack_is_validated_only_when_a_text_holds_a_wrong_form(cache_home, monkeypatch):
    load_builtin_packs()  # the cache filled
    _forget_the_validated_packs()
    validated = []
    parse = loading.parse_pack
    monkeypatch.setattr(loading, "parse_pack", lambda *args: validated.append(args[1]) or parse(*args))
    assert findings_for("confusable-word", "全面推进乡村振兴。") == [] and not validated
    assert [f.message.split("：")[0] for f in findings_for("confusable-word", "认真布署全年工作。")] == ["“布署”应为“部署”"]
    assert [Path(where).name for where in validated] == ["confusable-words.toml"]
    # a later process makes the check from what the cache kept: no pack validated at all
    _forget_the_validated_packs()
    assert [f.message.split("：")[0] for f in findings_for("confusable-word", "认真布署全年工作。")] == ["“布署”应为“部署”"]
    assert len(validated) == 1


def _fresh(loader):
    """Call the lru_cache'd *loader* as a new process would; the next caller loads it afresh too."""
    loader.cache_clear()
    try:
        return loader()
    finally:
        loader.cache_clear()


def test_the_shipped_sound_table_is_read_once_then_taken_from_the_cache(cache_home, monkeypatch):
    from reportlint.analysis import sounds as sounds_module

    cold = _fresh(sounds_module.sounds)
    assert entries(cache_home)
    monkeypatch.setattr(sounds_module, "read_tables", lambda text: pytest.fail("read again"))
    # the frequent words are an entry of their own
    sounds_module._stored_words.cache_clear()
    cold_words = _fresh(sounds_module.frequent_words)
    monkeypatch.setattr(sounds_module, "read_words", lambda text: pytest.fail("read again"))
    sounds_module._stored_words.cache_clear()
    assert _fresh(sounds_module.frequent_words) == cold_words
    warm = _fresh(sounds_module.sounds)
    assert (warm.readings, warm.use, warm.frequent_words, warm.shapes, warm.known, warm.place_endings) == \
        (cold.readings, cold.use, cold.frequent_words, cold.shapes, cold.known, cold.place_endings)
    assert set(warm.likely_words("发辉", 1)) == set(cold.likely_words("发辉", 1)) != set()


def test_the_look_alikes_and_the_frequent_words_are_kept_as_strings(cache_home):
    # sets of strings are what marshal reads back slowest: 2.6 ms for the look-alikes, 3.7 for
    # the frequent words, where strings take 0.6 and 2.8 with their split
    from reportlint.analysis import sounds as sounds_module

    table = _fresh(sounds_module.sounds)
    assert all(type(alike) is str and "".join(sorted(alike)) == alike for alike in table.shapes.values())
    assert "载" in table.shapes["裁"] and "裁" in table.shapes["载"]
    sounds_module._stored_words.cache_clear()
    assert "发挥" in _fresh(sounds_module.frequent_words)
    assert type(cache.read("frequent-words", sounds_module._table()[1])) is str


def test_the_lexicon_needs_no_cache(cache_home):
    # its index is read where it lies in lexicon.idx, never parsed whole: nothing to keep
    from reportlint.analysis import lexicon as lexicon_module

    assert _fresh(lexicon_module.lexicon).segment("要充分发挥基层党组织的作用")
    assert not entries(cache_home)


def test_the_packs_variant_forms_are_read_once_then_taken_from_the_cache(cache_home, monkeypatch):
    from reportlint.analysis import variants

    cold = variants._pack_variants()
    assert cold and entries(cache_home)
    monkeypatch.setattr(variants, "_variant_entries", lambda text: pytest.fail("read again"))
    assert variants._pack_variants() == cold


def test_the_traditional_only_characters_are_worked_out_once_then_taken_from_the_cache(cache_home, monkeypatch):
    from reportlint.analysis import lexicon as lexicon_module

    cold = _fresh(lexicon_module._only_traditional)
    assert cold.search("中華人民共和國") and not cold.search("中华人民共和国")
    monkeypatch.setattr(lexicon_module, "_traditional_table", lambda: pytest.fail("table built again"))
    assert _fresh(lexicon_module._only_traditional).pattern == cold.pattern


def test_a_word_table_cached_under_another_text_is_read_afresh(cache_home, monkeypatch):
    from reportlint.analysis import sounds as sounds_module

    cache.write("sound-tables", "another table", {"readings": {}})
    assert _fresh(sounds_module.sounds).readings["提"][0] == "ti2"


# -- the plugins' entry points ---------------------------------------------------------------


def _install_plugin(site: Path) -> None:
    (site / "qinzi_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "qinzi_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: qinzi-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[reportlint.rules]\nqinzi = qinzi_rules:no_qinzi\n")


def _settle(folder: Path) -> None:
    """Date the folder a minute back, as one installed into long ago."""
    past = time.time_ns() - 60_000_000_000
    os.utime(folder, ns=(past, past))


@pytest.fixture
def site(tmp_path, monkeypatch, cache_home):
    """The only folder on sys.path (so that the test alone decides what it holds and when it
    changed), settled; qinzi_rules is imported afresh each time."""
    folder = tmp_path / "site"
    folder.mkdir()
    _settle(folder)
    monkeypatch.setattr(sys, "path", [str(folder)])
    # Only the standard finder of distributions: the importlib_metadata backport, which a library
    # that other tests import may bring, puts its own in its place (and then nothing is cached).
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if not hasattr(f, "find_distributions")
                                           or f is PathFinder])
    if not hasattr(PathFinder, "find_distributions"):
        monkeypatch.setattr(PathFinder, "find_distributions",
                            staticmethod(importlib.metadata.MetadataPathFinder.find_distributions), raising=False)
    monkeypatch.delitem(sys.modules, "qinzi_rules", raising=False)
    yield folder
    sys.modules.pop("qinzi_rules", None)


def _no_scan(monkeypatch) -> None:
    def scan(**_):
        raise AssertionError("the distributions were scanned again")

    monkeypatch.setattr(importlib.metadata, "entry_points", scan)


def test_no_plugin_is_remembered_and_the_next_run_does_not_scan(site, cache_home, monkeypatch):
    assert registry.plugin_rules() == ()
    assert any(name.startswith("plugins.") for name in entries(cache_home))
    _no_scan(monkeypatch)
    assert registry.plugin_rules() == ()


def test_the_plugins_of_a_few_sys_paths_are_remembered(site, tmp_path, cache_home, monkeypatch):
    # python -m reportlint puts the working folder on sys.path: two folders in turn are both cached
    other = tmp_path / "other-site"
    other.mkdir()
    _install_plugin(other)
    _settle(other)
    paths = [[str(site)], [str(other)]]
    found = []
    for path in paths:
        monkeypatch.setattr(sys, "path", path)
        found.append([meta.code for meta in registry.plugin_rules()])
    _no_scan(monkeypatch)
    for path, before in zip(paths, found):
        monkeypatch.setattr(sys, "path", path)
        assert [meta.code for meta in registry.plugin_rules()] == before
    assert found == [[], ["QZ101"]]


def test_a_plugin_installed_after_the_scan_was_cached_is_seen(site, cache_home):
    assert registry.plugin_rules() == ()
    _install_plugin(site)  # changes the folder's modification time, as pip install does
    assert [meta.code for meta in registry.plugin_rules()] == ["QZ101"]


def test_a_cached_plugin_is_loaded_as_a_found_one(site, cache_home, monkeypatch):
    _install_plugin(site)
    _settle(site)
    found = registry.plugin_rules()
    _no_scan(monkeypatch)
    sys.modules.pop("qinzi_rules")
    cached = registry.plugin_rules()
    assert [(m.code, m.source, m.doc) for m in cached] == [(m.code, m.source, m.doc) for m in found] \
        == [("QZ101", "plugin qinzi", found[0].doc)]


def test_a_plugin_removed_is_gone(site, cache_home):
    _install_plugin(site)
    _settle(site)
    assert len(registry.plugin_rules()) == 1
    shutil.rmtree(site / "qinzi_rules-1.0.dist-info")
    assert registry.plugin_rules() == ()


def test_nothing_is_cached_where_another_finder_offers_distributions(site, cache_home, monkeypatch):
    class Finder:  # as the importlib_metadata backport installs one
        @staticmethod
        def find_distributions(context=None):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert registry.plugin_rules() == ()
    assert not any(name.startswith("plugins.") for name in entries(cache_home))


def test_a_folder_changed_just_now_is_not_cached(site, cache_home):
    # it could change again within the same tick of the file system's clock and keep its time
    _install_plugin(site)
    assert len(registry.plugin_rules()) == 1
    assert not any(name.startswith("plugins.") for name in entries(cache_home))


def test_a_check_with_a_cache_folder_that_cannot_be_written_says_the_same(tmp_path):
    (tmp_path / "a.txt").write_text("一行。\n经济增长增长了。\n", encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    outputs = []
    for home in (tmp_path / "cache", tmp_path / "cache", blocker / "cache"):  # cold, warm, unwritable
        env = {**os.environ, "XDG_CACHE_HOME": str(home)}
        done = subprocess.run([sys.executable, "-m", "reportlint", "check", "a.txt"], capture_output=True,
                              text=True, cwd=tmp_path, env=env)
        outputs.append((done.returncode, done.stdout, done.stderr))
    assert outputs[0] == outputs[1] == outputs[2] and outputs[0][0] == 1 and not outputs[0][2]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_toml_file_reads_alike_whatever_its_line_endings(cache_home, tmp_path, newline):
    pack = tmp_path / "endings.toml"
    pack.write_bytes(newline.join(['[tool.reportlint]', 'select = ["RL101"]', '']).encode("utf-8"))
    for read in (tomlfile.read_toml, tomlfile.read_toml_cached):
        assert read(pack, "config file") == {"tool": {"reportlint": {"select": ["RL101"]}}}


# -- the end of a run --------------------------------------------------------------------------

#: a check run as the ``reportlint`` command runs it. At exit it makes a module whose object's
#: finaliser says when the interpreter's teardown frees it (made then, and apart from the rest:
#: what start-up's gc.freeze holds is never freed). argv[1] "thread": a thread is still at work after the
#: command (until the command has decided how to end, however long a cold cache makes the check
#: take), and says when it is done.
ENTRY = ("import atexit, os, sys, threading, time, types\n"
         "class Watched:\n"
         "    def __del__(self, write=os.write):\n"
         "        write(2, b'TORN DOWN\\n')\n"
         "def watch():\n"
         "    sys.modules['watched'] = module = types.ModuleType('watched')\n"
         "    module.watched = Watched()\n"
         "atexit.register(watch)\n"
         "decided = threading.Event()\n"
         "def late():\n"
         "    decided.wait(60)\n"
         "    os.write(2, b'THREAD DONE\\n')\n"
         "if sys.argv[1] == 'thread':\n"
         "    threading.Thread(target=late).start()\n"
         "sys.argv = ['reportlint', 'check', *sys.argv[2:]]\n"
         "import reportlint.__main__ as command\n"
         "end_at_once = command._end_at_once\n"
         "def ending(code):\n"
         "    try:\n"
         "        return end_at_once(code)\n"
         "    finally:\n"
         "        decided.set()  # not reached when the process ended at once\n"
         "command._end_at_once = ending\n"
         "command.entry() if os.environ.get('BY') != 'main' else command.main()\n")


def _run(tmp_path, *args: str, by: str = "entry") -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "BY": by}
    return subprocess.run([sys.executable, "-c", ENTRY, *args], capture_output=True, text=True, cwd=tmp_path, env=env)


def test_the_command_ends_without_the_interpreters_teardown_its_output_and_exit_work_done(tmp_path):
    report = tmp_path / "report.txt"
    shutil.copy(REPO / "seeds" / next(p.name for p in (REPO / "seeds").glob("000_*.txt")), report)
    done, by_main = _run(tmp_path, "plain", report.name), _run(tmp_path, "plain", report.name, by="main")
    assert (done.returncode, done.stdout) == (by_main.returncode, by_main.stdout) == (1, by_main.stdout)
    assert done.stdout.count("\n") > 50  # the whole output, flushed
    assert "TORN DOWN" in by_main.stderr and "TORN DOWN" not in done.stderr  # ended at once
    # what a run leaves to be done at exit was done: the store of compiled patterns, for the next run
    assert list((tmp_path / "cache").rglob("patterns.*.marshal"))
    assert _run(tmp_path, "plain", "missing.txt").returncode == 2
    (tmp_path / "b.txt").write_text("一行。\n", encoding="utf-8")
    assert _run(tmp_path, "plain", "b.txt").returncode == 0


def test_a_thread_still_running_leaves_the_exit_to_python(tmp_path):
    (tmp_path / "b.txt").write_text("一行。\n", encoding="utf-8")
    done = _run(tmp_path, "thread", "b.txt")
    assert done.returncode == 0 and "THREAD DONE" in done.stderr and "TORN DOWN" in done.stderr


def test_a_program_that_calls_main_gets_system_exit_back(tmp_path):
    (tmp_path / "b.txt").write_text("一行。\n", encoding="utf-8")
    code = ("import sys\nsys.argv = ['reportlint', 'check', 'b.txt']\n"
            "from reportlint.__main__ import main\n"
            "try:\n    main()\nexcept SystemExit as leaving:\n    print('CAUGHT', leaving.code)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert "CAUGHT 0" in done.stdout
