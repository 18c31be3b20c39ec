// The fixed runtime of the live explorer: evaluation on a grid, validation,
// the refinement applied cell by cell. trustgame.viz.webexplorer appends it to
// the generated model (book/_static/live/model.js); it holds no model.

var P = DATA.parameters, NP = P.length, NC = DATA.classes.length, TOL = DATA.tol;

// Python's repr of a float, for messages identical to ParameterError's.
function pyRepr(x) {
  if (typeof x !== "number") return "'" + String(x) + "'";
  if (isNaN(x)) return "nan";
  if (!isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return (1 / x < 0) ? "-0.0" : "0.0";
  var e = x.toExponential(), m = e.split("e"), digits = m[0].replace("-", "").replace(".", "");
  var exp = parseInt(m[1], 10), sign = x < 0 ? "-" : "";
  if (exp < -4 || exp >= 16) {
    var mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }
  if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length) + ".0";
  return sign + digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
}

// The message of trustgame.core.domain.check_value, or null.
function checkValue(name, value) {
  if (typeof value !== "number") return name + " must be a real number (got " + pyRepr(value) + ")";
  if (!isFinite(value)) return name + " must be finite (got " + pyRepr(value) + ")";
  var d = DATA.domain[name];
  var lo = d.lo === null ? -Infinity : d.lo, hi = d.hi === null ? Infinity : d.hi;
  var above = d.lo_open ? value > lo : value >= lo, below = d.hi_open ? value < hi : value <= hi;
  return (above && below) ? null : name + " " + d.rule + " (got " + pyRepr(value) + ")";
}

function axisParameters(name) {
  if (DATA.aliases[name]) return DATA.aliases[name].slice();
  if (P.indexOf(name) >= 0) return [name];
  throw new Error("axis parameter must be one of " + P.concat(Object.keys(DATA.aliases)).join(", ") + " (got '" + name + "')");
}

// Every message for a parameter set and axes (empty when the map can be drawn).
function problems(values, x, y) {
  var out = [], moved = [];
  if (x !== undefined) {
    [x, y].forEach(function (a) { if (DATA.axis_choices.indexOf(a) < 0) out.push("axis must be one of " + DATA.axis_choices.join(", ") + " (got '" + a + "')"); });
    if (out.length) return out;
    var gx = axisParameters(x), gy = axisParameters(y);
    if (gx.some(function (n) { return gy.indexOf(n) >= 0; })) out.push("the two axes must move different parameters (got '" + x + "' and '" + y + "')");
    moved = gx.concat(gy);
  }
  P.forEach(function (n) { var m = checkValue(n, values[n]); if (m) out.push(m); });
  ["pA", "pB"].forEach(function (n) {
    if (moved.indexOf(n) < 0 && typeof values[n] === "number" && (values[n] === 0 || values[n] === 1))
      out.push(n + " must lie strictly between 0 and 1 for a closed-form map (got " + pyRepr(values[n]) + ")");
  });
  return out;
}

function centres(lim, n) {
  var out = new Float64Array(n), lo = lim[0], hi = lim[1];
  for (var i = 0; i < n; i++) out[i] = lo + (i + 0.5) * (hi - lo) / n;
  return out;
}

function atomTrue(a, v, tol) {
  var val = ATOMS[a](v);
  return DATA.atoms[a][0] ? val > tol : val >= -tol;
}

function evalTree(t, v, tol) {
  if (t === true || t === false) return t;
  if (typeof t === "number") return atomTrue(t, v, tol);
  var and = t[0] === "and";
  for (var i = 1; i < t.length; i++) { if (evalTree(t[i], v, tol) !== and) return !and; }
  return and;
}

function vector(values) {
  var v = new Float64Array(NP);
  for (var i = 0; i < NP; i++) v[i] = values[P[i]];
  return v;
}

// Which of the classes in `live` are not dominated by another of them;
// pays[i] holds the four interim payoffs of live[i].
function refine(live, pays, dominance, v, tol) {
  var dom = DOMINANCE[dominance], m = live.length, step = dominance === "ex-ante" ? 2 : 4;
  var u = new Float64Array(4 * m), w = step === 2 ? new Float64Array(2 * m) : u, out = [], a, b;
  for (a = 0; a < m; a++) { u.set(pays[a], 4 * a); if (step === 2) EXANTE(u, 4 * a, v, w, 2 * a); }
  for (a = 0; a < m; a++) {
    var ok = true;
    for (b = 0; b < m && ok; b++) if (b !== a && dom(w, step * b, w, step * a, tol)) ok = false;
    out.push(ok);
  }
  return out;
}

