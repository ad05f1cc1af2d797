// The dashboard's only script. Every value from the server is placed with textContent, never parsed as markup:
// customer ids, countries, file and column names come from uploads and are untrusted.
"use strict";
const $ = id => document.getElementById(id);
const state = { view: null, page: 1, sort: "customerId", desc: false, search: "", polling: false };

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function table(target, headers, rows, numeric, rowClass) {
  target.replaceChildren();
  const head = el("tr");
  headers.forEach((h, i) => head.append(el("th", h, numeric && numeric[i] ? "num" : "")));
  target.append(head);
  rows.forEach((r, ri) => {
    const tr = el("tr", null, rowClass ? rowClass(ri) : "");
    r.forEach((v, i) => tr.append(el("td", v, numeric && numeric[i] ? "num" : "")));
    target.append(tr);
  });
}

async function call(method, url, body) {
  const response = await fetch(url, { method, body, credentials: "same-origin" });
  const data = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (response.status === 401 && url !== "/app/unlock") locked(true);
  return { ok: response.ok, data };
}

function locked(on) {
  $("lock").hidden = !on;
  document.querySelectorAll("main > section").forEach(s => { if (on) s.hidden = true; });
  if (!on) $("upload").hidden = $("runs").hidden = false;
}

function showError(message) {
  const box = $("error");
  box.hidden = !message;
  box.textContent = message || "";
}

function renderJob(job) {
  const status = $("status");
  status.replaceChildren();
  if (!job) return;
  if (job.running) {
    status.append(el("span", `${job.stage}${job.file ? " " + job.file : ""}${job.rows ? ": " + job.rows.toLocaleString("en") + " rows" : ""} `));
    const bar = el("progress");
    if (job.fraction !== null && job.fraction !== undefined) { bar.max = 1; bar.value = job.fraction; }
    status.append(bar);
  }
  if (job.state === "error") showError(job.error);
  if (job.state === "mapping") showMapping(job);
  else $("mapping").hidden = true;
  if (job.state === "done") status.append(el("span", `Segmented ${job.file}.`));
}

const roles = [
  ["customer", "Customer id", true], ["date", "Order date", true], ["invoice", "Order / invoice number", false],
  ["quantity", "Quantity", false], ["unitPrice", "Unit price", false], ["amount", "Line amount (instead of quantity x price)", false],
  ["country", "Country", false], ["description", "Description", false], ["stockCode", "Product code", false],
];

function showMapping(job) {
  showError(job.error);
  const fields = $("mapping-fields");
  fields.replaceChildren();
  roles.forEach(([name, label, required]) => {
    const row = el("div");
    const l = el("label", label + (required ? " *" : ""));
    l.htmlFor = "map-" + name;
    const select = el("select");
    select.id = "map-" + name;
    select.name = name;
    select.append(el("option", "(none)"));
    select.options[0].value = "";
    (job.header || []).forEach(h => { const o = el("option", h); o.value = h; select.append(o); });
    // What the server found by name, and the closest header for what it did not: to confirm or change.
    if (job.suggested && Object.hasOwn(job.suggested, name)) select.value = job.suggested[name];
    row.append(l, select);
    fields.append(row);
  });
  $("mapping").hidden = false;
}

