"""Waivers end to end: ``aligner check --waivers / --update-waivers`` with the real
bundled model, and the result cache staying out of the waivers' way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner import api
from aligner.cli import main
from aligner.config import Settings
from aligner.embed.cache import CachedEncoder

EN = [
    "A powerful typhoon hit the southern coast of Japan on Monday.",
    "The storm brought winds of up to 180 kilometres per hour.",
    "Thousands of homes lost power across the region, .",
    "Officials ordered residents of low-lying areas to evacuate.",
]
KO = [
    "월요일 강력한 태풍이 일본 남부 해안을 강타했다.",
    "태풍은 최대 시속 180킬로미터의 강풍을 동반했다.",
    "이 지역 전역에서 수천 가구가 정전됐다.",
    "당국은 저지대 주민들에게 대피를 명령했다.",
]


def _corpus(root: Path, en: list[str] = EN, ko: list[str] = KO) -> tuple[Path, Path]:
    for lang, lines in (("en", en), ("ko", ko)):
        (root / lang).mkdir(parents=True, exist_ok=True)
        (root / lang / "storm.txt").write_text("\n".join(lines) + "\n", "utf-8")
    return root / "en", root / "ko"


def _check(src: Path, tgt: Path, *args: str) -> tuple[int, str, str]:
    argv = ["check", str(src), str(tgt), "--presegmented", "--report-dir", "out"]
    result = CliRunner().invoke(main, [*argv, "--format", "json,sarif", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _flags(name: str = "storm.txt") -> list[dict[str, object]]:
    report = json.loads(Path("out", f"{name}.json").read_text("utf-8"))
    flags: list[dict[str, object]] = report["flags"]
    return flags


def test_waiver_round_trip(tmp_path: Path) -> None:
    src, tgt = _corpus(tmp_path)
    code, stdout, _ = _check(src, tgt)
    assert code == 1 and "truncated" in stdout

    code, _, stderr = _check(src, tgt, "--waivers", "w.json", "--update-waivers")
    assert code == 0, stderr
    assert "wrote w.json: 1 flag(s) of this run waived" in stderr
    # the reports name the waiver file they were judged by: the one just written
    written = json.loads(Path("out/summary.json").read_text("utf-8"))["signature"]
    assert _check(src, tgt, "--waivers", "w.json")[0] == 0
    assert json.loads(Path("out/summary.json").read_text("utf-8"))["signature"] == written
    data = json.loads(Path("w.json").read_text("utf-8"))
    [entry] = data["waivers"]
    assert (entry["document"], entry["type"], entry["src"]) == ("storm.txt", "truncated", EN[2])
    entry["reason"] = "Cut in the wire copy too"
    Path("w.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    code, stdout, _ = _check(src, tgt, "--waivers", "w.json")
    assert code == 0 and "(1 waived)" in stdout and "error: truncated" not in stdout
    [flag] = [f for f in _flags() if f["type"] == "truncated"]
    assert (flag["waived"], flag["waiver_reason"]) == (True, "Cut in the wire copy too")
    assert flag["fingerprint"] == entry["fingerprint"]
    sarif = json.loads(Path("out/results.sarif").read_text("utf-8"))
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "truncated"]
    assert result["suppressions"][0]["justification"] == "Cut in the wire copy too"

    # a sentence inserted above moves the flag, and it stays waived
    _corpus(
        tmp_path,
        ["Rescue teams were sent to the worst-hit towns.", *EN],
        ["구조대가 피해 마을들에 파견됐다.", *KO],
    )
    code, stdout, _ = _check(src, tgt, "--waivers", "w.json")
    assert code == 0, stdout
    assert [f["waived"] for f in _flags() if f["type"] == "truncated"] == [True]

    # the flagged sentence changes: the flag is back and its waiver is stale
    changed = [*EN[:2], "Thousands of homes lost power across the region and .", EN[3]]
    _corpus(tmp_path, changed)
    code, stdout, stderr = _check(src, tgt, "--waivers", "w.json")
    assert code == 1 and "error: truncated" in stdout
    assert [f["waived"] for f in _flags() if f["type"] == "truncated"] == [False]
    assert "1 stale waiver(s) in w.json match no flag" in stderr
    summary = json.loads(Path("out/summary.json").read_text("utf-8"))
    assert [w["fingerprint"] for w in summary["stale_waivers"]] == [entry["fingerprint"]]

    # updating drops the stale waiver and accepts the new flag; reasons of others stay
    code, _, stderr = _check(src, tgt, "--waivers", "w.json", "--update-waivers")
    assert code == 0 and "1 flag(s) of this run waived; 1 stale waiver(s) removed" in stderr
    [new] = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert new["src"] == changed[2] and new["fingerprint"] != entry["fingerprint"]
    assert new["reason"] == "Cut in the wire copy too"  # a copy-edit keeps the editor's word


def test_waivers_setting_in_the_config_file(tmp_path: Path) -> None:
    src, tgt = _corpus(tmp_path)
    assert _check(src, tgt, "--waivers", "w.json", "--update-waivers")[0] == 0
    Path("aligner.toml").write_text('waivers = "w.json"\n', "utf-8")
    code, stdout, _ = _check(src, tgt)
    assert code == 0 and "(1 waived)" in stdout


def test_malformed_waiver_file_is_a_one_line_error(tmp_path: Path) -> None:
    src, tgt = _corpus(tmp_path)
    Path("w.json").write_text('{"waivers": [{"document": "storm.txt"}]}', "utf-8")
    code, stdout, stderr = _check(src, tgt, "--waivers", "w.json")
    assert code == 2 and stdout == ""
    assert stderr == "aligner: error: w.json: waiver 1: missing 'type'; fix the waiver file\n"
    assert not Path("out").exists()  # nothing was checked or written


def test_waiver_of_an_unknown_type_is_malformed_not_stale(tmp_path: Path) -> None:
    src, tgt = _corpus(tmp_path)
    entry = {"document": "storm.txt", "type": "nosuchtype", "src": "x", "tgt": "y"}
    Path("w.json").write_text(json.dumps({"version": 1, "waivers": [entry]}), "utf-8")
    code, stdout, stderr = _check(src, tgt, "--waivers", "w.json")
    assert code == 2 and stdout == "" and len(stderr.splitlines()) == 1
    assert stderr.startswith("aligner: error: w.json: waiver 1: unknown type 'nosuchtype'")
    assert "stale" not in stderr and not Path("out").exists()


def test_missing_waiver_file_or_update_without_one_is_an_error(tmp_path: Path) -> None:
    src, tgt = _corpus(tmp_path)
    code, _, stderr = _check(src, tgt, "--waivers", "none.json")
    assert code == 2 and "none.json: waiver file not found" in stderr
    code, _, stderr = _check(src, tgt, "--update-waivers")
    assert code == 2 and "--update-waivers needs a waiver file" in stderr


def test_an_empty_waiver_file_or_dev_null_means_no_waivers(tmp_path: Path) -> None:
    """``--waivers /dev/null`` switches off the config's waivers for one run, and a
    file just created (``touch qa/waivers.json``) is one --update-waivers fills."""
    src, tgt = _corpus(tmp_path)
    code, stdout, stderr = _check(src, tgt, "--waivers", os.devnull)
    assert code == 1 and "error: truncated" in stdout and stderr == "", stderr
    Path("w.json").write_text("", "utf-8")
    code, stdout, stderr = _check(src, tgt, "--waivers", "w.json")
    assert code == 1 and "error: truncated" in stdout and stderr == "", stderr
    code, _, stderr = _check(src, tgt, "--waivers", "w.json", "--update-waivers")
    assert code == 0 and "wrote w.json: 1 flag(s) of this run waived" in stderr
    [entry] = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert entry["type"] == "truncated"


def test_update_waivers_never_replaces_what_is_not_a_regular_file(tmp_path: Path) -> None:
    """Rewriting /dev/null (here through a link to it) would replace it with a file."""
    src, tgt = _corpus(tmp_path)
    Path("w.json").symlink_to(os.devnull)
    code, stdout, stderr = _check(src, tgt, "--waivers", "w.json", "--update-waivers")
    assert code == 2 and stdout == ""
    assert stderr == (
        "aligner: error: w.json: --update-waivers rewrites the waiver file, and this is not "
        "a regular file; pass a waiver file such as qa/waivers.json\n"
    )
    assert Path("w.json").readlink() == Path(os.devnull)


def test_editing_waivers_reuses_cached_results_without_stale_states(tmp_path: Path) -> None:
    src, tgt = _corpus(tmp_path)
    settings = Settings(presegmented=True, cache_dir=tmp_path / "cache")
    encoder = api.open_encoder(settings)
    assert isinstance(encoder, CachedEncoder)
    try:
        first = api.check_paths(src, tgt, settings=settings, encoder=encoder)
        encoded = (encoder.hits, encoder.misses)
        waived = Settings(presegmented=True, cache_dir=tmp_path / "cache", waivers=Path("w.json"))
        second = api.check_paths(src, tgt, settings=waived, encoder=encoder, update_waivers=True)
        third = api.check_paths(src, tgt, settings=settings, encoder=encoder)
        # results came from the cache: nothing was embedded (nor even looked up) again
        assert (encoder.hits, encoder.misses) == encoded
    finally:
        encoder.close()
    states = [
        [f.waived for f in run.documents[0].flags if f.type == "truncated"]
        for run in (first, second, third)
    ]
    assert states == [[False], [True], [False]]
    assert [run.passed for run in (first, second, third)] == [False, True, False]


def test_updating_waivers_from_one_story_keeps_the_others(tmp_path: Path) -> None:
    src, tgt = _corpus(tmp_path)
    for lang, lines in (("en", EN), ("ko", KO)):
        (tmp_path / lang / "other.txt").write_text("\n".join(lines) + "\n", "utf-8")
    assert _check(src, tgt, "--waivers", "w.json", "--update-waivers")[0] == 0
    before = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert {w["document"] for w in before} == {"storm.txt", "other.txt"}
    code, _, stderr = _check(src / "storm.txt", tgt / "storm.txt", "--waivers", "w.json")
    assert code == 0 and "stale" not in stderr
    _check(src / "storm.txt", tgt / "storm.txt", "--waivers", "w.json", "--update-waivers")
    assert json.loads(Path("w.json").read_text("utf-8"))["waivers"] == before


def _desks(tmp_path: Path) -> Path:
    """A tree of two desks' folders, each holding the same flagged story."""
    corpus = tmp_path / "corpus"
    for desk in ("world", "sport"):
        (corpus / desk).mkdir(parents=True)
        (corpus / desk / "storm.en.txt").write_text("\n".join(EN) + "\n", "utf-8")
        (corpus / desk / "storm.ko.txt").write_text("\n".join(KO) + "\n", "utf-8")
    return corpus


