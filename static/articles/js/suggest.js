// "Suggest from text" on the article form: asks the server which countries,
// leaders and tags the copy names, shows them with the words that matched, and
// adds the ticked ones to the form. Nothing is saved and the page never reloads,
// so unsaved text stays where it is. Subjects come ticked, passing mentions not.
(function () {
  "use strict";
  var script = document.currentScript;

  function label(name) {
    return script.dataset["label" + name.charAt(0).toUpperCase() + name.slice(1)] || name;
  }

  function value(id) {
    var element = document.getElementById(id);
    return element ? element.value : "";
  }

  function bodyHtml() {
    // The prose editor shows a contenteditable; read what the editor sees.
    var area = document.getElementById("id_body");
    if (!area) return "";
    var root = area.closest(".prose-editor") || area.parentElement;
    var view = root && root.querySelector(".ProseMirror[contenteditable]");
    return view ? view.innerHTML : area.value;
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function selectOption(select, id, name) {
    var option = Array.prototype.find.call(select.options, function (o) {
      return o.value === String(id);
    });
    if (!option) {
      option = new Option(name, id, true, true);
      select.appendChild(option);
    }
    option.selected = true;
    if (window.django && window.django.jQuery) {
      window.django.jQuery(select).trigger("change");
    } else {
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function tagNames(text) {
    var names = [];
    var re = /"([^"]*)"|([^,]+)/g;
    var match;
    while ((match = re.exec(text))) {
      var name = (match[1] !== undefined ? match[1] : match[2]).trim();
      if (name) names.push(name);
    }
    return names;
  }

  function addTag(name) {
    var input = document.getElementById("id_tags");
    if (!input) return;
    var key = name.toLocaleLowerCase();
    var present = tagNames(input.value).some(function (n) {
      return n.toLocaleLowerCase() === key;
    });
    if (present) return;
    var written = name.indexOf(",") >= 0 ? '"' + name + '"' : name;
    var current = input.value.trim().replace(/,$/, "").trim();
    input.value = current ? current + ", " + written : written;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  var KINDS = [
    { key: "countries", field: "id_countries" },
    { key: "leaders", field: "id_leaders" },
    { key: "tags", field: "id_tags" },
  ];

  function alreadyChosen(kind, item) {
    if (kind === "tags") {
      var key = item.name.toLocaleLowerCase();
      return tagNames(value("id_tags")).some(function (n) {
        return n.toLocaleLowerCase() === key;
      });
    }
    var select = document.getElementById(kind === "countries" ? "id_countries" : "id_leaders");
    return Boolean(select) && Array.prototype.some.call(select.selectedOptions, function (o) {
      return o.value === String(item.id);
    });
  }

  function render(panel, data, stored) {
    if (stored) {
      // Suggestions kept at import: only offer what is not on the article yet.
      var fresh = {};
      KINDS.forEach(function (kind) {
        fresh[kind.key] = (data[kind.key] || []).filter(function (item) {
          return !alreadyChosen(kind.key, item);
        });
      });
      data = fresh;
      if (!KINDS.some(function (kind) { return fresh[kind.key].length; })) return;
    }
    panel.replaceChildren();
    panel.hidden = false;
    var total = 0;
    if (stored) {
      var note = document.createElement("p");
      note.className = "suggest-note";
      note.textContent = label("stored");
      panel.appendChild(note);
    }
    KINDS.forEach(function (kind) {
      var items = data[kind.key] || [];
      if (!items.length) return;
      total += items.length;
      var group = document.createElement("fieldset");
      group.className = "suggest-group";
      group.dataset.kind = kind.key;
      var legend = document.createElement("legend");
      legend.textContent = label(kind.key);
      group.appendChild(legend);
      items.forEach(function (item) {
        var row = document.createElement("label");
        row.className = "suggest-item" + (item.subject ? " suggest-subject" : "");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.checked = Boolean(item.subject);
        box.dataset.kind = kind.key;
        box.dataset.id = item.id;
        box.dataset.name = item.name;
        row.appendChild(box);
        row.appendChild(document.createTextNode(" " + item.name + " "));
        var why = document.createElement("small");
        // The whole phrase comes translated: French puts a no-break space before the colon.
        why.textContent = label("why").replace("%(words)s", (item.matched || []).join(", "));
        row.appendChild(why);
        group.appendChild(row);
      });
      panel.appendChild(group);
    });
    if (!total) {
      var none = document.createElement("p");
      none.textContent = label("none");
      panel.appendChild(none);
      return;
    }
    var add = document.createElement("button");
    add.type = "button";
    add.className = "button suggest-add";
    add.textContent = label("add");
    add.addEventListener("click", function () {
      panel.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
        if (box.dataset.kind === "tags") {
          addTag(box.dataset.name);
        } else {
          var select = document.getElementById(
            box.dataset.kind === "countries" ? "id_countries" : "id_leaders"
          );
          if (select) selectOption(select, box.dataset.id, box.dataset.name);
        }
      });
      status(panel, label("added"));
    });
    panel.appendChild(add);
  }

  function status(panel, text) {
    var line = panel.querySelector(".suggest-status");
    if (!line) {
      line = document.createElement("p");
      line.className = "suggest-status";
      line.setAttribute("role", "status");
      panel.appendChild(line);
    }
    line.textContent = text;
  }

  function setup() {
    var countries = document.getElementById("id_countries");
    if (!countries || !script) return;
    var fieldset = countries.closest("fieldset") || countries.closest("form");
    var box = document.createElement("div");
    box.className = "suggest-box";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.id = "suggest-from-text";
    button.textContent = label("button");
    var panel = document.createElement("div");
    panel.id = "suggest-panel";
    panel.hidden = true;
    panel.setAttribute("aria-live", "polite");
    box.appendChild(button);
    box.appendChild(panel);
    var heading = fieldset.querySelector("h2, legend");
    fieldset.insertBefore(box, heading ? heading.nextSibling : fieldset.firstChild);

    if (countries.dataset.storedSuggestions) {
      try {
        render(panel, JSON.parse(countries.dataset.storedSuggestions), true);
      } catch (e) {
        panel.hidden = true;
      }
    }

    button.addEventListener("click", function () {
      var data = new FormData();
      data.append("title", value("id_title"));
      data.append("standfirst", value("id_standfirst"));
      data.append("body", bodyHtml());
      data.append("language", value("id_language"));
      // Who "the Russian president" is depends on the article's date.
      data.append("date", value("id_published_at_0"));
      button.disabled = true;
      fetch(script.dataset.suggestUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken() },
      })
        .then(function (response) {
          return response.json().then(function (json) {
            if (!response.ok) throw new Error(json.error || response.statusText);
            return json;
          });
        })
        .then(function (json) {
          render(panel, json, false);
        })
        .catch(function (error) {
          panel.hidden = false;
          panel.replaceChildren();
          status(panel, label("error") + " " + error.message);
        })
        .finally(function () {
          button.disabled = false;
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
