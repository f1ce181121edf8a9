/* unspin report: draws one analysed article (the unspin JSON contract plus its text) into a page.
   The article text is untrusted: this script only creates elements and sets textContent, it never
   parses markup from the data and never makes a request.
   Use: UnspinReport.render(container, result, text); or give a page elements with the attribute
   data-unspin-report, each holding a JSON script element of class unspin-data with
   {"text": ..., "result": ...}, and include this script: it draws them all on load. */
(function (global) {
  "use strict";

  // PTC id -> [short code, colour, underline style]. The code and the underline style are the
  // cues that do not depend on colour.
  var TECHNIQUES = {
    "Loaded_Language": ["LL", "#be0032", "solid"],
    "Name_Calling,Labeling": ["NC", "#7a4f9a", "dashed"],
    "Repetition": ["RE", "#0067a5", "dotted"],
    "Doubt": ["DO", "#c45f00", "double"],
    "Exaggeration,Minimisation": ["EX", "#7b3014", "solid"],
    "Appeal_to_fear-prejudice": ["FE", "#d4478d", "dashed"],
    "Flag-Waving": ["FW", "#007a4d", "dotted"],
    "Causal_Oversimplification": ["CO", "#1f8fad", "double"],
    "Slogans": ["SL", "#977e00", "solid"],
    "Appeal_to_Authority": ["AA", "#3b3f9e", "dashed"],
    "Black-and-White_Fallacy": ["BW", "#5f6670", "dotted"],
    "Thought-terminating_Cliches": ["TC", "#5d8a00", "double"],
    "Whataboutism,Straw_Men,Red_Herring": ["WH", "#9c2f5c", "solid"],
    "Bandwagon,Reductio_ad_hitlerum": ["BA", "#9a6a34", "dashed"]
  };
  var UNKNOWN = ["??", "#6b6b6b", "solid"];
  var MAX_TRACK = 4;
  var KEEP = 5;  // items shown in a long list before "Show all"
  var SVG_NS = "http://www.w3.org/2000/svg";
  var counter = 0;

  function styleOf(id) {
    return Object.prototype.hasOwnProperty.call(TECHNIQUES, id) ? TECHNIQUES[id] : UNKNOWN;
  }

  function paint(node, id) {
    var s = styleOf(id);
    node.style.setProperty("--c", s[1]);
    node.style.setProperty("--c-bg", s[1] + "30");
    node.style.setProperty("--c-style", s[2]);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function list(value) { return Array.isArray(value) ? value : []; }
  function str(value) { return value === undefined || value === null ? "" : String(value); }
  function num(value) { return typeof value === "number" && isFinite(value) ? value : 0; }
  function pct(value) { return (Math.round(num(value) * 1000) / 10) + "%"; }
  function score(value) { return num(value).toFixed(2); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  // A date whose year the text leaves out, in words ("--10": "October"), one counted back in
  // words ("-P4Y": "4 years ago"); ISO dates as they are (the terminal view's _date does the same).
  var AGO_UNITS = { Y: "year", M: "month", W: "week", D: "day", H: "hour", S: "second" };

  function dateText(v) {
    // a date counted back from the article's own: "-P4Y" is "4 years ago", "-PT20M" "20 minutes ago"
    var ago = /^-P(?:(\d+(?:\.\d+)?)([YMWD])|T(\d+(?:\.\d+)?)([HMS]))$/.exec(v);
    if (ago) {
      var amount = ago[1] || ago[3], word = ago[3] && ago[4] === "M" ? "minute" : AGO_UNITS[ago[2] || ago[4]];
      return amount + " " + word + (amount === "1" ? "" : "s") + " ago";
    }
    var m = /^--(?:(\d\d)(?:-(\d\d))?|(Q[1-4]|H[12]))$/.exec(v);
    if (!m) return v;
    if (m[3]) return m[3];
    var month = parseInt(m[1], 10);
    if (month < 1 || month > 12) return v;
    return (m[2] ? parseInt(m[2], 10) + " " : "") + MONTHS[month - 1];
  }

  // A number as the claims stage read it: "count 180", "EUR 2,000,000", "2025-06-18", "under 5%",
  // "early 2023" (the terminal view's _normalised does the same).
  function normalised(q) {
    var v = q.value, core;
    if (v === null || v === undefined) return str(q.text);
    if (typeof v === "number" && isFinite(v)) {
      core = v.toLocaleString("en-US", { maximumFractionDigits: 4 });
      if (q.kind === "percent") core += "%";
      else if (q.kind === "money") {  // "USD 80", and a rate's per-unit after it: "USD 80 per barrel", "GBP 3 each"
        var unit = q.unit ? str(q.unit) : "", at = unit.indexOf(" per ");
        if (at < 0) at = unit.indexOf(" each");
        core = at < 0 ? (unit ? unit + " " + core : core)
          : unit.slice(0, at) + " " + core + unit.slice(at);
      }
      else if (q.unit) core += " " + str(q.unit);
    } else if (q.kind === "date") {
      core = dateText(str(v));
    } else {
      core = str(v) + (q.unit ? " " + str(q.unit) : "");
    }
    if (q.part) core = str(q.part) + " " + core;  // "early 2023", a part of a date
    if (q.qualifier) core = str(q.qualifier) + " " + core;
    return q.kind === "count" ? "count " + core : core;
  }

  // Python counts code points, JavaScript UTF-16 units: map offsets when the text has astral
  // characters (emoji, rare scripts), so that highlights land on the right characters.
  function offsetMapper(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return function (i) { return i; };
    var map = [], unit = 0;
    while (unit < text.length) {
      map.push(unit);
      var c = text.charCodeAt(unit);
      unit += (c >= 0xD800 && c <= 0xDBFF && unit + 1 < text.length) ? 2 : 1;
    }
    map.push(unit);
    return function (i) { return i < map.length ? map[i] : text.length; };
  }

  function validSpan(s, length) {
    return s && typeof s.start === "number" && typeof s.end === "number" &&
      s.start >= 0 && s.start < s.end && s.end <= length;
  }

  // Overlapping technique spans get different tracks, so that each keeps its own underline.
  function assignTracks(spans) {
    var order = spans.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var ends = [];
    order.forEach(function (s) {
      var t = 0;
      while (t < ends.length && ends[t] > s.start) t++;
      ends[t] = s.end;
      s.track = Math.min(t, MAX_TRACK);
    });
  }

  function Report(root, result, text) {
    this.root = root;
    this.result = result || {};
    this.text = str(text);
    this.id = "u" + (++counter);
    this.pieces = { t: {}, c: {}, q: {}, a: {} };
    this.enabled = {};
    this.minScore = 0;
  }

  Report.prototype.render = function () {
    var r = this.result, root = this.root;
    while (root.firstChild) root.removeChild(root.firstChild);
    // Claims often cover much of a news text: marked in it only on request (or when clicked).
    root.classList.add("unspin-report", "u-show-quotes", "u-show-actors");
    this.techniques = list(r.techniques);
    this.claims = list(r.claims);
    this.quotes = list(r.quotes);
    this.actors = list(r.actors);
    root.appendChild(this.header());
    var main = el("div", "u-main");
    var article = el("article", "u-article");
    article.appendChild(this.body());
    var aside = el("aside", "u-aside");
    aside.setAttribute("aria-label", "Findings");
    aside.appendChild(this.techniquePanel());
    aside.appendChild(this.claimPanel());
    aside.appendChild(this.quotePanel());
    aside.appendChild(this.actorPanel());
    var warnings = list(r.warnings);
    if (warnings.length) aside.appendChild(this.warningPanel(warnings));
    main.appendChild(article);
    main.appendChild(aside);
    root.appendChild(main);
    var foot = el("p", "u-foot", "Made by unspin (schema " + str(r.schema_version) + "; pipeline: " +
      list(r.pipeline).map(str).join(", ") + "). Detection is automatic and can be wrong: " +
      "a highlight marks a technique, not a falsehood.");
    root.appendChild(foot);
    this.tip = el("div", "u-tip");
    this.tip.id = this.id + "-tip";
    this.tip.setAttribute("role", "tooltip");
    this.tip.hidden = true;
    root.appendChild(this.tip);
    this.bindTooltip();
    this.apply();
    return this;
  };

  Report.prototype.header = function () {
    var r = this.result, a = r.article || {}, s = r.summary || {};
    var head = el("header", "u-head");
    head.appendChild(el("h1", null, str(a.title) || str(a.id) || "Article"));
    var origin = a.source && a.source.origin;
    head.appendChild(el("p", "u-meta", "id " + str(a.id) + (origin ? " · " + str(origin) : "") +
      " · " + num(a.length) + " characters"));
    var stats = el("ul", "u-stats");
    var self = this, items = [];
    if (this.ran("techniques")) {
      var nt = this.techniques.length;
      items.push([nt, nt === 1 ? "technique fragment" : "technique fragments"],
        [pct(typeof s.technique_share === "number" ? s.technique_share : this.coverage()), "of the text"]);
    } else {
      items.push(["techniques:", "not run"]);
    }
    ["claims", "quotes", "actors"].forEach(function (stage) {
      var n = self[stage].length;
      items.push(self.ran(stage) ? [n, n === 1 ? stage.slice(0, -1) : stage] : [stage + ":", "not run"]);
    });
    var sourced = this.claims.filter(function (c) { return c && c.source; }).length;
    var spoken = this.quotes.filter(function (q) { return q && q.speaker; }).length;
    var nc = this.claims.length, nq = this.quotes.length;
    if (nc) items.push([sourced + " of " + nc, nc === 1 ? "claim cites a source" : "claims cite a source"]);
    if (nq) items.push([spoken + " of " + nq, nq === 1 ? "quote names a speaker" : "quotes name a speaker"]);
    if (this.techniques.length && typeof s.techniques_per_1000_words === "number") {
      items.push([s.techniques_per_1000_words.toFixed(1), "techniques per 1,000 words"]);
    }
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(el("b", null, item[0]));
      li.appendChild(document.createTextNode(" " + item[1]));
      stats.appendChild(li);
    });
    head.appendChild(stats);
    [["Most quoted: ", s.top_speakers, "quotes", "quote"],
      ["Most targeted by techniques: ", s.most_targeted_actors, "techniques", "technique"]
    ].forEach(function (p) {
      var names = list(p[1]).filter(function (e) { return e && e.name; }).map(function (e) {
        return str(e.name) + " (" + plural(num(e[p[2]]), p[3]) + ")";
      });
      if (names.length) head.appendChild(el("p", "u-meta u-people", p[0] + names.join(", ")));
    });
    return head;
  };

  // Whether a pipeline stage ran; a result that does not list its stages is taken to have them all.
  Report.prototype.ran = function (stage) {
    var pipeline = list(this.result.pipeline);
    return !pipeline.length || pipeline.indexOf(stage) >= 0;
  };

  // The panel of a stage that was left out of the analysis says so, instead of "none found".
  Report.prototype.notRun = function (panel, title, stage) {
    panel.appendChild(el("h2", null, title));
    panel.appendChild(el("p", "u-empty u-not-run", "Not run: the " + stage +
      " stage was left out of this analysis."));
    return panel;
  };

  // Share of the text inside some technique span, for results without a summary.
  Report.prototype.coverage = function () {
    var spans = this.techniques.filter(function (t) { return t && t.end > t.start; })
      .map(function (t) { return [num(t.start), num(t.end)]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var covered = 0, last = 0, length = num((this.result.article || {}).length) || this.text.length;
    spans.forEach(function (s) {
      var start = Math.max(s[0], last);
      if (s[1] > start) { covered += s[1] - start; last = s[1]; }
    });
    return length ? covered / length : 0;
  };

  // The article text, cut at every span boundary; each piece is wrapped in one element per
  // span that covers it (claims, quotes and mentions outside, techniques inside).
  Report.prototype.body = function () {
    var text = this.text, self = this;
    var pre = el("div", "u-text");
    pre.setAttribute("lang", "en");
    if (!text) {
      pre.appendChild(el("p", "u-empty", "The article text is not included in this result."));
      return pre;
    }
    var at = offsetMapper(text);
    var cpLength = num((this.result.article || {}).length) || text.length;
    var spans = [];
    function add(kind, index, s, extra) {
      if (!validSpan(s, cpLength)) return;
      var span = { kind: kind, index: index, start: at(s.start), end: at(s.end), track: 0 };
      if (span.start >= span.end || span.end > text.length) return;
      if (extra) span.extra = extra;
      spans.push(span);
    }
    this.techniques.forEach(function (s, i) { add("t", i, s); });
    this.claims.forEach(function (s, i) { add("c", i, s); });
    this.quotes.forEach(function (s, i) { add("q", i, s); });
    this.actors.forEach(function (a, i) {
      list(a && a.mentions).forEach(function (m, j) { add("a", i, m, j); });
      list(a && a.references).forEach(function (m, j) { add("a", i, m, "r" + j); });
    });
    assignTracks(spans.filter(function (s) { return s.kind === "t"; }));
    var cuts = [0, text.length];
    spans.forEach(function (s) { cuts.push(s.start, s.end); });
    cuts = cuts.sort(function (a, b) { return a - b; }).filter(function (v, i, all) {
      return i === 0 || v !== all[i - 1];
    });
    var starts = {};
    spans.forEach(function (s) { (starts[s.start] = starts[s.start] || []).push(s); });
    var kindOrder = { c: 0, q: 1, a: 2, t: 3 };
    var active = [];
    for (var k = 0; k + 1 < cuts.length; k++) {
      var from = cuts[k], to = cuts[k + 1];
      active = active.filter(function (s) { return s.end > from; }).concat(starts[from] || []);
      active.sort(function (a, b) {
        return kindOrder[a.kind] - kindOrder[b.kind] || b.track - a.track || a.index - b.index;
      });
      var node = document.createTextNode(text.slice(from, to));
      for (var n = active.length - 1; n >= 0; n--) {
        var wrap = self.wrapper(active[n], from === active[n].start);
        wrap.appendChild(node);
        node = wrap;
      }
      pre.appendChild(node);
    }
    return pre;
  };

  Report.prototype.wrapper = function (span, first) {
    var node, key = span.kind === "a" ? span.index + ":" + span.extra : span.index;
    if (span.kind === "t") {
      var t = this.techniques[span.index];
      node = el("span", "u-t" + (first ? " u-first" : ""));
      node.setAttribute("data-t", String(span.index));
      node.setAttribute("data-technique", str(t.technique));
      node.style.setProperty("--u-pad", (1 + 5 * span.track) + "px");
      paint(node, t.technique);
      if (first) {
        node.setAttribute("data-code", styleOf(t.technique)[0]);
        node.tabIndex = 0;
        node.setAttribute("aria-describedby", this.id + "-tip");
      }
    } else {
      var cls = { c: "u-claim", q: "u-quote", a: "u-mention" }[span.kind];
      node = el("span", cls + (first ? " u-first" : ""));
      node.setAttribute("data-" + span.kind, String(key));
    }
    var bucket = this.pieces[span.kind];
    (bucket[span.index] = bucket[span.index] || []).push(node);
    return node;
  };

  Report.prototype.counts = function () {
    var counts = {}, order = [];
    this.techniques.forEach(function (t) {
      var id = str(t.technique);
      if (!counts[id]) { counts[id] = { id: id, label: str(t.label) || id, count: 0 }; order.push(id); }
      counts[id].count++;
    });
    return order.map(function (id) { return counts[id]; }).sort(function (a, b) {
      return b.count - a.count || (a.label < b.label ? -1 : 1);
    });
  };

  Report.prototype.techniquePanel = function () {
    var self = this, panel = el("section", "u-panel u-techniques");
    if (!this.ran("techniques")) return this.notRun(panel, "Techniques", "techniques");
    panel.appendChild(el("h2", null, "Techniques"));
    var counts = this.counts();
    if (!counts.length) {
      panel.appendChild(el("p", "u-empty", "No technique fragments found."));
      return panel;
    }
    panel.appendChild(this.chart(counts));
    var controls = el("div", "u-controls");
    var legend = el("ul", "u-legend");
    counts.forEach(function (c) {
      self.enabled[c.id] = true;
      var li = el("li"), label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-filter", c.id);
      box.addEventListener("change", function () { self.enabled[c.id] = box.checked; self.apply(); });
      var swatch = el("span", "u-swatch");
      paint(swatch, c.id);
      var code = el("span", "u-code", styleOf(c.id)[0]);
      paint(code, c.id);
      label.appendChild(box);
      label.appendChild(swatch);
      label.appendChild(code);
      label.appendChild(el("span", "u-label", c.label));
      label.appendChild(el("span", "u-count", c.count));
      li.appendChild(label);
      legend.appendChild(li);
    });
    controls.appendChild(legend);
    var buttons = el("div", "u-buttons");
    [["All", true], ["None", false]].forEach(function (b) {
      var button = el("button", "u-small", b[0]);
      button.type = "button";
      button.addEventListener("click", function () {
        legend.querySelectorAll("input[data-filter]").forEach(function (box) {
          box.checked = b[1];
          self.enabled[box.getAttribute("data-filter")] = b[1];
        });
        self.apply();
      });
      buttons.appendChild(button);
    });
    controls.appendChild(buttons);
    var row = el("div", "u-filter-row");
    var rangeId = this.id + "-min";
    var rangeLabel = el("label", null, "Minimum score");
    rangeLabel.htmlFor = rangeId;
    var range = el("input", "u-min-score");
    range.type = "range";
    range.id = rangeId;
    range.min = "0";
    range.max = "1";
    range.step = "0.05";
    range.value = "0";
    var out = el("output", null, "0.00");
    range.addEventListener("input", function () {
      self.minScore = parseFloat(range.value) || 0;
      out.textContent = self.minScore.toFixed(2);
      self.apply();
    });
    row.appendChild(rangeLabel);
    row.appendChild(range);
    row.appendChild(out);
    controls.appendChild(row);
    this.shown = el("p", "u-shown");
    this.shown.setAttribute("aria-live", "polite");
    controls.appendChild(this.shown);
    var layers = el("div", "u-layers");
    [["claims", "Claims (dotted line above)"], ["quotes", "Quotes (teal)"],
      ["actors", "Actors (bold)"]].forEach(function (l) {
      var label = el("label"), box = el("input");
      box.type = "checkbox";
      box.checked = self.root.classList.contains("u-show-" + l[0]);
      box.setAttribute("data-layer", l[0]);
      box.addEventListener("change", function () {
        self.root.classList.toggle("u-show-" + l[0], box.checked);
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + l[1] + " in text"));
      layers.appendChild(label);
    });
    controls.appendChild(layers);
    panel.appendChild(controls);
    return panel;
  };

  Report.prototype.chart = function (counts) {
    var self = this, box = el("div", "u-chart");
    var rowH = 22, barW = 92, width = 300;
    var max = counts.reduce(function (m, c) { return Math.max(m, c.count); }, 1);
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + (counts.length * rowH + 4));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Technique fragments per technique");
    function svgEl(tag, attrs, text) {
      var node = document.createElementNS(SVG_NS, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
      if (text !== undefined) node.textContent = String(text);
      return node;
    }
    counts.forEach(function (c, i) {
      var y = 2 + i * rowH, s = styleOf(c.id);
      var g = svgEl("g", { "class": "u-bar", "data-technique": c.id, tabindex: 0, role: "button" });
      g.appendChild(svgEl("title", {}, c.label + ": " + c.count + " (click to go to the first one)"));
      var w = Math.max(24, Math.round(barW * c.count / max));
      g.appendChild(svgEl("rect", { "class": "u-fill", x: 0, y: y + 3, width: w, height: rowH - 6,
        rx: 2, fill: s[1] }));
      g.appendChild(svgEl("text", { "class": "u-bar-code", x: 4, y: y + 15 }, s[0]));
      var label = c.label.length > 30 ? c.label.slice(0, 29) + "…" : c.label;
      g.appendChild(svgEl("text", { x: w + 6, y: y + 15 }, c.count + "  " + label));
      function go() {
        var i = self.techniques.findIndex(function (t, k) {
          return str(t.technique) === c.id && self.visible(k);
        });
        if (i >= 0) self.reveal(self.pieces.t[i]);
      }
      g.addEventListener("click", go);
      g.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
      svg.appendChild(g);
    });
    box.appendChild(svg);
    return box;
  };

  // Long lists show their first items and a button for the rest; print shows them all.
  Report.prototype.collapse = function (panel, extra, what) {
    if (!extra.length) return;
    extra.forEach(function (node) { node.classList.add("u-extra"); });
    panel.classList.add("u-collapsed");
    var button = el("button", "u-small u-more", "Show all " + what);
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function () {
      var open = !panel.classList.toggle("u-collapsed");
      button.textContent = open ? "Show fewer" : "Show all " + what;
      button.setAttribute("aria-expanded", String(open));
    });
    panel.appendChild(button);
  };

  Report.prototype.item = function (kind, index, build) {
    var self = this, li = el("li"), button = el("button", "u-item");
    button.type = "button";
    button.setAttribute("data-goto-" + kind, String(index));
    build(button);
    button.addEventListener("click", function () { self.reveal(self.pieces[kind][index]); });
    li.appendChild(button);
    return li;
  };

  Report.prototype.claimPanel = function () {
    var self = this, panel = el("section", "u-panel u-claims");
    if (!this.ran("claims")) return this.notRun(panel, "Claims", "claims");
    panel.appendChild(el("h2", null, "Claims (" + this.claims.length + ")"));
    if (!this.claims.length) {
      panel.appendChild(el("p", "u-empty", "No check-worthy claims found."));
      return panel;
    }
    var ul = el("ul", "u-list");
    this.claims.forEach(function (c, i) {
      ul.appendChild(self.item("c", i, function (b) {
        b.appendChild(el("span", "u-claim-text", str(c.text)));
        var sub = el("span", "u-sub");
        list(c.quantities).forEach(function (q) {
          var chip = el("span", "u-chip", normalised(q));
          chip.title = str(q.text);
          sub.appendChild(chip);
        });
        var src = c.source;
        sub.appendChild(document.createTextNode(
          (src ? "Source: " + str(src.actor || src.name) : "No source given") + " · score " + score(c.score)));
        b.appendChild(sub);
      }));
    });
    panel.appendChild(ul);
    this.collapse(panel, [].slice.call(ul.children, KEEP), this.claims.length + " claims");
    return panel;
  };

  Report.prototype.quotePanel = function () {
    var self = this, panel = el("section", "u-panel u-quotes");
    if (!this.ran("quotes")) return this.notRun(panel, "Quotes", "quotes");
    panel.appendChild(el("h2", null, "Quotes (" + this.quotes.length + ")"));
    if (!this.quotes.length) {
      panel.appendChild(el("p", "u-empty", "No quotes found."));
      return panel;
    }
    var groups = {}, order = [];
    this.quotes.forEach(function (q, i) {
      var sp = q.speaker, name = sp ? str(sp.actor || sp.name) : "", principal = self.speaksFor(sp);
      // a spokesman's words are his, said for the actor: a group of their own, not the actor's
      name = principal ? str(sp.name) + ", for " + principal : name || "Unattributed";
      if (!groups[name]) { groups[name] = []; order.push(name); }
      groups[name].push(i);
    });
    var shown = 0, extra = [];
    order.forEach(function (name) {
      var head = el("h3", "u-speaker", name + " (" + groups[name].length + ")");
      panel.appendChild(head);
      var ul = el("ul", "u-list");
      if (shown >= KEEP) extra.push(head, ul);
      shown += groups[name].length;
      groups[name].forEach(function (i) {
        var q = self.quotes[i];
        ul.appendChild(self.item("q", i, function (b) {
          b.appendChild(el("span", "u-quote-text", str(q.text)));
          var cue = q.cue ? str(q.cue.name) : "";
          b.appendChild(el("span", "u-sub",
            str(q.kind) + (cue ? " · " + cue : "") + " · score " + score(q.score)));
        }));
      });
      panel.appendChild(ul);
    });
    this.collapse(panel, extra, this.quotes.length + " quotes");
    return panel;
  };

  // Words that make a speaker someone who speaks for another ("A spokesman for Dreyer", "Keller's
  // aide"); the terminal view (render/text.py, _speaks_for) uses the same rule.
  var AGENT = new RegExp("\\b(?:for|spokes\\w*|aides?|representatives?|lawyers?|attorneys?|advis[eo]rs?|" +
    "office|campaign|staff|assistants?|deput(?:y|ies)|secretary|press)\\b|['\u2019]s\\b", "i");

  function bare(name) {
    return str(name).split(/\s+/).join(" ").trim().replace(/^(?:the|a|an)\s+/i, "").toLowerCase();
  }

  // The actor a speaker speaks for, or "" when the speaker is that actor: by a name or reference the
  // actor has ("Dreyer", "he", "the governor"), or by words not those of a spokesman ("Governor Dreyer").
  Report.prototype.speaksFor = function (sp) {
    if (!sp || !sp.actor) return "";
    var actor = str(sp.actor), name = str(sp.name);
    if (name.toLowerCase().indexOf(actor.toLowerCase()) >= 0) return "";
    var known = [bare(actor)];
    this.actors.forEach(function (a) {
      if (!a || str(a.name) !== actor) return;
      list(a.aliases).forEach(function (x) { known.push(bare(x)); });
      list(a.mentions).concat(list(a.references)).forEach(function (m) { if (m) known.push(bare(m.text)); });
    });
    name = bare(name);
    return known.indexOf(name) < 0 && AGENT.test(name) ? actor : "";
  };

  Report.prototype.actorPanel = function () {
    var self = this, panel = el("section", "u-panel u-actors");
    if (!this.ran("actors")) return this.notRun(panel, "Actors", "actors");
    panel.appendChild(el("h2", null, "Actors (" + this.actors.length + ")"));
    if (!this.actors.length) {
      panel.appendChild(el("p", "u-empty", "No actors found."));
      return panel;
    }
    var ul = el("ul", "u-list");
    // the actors quoted or aimed at come first, so that "Show all" hides none of them
    var order = this.actors.map(function (a, i) { return i; });
    function involved(i) {
      var a = self.actors[i] || {};
      return list(a.quotes).length || list(a.techniques).length ? 0 : 1;
    }
    order.sort(function (i, j) { return involved(i) - involved(j) || i - j; });
    order.forEach(function (i) {
      var a = self.actors[i];
      ul.appendChild(self.item("a", i, function (b) {
        b.appendChild(el("strong", null, str(a.name)));
        if (a.role) {
          // the score is the main role's; the fine role is only the likeliest within it
          var role = el("span", "u-role u-role-" + str(a.role).replace(/[^a-z]/gi, ""), str(a.role) +
            (a.role_score != null ? " " + Number(a.role_score).toFixed(2) : "") +
            (a.fine_role ? " · " + str(a.fine_role) + "?" : ""));
          role.title = str(a.role) +
            (a.role_score != null ? " (score " + Number(a.role_score).toFixed(2) + ")" : "") +
            (a.fine_role ? "; likeliest fine role: " + str(a.fine_role) : "");
          b.appendChild(role);
        }
        var aimed = {};
        list(a.techniques).forEach(function (k) {
          var t = self.techniques[k];
          if (t) aimed[str(t.label || t.technique)] = (aimed[str(t.label || t.technique)] || 0) + 1;
        });
        var sub = el("span", "u-sub", str(a.type) + " · " + plural(list(a.mentions).length, "mention") +
          (list(a.references).length ? " · " + plural(list(a.references).length, "reference") : "") +
          (list(a.quotes).length ? " · " + plural(list(a.quotes).length, "quote") : ""));
        var others = list(a.aliases).filter(function (x) { return str(x) !== str(a.name); });
        if (others.length) {
          sub.appendChild(el("br"));
          sub.appendChild(document.createTextNode("Also written: " + others.map(str).join(", ")));
        }
        var names = Object.keys(aimed);
        if (names.length) {
          sub.appendChild(el("br"));
          sub.appendChild(document.createTextNode("Techniques aimed at: " + names.map(function (n) {
            return n + (aimed[n] > 1 ? " ×" + aimed[n] : "");
          }).join(", ")));
        }
        b.appendChild(sub);
      }));
    });
    panel.appendChild(ul);
    this.collapse(panel, [].slice.call(ul.children, KEEP), this.actors.length + " actors");
    return panel;
  };

  Report.prototype.warningPanel = function (warnings) {
    var panel = el("section", "u-panel u-warnings");
    panel.appendChild(el("h2", null, "Warnings"));
    warnings.forEach(function (w) { panel.appendChild(el("p", "u-warn", str(w))); });
    return panel;
  };

  Report.prototype.visible = function (i) {
    var t = this.techniques[i];
    return !!t && this.enabled[str(t.technique)] !== false && num(t.score) >= this.minScore - 1e-9;
  };

  // Hide the technique spans the filters leave out (by technique, by minimum score).
  Report.prototype.apply = function () {
    var shown = 0, self = this;
    this.techniques.forEach(function (t, i) {
      var on = self.visible(i);
      if (on) shown++;
      (self.pieces.t[i] || []).forEach(function (node) {
        node.classList.toggle("u-off", !on);
        if (node.classList.contains("u-first")) node.tabIndex = on ? 0 : -1;
      });
    });
    if (this.shown) this.shown.textContent = shown + " of " + this.techniques.length + " fragments shown";
  };

  Report.prototype.reveal = function (nodes) {
    if (!nodes || !nodes.length) return;
    var reduce = global.matchMedia && global.matchMedia("(prefers-reduced-motion: reduce)").matches;
    nodes[0].scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    nodes.forEach(function (node) {
      node.classList.remove("u-flash");
      void node.offsetWidth;
      node.classList.add("u-flash");
    });
    global.setTimeout(function () {
      nodes.forEach(function (node) { node.classList.remove("u-flash"); });
    }, 1800);
  };

  Report.prototype.bindTooltip = function () {
    var self = this, root = this.root, tip = this.tip;
    function show(target) {
      var chain = [], node = target;
      while (node && node !== root) {
        if (node.classList && node.classList.contains("u-t") && !node.classList.contains("u-off")) {
          chain.push(node);
        }
        node = node.parentNode;
      }
      if (!chain.length) { tip.hidden = true; return; }
      while (tip.firstChild) tip.removeChild(tip.firstChild);
      chain.forEach(function (mark) {
        var t = self.techniques[parseInt(mark.getAttribute("data-t"), 10)];
        if (!t) return;
        var item = el("div", "u-tip-item"), head = el("div", "u-tip-head");
        var code = el("span", "u-code", styleOf(t.technique)[0]);
        paint(code, t.technique);
        head.appendChild(code);
        head.appendChild(el("span", null, str(t.label || t.technique)));
        head.appendChild(el("span", "u-tip-score", "score " + score(t.score)));
        item.appendChild(head);
        if (t.explanation) item.appendChild(el("p", null, str(t.explanation)));
        if (t.target) item.appendChild(el("p", null, "Aimed at: " + str(t.target)));
        tip.appendChild(item);
      });
      tip.hidden = false;
      var box = target.getBoundingClientRect(), base = root.getBoundingClientRect();
      var left = Math.max(0, Math.min(box.left - base.left, base.width - tip.offsetWidth));
      tip.style.left = left + "px";
      tip.style.top = (box.bottom - base.top + 6) + "px";
    }
    function hide() { tip.hidden = true; }
    root.style.position = "relative";
    root.addEventListener("mouseover", function (e) {
      if (e.target.closest && e.target.closest(".u-text")) show(e.target);
    });
    root.addEventListener("mouseout", function (e) {
      if (!e.relatedTarget || !root.contains(e.relatedTarget) || !e.relatedTarget.closest(".u-t")) hide();
    });
    root.addEventListener("focusin", function (e) {
      if (e.target.classList && e.target.classList.contains("u-t")) show(e.target); else hide();
    });
    root.addEventListener("focusout", hide);
    root.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  };

  function render(container, result, text) {
    if (text === undefined && result && result.article) text = result.article.text;
    return new Report(container, result, text).render();
  }

  // Draw every report embedded in the page as JSON.
  function boot() {
    var roots = document.querySelectorAll("[data-unspin-report]");
    Array.prototype.forEach.call(roots, function (root) {
      if (root.getAttribute("data-rendered")) return;
      var data = root.querySelector("script.unspin-data");
      if (!data) return;
      var payload = JSON.parse(data.textContent);
      root.setAttribute("data-rendered", "1");
      render(root, payload.result, payload.text);
    });
  }

  global.UnspinReport = { render: render, boot: boot, TECHNIQUES: TECHNIQUES };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})(window);