def _check_waived(path: Path, *args: str) -> tuple[int, str]:
    """Exit code and stderr of checking ``path`` with the waiver file w.json; the
    reports of a run of the whole tree (``_desks``) go to a folder of their own,
    since a run of part of it leaves only its own reports in its folder."""
    out = "tree" if path.name == "corpus" else "out"
    argv = ["check", str(path), "--presegmented", "--report-dir", out, "-q"]
    result = CliRunner().invoke(main, [*argv, "--waivers", "w.json", *args])
    return result.exit_code, result.stderr


def test_a_waiver_of_the_tree_follows_a_story_checked_alone(tmp_path: Path) -> None:
    check = _check_waived
    corpus = _desks(tmp_path)
    assert check(corpus, "--update-waivers")[0] == 0
    both = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert [w["document"] for w in both] == ["sport/storm.txt", "world/storm.txt"]
    world = corpus / "world" / "storm.en.txt"
    assert check(world) == (0, "")  # named storm.txt, waived as world/storm.txt
    report = json.loads(Path("out/storm.txt.json").read_text("utf-8"))
    assert (report["document"], report["waiver_document"]) == ("storm.txt", "world/storm.txt")
    Path("w.json").write_text(json.dumps({"waivers": both[:1]}), "utf-8")
    assert check(world) == (1, "")  # sport's waiver is not world's
    Path("w.json").write_text(json.dumps({"waivers": both}), "utf-8")
    world.write_text("\n".join(EN).replace(", .", ".") + "\n", "utf-8")
    code, stderr = check(world)
    assert code == 0 and "1 stale waiver(s)" in stderr
    world.write_text("\n".join(EN).replace("power", "power, .") + "\n", "utf-8")
    assert check(world, "--update-waivers")[0] == 0
    after = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert [w["document"] for w in after] == ["sport/storm.txt", "world/storm.txt"]
    assert after[0] == both[0] and after[1] != both[1]


