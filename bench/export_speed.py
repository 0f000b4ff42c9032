"""How fast /meetings/export.csv streams, and whether the server's memory grows with rows.

    .venv/bin/python bench/export_speed.py                 # 10,000 and 100,000 meetings
    .venv/bin/python bench/export_speed.py --sizes 2000    # a quick run

For each size it builds a throw-away SQLite database under /tmp (migrations, then meetings
with co-chairs, delegation members, focus areas, explicit and derived corridors, agreements
and sources, written with bulk_create; then their stored export rows, built by
`manage.py refresh_export_rows` as after any bulk load), serves the project with gunicorn
(one sync worker, DEBUG off) on 127.0.0.1, reads the whole export with urllib, and reports
rows per second and the worker's peak resident memory (VmHWM from /proc/<pid>/status). It stops gunicorn and
removes the database when done. Targets: peak RSS at 100,000 rows within 30 MB of that at
10,000 rows; at least 30,000 rows/s on SQLite.
"""

import argparse
import datetime
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
BATCH = 5000
MAX_SECONDS_PER_EXPORT = 600


def server_environment(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cpec_tracker.settings",
        "DJANGO_SECRET_KEY": "benchmark-only-not-a-secret",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "PYTHONPATH": str(ROOT),
    }


# Data ------------------------------------------------------------------------------------


