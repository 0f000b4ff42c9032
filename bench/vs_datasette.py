"""The meeting list against Datasette's table page, on the same 100,000-meeting SQLite file.

    .venv/bin/python bench/vs_datasette.py                        # build (or reuse) and compare
    .venv/bin/python bench/vs_datasette.py --runs 5 --throughput-seconds 10   # a quicker run
    .venv/bin/python bench/vs_datasette.py --sqlite-path /tmp/pages.sqlite3  # reuse pages_speed's

It builds the database with bench/pages_speed.py's fill() (migrations, then generate() from
bench/export_speed.py; a file already holding --meetings meetings is reused, after its new
migrations), copies it twice, and serves on 127.0.0.1 only:

  project            gunicorn, 2 sync workers, DEBUG off, production settings (static files
                     collected into var/staticfiles first), on the first copy
  Datasette default  Datasette 0.65.x with its defaults (row count, facet suggestions)
  Datasette lean     the same, started with facets and their suggestions off, asked with
                     _nocount=1&_nofacet=1&_nosuggest=1

Datasette is installed by this script into a throw-away virtual environment under /tmp
(--datasette-venv), not into the project's. Both Datasettes read the second copy. Each
Datasette URL asks for the rows the project's page shows: 50 a page, newest date first.

Each round asks every page of every server once, in turn (the project twice: cold, its
cache of counts and facets emptied first, then warm), so a noisy neighbour on a shared
machine slows all alike; the table gives medians over --runs rounds and the project's time
divided by each Datasette's. Then --clients threads ask the date-filtered page of the
project and of lean Datasette (one server at a time) for --throughput-seconds each, and it
prints requests per second and the 95th percentile (the project's warm after its first
request: one URL). Every request has a timeout; the servers
are stopped at the end, whatever happens.
"""

import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

HOST = "127.0.0.1"
DATASETTE = "datasette>=0.65,<0.66"
TABLE = "/data/meetings_meeting"
LEAN = "_nocount=1&_nofacet=1&_nosuggest=1"
ROWS = "_size=50&_sort_desc=date"
REQUEST_TIMEOUT = 120


def pages(green_id):
    """(label, project URL, Datasette query) for each compared page; green_id is the
    corridor's primary key (Datasette filters on the link table with _where)."""
    in_green = (
        "_where=id+in+(select+meeting_id+from+agreements_meetingcorridor"
        f"+where+corridor_id+%3D+{green_id})"
    )
    dates = "date__gte=2020-01-01&date__lte=2022-12-31"
    return [
        ("plain list", "/meetings/", ""),
        ("dates 2020-2022", "/meetings/?date_from=2020&date_to=2022", dates),
        ("corridor=green", "/meetings/?corridor=green", in_green),
        (
            "dates + corridor",
            "/meetings/?date_from=2020&date_to=2022&corridor=green",
            f"{dates}&{in_green}",
        ),
        # Datasette has no index to search this table with: a LIKE over the summary.
        ("q=energy", "/meetings/?q=energy", "summary__contains=energy"),
    ]


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def build(sqlite_path, meetings):
    """Fill (or reuse) the file in a child process: Django set up here would stay
    configured for the whole run."""
    code = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/bench'];"
        "import pages_speed; pages_speed.configure('sqlite:///' + sys.argv[2]);"
        "pages_speed.fill(int(sys.argv[3]))"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(sqlite_path), str(meetings)], check=True
    )


def green_corridor_id(sqlite_path):
    import sqlite3

    with sqlite3.connect(sqlite_path) as db:
        return db.execute("SELECT id FROM agreements_corridor WHERE slug = 'green'").fetchone()[0]


def datasette_command(venv):
    """The Datasette executable in `venv`, created and installed into first if needed."""
    executable = Path(venv) / "bin" / "datasette"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(Path(venv) / "bin" / "python"), "-m", "pip", "install", "-q", DATASETTE],
            check=True,
        )
    return str(executable)


