// The catalogue's page and the home page's search box. Without this script everything
// still works: the search box is a plain one, the form is sent by its buttons and every
// filter chip is a link.

// --- The catalogue form -------------------------------------------------------------------

// Empty fields and an order nobody chose stay out of the URL (?q=data&format=online, not
// ?q=data&price_max=&from=&until=&sort=relevance&format=online).
document.addEventListener("htmx:configRequest", (event) => {
  const form = event.detail.elt;
  if (form.id !== "catalogue-form") return;
  const data = event.detail.formData;
  for (const name of [...new Set(data.keys())]) {
    if (data.getAll(name).every((value) => value === "")) data.delete(name);
  }
  const sort = form.querySelector("select[name=sort]");
  if (sort && sort.dataset.default && sort.value === sort.dataset.default) data.delete("sort");
});

// A date field changes with every digit typed (2, 20, 202, 2027): the results follow once
// the date is complete and one leaves the field, or presses Enter, rather than replacing the
// field while it is being typed in.
document.addEventListener(
  "change",
  (event) => {
    if (event.target.matches("#catalogue-form input[type=date]")) event.stopPropagation();
  },
  true,
);
document.addEventListener("focusin", (event) => {
  if (event.target.matches("#catalogue-form input[type=date]")) {
    event.target.dataset.valueOnFocus = event.target.value;
  }
});
document.addEventListener("focusout", (event) => {
  const field = event.target;
  if (!field.matches("#catalogue-form input[type=date]")) return;
  if (field.value !== field.dataset.valueOnFocus && field.validity.valid) {
    field.form.dispatchEvent(new Event("datechange", { bubbles: true }));
  }
});

// On a phone the filter panel folds away. htmx replaces the whole form after each tick, so
// the panel and its button are new: open them again if they were open.
let filtersWereOpen = false;
let removedChip = null;

document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.target.id !== "catalogue") return;
  // The button says so from the start of the unfolding; the panel only once it is done.
  const toggle = document.getElementById("catalogue-filters-toggle");
  filtersWereOpen = Boolean(toggle && toggle.getAttribute("aria-expanded") === "true");
  // Bootstrap gives an unfolding panel a style attribute (its height; empty once unfolded);
  // htmx would copy it onto the new panel while settling, which the Content-Security-Policy
  // refuses. The old panel is about to go, so it may go without.
  document.querySelectorAll("#catalogue [style]").forEach((element) => {
    element.removeAttribute("style");
  });
  const chip = event.detail.requestConfig && event.detail.requestConfig.elt;
  removedChip = null;
  if (chip && chip.matches && chip.matches("[data-chip]")) {
    removedChip = [...document.querySelectorAll("#catalogue [data-chip]")].indexOf(chip);
  }
});

// After htmx has settled: while settling it gives the new elements their own classes back.
document.addEventListener("htmx:afterSettle", (event) => {
  if (event.detail.target.id !== "catalogue") return;
  const panel = document.getElementById("catalogue-facets");
  const toggle = document.getElementById("catalogue-filters-toggle");
  if (filtersWereOpen && panel && toggle) {
    panel.classList.add("show");
    toggle.classList.remove("collapsed");
    toggle.setAttribute("aria-expanded", "true");
  }
  // The chip that was clicked is gone: focus the one that took its place, or the count.
  if (removedChip !== null) {
    const chips = document.querySelectorAll("#catalogue [data-chip]");
    const next = chips[Math.min(removedChip, chips.length - 1)];
    (next || document.getElementById("catalogue-count")).focus();
    removedChip = null;
  }
});

// --- Suggestions while typing: a combobox (WAI-ARIA "combobox with listbox popup") --------

const SUGGEST_DELAY = 250; // ms after the last key
const SUGGEST_MIN_LENGTH = 2;

