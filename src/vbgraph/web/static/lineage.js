"use strict";
// The lineage page: the graph the server drew, expanded on click with each node's neighbours.
(() => {
  const DATA = JSON.parse(document.getElementById("graph-data").textContent);
  /** New nodes added by one expansion at most (a Party resolution can have thousands). */
  const MAX_NEW = 150;
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const status = document.getElementById("status");
  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");
  const filterBox = document.getElementById("province-filter");

  // Legend: colours set through the DOM (no inline style attribute: the CSP forbids them).
  const legend = document.getElementById("legend");
  for (const item of DATA.legend) {
    const span = el("span");
    const sw = el("span", null, item.kind === "edge" ? "line" : "swatch");
    if (item.kind === "edge") {
      sw.style.borderTopColor = item.color;
      if (item.dashed) sw.classList.add("dashed");
    } else if (item.dashed) {
      sw.classList.add("stub");
    } else {
      sw.style.background = item.color;
    }
    span.append(sw, document.createTextNode(item.label));
    legend.appendChild(span);
  }

  // Tooltips as DOM elements built from text: vis never parses them as HTML.
  const prepare = (item) => { if (item.tip) item.title = el("div", item.tip); return item; };
  const nodes = new vis.DataSet(DATA.graph.nodes.map(prepare));
  const edges = new vis.DataSet(DATA.graph.edges.map(prepare));
  let province = "";
  const view = new vis.DataView(nodes, {
    filter: (n) => !province || !n.province || n.province === province,
  });
  const network = new vis.Network(document.getElementById("graph"), { nodes: view, edges },
                                  DATA.options);
  const expanded = new Set();
  const state = { ready: false, expanding: 0, expansions: 0, nodes: () => nodes.length,
                  edges: () => edges.length, visible: () => view.length, network };
  window.vbgraph = state;
  const describe = () => nodes.length + " văn bản, " + edges.length +
    " quan hệ — bấm vào một văn bản để xem thẻ và mở rộng.";
  network.on("afterDrawing", () => {
    if (!state.ready) {
      state.ready = true;
      status.textContent = describe();
      document.documentElement.dataset.ready = "1";
    }
  });

  function showPanel(id) {
    const n = nodes.get(id);
    if (!n) return;
    panelBody.replaceChildren();
    const c = n.card || { heading: n.label, rows: [] };
    panelBody.appendChild(el("h3", c.heading));
    const dl = el("dl", null, "header");
    for (const [k, v] of c.rows || []) { dl.append(el("dt", k), el("dd", v)); }
    panelBody.appendChild(dl);
    const links = el("p");
    const card = el("a", "Mở thẻ văn bản");
    card.href = "/doc/" + encodeURIComponent(id);
    const again = el("a", "Vẽ nguồn gốc từ văn bản này");
    again.href = "/lineage/" + encodeURIComponent(id) + location.search;
    links.append(card, document.createTextNode(" · "), again);
    panelBody.appendChild(links);
    panel.hidden = false;
  }
  document.getElementById("panel-close").addEventListener("click", () => { panel.hidden = true; });

  async function expand(id) {
    if (expanded.has(id)) return;
    expanded.add(id);
    state.expanding += 1;
    status.textContent = "Đang mở rộng…";
    try {
      const query = new URLSearchParams({ direction: "both", depth: "1", format: "json" });
      for (const r of DATA.relations) query.append("relation", r);
      const reply = await fetch("/lineage/" + encodeURIComponent(id) + "?" + query);
      if (!reply.ok) {
        const body = await reply.json().catch(() => ({}));
        status.textContent = "Không mở rộng được: " + (body.error || reply.status);
        return;
      }
      const more = (await reply.json()).graph;
      const fresh = more.nodes.filter((n) => !nodes.get(n.id));
      const added = new Set(nodes.getIds());
      for (const n of fresh.slice(0, MAX_NEW)) { nodes.add(prepare(n)); added.add(n.id); }
      const known = new Set(Array.from(filterBox.options, (o) => o.value));
      for (const n of fresh.slice(0, MAX_NEW)) {
        if (n.province && !known.has(n.province)) {
          known.add(n.province);
          const o = el("option", n.province);
          o.value = n.province;
          filterBox.appendChild(o);
        }
      }
      const links = more.edges.filter((e) => !edges.get(e.id) && added.has(e.from) &&
                                              added.has(e.to));
      edges.add(links.map(prepare));
      state.expansions += 1;
      status.textContent = describe() + (fresh.length > MAX_NEW
        ? " (đã thêm " + MAX_NEW + " trên " + fresh.length + " văn bản liên quan)" : "");
    } catch (err) {
      status.textContent = "Không mở rộng được: " + err;
    } finally {
      state.expanding -= 1;
    }
  }
  state.expand = expand;

  network.on("click", (params) => {
    if (params.nodes.length) {
      showPanel(params.nodes[0]);
      expand(params.nodes[0]);
    } else if (!params.edges.length) {
      panel.hidden = true;
    }
  });
  filterBox.addEventListener("change", () => { province = filterBox.value; view.refresh(); });
})();
