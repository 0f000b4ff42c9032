"""How fast the analysts' pages answer, and how many SQL queries each runs, at scale.

    .venv/bin/python bench/pages_speed.py                          # 100,000 meetings, SQLite
    .venv/bin/python bench/pages_speed.py --meetings 5000 --runs 3  # a quick run
    .venv/bin/python bench/pages_speed.py --sqlite-path /tmp/pages.sqlite3   # keep / reuse it
    .venv/bin/python bench/pages_speed.py --database-url postgres://postgres@127.0.0.1:54330/pagesbench

It migrates a throw-away database (SQLite under /tmp unless --database-url names another
one), fills it with `generate()` from bench/export_speed.py (meetings with co-chairs,
members, focus areas, explicit and derived corridors, agreements and sources), then asks
each page through Django's test Client (DEBUG off, the test settings' plain static
storage, so no collectstatic): one counted request (the SQL queries it ran, and a warm-up),
then --runs timed requests, and prints the median. Each timed request is cold: the cache
(the list's counts and facets) is emptied first, unless --warm. A database that already
holds exactly --meetings meetings is reused as it is. It stops by itself: a page whose first request
takes longer than --slow-seconds is timed once, and the whole run gives up after
--time-limit seconds.
"""

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# A page over this median misses the target (on SQLite, 2 cores).
TARGET_MS = 500


def configure(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-a-secret")
    import django

    django.setup()


def skip_sqlite_pragmas(execute, sql, params, many, context):
    """generate() tunes SQLite with PRAGMAs; other databases don't know them."""
    if sql.lstrip().upper().startswith("PRAGMA"):
        return None
    return execute(sql, params, many, context)


def fill(count):
    """Migrate, then generate `count` meetings unless the database already holds them."""
    from django.core.management import call_command
    from django.db import connection
    from export_speed import generate

    from meetings.models import Meeting

    call_command("migrate", verbosity=0)
    existing = Meeting.objects.count()
    if existing == count:
        print(f"reusing the {count:,} meetings already in the database", flush=True)
        return
    if existing:
        sys.exit(f"the database holds {existing:,} meetings, not {count:,}: give an empty one")
    started = time.monotonic()
    if connection.vendor == "sqlite":
        generate(count)
    else:
        with connection.execute_wrapper(skip_sqlite_pragmas):
            generate(count)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"generated {count:,} meetings in {time.monotonic() - started:.0f} s", flush=True)


def pages():
    """(label, URL) of every page measured; the sample meeting and person are real rows."""
    from django.db.models import Count

    from meetings.models import Meeting, Participant, Person

    meetings = Meeting.objects.filter(body__slug="jwg-icc").order_by("number")
    meeting = meetings[meetings.count() // 2]
    busiest = (
        Participant.objects.values("person")
        .annotate(n=Count("pk"))
        .order_by("-n", "person")
        .first()
    )
    person = Person.objects.get(pk=busiest["person"])
    return [
        ("overview", "/"),
        ("list", "/meetings/"),
        ("list: green, 2020-2023", "/meetings/?corridor=green&date_from=2020&date_to=2023"),
        ("list: q=energy", "/meetings/?q=energy"),
        (
            "list: industry, jwg-icc, by number",
            "/meetings/?focus_area=industry&body=jwg-icc&sort=number",
        ),
        (
            "list: every filter",
            "/meetings/?corridor=growth&corridor=green&focus_area=industry&focus_area=energy"
            f"&body=jwg-icc&person={person.slug}&date_from=2015&date_to=2024&city=Islamabad"
            "&country=China&review_status=reviewed",
        ),
        ("list: page 1000", "/meetings/?page=1000"),
        ("list: derived green", "/meetings/?corridor=green&corridor_link=derived"),
        ("meeting detail", meeting.get_absolute_url()),
        ("body", "/bodies/jwg-icc/"),
        ("corridor", "/corridors/cpec/"),
        ("focus area", "/focus-areas/energy/"),
        ("agreements", "/agreements/"),
        (f"person ({busiest['n']} roles)", person.get_absolute_url()),
        ("people index", "/people/"),
        ("people index by meetings", "/people/?sort=meetings"),
        ("bodies index", "/bodies/"),
        ("focus areas index", "/focus-areas/"),
        ("corridors index", "/corridors/"),
        ("sources index", "/sources/"),
        ("Atom feed", "/meetings/feed/"),
        ("calendar", "/meetings/calendar.ics"),
    ]


def fetch(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(body)


def measure(url, runs, slow_seconds, warm=False):
    """(median ms, every run's ms, queries, bytes) for one page; cold (the cache emptied
    before each request) unless `warm`."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    client = Client()
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(count):
        size = fetch(client, url)
    first = time.perf_counter() - started
    timings = []
    for _ in range(runs if first < slow_seconds else 0):
        if not warm:
            cache.clear()
        started = time.perf_counter()
        fetch(client, url)
        timings.append((time.perf_counter() - started) * 1000)
    timings = timings or [first * 1000]
    return statistics.median(timings), timings, len(queries), size


def give_up(signum, frame):
    raise SystemExit("time limit reached: stopping")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="timed requests per page")
    parser.add_argument("--database-url", help="e.g. postgres://...; default: SQLite in /tmp")
    parser.add_argument("--sqlite-path", help="keep the SQLite database here (reused if full)")
    parser.add_argument("--slow-seconds", type=float, default=20.0)
    parser.add_argument("--time-limit", type=int, default=3600, help="seconds for the whole run")
    parser.add_argument(
        "--warm", action="store_true", help="keep the cached counts and facets between runs"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(args.time_limit)

    with tempfile.TemporaryDirectory(prefix="cpec-pages-bench-") as workdir:
        if args.database_url:
            url = args.database_url
        else:
            url = f"sqlite:///{args.sqlite_path or Path(workdir) / 'pages.sqlite3'}"
        configure(url)
        from django.db import connection

        fill(args.meetings)
        print(
            f"{connection.vendor}, {args.meetings:,} meetings, median of {args.runs} "
            f"{'warm' if args.warm else 'cold (cache emptied before each)'} runs, "
            f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
            flush=True,
        )
        print(f"{'page':<36} {'median ms':>10} {'queries':>8} {'KB':>7}  url")
        slow = []
        for label, page_url in pages():
            median, timings, queries, size = measure(
                page_url, args.runs, args.slow_seconds, args.warm
            )
            mark = " *" if median > TARGET_MS else ""
            print(
                f"{label:<36} {median:>10.0f} {queries:>8} {size / 1024:>7.0f}  {page_url}{mark}",
                flush=True,
            )
            if median > TARGET_MS:
                slow.append(label)
        connection.close()
    print(f"over {TARGET_MS} ms: {', '.join(slow) if slow else 'none'}")


if __name__ == "__main__":
    main()