// Every class of pure period-1 play at one point, with payoffs, period-2
// play and the PBE-ER flag (the table of a clicked point).
function classesAt(values, dominance, offpath, tol) {
  tol = tol === undefined ? TOL : tol; offpath = offpath || "free"; dominance = dominance || "weak";
  var v = vector(values), conds = DATA.conditions[offpath], live = [], pays = [];
  for (var c = 0; c < NC; c++) if (evalTree(conds[c], v, tol)) { live.push(c); pays.push(PAYOFFS[c](v)); }
  var eff = refine(live, pays, dominance, v, tol);
  return live.map(function (c, i) {
    var cls = DATA.classes[c];
    return {index: c, key: cls.key, label: cls.label, efficient: eff[i], actions: cls.actions,
            regime: cls.regime, payoffs: pays[i], histories: HISTORY[c](v)};
  });
}

var buffers = {};
function buffer(name, Type, size) {
  var b = buffers[name];
  if (!b || b.length < size) b = buffers[name] = new Type(size);
  return b;
}

// ---------------------------------------------------------------------------
// The expression graph for one view.  GRAPH holds every atom's and payoff's
// printed expression, parsed into shared nodes in evaluation order.  For the
// two axes of a view a node is constant (kind 0), moves with x only (1),
// with y only (2), or with both (3).  Constants are computed once per map,
// kinds 1 and 2 once per column or row (into the tables X[j * RX + slot] and
// Y[i * RY + slot]), and each atom's kind-3 nodes are compiled into one
// function for the view that runs over a list of cells.  Every value is the
// result of the same floating-point operations as the printed text.

var OPS = ["", "", "-", "+", "-", "*", "/"], NG = GRAPH.op.length, views = {};
var COMPILE = typeof Function === "function";

function viewOf(gx, gy) {
  var key = gx.join(",") + "|" + gy.join(",");
  if (views[key]) return views[key];
  var kind = new Uint8Array(NG), slot = new Int32Array(NG), xn = [], yn = [], r, o, k;
  for (r = 0; r < NG; r++) {
    o = GRAPH.op[r];
    if (o === 0) k = 0;
    else if (o === 1) k = (gx.indexOf(GRAPH.a[r]) >= 0 ? 1 : 0) | (gy.indexOf(GRAPH.a[r]) >= 0 ? 2 : 0);
    else k = kind[GRAPH.a[r]] | (o === 2 ? 0 : kind[GRAPH.b[r]]);
    kind[r] = k;
    if (k === 1) { slot[r] = xn.length; xn.push(r); } else if (k === 2) { slot[r] = yn.length; yn.push(r); }
  }
  return (views[key] = {kind: kind, slot: slot, xn: Int32Array.from(xn), yn: Int32Array.from(yn),
                        atoms: [], pays: [], cost: []});
}

// Every node at the parameters v (the constants of any view).
function evalGraph(v, S) {
  var op = GRAPH.op, A = GRAPH.a, B = GRAPH.b;
  for (var r = 0; r < NG; r++) {
    var o = op[r];
    S[r] = o === 0 ? A[r] : o === 1 ? v[A[r]] : o === 2 ? -S[A[r]] : o === 3 ? S[A[r]] + S[B[r]] :
      o === 4 ? S[A[r]] - S[B[r]] : o === 5 ? S[A[r]] * S[B[r]] : S[A[r]] / S[B[r]];
  }
}

// The nodes of one kind (1 or 2) at each of the n axis values: T[m * R + slot].
function fillTable(view, nodes, S, at, n, T) {
  var R = nodes.length, kind = view.kind, slot = view.slot, op = GRAPH.op, A = GRAPH.a, B = GRAPH.b;
  for (var m = 0; m < n; m++) {
    var base = m * R;
    for (var q = 0; q < R; q++) {
      var r = nodes[q], o = op[r], a = A[r], x, y;
      if (o === 1) { T[base + q] = at[m]; continue; }
      x = kind[a] === 0 ? S[a] : T[base + slot[a]];
      if (o === 2) { T[base + q] = -x; continue; }
      y = kind[B[r]] === 0 ? S[B[r]] : T[base + slot[B[r]]];
      T[base + q] = o === 3 ? x + y : o === 4 ? x - y : o === 5 ? x * y : x / y;
    }
  }
}