def generate(count):
    """Write `count` meetings with their related rows into the configured database."""
    import django

    django.setup()
    from django.db import connection, transaction

    from agreements.models import (
        Agreement,
        Corridor,
        FocusArea,
        MeetingCorridor,
        MeetingFocusArea,
    )
    from meetings.models import Body, Delegation, Meeting, Participant, Person, SourceDocument

    rng = random.Random(20201225)
    if connection.vendor == "sqlite":  # a throw-away database: no journal, no fsync
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode = OFF")
            cursor.execute("PRAGMA synchronous = OFF")

    # Numbers are small integers and unique per body, so spread meetings over many bodies.
    per_body = 1000
    bodies = list(Body.objects.all())
    for i in range(len(bodies), count // per_body + 1):
        bodies.append(
            Body(short_name=f"JWG-{i:03d}", name=f"Joint Working Group {i}", slug=f"jwg-{i:03d}")
        )
    Body.objects.bulk_create([b for b in bodies if b.pk is None])
    bodies = list(Body.objects.order_by("pk"))

    chinese = [
        Person(name=f"Zhang Wei {i}", slug=f"zhang-wei-{i}", country="China") for i in range(300)
    ]
    pakistani = [
        Person(name=f"Ahmed Khan {i}", slug=f"ahmed-khan-{i}", country="Pakistan")
        for i in range(300)
    ]
    for person in chinese + pakistani:
        person.name_key = person.name.casefold()
    Person.objects.bulk_create(chinese + pakistani)
    chinese = list(Person.objects.filter(country="China").values_list("pk", flat=True))
    pakistani = list(Person.objects.filter(country="Pakistan").values_list("pk", flat=True))

    focus_areas = dict(FocusArea.objects.values_list("pk", "slug"))
    mapping = {}
    for focus_pk, corridor_pk in FocusArea.corridors.through.objects.values_list(
        "focusarea_id", "corridor_id"
    ):
        mapping.setdefault(focus_pk, corridor_pk)
    corridors = list(Corridor.objects.exclude(slug="cpec").values_list("pk", flat=True))
    documents = [
        SourceDocument(
            pk=i + 1,
            title=f"Meeting report {i}",
            url=f"https://news.example.org/cpec/{i}" if i % 3 else "",
            text="Text of the report.",
            sha256=f"{i:064x}",
        )
        for i in range(max(count // 10, 1))
    ]
    SourceDocument.objects.bulk_create(documents, batch_size=BATCH)

    cities = ["Islamabad", "Beijing", "Urumqi", "Gwadar", "Karachi", "Lahore", "Virtual"]
    start = datetime.date(2013, 5, 22)
    titles = ["Vice Foreign Minister", "Foreign Secretary", "Ambassador", "Vice Chairman, NDRC"]
    statements = [
        "Agreed to expand cooperation on industrial parks and special economic zones.",
        'Reaffirmed the "high-quality development" of CPEC, including Gwadar port.',
        "Underscored people's livelihood projects in health, education and water.",
    ]

    def rows_for(first, last):
        meetings, delegations, participants, focus_links, corridor_links = [], [], [], [], []
        agreements, source_links = [], []
        for pk in range(first, last):
            body = bodies[(pk - 1) // per_body]
            number = (pk - 1) % per_body + 1
            precision = rng.choice(["day", "day", "day", "month", "year", "unknown"])
            date = (
                None
                if precision == "unknown"
                else start + datetime.timedelta(days=rng.randrange(4900))
            )
            meetings.append(
                Meeting(
                    pk=pk,
                    body_id=body.pk,
                    number=number,
                    slug=f"{body.slug}-{number}",
                    date=date,
                    date_precision=precision,
                    city=rng.choice(cities),
                    country=rng.choice(["China", "Pakistan"]),
                    mode=rng.choice(["in_person", "virtual", "hybrid"]),
                    review_status=rng.choice(["extracted", "needs_review", "reviewed"]),
                )
            )
            china, pakistan = 2 * pk - 1, 2 * pk
            chosen_cn = rng.randrange(len(chinese))
            chair_cn, chair_pk = chinese[chosen_cn], rng.choice(pakistani)
            member = chinese[(chosen_cn + 1) % len(chinese)]
            delegations += [
                Delegation(pk=china, meeting_id=pk, country="China", leader_id=chair_cn),
                Delegation(pk=pakistan, meeting_id=pk, country="Pakistan", leader_id=chair_pk),
            ]
            participants += [
                Participant(
                    meeting_id=pk,
                    delegation_id=china,
                    person_id=chair_cn,
                    role="co_chair",
                    title=rng.choice(titles),
                ),
                Participant(
                    meeting_id=pk,
                    delegation_id=pakistan,
                    person_id=chair_pk,
                    role="co_chair",
                    title=rng.choice(titles),
                ),
                Participant(
                    meeting_id=pk,
                    delegation_id=china,
                    person_id=member,
                    role="member",
                    title="Counsellor",
                ),
            ]
            chosen = rng.sample(sorted(focus_areas), 3)
            focus_links += [MeetingFocusArea(meeting_id=pk, focus_area_id=f) for f in chosen]
            explicit = rng.choice(corridors)
            linked = {explicit: ("explicit", None)}
            for focus in chosen:
                if focus in mapping and mapping[focus] not in linked:
                    linked[mapping[focus]] = ("derived", focus)
            corridor_links += [
                MeetingCorridor(meeting_id=pk, corridor_id=c, how=how, via_id=via)
                for c, (how, via) in linked.items()
            ]
            agreements += [
                Agreement(meeting_id=pk, statement=rng.choice(statements)) for _ in range(2)
            ]
            source_links.append(
                Meeting.sources.through(
                    meeting_id=pk, sourcedocument_id=rng.randrange(len(documents)) + 1
                )
            )
        return [
            (Meeting, meetings),
            (Delegation, delegations),
            (Participant, participants),
            (MeetingFocusArea, focus_links),
            (MeetingCorridor, corridor_links),
            (Agreement, agreements),
            (Meeting.sources.through, source_links),
        ]

    for first in range(1, count + 1, BATCH):
        with transaction.atomic():
            for model, objects in rows_for(first, min(first + BATCH, count + 1)):
                model.objects.bulk_create(objects, batch_size=BATCH)
    # bulk_create sends no signal: work out the best-known dates the lists sort by.
    Meeting.objects.refresh_sort_dates()


# Measuring -------------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def memory_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} for process {pid}")


def cpu_seconds(pid):
    """User plus system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def worker_pid(master_pid, deadline):
    while time.monotonic() < deadline:
        try:
            children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
        except FileNotFoundError:
            children = []
        if children:
            return int(children[0])
        time.sleep(0.05)
    raise RuntimeError("gunicorn started no worker")


def wait_until_serving(base_url, server, deadline):
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer /healthz")


def measure(count, workdir, runs):
    """Build a database of `count` meetings, serve it, export it `runs` times; the figures."""
    database = Path(workdir) / f"bench-{count}.sqlite3"
    env = server_environment(f"sqlite:///{database}")
    began = time.monotonic()
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, __file__, "--generate", str(count)], cwd=ROOT, env=env, check=True)
    generated_in = time.monotonic() - began
    # bulk_create sends no signals, so the stored export rows that entering or ingesting
    # these meetings would have built are built here, as after any bulk load.
    began = time.monotonic()
    subprocess.run(
        [PYTHON, "manage.py", "refresh_export_rows"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    refreshed_in = time.monotonic() - began

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = open(Path(workdir) / f"gunicorn-{count}.log", "w")
    command = [GUNICORN, "cpec_tracker.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "1", "--worker-class", "sync"]
    command += ["--timeout", str(MAX_SECONDS_PER_EXPORT)]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        wait_until_serving(base_url, server, deadline)
        pid = worker_pid(server.pid, deadline)
        resting = memory_kib(pid, "VmRSS")

        sampled_peak = [resting]
        done = threading.Event()

        def sample():
            while not done.is_set():
                sampled_peak[0] = max(sampled_peak[0], memory_kib(pid, "VmRSS"))
                done.wait(0.01)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            exports = [export_once(base_url, pid, count) for _ in range(runs)]
        finally:
            done.set()
            sampler.join()
        peak = memory_kib(pid, "VmHWM")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        database.unlink(missing_ok=True)

    return {
        "meetings": count,
        "generated_s": generated_in,
        "refreshed_s": refreshed_in,
        "exports": exports,
        "resting_rss_mb": resting / 1024,
        "sampled_peak_rss_mb": sampled_peak[0] / 1024,
        "peak_rss_mb": peak / 1024,
    }


def export_once(base_url, pid, count):
    """Read the whole CSV export once: its time, the worker's CPU time, its size."""
    received, newlines, tail = 0, 0, b""
    started, cpu_before = time.monotonic(), cpu_seconds(pid)
    url = base_url + "/meetings/export.csv"
    with urllib.request.urlopen(url, timeout=MAX_SECONDS_PER_EXPORT) as response:
        while chunk := response.read(1 << 16):
            received += len(chunk)
            newlines += chunk.count(b"\n")
            tail = (tail + chunk)[-200:]
    elapsed = time.monotonic() - started
    cpu = cpu_seconds(pid) - cpu_before
    rows = newlines - 1  # the header; generated text holds no line breaks
    last_line = tail.rstrip(b"\r\n").rsplit(b"\n", 1)[-1].decode("utf-8", "replace")
    if rows != count or last_line.startswith("# export failed"):
        raise RuntimeError(f"expected {count} rows, got {rows}; last line: {last_line!r}")
    return {
        "seconds": elapsed,
        "rows_per_s": rows / elapsed,
        "cpu_seconds": cpu,
        "rows_per_cpu_s": rows / cpu if cpu else float("inf"),
        "megabytes": received / 1e6,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3, help="exports per size (default 3)")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        sys.path.insert(0, str(ROOT))
        generate(args.generate)
        return

    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="cpec-export-bench-") as workdir:
        for count in args.sizes:
            print(f"{count:,} meetings: generating...", flush=True)
            result = measure(count, workdir, args.runs)
            results.append(result)
            print(
                f"  generated in {result['generated_s']:.1f} s; stored export rows built in "
                f"{result['refreshed_s']:.1f} s (manage.py refresh_export_rows)",
                flush=True,
            )
            for n, run in enumerate(result["exports"], start=1):
                print(
                    f"  export {n}: {run['megabytes']:.1f} MB in {run['seconds']:.2f} s = "
                    f"{run['rows_per_s']:,.0f} rows/s; worker CPU {run['cpu_seconds']:.2f} s = "
                    f"{run['rows_per_cpu_s']:,.0f} rows per CPU second",
                    flush=True,
                )
            print(
                f"  worker RSS {result['resting_rss_mb']:.1f} MB at rest, peak "
                f"{result['peak_rss_mb']:.1f} MB (VmHWM; sampled VmRSS peak "
                f"{result['sampled_peak_rss_mb']:.1f} MB)",
                flush=True,
            )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    for result in results:
        best = max(run["rows_per_s"] for run in result["exports"])
        print(
            f"{result['meetings']:>9,} rows: best {best:,.0f} rows/s, "
            f"peak RSS {result['peak_rss_mb']:.1f} MB"
        )
    if len(results) > 1:
        growth = results[-1]["peak_rss_mb"] - results[0]["peak_rss_mb"]
        slowest = min(max(r["rows_per_s"] for r in result["exports"]) for result in results)
        print(
            f"peak RSS grew {growth:+.1f} MB from {results[0]['meetings']:,} to "
            f"{results[-1]['meetings']:,} rows (target: within 30 MB); slowest size's best "
            f"{slowest:,.0f} rows/s (target: at least 30,000)"
        )


if __name__ == "__main__":
    main()
