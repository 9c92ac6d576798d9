/* gongkai 公示 status: the page states the 公示期 in plain text; this adds
   公示中（还剩 N 天）/ 公示已结束 / 即将公示 from the reader's date in the site's
   timezone, so a page built last week does not say 公示中 forever. textContent only. */
(function () {
  'use strict';
  var box = document.querySelector('[data-status-live]');
  var section = box && box.closest('[data-objection]');
  if (!section) return;
  function dayNumber(iso) {
    var p = (iso || '').split('-');
    return p.length === 3 ? Date.UTC(+p[0], +p[1] - 1, +p[2]) / 864e5 : NaN;
  }
  var now = new Date(), today;
  try {
    var parts = {};
    new Intl.DateTimeFormat('en-US', { timeZone: section.getAttribute('data-timezone') || 'Asia/Shanghai',
      year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now).forEach(function (x) { parts[x.type] = x.value; });
    today = Date.UTC(+parts.year, +parts.month - 1, +parts.day) / 864e5;
  } catch (e) {
    today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 864e5;
  }
  var from = dayNumber(section.getAttribute('data-from'));
  var to = dayNumber(section.getAttribute('data-to'));
  var objection = dayNumber(section.getAttribute('data-objection'));
  var text, state;
  if (!isNaN(from) && today < from) {
    state = 'upcoming';
    text = '即将公示（' + (from - today) + ' 天后开始）';
  } else if (!isNaN(to) && today <= to) {
    state = 'open';
    text = to === today ? '公示中（今天是最后一天）' : '公示中（还剩 ' + (to - today) + ' 天）';
  } else if (!isNaN(to)) {
    state = 'closed';
    text = '公示已结束';
  } else if (today <= objection) {
    state = 'open';
    text = objection === today ? '异议受理中（今天截止）' : '异议受理中（还剩 ' + (objection - today) + ' 天）';
  } else {
    state = 'closed';
    text = '异议期已结束';
  }
  if (!isNaN(to) && state !== 'upcoming' && objection !== to) {
    text += today <= objection ? '；异议受理中' : '；异议期已结束';
  }
  box.textContent = text;
  section.setAttribute('data-state', state);
  box.hidden = false;
})();