function setUpCombobox(input) {
  if (input.dataset.combobox) return;
  input.dataset.combobox = "on";
  const wrapper = input.closest("[data-suggest-wrapper]") || input.parentElement;
  const listbox = document.createElement("div");
  listbox.id = `${input.id}-suggestions`;
  listbox.className = "suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", input.dataset.suggestLabel || "");
  listbox.hidden = true;
  const status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  wrapper.append(listbox, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("autocomplete", "off");

  let timer = null;
  let controller = null;
  let asked = "";

  const options = () => [...listbox.querySelectorAll("[role=option]")];
  const active = () => listbox.querySelector("[role=option][aria-selected=true]");

  function open() {
    if (!options().length) return;
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    activate(null);
  }

  function activate(option) {
    options().forEach((each) => each.setAttribute("aria-selected", String(each === option)));
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function move(step) {
    const all = options();
    if (!all.length) return;
    if (listbox.hidden) open();
    const index = all.indexOf(active());
    const next = index === -1 ? (step > 0 ? 0 : all.length - 1) : (index + step + all.length) % all.length;
    activate(all[next]);
  }

  function pick(option) {
    input.value = option.textContent.trim();
    close();
    window.location.assign(option.dataset.url);
  }

  async function ask(text) {
    if (controller) controller.abort();
    controller = new AbortController();
    asked = text;
    try {
      const url = `${input.dataset.suggestUrl}?${new URLSearchParams({ q: text })}`;
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } });
      if (!response.ok || text !== input.value.trim()) return;
      const fragment = new DOMParser().parseFromString(await response.text(), "text/html");
      const received = fragment.querySelector("[role=listbox]");
      if (!received) return;
      received.querySelectorAll("[role=option]").forEach((option, index) => {
        option.id = `${listbox.id}-${index + 1}`;
      });
      received.querySelectorAll("[role=presentation][id]").forEach((heading) => {
        const group = heading.closest("[role=group]");
        heading.id = `${listbox.id}-${heading.id}`;
        if (group) group.setAttribute("aria-labelledby", heading.id);
      });
      listbox.replaceChildren(...received.childNodes);
      activate(null);
      if (options().length && document.activeElement === input) {
        open();
        status.textContent = received.dataset.announcement || "";
      } else {
        close();
      }
    } catch (error) {
      if (error.name !== "AbortError") close(); // no suggestions is no harm: the search works
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    activate(null);
    const text = input.value.trim();
    if (text.length < SUGGEST_MIN_LENGTH) {
      if (controller) controller.abort();
      listbox.replaceChildren();
      asked = "";
      close();
      return;
    }
    timer = setTimeout(() => ask(text), SUGGEST_DELAY);
  });

  input.addEventListener("keydown", (event) => {
    if (event.altKey && event.key === "ArrowDown") {
      event.preventDefault();
      open();
      return;
    }
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        if (!options().length) {
          const text = input.value.trim();
          if (text.length >= SUGGEST_MIN_LENGTH && text !== asked) ask(text);
          return;
        }
        event.preventDefault();
        move(event.key === "ArrowDown" ? 1 : -1);
        break;
      case "Enter":
        if (!listbox.hidden && active()) {
          event.preventDefault();
          pick(active());
        } else {
          close(); // the form searches for the words typed
        }
        break;
      case "Escape":
        if (!listbox.hidden) {
          event.preventDefault(); // a search field would also empty itself
          close();
        }
        break;
      case "Tab":
        close();
        break;
      default:
    }
  });

  input.addEventListener("blur", () => close());
  input.addEventListener("click", () => open());
  // Pressing on an option keeps the focus in the field, so it does not close first.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) pick(option);
  });
  listbox.addEventListener("mousemove", (event) => {
    const option = event.target.closest("[role=option]");
    if (option && option !== active()) activate(option);
  });
}

function setUpComboboxes(root) {
  const scope = root && root.querySelectorAll ? root : document;
  scope.querySelectorAll("input[data-suggest-url]").forEach(setUpCombobox);
}

document.addEventListener("DOMContentLoaded", () => setUpComboboxes(document));
document.addEventListener("htmx:load", (event) => setUpComboboxes(event.detail.elt));
