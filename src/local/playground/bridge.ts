/**
 * The `google.script.run` of the playground: injected into the real dist/Sidebar.html before its own
 * script, it offers one method per top-level function of the bundle (as Apps Script does) and POSTs each
 * call to `/api/run`, where `LocalAcademy.call` runs it as the chosen user with arguments and result
 * passed through JSON; as on Google, at most 10 calls run at once and the rest wait their turn. The
 * parent page is told after every call so the workbook view can refresh.
 */

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function bridgeScript(functionNames: readonly string[], as: string): string {
  return `(function () {
  var names = ${scriptJson(functionNames)};
  var as = ${scriptJson(as)};
  // Google refuses a call whose arguments hold anything but primitives, plain objects and arrays (a
  // Date, a function, a DOM node): the request fails instead of reaching the server.
  function illegalPath(v, path) {
    if (v === null || v === undefined) return null;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t !== 'object') return path;
    if (Array.isArray(v)) {
      for (var i = 0; i < v.length; i++) { var a = illegalPath(v[i], path + '.' + i); if (a) return a; }
      return null;
    }
    var proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return path;
    for (var k in v) { if (Object.prototype.hasOwnProperty.call(v, k)) { var b = illegalPath(v[k], path + '.' + k); if (b) return b; } }
    return null;
  }
  // Google runs at most 10 calls of a page at once; an 11th waits for one of them to end.
  var MAX_IN_FLIGHT = 10;
  var inFlight = 0;
  var waiting = [];
  function enqueue(start) {
    if (inFlight >= MAX_IN_FLIGHT) { waiting.push(start); return; }
    inFlight += 1;
    var ended = false;
    start(function () {
      if (ended) return;
      ended = true;
      inFlight -= 1;
      var next = waiting.shift();
      if (next) enqueue(next);
    });
  }
  window.__a4paInFlight = function () { return { running: inFlight, waiting: waiting.length }; };
  function runner(onSuccess, onFailure) {
    var r = {
      withSuccessHandler: function (h) { return runner(h, onFailure); },
      withFailureHandler: function (h) { return runner(onSuccess, h); },
      withUserObject: function () { return r; }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        for (var n = 0; n < args.length; n++) {
          var bad = illegalPath(args[n], String(n));
          if (bad) {
            var error = new Error('Failed due to illegal value in property: ' + bad.split('.').pop());
            setTimeout(function () { if (onFailure) onFailure(error); }, 0);
            return;
          }
        }
        var body = JSON.stringify({ fn: name, args: args, as: as });
        enqueue(function (done) {
          fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
            .then(function (res) { return res.json(); })
            .then(function (out) {
              done();
              try { window.parent.postMessage({ type: 'a4pa-ran', fn: name }, window.location.origin); } catch (e) { /* not framed */ }
              if (out.ok) { if (onSuccess) onSuccess(out.value); }
              else if (onFailure) onFailure(new Error(out.error || 'Errore sconosciuto'));
            })
            .catch(function (e) { done(); if (onFailure) onFailure(new Error('Il playground non risponde: ' + e.message)); });
        });
      };
    });
    return r;
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } } } };
})();`;
}

/** The sidebar page with the bridge placed before any of its own scripts. */
export function sidebarWithBridge(sidebarHtml: string, functionNames: readonly string[], as: string): string {
  const tag = `<script>\n${bridgeScript(functionNames, as)}\n</script>`;
  const head = /<head[^>]*>/i.exec(sidebarHtml);
  if (!head) return `${tag}\n${sidebarHtml}`;
  const at = head.index + head[0].length;
  return `${sidebarHtml.slice(0, at)}\n${tag}${sidebarHtml.slice(at)}`;
}
