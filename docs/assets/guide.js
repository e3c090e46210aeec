/* Deep links to a question open it: a link to #question-id lands on the open question. */
(function () {
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var details = target.closest("details");
    while (details) {
      details.open = true;
      details = details.parentElement && details.parentElement.closest("details");
    }
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  // Material's instant navigation swaps pages without a reload; document$ fires on each.
  if (window.document$) {
    window.document$.subscribe(openTarget);
  } else {
    document.addEventListener("DOMContentLoaded", openTarget);
  }
})();
