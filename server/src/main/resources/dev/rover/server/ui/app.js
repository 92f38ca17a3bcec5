// Rover's web UI: plain JavaScript over the /v1 API, no build step. Hash routes:
// #/ runs list, #/runs/<id> one run, #/workflows, #/credentials.
"use strict";

const TERMINAL = ["completed", "failed", "terminated", "canceled", "timed_out"];
const STATUSES = ["created", "queued", "running"].concat(TERMINAL);
const view = document.getElementById("view");
let timer = null;
let config = { key_required: false };
const state = { page: 1, pageSize: 20, status: "", runType: "", search: "" };

function key() { return localStorage.getItem("rover_api_key") || ""; }

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  if (key()) opts.headers["x-api-key"] = key();
  if (opts.body && typeof opts.body !== "string") {
    opts.body = JSON.stringify(opts.body);
    opts.headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path, opts);
  if (response.status === 401) { askForKey(); throw new Error("the API key is missing or wrong"); }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && body.detail;
    const text = Array.isArray(detail) ? detail.map(d => (d.loc || []).join(".") + ": " + d.msg).join("; ") : detail;
    throw new Error(text || ("HTTP " + response.status));
  }
  return body;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function statusBadge(s) { return el("span", { class: "status " + s, "data-status": s }, s); }
function when(iso) { return iso ? new Date(iso).toLocaleString() : "—"; }
function took(ms) {
  if (ms === null || ms === undefined) return "";
  if (ms < 1000) return ms + " ms";
  const s = ms / 1000;
  return s < 60 ? s.toFixed(1) + " s" : Math.floor(s / 60) + " min " + Math.round(s % 60) + " s";
}
function between(a, b) { return a && b ? took(new Date(b) - new Date(a)) : ""; }
function json(value) { return el("pre", {}, JSON.stringify(value, null, 2)); }
function stop() { if (timer) { clearTimeout(timer); timer = null; } }
function show(...nodes) { view.replaceChildren(...nodes.flat(2).filter(n => n !== null && n !== undefined && n !== false)); }
function fail(e) { show(el("p", { class: "error", role: "alert" }, e.message)); }

function askForKey() {
  stop();
  const form = document.getElementById("key-form").content.cloneNode(true);
  show(form);
  document.getElementById("key").addEventListener("submit", ev => {
    ev.preventDefault();
    const value = document.getElementById("key-input").value;
    localStorage.setItem("rover_api_key", value);
    document.cookie = "rover_api_key=" + encodeURIComponent(value) + "; path=/; SameSite=Strict";
    route();
  });
}

// ---- runs list ----
function runsPage() {
  const filters = el("form", { class: "filters", id: "filters", onsubmit: ev => { ev.preventDefault(); } },
    el("div", {}, el("label", { for: "f-status" }, "Status"),
      el("select", { id: "f-status", onchange: ev => { state.status = ev.target.value; state.page = 1; refreshRuns(); } },
        el("option", { value: "" }, "any"), STATUSES.map(s => el("option", { value: s, selected: state.status === s }, s)))),
    el("div", {}, el("label", { for: "f-type" }, "Type"),
      el("select", { id: "f-type", onchange: ev => { state.runType = ev.target.value; state.page = 1; refreshRuns(); } },
        el("option", { value: "" }, "any"), el("option", { value: "task_v1", selected: state.runType === "task_v1" }, "task"),
        el("option", { value: "workflow_run", selected: state.runType === "workflow_run" }, "workflow"))),
    el("div", {}, el("label", { for: "f-search" }, "Search"),
      el("input", { id: "f-search", type: "search", value: state.search, placeholder: "id or title",
        oninput: ev => { state.search = ev.target.value; state.page = 1; refreshRuns(); } })));
  const table = el("table", { id: "runs" }, el("thead", {}, el("tr", {},
    ["Run", "Status", "Title", "Created", "Duration", "Steps"].map(h => el("th", {}, h)))), el("tbody", {}));
  const pager = el("div", { class: "pager" },
    el("button", { class: "secondary", id: "prev", onclick: () => { state.page--; refreshRuns(); } }, "Previous"),
    el("span", { id: "page" }), el("button", { class: "secondary", id: "next", onclick: () => { state.page++; refreshRuns(); } }, "Next"));
  show(el("h1", {}, "Runs"), filters, table, pager);
  refreshRuns();
}

