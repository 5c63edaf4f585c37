"""A save inside a batch runs in a savepoint of fixed name: nested ones must stack like sqlite-utils' random ones."""

import pytest
import sqlite_utils

from crawler import archive


def test_nested_savepoints_of_one_name_roll_back_the_inner_only():
    db = sqlite_utils.Database(memory=True)
    db.execute("create table t (v integer)")
    db.execute("BEGIN")
    with archive._savepoint(db):
        db.execute("insert into t values (1)")
        with pytest.raises(RuntimeError):
            with archive._savepoint(db):
                db.execute("insert into t values (2)")
                raise RuntimeError("inner save fails")
        db.execute("insert into t values (3)")
    with pytest.raises(RuntimeError):
        with archive._savepoint(db):
            db.execute("insert into t values (4)")
            raise RuntimeError("outer save fails")
    assert db.conn.in_transaction
    db.conn.commit()
    assert [row[0] for row in db.execute("select v from t order by v")] == [1, 3]
