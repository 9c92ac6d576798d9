// 大字模式: one tap makes text and line spacing larger; the choice is kept in
// localStorage for the next visit. Without JavaScript the button stays hidden
// and the page is already readable (base text 18 px).
(function () {
  var KEY = "gongkai.bigText", root = document.documentElement;
  var button = document.getElementById("textsize");
  function stored() { try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; } }
  function apply(on) {
    root.classList.toggle("big", on);
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }
  apply(stored());
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var on = !root.classList.contains("big");
    apply(on);
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this visit only */ }
  });
})();

// A table wider than the screen scrolls inside its own box; say so above it,
// since a small scroll bar is easy to miss. It scrolls anyway, so its text
// columns may as well be wide enough to read in two lines, not five (.wide).
(function () {
  var boxes = document.querySelectorAll(".table-wrap");
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    if (box.scrollWidth <= box.clientWidth + 1) continue;
    box.classList.add("wide");
    var hint = document.createElement("p");
    hint.className = "table-hint";
    hint.textContent = "表格较宽，请在表格上左右滑动查看。";
    box.parentNode.insertBefore(hint, box);
  }
})();

// 打印本公告 (notice pages): shown only where the browser can print.
(function () {
  var b = document.getElementById("print-button");
  if (!b || !window.print) return;
  b.hidden = false;
  b.addEventListener("click", function () { window.print(); });
})();
