// Shows the picture an editor has just chosen, before the form is saved: nothing is
// uploaded for this, the browser reads the file itself.
(function () {
  "use strict";
  function setup(input) {
    var preview = document.createElement("img");
    preview.alt = "";
    preview.hidden = true;
    preview.className = "picture-preview";
    input.insertAdjacentElement("afterend", preview);
    var url = null;
    input.addEventListener("change", function () {
      if (url) URL.revokeObjectURL(url);
      url = null;
      var file = input.files && input.files[0];
      if (!file || !/^image\/(jpeg|png|webp|gif)$/.test(file.type)) {
        preview.hidden = true;
        preview.removeAttribute("src");
        return;
      }
      url = URL.createObjectURL(file);
      preview.src = url;
      preview.hidden = false;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[type=file][data-picture-preview]").forEach(setup);
  });
})();
