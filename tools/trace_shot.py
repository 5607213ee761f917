#!/usr/bin/env python3
"""Takes a screenshot of a gol execution trace (`gol run --trace=FILE`) in a
trace viewer, with headless Chromium driven over the DevTools protocol.

Usage: tools/trace_shot.py TRACE.json OUT.png [--from MS --to MS] [--height PX]
                           [--viewer perfetto | --viewer catapult:DIR]

--viewer perfetto (the default) opens https://ui.perfetto.dev and hands it
the file through its file input: it needs the network.

--viewer catapult:DIR opens Catapult's trace viewer (the viewer behind the
old chrome://tracing, which reads the same Chrome trace-event JSON) from a
local directory, so it works offline. DIR must hold `trace_viewer_full.html`
(a vulcanized build, e.g. the one in the torch-tb-profiler wheel:
`pip download --no-deps torch-tb-profiler` and unzip its static/ folder) and
`webcomponents.min.js` 0.7.24 (`npm pack webcomponents.js@0.7.24`), which
brings back the HTML imports Chromium dropped. --from/--to set the visible
window in milliseconds of the trace's clock (an event's ts / 1000), and flow arrows are turned on;
--height keeps only the top PX pixels of the 1600x1000 page.

Only the standard library: a minimal WebSocket client speaks to Chromium."""
import base64, functools, http.server, json, os, re, shutil, socket, struct, subprocess
import sys, tempfile, threading, time, urllib.request