// JavaScript statements computing the kind-3 nodes that `roots` need (one
// temporary per node), and an expression for each root.
function cellCode(view, roots) {
  var kind = view.kind, slot = view.slot, seen = {}, order = [], r;
  function visit(q) {
    if (kind[q] !== 3 || seen[q]) return;
    seen[q] = true; visit(GRAPH.a[q]); if (GRAPH.op[q] !== 2) visit(GRAPH.b[q]); order.push(q);
  }
  function ref(q) {
    var k = kind[q];
    return k === 0 ? "S[" + q + "]" : k === 1 ? "X[xo+" + slot[q] + "]" : k === 2 ? "Y[yo+" + slot[q] + "]" : "t" + q;
  }
  roots.forEach(visit);
  var body = order.map(function (q) {
    var o = GRAPH.op[q];
    return "var t" + q + "=" + (o === 2 ? "-" + ref(GRAPH.a[q]) : ref(GRAPH.a[q]) + OPS[o] + ref(GRAPH.b[q])) + ";";
  });
  return {body: body.join(""), refs: roots.map(ref), ops: order.length};
}

var CELL_IJ = "var i=(cell/n)|0,j=cell-i*n,xo=j*RX,yo=i*RY;";

// fn(list, len, memo, X, Y, S, n, tol, ctx): keep the cells of
// list[0:len] where atom a holds (memo[cell]: 0 not yet, 1 true, 2 false);
// returns how many are kept.
function atomFilter(view, a) {
  if (view.atoms[a]) return view.atoms[a];
  var strict = DATA.atoms[a][0] === 1, fn = null, code = cellCode(view, [GRAPH.atoms[a]]);
  view.cost[a] = 2 + code.ops;
  if (COMPILE) {
    try {
      fn = new Function("list", "len", "memo", "X", "Y", "S", "n", "tol",
        "var k=0,RX=" + view.xn.length + ",RY=" + view.yn.length + ";" +
        "for(var m=0;m<len;m++){var cell=list[m],s=memo[cell];if(s===0){" + CELL_IJ + code.body +
        "s=memo[cell]=(" + code.refs[0] + (strict ? ">tol" : ">=-tol") + ")?1:2;}if(s===1)list[k++]=cell;}return k;");
    } catch (e) { COMPILE = false; fn = null; }
  }
  if (!fn) fn = function (list, len, memo, X, Y, S, n, tol, ctx) {  // no eval allowed: the printed function
    var k = 0, f = ATOMS[a];
    for (var m = 0; m < len; m++) {
      var cell = list[m], s = memo[cell];
      if (s === 0) { ctx.setCell(cell); var val = f(ctx.v); s = memo[cell] = (strict ? val > tol : val >= -tol) ? 1 : 2; }
      if (s === 1) list[k++] = cell;
    }
    return k;
  };
  return (view.atoms[a] = fn);
}

// fn(cell, u, o, X, Y, S, n, ctx): class c's four interim payoffs at a cell
// into u[o], ..., u[o+3].
function payoffWriter(view, c) {
  if (view.pays[c]) return view.pays[c];
  var fn = null, code = cellCode(view, GRAPH.payoffs[c]);
  if (COMPILE) {
    try {
      fn = new Function("cell", "u", "o", "X", "Y", "S", "n",
        "var RX=" + view.xn.length + ",RY=" + view.yn.length + ";" + CELL_IJ + code.body +
        code.refs.map(function (e, q) { return "u[o+" + q + "]=" + e + ";"; }).join(""));
    } catch (e) { COMPILE = false; fn = null; }
  }
  if (!fn) fn = function (cell, u, o, X, Y, S, n, ctx) { ctx.setCell(cell); u.set(PAYOFFS[c](ctx.v), o); };
  return (view.pays[c] = fn);
}

