// The employer's cohort form. Without script its search boxes and "select" buttons send a
// GET that draws the lists again, keeping what was chosen; with it, they act on the page.

// A search box narrows its list as one types: every word must occur in an item's text.
// What is chosen stays in view, as it does when the server filters.
function filterList(input) {
  const list = document.getElementById(input.dataset.filterList);
  const words = input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  list.querySelectorAll("li[data-filter-text]").forEach((item) => {
    const text = item.dataset.filterText.toLocaleLowerCase();
    const match = words.every((word) => text.includes(word)) || item.querySelector("input:checked");
    item.hidden = !match;
    if (match) shown += 1;
  });
  const count = document.getElementById(input.dataset.filterCount);
  if (count) {
    count.textContent = count.dataset.template
      .replace("%(shown)s", shown)
      .replace("%(total)s", count.dataset.total);
  }
}

document.addEventListener("input", (event) => {
  if (event.target.matches("input[data-filter-list]")) filterList(event.target);
});

// Enter in a search box filters (already done) instead of sending the form.
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && event.target.matches("input[data-filter-list]")) {
    event.preventDefault();
    filterList(event.target);
  }
});

// "Select everyone shown" and "Clear the selection" tick or untick the boxes in view.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-select-shown]");
  if (!button) return;
  event.preventDefault();
  const list = document.getElementById(button.dataset.selectShown);
  const check = button.value === "all";
  list.querySelectorAll("li[data-filter-text]:not([hidden]) input[type=checkbox]").forEach((box) => {
    box.checked = check;
  });
});
