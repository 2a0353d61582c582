// The article form: counters where a length matters, and a name for the body editor.
(function () {
  "use strict";

  function counter(field) {
    var limit = Number(field.dataset.counterLimit);
    var out = document.createElement("div");
    out.className = "help counter";
    out.id = field.id + "_counter";
    field.insertAdjacentElement("afterend", out);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + out.id);
    function update() {
      var count = Array.from(field.value).length;
      out.textContent = field.dataset.counterText
        .replace("%(count)s", count).replace("%(limit)s", limit);
      out.classList.toggle("counter--over", count > limit);
    }
    field.addEventListener("input", update);
    update();
  }

  // The prose editor builds its box after this runs: name it once it appears.
  function nameEditor(row) {
    var label = row.querySelector("label");
    if (!label) return;
    function apply() {
      var box = row.querySelector(".ProseMirror[contenteditable]");
      if (!box) return false;
      if (!label.id) label.id = "id_body_label";
      box.setAttribute("aria-labelledby", label.id);
      box.setAttribute("aria-multiline", "true");
      if (!box.getAttribute("role")) box.setAttribute("role", "textbox");
      return true;
    }
    if (apply()) return;
    var watcher = new MutationObserver(function () { if (apply()) watcher.disconnect(); });
    watcher.observe(row, { childList: true, subtree: true });
  }

  function start() {
    document.querySelectorAll("[data-counter-limit]").forEach(counter);
    var body = document.querySelector(".field-body");
    if (body) nameEditor(body);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
