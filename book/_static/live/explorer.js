/* The live explorer's page: controls, canvas, legend, table, URL state.
 *
 * User interface only.  Every fact of the model (conditions, payoffs,
 * period-2 play, the refinement, parameter rules, colours) comes from
 * model.js, which trustgame.viz.webexplorer generates from the solver's
 * sympy expressions.  No framework, no network: works from file://.
 *
 * Markup: <div class="tg-live"></div> for the full explorer (its state is
 * kept in the page's URL hash), or
 * <div class="tg-live" data-mode="mini" data-figure="3" data-slider="theta">
 * for a small one beside a figure (one slider, no URL state).
 */
(function () {
  "use strict";
  var M = window.TrustgameModel;
  if (!M) { return; }
  var D = M.DATA, P = D.parameters, N_CELLS = 200, counter = 0;
  var NAMES = {H: "H", L: "L", k: "k", pA: "p<sub>A</sub>", pB: "p<sub>B</sub>",
               betaA: "β<sub>A</sub>", betaB: "β<sub>B</sub>", thetaA: "θ<sub>A</sub>",
               thetaB: "θ<sub>B</sub>", p: "p (p<sub>A</sub> = p<sub>B</sub>)",
               beta: "β (β<sub>A</sub> = β<sub>B</sub>)", theta: "θ (θ<sub>A</sub> = θ<sub>B</sub>)"};
  var SHOW = {er: "PBE-ER (survive the refinement)", all: "all PBE"};

  function el(tag, attrs, html) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (html !== undefined) e.innerHTML = html;
    return e;
  }
  function text(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function fmt(x, d) { return (Math.abs(x) < 5e-13 ? 0 : x).toFixed(d === undefined ? 3 : d); }
  function members(name) { return D.aliases[name] ? D.aliases[name] : [name]; }

  // A typed value as Python's float() would read it: a number, NaN,
  // +-Infinity, or the text itself when it is not a number.
  function parseValue(s) {
    if (typeof s === "number") return s;
    var t = String(s).trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return parseFloat(t);
    if (/^[+-]?nan$/i.test(t)) return NaN;
    if (/^[+-]?(inf|infinity)$/i.test(t)) return t[0] === "-" ? -Infinity : Infinity;
    return t;
  }

  function rgb(hex) { return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]; }

  // Pixel patterns of the paper's hatches (as trustgame.viz.explorer paints them).
  function pattern(kind, i, j, p) {
    var q = Math.max(1, Math.floor(p / 4)), w = Math.max(1, Math.floor(p / 5)), m = function (a) { return ((a % p) + p) % p; };
    switch (kind) {
      case "////": return m(j - i) < q;
      case "\\\\\\\\": case "\\\\": return m(j + i) < q;
      case "xxxx": return m(j - i) < w || m(j + i) < w;
      case "--": return m(i) < q;
      case "||": return m(j) < q;
      case "++": return m(i) === 0 || m(j) === 0;
      case "oo": return m(i) < 1 && m(j) < 1;
      case "OO": return m(i) < 2 && m(j) < 2;
      case "..": return m(i) === Math.floor(p / 2) && m(j + Math.floor(i / p) * Math.floor(p / 2)) === 0;
      case "**": return (m(i) === 0 && j % 2 === 0) || (m(j) === 0 && i % 2 === 0);
      default: return false;
    }
  }
  function lineOn(ls, i, j) {
    if (ls === "--") return Math.floor((i + j) / 3) % 2 === 0;
    if (ls === ":") return (i + j) % 3 === 0;
    if (ls === "-.") return (i + j) % 6 !== 4;
    return true;
  }
  function dotOn(seed, i, j, p) {  // a fixed pseudo-random pattern (a hash)
    var h = (i * 374761393 + j * 668265263 + seed * 2246822519) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
    return (h ^ (h >>> 16)) / 4294967296 < 2 / (p * p);
  }

  // Does class c have a cell in arr (48 blocks of N cells)?  Read four
  // cells at a time where the block is aligned.
  function present(arr, c, N) {
    var q = c * N, e = q + N, off = arr.byteOffset + q;
    if (off % 4 === 0) {
      var w = new Uint32Array(arr.buffer, off, N >> 2);
      for (var m = 0; m < w.length; m++) if (w[m] !== 0) return true;
      q += w.length << 2;
    }
    for (; q < e; q++) if (arr[q]) return true;
    return false;
  }

  // The layers present in a map: [class index, style], fills first.
  function layers(arr, N) {
    var out = [], extra = 0;
    for (var c = 0; c < D.classes.length; c++) {
      if (!present(arr, c, N)) continue;
      var cls = D.classes[c], st = cls.named ? D.styles[cls.key.split("[")[0]] : D.extra_styles[(extra++) % D.extra_styles.length];
      out.push([c, st]);
    }
    return out.sort(function (a, b) { return ((a[1].fill ? 0 : 1) - (b[1].fill ? 0 : 1)) || (a[0] - b[0]); });
  }

  // A pixel pattern over the n x n map (1 where fn(i, j) holds), computed once.
  var MASKS = {};
  function mask(key, n, fn) {
    key += "|" + n;
    var m = MASKS[key];
    if (!m) {
      m = MASKS[key] = new Uint8Array(n * n);
      for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) m[i * n + j] = fn(i, j) ? 1 : 0;
    }
    return m;
  }

  // Paint the layers of arr into the canvas: fills (blended in order), then
  // hatches and dots, then dashed edges, into one RGB buffer and one
  // ImageData (both kept by the explorer `buf`).
  function paint(ctx, arr, n, lays, buf) {
    var N = n * n, period = Math.max(4, Math.floor(n / 25)), i, j, q, c, base, col, a, m;
    if (!buf.img || buf.n !== n) { buf.img = new Float32Array(N * 3); buf.data = ctx.createImageData(n, n); buf.n = n; }
    var img = buf.img;
    img.fill(255);
    lays.forEach(function (l) {
      var st = l[1]; if (!st.fill) return;
      col = rgb(st.fill); a = st.alpha === undefined ? 1 : st.alpha; base = l[0] * N;
      var c0 = col[0], c1 = col[1], c2 = col[2], b = 1 - a;
      if (a === 1) { for (q = 0; q < N; q++) if (arr[base + q]) { img[3 * q] = c0; img[3 * q + 1] = c1; img[3 * q + 2] = c2; } }
      else for (q = 0; q < N; q++) if (arr[base + q]) {
        img[3 * q] = b * img[3 * q] + a * c0; img[3 * q + 1] = b * img[3 * q + 1] + a * c1; img[3 * q + 2] = b * img[3 * q + 2] + a * c2;
      }
    });
    lays.forEach(function (l) {
      var st = l[1]; c = l[0];
      if (!st.hatch && !st.dots) return;
      col = st.hatch ? rgb(st.color || "#000000") : [0, 0, 0];
      m = st.hatch ? mask("hatch" + st.hatch + "|" + period, n, function (i, j) { return pattern(st.hatch, i, j, period); })
                   : mask("dots" + (c + 1) + "|" + period, n, function (i, j) { return dotOn(c + 1, i, j, period); });
      base = c * N;
      for (q = 0; q < N; q++) if (arr[base + q] && m[q]) { img[3 * q] = col[0]; img[3 * q + 1] = col[1]; img[3 * q + 2] = col[2]; }
    });
    lays.forEach(function (l) {
      var st = l[1]; c = l[0];
      if (!st.edge) return;
      col = rgb(st.edge); base = c * N;
      var line = mask("line" + st.ls, n, function (i, j) { return lineOn(st.ls, i, j); });
      for (i = 0; i < n; i++) for (j = 0, q = i * n; j < n; j++, q++) {
        if (!arr[base + q] || !line[q]) continue;
        var inner = (i === 0 || arr[base + q - n]) && (i === n - 1 || arr[base + q + n]) && (j === 0 || arr[base + q - 1]) && (j === n - 1 || arr[base + q + 1]);
        if (!inner) { img[3 * q] = col[0]; img[3 * q + 1] = col[1]; img[3 * q + 2] = col[2]; }
      }
    });
    var px = buf.data.data;
    for (i = 0; i < n; i++) {  // row 0 of the map is the bottom
      var o = 4 * (n - 1 - i) * n;
      for (j = 0, q = 3 * i * n; j < n; j++, q += 3, o += 4) { px[o] = img[q]; px[o + 1] = img[q + 1]; px[o + 2] = img[q + 2]; px[o + 3] = 255; }
    }
    ctx.putImageData(buf.data, 0, 0);
  }

  function swatch(st) {
    var cv = el("canvas", {width: 32, height: 18, "aria-hidden": "true", "class": "tg-swatch"});
    var ctx = cv.getContext("2d"), arr = new Uint8Array(32 * 18).fill(1);
    var img = ctx.createImageData(32, 18), px = img.data, col = st.fill ? rgb(st.fill) : [255, 255, 255];
    var a = st.fill ? (st.alpha === undefined ? 1 : st.alpha) : 0;
    for (var i = 0; i < 18; i++) for (var j = 0; j < 32; j++) {
      var o = 4 * (i * 32 + j), c = [0, 1, 2].map(function (k) { return (1 - a) * 255 + a * col[k]; });
      if (st.hatch && pattern(st.hatch, i, j, 8)) c = rgb(st.color || "#000000");
      if (st.dots && dotOn(7, i, j, 4)) c = [0, 0, 0];
      var edge = i === 0 || i === 17 || j === 0 || j === 31;
      if (edge) c = st.edge ? (lineOn(st.ls, i, j) ? rgb(st.edge) : [255, 255, 255]) : [0, 0, 0];
      px[o] = c[0]; px[o + 1] = c[1]; px[o + 2] = c[2]; px[o + 3] = 255;
    }
    void arr;
    ctx.putImageData(img, 0, 0);
    return cv;
  }

  function Explorer(root) {
    this.root = root;
    this.mini = root.getAttribute("data-mode") === "mini";
    this.id = "tg" + (++counter);
    this.n = N_CELLS;
    var fig = D.figures[root.getAttribute("data-figure") || ""];
    this.values = {};
    P.forEach(function (p) { this.values[p] = D.domain[p]["default"]; }, this);
    this.x = "pA"; this.y = "pB"; this.dominance = "weak"; this.offpath = "free"; this.show = "er";
    if (fig) { P.forEach(function (p) { this.values[p] = fig.base[p]; }, this); this.x = fig.x; this.y = fig.y; }
    this.slider = root.getAttribute("data-slider") || null;
    this.map = null; this.mapKey = null; this.redraws = 0;
    this.build();
    if (!this.mini) this.readURL(); else this.apply({});
    if (!this.map) this.redraw();  // a bad URL: the rule is shown over the default map
    var self = this;
    if (!this.mini) window.addEventListener("hashchange", function () { self.readURL(); });
  }

  Explorer.prototype.build = function () {
    var self = this, id = this.id, root = this.root;
    root.innerHTML = "";
    root.classList.add(this.mini ? "tg-mini" : "tg-full");
    var controls = el("div", {"class": "tg-controls", role: "group", "aria-label": "Parameters"});
    this.inputs = {};
    var sliders = this.mini ? [this.slider] : P;
    sliders.forEach(function (name) {
      var ms = members(name), d = D.domain[ms[0]], s = d.slider;
      var row = el("div", {"class": "tg-row"});
      var help = el("span", {id: id + "-" + name + "-help", "class": "tg-help"}, text(d.help) + (ms.length > 1 ? " (both states)" : ""));
      var lab = el("label", {"for": id + "-" + name, "class": "tg-label"}, NAMES[name] || name);
      var range = el("input", {type: "range", id: id + "-" + name, min: s[0], max: s[1], step: s[2],
                               "aria-describedby": id + "-" + name + "-help", "data-param": name});
      var box = el("input", {type: "text", inputmode: "decimal", id: id + "-" + name + "-box", "class": "tg-box",
                             "aria-label": name + " value", "aria-describedby": id + "-" + name + "-help", "data-param": name, size: 7});
      range.addEventListener("input", function () { var o = {}; o[name] = parseFloat(range.value); self.apply(o, name); });
      box.addEventListener("change", function () { var o = {}; o[name] = box.value; self.apply(o, name); });
      box.addEventListener("keydown", function (e) { if (e.key === "Enter") { var o = {}; o[name] = box.value; self.apply(o, name); } });
      row.appendChild(lab); row.appendChild(range); row.appendChild(box); row.appendChild(help);
      controls.appendChild(row);
      self.inputs[name] = {range: range, box: box};
    });
    if (!this.mini) {
      var opts = el("div", {"class": "tg-options"});
      var choice = function (key, label, options, names) {
        var wrap = el("span", {"class": "tg-choice"});
        var sel = el("select", {id: id + "-" + key});
        options.forEach(function (o) { var op = el("option", {value: o}, names ? names[o] : text(o)); sel.appendChild(op); });
        sel.addEventListener("change", function () { var o = {}; o[key] = sel.value; self.apply(o); });
        wrap.appendChild(el("label", {"for": id + "-" + key}, label)); wrap.appendChild(sel);
        opts.appendChild(wrap);
        return sel;
      };
      var axisNames = {};
      D.axis_choices.forEach(function (a) { axisNames[a] = (NAMES[a] || a).replace(/<\/?sub>/g, ""); });
      this.selects = {x: choice("x", "x axis", D.axis_choices, axisNames), y: choice("y", "y axis", D.axis_choices, axisNames),
                      dominance: choice("dominance", "refinement", D.dominance),
                      offpath: choice("offpath", "off-path beliefs", D.offpath),
                      show: choice("show", "show", ["er", "all"], SHOW)};
      controls.appendChild(opts);
    }
    root.appendChild(controls);
    this.message = el("div", {"class": "tg-message", role: "alert", "aria-live": "assertive", id: id + "-message"});
    root.appendChild(this.message);
    var plot = el("div", {"class": "tg-plot"});
    this.canvas = el("canvas", {width: this.n, height: this.n, "class": "tg-canvas", tabindex: this.mini ? "-1" : "0", role: "img",
                                 "aria-label": "Region map; click a point (or use the arrow keys) to list its equilibria"});
    this.marker = el("span", {"class": "tg-marker", "aria-hidden": "true"}, "★");
    this.ylab = el("div", {"class": "tg-ylab"}); this.xlab = el("div", {"class": "tg-xlab"});
    this.ticks = el("div", {"class": "tg-ticks", "aria-hidden": "true"});
    var frame = el("div", {"class": "tg-frame"});
    frame.appendChild(this.canvas); frame.appendChild(this.marker); frame.appendChild(this.ticks);
    plot.appendChild(this.ylab); plot.appendChild(frame); plot.appendChild(this.xlab);
    root.appendChild(plot);
    this.legend = el("ul", {"class": "tg-legend", "aria-label": "Legend"});
    root.appendChild(this.legend);
    this.ctx = this.canvas.getContext("2d");
    this.canvas.addEventListener("click", function (e) {
      var r = self.canvas.getBoundingClientRect();
      var j = Math.min(self.n - 1, Math.max(0, Math.floor((e.clientX - r.left) / r.width * self.n)));
      var i = Math.min(self.n - 1, Math.max(0, Math.floor((r.bottom - e.clientY) / r.height * self.n)));
      self.pick(i, j);
    });
    this.canvas.addEventListener("keydown", function (e) {
      var d = {ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [1, 0], ArrowDown: [-1, 0]}[e.key];
      if (!d || !self.map) return;
      e.preventDefault();
      var c = self.cellOf();
      self.pick(Math.min(self.n - 1, Math.max(0, c[0] + d[0])), Math.min(self.n - 1, Math.max(0, c[1] + d[1])));
    });
    if (!this.mini) {
      this.link = el("a", {"class": "tg-link", href: "#"}, "Link to this view");
      root.appendChild(el("p", {"class": "tg-linkrow"})).appendChild(this.link);
      this.caption = el("p", {"class": "tg-caption", "aria-live": "polite"});
      root.appendChild(this.caption);
      this.tableBox = el("div", {"class": "tg-table"});
      root.appendChild(this.tableBox);
    }
  };

  // The cell (row, column) of the current point on the map.
  Explorer.prototype.cellOf = function () {
    var self = this;
    function idx(axis, arr) {
      var v = self.values[members(axis)[0]], best = 0;
      for (var q = 1; q < arr.length; q++) if (Math.abs(arr[q] - v) < Math.abs(arr[best] - v)) best = q;
      return best;
    }
    return [idx(this.y, this.map.ys), idx(this.x, this.map.xs)];
  };

  // Move the point to a cell's centre (the values the map used there).
  Explorer.prototype.pick = function (i, j) {
    if (!this.map || this.mini) return;
    var o = {};
    members(this.x).forEach(function (p) { o[p] = this.map.xs[j]; }, this);
    members(this.y).forEach(function (p) { o[p] = this.map.ys[i]; }, this);
    this.apply(o);
  };

  // Apply changes (values may be text); invalid ones leave the state and the
  // last valid map as they are and show the rule.  Returns the messages.
  Explorer.prototype.apply = function (changes, source) {
    var cand = {}, self = this, opts = {x: this.x, y: this.y, dominance: this.dominance, offpath: this.offpath, show: this.show};
    P.forEach(function (p) { cand[p] = self.values[p]; });
    var bad = [];
    Object.keys(changes).forEach(function (k) {
      if (k in opts) { opts[k] = String(changes[k]); return; }
      var v = parseValue(changes[k]);
      members(k).forEach(function (p) { if (P.indexOf(p) >= 0) cand[p] = v; });
      if (!D.aliases[k] && P.indexOf(k) < 0) bad.push("unknown parameter '" + k + "'");
    });
    var msgs = bad.slice();
    if (D.dominance.indexOf(opts.dominance) < 0) msgs.push("dominance must be one of " + D.dominance.join(", ") + " (got '" + opts.dominance + "')");
    if (D.offpath.indexOf(opts.offpath) < 0) msgs.push("offpath must be one of " + D.offpath.join(", ") + " (got '" + opts.offpath + "')");
    if (!SHOW[opts.show]) msgs.push("show must be er or all (got '" + opts.show + "')");
    msgs = msgs.concat(M.problems(cand, opts.x, opts.y));
    P.forEach(function (p) {
      var inp = self.inputs[p] || (self.inputs[self.slider] && members(self.slider).indexOf(p) >= 0 ? self.inputs[self.slider] : null);
      if (inp) inp.box.setAttribute("aria-invalid", msgs.some(function (m) { return m.indexOf(p + " ") === 0; }) ? "true" : "false");
    });
    if (msgs.length) {
      this.message.textContent = msgs.join("; ");
      this.message.classList.add("tg-error");
      this.sync(source, true);
      return msgs;
    }
    this.message.textContent = ""; this.message.classList.remove("tg-error");
    this.values = cand;
    this.x = opts.x; this.y = opts.y; this.dominance = opts.dominance; this.offpath = opts.offpath; this.show = opts.show;
    this.sync(source, false);
    this.redraw();
    if (!this.mini) this.writeURL();
    return [];
  };

  // Put the state into the inputs (leaving the one being typed in when it is invalid).
  Explorer.prototype.sync = function (source, invalid) {
    var self = this;
    Object.keys(this.inputs).forEach(function (name) {
      var v = self.values[members(name)[0]], inp = self.inputs[name];
      if (!(invalid && name === source)) inp.box.value = String(v);
      if (!(name === source && document.activeElement === inp.range)) inp.range.value = String(v);
      inp.range.setAttribute("aria-valuetext", String(v));
    });
    if (this.selects) ["x", "y", "dominance", "offpath", "show"].forEach(function (k) { self.selects[k].value = self[k]; });
  };

  Explorer.prototype.key = function () {
    var moved = members(this.x).concat(members(this.y)), self = this;
    return JSON.stringify([this.x, this.y, this.dominance, this.offpath, this.n,
      P.filter(function (p) { return moved.indexOf(p) < 0; }).map(function (p) { return self.values[p]; })]);
  };

  // Recompute the map when its inputs changed (always with force) and
  // repaint; returns the milliseconds it took.
  // The map is computed into the spare one of two buffer pairs, which then
  // becomes the current map (the last valid map is never half overwritten).
  Explorer.prototype.redraw = function (force) {
    var t0 = performance.now(), key = this.key();
    try {
      if (force || key !== this.mapKey || !this.map) {
        var size = D.classes.length * this.n * this.n, spare = this.spare;
        if (!spare || spare.exists.length !== size) spare = {exists: new Uint8Array(size), efficient: new Uint8Array(size)};
        var m = M.computeMap(this.values, this.x, this.y, this.n, this.dominance, this.offpath, undefined, spare);
        this.spare = this.map && this.map.exists.length === size ? {exists: this.map.exists, efficient: this.map.efficient} : null;
        this.map = {x: m.x, y: m.y, n: m.n, xs: m.xs, ys: m.ys, exists: spare.exists, efficient: spare.efficient};
        this.mapKey = key; this.painted = null;
      }
      var arr = this.show === "all" ? this.map.exists : this.map.efficient;
      if (force || this.painted !== this.show) {
        this.lays = layers(arr, this.n * this.n);
        paint(this.ctx, arr, this.n, this.lays, this.paintBuffer || (this.paintBuffer = {}));
        this.painted = this.show;
        var legendKey = this.lays.map(function (l) { return l[0]; }).join(",");
        if (legendKey !== this.legendKey) { this.drawLegend(); this.legendKey = legendKey; }
        if (this.axesKey !== this.x + "|" + this.y) { this.drawAxes(); this.axesKey = this.x + "|" + this.y; }
      }
      this.drawMarker();
      if (!this.mini) this.drawTable();
      this.redraws++;
      this.root.setAttribute("data-redraws", String(this.redraws));
    } catch (err) {
      this.message.textContent = String(err && err.message ? err.message : err);
      this.message.classList.add("tg-error");
    }
    return (this.lastRedrawMs = performance.now() - t0);
  };

  Explorer.prototype.drawLegend = function () {
    var ul = this.legend;
    ul.innerHTML = "";
    this.lays.slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (l) {
      var li = el("li", {"data-key": D.classes[l[0]].key});
      li.appendChild(swatch(l[1]));
      li.appendChild(el("span", {}, text(D.classes[l[0]].label)));
      ul.appendChild(li);
    });
  };

  Explorer.prototype.drawAxes = function () {
    var self = this, t = this.ticks;
    t.innerHTML = "";
    this.xlab.innerHTML = NAMES[this.x] || this.x;
    this.ylab.innerHTML = NAMES[this.y] || this.y;
    [["x", D.axis_ranges[this.x]], ["y", D.axis_ranges[this.y]]].forEach(function (ar) {
      var lo = ar[1][0], hi = ar[1][1];
      for (var q = 0; q <= 4; q++) {
        var v = lo + (hi - lo) * q / 4, s = el("span", {"class": "tg-tick tg-tick-" + ar[0]}, String(Math.round(v * 100) / 100));
        if (ar[0] === "x") s.style.left = (q * 25) + "%"; else s.style.bottom = (q * 25) + "%";
        t.appendChild(s);
      }
    });
    void self;
  };

  Explorer.prototype.point = function () {
    var self = this;
    function at(axis) {
      var ms = members(axis), v = self.values[ms[0]];
      return ms.every(function (p) { return self.values[p] === v; }) ? v : null;
    }
    return [at(this.x), at(this.y)];
  };

  Explorer.prototype.drawMarker = function () {
    var pt = this.point(), rx = D.axis_ranges[this.x], ry = D.axis_ranges[this.y];
    if (pt[0] === null || pt[1] === null || pt[0] < rx[0] || pt[0] > rx[1] || pt[1] < ry[0] || pt[1] > ry[1]) { this.marker.style.display = "none"; return; }
    this.marker.style.display = "";
    this.marker.style.left = (100 * (pt[0] - rx[0]) / (rx[1] - rx[0])) + "%";
    this.marker.style.bottom = (100 * (pt[1] - ry[0]) / (ry[1] - ry[0])) + "%";
  };

  // The table of every class of pure period-1 play at the current point.
  Explorer.prototype.drawTable = function () {
    var v = this.values, self = this;
    this.caption.textContent = "Equilibria with pure period-1 play at " + P.map(function (p) { return p + " = " + v[p]; }).join(", ") +
      " (refinement: " + this.dominance + ", off-path beliefs: " + this.offpath + "). The star marks this point.";
    if ([v.pA, v.pB].some(function (p) { return p <= 0 || p >= 1; })) {
      this.tableBox.innerHTML = "<p>The table needs priors strictly between 0 and 1.</p>";
      this.rows = [];
      return;
    }
    var rows = M.classesAt(v, this.dominance, this.offpath);
    rows.sort(function (a, b) { return (b.efficient - a.efficient) || (a.index - b.index); });
    this.rows = rows;
    if (!rows.length) { this.tableBox.innerHTML = "<p>No equilibrium with pure period-1 play at this point.</p>"; return; }
    function act(a) { return a; }
    function play(x) { return x >= 1 ? "C" : (x <= 0 ? "D" : "C w.p. " + fmt(x, 3)); }
    var head = "<thead><tr><th scope='col'>equilibrium</th><th scope='col'>PBE-ER</th><th scope='col'>A period 1<br>(security / greedy)</th>" +
      "<th scope='col'>B period 1<br>(security / greedy)</th>" +
      D.histories.map(function (h) { return "<th scope='col'>after " + h + "<br>beliefs q<sub>A</sub>, q<sub>B</sub>; period 2</th>"; }).join("") +
      "<th scope='col'>A security</th><th scope='col'>A greedy</th><th scope='col'>B security</th><th scope='col'>B greedy</th></tr></thead>";
    var body = rows.map(function (r) {
      var cells = "<th scope='row'>" + text(r.key) + "</th><td data-col='efficient'>" + (r.efficient ? "yes" : "no") + "</td>" +
        D.states.map(function (s) { return "<td data-col='period1-" + s + "'>" + act(r.actions[s][0]) + " / " + act(r.actions[s][1]) + "</td>"; }).join("");
      cells += D.histories.map(function (h) {
        var e = r.histories[h];
        if (!e) return "<td data-h='" + h + "' data-onpath='false'>off path</td>";
        return "<td data-h='" + h + "' data-onpath='true' data-beliefs='" + e[0] + "," + e[1] + "' data-play='" + e.slice(2).join(",") + "'>" +
          fmt(e[0], 2) + ", " + fmt(e[1], 2) + "; A " + play(e[2]) + " / " + play(e[3]) + ", B " + play(e[4]) + " / " + play(e[5]) + "</td>";
      }).join("");
      cells += r.payoffs.map(function (u, q) { return "<td data-col='payoff-" + q + "' data-value='" + u + "'>" + fmt(u) + "</td>"; }).join("");
      return "<tr data-key='" + text(r.key) + "' class='" + (r.efficient ? "tg-er" : "") + "'>" + cells + "</tr>";
    }).join("");
    this.tableBox.innerHTML = "<table class='tg-eq'>" + head + "<tbody>" + body + "</tbody></table>";
    void self;
  };

  Explorer.prototype.hash = function () {
    var v = this.values;
    return P.map(function (p) { return p + "=" + encodeURIComponent(String(v[p])); }).join("&") +
      "&x=" + this.x + "&y=" + this.y + "&dominance=" + this.dominance + "&offpath=" + this.offpath + "&show=" + this.show;
  };

  Explorer.prototype.writeURL = function () {
    var h = "#" + this.hash();
    // the link carries the state in its query (read like the hash), so that
    // it points at this page and not at an anchor of it
    this.link.setAttribute("href", "?" + this.hash());
    if (location.hash === h) return;
    try { history.replaceState(null, "", h); } catch (e) { /* some hosts forbid it: the link still works */ }
  };

  // Read the state from the URL: the query string, then the hash; fig=N
  // starts from Figure N's parameters and axes.
  Explorer.prototype.readURL = function () {
    var src = (location.search || "").replace(/^\?/, "") + "&" + (location.hash || "").replace(/^#/, "");
    var changes = {}, fig = null;
    src.split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("="), k = decodeURIComponent(i < 0 ? kv : kv.slice(0, i)), val = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " "));
      if (k === "fig" || k === "figure") fig = val; else changes[k] = val;
    });
    if (fig !== null) {
      var f = D.figures[fig];
      if (f) { var base = {x: f.x, y: f.y}; P.forEach(function (p) { base[p] = f.base[p]; }); changes = Object.assign(base, changes); }
      else changes["figure " + fig] = "";
    }
    return this.apply(changes);
  };

  function init() {
    var api = window.TrustgameExplorer = window.TrustgameExplorer || {instances: []};
    api.Explorer = Explorer;
    Array.prototype.forEach.call(document.querySelectorAll(".tg-live"), function (root) {
      if (!root.__tg) { root.__tg = new Explorer(root); api.instances.push(root.__tg); }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
