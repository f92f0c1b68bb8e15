"""Bad input: one clear Danish sentence naming the file (ImportProblem), never a traceback."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_samples import pdf_bytes

from store.errors import StoreError
from store.importing import ImportProblem, parse_file, parse_text, readers

DATA = Path(__file__).parents[1] / "data" / "import"
AGENDA_HEAD = "Dagsorden - Økonomiudvalget den 3. marts 2022\nMødested: Rådhuset\n\n"


def problem(path: Path) -> str:
    with pytest.raises(ImportProblem) as caught:
        parse_file(path)
    message = str(caught.value)
    assert path.name in message
    assert message.endswith(".") and "\n" not in message
    return message


def test_import_problem_is_a_store_error():
    assert issubclass(ImportProblem, StoreError)


def test_empty_file():
    assert "er tom" in problem(DATA / "tom.md")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\t\n")
    assert "ingen tekst" in problem(path)


def test_binary_junk():
    assert "ikke en tekst" in problem(DATA / "binær.bin")


def test_no_recognisable_item():
    assert "ingen dagsordenspunkter" in problem(DATA / "ingen-punkter.txt")


def test_missing_file_and_folder(tmp_path):
    assert "findes ikke" in problem(tmp_path / "mangler.md")
    folder = tmp_path / "mappe.md"
    folder.mkdir()
    assert "mappe" in problem(folder)


def test_truncated_pdf(tmp_path):
    whole = pdf_bytes([["Referat", "1. Godkendelse af dagsorden", "Beslutning", "Godkendt."]])
    path = tmp_path / "afkortet.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    assert "PDF" in problem(path)


def test_pdf_name_on_something_else(tmp_path):
    path = tmp_path / "falsk.pdf"
    path.write_text("Dette er ikke en PDF.")
    assert "ikke en gyldig PDF" in problem(path)


def test_broken_word_documents(tmp_path):
    path = tmp_path / "falsk.docx"
    path.write_text("Dette er ikke et Word-dokument.")
    assert "Word" in problem(path)
    import zipfile

    archive = tmp_path / "arkiv.docx"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("noget.txt", "hej")
    assert "zip-arkiv" in problem(archive)
    old = tmp_path / "gammel.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".docx" in problem(old)


def test_a_date_that_does_not_exist_names_the_line(tmp_path):
    path = tmp_path / "dato.txt"
    path.write_text("Referat - Økonomiudvalget\n\nDato: 31. februar 2022\n\n1. Godkendelse\n\nBeslutning\n\nGodkendt\n")
    message = problem(path)
    assert "linje 3" in message and "31. februar 2022" in message


def test_five_megabyte_file_imports(tmp_path):
    paragraph = "Kommunen har modtaget en ansøgning om tilskud til foreningen, og forvaltningen vurderer den.\n\n"
    body = paragraph * (5 * 1024 * 1024 // len(paragraph.encode()))
    path = tmp_path / "stor.md"
    path.write_text(AGENDA_HEAD + "# Punkt 1: Stort punkt\n\n## Sagsfremstilling\n\n" + body + "## Bilag\n\nBilag A\n")
    assert path.stat().st_size > 5 * 1024 * 1024
    meeting = parse_file(path)
    assert [i.title for i in meeting.items] == ["Stort punkt"]
    assert len(meeting.items[0].sections[0].text) > 5_000_000
    assert [a.title for a in meeting.items[0].attachments] == ["Bilag A"]


def test_text_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_TEXT_CHARS", 1000)
    path = tmp_path / "for-stor.txt"
    path.write_text(AGENDA_HEAD + "1. Punkt\n\nSagsfremstilling\n\n" + "tekst " * 400)
    assert "for meget tekst" in problem(path)


def test_five_hundred_items():
    items = "".join(
        f"{n}. Sag nummer {n}\n\nSagsfremstilling\n\nTekst {n}.\n\nIndstilling\n\n 1. at godkende sag {n}.\n\n"
        for n in range(1, 501)
    )
    meeting = parse_text(AGENDA_HEAD + items, "mange.txt")
    assert [i.number for i in meeting.items] == [str(n) for n in range(1, 501)]
    assert all(len(i.recommendation) == 1 for i in meeting.items)


def test_two_thousand_character_title():
    title = ("Forslag til ændring af regulativ for erhvervsaffald " * 40)[:2000].strip()
    meeting = parse_text(AGENDA_HEAD + f"Punkt 1: {title}\n\nSagsfremstilling\n\nTekst.\n", "lang.txt")
    assert meeting.items[0].title == title


def test_markup_characters_are_kept_as_text():
    title = "<script>alert(1)</script> | `kode` [link](x) & 50 % #tag"
    meeting = parse_text(AGENDA_HEAD + f"Punkt 1: {title}\n\n## Resume\n\n<b>fed</b> | a | b |\n", "markup.md")
    assert meeting.items[0].title == title
    assert meeting.items[0].sections[0].text == "<b>fed</b> | a | b |"


def test_html_page_without_items(tmp_path):
    path = tmp_path / "side.html"
    path.write_text("<html><body><script>x()</script><p>Velkommen til kommunen</p></body></html>")
    assert "ingen dagsordenspunkter" in problem(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=string.printable + "æøåÆØÅ•·\u00a0\f", max_size=400))
def test_any_text_gives_a_meeting_or_an_import_problem(text):
    try:
        meeting = parse_text(AGENDA_HEAD + text, "tilfældig.txt")
    except ImportProblem as problem_:
        assert "tilfældig.txt" in str(problem_)
    else:
        assert meeting.items


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_meeting_or_an_import_problem(data):
    try:
        text = readers.read_bytes(data, "bytes.bin")
        parse_text(text, "bytes.bin")
    except ImportProblem as problem_:
        assert "bytes.bin" in str(problem_)


# --- numbers of any width, control characters, zip bombs (issue 14, points 11 and 12) ------------------


def test_items_numbered_ten_thousand_and_above_stay_items():
    numbers = [9998, 9999, 10000, 10001, 123456]
    items = "".join(f"{n}. Sag nummer {n}\n\nSagsfremstilling\n\nTekst {n}.\n\n" for n in numbers)
    meeting = parse_text(AGENDA_HEAD + items, "brede-numre.txt")
    assert [(i.number, i.title) for i in meeting.items] == [(str(n), f"Sag nummer {n}") for n in numbers]
    assert all(i.sections[0].text == f"Tekst {i.number}." for i in meeting.items)


@pytest.mark.parametrize(
    "control", ["\x0b", "\x0c", "\x1c", "\x1e", "\x85", "\u2028", "\x1b[2J", "\x1b]0;x\x07", "\x00"]
)
def test_a_control_character_in_a_title_neither_splits_nor_merges_items(control):
    text = AGENDA_HEAD + "".join(
        f"{n}. Sag{control} nummer {n}\n\nSagsfremstilling\n\nTekst {n}.\n\n" for n in (1, 2, 3)
    )
    meeting = parse_text(text, "styretegn.txt")
    assert [i.number for i in meeting.items] == ["1", "2", "3"]
    for item in meeting.items:
        assert item.title.startswith("Sag") and item.title.endswith(f"nummer {item.number}")
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in item.title)
        assert item.sections[0].text == f"Tekst {item.number}."


def test_a_word_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    import time
    import tracemalloc
    import zipfile

    from import_samples import docx_bytes

    path = tmp_path / "bombe.docx"
    path.write_bytes(docx_bytes([("", "Referat")]))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("word/fyld.xml", b"<a>" + b" " * (200 * 1024 * 1024) + b"</a>")
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    message = problem(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "pakket ud" in message
    assert peak < 50 * 1024 * 1024 and time.monotonic() - started < 10
