#!/usr/bin/env python3
"""A real browser against a running `newskg serve` (issue 12): headless
Chromium, driven over the DevTools protocol, loads the search page, types a
name, opens the entity page, checks that the evidence sentence and the SVG
are there, and saves a screenshot.

Usage: browser.py http://127.0.0.1:PORT NAME SCREENSHOT.png
Prints one line per check and `N passed, N failed`; exits 1 on a failure.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client

base, name, shot = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    print("chromium not found (apt-get install chromium)")
    sys.exit(1)
profile = tempfile.mkdtemp(prefix="newskg-chromium-")
proc = subprocess.Popen(
    [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
     "--no-first-run", "--disable-background-networking", "--disable-component-update",
     "--disable-sync", "--hide-scrollbars", "--window-size=1200,1400",
     f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
passed = failed = 0


def check(label, ok, detail=""):
    global passed, failed
    print(("ok    " if ok else "FAIL  ") + label + ("" if ok else f": {detail}"))
    if ok:
        passed += 1
    else:
        failed += 1


try:
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while not os.path.exists(port_file) and time.time() < deadline:
        time.sleep(0.1)
    port = open(port_file).read().split()[0]
    pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
    ws = websocket.create_connection(
        next(p for p in pages if p["type"] == "page")["webSocketDebuggerUrl"], timeout=30)
    counter = [0]

    def cdp(method, **params):
        counter[0] += 1
        ws.send(json.dumps({"id": counter[0], "method": method, "params": params}))
        while True:
            msg = json.loads(ws.recv())
            if msg.get("id") == counter[0]:
                return msg.get("result", {})

    def js(expr):
        return cdp("Runtime.evaluate", expression=expr, returnByValue=True,
                   awaitPromise=True).get("result", {}).get("value")

    def wait_for(expr, seconds=15):
        end = time.time() + seconds
        while time.time() < end:
            if js(expr):
                return True
            time.sleep(0.1)
        return False

    cdp("Page.enable")
    cdp("Page.navigate", url=base + "/")
    check("search page loads", wait_for("!!document.querySelector('#q')"))
    # Type the name as a person would: focus the box, send the keys.
    js("document.querySelector('#q').focus()")
    cdp("Input.insertText", text=name)
    cdp("Input.dispatchKeyEvent", type="keyDown", key="Enter", code="Enter",
        windowsVirtualKeyCode=13, text="\r")
    check("results list the entity",
          wait_for("document.location.search.includes('q=') && "
                   "!!document.querySelector('ol.results a[href^=\"/entity/\"]')"),
          js("document.body.innerText.slice(0, 300)"))
    js("document.querySelector('ol.results a[href^=\"/entity/\"]').click()")
    check("entity page opens", wait_for("document.location.pathname.startsWith('/entity/')"))
    check("evidence sentence shown",
          wait_for("(document.querySelector('blockquote.evidence') || {}).innerText?.length > 20"))
    check("ego graph SVG shown", wait_for("!!document.querySelector('#ego svg')"))
    check("the name is the heading",
          name.lower() in (js("document.querySelector('#name').innerText") or "").lower())
    # Screenshot of the top of the page (small enough for the README).
    data = cdp("Page.captureScreenshot", format="png",
               clip={"x": 0, "y": 0, "width": 1200, "height": 1100, "scale": 0.75})["data"]
    with open(shot, "wb") as f:
        f.write(base64.b64decode(data))
    check("screenshot saved", os.path.getsize(shot) > 10000, os.path.getsize(shot))
    ws.close()
finally:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(profile, ignore_errors=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
