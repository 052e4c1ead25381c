"""Word files (.docx): read as Word shows them, located by paragraph, refused when hostile.

Every .docx here is generated: python-docx's own template with the body (and
styles, footnotes) replaced by the XML a test needs, or the sample report
written paragraph by paragraph as a Word user has it.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from reportlint.api import lint_paths
from reportlint.cli import cli
from reportlint.config import Config
from reportlint.engine import rules_for_document, run_rules
from reportlint.errors import InputError
from reportlint.linting import locate_in_paragraphs
from reportlint.text import docx_reader
from reportlint.text.docx_reader import opening_words
from reportlint.text.parse import read_document

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "000_ad65c542b7148e02.txt"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

# Real paragraphs (the sample report and yunnan_2025).
H1 = "一、2024年工作回顾"
H3 = "三、2025年重点工作"
S1 = "（一）经济运行总体平稳、稳中有进。抢抓国家重大政策机遇，推动“两重”“两新”等落地见效。"
BODY = "过去的一年，是新世纪以来我国经济发展最为困难的一年。"


def template() -> dict[str, bytes]:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def p(text: str = "", style: str | None = None, ppr: str = "", rpr: str = "") -> str:
    """One Word paragraph of one run."""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{style_xml}{ppr}</w:pPr>{run}</w:p>"


def word_file(path: Path, body: str, styles: str = "", footnotes: str | None = None) -> Path:
    """A .docx whose body is *body*; *styles* are added to the template's; *footnotes* the w:footnote elements."""
    parts = template()
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    ).encode()
    if styles:
        parts["word/styles.xml"] = parts["word/styles.xml"].replace(b"</w:styles>", styles.encode() + b"</w:styles>")
    if footnotes is not None:
        parts["word/footnotes.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f"{footnotes}</w:footnotes>"
        ).encode()
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>", f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/></Types>'.encode())
        parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
            b"</Relationships>",
            f'<Relationship Id="rId99" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/></Relationships>'.encode())
    write_zip(path, parts)
    return path


def write_zip(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def sample_as_word(path: Path) -> Path:
    """The sample report as a Word user has it: one Word paragraph per paragraph,
    # headings in Heading styles, **bold** as bold runs."""
    document = docx.Document()
    for line in SAMPLE.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        heading = re.match(r"(#+)\s+", line)
        if heading:
            document.add_paragraph(line[heading.end():].strip(), style=f"Heading {len(heading.group(1))}")
            continue
        paragraph = document.add_paragraph()
        for index, part in enumerate(line.rstrip().split("**")):
            if part:
                paragraph.add_run(part).bold = index % 2 == 1
    document.save(path)
    return path


def paragraph_numbers_of_sample_lines() -> dict[int, int]:
    """Line of the .txt sample -> number of its paragraph (the next one for a blank line)."""
    numbers, count = {}, 0
    for line_number, line in enumerate(SAMPLE.read_text(encoding="utf-8").split("\n"), start=1):
        count += bool(line.strip())
        numbers[line_number] = count if line.strip() else count + 1
    return numbers


def lint(path: Path):
    config = Config()
    registry = config.validate()
    doc = read_document(path)
    return doc, run_rules(doc, rules_for_document(registry, config, doc.path)).findings


def texts(path: Path) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in read_document(path).paragraphs]


# --- the acceptance: the sample report as a Word file ---------------------------------------------------------


def test_the_sample_as_a_word_file_has_the_findings_of_the_text_file_by_paragraph(tmp_path):
    word = sample_as_word(tmp_path / "报告.docx")
    numbers = paragraph_numbers_of_sample_lines()
    expected = {(f.name, numbers[f.line]) for f in lint_paths([str(SAMPLE)]).findings}
    doc, findings = lint(word)
    assert doc.is_word
    assert {(f.name, f.line) for f in findings} == expected
    assert {"broken-paragraph", "doubled-word", "layout-artifact", "misplaced-fragment"} <= {n for n, _ in expected}


def test_the_sample_as_a_word_file_through_the_command_line(tmp_path):
    word = sample_as_word(tmp_path / "报告.docx")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(word)])
    assert result.exit_code == 1, result.output
    found = {(item["name"], item["line"]) for item in json.loads(result.stdout)}
    numbers = paragraph_numbers_of_sample_lines()
    assert found == {(f.name, numbers[f.line]) for f in lint_paths([str(SAMPLE)]).findings}


