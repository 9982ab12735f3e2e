"""The editor's server in-process (Starlette's test client): who may ask, what it reads and writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from verordening.advisor.editor.server import COOKIE, HEADER, bind, make_app
from verordening.advisor.editor.session import Session

from .conftest import ROOT

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = "geheim-" + "x" * 20


@pytest.fixture
def setup(tmp_path: Path):
    path = tmp_path / "nijkerk.yaml"
    shutil.copy(ROOT / "municipalities" / "nijkerk.yaml", path)
    client = TestClient(make_app(Session(path), TOKEN, PORT), base_url=BASE, follow_redirects=False)
    return client, path


def form(path: Path, **changes: str) -> dict[str, list[str]]:
    """The form as the page sends it, from the file's values, with some fields changed."""
    from verordening.advisor.fields import choice_fields
    from verordening.advisor.standard import get_path
    from verordening.choicefile.reader import load_choices

    values = load_choices(path).model_dump()
    out: dict[str, list[str]] = {}
    for f in choice_fields().walk():
        value = get_path(values, f.path)
        if f.kind in ("group", "forms") or f.key == "in_te_vullen":
            continue
        if f.kind == "bool":
            out[f.path] = ["ja"] if value else []
        elif f.kind == "multi":
            out[f.path] = [getattr(v, "value", v) for v in value or []]
        else:
            out[f.path] = [] if value is None else [str(getattr(value, "value", value))]
    out["clientenraad"] = ["de cliëntenraad is om advies gevraagd"]
    out |= {k.replace("__", "."): [v] for k, v in changes.items()}
    return out


def enter(client: TestClient) -> None:
    response = client.get(f"/?token={TOKEN}")
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert (
        "httponly" in response.headers["set-cookie"].lower()
        and "samesite=strict" in response.headers["set-cookie"].lower()
    )


def post(client: TestClient, url: str, data: dict, **headers: str):
    return client.post(url, data=data, headers={HEADER: TOKEN, **headers})


def test_the_token_opens_the_page(setup):
    client, _ = setup
    assert client.get("/").status_code == 403  # no token
    assert client.get("/?token=fout").status_code == 403
    enter(client)
    page = client.get("/")
    assert page.status_code == 200 and '<html lang="nl">' in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert '<label for="veld-jobcoaching-maximale-duur-maanden">Maximale duur van jobcoaching</label>' in page.text


def test_another_host_or_origin_is_refused(setup):
    client, path = setup
    enter(client)
    assert client.get("/", headers={"host": "aanvaller.example"}).status_code == 403  # DNS rebinding
    assert client.get(f"/?token={TOKEN}", headers={"host": f"aanvaller.example:{PORT}"}).status_code == 403
    data = form(path)
    assert post(client, "/voorbeeld", data, origin="http://aanvaller.example").status_code == 403
    assert client.post("/voorbeeld", data=data).status_code == 403  # no token in the header
    assert post(client, "/voorbeeld", data, origin=BASE).status_code == 200


def test_no_other_file_is_reachable(setup):
    client, path = setup
    enter(client)
    (path.parent / "geheim.txt").write_text("geheim", encoding="utf-8")
    for url in ("/geheim.txt", "/../geheim.txt", "/nijkerk.yaml", "/%2e%2e/geheim.txt", "/static/x", "/etc/passwd"):
        response = client.get(url)
        assert response.status_code in (404, 405) and "geheim" not in response.text, url
    data = form(path) | {"pad": ["../geheim.txt"], "bestand": [str(path.parent / "geheim.txt")]}
    assert post(client, "/opslaan", data).status_code == 200
    assert (path.parent / "geheim.txt").read_text(encoding="utf-8") == "geheim"