async function refreshRuns() {
  stop();
  const q = new URLSearchParams({ page: state.page, page_size: state.pageSize });
  if (state.status) q.append("status", state.status);
  if (state.runType) q.append("run_type", state.runType);
  if (state.search) q.append("search_key", state.search);
  try {
    const runs = await api("/v1/runs?" + q);
    const body = document.querySelector("#runs tbody");
    if (!body) return;
    body.replaceChildren(...(runs.length ? runs.map(r => el("tr", { "data-run": r.run_id },
      el("td", {}, el("a", { href: "#/runs/" + r.run_id }, r.run_id)),
      el("td", {}, statusBadge(r.status)),
      el("td", {}, r.title || ""),
      el("td", {}, when(r.created_at)),
      el("td", {}, between(r.started_at, r.finished_at)),
      el("td", {}, r.step_count))) : [el("tr", {}, el("td", { colspan: 6, class: "muted" }, "No runs match."))]));
    document.getElementById("page").textContent = "Page " + state.page;
    document.getElementById("prev").disabled = state.page <= 1;
    document.getElementById("next").disabled = runs.length < state.pageSize;
  } catch (e) {
    if (!document.getElementById("key")) fail(e);
    return;
  }
  timer = setTimeout(refreshRuns, 1000);
}

// ---- one run ----
async function runPage(id) {
  stop();
  try {
    const [run, timeline, artifacts] = await Promise.all([
      api("/v1/runs/" + id), api("/v1/runs/" + id + "/timeline"), api("/v1/runs/" + id + "/artifacts")]);
    renderRun(run, timeline, artifacts);
    if (!TERMINAL.includes(run.status)) timer = setTimeout(() => runPage(id), 1000);
  } catch (e) { fail(e); }
}

function referenced(nodes, into) {
  for (const n of nodes) {
    (details(n).artifacts || []).forEach(a => into.add(a.artifact_id));
    referenced(n.children || [], into);
  }
  return into;
}

function looseShots(images, title) {
  return images.length ? el("div", { class: "step" }, el("div", { class: "muted" }, title),
    el("div", { class: "shots" }, images.map(a => el("a", { href: a.signed_url, target: "_blank" },
      el("img", { src: "/v1/artifacts/" + a.artifact_id + "/content", alt: a.artifact_type, loading: "lazy" }))))) : null;
}

function renderRun(run, timeline, artifacts) {
  const byId = new Map(artifacts.map(a => [a.artifact_id, a]));
  const used = referenced(timeline, new Set());
  // screenshots no timeline node names (the block's final page, ...) are shown with their block, or for the whole run
  const unlinked = artifacts.filter(a => !used.has(a.artifact_id) && (a.content_type || "").startsWith("image/"));
  byId.unlinked = label => unlinked.filter(a => a.workflow_run_block_id === label);
  const canCancel = !TERMINAL.includes(run.status);
  const head = el("div", { class: "card" },
    el("h1", {}, run.title || run.run_id, " ", statusBadge(run.status)),
    el("dl", { class: "grid" },
      el("dt", {}, "Run"), el("dd", {}, run.run_id),
      el("dt", {}, "Type"), el("dd", {}, run.run_type),
      el("dt", {}, "Created"), el("dd", {}, when(run.created_at)),
      el("dt", {}, "Started"), el("dd", {}, when(run.started_at)),
      el("dt", {}, "Finished"), el("dd", {}, when(run.finished_at), " ", el("span", { class: "muted" }, between(run.started_at, run.finished_at))),
      el("dt", {}, "Steps"), el("dd", {}, run.step_count)),
    canCancel ? el("p", {}, el("button", { class: "secondary", id: "cancel", onclick: async () => {
      await api("/v1/runs/" + run.run_id + "/cancel", { method: "POST" }); runPage(run.run_id); } }, "Cancel run")) : null);
  const failure = run.failure_reason ? el("div", { class: "failure", id: "failure" }, el("strong", {}, "Why it did not complete: "), run.failure_reason) : null;
  const files = (run.downloaded_files || []).map(f => el("a", { href: f.url, download: f.filename }, "⤓ " + f.filename));
  const links = el("div", { class: "card links", id: "artifacts" }, el("h2", {}, "Artifacts"),
    artifacts.length ? artifacts.map(a => el("div", {}, el("a", { href: "/v1/artifacts/" + a.artifact_id + "/content", target: "_blank" },
      a.artifact_type + (a.workflow_run_block_id ? " · " + a.workflow_run_block_id : "") + (a.step_id ? " · " + a.step_id : "")),
      el("span", { class: "muted" }, " " + a.content_type + ", " + a.file_size + " bytes"))) : el("p", { class: "muted" }, "None yet."),
    files.length ? [el("h2", {}, "Downloads"), ...files] : null);
  show(head, failure,
    el("div", { class: "card" }, el("h2", {}, "Parameters"), json(run.run_request ? run.run_request.parameters : {}),
      el("h2", {}, "Output"), json(run.output)),
    el("h2", {}, "Timeline"), el("div", { id: "timeline" }, timeline.length ? timeline.map(n => node(n, byId)) : el("p", { class: "muted" }, "Nothing recorded yet."),
      looseShots(unlinked.filter(a => !a.workflow_run_block_id || !timeline.some(n => details(n).label === a.workflow_run_block_id)), "Screenshots of the run")),
    links);
}