function render(view) {
  state.view = Object.assign({}, state.view, view);
  const run = view.run;
  renderJob(view.job);
  for (const id of ["k", "segments", "customers"]) $(id).hidden = !run;
  if (!run) return;
  $("quality-box").hidden = false;
  table($("quality"), ["", ""], run.quality.map(q => [q.label, q.value]), [false, true]);
  $("source").textContent = `${run.source}: ${run.customers} customers, ${run.orders} orders, revenue ${run.revenue}, ${run.period}. Method: ${run.method}.`;
  const slider = $("k-slider");
  slider.min = run.kMin; slider.max = run.kMax; slider.value = run.k; slider.disabled = !run.slider;
  $("k-value").textContent = run.k;
  $("reasoning").textContent = run.reasoning;
  $("rule").textContent = `Rule: ${run.rule} The rule's k is ${run.ruleK}.`;
  table($("sweep"), ["k", "Inertia", "Silhouette", "Davies-Bouldin", "Calinski-Harabasz", "Stability"],
    run.sweep.map(s => [s.k + (s.rule ? " (rule)" : ""), s.inertia, s.silhouette, s.daviesBouldin, s.calinskiHarabasz, s.stability]),
    [false, true, true, true, true, true], i => run.sweep[i].shown ? "shown" : "");
  $("overview").textContent = run.overview;
  const valued = run.profiles.length > 0 && run.profiles[0].meanClv !== null && run.profiles[0].meanClv !== undefined;
  $("labels-note").hidden = !run.labelsNote;
  $("labels-note").textContent = run.labelsNote || "";
  $("value-reading").hidden = !run.valueReading;
  $("value-reading").textContent = run.valueReading || "";
  $("value").hidden = valued;
  $("at-risk-box").hidden = !run.atRisk;
  const atRisk = run.atRisk || [];
  $("at-risk-none").hidden = atRisk.length > 0;
  table($("at-risk"), atRisk.length ? ["Customer", "Segment", "CLV", "P(alive)", "Recency (days)", "Orders"] : [],
    atRisk.map(r => [r.customerId, r.segment, r.clv, r.pAlive, r.recency, r.frequency]), [false, false, true, true, true, true]);
  aliveLinks($("at-risk"), atRisk.map(r => r.customerId));
  $("at-risk-audience").replaceChildren(...(run.audiences && atRisk.length ? audienceButtons({ atRisk: true }, "the customers at risk") : []));
  table($("profiles"), ["Segment", "Customers", "Share", "Recency (mean / median days)", "Orders (mean / median)", "Spend (mean / median)", "Revenue share",
      ...(valued ? ["Mean CLV", "Share of CLV", "At risk"] : []), "What they are", "Action"],
    run.profiles.map(p => [p.segment, p.customers, p.share, `${p.meanRecency} / ${p.medianRecency}`, `${p.meanFrequency} / ${p.medianFrequency}`,
      `${p.meanMonetary} / ${p.medianMonetary}`, p.revenueShare, ...(valued ? [p.meanClv, p.clvShare, p.atRisk] : []), p.description, p.action]),
    [false, true, true, true, true, true, true, ...(valued ? [true, true, true] : []), false, false]);
  if (run.audiences) {
    $("profiles").querySelector("tr").append(el("th", "Audience"));
    $("profiles").querySelectorAll("tr").forEach((tr, i) => {
      if (i === 0) return;
      const cell = el("td");
      cell.append(...audienceButtons({ segment: run.profiles[i - 1].segment }, run.profiles[i - 1].segment));
      tr.append(cell);
    });
  }
  $("audience-note").hidden = !run.audiences;
  $("audience-note").textContent = run.audiences ? `The upload has contact columns (${run.audiences}): each segment can go to Klaviyo, Mailchimp, Google Customer Match or Meta (hashed) as their import file. The contacts stay in this session and in the files you download.` : "";
  const stamp = `k=${run.k}&t=${Date.now()}`;
  const sweepCharts = ["elbow", "information-criteria", "k-distance", "silhouette", "davies-bouldin", "calinski-harabasz"];
  charts($("sweep-charts"), run.charts.filter(c => sweepCharts.includes(c)), stamp);
  charts($("segment-charts"), run.charts.filter(c => !sweepCharts.includes(c)), stamp);
  loadCustomers();
}

function charts(target, ids, stamp) {
  target.replaceChildren();
  ids.forEach(id => {
    const img = el("img");
    img.alt = id;
    img.src = `/app/chart/${encodeURIComponent(id)}.png?${stamp}`;
    target.append(img);
  });
}

async function refreshView() {
  const { ok, data } = await call("GET", "/app/view");
  if (!ok) return;
  render(data);
  const job = data.job;
  if (job && job.running) {
    if (!state.polling) { state.polling = true; setTimeout(poll, 300); }
  }
}

async function poll() {
  const { data } = await call("GET", "/app/view");
  const running = data.job && data.job.running;
  if (running) { renderJob(data.job); setTimeout(poll, 300); return; }
  state.polling = false;
  state.page = 1;
  render(data);
}