def test_a_run_of_one_folder_keeps_the_waivers_of_the_others(tmp_path: Path) -> None:
    """A desk checking its folder of a shared tree: its stories are named storm.txt,
    the waiver file knows them as world/storm.txt, and --update-waivers dropped every
    other desk's waivers as stale."""
    check = _check_waived
    corpus = _desks(tmp_path)
    assert check(corpus, "--update-waivers")[0] == 0
    both = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert check(corpus / "world") == (0, "")  # waived, and sport's waiver is not stale
    assert check(corpus / "world", "--update-waivers")[0] == 0
    assert json.loads(Path("w.json").read_text("utf-8"))["waivers"] == both
    assert check(corpus) == (0, "")


def test_paths_in_a_config_file_are_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, tgt = _corpus(tmp_path)
    assert _check(src, tgt, "--waivers", "qa/w.json", "--update-waivers")[0] == 0
    Path("aligner.toml").write_text('waivers = "qa/w.json"\n', "utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(
        tmp_path / "sub"
    )  # the config is found upwards; its path still means qa/w.json
    code, stdout, stderr = _check(src, tgt)
    assert code == 0 and "(1 waived)" in stdout, stderr
    assert not Path("qa").exists()


def test_a_waiver_file_shared_by_two_corpora_keeps_the_other_corpus_waivers(
    tmp_path: Path,
) -> None:
    """``--update-waivers`` on one corpus dropped every waiver of the other as stale."""
    news, features = tmp_path / "news", tmp_path / "features"
    _corpus(news)
    for lang, lines in (("en", EN), ("ko", KO)):
        (features / lang).mkdir(parents=True)
        (features / lang / "typhoon.txt").write_text("\n".join(lines) + "\n", "utf-8")
    assert _check(news / "en", news / "ko", "--waivers", "w.json", "--update-waivers")[0] == 0
    news_waivers = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert [w["document"] for w in news_waivers] == ["storm.txt"]
    features_run = (features / "en", features / "ko", "--waivers", "w.json")
    code, _, stderr = _check(*features_run)
    assert code == 1 and "stale" not in stderr  # storm.txt is not part of this run
    assert _check(*features_run, "--update-waivers")[0] == 0
    after = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert [w["document"] for w in after] == ["storm.txt", "typhoon.txt"]
    assert after[0] == news_waivers[0]
    code, _, stderr = _check(news / "en", news / "ko", "--waivers", "w.json")
    assert code == 0 and "stale" not in stderr


