#!/usr/bin/env python3
"""Browser tests of the explorer page (explore.html) in headless Chromium.

Drives the system Chromium through the DevTools protocol with Playwright (never a
downloaded browser), opens the page from disk and checks what a reader sees against
oracles computed here from graph.json and from `levelmap path`. Any network request
the page makes fails the run. Prints `ok <test>` or `FAIL <test>: why` per test, and
`first-paint-ms <n>`; exits non-zero when a test fails.

    python3 tests/browser/explore.py --suite bundled --page out/explore.html \
        --graph out/graph.json --bin target/release/levelmap --corpus graph \
        [--screenshot docs/explore.png]
    python3 tests/browser/explore.py --suite hostile --page PAGE --graph GRAPH
    python3 tests/browser/explore.py --suite drafts --page PAGE --graph GRAPH
    python3 tests/browser/explore.py --suite paint --page PAGE   # first paint only
"""

import argparse
import html.parser
import json
import subprocess
import sys
import tempfile
import traceback
from collections import deque

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# ---- oracles from graph.json ------------------------------------------------------

class Graph:
    def __init__(self, path, page):
        g = json.load(open(path, encoding="utf-8"))
        self.nodes = g["nodes"]
        self.edges = g["edges"]
        self.index = {n["id"]: i for i, n in enumerate(self.nodes)}
        self.page_data = embedded_data(page)

    def label(self, node_id):
        return self.nodes[self.index[node_id]]["label"]

    def within(self, start, depth, skip=("mentions",)):
        """Nodes within `depth` steps of `start`, edges either way, as the page walks."""
        adj = {}
        for e in self.edges:
            if e["kind"] in skip:
                continue
            adj.setdefault(e["from"], []).append(e["to"])
            adj.setdefault(e["to"], []).append(e["from"])
        seen = {start: 0}
        q = deque([start])
        while q:
            u = q.popleft()
            if seen[u] >= depth:
                continue
            for v in adj.get(u, []):
                if v not in seen:
                    seen[v] = seen[u] + 1
                    q.append(v)
        return set(seen)

    def degree(self, node_id):
        return sum(1 for e in self.edges if node_id in (e["from"], e["to"]))

    def first_evidenced(self):
        """Articles and claims at their own date; anything else at the earliest article
        evidencing an edge at it; None when never evidenced."""
        def key(v):
            parts = [int(x) for x in v.split("-")]
            return tuple(parts + [1] * (3 - len(parts)))
        art = {n["id"].split(":", 1)[1]: key(n["date"]["value"]) for n in self.nodes
               if n["kind"] == "article" and n.get("date")}
        first = {}
        for n in self.nodes:
            if n["kind"] in ("article", "claim") and n.get("date"):
                first[n["id"]] = key(n["date"]["value"])
        for e in self.edges:
            d = art.get(e["evidence"]["article"])
            if d is None:
                continue
            for end in (e["from"], e["to"]):
                if self.nodes[self.index[end]]["kind"] == "article":
                    continue
                first[end] = min(first.get(end, d), d)
        return first, sorted(set(art.values()))

    def placed(self):
        """Nodes the map places (from the positions embedded by levelmap)."""
        return {self.nodes[b["n"]]["id"] for b in self.page_data["map"]["boxes"] if b["n"] >= 0}


def embedded_data(page):
    class P(html.parser.HTMLParser):
        grab, text = False, []

        def handle_starttag(self, tag, attrs):
            self.grab = tag == "script" and ("id", "data") in attrs

        def handle_data(self, data):
            if self.grab:
                self.text.append(data)

        def handle_endtag(self, tag):
            self.grab = False
    p = P()
    p.feed(open(page, encoding="utf-8").read())
    return json.loads("".join(p.text))


# ---- the browser --------------------------------------------------------------------