function upload(file) {
  if (!file) return;
  showError("");
  // Refused here rather than by the server midway through sending it.
  const limit = state.view && state.view.maxUploadBytes;
  if (limit && file.size > limit) {
    showError(`${file.name}: the file is larger than the limit of ${Math.floor(limit / 1048576)} MB (serve --max-upload-mb)`);
    return;
  }
  const form = new FormData();
  form.append("file", file);
  const request = new XMLHttpRequest();
  request.open("POST", "/app/upload");
  request.upload.onprogress = e => {
    if (!e.lengthComputable) return;
    renderJob({ state: "uploading", running: true, stage: "Uploading", file: file.name, rows: 0, fraction: e.loaded / e.total });
  };
  request.onload = () => {
    let data;
    try { data = JSON.parse(request.responseText); } catch { data = { error: `the server answered ${request.status}` }; }
    if (data.error) { showError(data.error); return; }
    render(data);
    if (!state.polling) { state.polling = true; setTimeout(poll, 300); }
  };
  request.onerror = () => showError("the upload failed: the connection was lost");
  request.send(form);
}

async function loadCustomers() {
  const q = new URLSearchParams({ q: state.search, sort: state.sort, desc: state.desc, page: state.page, size: 25 });
  const { ok, data } = await call("GET", "/app/customers?" + q);
  if (!ok) return;
  state.page = data.page;
  const target = $("customer-table");
  const valued = data.rows.length > 0 && data.rows[0].clv !== null && data.rows[0].clv !== undefined;
  const columns = [["customerId", "Customer"], ["segment", "Segment"], ["recency", "Recency (days)"], ["frequency", "Orders"], ["monetary", "Spend"], ["country", "Country"], [null, "RFM score segment"],
    ...(valued ? [["clv", "CLV"], [null, "P(alive)"], [null, "Next purchase"]] : [])];
  table(target, columns.map(c => c[1]), data.rows.map(r => [r.customerId, r.segment, r.recency, r.frequency, r.monetary, r.country ?? "", r.rfmSegment,
    ...(valued ? [r.clv, r.pAlive, r.nextPurchase] : [])]),
    [false, false, true, true, true, false, false, true, true, true]);
  target.querySelectorAll("th").forEach((th, i) => {
    const key = columns[i][0];
    if (!key) return;
    th.classList.add("sortable");
    if (key === state.sort) th.textContent += state.desc ? " ▼" : " ▲";
    th.onclick = () => { state.desc = state.sort === key ? !state.desc : false; state.sort = key; state.page = 1; loadCustomers(); };
  });
  if (valued) aliveLinks(target, data.rows.map(r => r.customerId));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  $("page").textContent = `page ${data.page} of ${pages} (${data.total.toLocaleString("en")} customers)`;
  $("prev").disabled = data.page <= 1;
  $("next").disabled = data.page >= pages;
}

// An audience file for a segment or the customers at risk: fetched, its counts said, then saved by the browser.
function audienceButtons(who, label) {
  return ["klaviyo", "mailchimp", "google", "meta"].map(format => {
    const b = el("button", format, "audience");
    b.title = `${label} as a ${format} import file`;
    b.onclick = async () => {
      const response = await fetch("/app/audience?" + new URLSearchParams({ ...who, format, hash: format === "google" }), { credentials: "same-origin" });
      if (!response.ok) { showError((await response.json().catch(() => ({}))).error || `the server answered ${response.status}`); return; }
      const h = name => Number(response.headers.get(name) || 0).toLocaleString("en");
      $("audience-status").textContent = `${label}, ${format}: ${h("X-Audience-Exported")} of ${h("X-Audience-Customers")} customers; left out without consent ${h("X-Audience-No-Consent")}, without a usable contact ${h("X-Audience-No-Contact")}.`;
      const name = (response.headers.get("Content-Disposition") || "").match(/filename=([^;]+)/)?.[1] || `${format}.csv`;
      const a = el("a");
      a.href = URL.createObjectURL(await response.blob());
      a.download = name.replaceAll('"', "");
      a.click();
      URL.revokeObjectURL(a.href);
    };
    return b;
  });
}

