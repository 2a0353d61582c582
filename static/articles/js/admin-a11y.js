// Names for the admin's widgets that have none: select2's boxes and search fields
// take their field's label, so a screen reader says what they are for. select2
// builds and rebuilds them at any time, hence the observer.
(function () {
  "use strict";
  function fieldLabel(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    if (!label) return null;
    if (!label.id) label.id = select.id + "_label";
    return label;
  }

  function name(select) {
    var container = select.nextElementSibling;
    if (!container || !container.classList.contains("select2")) return;
    var label = fieldLabel(select);
    var text = label ? label.textContent.replace(/\s*:\s*$/, "").trim()
      : select.getAttribute("aria-label");
    if (!text) return;
    container.querySelectorAll(".select2-search__field:not([aria-label])").forEach(
      function (field) { field.setAttribute("aria-label", text); }
    );
    var box = container.querySelector(".select2-selection");
    if (box && !box.dataset.named) {
      box.dataset.named = "1";
      // A single select's box is labelled by its current value: add the field's name.
      var current = box.getAttribute("aria-labelledby");
      if (label) box.setAttribute("aria-labelledby", label.id + (current ? " " + current : ""));
      else box.setAttribute("aria-label", text);
    }
    container.querySelectorAll('[role="textbox"]:not([aria-label])').forEach(function (shown) {
      shown.setAttribute("aria-label", text);
    });
    // The "clear all" cross sits in the chips' list: a list holds items only.
    container.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear")
      .forEach(function (cross) {
        var item = document.createElement("li");
        item.className = "select2-clear-item";
        cross.replaceWith(item);
        item.appendChild(cross);
      });
  }

  function nameAll() {
    document.querySelectorAll("select.select2-hidden-accessible").forEach(name);
  }

  function start() {
    nameAll();
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; nameAll(); });
    }).observe(document.body, { childList: true, subtree: true });
    var $ = window.django && window.django.jQuery;
    if ($) {
      // A single select's search box only exists once its list is open.
      $(document).on("select2:open", function (event) {
        var label = fieldLabel(event.target);
        var text = label ? label.textContent.replace(/\s*:\s*$/, "").trim() : "";
        document.querySelectorAll(".select2-container--open .select2-search__field").forEach(
          function (field) { if (text) field.setAttribute("aria-label", text); }
        );
      });
    }
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