function details(n) { return n.block || n.step || n.action || n.thought || {}; }

// marks: highlights of the actions the screenshot was taken after, in percent of the viewport or screen they were measured in
function shots(d, byId, marks = []) {
  const images = (d.artifacts || []).map(a => byId.get(a.artifact_id)).filter(a => a && (a.content_type || "").startsWith("image/"));
  return images.length ? el("div", { class: "shots" }, images.map(a => el("a", { href: a.signed_url, target: "_blank", class: "marked" },
    el("img", { src: "/v1/artifacts/" + a.artifact_id + "/content", alt: a.artifact_type + " " + (a.step_id || ""), loading: "lazy" }),
    marks.map(m => el("span", { class: "highlight " + m.kind, title: m.title, style: m.style }))))) : null;
}

// where an action acted: the element's box (x, y, width, height in its viewport) or a computer-use point (x, y on its screen)
function mark(d) {
  const o = d.output || {}, b = o.box, pct = v => (100 * v).toFixed(2) + "%";
  if (b && b.viewport_width > 0 && b.viewport_height > 0) {
    return { kind: "box", title: d.label + ": element at (" + Math.round(b.x) + "," + Math.round(b.y) + ")",
      style: "left:" + pct(b.x / b.viewport_width) + ";top:" + pct(b.y / b.viewport_height)
        + ";width:" + pct(b.width / b.viewport_width) + ";height:" + pct(b.height / b.viewport_height) };
  }
  if (typeof o.x === "number" && typeof o.y === "number" && o.screen_width > 0 && o.screen_height > 0) {
    return { kind: "point", title: d.label + " at (" + o.x + "," + o.y + ")",
      style: "left:" + pct((o.x + 0.5) / o.screen_width) + ";top:" + pct((o.y + 0.5) / o.screen_height) };
  }
  return null;
}

// a step's one screenshot comes after its last action: it carries the highlights of the actions up to it
function stepActions(children, byId) {
  let marks = [];
  return children.map(c => {
    if (c.type !== "action") return node(c, byId);
    const m = mark(details(c));
    if (m) marks = marks.concat([m]);
    const out = node(c, byId, marks);
    if ((details(c).artifacts || []).length) marks = [];
    return out;
  });
}

function others(d, byId) {
  const rest = (d.artifacts || []).map(a => byId.get(a.artifact_id)).filter(a => a && !(a.content_type || "").startsWith("image/"));
  return rest.length ? el("div", { class: "links" }, rest.map(a => el("a", { href: "/v1/artifacts/" + a.artifact_id + "/content", target: "_blank" }, a.artifact_type))) : null;
}

function node(n, byId, marks) {
  const d = details(n);
  if (n.type === "block") {
    return el("section", { class: "block", "data-block": d.label },
      el("div", { class: "head" }, el("strong", {}, d.label), statusBadge(d.status || "running"), el("span", { class: "muted" }, took(d.duration_ms))),
      d.failure_reason ? el("div", { class: "step error" }, d.failure_reason) : null,
      shots(d, byId), n.children.map(c => node(c, byId)), looseShots(byId.unlinked(d.label), "Screenshots"),
      d.output !== null && d.output !== undefined ? el("div", { class: "step" }, el("div", { class: "muted" }, "Output"), json(d.output)) : null);
  }
  if (n.type === "step") {
    return el("div", { class: "step" }, el("div", {}, el("strong", {}, d.label), " ", statusBadge(d.status || "running"), " ",
      el("span", { class: "muted" }, took(d.duration_ms))), d.reasoning ? el("div", { class: "reasoning" }, d.reasoning) : null,
      shots(d, byId), others(d, byId), stepActions(n.children, byId));
  }
  if (n.type === "thought") {
    return el("div", { class: "action" }, el("div", { class: "text reasoning" }, "Thought: " + (d.reasoning || d.label || "")));
  }
  return el("div", { class: "action", "data-action": d.label },
    el("div", { class: "text" }, el("strong", {}, d.label), " ", statusBadge(d.status || ""),
      d.reasoning ? el("div", { class: "reasoning" }, d.reasoning) : null,
      d.failure_reason ? el("div", { class: "error" }, d.failure_reason) : null,
      d.output ? el("div", { class: "muted" }, Object.entries(d.output).map(([k, v]) => k + ": " + (typeof v === "object" ? JSON.stringify(v) : v)).join(" · ")) : null),
    shots(d, byId, marks || [mark(d)].filter(Boolean)));
}