// The region map: ex[c * n * n + i * n + j] (row i = ys[i], bottom first)
// is 1 where class c is a PBE, ef the same for PBE-ER.  Each condition is
// evaluated on a list of cells that its tests filter in place: constant
// atoms are folded, an atom that moves with one axis only is read from a
// row or column computed once, the others are computed once per cell and
// shared between classes; cheap tests run first, on every cell still in.
// `into` ({exists, efficient}: Uint8Arrays of 48 n n) receives the map.
function computeMap(values, x, y, n, dominance, offpath, tol, into) {
  tol = tol === undefined || tol === null ? TOL : tol; offpath = offpath || "free"; dominance = dominance || "weak";
  var msgs = problems(values, x, y);
  if (msgs.length) throw new Error(msgs[0]);
  var dom = DOMINANCE[dominance];
  if (!dom) throw new Error("dominance must be one of " + DATA.dominance.join(", ") + " (got '" + dominance + "')");
  if (!DATA.conditions[offpath]) throw new Error("offpath must be one of " + DATA.offpath.join(", ") + " (got '" + offpath + "')");
  var xs = centres(DATA.axis_ranges[x], n), ys = centres(DATA.axis_ranges[y], n);
  var gx = axisParameters(x).map(function (q) { return P.indexOf(q); });
  var gy = axisParameters(y).map(function (q) { return P.indexOf(q); });
  var v = vector(values), N = n * n, info = {}, slots = 0, gen = 0, view = viewOf(gx, gy);
  var S = buffer("S", Float64Array, NG), RX = view.xn.length, RY = view.yn.length;
  evalGraph(v, S);
  var X = buffer("X", Float64Array, Math.max(1, n * RX)), Y = buffer("Y", Float64Array, Math.max(1, n * RY));
  fillTable(view, view.xn, S, xs, n, X); fillTable(view, view.yn, S, ys, n, Y);
  var ctx = {v: v, setCell: function (cell) {
    var i = (cell / n) | 0, j = cell - i * n, m;
    for (m = 0; m < gx.length; m++) v[gx[m]] = xs[j];
    for (m = 0; m < gy.length; m++) v[gy[m]] = ys[i];
  }};
  var mark = buffer("mark", Uint32Array, N); mark.fill(0, 0, N);
  // a test is {op: 0 true / 1 false / 2 row / 3 column / 4 cell / 5 and / 6 or,
  // arr, a, kids, cost}: a row or column holds 0/1 per x or y value; a cell
  // test evaluates atom a once per cell (memo: 0 not yet, 1 true, 2 false)
  function test(op, arr, a, kids, cost) { return {op: op, arr: arr, a: a, kids: kids, cost: cost}; }
  var TRUE = test(0, null, -1, null, 0), FALSE = test(1, null, -1, null, 0);
  function atom(a) {
    if (info[a]) return info[a];
    var root = GRAPH.atoms[a], k = view.kind[root], strict = DATA.atoms[a][0] === 1, out, m;
    if (k === 0) out = (strict ? S[root] > tol : S[root] >= -tol) ? TRUE : FALSE;
    else if (k !== 3) {
      var arr = new Uint8Array(n), T = k === 1 ? X : Y, R = k === 1 ? RX : RY, s = view.slot[root];
      for (m = 0; m < n; m++) { var val = T[m * R + s]; arr[m] = (strict ? val > tol : val >= -tol) ? 1 : 0; }
      out = test(k === 1 ? 2 : 3, arr, a, null, 1);
    } else {
      var fn = atomFilter(view, a), memo = buffer("memo" + (slots++), Uint8Array, N); memo.fill(0, 0, N);
      out = test(4, memo, a, null, view.cost[a]);
      out.fn = fn;
    }
    return (info[a] = out);
  }
  // fold constants, merge the row (column) tests of one node into one, and
  // put cheap tests first
  function plan(t) {
    if (t === true) return TRUE;
    if (t === false) return FALSE;
    if (typeof t === "number") return atom(t);
    var and = t[0] === "and", kids = [], rows = [], cols = [], i, m;
    for (i = 1; i < t.length; i++) {
      var k = plan(t[i]);
      if (k.op === (and ? 1 : 0)) return k;
      if (k.op === (and ? 0 : 1)) continue;
      if (k.op === 2) rows.push(k.arr); else if (k.op === 3) cols.push(k.arr); else kids.push(k);
    }
    [[rows, 2], [cols, 3]].forEach(function (rc) {
      var arrs = rc[0];
      if (!arrs.length) return;
      var merged = new Uint8Array(n);
      for (m = 0; m < n; m++) {
        var val = and ? 1 : 0;
        for (var q = 0; q < arrs.length; q++) val = and ? (val & arrs[q][m]) : (val | arrs[q][m]);
        merged[m] = val;
      }
      kids.push(test(rc[1], merged, -1, null, 1));
    });
    if (!kids.length) return and ? TRUE : FALSE;
    if (kids.length === 1) return kids[0];
    kids.sort(function (p, q) { return p.cost - q.cost; });
    return test(and ? 5 : 6, null, -1, kids, kids.reduce(function (s, k) { return s + k.cost; }, 0));
  }
  function filter(t, list, len) {
    var k = 0, m, cell, arr = t.arr;
    if (t.op === 2) {
      for (m = 0; m < len; m++) { cell = list[m]; if (arr[cell % n] === 1) list[k++] = cell; }
      return k;
    }
    if (t.op === 3) {
      for (m = 0; m < len; m++) { cell = list[m]; if (arr[(cell / n) | 0] === 1) list[k++] = cell; }
      return k;
    }
    return t.fn(list, len, arr, X, Y, S, n, tol, ctx);
  }
  // keep the cells of list[0:len] where t holds (in place); returns the count
  function keep(t, list, len, depth) {
    if (t.op === 0) return len;
    if (t.op === 1) return 0;
    if (t.op < 5) return filter(t, list, len);
    var kids = t.kids, c, m;
    if (t.op === 5) {
      for (c = 0; c < kids.length && len > 0; c++) len = keep(kids[c], list, len, depth + 1);
      return len;
    }
    var rem = buffer("rem" + depth, Int32Array, N), tmp = buffer("tmp" + depth, Int32Array, N);
    var nrem = len, nres = 0, stamp = ++gen;
    for (m = 0; m < len; m++) rem[m] = list[m];
    for (c = 0; c < kids.length && nrem > 0; c++) {
      for (m = 0; m < nrem; m++) tmp[m] = rem[m];
      var nt = keep(kids[c], tmp, nrem, depth + 1);
      for (m = 0; m < nt; m++) { mark[tmp[m]] = stamp; list[nres++] = tmp[m]; }
      var k = 0;
      for (m = 0; m < nrem; m++) if (mark[rem[m]] !== stamp) rem[k++] = rem[m];
      nrem = k;
    }
    return nres;
  }
  // the cells where a condition may hold: those its row and column tests
  // leave (every cell when it has none at its top)
  function start(t, list) {
    var row = null, col = null, len = 0, i, j;
    var kids = t.op === 5 ? t.kids : [t];
    for (i = 0; i < kids.length; i++) { if (kids[i].op === 2) row = kids[i].arr; else if (kids[i].op === 3) col = kids[i].arr; }
    for (i = 0; i < n; i++) {
      if (col && col[i] !== 1) continue;
      for (j = 0; j < n; j++) if (!row || row[j] === 1) list[len++] = i * n + j;
    }
    return len;
  }
  var ex = into ? into.exists : buffer("ex", Uint8Array, NC * N), ef = into ? into.efficient : buffer("ef", Uint8Array, NC * N);
  var count = buffer("count", Uint8Array, N), list = buffer("list", Int32Array, N);
  var lives = buffer("lives", Uint8Array, NC * N);  // the classes present at a cell, in order
  ex.fill(0, 0, NC * N); ef.fill(0, 0, NC * N); count.fill(0, 0, N);
  var conds = DATA.conditions[offpath], c, m, cell;
  for (c = 0; c < NC; c++) {
    var pl = plan(conds[c]);
    if (pl.op === 1) continue;
    var len = start(pl, list);
    if (pl.op >= 4) len = keep(pl, list, len, 0);
    var base = c * N;
    for (m = 0; m < len; m++) { cell = list[m]; ex[base + cell] = 1; ef[base + cell] = 1; lives[cell * NC + count[cell]++] = c; }
  }
  if (dominance !== "none") {
    var exante = dominance === "ex-ante", step = exante ? 2 : 4;
    var u = buffer("pay", Float64Array, 4 * NC), w = exante ? buffer("exante", Float64Array, 2 * NC) : u;
    var writers = [];
    for (c = 0; c < NC; c++) writers.push(null);
    for (cell = 0; cell < N; cell++) {
      var nl = count[cell];
      if (nl < 2) continue;
      var lb = cell * NC, a, b;
      for (a = 0; a < nl; a++) {
        c = lives[lb + a];
        (writers[c] || (writers[c] = payoffWriter(view, c)))(cell, u, 4 * a, X, Y, S, n, ctx);
      }
      if (exante) { ctx.setCell(cell); for (a = 0; a < nl; a++) EXANTE(u, 4 * a, v, w, 2 * a); }
      for (a = 0; a < nl; a++) {
        for (b = 0; b < nl; b++) {
          if (b !== a && dom(w, step * b, w, step * a, tol)) { ef[lives[lb + a] * N + cell] = 0; break; }
        }
      }
    }
  }
  return {x: x, y: y, n: n, xs: xs, ys: ys, dominance: dominance, offpath: offpath,
          exists: ex.subarray(0, NC * N), efficient: ef.subarray(0, NC * N)};
}

root.TrustgameModel = {DATA: DATA, ATOMS: ATOMS, PAYOFFS: PAYOFFS, HISTORY: HISTORY,
  DOMINANCE: DOMINANCE, EXANTE: EXANTE, GRAPH: GRAPH, evalGraph: evalGraph,
  compiling: function (on) { if (on !== undefined) { COMPILE = !!on && typeof Function === "function"; views = {}; } return COMPILE; },
  pyRepr: pyRepr, checkValue: checkValue, problems: problems,
  axisParameters: axisParameters, centres: centres, classesAt: classesAt,
  computeMap: computeMap, evalTree: evalTree};
