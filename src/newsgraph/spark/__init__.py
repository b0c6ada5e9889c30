"""Apache Spark: the pipeline over inputs too large for one machine, written as Parquet.

:func:`newsgraph.spark.job.run` (``newsgraph spark-run``) analyses inputs on a cluster into
one Parquet dataset per table; :func:`newsgraph.spark.load.load`
(``newsgraph ingest --from-parquet``) stores such a result. pyspark is imported only by the
job itself (the ``[spark]`` extra); the loader needs only pyarrow.
"""
