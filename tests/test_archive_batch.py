"""The crawl's save path: worker-derived keys, and saves batched into one commit with their search entries."""

import dataclasses
import sqlite3

import pytest

from crawler import archive
from crawler.text_keys import text_keys
from tests.test_archive import CHINH_QUYEN, KHEO, MAT_TRAN, SITES

CITING = dataclasses.replace(KHEO, text=KHEO.text + "\n\nHội nghị quán triệt Kết luận số 114-KL/TW của Ban Bí thư.")


@pytest.fixture
def db(tmp_path):
    db = archive.open_archive(tmp_path / "archive.db", sync_every_commit=False)
    archive.save_sites(db, SITES)
    yield db
    db.close()


def _run(db) -> int:
    return archive.start_run(db, "danvan crawl", "2025-06-01T02:00:00+00:00")


def _stored(db, url: str) -> dict:
    columns = "content_hash, about_danvan, documents"
    row = db.execute(f"select {columns} from articles where url = ?", [url]).fetchone()
    citations = [r[0] for r in db.execute("select number from documents where article = ? order by position", [url])]
    return {**dict(zip(columns.split(", "), row)), "citations": citations}


def _committed_urls(path) -> set[str]:
    """What another connection (a reader, or the next run) sees."""
    with sqlite3.connect(path) as conn:
        return {url for (url,) in conn.execute("select url from articles")}


def test_keys_from_the_worker_save_the_same_row_and_search_entry(tmp_path, db):
    run = _run(db)
    archive.save_article(db, CITING, run, "2025-06-01T02:00:00+00:00")
    other = archive.open_archive(tmp_path / "other.db", sync_every_commit=False)
    archive.save_sites(other, SITES)
    with_keys = dataclasses.replace(CITING, text_keys=text_keys(CITING.title, CITING.text))
    archive.save_article(other, with_keys, _run(other), "2025-06-01T02:00:00+00:00")
    assert _stored(other, CITING.url) == _stored(db, CITING.url)
    assert _stored(db, CITING.url)["citations"] == ["114-KL/TW"]
    assert [r["url"] for r in archive.search_articles(other, "hoa vang")] == [CITING.url]
    other.close()


def test_keys_that_no_longer_fit_the_text_are_not_used(db):
    stale = dataclasses.replace(MAT_TRAN, text_keys=text_keys(KHEO.title, KHEO.text))
    archive.save_article(db, stale, _run(db), "2025-06-01T02:00:00+00:00")
    assert _stored(db, MAT_TRAN.url)["citations"] == []
    assert archive.search_articles(db, "kheo") == []
    assert [r["url"] for r in archive.search_articles(db, "dai doan ket")] == [MAT_TRAN.url]


def test_a_batch_is_committed_whole_with_its_search_entries(tmp_path, db):
    run = _run(db)
    archive.begin_batch(db)
    for article in (KHEO, MAT_TRAN):
        archive.save_article(db, article, run, "2025-06-01T02:00:00+00:00")
    assert _committed_urls(tmp_path / "archive.db") == set()  # a kill now loses both: the next run fetches them
    archive.commit_batch(db)
    assert _committed_urls(tmp_path / "archive.db") == {KHEO.url, MAT_TRAN.url}
    assert [r["url"] for r in archive.search_articles(db, "dai doan ket")] == [MAT_TRAN.url]
    assert [r["url"] for r in archive.search_articles(db, "dân vận khéo")] == [KHEO.url]


def test_an_update_within_a_batch_replaces_its_search_entry(db):
    run = _run(db)
    archive.begin_batch(db)
    archive.save_article(db, KHEO, run, "2025-06-01T02:00:00+00:00")
    edited = dataclasses.replace(KHEO, text=KHEO.text.replace("hiến đất", "góp công"))
    assert archive.save_article(db, edited, run, "2025-06-02T02:00:00+00:00") == "updated"
    archive.commit_batch(db)
    assert archive.search_articles(db, "hien dat") == []
    assert [r["url"] for r in archive.search_articles(db, "gop cong")] == [KHEO.url]
    db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")  # raises if corrupt


def test_a_failed_save_in_a_batch_leaves_the_others_and_no_search_entry(db):
    run = _run(db)
    archive.begin_batch(db)
    archive.save_article(db, KHEO, run, "2025-06-01T02:00:00+00:00")
    unknown_site = dataclasses.replace(CHINH_QUYEN, site_id="no-such-site")
    with pytest.raises(ValueError, match="unknown site"):
        archive.save_article(db, unknown_site, run, "2025-06-01T02:00:00+00:00")
    archive.commit_batch(db)
    assert [url for (url,) in db.execute("select url from articles")] == [KHEO.url]
    assert archive.search_articles(db, "chinh quyen") == []
    assert [r["url"] for r in archive.search_articles(db, "kheo")] == [KHEO.url]


def test_a_save_failing_after_its_search_entry_was_held_drops_that_entry(db, monkeypatch):
    run = _run(db)
    archive.begin_batch(db)
    archive.save_article(db, KHEO, run, "2025-06-01T02:00:00+00:00")

    def broken_documents(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(archive, "_save_documents", broken_documents)
    with pytest.raises(RuntimeError):
        archive.save_article(db, MAT_TRAN, run, "2025-06-01T02:00:00+00:00")
    archive.commit_batch(db)
    assert [url for (url,) in db.execute("select url from articles")] == [KHEO.url]
    assert archive.search_articles(db, "dai doan ket") == []
    db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")  # raises if corrupt
