"""How the site holds up under several analysts at once: requests per second and latency.

    .venv/bin/python bench/load.py                                   # 100,000 meetings, SQLite
    .venv/bin/python bench/load.py --meetings 5000 --seconds 10      # a quick run
    .venv/bin/python bench/load.py --sqlite-path /tmp/load.sqlite3   # keep / reuse the data
    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:54330/loadbench

It fills a throw-away database as bench/pages_speed.py does (`generate()` from
bench/export_speed.py, then the stored export rows; a database already holding exactly
--meetings meetings is reused), serves it with gunicorn on 127.0.0.1 (sync workers, DEBUG
off, the test settings' static files from the finders, so no collectstatic), and runs --clients client threads for --seconds, each sending one request after
another over a mix of URLs: the meeting list, filtered lists, meeting pages, filtered CSV
and JSON exports and the Atom feed. It prints requests per second, the 50th, 95th and 99th
percentile latency overall and per kind of URL, and the errors (any status but 200, a
failed connection, an export whose last line says it failed). Everything stays on the
loopback interface; the run is bounded by --seconds, a per-request timeout and
--time-limit, and gunicorn is stopped at the end. Exits non-zero if any request failed.
"""

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from export_speed import (  # noqa: E402
    GUNICORN,
    PYTHON,
    free_port,
    server_environment,
    wait_until_serving,
)

REQUEST_TIMEOUT = 60
# (kind, weight): how often each kind of URL is asked for.
MIX = [("list", 20), ("filtered list", 25), ("detail", 30), ("export", 10), ("feed", 15)]


def fill_and_sample(count):
    """In a child process: migrate, generate `count` meetings unless already there, build
    their export rows, and print sample slugs as JSON on the last line."""
    import pages_speed

    pages_speed.configure(os.environ["DATABASE_URL"])
    from django.core.management import call_command
    from django.db.models import Count

    from meetings.models import ExportRow, Meeting, Participant, Person

    pages_speed.fill(count)
    if ExportRow.objects.count() < count:
        started = time.monotonic()
        call_command("refresh_export_rows", verbosity=0)
        print(f"stored export rows built in {time.monotonic() - started:.0f} s", flush=True)
    slugs = list(Meeting.objects.order_by("?").values_list("slug", flat=True)[:200])
    busy = Participant.objects.values("person").annotate(n=Count("pk")).order_by("-n").first()
    person = Person.objects.get(pk=busy["person"]).slug
    print(json.dumps({"meetings": slugs, "person": person}))


def urls(sample):
    """{kind: [url, ...]} for the mix."""
    person = sample["person"]
    return {
        "list": ["/meetings/", "/meetings/?page=2", "/meetings/?sort=body"],
        "filtered list": [
            "/meetings/?corridor=green&date_from=2020&date_to=2023",
            "/meetings/?focus_area=industry&body=jwg-icc&sort=number",
            "/meetings/?q=energy",
            f"/meetings/?person={person}",
            "/meetings/?country=China&review_status=reviewed&date_from=2018",
        ],
        "detail": [f"/meetings/{slug}/" for slug in sample["meetings"]],
        "export": [
            "/meetings/export.csv?body=jwg-icc&date_from=2023",
            "/meetings/export.json?corridor=innovation&date_from=2024",
            f"/meetings/export.csv?person={person}",
            "/meetings/focus-areas.csv?focus_area=energy&date_from=2024-06",
        ],
        "feed": ["/meetings/feed/", "/meetings/feed/?corridor=green", "/meetings/calendar.ics"],
    }


def percentile(sorted_values, share):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, round(share * (len(sorted_values) - 1)))
    return sorted_values[index]


