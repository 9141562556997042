"""Text that is not English (issue 10, class 14): refused with a typed error, never read wrongly.

The sentences are our own, in the languages news arrives in; the English ones are short on
purpose (a headline, one line of figures), where a detector is least sure and must not refuse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims_api import extract
from claims_api.cli import main
from claims_api.errors import ClaimsError, UnsupportedLanguage
from claims_api.extract import language

ROOT = Path(__file__).resolve().parents[2]

NOT_ENGLISH = [
    ("es", "El ministerio destinará 12,5 millones de soles a la reconstrucción de puentes."),
    ("es", "La tasa de desempleo bajó al 3,5% en el último trimestre, según el instituto."),
    ("pt", "A prefeitura anunciou um investimento de 2,3 bilhões de reais em escolas."),
    ("fr", "Le chômage a reculé à 7,1 % au troisième trimestre, selon les chiffres publiés."),
    ("de", "Der Umsatz des Konzerns sank im vergangenen Jahr um 4,2 Milliarden Euro."),
    ("it", "Il fatturato è cresciuto del 12% rispetto allo stesso periodo dell'anno scorso."),
    ("nl", "De werkloosheid daalde vorige maand naar 3,6 procent van de beroepsbevolking."),
]

ENGLISH_SHORT = [
    "Shares rose 5%.",
    "Toyota recalls 1.2 million cars",
    "Peru: 12.97 billion soles for defence",
    "A meal costs 5,000 kyats.",
    "Call (877) 555-0142 for details.",
    "42 malaysian ringgits",
    "Uganda's budget allots 40 billion shillings to roads.",
    "Real Madrid won 3-1 in Bilbao.",
    "Cerro Verde output: 12,000 tonnes",
    "Petrobras to invest R$100bn in Brazil",
    "1,200 5.5% 3,4 12,5",
]


@pytest.mark.parametrize(("code", "text"), NOT_ENGLISH, ids=[c for c, _ in NOT_ENGLISH])
def test_not_english_is_refused(code: str, text: str) -> None:
    with pytest.raises(UnsupportedLanguage) as info:
        extract(text)
    err = info.value
    assert isinstance(err, ClaimsError) and isinstance(err, ValueError)
    assert err.language == code and err.confidence is not None and err.confidence >= 0.7
    assert err.supported == ["en"] and not err.given
    assert code in str(err)
    # A whole article in that language (past the 20 words where the function-word shortcut looks).
    with pytest.raises(UnsupportedLanguage):
        extract(" ".join([text] * 6))


@pytest.mark.parametrize("text", ENGLISH_SHORT)
def test_short_english_is_read(text: str) -> None:
    extract(text, normalize=False)  # no UnsupportedLanguage: the detector is unsure, or says English


def test_spanish_article_in_an_english_frame_is_refused() -> None:
    # A whole article: the detector reads its first thousand characters.
    body = " ".join(t for c, t in NOT_ENGLISH if c == "es") * 20
    with pytest.raises(UnsupportedLanguage):
        extract(body)


def test_language_given_skips_detection() -> None:
    text = NOT_ENGLISH[0][1]
    assert extract(text, normalize=False, language="en")  # the caller says so: read as English
    with pytest.raises(UnsupportedLanguage) as info:
        extract("Shares rose 5%.", language="es")
    assert info.value.given and info.value.language == "es" and info.value.confidence is None
    with pytest.raises(TypeError):
        extract("Shares rose 5%.", language=1)  # type: ignore[arg-type]


def test_english_articles_are_read() -> None:
    for path in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data" / "bbc").glob("*.txt")]:
        d = language.detect(path.read_text(encoding="utf-8"))
        assert d.language == "en" and not language.refuses(d), (path.name, d)


def test_obvious_english_skips_the_detector() -> None:
    text = (
        "The ministry said that the number of people who lost their jobs in the region was 4,000, "
        "and that the figure would rise by the end of the year, according to the report."
    )
    d = language.detect(text)
    assert (d.language, d.confidence, d.supported) == ("en", 1.0, 1.0)


def test_no_words_no_refusal() -> None:
    d = language.detect("12,5 3,5% 1.234.567 $ € £")
    assert d.words == 0 and not language.refuses(d)


def test_cli_extract_skips_with_a_warning(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "es.txt").write_text(NOT_ENGLISH[0][1], encoding="utf-8")
    (tmp_path / "en.txt").write_text("Police counted 444 victims in 80 days.", encoding="utf-8")
    assert main(["extract", str(tmp_path)]) == 0
    out = capsys.readouterr()
    docs = {json.loads(line)["doc"] for line in out.out.splitlines()}
    assert docs == {"en"}
    assert "skipping" in out.err and "es.txt" in out.err and "'es'" in out.err
    assert main(["extract", str(tmp_path / "es.txt"), "--language", "en"]) == 0
    assert {json.loads(line)["doc"] for line in capsys.readouterr().out.splitlines()} == {"es"}
