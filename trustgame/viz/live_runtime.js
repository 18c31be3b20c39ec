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
// The region map.  GRAPH holds every atom's and payoff's printed expression,
// parsed into shared nodes in evaluation order.  For the two axes of a view
// a node is constant (kind 0), moves with x only (1), with y only (2), or
// with both (3).  Constants are computed once per map, kinds 1 and 2 once
// per column or row (into the tables X[j * RX + slot] and Y[i * RY + slot]),
// and kind 3 per cell, by code compiled once per view: one function per atom
// (its kind-3 nodes, one temporary each) and one loop per class testing the
// class's condition cell by cell with && and || (cheap tests first).  Every
// value is the result of the same floating-point operations as the printed
// text.  Without Function (a page forbidding it) the printed functions are
// evaluated cell by cell instead: slower, same map.

var OPS = ["", "", "-", "+", "-", "*", "/"], NG = GRAPH.op.length, views = {}, units = {}, unitKeys = [];
var COMPILE = typeof Function === "function", MAX_UNITS = 16;

// Keep a compiled unit (the MAX_UNITS most recent ones).
function keepUnit(key, unit) {
  units[key] = unit; unitKeys.push(key);
  if (unitKeys.length > MAX_UNITS) delete units[unitKeys.shift()];
  return unit;
}

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
  return (views[key] = {key: key, kind: kind, slot: slot, xn: Int32Array.from(xn), yn: Int32Array.from(yn)});
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

// The body of fn(T, S, at) filling T[m * R + slot] (R = nodes.length) with
// the nodes of one kind (1 or 2) at each axis value at[m], in graph order.
function tableCode(view, nodes) {
  var R = nodes.length, kind = view.kind, slot = view.slot;
  function ref(q) { return kind[q] === 0 ? "S[" + q + "]" : "T[b+" + slot[q] + "]"; }
  var body = Array.prototype.map.call(nodes, function (r, q) {
    var o = GRAPH.op[r];
    return "T[b+" + q + "]=" + (o === 1 ? "x" : o === 2 ? "-" + ref(GRAPH.a[r]) : ref(GRAPH.a[r]) + OPS[o] + ref(GRAPH.b[r])) + ";";
  });
  return "for(var m=0;m<at.length;m++){var b=m*" + R + ",x=at[m];" + body.join("") + "}";
}

