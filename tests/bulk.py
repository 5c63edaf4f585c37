"""Many archived articles fast, for tests that need more matches than the ranked search ranks."""

from crawler import archive
from crawler.text import fold


def add_copies(db, url: str, count: int) -> None:
    """``count`` copies of an archived article under new URLs, with their search entries.

    Plain SQL (seconds for 50,000 rows): saving them one by one through the archive takes minutes.
    """
    columns = ", ".join(column.name for column in db["articles"].columns if column.name != "url")
    db.conn.create_function("fold", 1, fold)
    with db.conn:
        db.execute(
            f"with recursive n(i) as (select 1 union all select i + 1 from n where i < ?) "
            f"insert into articles (url, {columns}) select ? || '/copy-' || i, {columns} "
            f"from n, articles where articles.url = ?", [count, url, url],
        )
        db.execute(
            f"insert into articles_fts (rowid, {', '.join(archive.FTS_COLUMNS)}) select rowid, title, text, "
            f"fold(title), fold(text) from articles where url like ? || '/copy-%'", [url],
        )
