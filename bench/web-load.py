#!/usr/bin/env python3
"""Load on `vanthu serve` (loopback only): BROWSERS sessions reading list and document pages and
CLERKS sessions registering at once, for SECONDS. Prints markdown rows for bench/run.sh: p50 and
p95 of the list pages, of a document page and of a registration, requests per second, and errors.

A session is a person: a browsing one opens a page every 0.5-1.5 s (a leader or an officer
reading fast), a registering clerk confirms a registration every 0.25-0.75 s (far faster than
anyone types a form). All sessions log in first (bcrypt is slow on purpose), then the clock starts.

    web-load.py BASE_URL PASSWORD BROWSERS CLERKS SECONDS DOCUMENTS_YEAR
"""
import http.client
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse

base, password, browsers, clerks, seconds, year = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
CSRF = re.compile(r'name="csrf" value="([0-9a-f]{64})"')
RUN = "".join(random.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(4))  # a fresh ký hiệu per run: a rerun is not a duplicate
WORDS = ["bao cao", "ke hoach", "tuyen truyen", "cong van", "van thu", "ngan sach", "to chuc", "kiem tra"]


class Session:
    def __init__(self):
        self.connection = http.client.HTTPConnection(host, port, timeout=60)
        self.cookies = {}
        self.csrf = ""

    def request(self, method, path, fields=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode([("csrf", self.csrf)] + list(fields))
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - start) * 1000
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        match = CSRF.search(text)
        if match:
            self.csrf = match.group(1)
        return response.status, text, elapsed

    def login(self, name):
        self.request("GET", "/login")
        status, _, _ = self.request("POST", "/login", [("username", name), ("password", password)])
        if status != 303:
            raise SystemExit(f"login {name}: {status}")
        self.request("GET", "/inbox")


timings = {"list": [], "document": [], "register": []}
errors = []
lock = threading.Lock()
stop = time.perf_counter() + 10**9
barrier = threading.Barrier(browsers + clerks + 1)


def browse(index):
    session = Session()
    session.login("giamdoc" if index % 2 else "vanthu")
    rng = random.Random(index)
    barrier.wait()
    while time.perf_counter() < stop:
        time.sleep(rng.uniform(0.5, 1.5))
        choice = rng.random()
        if choice < 0.5:
            path, kind = "/documents?so=den&q=" + urllib.parse.quote(rng.choice(WORDS)), "list"
        elif choice < 0.7:
            path, kind = "/documents?so=den&trang-thai=open&tu=01/01/" + year, "list"
        else:
            path, kind = f"/documents/den/{year}/{rng.randint(1, 1000)}", "document"
        status, _, elapsed = session.request("GET", path)
        with lock:
            (timings[kind] if status == 200 else errors).append(elapsed if status == 200 else f"{status} {path}")


def register(index):
    session = Session()
    session.login("vanthu")
    session.request("GET", "/register")
    rng = random.Random(1000 + index)
    barrier.wait()
    n = 0
    while time.perf_counter() < stop:
        time.sleep(rng.uniform(0.25, 0.75))
        n += 1
        status, text, elapsed = session.request("POST", "/register", [
            ("issuer", "Sở Nội vụ"), ("notation", f"{n}/L{index}-{RUN}"), ("summary", f"Văn bản tải thử {index}-{n}"), ("type", "CV")])
        with lock:
            (timings["register"] if status == 303 else errors).append(elapsed if status == 303 else f"{status} register: {text[-300:]}")


threads = [threading.Thread(target=browse, args=(i,)) for i in range(browsers)] + [threading.Thread(target=register, args=(i,)) for i in range(clerks)]
for thread in threads:
    thread.start()
started = time.perf_counter() + 10**9
stop = started + seconds
barrier.wait()  # everyone is logged in
started = time.perf_counter()
stop = started + seconds
for thread in threads:
    thread.join()
elapsed = time.perf_counter() - started


def p(values, q):
    return statistics.quantiles(values, n=100)[q - 1] if len(values) >= 2 else (values[0] if values else float("nan"))


total = sum(len(v) for v in timings.values())
for kind, label, target in [("list", "a list page (search or filter)", "p95 < 100 ms"), ("document", "a document page", ""), ("register", "a registration (POST, number taken)", "")]:
    values = timings[kind]
    print(f"| `vanthu serve`, {browsers} browsing + {clerks} registering for {seconds:.0f} s: {label}, p50 / p95 of {len(values)} | {target} | "
          f"{p(values, 50):.1f} / {p(values, 95):.1f} ms | {p(values, 95) / 100:.2f} |" if target else
          f"| `vanthu serve`, same run: {label}, p50 / p95 of {len(values)} | | {p(values, 50):.1f} / {p(values, 95):.1f} ms | |")
print(f"| `vanthu serve`, same run: requests answered, errors (a refusal, \"database is locked\") | 0 errors | {total / elapsed:.0f} /s, {len(errors)} errors | |")
for error in errors[:5]:
    print(f"<!-- {error} -->", file=sys.stderr)
print(len(timings["register"]), file=open(sys.argv[7], "w") if len(sys.argv) > 7 else sys.stderr)
