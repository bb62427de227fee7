"""newskg on Spark: the map (analysis and extraction) on the executors, the
reduce (entity resolution and storage) once, on the driver (issue 14, item 3).

    spark-submit examples/spark/job.py --newskg target/release/newskg \
        'hdfs:///news/2025/*.jsonl.gz' --docfacts hdfs:///kg/docfacts --store kg.db

1. Lists the JSON Lines inputs (files, folders, globs; any Hadoop-compatible
   file system) and reads each file as an RDD of its lines, numbered.
2. Spreads each file over partitions by line number (a range partitioning, so
   partition i holds lines before partition i+1's, and a gzip file, which
   Hadoop reads as one partition, is split too).
3. Pipes every partition through `newskg extract --format docfacts` on the
   executors. A partition is recorded as the file it came from
   (`--stdin-name`), and a record without an `id` gets its line number in the
   file as id, so every document gets the source a direct ingest of the file
   gives it (`file#id`).
4. Saves the docfacts lines (gzip parts, in input order) under --docfacts.
5. Streams them, in input order, into one `newskg ingest --from-docfacts -`
   on the driver: the same store as `newskg ingest` of the same files, in
   the order the job lists them.

Run with `--help` for the options; README.md beside this file says how to run
it locally and on a cluster.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession

# The model files `newskg` needs in a models folder (newskg::nlp::MODEL_FILES).
MODEL_FILES = ["facts.nkw", "gazetteer.nkw", "lemmas.nkw", "ner.nkw", "parser.nkw", "tagger.nkw"]

# The names newskg reads as JSON Lines.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def options(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSON Lines files, folders of them or globs, on any Hadoop-compatible file system")
    p.add_argument("--docfacts", required=True, metavar="DIR",
                   help="where the docfacts parts are saved (must not exist)")
    p.add_argument("--store", metavar="DIR",
                   help="the store the reduce writes on the driver (newskg ingest --store); without it, no reduce")
    p.add_argument("--newskg", default="newskg", metavar="BIN",
                   help="the newskg binary on the driver, shipped to the executors by the job "
                        "(or the name of one shipped with spark-submit --files)")
    p.add_argument("--models", metavar="DIR",
                   help="a models folder on the driver, shipped to the executors by the job; "
                        "without it, six .nkw files shipped with --files, then $NEWSKG_MODELS "
                        "(spark.executorEnv.NEWSKG_MODELS), then the models built into newskg")
    p.add_argument("--partitions", type=int, metavar="N",
                   help="map partitions over all inputs (default: twice the default parallelism)")
    p.add_argument("--source-base", metavar="URI",
                   help="record each file's path relative to URI; by default relative to the file "
                        "system's working folder when under it (as newskg records paths relative to "
                        "the working folder), else the whole URI")
    p.add_argument("--batch", type=int, metavar="N", help="newskg ingest --batch")
    p.add_argument("--extract-arg", action="append", default=[], metavar="ARG",
                   help="one more argument for newskg extract (e.g. --extract-arg=--all); repeat for more")
    p.add_argument("--master", help="Spark master (spark-submit's --master wins; default local[*])")
    return p.parse_args(argv)


# ## Inputs: which files, recorded as what


def input_files(sc, inputs, source_base):
    """[(uri, recorded name, bytes)] of every JSON Lines file the inputs name,
    in the order newskg reads them: arguments in order, a folder's files
    sorted by path components, hidden ones (".", "_") left out."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    files = []
    for arg in inputs:
        path = jvm.org.apache.hadoop.fs.Path(arg)
        fs = path.getFileSystem(conf)
        base = fs.makeQualified(jvm.org.apache.hadoop.fs.Path(source_base)) if source_base \
            else fs.getWorkingDirectory()
        statuses = fs.globStatus(path)
        if not statuses:
            raise SystemExit(f"job.py: {arg}: no such file or directory")
        found = []
        for status in statuses:
            if status.isDirectory():
                listing = fs.listFiles(status.getPath(), True)
                top = status.getPath().toString()
                while listing.hasNext():
                    f = listing.next()
                    uri = f.getPath().toString()
                    below = uri[len(top):].strip("/").split("/")
                    if any(part.startswith((".", "_")) for part in below):
                        continue
                    if uri.endswith(JSONL_SUFFIXES):
                        found.append((uri, f.getLen()))
            else:
                found.append((status.getPath().toString(), status.getLen()))
        found.sort(key=lambda f: f[0].split("/"))
        for uri, size in found:
            files.append((uri, recorded_name(uri, base.toString(), source_base), size))
    return files


def recorded_name(uri, base, explicit):
    """The path newskg records for the file at `uri`: relative to `base` when
    under it; else the whole URI, or an error when the base was asked for."""
    prefix = base.rstrip("/") + "/"
    if uri.startswith(prefix):
        return uri[len(prefix):]
    if explicit:
        raise SystemExit(f"job.py: {uri}: not under the source base {explicit}")
    return uri


# ## The map: one newskg extract per partition


def with_id(number, line):
    """The record on `line` (1-based `number` in its file) with its line number
    as id when it has none: newskg records such a record as `file#<line>`, and
    inside a partition it would count lines from the partition's start.
    Anything else is passed as it is (newskg reports what it cannot read)."""
    try:
        record = json.loads(line)
    except ValueError:
        return line
    if isinstance(record, dict) and record.get("id") is None:
        record["id"] = str(number)
        return json.dumps(record)
    return line


def executable(name):
    """The path of the shipped binary `name` on this executor, executable
    (a file fetched by Spark may come without its execute bit)."""
    path = SparkFiles.get(name)
    if not os.access(path, os.X_OK):
        try:
            os.chmod(path, 0o755)
        except OSError:
            copy = os.path.join(tempfile.mkdtemp(), name)
            shutil.copy(path, copy)
            os.chmod(copy, 0o755)
            path = copy
    return path


