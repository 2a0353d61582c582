// Names for the admin's widgets that have none: select2's search boxes and
// boxes take their field's label, so a screen reader says what they are for.
(function () {
  "use strict";
  function labelText(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/\s*:\s*$/, "").trim() : select.getAttribute("aria-label");
  }

  function name(select) {
    var text = labelText(select);
    var container = select.nextElementSibling;
    if (!text || !container || !container.classList.contains("select2")) return;
    container.querySelectorAll(".select2-search__field").forEach(function (field) {
      if (!field.getAttribute("aria-label")) field.setAttribute("aria-label", text);
    });
    var box = container.querySelector(".select2-selection");
    if (box && !box.getAttribute("aria-label") && !box.getAttribute("aria-labelledby")) {
      box.setAttribute("aria-label", text);
    }
  }

  function nameAll() {
    document.querySelectorAll("select.select2-hidden-accessible").forEach(name);
  }

  window.addEventListener("load", function () {
    nameAll();
    var $ = window.django && window.django.jQuery;
    if ($) {
      // A single select's search box only exists once its list is open.
      $(document).on("select2:open", function (event) {
        var text = labelText(event.target);
        document.querySelectorAll(".select2-container--open .select2-search__field").forEach(
          function (field) { if (text) field.setAttribute("aria-label", text); }
        );
      });
      $(document).on("formset:added", nameAll);
    }
  });
})();
