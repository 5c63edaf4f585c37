"""The archive: migrations, save semantics, run records, folded full-text search, atomicity."""

import dataclasses
import json
import sqlite3

import pytest

from crawler import archive, dedup
from crawler.items import Article
from crawler.registry import Site
from tests.bulk import add_copies

SITES = [
    Site(
        id="hoavang", name="Cổng thông tin huyện Hòa Vang", level="district", platform="generic",
        base_url="https://hoavang.example.vn", start_urls=("https://hoavang.example.vn/dan-van",),
        status="frozen", province_before="Đà Nẵng", province_after="Đà Nẵng", district="Hòa Vang",
    ),
    Site(
        id="tinhuy", name="Tỉnh ủy Thừa Thiên Huế", level="provincial", platform="generic",
        base_url="https://tinhuy.example.vn", start_urls=("https://tinhuy.example.vn/dv",),
        status="live", province_before="Thừa Thiên Huế", province_after="Huế",
        aliases=("www.tinhuy.example.vn",),
    ),
]

# Written for these tests. KHEO uses the older tone placement "uỷ" and "Hoà"; none of the others
# contains a word that folds to "dang", "kheo" or "huyen".
KHEO = Article(
    url="https://hoavang.example.vn/dan-van/so-ket-dan-van-kheo-2024",
    platform="generic",
    title="Đảng bộ xã Hoà Phong sơ kết phong trào “Dân vận khéo”",
    published="2024-03-12T09:30:00+07:00",
    published_source="selector",
    author="Lê Thị Thu",
    author_org="Ban Dân vận Huyện uỷ",
    text=(
        "Sáng 12/3, Ban Dân vận Huyện uỷ Hoà Vang tổ chức hội nghị sơ kết phong trào thi đua "
        "“Dân vận khéo” năm 2023.\n\nCác đại biểu thảo luận cách vận động bà con hiến đất "
        "làm đường giao thông nông thôn."
    ),
    captions=["Quang cảnh hội nghị"],
    documents=["Kết luận số 114-KL/TW"],
    site_id="hoavang",
    fetched_at="2025-06-01T02:00:00+00:00",
)
MAT_TRAN = Article(
    url="https://hoavang.example.vn/tin-tuc/nha-dai-doan-ket",
    platform="generic",
    title="Mặt trận Tổ quốc xã Hoà Phong trao nhà đại đoàn kết",
    published="2023-11-02",
    text="Ủy ban Mặt trận Tổ quốc xã trao nhà cho hộ nghèo. Nhân dân vận động nhau góp ngày công.",
    site_id="hoavang",
    fetched_at="2025-06-01T02:00:00+00:00",
)
CHINH_QUYEN = Article(
    url="https://tinhuy.example.vn/dv/dan-van-chinh-quyen-2019",
    platform="generic",
    title="Tỉnh ủy sơ kết công tác dân vận chính quyền năm 2019",
    text=(
        "Chiều 20/12, Thường trực Tỉnh ủy chủ trì hội nghị sơ kết công tác dân vận chính quyền. "
        "Lãnh đạo các sở, ngành báo cáo kết quả tiếp công dân."
    ),
    site_id="tinhuy",
    fetched_at="2025-06-01T02:00:00+00:00",
)
ARTICLES = [KHEO, MAT_TRAN, CHINH_QUYEN]


@pytest.fixture
def fresh_db(tmp_path):
    db = archive.open_archive(tmp_path / "archive.db")
    yield db
    db.close()


@pytest.fixture
def run_db(fresh_db):
    """An archive with the registry saved and one run started (id 1)."""
    archive.save_sites(fresh_db, SITES)
    archive.start_run(fresh_db, "danvan crawl", "2025-06-01T02:00:00+00:00")
    return fresh_db


@pytest.fixture
def filled_db(run_db):
    for article in ARTICLES:
        archive.save_article(run_db, article, 1, "2025-06-01T02:00:00+00:00")
    return run_db


def article_row(db, url):
    return db["articles"].get(url)


def index_instances(db):
    """Every (term, rowid, column, offset) in articles_fts: what the index actually holds."""
    db.execute("create virtual table if not exists temp.fts_terms using fts5vocab(main, articles_fts, instance)")
    return list(db.execute("select term, doc, col, offset from temp.fts_terms order by 1, 2, 3, 4").fetchall())