// ---- workflows ----
async function workflowsPage() {
  stop();
  try {
    const workflows = await api("/v1/workflows");
    show(el("h1", {}, "Workflows"), workflows.length ? workflows.map(workflowCard)
      : el("p", { class: "muted" }, "No stored workflows. Create one with POST /v1/workflows."));
  } catch (e) { fail(e); }
}

function workflowCard(w) {
  const params = w.parameters.filter(p => p.parameter_type === "workflow");
  const form = el("form", { class: "run-form", "data-workflow": w.workflow_permanent_id, onsubmit: async ev => {
    ev.preventDefault();
    const values = {};
    const error = form.querySelector(".error");
    try {
      for (const p of params) {
        const raw = form.querySelector("[name='" + p.key + "']").value;
        if (raw === "") continue;
        values[p.key] = ["json", "integer", "float", "boolean"].includes(p.workflow_parameter_type) ? JSON.parse(raw) : raw;
      }
      const run = await api("/v1/run/workflows", { method: "POST", body: { workflow_id: w.workflow_permanent_id, parameters: values } });
      location.hash = "#/runs/" + run.run_id;
    } catch (e) { error.textContent = e.message; }
  } },
    el("div", { class: "params" }, params.map(p => el("div", {},
      el("label", { for: "p-" + w.workflow_permanent_id + "-" + p.key }, p.key + " (" + p.workflow_parameter_type + ")"),
      el("input", { id: "p-" + w.workflow_permanent_id + "-" + p.key, name: p.key, placeholder: p.description || "",
        value: p.default_value === null || p.default_value === undefined ? "" : (typeof p.default_value === "object" ? JSON.stringify(p.default_value) : p.default_value) })))),
    el("button", { type: "submit" }, "Run"), " ", el("span", { class: "error", role: "alert" }));
  return el("section", { class: "card workflow" }, el("h2", {}, w.title || w.workflow_permanent_id),
    el("p", { class: "muted" }, w.workflow_permanent_id + " · version " + w.version + (w.description ? " · " + w.description : "")), form);
}

// ---- credentials ----
async function credentialsPage() {
  stop();
  try {
    const credentials = await api("/v1/credentials");
    show(el("h1", {}, "Credentials"), el("table", { id: "credentials" },
      el("thead", {}, el("tr", {}, ["Name", "Type", "Origins", "Id"].map(h => el("th", {}, h)))),
      el("tbody", {}, credentials.length ? credentials.map(c => el("tr", {}, el("td", {}, c.name), el("td", {}, c.credential_type),
        el("td", {}, (c.origins || []).join(", ") || el("span", { class: "muted" }, "bound on first use")), el("td", { class: "muted" }, c.credential_id)))
        : el("tr", {}, el("td", { colspan: 4, class: "muted" }, "No credentials stored.")))));
  } catch (e) { fail(e); }
}

function route() {
  stop();
  const hash = location.hash || "#/";
  const section = hash.startsWith("#/workflows") ? "workflows" : hash.startsWith("#/credentials") ? "credentials" : "runs";
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.nav === section));
  if (config.key_required && !key()) { askForKey(); return; }
  const run = hash.match(/^#\/runs\/([A-Za-z0-9_]+)/);
  if (run) runPage(run[1]);
  else if (section === "workflows") workflowsPage();
  else if (section === "credentials") credentialsPage();
  else runsPage();
}

window.addEventListener("hashchange", route);
fetch("/ui/config.json").then(r => r.json()).then(c => {
  config = c;
  document.getElementById("version").textContent = "v" + c.version;
}).catch(() => {}).finally(route);
