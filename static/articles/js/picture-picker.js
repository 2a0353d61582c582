// The library picker the body editor opens (django-prose-editor's Figure "Browse…"):
// a click hands the picture's address, alt text and caption back to the editor.
(function () {
  "use strict";
  var funcNum = new URLSearchParams(window.location.search).get("CKEditorFuncNum");
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".picture-choice");
    if (!button || !window.opener || !window.opener.CKEDITOR || funcNum === null) return;
    window.opener.CKEDITOR.tools.callFunction(Number(funcNum), button.dataset.url, {
      id: button.dataset.id,
      alternative_text: button.dataset.alt,
      caption: button.dataset.caption,
    });
    window.close();
  });
})();
