// Progressive enhancement only: every page works without this file.
// On a story page, the compare button says how many versions are ticked and stays off outside two to four.
document.addEventListener("DOMContentLoaded", () => {
  // On a phone the filters fold away (one tap opens them) unless a filter is in use.
  const filtered = /[?&](q|outlet|from|to|lang|ungrouped)=[^&]/.test(location.search);
  if (!filtered && window.matchMedia("(max-width: 52rem)").matches) {
    for (const panel of document.querySelectorAll("details.filter-panel")) panel.open = false;
  }

  for (const form of document.querySelectorAll("form.compare-form")) {
    const button = form.querySelector("button[type=submit]:not([name=find])");
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

  // Compare: choosing a sentence (click, Enter or Space) lights up the same statement in the other columns and
  // scrolls each into view inside its column.
  const aligned = document.querySelectorAll(".aligned .sentence[data-group]");
  const choose = (sentence) => {
    for (const s of document.querySelectorAll(".aligned .is-chosen, .aligned .is-linked")) {
      s.classList.remove("is-chosen", "is-linked");
      s.setAttribute("aria-pressed", "false");
    }
    sentence.classList.add("is-chosen");
    sentence.setAttribute("aria-pressed", "true");
    const group = sentence.dataset.group;
    for (const other of document.querySelectorAll(`.aligned .sentence[data-group="${group}"]`)) {
      if (other === sentence) continue;
      other.classList.add("is-linked");
      const body = other.closest(".aligned");
      if (body && body.scrollHeight > body.clientHeight) {
        body.scrollTo({ top: Math.max(0, other.offsetTop - body.clientHeight / 3), behavior: "smooth" });
      }
    }
  };
  for (const sentence of aligned) {
    sentence.addEventListener("click", (e) => { if (!e.target.closest("a")) choose(sentence); });
    sentence.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(sentence); }
    });
  }
});
