// Progressive enhancement only: every page works without this file.
// On a story page, the compare button says how many versions are ticked and stays off outside two to four.
document.addEventListener("DOMContentLoaded", () => {
  // On a phone the filters fold away (one tap opens them) unless a filter is in use.
  const filtered = /[?&](q|outlet|from|to|lang|ungrouped)=[^&]/.test(location.search);
  if (!filtered && window.matchMedia("(max-width: 52rem)").matches) {
    for (const panel of document.querySelectorAll("details.filter-panel")) panel.open = false;
  }

  for (const form of document.querySelectorAll("form.compare-form")) {
    const button = form.querySelector("button[type=submit]");
    const boxes = form.querySelectorAll("input[name=ids]");
    if (!button || boxes.length === 0) continue;
    const label = button.textContent;
    const update = () => {
      const n = [...boxes].filter((b) => b.checked).length;
      button.disabled = n < 2 || n > 4;
      button.textContent = n === 0 ? label : `${label} (${n})`;
    };
    for (const box of boxes) box.addEventListener("change", update);
    update();
  }
});
