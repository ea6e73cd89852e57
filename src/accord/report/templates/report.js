// Accord report: renders the embedded data with DOM text nodes only (no innerHTML with data).
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("accord-data").textContent);
  const byId = (id) => document.getElementById(id);
  const names = D.names || {};
  const articles = Object.fromEntries(D.articles.map((a) => [a.article_id, a]));

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const body = (id) => byId(id).querySelector(".body");
  const actorName = (id) => (id ? (names[id] || id) : "");
  const ref = (r) => (r ? (r.actor_id ? `${r.text} [${actorName(r.actor_id)}]` : r.text) : "");
  const clip = (s, n) => { s = (s || "").replace(/\s+/g, " ").trim(); return s.length > n ? s.slice(0, n - 1) + "…" : s; };
  const evidence = (rec) => (articles[rec.article_id] ? articles[rec.article_id].text.slice(rec.start, rec.end) : "");

  function table(headers, rows, emptyText) {
    if (!rows.length) return el("p", { class: "muted" }, emptyText || "Nothing found.");
    const t = el("table", {}, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", {}, h)))));
    const tb = el("tbody");
    for (const r of rows) tb.append(el("tr", {}, ...r.map((c) => (c instanceof Node ? el("td", {}, c) : el("td", {}, c)))));
    t.append(tb);
    return t;
  }
  function evLink(rec, kind, label) {
    return el("a", { class: "ev", "data-kind": kind, on: { click: () => showArticle(rec.article_id, kind, rec) } },
      label || "evidence");
  }

  // ---- filters ------------------------------------------------------------------------------
  const F = { actor: "", issue: "", type: "", from: "", to: "", speaker: "", outlet: "" };
  function fill(select, values) {
    for (const [v, label] of values) select.append(el("option", { value: v }, label));
  }
  const actorIds = [...new Set([
    ...D.quotes.map((q) => q.speaker && q.speaker.actor_id),
    ...D.events.flatMap((e) => [e.source && e.source.actor_id, ...(e.targets || []).map((t) => t.actor_id)]),
    ...D.positions.map((p) => p.actor_id)].filter(Boolean))].sort();
  fill(byId("f-actor"), actorIds.map((a) => [a, actorName(a)]));
  fill(byId("f-issue"), D.issues.map((i) => [i.issue_id, i.label]));
  fill(byId("f-type"), [...new Set(D.events.map((e) => e.type))].sort().map((t) => [t, t]));
  fill(byId("f-speaker"), [...new Set(D.quotes.map((q) => q.speaker && q.speaker.actor_id).filter(Boolean))].sort()
    .map((a) => [a, actorName(a)]));
  fill(byId("f-outlet"), [...new Set(D.quotes.map((q) => q.outlet).filter(Boolean))].sort().map((o) => [o, o]));
  fill(byId("f-article"), D.articles.map((a) => [a.article_id, `${a.published || "?"} · ${clip(a.title || a.text, 70)}`]));
  for (const k of ["actor", "issue", "type", "from", "to", "speaker", "outlet"]) {
    byId("f-" + k).addEventListener("change", (ev) => { F[k] = ev.target.value; renderAll(); });
  }
  byId("f-article").addEventListener("change", (ev) => showArticle(ev.target.value));

  const day = (rec) => (articles[rec.article_id] || {}).published || "";
  const inDates = (d) => (!F.from || (d && d >= F.from)) && (!F.to || (d && d <= F.to));
  const involves = (e, a) => !a || (e.source && e.source.actor_id === a) || (e.targets || []).some((t) => t.actor_id === a);

  // ---- sections -----------------------------------------------------------------------------
  function overview() {
    const o = D.overview, b = body("overview");
    b.replaceChildren(
      table(["record", "count"], Object.entries(o.counts).map(([k, v]) => [k, v])),
      el("p", {}, `Dates: ${o.first_date || "?"} to ${o.last_date || "?"}. Distinct reports: ${o.distinct_reports}.`),
      el("p", {}, "Outlets: " + (o.outlets.map(([n, c]) => `${n} (${c})`).join(", ") || "none recorded")));
  }

  function quotes() {
    const rows = D.quotes.filter((q) => (!F.speaker || (q.speaker && q.speaker.actor_id === F.speaker))
      && (!F.actor || (q.speaker && q.speaker.actor_id === F.actor))
      && (!F.outlet || q.outlet === F.outlet) && inDates(day(q)))
      .map((q) => [ref(q.speaker), q.cue ? q.cue.text : "", q.outlet || "", q.type, clip(evidence(q), 160),
        evLink(q, "quote", "show")]);
    body("quotes").replaceChildren(table(["speaker", "cue", "outlet", "type", "content", ""], rows, "No quotes."));
  }

  function events() {
    const rows = D.events.filter((e) => (!F.type || e.type === F.type) && involves(e, F.actor) && inDates(e.day))
      .map((e) => [e.day || "", e.type, e.cameo || "", ref(e.source), (e.targets || []).map(ref).join("; "),
        (e.negated ? "NOT " : "") + e.modality, clip(evidence(e), 120), evLink(e, "event", "show")]);
    body("events").replaceChildren(table(["date", "type", "CAMEO", "source", "targets", "modality", "evidence", ""],
      rows, "No events."));
    const t = body("timeline");
    const counts = {};
    for (const e of D.events) counts[e.side] = (counts[e.side] || 0) + 1;
    t.replaceChildren(el("p", { class: "muted" },
      `cooperation events: ${counts.cooperation || 0}, conflict events: ${counts.conflict || 0}`));
  }

  function positions() {
    const ps = D.positions.filter((p) => (!F.actor || p.actor_id === F.actor) && inDates(day(p)));
    const held = new Set(ps.map((p) => p.issue_id));
    const issues = D.issues.filter((i) => (!F.issue || i.issue_id === F.issue) && held.has(i.issue_id));
    const actors = [...new Set(ps.map((p) => p.actor_id))].sort();
    const b = body("positions");
    if (!issues.length || !ps.length) { b.replaceChildren(el("p", { class: "muted" }, "No positions.")); return; }
    const head = el("tr", {}, el("th", {}, "issue (0 ↔ 100)"), ...actors.map((a) => el("th", {}, actorName(a))));
    const tb = el("tbody");
    for (const i of issues) {
      const tr = el("tr", {}, el("td", {}, el("b", {}, i.label), el("br"),
        el("span", { class: "muted" }, `${i.low || "0"} ↔ ${i.high || "100"}`)));
      for (const a of actors) {
        const here = ps.filter((p) => p.issue_id === i.issue_id && p.actor_id === a);
        const td = el("td");
        for (const p of here) {
          const v = p.value === null || p.value === undefined ? "?" : Math.round(p.value);
          const hue = p.value === null || p.value === undefined ? "#eee" : `hsl(${210 - 2 * p.value},60%,85%)`;
          const cell = el("span", { class: "cell", style: `background:${hue}`,
            title: `${p.stance}; salience ${p.salience ?? "?"}${p.reported_by ? "; reported by " + actorName(p.reported_by) : ""}` }, v);
          td.append(cell, " ", el("span", { class: "muted" }, p.stance), " ", evLink(p, "position", "ev"), el("br"));
        }
        tr.append(td);
      }
      tb.append(tr);
    }
    b.replaceChildren(el("div", { class: "scroll" }, el("table", {}, el("thead", {}, head), tb)));
    const listed = ps.filter((p) => !F.issue || p.issue_id === F.issue).map((p) => [p.issue_id, actorName(p.actor_id),
      p.stance, p.value === null ? "" : Math.round(p.value), p.salience ?? "", actorName(p.reported_by),
      clip(evidence(p), 110), evLink(p, "position", "show")]);
    b.append(el("h3", {}, "Evidence"), table(["issue", "actor", "stance", "value", "salience", "reported by", "evidence", ""], listed));
  }

  function prospects() {
    const rows = D.assessments.filter((a) => (!F.actor || (a.holder && a.holder.actor_id === F.actor)) && inDates(day(a)))
      .map((a) => [day(a), ref(a.holder), el("span", { class: a.polarity >= 0 ? "pos" : "neg" }, a.polarity.toFixed(2)),
        a.cue ? a.cue.text : "", a.negated ? "negated" : "", actorName(a.reported_by), clip(evidence(a), 110),
        evLink(a, "assessment", "show")]);
    body("prospects").replaceChildren(table(["date", "holder", "polarity", "cue", "", "reported by", "evidence", ""],
      rows, "No assessments."));
  }

  function contradictions() {
    const b = body("contradictions");
    const cs = D.contradictions.filter((c) => !F.actor || (c.actors || []).includes(F.actor));
    if (!cs.length) { b.replaceChildren(el("p", { class: "muted" }, "No contradictions.")); return; }
    b.replaceChildren(...cs.map((c) => el("div", { class: "contradiction" },
      el("h3", {}, `${c.kind}: ${(c.actors || []).map(actorName).join(" vs ")}`),
      el("div", { class: "pair" },
        el("blockquote", {}, c.a_text, " ", evLink({ article_id: c.a_article_id, start: c.a_start, end: c.a_end }, "contradiction", "show")),
        el("blockquote", {}, c.b_text, " ", evLink({ article_id: c.b_article_id, start: c.b_start, end: c.b_end }, "contradiction", "show"))),
      c.explanation ? el("p", { class: "muted" }, c.explanation) : null)));
  }

  function network() {
    const b = body("network"), net = D.network;
    if (!net.nodes.length) { b.replaceChildren(el("p", { class: "muted" }, "No actor-to-actor events.")); return; }
    const NS = "http://www.w3.org/2000/svg", W = 720, H = 460, R = 180;
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`); svg.setAttribute("width", "100%"); svg.setAttribute("role", "img");
    const pos = {};
    net.nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / net.nodes.length;
      pos[n.id] = [W / 2 + R * Math.cos(a), H / 2 + R * Math.sin(a)];
    });
    const edges = net.edges.filter((e) => !F.actor || e.source === F.actor || e.target === F.actor);
    for (const e of edges) {
      const line = document.createElementNS(NS, "line");
      const [x1, y1] = pos[e.source], [x2, y2] = pos[e.target];
      Object.entries({ x1, y1, x2, y2, "stroke-width": Math.min(1 + e.weight, 8), "stroke-opacity": 0.6,
        stroke: e.cooperation >= 0.5 ? "#2b8a3e" : "#c92a2a" }).forEach(([k, v]) => line.setAttribute(k, v));
      const t = document.createElementNS(NS, "title");
      t.textContent = `${actorName(e.source)} → ${actorName(e.target)}: ${e.weight} events, ${Math.round(100 * e.cooperation)}% cooperation`;
      line.append(t); svg.append(line);
    }
    for (const n of net.nodes) {
      const g = document.createElementNS(NS, "g");
      const c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", pos[n.id][0]); c.setAttribute("cy", pos[n.id][1]); c.setAttribute("r", 5 + Math.min(n.degree, 15));
      c.setAttribute("fill", "#1f3b57");
      const label = document.createElementNS(NS, "text");
      label.setAttribute("x", pos[n.id][0] + 8); label.setAttribute("y", pos[n.id][1] - 8); label.setAttribute("font-size", "12");
      label.textContent = n.name;
      g.append(c, label); svg.append(g);
    }
    b.replaceChildren(svg, el("p", { class: "muted" }, "Edge width: events; green: mostly cooperation, red: mostly conflict."));
  }

  function forecast() {
    const b = body("forecast"), fc = D.forecast;
    if (!fc) { b.replaceChildren(el("p", { class: "muted" }, "No forecast (no positions to model).")); return; }
    if (fc.error) { b.replaceChildren(el("p", { class: "muted" }, "Forecast not available: " + fc.error)); return; }
    const rows = (fc.outcomes || []).map((r) => [r.issue, r.model, r.outcome.toFixed(1), `${r.low.toFixed(1)} – ${r.high.toFixed(1)}`]);
    const zrows = [];
    for (const [neg, per] of Object.entries(fc.zopa || {})) {
      for (const [issue, p] of Object.entries(per || {})) zrows.push([neg, issue, p === null ? "" : p.toFixed(2)]);
    }
    b.replaceChildren(
      el("h3", {}, "Issues that block a deal"),
      (fc.blocking || []).length ? el("ul", {}, ...fc.blocking.map((x) => el("li", {}, String(x))))
        : el("p", { class: "muted" }, "None: every issue has a zone of agreement more likely than not."),
      el("h3", {}, "Probability that a zone of agreement exists"),
      table(["negotiation", "issue", "P"], zrows, "No Monte Carlo run."),
      el("h3", {}, "Outcomes"),
      table(["issue", "model", "outcome", "90% interval"], rows));
  }

  // ---- article view with highlighted evidence ---------------------------------------------
  function spansFor(aid) {
    const s = [];
    const add = (list, kind) => list.filter((r) => r.article_id === aid).forEach((r) => s.push({ start: r.start, end: r.end, kind, rec: r }));
    add(D.quotes, "quote"); add(D.events, "event"); add(D.positions, "position"); add(D.assessments, "assessment");
    return s;
  }
  function showArticle(aid, focusKind, focusRec) {
    const a = articles[aid];
    if (!a) return;
    byId("f-article").value = aid;
    const pre = byId("article-text"), text = a.text;
    // Character boundaries where highlighting changes; each piece is a text node inside marks.
    const spans = spansFor(aid);
    if (focusRec) spans.push({ start: focusRec.start, end: focusRec.end, kind: "focus", rec: focusRec });
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
    const points = [...cuts].sort((x, y) => x - y);
    pre.replaceChildren();
    let focusNode = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const lo = points[i], hi = points[i + 1];
      let node = document.createTextNode(text.slice(lo, hi));
      const covering = spans.filter((s) => s.start <= lo && s.end >= hi);
      // innermost span (shortest) decides the colour; the focus span gets an outline
      covering.sort((x, y) => (y.end - y.start) - (x.end - x.start));
      for (const s of covering) {
        const m = document.createElement("mark");
        m.className = s.kind === "focus" ? "focus" : s.kind;
        m.setAttribute("data-kind", s.kind);
        m.append(node); node = m;
        if (s.kind === "focus" && !focusNode) focusNode = m;
      }
      pre.append(node);
    }
    const heading = byId("article").querySelector("h2");
    heading.textContent = "Article: " + (a.title || a.article_id) + (a.outlet ? " — " + a.outlet : "");
    if (focusNode) { focusNode.id = "focus"; focusNode.scrollIntoView({ block: "center" }); }
  }

  // ---- charts -------------------------------------------------------------------------------
  function charts() {
    const opts = { actions: false, renderer: "svg" };
    for (const [name, spec] of Object.entries(D.charts || {})) {
      const target = byId("chart-" + name);
      if (!target) continue;
      if (!spec) { target.replaceChildren(); continue; }
      window.vegaEmbed(target, spec, opts).catch((e) => target.replaceChildren(el("p", { class: "muted" }, "chart: " + e.message)));
    }
  }

  // ---- web UI only: full-text search through the API ----------------------------------------
  if (window.ACCORD_API && byId("f-search")) {
    let timer = null;
    byId("f-search").addEventListener("input", (ev) => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = ev.target.value.trim();
        const target = body("search");
        if (q.length < 2) { target.replaceChildren(el("p", { class: "muted" }, "Type in the search box.")); return; }
        const res = await fetch("/api/search?q=" + encodeURIComponent(q));
        const hits = res.ok ? await res.json() : [];
        target.replaceChildren(table(["kind", "article", "text", ""], hits.map((h) => [h.kind, h.title || h.article_id,
          clip(h.text, 160), evLink(h, h.kind, "show")]), "No match."));
      }, 250);
    });
  }

  function renderAll() { overview(); quotes(); events(); positions(); prospects(); contradictions(); network(); forecast(); }
  const nav = byId("nav");
  for (const s of document.querySelectorAll("section")) nav.append(el("a", { href: "#" + s.id }, s.querySelector("h2").textContent));
  renderAll();
  charts();
  if (D.articles.length) showArticle(D.articles[0].article_id);
  document.body.setAttribute("data-ready", "1");
})();
