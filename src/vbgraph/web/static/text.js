"use strict";
for (const box of document.querySelectorAll("input[data-kind]")) {
  box.addEventListener("change", () => {
    document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked);
  });
}
