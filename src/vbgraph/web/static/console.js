"use strict";
// The console's result graph: nodes and links built by the server from the result rows.
(() => {
  const DATA = JSON.parse(document.getElementById("graph-data").textContent);
  const el = (tag, text) => { const e = document.createElement(tag); e.textContent = text; return e; };
  for (const n of DATA.nodes) if (n.tip) n.title = el("div", n.tip);
  const status = document.getElementById("status");
  const network = new vis.Network(document.getElementById("graph"),
    { nodes: new vis.DataSet(DATA.nodes), edges: new vis.DataSet(DATA.edges) },
    { physics: { stabilization: { iterations: 200 } }, interaction: { hover: true },
      edges: { font: { size: 10, align: "middle" }, arrows: { to: { scaleFactor: 0.6 } } } });
  let ready = false;
  network.once("stabilizationIterationsDone", () => network.setOptions({ physics: false }));
  network.on("afterDrawing", () => {
    if (ready) return;
    ready = true;
    status.textContent = DATA.nodes.length + " nút, " + DATA.edges.length + " cạnh";
    document.documentElement.dataset.ready = "1";
  });
  window.vbgraph = { network };
})();
