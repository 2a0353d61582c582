// Offers existing tags for the word being typed in a comma-separated tag input.
// The browser's own datalist shows the choices; nothing is required to type tags.
(function () {
  "use strict";
  function setup(input) {
    var list = document.getElementById(input.id + "-suggestions");
    if (!list) return;
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    var url = input.dataset.suggestUrl;
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var parts = input.value.split(",");
        var term = parts.pop().trim();
        if (term.length < 1) return;
        var prefix = parts.length ? parts.join(",").trim() + ", " : "";
        fetch(url + "?q=" + encodeURIComponent(term), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { tags: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.tags.forEach(function (name) {
              var option = document.createElement("option");
              option.value = prefix + (name.indexOf(",") >= 0 ? '"' + name + '"' : name);
              option.label = name;
              list.appendChild(option);
            });
          });
      }, 150);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-suggest-url]").forEach(setup);
  });
})();