class Browser:
    def __init__(self, pw, page_path):
        self.tmp = tempfile.TemporaryDirectory()
        self.ctx = pw.chromium.launch_persistent_context(
            self.tmp.name, executable_path="/usr/bin/chromium", args=ARGS, headless=True,
            viewport={"width": 1400, "height": 900})
        self.url = "file://" + page_path
        self.requests = []
        self.errors = []
        # Every request but the page itself is recorded and refused.
        self.ctx.route("**/*", self.route)

    def route(self, route):
        url = route.request.url
        if url.split("#")[0] == self.url:
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def open(self, fragment=""):
        page = self.ctx.new_page()
        page.on("request", lambda r: r.url.split("#")[0] != self.url and self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.goto(self.url + fragment)
        page.wait_for_selector("body[data-ready=true]", timeout=20000)
        return page

    def close(self):
        self.ctx.close()
        self.tmp.cleanup()


def status(page):
    return page.evaluate("""() => { const s = document.getElementById('status');
        return {text: s.textContent, hl: +s.dataset.highlighted, shown: +s.dataset.shown}; }""")


def click_node(page, node_id):
    box = page.evaluate("id => window.levelmapExplorer.reveal(id)", node_id)
    assert box, f"{node_id} is not drawn"
    page.mouse.click(box["x"], box["y"])
    page.wait_for_function("id => document.getElementById('panel-title') !== null", arg=node_id)
    return box


def pixel_colours(page, box, radius):
    """Colours seen in a square around a point of the screen."""
    from io import BytesIO
    png = page.screenshot(clip={"x": box["x"] - radius, "y": box["y"] - radius,
                                "width": 2 * radius, "height": 2 * radius})
    import zlib, struct
    # A small PNG decoder (RGB/RGBA, 8 bit, no interlace), enough for screenshots.
    data = BytesIO(png)
    data.read(8)
    idat, w, h, ch = b"", 0, 0, 4
    while True:
        ln, = struct.unpack(">I", data.read(4))
        kind = data.read(4)
        body = data.read(ln)
        data.read(4)
        if kind == b"IHDR":
            w, h, _, ctype = struct.unpack(">IIBB", body[:10])
            ch = 4 if ctype == 6 else 3
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = w * ch
    prev = bytearray(stride)
    out = set()
    pos = 0
    for _ in range(h):
        f = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - ch] if i >= ch else 0
            b = prev[i]
            c = prev[i - ch] if i >= ch else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        for x in range(w):
            out.add(tuple(line[x * ch:x * ch + 3]))
        prev = line
    return out


def near(colours, rgb, tol=40):
    return any(all(abs(c[i] - rgb[i]) <= tol for i in range(3)) for c in colours)


# ---- tests on the bundled corpus -------------------------------------------------------

def busiest(g, kind):
    """The node of a kind with most edges (ties by id): a node worth clicking."""
    cands = [n["id"] for n in g.nodes if n["kind"] == kind and n["id"] in g.placed()]
    return max(sorted(cands), key=g.degree)


def test_search_as_you_type(b, g, opts):
    page = b.open()
    # A policy's alias (not its name), typed one key at a time.
    pol = next(n for n in g.nodes if n["kind"] == "policy" and n.get("aliases")
               and n["aliases"][0].lower() not in n["label"].lower())
    alias = pol["aliases"][0]
    page.click("#search")
    page.keyboard.type(alias[:4], delay=20)
    first = page.locator("#results li").count()
    page.keyboard.type(alias[4:], delay=20)
    names = page.locator("#results li button").evaluate_all("bs => bs.map(b => b.dataset.node)")
    assert pol["id"] in names, f"{alias!r}: {pol['id']} not in {names}"
    assert page.locator("#results li").count() <= first, "results narrow as one types"
    # A word only in a quote: the quote is found.
    q = g.edges[0]["evidence"]["quote"].split()
    word = max(q, key=len).strip(".,;:'\"“”‘’()").lower()
    page.fill("#search", word)
    texts = page.locator("#results").inner_text().lower()
    assert word in texts, f"quote word {word!r} not found: {texts[:200]}"
    # Enter opens the first result in the side panel.
    page.focus("#search")
    page.keyboard.press("Enter")
    assert page.locator("#panel-title").count() == 1
    page.close()