class Server:
    def __init__(self, name, command, env=None, log=None):
        self.name = name
        self.port = free_port()
        command = [part.replace("PORT", str(self.port)) for part in command]
        self.process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_until_up(self, path, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}")
            try:
                status, _ = get(self.port, path, timeout=5)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} did not answer {path} within {seconds} s")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def get(port, path, timeout=REQUEST_TIMEOUT):
    """(status, body bytes) of one GET on a new connection."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def timed_get(port, path):
    started = time.perf_counter()
    status, body = get(port, path)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"{path} on port {port} answered {status}: {body[:300]!r}")
    return elapsed


def empty(directory):
    for entry in Path(directory).iterdir():
        entry.unlink()


def compare(servers, page_list, runs, cache_dir):
    """{(label, server name): [ms per round]}, every page of every server asked once per
    round; the project twice, cold (its cache emptied first) and then warm."""
    timings = {}
    for round_number in range(runs):
        for label, project_url, query in page_list:
            for server in servers:
                if server.name == "project":
                    empty(cache_dir)
                    timings.setdefault((label, "project cold"), []).append(
                        timed_get(server.port, project_url)
                    )
                    path, name = project_url, "project warm"
                else:
                    extra = [ROWS, query] + ([LEAN] if server.name == "Datasette lean" else [])
                    path = TABLE + "?" + "&".join(part for part in extra if part)
                    name = server.name
                timings.setdefault((label, name), []).append(timed_get(server.port, path))
        print(f"  round {round_number + 1}/{runs} done", flush=True)
    return timings


def throughput(port, path, clients, seconds):
    """(requests per second, p95 ms, errors) of `clients` threads asking `path` for
    `seconds`; each thread stops starting requests when the time is up."""
    deadline = time.monotonic() + seconds
    latencies, errors = [], []
    lock = threading.Lock()

    def client():
        while time.monotonic() < deadline:
            try:
                elapsed = timed_get(port, path)
            except (OSError, RuntimeError) as error:
                with lock:
                    errors.append(error)
                continue
            with lock:
                latencies.append(elapsed)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else float("nan")
    return len(latencies) / elapsed, p95, len(errors)


def project_environment(database_url, cache_dir):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_CACHE_DIR": str(cache_dir),
        # Production settings: the shared file cache, WhiteNoise's manifest (collected first).
        "DJANGO_SETTINGS_MODULE": "cpec_tracker.settings",
        "DJANGO_SECRET_KEY": "benchmark-only-not-a-secret",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "PYTHONPATH": str(ROOT),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--sqlite-path", help="build or reuse the database here")
    parser.add_argument("--runs", type=int, default=9, help="rounds of interleaved requests")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--throughput-seconds", type=int, default=20)
    parser.add_argument("--datasette-venv", default="/tmp/cpec-bench-datasette-venv")
    parser.add_argument("--time-limit", type=int, default=3600, help="seconds for the whole run")
    args = parser.parse_args()

    def give_up(signum, frame):
        raise SystemExit("time limit reached: stopping")

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(args.time_limit)

    servers = []
    with tempfile.TemporaryDirectory(prefix="cpec-vs-datasette-") as workdir:
        work = Path(workdir)
        source = Path(args.sqlite_path) if args.sqlite_path else work / "meetings.sqlite3"
        build(source, args.meetings)
        project_copy, datasette_copy = work / "project.sqlite3", work / "data.db"
        cache_dir = work / "cache"
        cache_dir.mkdir()
        shutil.copyfile(source, project_copy)
        shutil.copyfile(source, datasette_copy)
        datasette = datasette_command(args.datasette_venv)
        environment = project_environment(f"sqlite:///{project_copy}", cache_dir)
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
            env=environment,
            check=True,
        )
        page_list = pages(green_corridor_id(source))
        try:
            with open(work / "servers.log", "wb") as log:
                gunicorn = str(Path(sys.executable).with_name("gunicorn"))
                servers.append(
                    Server(
                        "project",
                        [gunicorn, "-w", "2", "-b", f"{HOST}:PORT", "--timeout", "300"]
                        + ["cpec_tracker.wsgi"],
                        env=environment,
                        log=log,
                    )
                )
                base = [datasette, "serve", str(datasette_copy), "-h", HOST, "-p", "PORT"]
                base += ["--setting", "sql_time_limit_ms", "60000"]
                servers.append(Server("Datasette default", base, log=log))
                lean = ["--setting", "suggest_facets", "off", "--setting", "allow_facet", "off"]
                servers.append(Server("Datasette lean", base + lean, log=log))
                servers[0].wait_until_up("/meetings/?page=2")
                for server in servers[1:]:
                    server.wait_until_up(TABLE + "?_size=1&" + LEAN)
                print(
                    f"{args.meetings:,} meetings; {args.runs} interleaved rounds; load average "
                    f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
                    flush=True,
                )
                timings = compare(servers, page_list, args.runs, cache_dir)
                report(timings, page_list)
                dates_url = page_list[1][1]
                dates_query = "&".join([ROWS, page_list[1][2], LEAN])
                print(
                    f"\n{args.clients} clients, {args.throughput_seconds} s each, "
                    f"on the date filter:"
                )
                for server, path in (
                    (servers[0], dates_url),
                    (servers[2], f"{TABLE}?{dates_query}"),
                ):
                    rate, p95, errors = throughput(
                        server.port, path, args.clients, args.throughput_seconds
                    )
                    print(
                        f"  {server.name:<18} {rate:6.1f} req/s  p95 {p95:6.0f} ms"
                        + (f"  {errors} errors" if errors else ""),
                        flush=True,
                    )
        finally:
            for server in servers:
                server.stop()


def report(timings, page_list):
    names = ("project cold", "project warm", "Datasette default", "Datasette lean")
    print(
        f"\n{'page':<18} {'cold ms':>8} {'warm ms':>8} {'default ms':>10} {'lean ms':>8}"
        f" {'cold÷default':>12} {'cold÷lean':>9} {'warm÷lean':>9}"
    )
    for label, _, _ in page_list:
        cold, warm, default, lean = (statistics.median(timings[(label, n)]) for n in names)
        print(
            f"{label:<18} {cold:>8.0f} {warm:>8.0f} {default:>10.0f} {lean:>8.0f}"
            f" {cold / default:>12.2f} {cold / lean:>9.2f} {warm / lean:>9.2f}"
        )
    print("(medians; cold: the project's cache of counts and facets emptied before the request)")


if __name__ == "__main__":
    main()