def assert_index_in_step(db):
    """The incrementally maintained index equals one rebuilt from the articles table."""
    before = index_instances(db)
    archive.rebuild_search_index(db)
    assert index_instances(db) == before


def test_migrations_build_the_schema(fresh_db):
    assert set(fresh_db.table_names()) >= {
        "_sqlite_migrations", "sites", "crawl_runs", "crawl_run_sites", "articles", "articles_fts",
    }
    assert fresh_db["articles"].pks == ["url"]
    assert fresh_db["crawl_run_sites"].pks == ["run", "site"]
    assert {(fk.column, fk.other_table) for fk in fresh_db["articles"].foreign_keys} == {
        ("site", "sites"), ("crawl_run", "crawl_runs"), ("cluster", "clusters"), ("capture", "captures"),
    }
    fts_sql = fresh_db["articles_fts"].schema
    assert "content=''" in fts_sql and "remove_diacritics 2" in fts_sql


def facet_plan(db, column, where=""):
    """SQLite's plan for Datasette 0.65's facet query of ``column`` on the articles page filtered by ``where``."""
    sql = (f"select {column} as value, count(*) as count from (select * from articles {where}) "
           f"where {column} is not null group by {column} order by count desc, value limit 31")
    return " ".join(row[3] for row in db.execute(f"explain query plan {sql}", ["district", 2023][:where.count("?")]))


@pytest.mark.parametrize("column", archive.FACETS_BY_DATE)
def test_facets_are_counted_from_indexes(fresh_db, column):
    assert "COVERING INDEX" in facet_plan(fresh_db, column, "where level = ? and year = ?")
    assert f"COVERING INDEX idx_articles_{column}_published" in facet_plan(fresh_db, column)


def test_open_archive_is_idempotent_wal_and_enforces_foreign_keys(tmp_path):
    archive.open_archive(tmp_path / "a.db").close()
    db = archive.open_archive(tmp_path / "a.db")
    names = [m.name for m in archive.migrations.applied(db)]
    assert names == [m.name for m in archive.migrations._migrations]
    assert db.journal_mode == "wal"
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1


def test_open_archive_applies_later_migrations_to_an_older_archive(tmp_path):
    import sqlite_utils

    old = sqlite_utils.Database(tmp_path / "old.db")
    archive.migrations.apply(old, stop_before="create_articles_fts")
    assert "articles_fts" not in old.table_names()
    old.close()
    db = archive.open_archive(tmp_path / "old.db")
    assert "articles_fts" in db.table_names()
    assert not archive.migrations.pending(db)


def test_save_sites_upserts_and_keeps_article_copies_in_step(filled_db):
    site = filled_db["sites"].get("tinhuy")
    assert site["aliases"] == '["www.tinhuy.example.vn"]'
    assert site["start_urls"] == '["https://tinhuy.example.vn/dv"]'
    moved = dataclasses.replace(SITES[1], province_after="Thành phố Huế", status="frozen")
    archive.save_sites(filled_db, [moved])
    assert filled_db["sites"].count == 2
    assert filled_db["sites"].get("tinhuy")["status"] == "frozen"
    assert article_row(filled_db, CHINH_QUYEN.url)["province_after"] == "Thành phố Huế"
    assert article_row(filled_db, KHEO.url)["province_after"] == "Đà Nẵng"


def test_new_article_row(run_db):
    assert archive.save_article(run_db, KHEO, 1, "2025-06-01T02:00:00+00:00") == "new"
    row = article_row(run_db, KHEO.url)
    assert row["site"] == "hoavang" and row["level"] == "district"
    assert row["province_before"] == "Đà Nẵng" and row["year"] == 2024
    assert row["about_danvan"] == 1
    assert row["word_count"] == len(KHEO.text.split())
    assert row["content_hash"] == dedup.content_hash(KHEO.text)
    assert row["captions"] == '["Quang cảnh hội nghị"]'
    assert row["documents"] == '["Kết luận số 114-KL/TW"]'
    assert row["first_seen"] == row["last_seen"] == "2025-06-01T02:00:00+00:00"
    assert row["crawl_run"] == 1


