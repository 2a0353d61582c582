// The article's tags as chips (select2, like countries, leaders and authors).
// The form still posts the comma-separated line of the hidden text input; this
// box keeps it in step. Existing tags are offered as one types (the server folds
// case and accents); Enter on a name no tag has makes a new one.
(function () {
  "use strict";
  var $ = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase()
      .replace(/\s+/g, " ").trim();
  }

  function clean(text) {
    return text.replace(/\s+/g, " ").trim();
  }

  // The line's names, read as the server reads it: quotes protect commas, "" is a quote.
  function parse(line) {
    var names = [];
    var i = 0;
    while (i < line.length) {
      while (line[i] === " ") i++;
      var name = "";
      if (line[i] === '"') {
        i++;
        while (i < line.length) {
          if (line[i] === '"' && line[i + 1] === '"') { name += '"'; i += 2; }
          else if (line[i] === '"') { i++; break; }
          else { name += line[i]; i++; }
        }
        while (i < line.length && line[i] !== ",") { name += line[i]; i++; }
      } else {
        while (i < line.length && line[i] !== ",") { name += line[i]; i++; }
      }
      i++; // the comma
      name = clean(name);
      if (name) names.push(name);
    }
    return names;
  }

  function write(names) {
    return names.map(function (name) {
      return /[,"]/.test(name) ? '"' + name.replace(/"/g, '""') + '"' : name;
    }).join(", ");
  }

  function setup(select) {
    var input = document.getElementById(select.dataset.for);
    $ = window.django && window.django.jQuery;
    if (!input || !$ || !$.fn.select2) return;
    var $select = $(select);
    $select.select2({
      tags: true,
      theme: "admin-autocomplete",
      width: "100%",
      language: document.documentElement.lang || "fr",
      ajax: {
        url: select.dataset.autocompleteUrl,
        dataType: "json",
        delay: 200,
        data: function (params) { return { term: params.term || "" }; },
      },
      createTag: function (params) {
        var name = clean(params.term || "");
        return name ? { id: name, text: name, newTag: true } : null;
      },
      // A typed name that folds like an existing tag picks that tag, not a twin.
      insertTag: function (data, tag) {
        var key = fold(tag.text);
        var same = data.some(function (item) { return fold(item.text) === key; });
        if (!same) data.unshift(tag);
      },
    });
    input.hidden = true;
    select.hidden = false;
    var container = $select.next(".select2");
    var search = container.find(".select2-search__field");
    search.attr("aria-label", select.dataset.labelSearch || select.getAttribute("aria-label"));
    var syncing = false;
    $select.on("change", function () {
      if (syncing) return;
      input.value = write($select.val() || []);
    });
    // "Suggest from text" writes to the line: show what it added as chips.
    input.addEventListener("change", function () {
      var chosen = [];
      var seen = {};
      parse(input.value).forEach(function (name) {
        var key = fold(name);
        if (seen[key]) return;
        seen[key] = true;
        chosen.push(name);
        var exists = Array.prototype.some.call(select.options, function (option) {
          return option.value === name;
        });
        if (!exists) select.appendChild(new Option(name, name, false, false));
      });
      syncing = true;
      $select.val(chosen).trigger("change");
      syncing = false;
    });
  }

  // After every script of the page: the admin's media order puts select2 anywhere.
  function start() {
    document.querySelectorAll("select.tag-chips").forEach(setup);
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
