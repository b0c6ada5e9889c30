"""Spark fixtures: one local[2] SparkSession for the whole test session.

Spark tests skip, with the reason, only when pyspark or Java is missing. The store fixtures
(SQLite and a throwaway PostgreSQL) are the store tests' own, loaded from their conftest.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("_store_fixtures", Path(__file__).parents[1] / "store" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_fixtures)
postgres_server = _store_fixtures.postgres_server
postgres_factory = _store_fixtures.postgres_factory
store_url = _store_fixtures.store_url


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'newsgraph[spark]')")
    pytest.importorskip("pandas", reason="pandas is not installed (pip install 'newsgraph[spark]')")
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and (Path(java_home) / "bin" / "java").exists()):
        pytest.skip("Java is not installed (Debian: apt-get install openjdk-17-jre-headless)")
    from newsgraph.spark.job import session

    spark = session("local[2]", app_name="newsgraph-tests")
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()