def test_identical_article_is_unchanged_and_only_last_seen_moves(run_db):
    archive.save_article(run_db, KHEO, 1, "2025-06-01T02:00:00+00:00")
    run = archive.start_run(run_db, "danvan crawl", "2025-06-02T02:00:00+00:00")
    refetched = dataclasses.replace(KHEO, fetched_at="2025-06-02T02:00:00+00:00")
    assert archive.save_article(run_db, refetched, run, "2025-06-02T02:00:00+00:00") == "unchanged"
    row = article_row(run_db, KHEO.url)
    assert row["last_seen"] == "2025-06-02T02:00:00+00:00"
    assert row["first_seen"] == "2025-06-01T02:00:00+00:00"
    assert (row["crawl_run"], row["fetched_at"]) == (1, KHEO.fetched_at)


@pytest.mark.parametrize(
    "change",
    [
        {"text": KHEO.text + "\n\nHội nghị khen thưởng 12 tập thể."},
        {"title": "Xã Hoà Phong sơ kết “Dân vận khéo”"},
        {"author": "Nguyễn Văn An"},
        {"documents": ["Kết luận số 114-KL/TW", "Quy chế số 23-QC/TW"]},
        {"text": KHEO.text.replace("Huyện uỷ", "Huyện ủy")},
    ],
    ids=["text", "title", "author", "documents", "tone-placement"],
)
def test_changed_article_is_updated(run_db, change):
    archive.save_article(run_db, KHEO, 1, "2025-06-01T02:00:00+00:00")
    run = archive.start_run(run_db, "danvan crawl", "2025-06-02T02:00:00+00:00")
    changed = dataclasses.replace(KHEO, **change, fetched_at="2025-06-02T02:00:00+00:00")
    assert archive.save_article(run_db, changed, run, "2025-06-02T02:00:00+00:00") == "updated"
    row = article_row(run_db, KHEO.url)
    assert (row["crawl_run"], row["fetched_at"]) == (run, "2025-06-02T02:00:00+00:00")
    assert row["first_seen"] == "2025-06-01T02:00:00+00:00"
    assert run_db["articles"].count == 1
    assert_index_in_step(run_db)


def test_resaving_identical_articles_adds_no_rows(filled_db):
    index = index_instances(filled_db)
    outcomes = [archive.save_article(filled_db, a, 1, "2025-06-02T00:00:00+00:00") for a in ARTICLES]
    assert outcomes == ["unchanged"] * len(ARTICLES)
    assert filled_db["articles"].count == len(ARTICLES)
    assert index_instances(filled_db) == index


def test_article_of_an_unknown_site_is_refused(run_db):
    with pytest.raises(ValueError, match="unknown site"):
        archive.save_article(run_db, dataclasses.replace(KHEO, site_id="nowhere"), 1, "t")
    assert run_db["articles"].count == 0


def test_article_without_date_has_no_year(run_db):
    archive.save_article(run_db, CHINH_QUYEN, 1, "t")
    assert article_row(run_db, CHINH_QUYEN.url)["year"] is None


@pytest.mark.parametrize(
    "title, text, expected",
    [
        ("Ban Dân vận Huyện ủy", "", True),
        (None, "Làm tốt công tác DÂN VẬN chính quyền.", True),
        ("Dan van kheo o xa Hoa Phong", "", True),
        (None, "Phong trào dân\u00a0vận khéo.", True),
        (None, "Nhân dân vận động nhau góp công làm đường.", False),
        ("Mặt trận trao nhà đại đoàn kết", "Bà con vận động nhau.", False),
    ],
    ids=["title", "upper-case", "no-diacritics", "no-break-space", "nhan-dan-van-dong", "unrelated"],
)
def test_about_danvan_rule(title, text, expected):
    assert archive.is_about_danvan(title, text) is expected


def test_content_hash_ignores_tone_placement_and_case():
    assert dedup.content_hash("Huyện uỷ Hoà Vang") == dedup.content_hash("huyện ủy hòa vang")
    assert dedup.content_hash("Huyện ủy") != dedup.content_hash("Tỉnh ủy")