def test_a_waiver_written_from_one_story_of_two_trees_serves_the_tree_run(
    tmp_path: Path,
) -> None:
    """An editor accepts a flag by checking the one story (corpus/en/world/storm.txt
    against corpus/ko/world/storm.txt): the waiver was written for 'storm.txt', and
    CI's run of the trees, which names the story world/storm.txt, failed it and
    listed the waiver as stale."""
    corpus = tmp_path / "corpus"
    for lang, lines in (("en", EN), ("ko", KO)):
        (corpus / lang / "world").mkdir(parents=True)
        (corpus / lang / "world" / "storm.txt").write_text("\n".join(lines) + "\n", "utf-8")
    story = [corpus / lang / "world" / "storm.txt" for lang in ("en", "ko")]
    argv = ["check", *map(str, story), "--presegmented", "--report-dir", "out", "-q"]
    result = CliRunner().invoke(main, [*argv, "--waivers", "w.json", "--update-waivers"])
    assert result.exit_code == 0
    written = json.loads(Path("w.json").read_text("utf-8"))["waivers"]
    assert [w["document"] for w in written] == ["world/storm.txt"]
    code, _, stderr = _check(corpus / "en", corpus / "ko", "--waivers", "w.json")
    assert (code, "stale" in stderr) == (0, False)
