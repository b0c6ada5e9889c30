// The article page: click marked text to see each fact covering it, with its offsets.
// Every string from the article is set as text (textContent), never parsed as HTML.
(function () {
  "use strict";
  var facts = JSON.parse(document.getElementById("facts-data").textContent);
  var panel = document.getElementById("details");
  var ACTOR_FIELDS = { "actor": true, "source actor": true, "target actor": true };
  var OFFSETS = { "start": true, "end": true, "source_start": true, "source_end": true };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function show(ids) {
    panel.replaceChildren();
    ids.forEach(function (id) {
      var fact = facts[id];
      if (!fact) return;
      var box = el("div", null, "fact fact-" + fact.kind);
      box.appendChild(el("h3", fact.kind + ": " + fact.label));
      var list = el("dl");
      var d = fact.details;
      Object.keys(d).forEach(function (key) {
        if (OFFSETS[key]) return;
        list.appendChild(el("dt", key));
        var dd = el("dd");
        if (ACTOR_FIELDS[key]) {
          var link = el("a", "actor page");
          link.href = "/actors/" + encodeURIComponent(d[key]);
          dd.appendChild(link);
        } else {
          dd.textContent = String(d[key]);
        }
        list.appendChild(dd);
      });
      list.appendChild(el("dt", "characters"));
      list.appendChild(el("dd", d.start + "–" + d.end + " of the cleaned text"));
      list.appendChild(el("dt", "input"));
      list.appendChild(el("dd", d.source_start + "–" + d.source_end + " of the ingested text"));
      box.appendChild(list);
      panel.appendChild(box);
    });
  }

  function focus(id) {
    document.querySelectorAll(".focus").forEach(function (n) { n.classList.remove("focus"); });
    var first = null;
    document.querySelectorAll("[data-f]").forEach(function (n) {
      if (n.getAttribute("data-f").split(" ").indexOf(id) >= 0) {
        n.classList.add("focus");
        if (!first) first = n;
      }
    });
    if (first) first.scrollIntoView({ block: "center" });
    show([id]);
  }

  document.getElementById("text").addEventListener("click", function (event) {
    var target = event.target.closest("[data-f]");
    if (target) show(target.getAttribute("data-f").split(" "));
  });
  document.querySelectorAll("[data-focus]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      focus(link.getAttribute("data-focus"));
    });
  });
  var hl = document.getElementById("hl");
  if (hl && hl.hasAttribute("data-f")) show(hl.getAttribute("data-f").split(" "));
})();
