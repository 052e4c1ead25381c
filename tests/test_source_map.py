"""Property: every prose character maps back to the same character in the source."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.text.markdown import PLACEHOLDER
from reportlint.text.parse import parse_text

PIECES = st.sampled_from(
    ["民营", "经济", "发展", "，", "。", "“", "”", "**", "*", "`代码`", "[链接](http://x.cn)", "<!-- 注 -->",
     "# ", "## ", "- ", "1. ", "| ", " | ", "> ", "\n", "\n\n", "\r\n", "  ", "　", "GDP", "5%", "\\*", "---"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40), st.sampled_from(["a.md", "a.txt"]))
def test_prose_characters_map_to_themselves(pieces, path):
    source = "".join(pieces)
    doc = parse_text(source, path)
    for paragraph in doc.paragraphs:
        for i, char in enumerate(paragraph.text):
            span = paragraph.span(i, i + 1)
            assert 0 <= span.start < span.end <= len(source)
            if char == PLACEHOLDER:
                continue
            mapped = source[span.start : span.end]
            if char == " " and mapped in ("\n", "\r", "\r\n"):
                continue  # the space that joins two soft-wrapped Latin lines stands for the line break
            assert mapped == char, (source, paragraph.text, i)
        whole = paragraph.span()
        assert 0 <= whole.start <= whole.end <= len(source)
