#!/usr/bin/env python3
"""The 挂图作战 dashboard in a real browser.

Imports the bundled corpus into a scratch database, runs the nightly job,
starts `petition serve` on a loopback port, and drives headless Chromium over
the DevTools protocol: the sign-in form, the dashboard after signing in, a
drill-down into a province and a city. On every view the figures the browser
shows (read from the DOM) must equal `GET /v1/dashboard`'s. It saves a
screenshot of each view and the A4-landscape print of the first, and checks
that the views were audited.

Usage: dashboard_browser_test.py PETITION_BINARY OUTPUT_DIRECTORY
Needs: chromium (Debian), the Python package websocket-client.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import websocket  # websocket-client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, *arguments, database):
    result = subprocess.run([binary, *arguments, "--db", database], capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"petition {' '.join(arguments)} failed: {result.stderr}")
    return result.stdout


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                return answer.read()
        except Exception:
            time.sleep(0.2)
    raise Failure(f"{url} did not answer in {seconds} s")


class Browser:
    """One page of headless Chromium, driven over the DevTools protocol."""

    def __init__(self, profile):
        self.port = free_port()
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", f"--user-data-dir={profile}", f"--remote-debugging-port={self.port}",
             "--window-size=1400,1000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        targets = json.loads(wait_for(f"http://127.0.0.1:{self.port}/json/list"))
        page = next(t for t in targets if t.get("type") == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.next_id = 0
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method, **params):
        self.next_id += 1
        message_id = self.next_id
        self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise Failure(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_event(self, name, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            message = json.loads(self.socket.recv())
            if message.get("method") == name:
                return message.get("params", {})
        raise Failure(f"no {name} in {seconds} s")

    def navigate(self, url):
        self.call("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise Failure(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def submit_and_wait(self, script):
        self.evaluate(script)
        self.wait_event("Page.loadEventFired")

    def screenshot(self, path):
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics["cssContentSize"]
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 6000), "scale": 1})
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))

    def print_pdf(self, path):
        pdf = self.call("Page.printToPDF", landscape=True, paperWidth=11.69, paperHeight=8.27,
                        printBackground=True, preferCSSPageSize=True)
        data = base64.b64decode(pdf["data"])
        with open(path, "wb") as file:
            file.write(data)
        return data

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)


# What the page shows, read from its DOM the way a person reads it.
READ_PAGE = r"""
(() => {
  const number = (element) => element ? Number(element.textContent.trim()) : null;
  const tiles = {};
  document.querySelectorAll('#figures [data-figure]').forEach(e => { tiles[e.dataset.figure] = number(e); });
  const regions = [...document.querySelectorAll('#regions tr[data-region]')].map(row => {
    const counts = {};
    row.querySelectorAll('[data-figure]').forEach(e => { counts[e.dataset.figure] = number(e); });
    return {name: row.dataset.region, counts};
  });
  const backlog = [...document.querySelectorAll('#backlog tr[data-case]')].map(row => ({
    case_id: row.dataset.case,
    matters: number(row.querySelector('[data-figure=matters]')),
    petitions: number(row.querySelector('[data-figure=petitions]')),
    new_repeats: number(row.querySelector('[data-figure=new_repeats]')),
    needs_review: row.querySelector('[data-figure=needs_review]').dataset.value === 'true',
  }));
  const classes = [...document.querySelectorAll('#classes tr[data-class]')].map(row => ({
    class_id: row.dataset.class, place: row.children[1].textContent,
    matters: number(row.querySelector('[data-figure=matters]')),
    petitions: number(row.querySelector('[data-figure=petitions]')),
  }));
  const weeks = [...document.querySelectorAll('#trend g[data-week]')].map(g => ({
    week_start: g.dataset.week, new_petitions: Number(g.dataset.new), repeats: Number(g.dataset.repeats)}));
  const drill = [...document.querySelectorAll('#regions tr[data-region] a')].map(a => a.getAttribute('href'));
  return {tiles, regions, backlog, classes, weeks, drill, asOf: document.querySelector('[data-figure=as_of]').textContent,
          title: document.title, svg: document.querySelectorAll('svg.chart').length,
          fontsOK: document.fonts.check('14px "WenQuanYi Micro Hei"') || document.fonts.check('14px "Noto Sans CJK SC"')};
})()
"""


def compare(shown, api, where):
    region = api["region"]
    for key, value in region["counts"].items():
        check(shown["tiles"].get(key) == value, f"{where}: tile {key} shows {shown['tiles'].get(key)}, API {value}")
    check(shown["tiles"]["needing_review"] == api["needing_review"], f"{where}: needing_review")
    check(shown["tiles"]["backlog_cases"] == len(api["backlog"]), f"{where}: backlog count")
    check(shown["tiles"]["class_cases"] == len(api["classes"]), f"{where}: class count")
    check(shown["asOf"] == (api["as_of"] or "—"), f"{where}: as of {shown['asOf']} vs {api['as_of']}")
    check([r["name"] for r in shown["regions"]] == [c["name"] for c in region["children"]], f"{where}: region rows")
    for row, child in zip(shown["regions"], region["children"]):
        check(row["counts"] == child["counts"], f"{where}: {row['name']} shows {row['counts']}, API {child['counts']}")
    check(shown["weeks"] == region["weekly"], f"{where}: weekly trend differs")
    expected_backlog = [{k: b[k] for k in ("case_id", "matters", "petitions", "new_repeats", "needs_review")}
                        for b in api["backlog"][:300]]
    check(shown["backlog"] == expected_backlog, f"{where}: backlog rows differ")
    expected_classes = [{k: c[k] for k in ("class_id", "place", "matters", "petitions")} for c in api["classes"][:300]]
    check(shown["classes"] == expected_classes, f"{where}: class rows differ")
    check(shown["svg"] >= 1, f"{where}: no chart")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    binary, output = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(output, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="petition-browser-")
    server = browser = None
    try:
        database = os.path.join(scratch, "petitions.db")
        run(binary, "import", os.path.join(ROOT, "corpus/petitions.jsonl"), database=database)
        run(binary, "import", "--backlog", os.path.join(ROOT, "corpus/backlog.jsonl"), database=database)
        run(binary, "dedup", database=database)
        token = json.loads(run(binary, "token", "add", "--operator", "浏览器测试", "--role", "admin", "--json",
                               database=database))["token"]
        port = free_port()
        server = subprocess.Popen([binary, "serve", "--db", database, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=open(os.path.join(output, "serve.log"), "w"))
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz")

        def api(query=""):
            request = urllib.request.Request(base + "/v1/dashboard" + query, headers={"Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(request, timeout=60) as answer:
                return json.loads(answer.read())

        browser = Browser(os.path.join(scratch, "profile"))
        browser.navigate(base + "/")
        check(browser.evaluate("!!document.querySelector('form.signin input[name=token]')"), "no sign-in form at /")
        browser.screenshot(os.path.join(output, "dashboard-signin.png"))
        browser.submit_and_wait(f"document.querySelector('#token').value = {json.dumps(token)};"
                                "document.querySelector('form.signin').submit()")
        started = time.time()
        browser.navigate(base + "/")
        render_seconds = time.time() - started
        shown = browser.evaluate(READ_PAGE)
        compare(shown, api(), "全部地区")
        check(shown["fontsOK"], "no Chinese font available to the browser (install fonts-wqy-microhei)")
        browser.screenshot(os.path.join(output, "dashboard.png"))
        pdf = browser.print_pdf(os.path.join(output, "dashboard.pdf"))
        check(pdf.startswith(b"%PDF"), "print to PDF failed")
        views = 1
        # Drill down: the first province, then its first city, by the links a person clicks.
        for level in ("province", "city"):
            check(shown["drill"], f"no region to drill into below {level}")
            link = shown["drill"][0]
            browser.navigate(base + link)
            shown = browser.evaluate(READ_PAGE)
            query = urllib.parse.urlparse(link).query
            compare(shown, api("?" + query), urllib.parse.unquote(query))
            browser.screenshot(os.path.join(output, f"dashboard-{level}.png"))
            views += 1
        # The label page: the signed-in admin judges the first pair; the answer is saved and said.
        browser.navigate(base + "/labels")
        check(browser.evaluate("document.querySelector('h1').textContent") == "判定信访件对", "no label page at /labels")
        if browser.evaluate("document.querySelectorAll('section.pair').length"):
            browser.submit_and_wait("document.querySelector('section.pair button[value=skip]').click()")
            check("已保存：跳过" in browser.evaluate("document.body.innerText"), "a judgment from the page was not saved")
        browser.screenshot(os.path.join(output, "labels.png"))
        request = urllib.request.Request(base + "/v1/audit?operator=" + urllib.parse.quote("浏览器测试"),
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            entries = json.loads(answer.read())["entries"]
        page_views = [e for e in entries if e["command"] == "GET / 200"]
        check(len(page_views) >= views, f"{views} views, {len(page_views)} audited")
        print(f"browser test passed: sign-in, {views} views equal to /v1/dashboard, "
              f"first view {render_seconds:.2f} s, screenshots and PDF in {output}")
        return 0
    except Failure as failure:
        print(f"browser test FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if browser:
            browser.close()
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
