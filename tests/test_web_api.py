"""The read-only JSON API: every endpoint, filters, and bad parameters answered with 4xx."""
import pytest
from fastapi.testclient import TestClient

from accord.web.app import create_app

KINDS = ["actors", "quotes", "events", "issues", "positions", "claims", "contradictions", "assessments",
         "articles", "mentions"]


@pytest.fixture(scope="module")
def client(demo_store_path):
    return TestClient(create_app(str(demo_store_path)), raise_server_exceptions=False)


def test_index_page_is_the_live_report(client):
    r = client.get("/")
    assert r.status_code == 200
    assert 'id="accord-data"' in r.text and "window.ACCORD_API = true" in r.text


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_kind_is_listed_in_export_shape(client, kind):
    r = client.get(f"/api/{kind}", params={"limit": 5})
    assert r.status_code == 200
    rows = r.json()
    assert isinstance(rows, list) and len(rows) <= 5
    if kind in ("quotes", "events", "articles", "actors", "mentions"):
        assert rows, kind


def test_events_filter_by_type_and_actor(client):
    events = client.get("/api/events", params={"limit": 5000}).json()
    kind = events[0]["type"]
    typed = client.get("/api/events", params={"type": kind, "limit": 5000}).json()
    assert typed and all(e["type"] == kind for e in typed)
    src = next(e["source"]["actor_id"] for e in events if e["source"] and e["source"]["actor_id"])
    by_actor = client.get("/api/events", params={"actor": src, "limit": 5000}).json()
    assert by_actor and all(e["source"] and e["source"]["actor_id"] == src
                            or any(t["actor_id"] == src for t in e["targets"]) for e in by_actor)


def test_date_filter_limits_to_articles_published_in_range(client):
    arts = client.get("/api/articles", params={"date_from": "2025-01-01", "limit": 5000}).json()
    assert arts and all(a["published"] >= "2025-01-01" for a in arts)


def test_search_finds_articles_and_quotes(client):
    hits = client.get("/api/search", params={"q": "ceasefire"}).json()
    assert hits and {h["kind"] for h in hits} <= {"article", "quote"}
    assert all("ceasefire" in h["text"].lower() for h in hits if h["kind"] == "article")


def test_article_records_endpoint(client):
    art = client.get("/api/articles", params={"limit": 1}).json()[0]
    r = client.get(f"/api/articles/{art['article_id']}/records")
    assert r.status_code == 200
    body = r.json()
    assert body["articles"][0]["article_id"] == art["article_id"]
    assert client.get("/api/articles/nope/records").status_code == 404


def test_counts(client):
    counts = client.get("/api/counts").json()
    assert counts["articles"] > 10


@pytest.mark.parametrize("url,params", [
    ("/api/unknown", {}),
    ("/api/events", {"limit": 0}),
    ("/api/events", {"limit": "many"}),
    ("/api/events", {"date_from": "yesterday"}),
    ("/api/events", {"offset": -1}),
    ("/api/actors", {"issue": "x"}),
    ("/api/issues", {"actor": "x"}),
    ("/api/search", {}),
    ("/api/search", {"q": "a"}),
    ("/api/search", {"q": "x" * 500}),
    ("/api/../../etc/passwd", {}),
    ("/api/articles/" + "a" * 100 + "/records", {}),
])
def test_bad_parameters_get_a_clear_4xx_never_500(client, url, params):
    r = client.get(url, params=params)
    assert 400 <= r.status_code < 500, (url, r.status_code)
    assert r.json().get("detail")


def test_no_write_endpoints(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405


def test_openapi_docs_list_the_endpoints(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/{kind}", "/api/search", "/api/counts", "/api/articles/{article_id}/records"} <= set(spec["paths"])