def test_click_node_highlights_neighbours_within_n(b, g, opts):
    page = b.open()
    node = busiest(g, "policy")
    box = click_node(page, node)
    assert page.inner_text("#panel-title") == g.label(node)
    assert page.inner_text("#panel dd[data-field=Kind]").startswith("policy")
    edges = page.locator("#panel-edges li.edge").count()
    assert edges == g.degree(node), f"panel lists {edges} edges, graph.json has {g.degree(node)}"
    quotes = page.locator("#panel-edges blockquote").all_inner_texts()
    want = sorted(e["evidence"]["quote"] for e in g.edges if node in (e["from"], e["to"]))
    assert sorted(quotes) == want, "every edge's quote is in the panel"
    s = status(page)
    want1 = g.within(node, 1)
    assert s["hl"] == len(want1), f"N=1: {s['hl']} highlighted, expected {len(want1)}"
    # The focused node is drawn with the focus ring (orange) on screen.
    cols = pixel_colours(page, {"x": box["x"], "y": box["y"] - box["h"] / 2}, 6)
    assert near(cols, (0xff, 0x6f, 0x00)), f"no focus ring at the node: {sorted(cols)[:8]}"
    # N = 2 chosen with the keyboard on the slider.
    page.focus("#depth")
    page.keyboard.press("ArrowRight")
    s2 = status(page)
    want2 = g.within(node, 2)
    assert s2["hl"] == len(want2), f"N=2: {s2['hl']} highlighted, expected {len(want2)}"
    assert s2["hl"] > s["hl"]
    assert "n=2" in page.url and "focus=" in page.url
    # Faded: every visible box that is not highlighted is drawn faded.
    c = page.evaluate("() => window.levelmapExplorer.counts()")
    assert c["faded"] == c["visible"] - c["hl"] and c["hl"] >= len(want2) and c["focus"] >= 1, c
    page.close()


def test_article_opens_with_quote_highlighted(b, g, opts):
    page = b.open()
    node = busiest(g, "actor")
    click_node(page, node)
    first = page.locator("#panel-edges li.edge").first
    quote = first.locator("blockquote").inner_text()
    first.locator("button.article-link").click()
    assert page.is_visible("#reader")
    mark = page.inner_text("#reader mark#quote")
    norm = lambda s: " ".join(s.replace("’", "'").replace("‘", "'").replace("“", '"')
                              .replace("”", '"').replace("–", "-").replace("—", "-").split())
    assert norm(mark) == norm(quote), f"{mark!r} != {quote!r}"
    page.keyboard.press("Escape")
    assert not page.is_visible("#reader"), "Escape closes the article"
    page.close()


def test_time_slider_shows_the_debate_as_it_stood(b, g, opts):
    page = b.open()
    first, days = g.first_evidenced()
    placed = g.placed()
    page.focus("#time")
    page.keyboard.press("Home")
    s0 = status(page)
    want0 = sum(1 for n in placed if n not in first or first[n] <= days[0])
    assert s0["shown"] == want0, f"at the first date {s0['shown']} shown, expected {want0}"
    page.keyboard.press("ArrowRight")
    s1 = status(page)
    want1 = sum(1 for n in placed if n not in first or first[n] <= days[1])
    assert s1["shown"] == want1 and want1 > want0, (s1, want1)
    assert page.inner_text("#time-out") == page.evaluate("() => document.getElementById('time').getAttribute('aria-valuetext')")
    page.keyboard.press("End")
    assert status(page)["shown"] == len(placed)
    page.close()


def test_play_adds_items_in_time_order(b, g, opts):
    page = b.open()
    page.focus("#time")
    page.keyboard.press("Home")
    page.click("#play")
    seen = []
    for _ in range(200):
        seen.append(status(page)["shown"])
        if page.get_attribute("#play", "aria-pressed") == "false":
            break
        page.wait_for_timeout(100)
    _, days = g.first_evidenced()
    assert page.get_attribute("#play", "aria-pressed") == "false", "play stops at the end"
    assert seen == sorted(seen) and len(set(seen)) >= min(3, len(days)), seen
    assert seen[-1] == len(g.placed())
    page.close()


def test_path_agrees_with_levelmap_path(b, g, opts):
    page = b.open()
    pairs = [(busiest(g, "actor"), busiest(g, "policy")),
             (busiest(g, "article"), busiest(g, "event")),
             ("actor:conservative-party", "actor:labour-party")]
    checked = 0
    for a, z in pairs:
        if a not in g.index or z not in g.index:
            continue
        want = json.loads(subprocess.run(
            [opts.bin, "path", a, z, "--format", "json", "--corpus", opts.corpus, "--out", opts.out],
            capture_output=True, text=True, check=True).stdout)
        page.fill("#path-from", a)
        page.fill("#path-to", z)
        page.click("#path-go")
        got = page.inner_text("#path-text")
        expect = want["paths"][0]["explanation"] if want["connected"] else None
        if expect is None:
            assert got.startswith("No connection"), got
        else:
            assert got == expect, f"{a} -> {z}: page {got!r}, levelmap path {expect!r}"
        checked += 1
    assert checked >= 2
    # The path is drawn: its hops are listed with their quotes.
    assert page.locator("#path-out li blockquote").count() >= 1
    page.close()


