"use strict";
// Pages without a graph are ready once parsed; graph pages say so when drawn.
if (!document.getElementById("graph")) document.documentElement.dataset.ready = "1";
