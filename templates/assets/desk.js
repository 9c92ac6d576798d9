// gongkai desk forms (docs/desk.md): the forms post as plain HTML without
// this script. With it, a form past its deadline (by the reader's date in the
// site's timezone) is hidden, and sending stays on the page: the tracking
// code and the desk's answer are shown in place. textContent only.
(function () {
  'use strict';
  function today(timezone) {
    var now = new Date();
    try {
      var p = {};
      new Intl.DateTimeFormat('en-US', { timeZone: timezone || 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
        .formatToParts(now).forEach(function (x) { p[x.type] = x.value; });
      return Date.UTC(+p.year, +p.month - 1, +p.day) / 864e5;
    } catch (e) {
      return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 864e5;
    }
  }
  function dayNumber(iso) {
    var p = (iso || '').split('-');
    return p.length === 3 ? Date.UTC(+p[0], +p[1] - 1, +p[2]) / 864e5 : NaN;
  }
  var forms = document.querySelectorAll('[data-desk-form]');
  Array.prototype.forEach.call(forms, function (form) {
    if (form.getAttribute('data-ready')) return;
    form.setAttribute('data-ready', '1');
    var zone = form.closest('[data-timezone]');
    var deadline = dayNumber(form.getAttribute('data-deadline'));
    if (!isNaN(deadline) && today(zone && zone.getAttribute('data-timezone')) > deadline) {
      form.hidden = true;
      return;
    }
    var result = form.querySelector('[data-desk-result]');
    var button = form.querySelector('button[type=submit]');
    function show(lines, link) {
      result.textContent = '';
      lines.forEach(function (line, i) {
        if (i > 0) result.appendChild(document.createElement('br'));
        result.appendChild(document.createTextNode(line));
      });
      if (link) {
        result.appendChild(document.createElement('br'));
        var a = document.createElement('a');
        a.href = link.href;
        a.textContent = link.text;
        result.appendChild(a);
      }
      result.hidden = false;
    }
    form.addEventListener('submit', function (event) {
      if (!window.fetch || !window.URLSearchParams || !window.FormData) return;
      event.preventDefault();
      button.disabled = true;
      show(['正在提交……']);
      fetch(form.action, {
        method: 'POST', body: new URLSearchParams(new FormData(form)),
        headers: { 'Accept': 'application/json' }, credentials: 'omit'
      }).then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      }).then(function (r) {
        if (r.status === 201 && r.body.code) {
          form.querySelector('textarea').value = '';
          show(['已收到，谢谢！您的查询码是 ' + r.body.code + '，请记下来。',
                '答复期限：' + r.body.deadline + '。凭查询码可以查看办理情况和答复。'],
               { href: form.getAttribute('data-status') + '?code=' + encodeURIComponent(r.body.code), text: '查看办理情况' });
        } else {
          button.disabled = false;
          show([(r.body && r.body.error && r.body.error.message) || '没有提交成功，请稍后再试。']);
        }
      }).catch(function () {
        // The desk could not be reached by script: send the form the plain way.
        button.disabled = false;
        form.submit();
      });
    });
  });
})();
