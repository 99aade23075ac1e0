#!/usr/bin/env python3
"""levelmap's `export --format timelinejs` loaded in TimelineJS 3 itself, in headless
Chromium.

Writes a small HTML page into a temporary folder beside a copy of the vendored
TimelineJS (tests/fixtures/timelinejs/vendor), with the exported JSON inline as a JS
object (`new TL.Timeline('timeline-embed', data, {...})`), opens it with Playwright
driving the system Chromium (never a downloaded browser), and checks what TimelineJS
built against the JSON. Any request outside the temporary folder is refused and fails
the run. Prints `ok <check>` or `FAIL <check>: why` per check; exits non-zero when one
fails.

    python3 tests/browser/timelinejs.py EXPORT.json [--hostile TEXT ...] [--group NAME ...]

`--hostile TEXT`: a name with markup in the export; it must show as text somewhere
(a headline, a body or a group), and no element it spells may appear.
`--group NAME`: a group whose row must show exactly NAME.
"""

import argparse
import html
import json
import os
import shutil
import sys
import tempfile
import traceback

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VENDOR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "..", "fixtures", "timelinejs", "vendor")

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>levelmap timeline</title>
<link rel="stylesheet" href="vendor/css/timeline.css">
<script src="vendor/js/timeline.js"></script>
</head><body style="margin:0">
<div id="timeline-embed" style="width:1200px;height:700px"></div>
<script>
const data = %s;
window.timeline = new TL.Timeline('timeline-embed', data,
  {font: null, theme: null, script_path: './vendor/js/', hash_bookmark: false});