def one_request(url):
    """(seconds, error or None) for one GET, the body read to the end."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        return time.monotonic() - started, f"HTTP {exc.code}"
    except OSError as exc:
        return time.monotonic() - started, f"{type(exc).__name__}: {exc}"
    elapsed = time.monotonic() - started
    if status != 200:
        return elapsed, f"HTTP {status}"
    if b"# export failed" in body[-200:] or b'"error": "export failed' in body[-300:]:
        return elapsed, "export failed part-way"
    return elapsed, None


def run_clients(base_url, by_kind, clients, seconds, seed):
    """Each client asks for URLs of the mix until `seconds` have passed."""
    kinds = [kind for kind, _ in MIX]
    weights = [weight for _, weight in MIX]
    results = defaultdict(list)  # kind -> [seconds]
    errors = defaultdict(int)  # (kind, error) -> count
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(n):
        rng = random.Random(seed + n)
        while time.monotonic() < stop_at:
            kind = rng.choices(kinds, weights)[0]
            elapsed, error = one_request(base_url + rng.choice(by_kind[kind]))
            with lock:
                results[kind].append(elapsed)
                if error:
                    errors[kind, error] += 1

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + REQUEST_TIMEOUT + 5)
    return results, errors, time.monotonic() - started


def report(results, errors, wall):
    every = sorted(t for times in results.values() for t in times)
    total = len(every)
    failed = sum(errors.values())
    print(f"{'kind':<14} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, _ in MIX:
        times = sorted(results.get(kind, []))
        print(
            f"{kind:<14} {len(times):>9} {percentile(times, 0.5) * 1000:>8.0f} "
            f"{percentile(times, 0.95) * 1000:>8.0f} {percentile(times, 0.99) * 1000:>8.0f}"
        )
    print(
        f"{'all':<14} {total:>9} {percentile(every, 0.5) * 1000:>8.0f} "
        f"{percentile(every, 0.95) * 1000:>8.0f} {percentile(every, 0.99) * 1000:>8.0f}"
    )
    print(f"{total / wall:.1f} requests/s over {wall:.1f} s; errors: {failed}")
    for (kind, error), count in sorted(errors.items()):
        print(f"  {count} x {kind}: {error}")
    return failed


def give_up(signum, frame):
    raise SystemExit("time limit reached: stopping")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1, help="gunicorn workers"
    )
    parser.add_argument("--database-url", help="e.g. postgres://...; default: SQLite in /tmp")
    parser.add_argument("--sqlite-path", help="keep the SQLite database here (reused if full)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--time-limit", type=int, default=3600, help="seconds for the whole run")
    parser.add_argument("--fill", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        fill_and_sample(args.meetings)
        return
    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(args.time_limit)

    with tempfile.TemporaryDirectory(prefix="cpec-load-bench-") as workdir:
        if args.database_url:
            database_url = args.database_url
        else:
            database_url = f"sqlite:///{args.sqlite_path or Path(workdir) / 'load.sqlite3'}"
        # The test settings: the project's, with static files served from the finders, so
        # no collectstatic is needed first.
        env = {**server_environment(database_url), "DJANGO_SETTINGS_MODULE": "tests.settings"}
        filled = subprocess.run(
            [PYTHON, __file__, "--fill", "--meetings", str(args.meetings)],
            cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        *notes, sample = filled.stdout.strip().splitlines()
        for note in notes:
            print(note, flush=True)
        by_kind = urls(json.loads(sample))

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        command = [GUNICORN, "cpec_tracker.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", str(args.workers), "--worker-class", "sync"]
        command += ["--timeout", str(REQUEST_TIMEOUT)]
        with open(Path(workdir) / "gunicorn.log", "w") as log:
            server = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
            try:
                wait_until_serving(base_url, server, time.monotonic() + 60)
                vendor = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
                print(
                    f"{vendor}, {args.meetings:,} meetings, gunicorn {args.workers} sync "
                    f"workers, {args.clients} clients for {args.seconds:.0f} s; load average "
                    f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
                    flush=True,
                )
                results, errors, wall = run_clients(
                    base_url, by_kind, args.clients, args.seconds, args.seed
                )
            finally:
                server.terminate()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        failed = report(results, errors, wall)
        if failed:
            log_tail = (Path(workdir) / "gunicorn.log").read_text()[-3000:]
            print("gunicorn's log ends:\n" + log_tail)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