def test_a_finding_is_located_by_paragraph_with_empty_paragraphs_counted(tmp_path):
    # The doubled 滇滇 of the sample, after a title and an empty paragraph: ¶3, column in the paragraph.
    text = "持续提升创新发展水平。坚持创新引领，加强滇滇科技交流合作。"
    word = word_file(tmp_path / "a.docx", p("政府工作报告", "Title") + p() + p("　　" + text))
    doc, findings = lint(word)
    [finding] = [f for f in findings if f.name == "doubled-word"]
    assert (finding.line, finding.column) == (3, 2 + text.index("滇滇") + 1)
    assert doc.text(finding.span) == "滇滇"
    assert opening_words(doc.source, finding.span.start) == "持续提升创新发展水平。坚持创新引…"
    assert doc.source.split("\n") == ["政府工作报告", "", "　　" + text]
    [located] = locate_in_paragraphs([finding], doc.source)
    assert located.message == finding.message + "（¶3「持续提升创新发展水平。坚持创新引…」）"
    assert (located.line, located.span) == (finding.line, finding.span)


# --- what counts as a paragraph's text ---------------------------------------------------------------------


def test_runs_hyperlinks_fields_and_insertions_are_text_deletions_and_hidden_text_are_not(tmp_path):
    body = (
        "<w:p><w:r><w:t>深入实施</w:t></w:r>"
        '<w:hyperlink r:id="rId1"><w:r><w:t>提振消费</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t>专项</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>删去的话</w:delText></w:r></w:del>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>行动</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t>，加力</w:t></w:r></w:fldSimple>'
        "<w:r><w:t>用好政策。</w:t></w:r></w:p>"
    )
    assert texts(word_file(tmp_path / "a.docx", body)) == [("text", "深入实施提振消费专项行动，加力用好政策。")]


def test_soft_line_breaks_join_like_soft_wrapped_lines_and_tabs_stay(tmp_path):
    body = (
        "<w:p><w:r><w:t>支持民营企业和民营</w:t><w:br/><w:t>经济发展。</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>the Belt and</w:t><w:br/><w:t>Road Initiative</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>市长</w:t><w:tab/><w:t>张三</w:t></w:r></w:p>"
    )
    word = word_file(tmp_path / "a.docx", body)
    assert [t for _, t in texts(word)] == ["支持民营企业和民营经济发展。", "the Belt and Road Initiative", "市长\t张三"]
    assert read_document(word).source.count("\n") == 2  # one line per paragraph, breaks or not


def test_tables_cell_by_cell_then_footnotes_after_the_body(tmp_path):
    table = (
        "<w:tbl><w:tr><w:tc>" + p("指标") + "</w:tc><w:tc>" + p("增长") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + p("地区生产总值") + "</w:tc><w:tc>" + p("5%左右") + "</w:tc></w:tr></w:tbl>"
    )
    footnote = '<w:footnote w:id="1">' + p("数据来源：市统计局。") + "</w:footnote>"
    body = p(BODY) + table + '<w:p><w:r><w:t>今年预期目标如下。</w:t></w:r></w:p>'
    word = word_file(tmp_path / "a.docx", body, footnotes=footnote)
    assert texts(word) == [
        ("text", BODY), ("table-cell", "指标"), ("table-cell", "增长"), ("table-cell", "地区生产总值"),
        ("table-cell", "5%左右"), ("text", "今年预期目标如下。"), ("text", "数据来源：市统计局。"),
    ]


# --- headings from Word's styles ---------------------------------------------------------------------------

CUSTOM_STYLES = (
    '<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 1"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="gov2"><w:name w:val="公文二级"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="gov3"><w:name w:val="公文三级"/><w:basedOn w:val="gov2"/></w:style>'
)


@pytest.mark.parametrize("style, ppr", [
    ("Heading1", ""), ("a1", ""), ("gov2", ""), ("gov3", ""), (None, '<w:outlineLvl w:val="0"/>'),
])
def test_headings_from_styles_names_and_outline_levels(tmp_path, style, ppr):
    # 加快建设现代化产业体系 has no numbering and no heading shape: only Word says it is a heading.
    body = p(BODY) + p("加快建设现代化产业体系", style, ppr) + p(BODY)
    word = word_file(tmp_path / "a.docx", body, CUSTOM_STYLES)
    assert [k for k, _ in texts(word)] == ["text", "heading", "text"]