class DevTools:
    """One DevTools WebSocket connection: JSON commands and their replies."""

    def __init__(self, url):
        assert url.startswith("ws://")
        hostport, path = url[5:].split("/", 1)
        host, port = hostport.split(":")
        self.s = socket.create_connection((host, int(port)))
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
                        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            buf += self.s.recv(4096)
        self.buf = buf.split(b"\r\n\r\n", 1)[1]
        self.id = 0

    def _send(self, obj):
        data = json.dumps(obj).encode()
        hdr = bytearray([0x81])  # one text frame
        n = len(data)
        if n < 126:
            hdr.append(0x80 | n)
        elif n < 65536:
            hdr += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            hdr += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)  # a client must mask its frames
        hdr += mask
        self.s.sendall(bytes(hdr) + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, n):
        while len(self.buf) < n:
            d = self.s.recv(1 << 20)
            if not d:
                raise EOFError("Chromium closed the connection")
            self.buf += d
        r, self.buf = self.buf[:n], self.buf[n:]
        return r

    def _recv(self):
        msg = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            msg += self._read(n)
            if b0 & 0x80:
                return json.loads(msg)

    def call(self, method, **params):
        self.id += 1
        self._send({"id": self.id, "method": method, "params": params})
        while True:
            m = self._recv()
            if m.get("id") == self.id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})

    def eval(self, js):
        r = self.call("Runtime.evaluate", expression=js, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(r["exceptionDetails"].get("exception", {}).get("description"))
        return r.get("result", {}).get("value")


def wait_for(dt, js, secs):
    end = time.time() + secs
    while time.time() < end:
        if dt.eval(js):
            return True
        time.sleep(0.5)
    return False


# Catapult: the model's times are in ms from the trace's earliest event
# (the importer shifts them); zoom the viewport and select every flow
# category so the arrows are drawn.
CATAPULT_ZOOM = """(function(lo, hi) {
  const v = document.querySelector('tr-ui-timeline-view');
  const t = v.trackView, vp = t.viewport;
  for (const e of v.model.flowEvents) for (const c of tr.b.getCategoryParts(e.category)) v.selectedFlowEvents.add(c);
  const dt = new tr.ui.TimelineDisplayTransform(); dt.set(vp.currentDisplayTransform);
  const b = v.model.bounds;
  dt.xSetWorldBounds(lo === null ? b.min : lo, hi === null ? b.max : hi, t.modelTrackContainer_.canvas.width);
  vp.setDisplayTransformImmediately(dt); vp.dispatchChangeEvent();
  return true;
})(%s, %s)"""

CATAPULT_PAGE = """<!DOCTYPE html><head>
<script src="webcomponents.min.js"></script>
<link rel="import" href="trace_viewer_full.html">
<style>html,body{margin:0;width:100%;height:100%;overflow:hidden}
#v{width:100%;height:100%}</style>
<script>
window.__hideTraceViewerPolyfillWarning = true;
document.addEventListener('WebComponentsReady', function () {
  const c = document.createElement('track-view-container'); c.id = 'track_view_container';
  const v = document.createElement('tr-ui-timeline-view'); v.id = 'v';
  v.track_view_container = c; Polymer.dom(v).appendChild(c); v.globalMode = true;
  Polymer.dom(document.body).appendChild(v);
  fetch('trace.json').then(r => r.text()).then(text => {
    const m = new tr.Model();
    new tr.importer.Import(m).importTracesWithProgressDialog([text]).then(() => {
      v.model = m; v.viewTitle = document.title; window.loaded = true;
    });
  });
});
</script></head><body></body>"""


def earliest_ms(path):
    """The smallest `ts` of the trace's events, in ms (read as text: a
    trace can be hundreds of MB)."""
    pat = re.compile(rb'"ts":\s*(-?[0-9.]+)')
    lo, tail = None, b""
    with open(path, "rb") as f:
        while True:
            chunk = f.read(1 << 22)
            if not chunk:
                break
            buf = tail + chunk
            # A number cut at the chunk's end is read with the next one.
            cut = max(buf.rfind(b","), buf.rfind(b"}"))
            body, tail = (buf[: cut + 1], buf[cut + 1 :]) if cut >= 0 else (b"", buf)
            for m in pat.finditer(body):
                v = float(m.group(1))
                lo = v if lo is None else min(lo, v)
    return (lo or 0.0) / 1000.0


def serve(directory):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=directory)
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def main(argv):
    args, opts = [], {"--viewer": "perfetto", "--from": None, "--to": None, "--height": None}
    it = iter(argv)
    for a in it:
        if a in opts:
            opts[a] = next(it, None)
        else:
            args.append(a)
    if len(args) != 2 or opts["--viewer"] is None:
        print(__doc__, file=sys.stderr)
        return 2
    trace, out = os.path.abspath(args[0]), os.path.abspath(args[1])
    # The window in the viewer's time: ms after the earliest event.
    base = earliest_ms(trace) if opts["--from"] or opts["--to"] else 0.0
    lo = "null" if opts["--from"] is None else str(float(opts["--from"]) - base)
    hi = "null" if opts["--to"] is None else str(float(opts["--to"]) - base)
    viewer = opts["--viewer"]
    tmp = tempfile.mkdtemp(prefix="trace_shot")
    srv = None
    if viewer.startswith("catapult:"):
        src = viewer.split(":", 1)[1]
        for f in ("trace_viewer_full.html", "webcomponents.min.js"):
            shutil.copy(os.path.join(src, f), tmp)
        shutil.copy(trace, os.path.join(tmp, "trace.json"))
        with open(os.path.join(tmp, "index.html"), "w") as f:
            f.write(CATAPULT_PAGE.replace("document.title", json.dumps(os.path.basename(trace))))
        srv = serve(tmp)
        url = f"http://127.0.0.1:{srv.server_address[1]}/index.html"
    elif viewer == "perfetto":
        url = "https://ui.perfetto.dev"
    else:
        print(f"unknown viewer {viewer!r}", file=sys.stderr)
        return 2
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}/profile",
         f"--remote-debugging-port={port}", "--window-size=1600,1000", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        tabs = None
        for _ in range(100):
            try:
                tabs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                break
            except OSError:
                time.sleep(0.2)
        if tabs is None:
            print("chromium did not start", file=sys.stderr)
            return 1
        page = [t for t in tabs if t["type"] == "page"][0]
        dt = DevTools(page["webSocketDebuggerUrl"])
        dt.call("Page.enable")
        dt.call("DOM.enable")
        dt.call("Emulation.setDeviceMetricsOverride", width=1600, height=1000, deviceScaleFactor=1, mobile=False)
        dt.call("Page.navigate", url=url)
        if viewer == "perfetto":
            if not wait_for(dt, "!!document.querySelector('input[type=file]')", 60):
                print("ui.perfetto.dev did not load (is the network reachable?)", file=sys.stderr)
                return 1
            doc = dt.call("DOM.getDocument", depth=-1)
            q = dt.call("DOM.querySelector", nodeId=doc["root"]["nodeId"], selector="input[type=file]")
            dt.call("DOM.setFileInputFiles", files=[trace], nodeId=q["nodeId"])
            time.sleep(15)
        else:
            if not wait_for(dt, "window.loaded === true", 120):
                print("the trace viewer did not load the trace", file=sys.stderr)
                return 1
            # The viewer fits the whole trace once it has drawn it: zoom after.
            time.sleep(3)
            dt.eval(CATAPULT_ZOOM % (lo, hi))
            time.sleep(2)
        clip = {}
        if opts["--height"]:
            clip = {"clip": {"x": 0, "y": 0, "width": 1600, "height": int(opts["--height"]), "scale": 1}}
        shot = dt.call("Page.captureScreenshot", format="png", **clip)
        with open(out, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print("wrote", out)
        return 0
    finally:
        proc.kill()
        if srv:
            srv.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