// JavaScript statements computing the kind-3 nodes that `roots` need (one
// temporary each), and an expression for each root.
function cellCode(view, roots) {
  var kind = view.kind, slot = view.slot, seen = {}, order = [];
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

// Each atom's share of true cells on a 10 x 10 sample of the map: it only
// orders the tests (any order gives the same map).
function passRates(v, gx, gy, xs, ys, n, tol) {
  var NA = DATA.atoms.length, rate = new Float64Array(NA), S = new Float64Array(NG), w = Float64Array.from(v), m = 10;
  for (var p = 0; p < m; p++) for (var q = 0; q < m; q++) {
    var i = Math.floor((p + 0.5) * n / m), j = Math.floor((q + 0.5) * n / m), g, a;
    for (g = 0; g < gx.length; g++) w[gx[g]] = xs[j];
    for (g = 0; g < gy.length; g++) w[gy[g]] = ys[i];
    evalGraph(w, S);
    for (a = 0; a < NA; a++) { var val = S[GRAPH.atoms[a]]; if (DATA.atoms[a][0] === 1 ? val > tol : val >= -tol) rate[a] += 1 / (m * m); }
  }
  return rate;
}

// The tests of a condition tree for a view: {k: 0 constant, 1 column test
// (moves with x), 2 row test, 3 cell test, 4 and, 5 or; a: atom; kids; cost;
// p: the estimated share of cells where it holds}.  The kids of an "and"
// are ordered by cost per chance of failing, those of an "or" by cost per
// chance of holding.
function testsOf(view, t, rate) {
  if (t === true || t === false) return {k: -1, value: t, cost: 0, p: t ? 1 : 0};
  if (typeof t === "number") {
    var root = GRAPH.atoms[t], k = view.kind[root];
    return {k: k, a: t, cost: k === 0 ? 0 : k < 3 ? 1 : 2 + cellCode(view, [root]).ops, p: rate[t]};
  }
  var and = t[0] === "and", kids = t.slice(1).map(function (c) { return testsOf(view, c, rate); });
  var key = function (c) { return c.cost / Math.max(1e-3, and ? 1 - c.p : c.p); };
  kids.sort(function (p, q) { return key(p) - key(q); });
  var p = kids.reduce(function (s, c) { return s * (and ? c.p : 1 - c.p); }, 1);
  return {k: and ? 4 : 5, kids: kids, cost: kids.reduce(function (s, c) { return s + c.cost; }, 0), p: and ? p : 1 - p};
}

// The compiled code of a view for one off-path convention and grid size:
// {classes: [fn(i, X, Y, S, T, C, tol, colm, ex, ef, lives, count)], tables,
// plans}.  A class's function visits the cells of row i (called for the
// rows that pass its top-level row tests; one call per row lets the engine
// optimise it early) whose column passes the mask colm (its top-level
// column tests, computed per map), and tests the rest of its condition there.  T[a * n + m] is atom a's one-axis test at
// the m-th axis value, C[a] a constant atom.
function unitOf(view, offpath, n, rates) {
  var key = view.key + "|" + offpath + "|" + n;
  if (units[key] !== undefined) return units[key];
  var RX = view.xn.length, RY = view.yn.length, used = {}, src = [], plans = [], rate = rates();
  function expr(t) {
    if (t.k === -1) return t.value ? "true" : "false";
    var strict = t.k >= 0 && t.k < 4 && DATA.atoms[t.a][0] === 1;
    if (t.k === 0) return "C[" + t.a + "]===1";
    if (t.k === 1) return "T[" + (t.a * n) + "+j]===1";
    if (t.k === 2) return "T[" + (t.a * n) + "+i]===1";
    if (t.k === 3) { used[t.a] = strict; return "a" + t.a + "(X,Y,S,xo,yo,tol)"; }
    return "(" + t.kids.map(expr).join(t.k === 4 ? "&&" : "||") + ")";
  }
  DATA.conditions[offpath].forEach(function (cond, c) {
    var plan = testsOf(view, cond, rate), rest = plan.k === 4 ? plan.kids.filter(function (t) { return t.k !== 1 && t.k !== 2 && t.k !== 0; }) : [plan];
    if (plan.k === 1 || plan.k === 2 || plan.k === 0) rest = [];
    plans.push(plan);
    src.push("function c" + c + "(i,X,Y,S,T,C,tol,colm,ex,ef,lives,count){" +
      "var yo=i*" + RY + ",cell=i*" + n + ";" +
      "for(var j=0;j<" + n + ";j++,cell++){if(colm[j]!==1)continue;var xo=j*" + RX + ";" +
      "if(" + (rest.length ? rest.map(expr).join("&&") : "true") + "){ex[" + (c * n * n) + "+cell]=1;ef[" + (c * n * n) + "+cell]=1;" +
      "lives[cell*" + NC + "+count[cell]++]=" + c + ";}}}");
  });
  Object.keys(used).forEach(function (a) {
    var code = cellCode(view, [GRAPH.atoms[a]]);
    src.push("function a" + a + "(X,Y,S,xo,yo,tol){" + code.body + "return " + code.refs[0] + (used[a] ? ">tol" : ">=-tol") + ";}");
  });
  src.push("function tx(T,S,at){" + tableCode(view, view.xn) + "}", "function ty(T,S,at){" + tableCode(view, view.yn) + "}");
  src.push("return [[" + DATA.conditions[offpath].map(function (_, c) { return "c" + c; }).join(",") + "],tx,ty];");
  var unit = null;
  try {
    var fns = new Function('"use strict";' + src.join("\n"))();
    unit = {classes: fns[0], tx: fns[1], ty: fns[2], plans: plans};
  } catch (e) { COMPILE = false; }
  return keepUnit(key, unit);
}

// The refinement compiled for a view, grid size and dominance notion:
// fn(i, count, lives, ef, X, Y, S, u, w, v, gx, gy, xs, ys, tol, dom, exante)
// visits each cell of row i with two classes or more, writes the interim payoffs of
// the a-th class there to u[4a], ..., u[4a+3] (or, with `exante`, each
// state's payoff to w[2a], w[2a+1]) and clears ef where a class is dominated
// by another (dom, as refine above).  One unit per notion, so that the call
// of dom is always the same function.
function refineUnit(view, n, dominance) {
  var key = view.key + "|" + n + "|" + dominance;
  if (units[key] !== undefined) return units[key];
  var step = dominance === "ex-ante" ? 2 : 4, RX = view.xn.length, RY = view.yn.length;
  var cases = GRAPH.payoffs.map(function (roots, c) {
    var code = cellCode(view, roots);
    return "case " + c + ":" + code.body + code.refs.map(function (e, q) { return "u[o+" + q + "]=" + e + ";"; }).join("") + "break;";
  }).join("\n");
  var src = '"use strict";return function(i,count,lives,ef,X,Y,S,u,w,v,gx,gy,xs,ys,tol,dom,exante){' +
    "var cell=i*" + n + ",a,b,o,q,yo=i*" + RY + ";" +
    "for(var j=0;j<" + n + ";j++,cell++){var nl=count[cell];if(nl<2)continue;var xo=j*" + RX + ",lb=cell*" + NC + ";" +
    "for(a=0;a<nl;a++){o=4*a;switch(lives[lb+a]){\n" + cases + "\n}}" +
    (step === 2 ? "for(q=0;q<gx.length;q++)v[gx[q]]=xs[j];for(q=0;q<gy.length;q++)v[gy[q]]=ys[i];" +
                  "for(a=0;a<nl;a++)exante(u,4*a,v,w,2*a);" : "") +
    "for(a=0;a<nl;a++){for(b=0;b<nl;b++){if(b!==a&&dom(w," + step + "*b,w," + step + "*a,tol)){ef[lives[lb+a]*" + (n * n) + "+cell]=0;break;}}}}};";
  var unit = null;
  try { unit = new Function(src)(); } catch (e) { COMPILE = false; }
  return keepUnit(key, unit);
}

// The region map: ex[c * n * n + i * n + j] (row i = ys[i], bottom first)
// is 1 where class c is a PBE, ef the same for PBE-ER.  `into`
// ({exists, efficient}: Uint8Arrays of 48 n n) receives the map when given.
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
  var v = vector(values), N = n * n, view = viewOf(gx, gy), c, a, b, i, j, m, cell;
  function setCell(i, j) {
    for (var q = 0; q < gx.length; q++) v[gx[q]] = xs[j];
    for (q = 0; q < gy.length; q++) v[gy[q]] = ys[i];
  }
  var ex = into ? into.exists : buffer("ex", Uint8Array, NC * N), ef = into ? into.efficient : buffer("ef", Uint8Array, NC * N);
  var count = buffer("count", Uint8Array, N), lives = buffer("lives", Uint8Array, NC * N);  // the classes at a cell, in order
  ex.fill(0, 0, NC * N); ef.fill(0, 0, NC * N); count.fill(0, 0, N);
  var unit = COMPILE ? unitOf(view, offpath, n, function () { return passRates(v, gx, gy, xs, ys, n, tol); }) : null;
  var conds = DATA.conditions[offpath];
  var S = buffer("S", Float64Array, NG), RX = view.xn.length, RY = view.yn.length;
  var X = buffer("X", Float64Array, Math.max(1, n * RX)), Y = buffer("Y", Float64Array, Math.max(1, n * RY));
  if (unit) {
    evalGraph(v, S);
    unit.tx(X, S, xs); unit.ty(Y, S, ys);
    var NA = DATA.atoms.length, C = buffer("C", Uint8Array, NA), T = buffer("T", Uint8Array, NA * n);
    var done = buffer("done", Uint8Array, NA), colm = buffer("colm", Uint8Array, n), rowm = buffer("rowm", Uint8Array, n);
    done.fill(0);
    var atomTest = function (a) {  // C[a], or T[a * n + m] for a one-axis atom
      if (done[a]) return;
      done[a] = 1;
      var root = GRAPH.atoms[a], k = view.kind[root], strict = DATA.atoms[a][0] === 1, val;
      if (k === 0) { val = S[root]; C[a] = (strict ? val > tol : val >= -tol) ? 1 : 0; return; }
      if (k === 3) return;
      var Tb = k === 1 ? X : Y, R = k === 1 ? RX : RY, s = view.slot[root];
      for (var q = 0; q < n; q++) { val = Tb[q * R + s]; T[a * n + q] = (strict ? val > tol : val >= -tol) ? 1 : 0; }
    };
    var prepare = function (t) {
      if (t.k >= 0 && t.k < 3) atomTest(t.a);
      else if (t.k >= 4) t.kids.forEach(prepare);
    };
    for (c = 0; c < NC; c++) {
      var plan = unit.plans[c], top = plan.k === 4 ? plan.kids : [plan], skip = false;
      prepare(plan);
      colm.fill(1, 0, n); rowm.fill(1, 0, n);
      for (m = 0; m < top.length && !skip; m++) {
        var t = top[m];
        if (t.k === -1) skip = !t.value;
        else if (t.k === 0) skip = C[t.a] !== 1;
        else if (t.k === 1 || t.k === 2) {
          var mask = t.k === 1 ? colm : rowm, off = t.a * n;
          for (var q = 0; q < n; q++) mask[q] &= T[off + q];
        }
      }
      if (skip) continue;
      var fc = unit.classes[c];
      for (i = 0; i < n; i++) if (rowm[i] === 1) fc(i, X, Y, S, T, C, tol, colm, ex, ef, lives, count);
    }
  } else {  // the printed functions, cell by cell
    for (i = 0; i < n; i++) for (j = 0; j < n; j++) {
      setCell(i, j); cell = i * n + j;
      for (c = 0; c < NC; c++) if (evalTree(conds[c], v, tol)) {
        ex[c * N + cell] = 1; ef[c * N + cell] = 1; lives[cell * NC + count[cell]++] = c;
      }
    }
  }
  if (dominance !== "none") {
    var exante = dominance === "ex-ante", step = exante ? 2 : 4;
    var u = buffer("pay", Float64Array, 4 * NC), w = exante ? buffer("exante", Float64Array, 2 * NC) : u;
    var refineCells = unit ? refineUnit(view, n, dominance) : null;
    if (refineCells) for (i = 0; i < n; i++) refineCells(i, count, lives, ef, X, Y, S, u, w, v, gx, gy, xs, ys, tol, dom, exante ? EXANTE : null);
    else for (cell = 0; cell < N; cell++) {  // the printed functions, cell by cell
      var nl = count[cell];
      if (nl < 2) continue;
      var lb = cell * NC, ci = (cell / n) | 0;
      setCell(ci, cell - ci * n);
      for (a = 0; a < nl; a++) u.set(PAYOFFS[lives[lb + a]](v), 4 * a);
      if (exante) for (a = 0; a < nl; a++) EXANTE(u, 4 * a, v, w, 2 * a);
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
  compiling: function (on) { if (on !== undefined) { COMPILE = !!on && typeof Function === "function"; views = {}; units = {}; unitKeys = []; } return COMPILE; },
  pyRepr: pyRepr, checkValue: checkValue, problems: problems,
  axisParameters: axisParameters, centres: centres, classesAt: classesAt,
  computeMap: computeMap, evalTree: evalTree};