def test_title_style_body_text_level_and_automatic_numbering(tmp_path):
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = (
        p(BODY) + p("2025年政府工作报告", "Title")
        + p("加快建设现代化产业体系", "gov2", '<w:outlineLvl w:val="9"/>')  # "body text" overrides the style
        + p("全力抓项目扩投资。扎实推进项目攻坚年。", None, numbered)
        + p("积极扩消费促贸易。深入实施提振消费专项行动。", "ListNumber")
    )
    word = word_file(tmp_path / "a.docx", body, CUSTOM_STYLES)
    assert [k for k, _ in texts(word)] == ["text", "title", "text", "list-item", "list-item"]


def test_whole_bold_paragraphs_and_numbered_text_are_headings_as_in_text_files(tmp_path):
    body = (
        p("政府工作报告") + p("三、2026年重点工作", rpr="<w:b/>") + p(BODY)
        + p("扎实推进农业农村现代化", rpr='<w:b w:val="0"/>') + p("（一）千方百计扩大经济总量") + p(BODY)
    )
    word = word_file(tmp_path / "a.docx", body)
    assert [k for k, _ in texts(word)] == ["title", "heading", "text", "text", "heading", "text"]


def test_structure_rules_read_word_headings(tmp_path):
    # A skipped outline number is found in Word as in text, at the heading's paragraph.
    body = p(H1, "Heading1") + p(S1) + p(BODY) + p(H3, "Heading1") + p(BODY)
    doc, findings = lint(word_file(tmp_path / "a.docx", body))
    found = [(f.name, f.line, doc.text(f.span)) for f in findings if f.name == "numbering-sequence"]
    assert found == [("numbering-sequence", 4, "三、")]


# --- what is not a readable Word file ----------------------------------------------------------------------