def test_run_records(run_db):
    run = archive.start_run(run_db, "danvan crawl --site tinhuy", "2025-06-02T02:00:00+00:00")
    assert run == 2
    archive.finish_run(
        run_db, run, "2025-06-02T02:05:00+00:00", 1,
        {"tinhuy": {"requests": 12, "articles_new": 3, "errors": 2}, "hoavang": {}},
    )
    assert run_db["crawl_runs"].get(run) == {
        "id": 2, "started": "2025-06-02T02:00:00+00:00", "ended": "2025-06-02T02:05:00+00:00",
        "command": "danvan crawl --site tinhuy", "exit_status": 1,
    }
    counts = run_db["crawl_run_sites"].get((run, "tinhuy"))
    assert (counts["requests"], counts["articles_new"], counts["articles_unchanged"], counts["errors"]) == (12, 3, 0, 2)
    assert run_db["crawl_run_sites"].get((run, "hoavang"))["requests"] == 0
    assert run_db["crawl_runs"].get(1)["ended"] is None


def test_finish_run_refuses_unknown_counts(run_db):
    with pytest.raises(ValueError, match="articles_skipped"):
        archive.finish_run(run_db, 1, "t", 0, {"tinhuy": {"articles_skipped": 1}})
    assert run_db["crawl_runs"].get(1)["ended"] is None


SEARCHES = [
    ("dang", [KHEO]),
    ("Đảng", [KHEO]),
    ("dan van kheo", [KHEO]),
    ("Dân vận khéo", [KHEO]),
    ('"dân vận khéo"', [KHEO]),
    ("huyen uy", [KHEO]),
    ("Huyện ủy", [KHEO]),
    ("Huyện uỷ", [KHEO]),
    ("Hòa Phong", [KHEO, MAT_TRAN]),
    ("Mặt trận Tổ quốc", [MAT_TRAN]),
    ("mat tran to quoc", [MAT_TRAN]),
    ("chính quyền", [CHINH_QUYEN]),
    ("tinh uy", [CHINH_QUYEN]),
    ("dân vận", [KHEO, MAT_TRAN, CHINH_QUYEN]),
    ("khen thưởng", []),
]