def test_preview_shows_the_change_and_problems_by_key(setup):
    client, path = setup
    enter(client)
    answer = post(client, "/voorbeeld", form(path, jobcoaching__maximale_duur_maanden="36")).json()
    assert answer["fouten"] == {} and "ten hoogste 36 maanden" in answer["ontwerp"]
    assert "OVAL-scorecard" in answer["paneel"]
    bad = post(client, "/voorbeeld", form(path, jobcoaching__maximale_duur_maanden="200"))
    assert bad.status_code == 422
    assert bad.json()["fouten"] == {
        "jobcoaching.maximale_duur_maanden": "verwacht een geheel getal van 1 tot en met 120 maanden, gegeven: 200"
    }
    across = post(client, "/voorbeeld", form(path, vaststelling__voorstel_datum="2023-07-30")).json()
    assert "vaststelling.voorstel_datum" in across["fouten"]  # a rule across keys, as check says it


def test_save_writes_only_valid_choices_keeps_a_backup_and_never_over_a_change_on_disk(setup):
    client, path = setup
    enter(client)
    original = path.read_text(encoding="utf-8")
    assert post(client, "/opslaan", form(path, jaar="20")).status_code == 422
    assert path.read_text(encoding="utf-8") == original
    assert post(client, "/opslaan", form(path, jaar="2024")).status_code == 200
    assert "jaar: 2024" in path.read_text(encoding="utf-8")
    assert [b.read_text(encoding="utf-8") for b in path.parent.glob("nijkerk.yaml.bewerkt-*")] == [original]
    path.write_text(path.read_text(encoding="utf-8") + "# elders bewerkt\n", encoding="utf-8")
    conflict = post(client, "/opslaan", form(path, jaar="2025"))
    assert conflict.status_code == 409 and "buiten de editor gewijzigd" in conflict.json()["melding"]
    assert path.read_text(encoding="utf-8").endswith("# elders bewerkt\n")


def test_provisional_keys_go_once_changed(tmp_path: Path):
    from typer.testing import CliRunner

    from verordening.cli.app import app

    path = tmp_path / "n.yaml"
    CliRunner().invoke(app, ["nieuw", "Nijkerk", "--standaard", "--out", str(path)])
    client = TestClient(make_app(Session(path), TOKEN, PORT), base_url=BASE, follow_redirects=False)
    enter(client)
    data = form(path, vaststelling__voorstel_nummer="RV-2027-8")
    answer = post(client, "/opslaan", data).json()
    assert "vaststelling.voorstel_nummer" not in answer["voorlopig"] and "vaststelling.datum" in answer["voorlopig"]
    text = path.read_text(encoding="utf-8")
    assert "RV-2027-8" in text and "  - vaststelling.datum" in text
    assert "# Nummer van het raadsvoorstel: Het nummer van het voorstel" in text  # comments kept


def test_an_invalid_file_opens_with_its_problems(tmp_path: Path):
    path = tmp_path / "k.yaml"
    text = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("maximale_duur_maanden: 24", "maximale_duur_maanden: 600"), encoding="utf-8")
    client = TestClient(make_app(Session(path), TOKEN, PORT), base_url=BASE, follow_redirects=False)
    enter(client)
    page = client.get("/").text
    assert "[jobcoaching.maximale_duur_maanden]" not in page and "van 1 tot en met 120, gegeven: 600" in page


def test_it_listens_on_the_loopback_address_only():
    sock = bind(0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()


def test_cookie_name_is_not_guessable_from_the_page(setup):
    client, _ = setup
    enter(client)
    assert client.cookies.get(COOKIE) == TOKEN


def test_a_date_or_its_word(setup):
    client, path = setup
    enter(client)
    data = form(path)
    data["inwerkingtreding"] = ["2023-07-01", "dag_na_bekendmaking"]  # the date field and the ticked word
    data["vaststelling.datum"] = ["2023-07-06"]  # adopted after Breed offensief, so no date is needed
    answer = post(client, "/opslaan", data)
    assert answer.status_code == 200, answer.json()
    assert "inwerkingtreding: dag_na_bekendmaking" in path.read_text(encoding="utf-8")
    page = client.get("/").text
    assert 'value="dag_na_bekendmaking"> of: de dag na die van de bekendmaking' in page