window.timeline.on('loaded', () => { document.body.dataset.ready = 'true'; });
</script></body></html>
"""


def text_of(h):
    """What a reader sees of an HTML fragment: the text, entities resolved."""
    import html.parser

    class P(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.out = []

        def handle_data(self, d):
            self.out.append(d)
    p = P()
    p.feed(h)
    p.close()
    return "".join(p.out)


def run(export, hostile, group_names):
    data = json.load(open(export, encoding="utf-8"))
    events = data["events"]
    tmp = tempfile.mkdtemp(prefix="levelmap-tljs-")
    failures = []
    try:
        shutil.copytree(VENDOR, os.path.join(tmp, "vendor"))
        page_path = os.path.join(tmp, "index.html")
        # `</` inside the inline JSON would end the script element early.
        inline = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        open(page_path, "w", encoding="utf-8").write(PAGE % inline)
        with sync_playwright() as pw:
            profile = os.path.join(tmp, "profile")
            ctx = pw.chromium.launch_persistent_context(
                profile, executable_path="/usr/bin/chromium", args=ARGS, headless=True,
                viewport={"width": 1280, "height": 800})
            outside = []
            errors = []

            def route(r):
                url = r.request.url
                if url.startswith("file://" + tmp + "/") and "/profile/" not in url:
                    r.continue_()
                else:
                    outside.append(url)
                    r.abort()
            ctx.route("**/*", route)
            page = ctx.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("requestfailed", lambda r: errors.append(f"cannot load {r.url}"))
            page.goto("file://" + page_path)
            page.wait_for_selector("body[data-ready=true]", timeout=30000)

            def check(name, f):
                try:
                    f()
                    print(f"ok {name}")
                except Exception as e:  # noqa: BLE001 - every failure is reported
                    failures.append(name)
                    print(f"FAIL {name}: {e}")
                    traceback.print_exc(file=sys.stderr)

            def current():
                return page.evaluate("""() => {
                    const id = window.timeline.current_id;
                    const el = document.getElementById(id);
                    const h = el && el.querySelector('.tl-headline');
                    const d = el && el.querySelector('.tl-headline-date');
                    return {id, headline: h ? h.textContent : null,
                            date: d ? d.textContent : null}; }""")

            def slides_built():
                n = page.evaluate("() => window.timeline.config.events.length")
                assert n == len(events), f"TimelineJS kept {n} of {len(events)} events"
                dom = page.evaluate(
                    "() => document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide)').length")
                assert dom == len(events), f"{dom} slides drawn for {len(events)} events"
                markers = page.evaluate("() => document.querySelectorAll('.tl-timemarker').length")
                assert markers == len(events), f"{markers} markers for {len(events)} events"
                errs = page.evaluate("() => window.timeline.config.getErrors()")
                assert not errs, f"TimelineJS reported {errs}"
            check("slides-built", slides_built)

            def groups():
                want = {e["group"] for e in events if e.get("group")}
                got = page.evaluate("""() => [...document.querySelectorAll(
                    '.tl-timegroup-message')].map(e => e.textContent)""")
                assert len(got) == len(want), f"{len(got)} rows for {len(want)} groups: {got}"
                # The names a reader must see exactly (TimelineJS takes the text of a
                # group, then writes it as HTML: only escaping twice survives that).
                for g in group_names:
                    assert g in got, f"group {g!r} not shown as such; rows: {got}"
            check("one-row-per-group", groups)

            def first_slide():
                title = page.evaluate("() => window.timeline.current_id")
                assert title == data["title"]["unique_id"], f"opened at {title}"
                page.click(".tl-slidenav-next")
                page.wait_for_function(
                    "id => window.timeline.current_id !== id", arg=title, timeout=10000)
                c = current()
                # TimelineJS sorts by date; levelmap already did, ties by group and id.
                assert c["id"] == events[0]["unique_id"], f"first slide {c['id']}"
                assert c["headline"] == text_of(events[0]["text"]["headline"]), c
            check("first-slide-headline", first_slide)

            def next_changes():
                before = current()
                page.click(".tl-slidenav-next")
                page.wait_for_function(
                    "id => window.timeline.current_id !== id", arg=before["id"], timeout=10000)
                after = current()
                assert after["id"] == events[1]["unique_id"], after
                assert after["headline"] == text_of(events[1]["text"]["headline"]), after
                assert after["headline"] != before["headline"] or len(
                    {text_of(e["text"]["headline"]) for e in events[:2]}) == 1, after
            check("next-changes-headline", next_changes)

            def year_only():
                years = [e for e in events if set(e["start_date"]) == {"year"}]
                months = [e for e in events if set(e["start_date"]) == {"year", "month"}]
                assert years or months, "the export has no year-only or month-only date"
                for e in years[:3] + months[:3]:
                    d = page.evaluate(
                        """id => document.getElementById(id)
                            .querySelector('.tl-headline-date').textContent""",
                        e["unique_id"])
                    y = str(e["start_date"]["year"])
                    if "month" in e["start_date"]:
                        assert y in d and d != y and not any(ch.isdigit() for ch in
                                                             d.replace(y, "")), \
                            f"{e['unique_id']}: month date shown as {d!r}"
                    else:
                        assert d == y, f"{e['unique_id']}: year-only date shown as {d!r}"
            check("dates-at-their-precision", year_only)

            def hostile_text():
                shown = page.evaluate("""() => [...document.querySelectorAll(
                    '.tl-headline, .tl-timegroup-message, .tl-text-content')]
                    .map(e => e.textContent).join('\\n')""")
                for h in hostile:
                    assert h in shown, f"{h!r} is not shown as text"
                injected = page.evaluate("""() => document.querySelectorAll(
                    '#timeline-embed script, #timeline-embed b, #timeline-embed i,'
                    + ' #timeline-embed u, #timeline-embed [id^=injected]').length""")
                assert injected == 0, f"{injected} injected elements"
            if hostile:
                check("hostile-names-as-text", hostile_text)

            def offline():
                assert not outside, f"requests outside the page: {outside}"
                assert not errors, f"page errors: {errors}"
            check("no-network-no-errors", offline)
            ctx.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("--hostile", action="append", default=[])
    ap.add_argument("--group", action="append", default=[])
    a = ap.parse_args()
    sys.exit(run(a.export, a.hostile, a.group))


if __name__ == "__main__":
    main()