def test_url_fragment_reopens_the_same_view(b, g, opts):
    page = b.open()
    node = busiest(g, "policy")
    click_node(page, node)
    page.focus("#depth")
    page.keyboard.press("ArrowRight")
    page.uncheck("#f-kinds input[value=event]")
    page.focus("#time")
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")
    before = (status(page), page.inner_text("#panel-title"), page.inner_text("#time-out"))
    url = page.url
    assert "#" in url and "kinds=" in url and "t=" in url, url
    page.close()
    again = b.open("#" + url.split("#", 1)[1])
    after = (status(again), again.inner_text("#panel-title"), again.inner_text("#time-out"))
    assert before == after, f"{before} != {after}"
    assert not again.is_checked("#f-kinds input[value=event]")
    # Reloading keeps it too.
    again.reload()
    again.wait_for_selector("body[data-ready=true]")
    assert again.inner_text("#panel-title") == before[1]
    again.close()


def test_filters_by_kind_edge_stance_actor_policy_and_date(b, g, opts):
    page = b.open()
    placed = g.placed()
    total = status(page)["shown"]
    claims = sum(1 for n in placed if g.nodes[g.index[n]]["kind"] == "claim")
    page.uncheck("#f-kinds input[value=claim]")
    assert status(page)["shown"] == total - claims
    page.check("#f-kinds input[value=claim]")
    # Edge kinds and stances change what a neighbourhood reaches.
    node = busiest(g, "policy")
    click_node(page, node)
    full = status(page)["hl"]
    page.uncheck("#f-edges input[value=about]")
    assert status(page)["hl"] == len(g.within(node, 1, skip=("mentions", "about")))
    page.check("#f-edges input[value=about]")
    page.uncheck("#f-stances input[value=for]")
    no_for = status(page)["hl"]
    adj = {e["to"] if e["from"] == node else e["from"] for e in g.edges
           if node in (e["from"], e["to"]) and e["kind"] != "mentions"
           and not (e["kind"] == "about" and e.get("stance") == "for")}
    assert no_for == len(adj | {node}) and no_for < full, (no_for, len(adj | {node}), full)
    page.check("#f-stances input[value=for]")
    # An actor: the actor and what lies within two steps of it.
    actor = busiest(g, "actor")
    page.select_option("#f-actor", actor)
    want = len(g.within(actor, 2) & placed)
    assert status(page)["shown"] == want, (status(page), want)
    page.select_option("#f-actor", "")
    pol = busiest(g, "policy")
    page.select_option("#f-policy", pol)
    assert status(page)["shown"] == len(g.within(pol, 2) & placed)
    page.select_option("#f-policy", "")
    # A date range: only what was first evidenced in it.
    first, days = g.first_evidenced()
    y = days[-1][0]
    page.fill("#f-from", str(y))
    page.press("#f-from", "Enter")
    page.locator("#f-from").blur()
    want = sum(1 for n in placed if n not in first or first[n][0] >= y)
    assert status(page)["shown"] == want, (status(page), want)
    page.click("#f-reset")
    assert status(page)["shown"] == total
    page.close()


def test_timeline_view_uses_the_timeline_layout(b, g, opts):
    page = b.open()
    page.click("#view-timeline")
    assert "view=timeline" in page.url
    boxes = g.page_data["timeline"]["boxes"]
    claim = next(g.nodes[x["n"]]["id"] for x in boxes if x["n"] >= 0 and g.nodes[x["n"]]["kind"] == "claim")
    click_node(page, claim)
    assert page.inner_text("#panel-title") == g.label(claim)
    assert page.evaluate("() => window.levelmapExplorer.visibleBoxes()") == len(boxes)
    page.close()


