/* reportlint HTML review report: filters, selection and details, read from the page's own markup
   (inlined by reportlint/output/html_format.py). Text is only ever moved or cloned, never parsed
   as HTML: nothing of the checked documents can run. */
(function () {
  "use strict";
  var doc = document;
  var items = {}, marks = {}, places = {}, filtered = [];
  var sevOn = {}, ruleOn = {};
  var RANK = {e: 3, w: 2, i: 1}, CLASS = {error: "e", warning: "w", info: "i"};
  var current = null, shownKeys = [];
  var detail = doc.getElementById("detail");

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function push(map, key, value) { (map[key] || (map[key] = [])).push(value); }

  each(doc.querySelectorAll("#side li.it"), function (item) { items[item.getAttribute("data-f")] = item; });
  each(doc.querySelectorAll("#docs mark"), function (mark) {
    var f = mark.getAttribute("data-f"), r = mark.getAttribute("data-r");
    if (f) {
      mark.keys = f.split(" ");
      mark.keys.forEach(function (key) { push(marks, key, mark); });
      filtered.push(mark);
    }
    if (r) { r.split(" ").forEach(function (key) { push(places, key, mark); }); }
  });

  function visible(key) {
    var item = items[key];
    return !!item && sevOn[item.getAttribute("data-sev")] !== false && ruleOn[item.getAttribute("data-rule")] !== false;
  }

  function applyFilters() {
    each(doc.querySelectorAll("input[data-sev]"), function (box) { sevOn[box.getAttribute("data-sev")] = box.checked; });
    each(doc.querySelectorAll("input[data-rule]"), function (box) { ruleOn[box.getAttribute("data-rule")] = box.checked; });
    var shown = 0;
    Object.keys(items).forEach(function (key) {
      var on = visible(key);
      items[key].hidden = !on;
      if (on) { shown += 1; }
    });
    each(doc.querySelectorAll("#side .g-rule, #side .g-sev"), function (group) {
      group.hidden = !group.querySelector("li.it:not([hidden])");
    });
    filtered.forEach(function (mark) {
      var worst = "";
      mark.keys.forEach(function (key) {
        if (!visible(key)) { return; }
        var level = CLASS[items[key].getAttribute("data-sev")];
        if (!worst || RANK[level] > RANK[worst]) { worst = level; }
      });
      mark.classList.toggle("off", !worst);
      ["e", "w", "i"].forEach(function (level) { mark.classList.toggle(level, level === worst); });
    });
    var count = doc.getElementById("shown");
    if (count) { count.textContent = String(shown); }
    if (current !== null && !visible(current)) { deselect(); }
  }

  function relatedKeys(key) {
    var keys = [];
    each(items[key].querySelectorAll("a.rl"), function (link) { keys.push(link.getAttribute("data-r")); });
    return keys;
  }

  function clearMarks() {
    each(doc.querySelectorAll("#docs .sel, #docs .rsel, #side .sel"), function (el) {
      el.classList.remove("sel", "rsel");
    });
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }

  function select(key, scroll, keys) {
    clearMarks();
    current = key;
    (marks[key] || []).forEach(function (mark) { mark.classList.add("sel"); });
    relatedKeys(key).forEach(function (place) {
      (places[place] || []).forEach(function (mark) { mark.classList.add("rsel"); });
    });
    var item = items[key];
    item.classList.add("sel");
    reveal(item);
    showDetail(keys || [key], key);
    var first = (marks[key] || [])[0];
    if (scroll && first) {
      first.scrollIntoView({block: "center"});
      flash(first);
    }
    if (window.history && history.replaceState) { history.replaceState(null, "", "#i" + key); }
  }

  // Bring a list entry into view inside the list's own scrolling box, never scrolling the page
  // (on a phone the list is above the text: the reader stays where the text is).
  function reveal(item) {
    for (var box = item.parentElement; box && box !== doc.body; box = box.parentElement) {
      var overflow = getComputedStyle(box).overflowY;
      if ((overflow === "auto" || overflow === "scroll") && box.scrollHeight > box.clientHeight) {
        var top = item.getBoundingClientRect().top - box.getBoundingClientRect().top;
        if (top < 0 || top + item.offsetHeight > box.clientHeight) { box.scrollTop += top - box.clientHeight / 3; }
        return;
      }
    }
  }

  // The details cover the bottom of the window: scroll a clicked highlight above them.
  function uncover(mark) {
    var hidden = mark.getBoundingClientRect().bottom - (window.innerHeight - detail.offsetHeight) + 16;
    if (hidden > 0) { window.scrollBy(0, hidden); }
  }

  function deselect() {
    clearMarks();
    current = null;
    detail.hidden = true;
    doc.body.classList.remove("open");
  }

  function copy(from, selector) {
    var found = from && from.querySelector(selector);
    return found ? found.cloneNode(true) : null;
  }

  function line(cls, label, nodes) {
    var p = doc.createElement("p");
    p.className = cls;
    if (label) {
      var b = doc.createElement("b");
      b.textContent = label;
      p.appendChild(b);
    }
    nodes.forEach(function (node) { if (node) { p.appendChild(node); } });
    return p;
  }

  function showDetail(keys, key) {
    var content = detail.querySelector(".content");
    content.textContent = "";
    shownKeys = keys;
    keys.forEach(function (k) {
      var item = items[k], rule = doc.getElementById("rule-" + item.getAttribute("data-rule"));
      var box = doc.createElement("div");
      box.className = "f" + (k === key ? " cur" : "");
      box.setAttribute("data-k", k);
      var head = line("head", "", [copy(item, ".no"), doc.createTextNode(" "), copy(item, ".lv"), doc.createTextNode(" ")]);
      each(rule ? rule.querySelector("h3").childNodes : [], function (node) { head.appendChild(node.cloneNode(true)); });
      head.title = "点击定位到原文";
      box.appendChild(head);
      var summary = copy(rule, ".sum");
      if (summary) { box.appendChild(summary); }
      box.appendChild(line("msg", "", [copy(item, ".msg")]));
      box.appendChild(line("where", "位置：", [copy(item, ".loc")]));
      var more = copy(item, ".more");
      if (more) { box.appendChild(more); }
      var why = copy(rule, ".why");
      if (why) { box.appendChild(why); }
      content.appendChild(box);
    });
    detail.hidden = false;
    doc.body.classList.add("open");
  }

  function goTo(place) {
    var found = places[place];
    if (!found) { return; }
    var key = place.split(".")[0];
    if (current !== key) { select(key, false); }
    found[0].scrollIntoView({block: "center"});
    flash(found[0]);
  }

  doc.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var link = target.closest("a.go, a.rl, #detail .close, #side button[data-all], #docs mark.h, #detail .head");
    if (!link) { return; }
    if (link.matches("a.go")) {
      event.preventDefault();
      select(link.parentNode.getAttribute("data-f"), true);
    } else if (link.matches("a.rl")) {
      event.preventDefault();
      goTo(link.getAttribute("data-r"));
    } else if (link.matches("#detail .close")) {
      deselect();
    } else if (link.matches("button[data-all]")) {
      var on = link.getAttribute("data-all") === "1";
      each(doc.querySelectorAll("input[data-rule]"), function (box) { box.checked = on; });
      applyFilters();
    } else if (link.matches("#docs mark.h")) {
      if (link.classList.contains("off")) { return; }
      var keys = link.keys.filter(visible);
      if (keys.length) {
        select(keys.indexOf(current) >= 0 ? current : keys[0], false, keys);
        uncover(link);
      }
    } else {
      select(link.parentNode.getAttribute("data-k"), true, shownKeys);
    }
  });
  doc.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("input[data-sev], input[data-rule]")) { applyFilters(); }
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current !== null) { deselect(); }
  });

  applyFilters();
  var wanted = /^#i(\d+)$/.exec(location.hash);
  if (wanted && items[wanted[1]]) { select(wanted[1], true); }
  doc.documentElement.setAttribute("data-ready", "1");
})();