@pytest.mark.parametrize("query, expected", SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_with_or_without_diacritics(filled_db, query, expected):
    found = {row["url"] for row in archive.search_articles(filled_db, query)}
    assert found == {article.url for article in expected}


def test_search_limit_cuts_the_ranked_list(filled_db):
    ranked = [row["url"] for row in archive.search_articles(filled_db, "dân vận")]
    assert len(ranked) == 3
    assert [row["url"] for row in archive.search_articles(filled_db, "dân vận", limit=2)] == ranked[:2]


def test_ranked_search_of_a_common_word_shows_the_newest_matches_exact_first(filled_db):
    add_copies(filled_db, MAT_TRAN.url, archive.RELEVANCE_MAX_MATCHES)
    rows = archive.search_articles(filled_db, "dân vận", limit=archive.SEARCH_ROWS + 1)
    rowids = [filled_db.execute("select rowid from articles where url = ?", [row["url"]]).fetchone()[0] for row in rows]
    newest = [rowid for (rowid,) in filled_db.execute(
        "select rowid from articles_fts where articles_fts match '\"dân vận\"' order by rowid desc limit ?",
        [archive.SEARCH_ROWS])]
    assert len(rows) == archive.SEARCH_ROWS and set(rowids) == set(newest)
    assert {row["ranked_by"] for row in rows} == {"newest archived of over 2,000 matches"}
    assert [(row["exact_matches"], rowid) for row, rowid in zip(rows, rowids)] == sorted(
        ((row["exact_matches"], rowid) for row, rowid in zip(rows, rowids)), reverse=True)
    few = archive.search_articles(filled_db, "khéo")
    assert [row["url"] for row in few] == [KHEO.url] and few[0]["ranked_by"] == "relevance"


@pytest.mark.parametrize("query", ["", "   ", '"', "dang OR", "NEAR(", "dan*", "uy:"])
def test_search_never_fails_on_search_box_input(filled_db, query):
    archive.search_articles(filled_db, query)


def test_updated_article_is_searched_by_its_new_text(filled_db):
    new = dataclasses.replace(MAT_TRAN, text="Hội nghị biểu dương khen thưởng các hộ hiến đất.")
    archive.save_article(filled_db, new, 1, "t")
    assert [r["url"] for r in archive.search_articles(filled_db, "khen thuong")] == [MAT_TRAN.url]
    assert archive.search_articles(filled_db, "ngày công") == []
    assert_index_in_step(filled_db)


@pytest.mark.parametrize("interrupt", [RuntimeError("disk full"), KeyboardInterrupt()], ids=["error", "interrupt"])
def test_interrupted_insert_leaves_nothing_half_written(run_db, monkeypatch, interrupt):
    archive.save_article(run_db, MAT_TRAN, 1, "t")

    def fail(*args):
        raise interrupt

    monkeypatch.setattr(archive, "_index", fail)
    with pytest.raises(type(interrupt)):
        archive.save_article(run_db, KHEO, 1, "t")
    monkeypatch.undo()
    assert run_db["articles"].count == 1
    assert archive.search_articles(run_db, "dan van kheo") == []
    assert_index_in_step(run_db)


def test_interrupted_update_keeps_the_old_row_and_its_index(filled_db, monkeypatch):
    def fail(*args):
        raise RuntimeError("killed between update and index")

    monkeypatch.setattr(archive, "_index", fail)
    with pytest.raises(RuntimeError):
        archive.save_article(filled_db, dataclasses.replace(KHEO, text="Nội dung mới hoàn toàn."), 1, "t")
    monkeypatch.undo()
    assert article_row(filled_db, KHEO.url)["text"] == KHEO.text
    assert [r["url"] for r in archive.search_articles(filled_db, "dan van kheo")] == [KHEO.url]
    assert archive.search_articles(filled_db, "hoàn toàn") == []
    assert_index_in_step(filled_db)


def test_killed_writer_leaves_the_file_consistent(tmp_path):
    """A transaction never committed (the process died) is absent when the archive reopens."""
    path = tmp_path / "archive.db"
    db = archive.open_archive(path)
    archive.save_sites(db, SITES)
    archive.start_run(db, "danvan crawl", "t")
    archive.save_article(db, MAT_TRAN, 1, "t")
    with pytest.raises(sqlite3.OperationalError):
        with db.atomic():
            archive.save_article(db, KHEO, 1, "t")  # nested: a savepoint in the open transaction
            reader = sqlite3.connect(path)
            assert reader.execute("select count(*) from articles").fetchone()[0] == 1
            reader.close()
            db.execute("select no_such_function()")
    db.close()
    db = archive.open_archive(path)
    assert db["articles"].count == 1
    assert_index_in_step(db)


def test_cited_documents_get_their_own_rows(run_db):
    article = dataclasses.replace(
        KHEO, text="Triển khai Quy định 23-QĐ/TW ngày 30/7/2021 và Kế hoạch số 90/KH-UBND của UBND huyện.",
    )
    archive.save_article(run_db, article, 1, "2025-06-01T02:00:00+00:00")
    rows = list(run_db.query("select number, kind, doc_type, issuer, year, date from documents order by position"))
    assert rows == [
        {"number": "23-QĐ/TW", "kind": "party", "doc_type": "QĐ", "issuer": "TW", "year": 2021, "date": "2021-07-30"},
        {"number": "90/KH-UBND", "kind": "state", "doc_type": "KH", "issuer": "UBND", "year": None, "date": None},
    ]
    changed = dataclasses.replace(article, text="Thực hiện Kết luận 114-KL/TW của Ban Bí thư.")
    archive.save_article(run_db, changed, 1, "2025-06-02T02:00:00+00:00")
    assert [r["number"] for r in run_db["documents"].rows] == ["114-KL/TW"]


def test_date_provenance_is_stored(run_db):
    candidates = [{"value": "2024-05-14", "source": "selector", "raw": "14/05/2024"}]
    article = dataclasses.replace(KHEO, date_candidates=candidates, lede_mark="GLO")
    archive.save_article(run_db, article, 1, "2025-06-01T02:00:00+00:00")
    row = article_row(run_db, KHEO.url)
    assert json.loads(row["date_candidates"]) == candidates and row["lede_mark"] == "GLO"


def test_skipped_pages_keep_their_first_sighting(run_db):
    url = "https://hoavang.example.vn/tin-tuc/ung-dung"
    archive.save_skipped(run_db, url, "hoavang", "javascript-only", 200, "2025-06-01T02:00:00+00:00", 1,
                         "2025-06-01T02:00:00+00:00")
    archive.save_skipped(run_db, url, "hoavang", "javascript-only", 200, "2025-06-02T02:00:00+00:00", 1,
                         "2025-06-02T02:00:00+00:00")
    (row,) = run_db["skipped_pages"].rows
    assert (row["first_seen"], row["last_seen"], row["reason"]) == (
        "2025-06-01T02:00:00+00:00", "2025-06-02T02:00:00+00:00", "javascript-only",
    )
    assert run_db["articles"].count == 0


REPORT_TEXT = (
    "Chiều 12/9, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận quý III năm 2024 với các "
    "huyện, thị xã, thành phố. Hội nghị đánh giá kết quả thực hiện phong trào thi đua Dân vận khéo, công tác "
    "nắm tình hình nhân dân và việc giải quyết các kiến nghị của cử tri tại cơ sở. Các đại biểu tập trung thảo "
    "luận những khó khăn trong công tác vận động đồng bào dân tộc thiểu số tham gia xây dựng nông thôn mới, "
    "đồng thời đề xuất giải pháp nâng cao chất lượng hoạt động của các tổ dân vận ở thôn, làng."
)


def copy_of(url, site_id, published, text=REPORT_TEXT, source=None):
    return dataclasses.replace(KHEO, url=url, site_id=site_id, published=published, text=text, source=source,
                               title="Giao ban công tác dân vận quý III", documents=[], captions=[])


def test_copies_of_one_report_share_a_cluster_and_the_credited_source_is_the_original(run_db):
    copy = copy_of("https://tinhuy.example.vn/dv/giao-ban-quy-iii", "tinhuy", "2024-09-12",
                   text="(TTH)- " + REPORT_TEXT + "\n\nNguồn: hoavang.example.vn", source="hoavang.example.vn")
    original = copy_of("https://hoavang.example.vn/dan-van/giao-ban-quy-iii", "hoavang", "2024-09-13")
    archive.save_article(run_db, copy, 1, "2025-06-01T02:00:00+00:00")
    archive.save_article(run_db, original, 1, "2025-06-01T02:00:00+00:00")
    clusters = {row["url"]: row["cluster"] for row in run_db.query("select url, cluster from articles")}
    assert clusters[copy.url] == clusters[original.url]
    (report,) = run_db.query("select * from reports")
    assert report["original"] == original.url and report["copies"] == 2


def test_without_a_credit_the_earliest_copy_is_the_original(run_db):
    later = copy_of("https://hoavang.example.vn/dan-van/giao-ban", "hoavang", "2024-09-14")
    earlier = copy_of("https://tinhuy.example.vn/dv/giao-ban", "tinhuy", "2024-09-12T16:00:00+07:00")
    for article in (later, earlier):
        archive.save_article(run_db, article, 1, "2025-06-01T02:00:00+00:00")
    (report,) = run_db.query("select original, copies from reports")
    assert report == {"original": earlier.url, "copies": 2}


def test_the_same_report_of_another_quarter_is_another_cluster(run_db):
    q3 = copy_of("https://hoavang.example.vn/dan-van/q3", "hoavang", "2024-09-12")
    q4 = copy_of("https://hoavang.example.vn/dan-van/q4", "hoavang", "2024-12-12",
                 text=REPORT_TEXT.replace("quý III", "quý IV").replace("12/9", "12/12"))
    for article in (q3, q4):
        archive.save_article(run_db, article, 1, "2025-06-01T02:00:00+00:00")
    assert run_db.execute("select count(*) from reports").fetchone()[0] == 2


def test_an_article_rewritten_into_another_text_leaves_its_cluster(run_db):
    first = copy_of("https://hoavang.example.vn/dan-van/a", "hoavang", "2024-09-12")
    second = copy_of("https://tinhuy.example.vn/dv/a", "tinhuy", "2024-09-13")
    for article in (first, second):
        archive.save_article(run_db, article, 1, "2025-06-01T02:00:00+00:00")
    rewritten = dataclasses.replace(second, text=MAT_TRAN.text)
    assert archive.save_article(run_db, rewritten, 1, "2025-06-02T02:00:00+00:00") == "updated"
    rows = {row["url"]: row for row in run_db.query("select url, cluster from articles")}
    assert rows[first.url]["cluster"] != rows[second.url]["cluster"]
    assert sorted(r["copies"] for r in run_db.query("select copies from clusters")) == [1, 1]