def test_pan_zoom_at_the_positions_of_graph_svg(b, g, opts):
    """The map's boxes are graph.svg's nodes, one for one, shifted by one constant; the
    canvas pans on drag and zooms on the wheel."""
    import re
    svg = open(opts.out + "/graph.svg", encoding="utf-8").read()
    centres = []
    for m in re.finditer(r'<g id="([^"]+)" class="node [^"]*">(.*?)</g>', svg, re.S):
        body = m.group(2)
        xs = ys = None
        if (p := re.search(r'<polygon points="([^"]+)"', body)):
            pts = [tuple(map(float, q.split(","))) for q in p.group(1).split()]
            xs, ys = [x for x, _ in pts], [y for _, y in pts]
        elif (r := re.search(r'<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"', body)):
            x, y, w, h = map(float, r.groups())
            xs, ys = [x, x + w], [y, y + h]
        elif (e := re.search(r'<ellipse cx="([-\d.]+)" cy="([-\d.]+)" rx="([\d.]+)" ry="([\d.]+)"', body)):
            cx, cy, rx, ry = map(float, e.groups())
            xs, ys = [cx - rx, cx + rx], [cy - ry, cy + ry]
        elif (p := re.search(r'<path d="M\s*([-\d.]+)[ ,]([-\d.]+)', body)):
            continue  # a shape drawn as a path: its box is not read here
        if xs:
            centres.append((m.group(1), (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2))
    boxes = g.page_data["map"]["boxes"]
    page = {}
    for bx in boxes:
        nid = g.nodes[bx["n"]]["id"]
        page.setdefault(nid, []).append((bx["r"][0] + bx["r"][2] / 2, bx["r"][1] + bx["r"][3] / 2))
    seen = {}
    shifts = []
    for sid, x, y in centres:
        nid = sid.split("@")[0]
        k = seen.get(nid, 0)
        seen[nid] = k + 1
        if nid in page and k < len(page[nid]):
            px, py = page[nid][k]
            shifts.append((x - px, y - py))
    spread = max(max(v[i] for v in shifts) - min(v[i] for v in shifts) for i in (0, 1))
    assert len(centres) >= 100 and len(shifts) >= 100 and spread <= 0.5, \
        f"{len(centres)} nodes, shifts spread {spread:.2f} px"
    page_ = b.open()
    node = busiest(g, "policy")
    box = page_.evaluate("id => window.levelmapExplorer.reveal(id)", node)
    region = {"x": box["x"] - 60, "y": box["y"] - 40, "width": 120, "height": 80}
    before = page_.screenshot(clip=region)
    page_.mouse.move(box["x"], box["y"])
    page_.mouse.wheel(0, -400)
    page_.wait_for_timeout(300)
    zoomed = page_.screenshot(clip=region)
    assert zoomed != before, "the wheel zooms"
    # Drag the background (the map is sparse: several starting points, one is empty).
    for dx, dy in ((-250, -200), (250, 200), (-250, 200), (250, -200)):
        page_.mouse.move(box["x"] + dx, box["y"] + dy)
        page_.mouse.down()
        page_.mouse.move(box["x"] + dx + 120, box["y"] + dy + 70, steps=8)
        page_.mouse.up()
    page_.wait_for_timeout(200)
    assert page_.screenshot(clip=region) != zoomed, "a drag pans"
    page_.close()


def test_keyboard_only(b, g, opts):
    page = b.open()
    # Tab reaches the controls in order, each with a visible focus ring.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "search", focused
    ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert ring != "none", "focus is visible"
    page.keyboard.type(g.label(busiest(g, "actor"))[:6])
    page.keyboard.press("Enter")
    assert page.locator("#panel-title").count() == 1
    assert status(page)["hl"] >= 1
    page.keyboard.press("Tab")  # into the results: buttons
    page.keyboard.press("Escape")
    assert page.locator("#panel-title").count() == 0, "Escape clears the focus"
    assert status(page)["hl"] == 0
    page.close()


def test_contrast_is_readable(b, g, opts):
    page = b.open()
    worst = page.evaluate("""() => {
      const lum = c => { const m = c.match(/[\\d.]+/g).map(Number).slice(0, 3).map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; };
      const bg = el => { while (el) { const c = getComputedStyle(el).backgroundColor;
        if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return c; el = el.parentElement; }
        return 'rgb(255,255,255)'; };
      let worst = 99, what = '';
      for (const el of document.querySelectorAll('h1, label, button, #status, #panel p, legend, #results button')) {
        if (!el.offsetParent) continue;
        const a = lum(getComputedStyle(el).color), b = lum(bg(el));
        const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (r < worst) { worst = r; what = el.id || el.textContent.slice(0, 30); }
      }
      return [worst, what]; }""")
    assert worst[0] >= 4.5, f"contrast {worst[0]:.2f} at {worst[1]!r}"
    page.close()


def screenshot(b, g, opts):
    page = b.open()
    node = busiest(g, "policy")
    page.fill("#path-from", "")
    click_node(page, node)
    page.focus("#depth")
    page.keyboard.press("ArrowRight")
    page.evaluate("id => window.levelmapExplorer.reveal(id, 0.55)", node)
    page.evaluate("() => document.activeElement.blur()")
    page.screenshot(path=opts.screenshot)
    page.close()


# ---- other suites ---------------------------------------------------------------------------

def test_hostile_names_stay_text(b, g, opts):
    page = b.open()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    counts = page.evaluate("""() => ({scripts: document.scripts.length,
        injected: document.querySelectorAll('body b, body img, body iframe, body object').length})""")
    assert counts == {"scripts": 3, "injected": 0}, counts
    # A name with markup in it (one an <input> keeps whole: no line breaks).
    hostile = next(n for n in g.nodes if ("<" in n["label"] or "&" in n["label"])
                   and not any(c in n["label"] for c in "\n\r\t"))
    page.fill("#search", hostile["label"])
    page.click(f"#results button[data-node='{hostile['id']}']")
    assert page.inner_text("#panel-title") == hostile["label"]
    assert hostile["label"] in page.inner_text("#results")
    if hostile.get("description"):
        got = page.eval_on_selector("#panel dd[data-field=Description]", "e => e.textContent")
        assert got == hostile["description"], (got, hostile["description"])
    assert page.evaluate("() => document.querySelectorAll('#panel b, #results b').length") == 0
    assert not dialogs, dialogs
    page.close()


def test_drafts_are_marked_unreviewed(b, g, opts):
    page = b.open()
    drafts = [n for n in g.nodes if n["origin"] == "extracted"]
    assert drafts, "the graph has drafts"
    banner = page.inner_text("#drafts")
    assert page.is_visible("#drafts") and "NOT reviewed" in banner, banner
    draft = next((n for n in drafts if n["id"] in g.placed()), drafts[0])
    page.fill("#search", draft["label"][:10])
    page.focus("#search")
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel .badge.draft")
    assert "not reviewed" in page.inner_text("#panel .badge.draft")
    page.close()


def first_paint(b, g, opts):
    page = b.ctx.new_page()
    page.on("pageerror", lambda e: b.errors.append(str(e)))
    page.set_default_timeout(600000)
    page.goto(b.url, wait_until="commit")
    page.wait_for_selector("body[data-ready=true]", timeout=600000)
    paint = page.evaluate("""() => { const p = performance.getEntriesByType('paint')
        .find(e => e.name === 'first-contentful-paint'); return p ? p.startTime : -1; }""")
    ready = page.evaluate("() => performance.now()")  # drawn and interactive
    print(f"first-paint-ms {paint:.0f}")
    print(f"ready-ms {ready:.0f}")
    assert paint > 0
    page.close()


SUITES = {
    "bundled": [test_search_as_you_type, test_click_node_highlights_neighbours_within_n,
                test_article_opens_with_quote_highlighted, test_time_slider_shows_the_debate_as_it_stood,
                test_play_adds_items_in_time_order, test_path_agrees_with_levelmap_path,
                test_url_fragment_reopens_the_same_view,
                test_filters_by_kind_edge_stance_actor_policy_and_date,
                test_timeline_view_uses_the_timeline_layout,
                test_pan_zoom_at_the_positions_of_graph_svg, test_keyboard_only,
                test_contrast_is_readable, first_paint],
    "hostile": [test_hostile_names_stay_text],
    "drafts": [test_drafts_are_marked_unreviewed],
    "paint": [first_paint],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", choices=sorted(SUITES), required=True)
    ap.add_argument("--page", required=True)
    ap.add_argument("--graph")
    ap.add_argument("--bin")
    ap.add_argument("--corpus")
    ap.add_argument("--out")
    ap.add_argument("--only")
    ap.add_argument("--screenshot")
    opts = ap.parse_args()
    g = Graph(opts.graph, opts.page) if opts.graph else None
    failed = 0
    with sync_playwright() as pw:
        b = Browser(pw, opts.page)
        try:
            tests = [t for t in SUITES[opts.suite] if not opts.only or opts.only in t.__name__]
            for t in tests:
                before = len(b.requests)
                try:
                    t(b, g, opts)
                    assert len(b.requests) == before, f"network requests: {b.requests[before:]}"
                    assert not b.errors, f"script errors: {b.errors}"
                    print(f"ok {t.__name__}", flush=True)
                except Exception as e:  # one failing test does not hide the others
                    failed += 1
                    print(f"FAIL {t.__name__}: {e}", flush=True)
                    traceback.print_exc(file=sys.stderr)
                    b.errors.clear()
            if opts.screenshot:
                screenshot(b, g, opts)
                print(f"wrote {opts.screenshot}")
        finally:
            b.close()
    if b.requests:
        print(f"FAIL network: the page made requests: {b.requests}")
        failed += 1
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