// With lifetime value, a customer's id opens their P(alive) over their history (an image the server draws).
function aliveLinks(target, ids) {
  target.querySelectorAll("tr").forEach((tr, i) => {
    if (i === 0) return;
    const cell = tr.firstChild;
    cell.classList.add("link");
    cell.title = "P(alive) over this customer's history";
    cell.onclick = () => showAlive(ids[i - 1]);
  });
}

function showAlive(id) {
  $("alive-box").hidden = false;
  $("alive-caption").textContent = `Customer ${id}: P(alive) at the end of each day from their first purchase, under the purchase model; it rises at each purchase day and fades while they do not buy.`;
  $("alive-chart").src = "/app/alive.png?" + new URLSearchParams({ customer: id });
}

async function loadRuns() {
  const { ok, data } = await call("GET", "/app/runs");
  if (!ok) return;
  const target = $("runs-table");
  table(target, ["Run", "Created", "Kind", "Folder", "Input", "k", "Customers", "Silhouette", "Segments", ""],
    data.runs.map(r => [r.id, r.created, r.kind, r.folder, r.input, r.k, r.customers, r.silhouette, r.segments, ""]));
  data.runs.forEach((r, i) => {
    if (!r.available) return;
    const button = el("button", "Refresh against this run");
    button.onclick = () => refreshAgainst(r.id);
    target.rows[i + 1].cells[9].append(button);
  });
}

async function refreshAgainst(id) {
  showError("");
  const { ok, data } = await call("POST", `/app/refresh/${id}`);
  if (!ok) { showError(data.error); return; }
  $("refresh").hidden = false;
  $("refresh-id").textContent = id;
  $("verdict").textContent = data.verdict;
  $("movements").replaceChildren(...data.movements.map(m => el("li", m)));
  table($("drift"), ["Drift measure", "Value", "Reading"], data.drift.map(d => [d.measure, d.value, d.reading]), [false, true, false]);
  table($("migration"), ["From \\ to", ...data.migration.to], data.migration.from.map((f, i) => [f, ...data.migration.counts[i]]));
}

document.addEventListener("DOMContentLoaded", () => {
  const drop = $("drop");
  $("file").addEventListener("change", e => upload(e.target.files[0]));
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", e => { e.preventDefault(); drop.classList.remove("over"); upload(e.dataTransfer.files[0]); });
  $("k-slider").addEventListener("input", e => { $("k-value").textContent = e.target.value; });
  $("k-slider").addEventListener("change", async e => {
    const { ok, data } = await call("POST", `/app/k/${encodeURIComponent(e.target.value)}`);
    if (!ok) { showError(data.error); return; }
    render(data);
  });
  $("mapping").addEventListener("submit", async e => {
    e.preventDefault();
    showError("");
    const { ok, data } = await call("POST", "/app/map", new FormData($("mapping")));
    if (!ok) { showError(data.error); return; }
    render(data);
    if (!state.polling) { state.polling = true; setTimeout(poll, 300); }
  });
  let timer;
  $("search").addEventListener("input", e => { clearTimeout(timer); timer = setTimeout(() => { state.search = e.target.value; state.page = 1; loadCustomers(); }, 200); });
  $("prev").onclick = () => { state.page--; loadCustomers(); };
  $("next").onclick = () => { state.page++; loadCustomers(); };
  $("value").onclick = async () => {
    $("value-status").textContent = "Fitting the purchase and spend models...";
    const { ok, data } = await call("POST", "/app/value");
    $("value-status").textContent = ok ? "" : data.error;
    if (ok) render(data);
  };
  $("save").onclick = async () => {
    const { ok, data } = await call("POST", "/app/runs/save");
    $("save-status").textContent = ok ? `Saved as run ${data.id} (${data.folder}).` : data.error;
    loadRuns();
  };
  $("lock").addEventListener("submit", async e => {
    e.preventDefault();
    const { ok, data } = await call("POST", "/app/unlock", new FormData($("lock")));
    $("lock-error").hidden = ok;
    $("lock-error").textContent = ok ? "" : data.error;
    if (!ok) return;
    locked(false);
    render(data);
    loadRuns();
  });
  refreshView();
  loadRuns();
});