def shipped_models():
    """This node's SparkFiles folder when the six model files were shipped
    there (by the job or spark-submit --files), else None."""
    root = SparkFiles.getRootDirectory()
    if all(os.path.isfile(os.path.join(root, f)) for f in MODEL_FILES):
        return root
    return None


def extract_partition(name, binary, jobs, extra, failed):
    """A mapPartitions function: pipes one partition's (number, line) pairs
    through `newskg extract --format docfacts -` and yields its lines.
    Exit code 2 means some articles were reported and skipped (the others
    are out); any other failure fails the task, so Spark retries it."""

    def run(pairs):
        command = [executable(binary), "extract", "--format", "docfacts",
                   "--stdin-name", name, "-j", str(jobs)]
        models = shipped_models()
        if models:
            command += ["--models", models]
        command += extra + ["-"]
        # Failures go to the executor's standard error (its log), one line each.
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        fed = []

        def feed():
            # On a thread: newskg writes while it reads, so one thread feeding
            # and this one reading never wait for each other.
            try:
                for number, line in pairs:
                    if line.strip():
                        proc.stdin.write(with_id(number, line).encode("utf-8") + b"\n")
            except BaseException as e:  # reported after newskg has ended
                fed.append(e)
            finally:
                try:
                    proc.stdin.close()
                except OSError:
                    pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for out in proc.stdout:
            yield out.decode("utf-8").rstrip("\n")
        feeder.join()
        code = proc.wait()
        if fed:
            raise RuntimeError(f"feeding newskg extract failed: {fed[0]!r}")
        if code == 2:
            failed.add(1)
        elif code != 0:
            raise RuntimeError(f"newskg extract exited with {code} (see the executor's standard error)")

    return run


def numbered_parts(sc, uri, partitions):
    """The file's lines as (line number, line), range-partitioned by number
    into `partitions` parts in order."""
    lines = sc.textFile(uri).zipWithIndex().map(lambda li: (li[1] + 1, li[0]))
    return lines.sortByKey(numPartitions=partitions)


# ## The reduce: one newskg ingest on the driver


def reduce_into(binary, store, models, batch, lines):
    """Streams the docfacts `lines` into `newskg ingest --from-docfacts -`;
    returns its exit code (its summary and messages pass through)."""
    command = [binary, "ingest", "--from-docfacts", "-", "--store", store]
    if models:
        command += ["--models", models]
    if batch:
        command += ["--batch", str(batch)]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE)
    try:
        for line in lines:
            proc.stdin.write(line.encode("utf-8") + b"\n")
    finally:
        proc.stdin.close()
    return proc.wait()


def main(argv):
    args = options(argv)
    started = time.monotonic()
    builder = SparkSession.builder.appName("newskg docfacts")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")

    # Ship the binary (and models) unless spark-submit --files did.
    binary = os.path.basename(args.newskg)
    if not os.path.isfile(os.path.join(SparkFiles.getRootDirectory(), binary)):
        if not os.path.isfile(args.newskg):
            raise SystemExit(f"job.py: {args.newskg}: no such binary (give --newskg PATH)")
        sc.addFile(os.path.abspath(args.newskg))
    driver_binary = args.newskg if os.path.isfile(args.newskg) else SparkFiles.get(binary)
    if args.models:
        for f in MODEL_FILES:
            sc.addFile(os.path.abspath(os.path.join(args.models, f)))
    driver_models = args.models or shipped_models()

    # Fail early, on the driver, on what would fail every task: the binary,
    # the extra arguments, the models.
    check = subprocess.run([driver_binary, "extract", "--format", "docfacts", *args.extract_arg,
                            *(["--models", driver_models] if driver_models else []), "-"],
                           input=b'{"id": "check", "text": "Ana Lind spoke."}\n', capture_output=True)
    if check.returncode != 0:
        raise SystemExit(f"job.py: newskg extract cannot run: {check.stderr.decode(errors='replace')}")

    files = input_files(sc, args.inputs, args.source_base)
    total = sum(size for _, _, size in files) or 1
    wanted = args.partitions or 2 * sc.defaultParallelism
    jobs = int(sc.getConf().get("spark.task.cpus", "1"))
    failed = sc.accumulator(0)
    parts = []
    for uri, name, size in files:
        partitions = max(1, round(wanted * size / total))
        extract = extract_partition(name, binary, jobs, args.extract_arg, failed)
        parts.append(numbered_parts(sc, uri, partitions).mapPartitions(extract))
        print(f"job.py: {uri} as {name}: {partitions} partition(s)", file=sys.stderr)
    # Union keeps the parts' order: file by file, each in line order.
    docfacts = sc.union(parts).persist(StorageLevel.MEMORY_AND_DISK)
    docfacts.saveAsTextFile(args.docfacts, compressionCodecClass="org.apache.hadoop.io.compress.GzipCodec")
    mapped = time.monotonic()
    print(f"job.py: map: {len(files)} file(s), {docfacts.getNumPartitions()} partitions, "
          f"{docfacts.count()} docfacts lines in {args.docfacts}, {mapped - started:.1f} s", file=sys.stderr)

    code = 0
    if failed.value:
        print(f"job.py: {failed.value} partition(s) reported articles they could not extract "
              "(the executors' standard error names them)", file=sys.stderr)
        code = 2
    if args.store:
        reduced = reduce_into(driver_binary, args.store, driver_models, args.batch,
                              docfacts.toLocalIterator())
        print(f"job.py: reduce into {args.store}: exit {reduced}, {time.monotonic() - mapped:.1f} s",
              file=sys.stderr)
        code = max(code, reduced)
    spark.stop()
    print(f"job.py: done in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
