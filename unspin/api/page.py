"""The web page at ``GET /``: paste a text or a URL, see the HTML report, copy the JSON.

One self-contained page (no external script, style or font). It posts to ``v1/report`` and
shows the report that ``unspin.render.html.render_html`` makes, in a sandboxed frame (its
scripts run, but it cannot reach this page or the API).
"""

from __future__ import annotations

__all__ = ["render_page"]

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>unspin: how does this article try to persuade you?</title>
<style>
  :root { --fg: #1d2330; --muted: #5b6475; --line: #d5dae3; --accent: #2456c7; --bad: #b3261e; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
         background: #f6f7f9; }
  header, main { max-width: 1100px; margin: 0 auto; padding: 0 1rem; }
  header h1 { font-size: 1.4rem; margin: 1.2rem 0 0.2rem; }
  header p { margin: 0 0 1rem; color: var(--muted); }
  form { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
  .tabs { display: flex; gap: 0.5rem; margin-bottom: 0.6rem; }
  .tabs button { border: 1px solid var(--line); background: #fff; border-radius: 6px;
                 padding: 0.3rem 0.9rem; cursor: pointer; font: inherit; }
  .tabs button[aria-selected="true"] { background: var(--accent); border-color: var(--accent);
                                       color: #fff; }
  label { display: block; font-weight: 600; margin: 0.4rem 0 0.2rem; }
  textarea, input[type=url], input[type=password] { width: 100%; font: inherit; padding: 0.5rem;
                 border: 1px solid var(--line); border-radius: 6px; }
  textarea { min-height: 12rem; resize: vertical; }
  .row { display: flex; gap: 0.6rem; align-items: center; margin-top: 0.8rem; flex-wrap: wrap; }
  button.primary { background: var(--accent); color: #fff; border: 0; border-radius: 6px;
                   padding: 0.5rem 1.3rem; font: inherit; font-weight: 600; cursor: pointer; }
  button.primary[disabled] { opacity: 0.6; cursor: progress; }
  button.secondary { background: #fff; border: 1px solid var(--line); border-radius: 6px;
                     padding: 0.4rem 0.9rem; font: inherit; cursor: pointer; }
  #status { min-height: 1.5rem; color: var(--muted); }
  #status.error { color: var(--bad); font-weight: 600; }
  #result { margin-top: 1rem; }
  #result[hidden] { display: none; }
  #report { width: 100%; height: 75vh; border: 1px solid var(--line); border-radius: 8px;
            background: #fff; resize: vertical; }
  details { margin-top: 0.8rem; background: #fff; border: 1px solid var(--line); border-radius: 8px;
            padding: 0.5rem 1rem; }
  pre#json { max-height: 30rem; overflow: auto; font-size: 0.85rem; white-space: pre-wrap;
             word-break: break-word; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<header>
  <h1>unspin</h1>
  <p>Paste an article or give its URL to see how it tries to persuade you: propaganda techniques,
     claims, quotes and the actors it casts.</p>
</header>
<main>
  <form id="form" autocomplete="off">
    <div class="tabs" role="tablist">
      <button type="button" role="tab" id="tab-text" aria-selected="true"
              aria-controls="pane-text">Text</button>
      <button type="button" role="tab" id="tab-url" aria-selected="false"
              aria-controls="pane-url">URL</button>
    </div>
    <div id="pane-text" role="tabpanel">
      <label for="text">Article text</label>
      <textarea id="text" name="text" placeholder="Paste the article here"></textarea>
    </div>
    <div id="pane-url" role="tabpanel" hidden>
      <label for="url">Article URL</label>
      <input type="url" id="url" name="url" placeholder="https://">
    </div>
    <div id="key-row" __KEY_HIDDEN__>
      <label for="api-key">API key</label>
      <input type="password" id="api-key" name="api-key" placeholder="this service needs a key">
    </div>
    <div class="row">
      <button type="submit" class="primary" id="analyze">Analyse</button>
      <span id="status" role="status" aria-live="polite"></span>
    </div>
  </form>
  <section id="result" hidden>
    <p id="counts"></p>
    <iframe id="report" title="unspin report" sandbox="allow-scripts allow-popups"></iframe>
    <details id="json-box">
      <summary>JSON</summary>
      <div class="row">
        <button type="button" class="secondary" id="copy-json">Copy JSON</button>
        <a id="download-json" class="secondary" download="unspin.json" href="#">Download JSON</a>
        <span id="copy-status" role="status" aria-live="polite"></span>
      </div>
      <pre id="json"></pre>
    </details>
  </section>
</main>
<script>
(function () {
  "use strict";
  var mode = "text";
  var $ = function (id) { return document.getElementById(id); };
  var jsonText = "";
  var downloadUrl = null;

  function select(which) {
    mode = which;
    ["text", "url"].forEach(function (name) {
      $("tab-" + name).setAttribute("aria-selected", String(name === which));
      $("pane-" + name).hidden = name !== which;
    });
  }
  $("tab-text").addEventListener("click", function () { select("text"); });
  $("tab-url").addEventListener("click", function () { select("url"); });

  function status(message, isError) {
    $("status").textContent = message;
    $("status").className = isError ? "error" : "";
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  $("form").addEventListener("submit", async function (event) {
    event.preventDefault();
    var body = {};
    if (mode === "url") {
      var url = $("url").value.trim();
      if (!url) { status("Give the article's URL.", true); return; }
      body.url = url;
    } else {
      var text = $("text").value;
      if (!text.trim()) { status("Paste the article's text first.", true); return; }
      body.text = text;
    }
    var headers = {"Content-Type": "application/json", "Accept": "application/json"};
    var key = $("api-key").value.trim();
    if (key) { headers["Authorization"] = "Bearer " + key; }
    $("analyze").disabled = true;
    status("Analysing\\u2026", false);
    try {
      var response = await fetch("v1/report", {method: "POST", headers: headers,
                                               body: JSON.stringify(body)});
      var data = null;
      try { data = await response.json(); } catch (e) { data = null; }
      if (!response.ok) {
        var message = data && data.error ? data.error.message : "HTTP " + response.status;
        status("Could not analyse this: " + message, true);
        return;
      }
      show(data);
      status("Done.", false);
    } catch (e) {
      status("The service could not be reached (" + e.message + ").", true);
    } finally {
      $("analyze").disabled = false;
    }
  });

  function show(data) {
    var result = data.result;
    jsonText = JSON.stringify(result, null, 2);
    $("json").textContent = jsonText;
    if (downloadUrl) { URL.revokeObjectURL(downloadUrl); }
    downloadUrl = URL.createObjectURL(new Blob([jsonText], {type: "application/json"}));
    $("download-json").href = downloadUrl;
    $("download-json").download = (result.article.id || "unspin") + ".json";
    $("counts").textContent = [plural(result.techniques.length, "technique fragment"),
      plural(result.claims.length, "claim"), plural(result.quotes.length, "quote"),
      plural(result.actors.length, "actor")].join(" \\u00b7 ");
    $("report").srcdoc = data.html;
    $("copy-status").textContent = "";
    $("result").hidden = false;
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  $("copy-json").addEventListener("click", async function () {
    var ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(jsonText);
        ok = true;
      }
    } catch (e) { ok = false; }
    if (!ok) { ok = fallbackCopy(jsonText); }
    $("copy-status").textContent = ok ? "Copied." : "Select the JSON below and copy it.";
  });
})();
</script>
</body>
</html>
"""


def render_page(*, needs_key: bool = False) -> str:
    """The page's HTML; with ``needs_key`` it shows a field for the API key."""
    return _PAGE.replace("__KEY_HIDDEN__", "" if needs_key else "hidden")