def refused(path: Path, *fragments: str) -> str:
    with pytest.raises(InputError) as error:
        read_document(path)
    message = str(error.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_not_a_zip_and_a_zip_without_a_document(tmp_path):
    text = tmp_path / "a.docx"
    text.write_text(BODY, encoding="utf-8")
    refused(text, "not a Word .docx file", "not a zip archive")
    parts = template()
    del parts["word/document.xml"]
    write_zip(tmp_path / "b.docx", parts)
    refused(tmp_path / "b.docx", "not a Word .docx file", "word/document.xml")
    write_zip(tmp_path / "c.docx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    refused(tmp_path / "c.docx", "not a Word .docx file")


def test_broken_xml_is_one_clear_line(tmp_path):
    parts = template()
    parts["word/document.xml"] = b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p>'
    write_zip(tmp_path / "a.docx", parts)
    refused(tmp_path / "a.docx", "not a Word .docx file", "broken XML")


def ole_file(path: Path, *streams: str) -> Path:
    # An OLE compound file starts with its magic; its directory names its streams in UTF-16.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"".join(s.encode("utf-16-le") for s in streams)
    path.write_bytes(data + bytes(1024))
    return path


def test_old_word_files_and_password_protected_ones_say_what_to_do(tmp_path):
    refused(ole_file(tmp_path / "报告.doc", "WordDocument"), "old Word 97-2003 .doc", "save it as .docx")
    refused(ole_file(tmp_path / "报告.docx", "WordDocument"), "old Word 97-2003 .doc")
    refused(ole_file(tmp_path / "加密.docx", "EncryptionInfo", "EncryptedPackage"), "password-protected")
    rtf = tmp_path / "r.doc"
    rtf.write_bytes(b"{\\rtf1\\ansi " + BODY.encode("gb18030") + b"}")
    refused(rtf, "RTF")


def test_a_doc_that_is_a_renamed_docx_or_text_is_read(tmp_path):
    renamed = word_file(tmp_path / "a.doc", p(BODY))
    assert texts(renamed) == [("text", BODY)]
    assert read_document(renamed).is_word
    text = tmp_path / "b.doc"
    text.write_text(BODY, encoding="gb18030")
    assert [p.text for p in read_document(text).paragraphs] == [BODY]


# --- hostile files: refused fast, before their bytes are unpacked ------------------------------------------


def bomb(path: Path, name: str, size: int, parts: dict[str, bytes] | None = None) -> Path:
    """A .docx holding *name*: *size* zero bytes that deflate to about a thousandth of that."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in (parts if parts is not None else template()).items():
            archive.writestr(part, data)
        with archive.open(name, "w") as stream:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                stream.write(chunk)
    return path


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    path = bomb(tmp_path / "bomb.docx", "word/media/image1.png", 64 << 20)
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: opened.append(
        getattr(name, "filename", name)) or real_open(self, name, *a, **k))
    refused(path, "zip bomb", "word/media/image1.png", "expands")
    assert "word/media/image1.png" not in opened
    assert opened == []  # refused on the sizes in the directory, before any XML was scanned


def test_too_many_parts_and_too_much_in_all_are_refused(tmp_path, monkeypatch):
    parts = template()
    parts.update({f"word/media/image{i}.png": b"x" for i in range(60)})
    write_zip(tmp_path / "many.docx", parts)
    monkeypatch.setattr(docx_reader, "MAX_PARTS", 50)
    refused(tmp_path / "many.docx", "parts in the archive", "the limit is 50")
    monkeypatch.setattr(docx_reader, "MAX_PARTS", 5000)
    parts = template()
    parts["word/media/image1.png"] = bytes(range(256)) * 8192  # 2 MB that barely compresses
    write_zip(tmp_path / "big.docx", parts)
    monkeypatch.setattr(docx_reader, "MAX_TOTAL_BYTES", 1 << 20)
    refused(tmp_path / "big.docx", "unpacks to", "the limit is 1,048,576")


def test_a_huge_xml_part_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 1 << 20)
    padding = "".join(p(f"{BODY}{i}") for i in range(20000))
    word = word_file(tmp_path / "a.docx", padding)
    refused(word, "XML part word/document.xml", "the limit is 1,048,576")


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i else "&lol;") * 10}">' for i in range(9))
    + f']>\n<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol8;</w:t></w:r></w:p></w:body></w:document>'
)


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-32"])
def test_entity_expansion_is_refused(tmp_path, codec):
    parts = template()
    xml = BILLION_LAUGHS if codec == "utf-8" else BILLION_LAUGHS.replace('version="1.0"', f'version="1.0" encoding="{codec.upper()}"')
    parts["word/document.xml"] = xml.encode(codec)
    write_zip(tmp_path / "a.docx", parts)
    refused(tmp_path / "a.docx", "word/document.xml", "DOCTYPE or ENTITY")


def with_main_part_named(parts: dict[str, bytes], name: str, main: bytes) -> dict[str, bytes]:
    """*parts* whose main document part is *name* (found, as Word finds it, through the package's
    relationships and its content type), with a harmless word/document.xml left beside it."""
    parts = dict(parts)
    parts[name] = main
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", name.encode())
    main_type = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/' + name.encode() + b'" ContentType="' + main_type + b'"/></Types>')
    return parts


def test_the_checks_go_by_content_type_not_by_the_parts_name(tmp_path, monkeypatch):
    # word/main.dat is parsed as XML by python-docx: its DOCTYPE and its size are checked too
    write_zip(tmp_path / "a.docx", with_main_part_named(template(), "word/main.dat", BILLION_LAUGHS.encode()))
    refused(tmp_path / "a.docx", "word/main.dat", "DOCTYPE or ENTITY")
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 1 << 19)  # above the template's styles.xml
    big = word_file(tmp_path / "b.docx", "".join(p(f"{BODY}{i}") for i in range(4000)))
    with zipfile.ZipFile(big) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    main, parts["word/document.xml"] = parts["word/document.xml"], template()["word/document.xml"]
    write_zip(tmp_path / "c.docx", with_main_part_named(parts, "word/main.dat", main))
    refused(tmp_path / "c.docx", "XML part word/main.dat", "the limit is 524,288")


def test_an_svg_picture_with_a_doctype_is_no_reason_to_refuse(tmp_path):
    parts = template()
    parts["word/media/image1.svg"] = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>'
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Default Extension="svg" ContentType="image/svg+xml"/></Types>')
    write_zip(tmp_path / "a.docx", parts)
    read_document(tmp_path / "a.docx")  # no InputError


def test_a_damaged_archive_is_one_line_about_a_broken_word_file(tmp_path):
    # bytes changed, cut out or put in at random: whatever zipfile raises, never an internal error
    import random

    good = sample_as_word(tmp_path / "good.docx").read_bytes()
    rng = random.Random(20261206)
    for attempt in range(300):
        data = bytearray(good)
        for _ in range(rng.randint(1, 20)):
            at = rng.randrange(len(data))
            if rng.random() < 0.6:
                data[at] = rng.randrange(256)
            elif rng.random() < 0.5:
                del data[at:at + rng.randint(1, 50)]
            else:
                data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        damaged = tmp_path / "damaged.docx"
        damaged.write_bytes(bytes(data))
        try:
            read_document(damaged)
        except InputError as error:
            assert "\n" not in str(error), attempt


def lying_bomb(path: Path) -> Path:
    """A zip whose document.xml says it unpacks to 1000 bytes and unpacks to 300 MB."""
    parts = template()
    del parts["word/document.xml"]
    bomb(path, "word/document.xml", 300 << 20, parts)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    # the uncompressed size is at byte 22 of a local header and byte 24 of a central directory entry
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        header = data.find(signature)
        while header >= 0:
            if data[header + name_at:header + name_at + len(name)] == name:
                data[header + size_at:header + size_at + 4] = (1000).to_bytes(4, "little")
            header = data.find(signature, header + 4)
    path.write_bytes(bytes(data))
    return path


def test_a_zip_that_understates_a_part_is_cut_at_the_stated_size_with_bounded_memory(tmp_path):
    path = lying_bomb(tmp_path / "lie.docx")
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1000
    # zipfile hands out bytes objects, which tracemalloc sees: unpacking the part would peak at 300 MB.
    tracemalloc.start()
    try:
        refused(path, "not a Word .docx file", "word/document.xml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30 << 20


def test_text_files_never_import_the_word_reader():
    script = (
        "import sys\nfrom reportlint.api import lint_paths\n"
        f"assert lint_paths([{str(SAMPLE)!r}]).findings\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml') or m == 'reportlint.text.docx_reader'))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "[]", run.stdout + run.stderr


def test_headers_footers_and_content_controls(tmp_path):
    # Page furniture is not text; a content control's paragraphs are (forms and templates use them).
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "昭通市人民政府文件"
    document.sections[0].footer.paragraphs[0].text = "第1页"
    document.add_paragraph(BODY)
    document.save(tmp_path / "a.docx")
    assert texts(tmp_path / "a.docx") == [("text", BODY)]
    control = "<w:sdt><w:sdtPr/><w:sdtContent>" + p(S1) + "</w:sdtContent></w:sdt>"
    assert [t for _, t in texts(word_file(tmp_path / "b.docx", p(BODY) + control))] == [BODY, S1]


def test_a_folder_walk_reads_word_files_and_skips_word_lock_files(tmp_path):
    sample_as_word(tmp_path / "报告.docx")
    (tmp_path / "~$报告.docx").write_bytes(b"\x06zhangsan" + bytes(150))  # Word's lock file beside it
    result = lint_paths([str(tmp_path)])
    assert [r.path for r in result.files] == [str(tmp_path / "报告.docx")] and not result.errors
    assert result.findings and all("（¶" in f.message for f in result.findings)


def test_text_and_concise_output_name_paragraphs(tmp_path):
    word = sample_as_word(tmp_path / "报告.docx")
    out = CliRunner().invoke(cli, ["check", str(word)]).stdout
    assert f"{word}:¶3: warning: RL102 [layout-artifact]" in out and "¶3 | 上接第3版" in out
    concise = CliRunner().invoke(cli, ["check", "--format", "concise", str(word)]).stdout
    assert f"{word}:¶3: warning: RL102 [layout-artifact]" in concise
    assert "fixable" not in out  # reportlint never writes a Word file


def test_a_word_file_read_from_stdin_with_its_name(tmp_path):
    word = sample_as_word(tmp_path / "报告.docx")
    from_file = CliRunner().invoke(cli, ["check", "--format", "json", str(word)])
    from_stdin = CliRunner().invoke(cli, ["check", "--format", "json", "--stdin-filename", str(word), "-"],
                                    input=word.read_bytes())
    assert from_stdin.exit_code == from_file.exit_code == 1
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)
    broken = CliRunner().invoke(cli, ["check", "--stdin-filename", "坏.docx", "-"], input=b"PK\x03\x04 not a zip")
    assert broken.exit_code == 2 and "坏.docx: not a Word .docx file" in broken.stderr


def test_fix_and_diff_leave_a_word_file_alone(tmp_path):
    word = sample_as_word(tmp_path / "报告.docx")
    before = word.read_bytes()
    for flag, status in (("--fix", 1), ("--diff", 0)):  # --fix: the findings stand; --diff: no change to show
        result = CliRunner().invoke(cli, ["check", flag, "--unsafe-fixes", str(word)])
        assert result.exit_code == status
        assert "not fixed: .docx files are not written" in result.stderr and "binary file" not in result.stderr
    assert word.read_bytes() == before
