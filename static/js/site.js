// Announce the catalogue's new result count after htmx swaps the results in: a live region
// that is itself replaced is not reliably read out, so this one stays put.
document.addEventListener("htmx:afterSwap", (event) => {
  const announcer = document.getElementById("catalogue-announcer");
  const count = event.target.querySelector(".result-count");
  if (announcer && count) {
    announcer.textContent = count.textContent.replace(/\s+/g, " ").trim();
  }
});

// "Tick everyone" on the attendance sheet.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-check-all]");
  if (!button) return;
  const name = button.dataset.checkAll;
  button.form.querySelectorAll(`input[type=checkbox][name="${name}"]`).forEach((box) => {
    box.checked = true;
  });
});

// "Copy address" buttons copy the value of the field they name, and say so.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    field.select();
    document.execCommand("copy");
  }
  button.textContent = button.dataset.copied;
});
