/* gongkai search client: no framework, no innerHTML with indexed text.
   Contract (docs/design.md §5): ?q= runs on load; hits best first as <li> in
   #results, first link to the notice; #results gets data-state="done" and
   data-count when the first 10 (or all) are rendered. Format of the files:
   docs/search-index.md. */
(function () {
  'use strict';
  var PAGE = 10;
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var community = document.getElementById('community');
  var category = document.getElementById('category');
  var results = document.getElementById('results');
  var status = document.getElementById('status');
  var more = document.getElementById('more');
  var help = document.getElementById('help');
  if (!form || !results) return;
  document.documentElement.classList.add('js');

  var ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  /* highest impact: title and body both saturated, 2 · (k1 + 1) with k1 = 1.2 */
  var MAX_IMPACT = 4.4;
  var VALUE = {};
  for (var i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charAt(i)] = i;
  var files = {};
  function json(path) {
    if (!files[path]) {
      files[path] = fetch(path).then(function (r) {
        if (!r.ok) throw new Error(path + ' ' + r.status);
        return r.json();
      });
    }
    return files[path];
  }

  function normalize(text) { return text.normalize('NFKC').toLowerCase(); }
  function isCJK(c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3040 && c <= 0x30FF) ||
      (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
  }
  function isWord(ch) { return /^[\p{L}\p{N}]$/u.test(ch); }
  /* The index's rule: a CJK run of one character is that character, a longer
     run its overlapping bigrams; letters and digits form whole words. */
  function tokens(text) {
    var out = [], run = [], word = '';
    function flushRun() {
      if (run.length === 1) out.push(run[0]);
      for (var k = 0; k + 1 < run.length; k++) out.push(run[k] + run[k + 1]);
      run = [];
    }
    function flushWord() { if (word) out.push(word); word = ''; }
    for (var ch of normalize(text)) {
      var c = ch.codePointAt(0);
      if (isCJK(c)) { flushWord(); run.push(ch); }
      else if (isWord(ch)) { flushRun(); word += ch; }
      else { flushRun(); flushWord(); }
    }
    flushRun(); flushWord();
    return out;
  }
  function fnv32(text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function decode(s) {
    var map = new Map(), doc = -1, gap = 0, shift = 0, impact = false;
    for (var i = 0; i < s.length; i++) {
      var v = VALUE[s.charAt(i)];
      if (impact) { map.set(doc, v); impact = false; continue; }
      gap |= (v & 31) << shift;
      if (v & 32) { shift += 5; } else { doc += gap; gap = 0; shift = 0; impact = true; }
    }
    return map;
  }
  function postings(manifest, token) {
    var shard = 's/' + (fnv32(token) % manifest.s) + '.json';
    return json(shard).then(function (table) {
      var value = table[token];
      if (value === undefined) return new Map();
      if (value.indexOf('/') < 0) return decode(value);
      return json(value + '.json').then(function (own) { return decode(own[token] || ''); });
    }, function () { return new Map(); });
  }

  /* A query is a list of clauses; a clause is one token, or a phrase of the
     synonym table with its alternatives (each a list of tokens, all needed). */
  function clauses(manifest, query) {
    var text = normalize(query).replace(/\s+/g, ' ').trim();
    var found = [];
    (manifest.synonyms || []).forEach(function (group) {
      group.forEach(function (phrase) {
        var p = normalize(phrase), at = text.indexOf(p);
        if (p && at >= 0) found.push({ at: at, end: at + p.length, group: group });
      });
    });
    found.sort(function (a, b) { return a.at - b.at || (b.end - b.at) - (a.end - a.at); });
    var result = [], cursor = 0, seams = {};
    function plain(part) {
      tokens(part).forEach(function (t) { result.push({ alts: [[t]], weights: [1], words: [t] }); });
    }
    /* offsets from indexOf are UTF-16 units; a surrogate is never taken for CJK */
    function cjkAt(i) { return i >= 0 && i < text.length && isCJK(text.charCodeAt(i)); }
    found.forEach(function (f) {
      if (f.at < cursor) return;
      plain(text.slice(cursor, f.at));
      /* Where a synonym phrase meets the typed text ("2025年|财务"), the pair
         across the seam is a bonus: titles saying it (almost) together rank first. */
      /* Two phrases side by side share their seam: count it once. */
      function seam(i) {
        if (seams[i] || !cjkAt(i) || !cjkAt(i + 1)) return;
        seams[i] = true;
        result.push({ alts: [[text.charAt(i) + text.charAt(i + 1)]], weights: [1], words: [], seam: true });
      }
      seam(f.at - 1);
      seam(f.end - 1);
      var alts = [], weights = [], words = [], typed = text.slice(f.at, f.end);
      f.group.forEach(function (phrase) {
        var t = tokens(phrase);
        if (t.length) {
          alts.push(t);
          /* what the resident typed counts more than what it stands for */
          weights.push(normalize(phrase) === typed ? 1 : 0.7);
          words.push(normalize(phrase));
        }
      });
      result.push({ alts: alts, weights: weights, words: words });
      cursor = f.end;
    });
    plain(text.slice(cursor));
    /* A single character left between words ("2023年鱼塘") is too common to
       decide a hit: it adds to the score but is not required. */
    if (result.length > 1) {
      result.forEach(function (c) { c.optional = c.seam || (c.alts.length === 1 && c.alts[0].length === 1 && c.alts[0][0].length === 1 && isCJK(c.alts[0][0].codePointAt(0))); });
    }
    return result;
  }

  function search(manifest, query, filters) {
    var cl = clauses(manifest, query);
    var needed = new Set();
    cl.forEach(function (c) { c.alts.forEach(function (a) { a.forEach(function (t) { needed.add(t); }); }); });
    filters.forEach(function (f) { needed.add(f); });
    var list = Array.from(needed);
    return Promise.all(list.map(function (t) { return postings(manifest, t); })).then(function (maps) {
      var byToken = new Map();
      list.forEach(function (t, i) { byToken.set(t, maps[i]); });
      /* BM25: impacts are per notice (docs/search-index.md); the rarer a
         token, the more it counts: idf from its number of postings. */
      var idf = new Map();
      byToken.forEach(function (m, t) { idf.set(t, Math.log(1 + (manifest.n - m.size + 0.5) / (m.size + 0.5))); });
      var LOG_MAX = Math.log1p(MAX_IMPACT);
      function score(q, t) { return q ? idf.get(t) * Math.expm1(q / 63 * LOG_MAX) : 0; }
      var docs = new Map();
      cl.forEach(function (c, ci) {
        c.alts.forEach(function (alt, ai) {
          var first = byToken.get(alt[0]);
          first.forEach(function (_, doc) {
            var total = 0;
            for (var k = 0; k < alt.length; k++) {
              var q = byToken.get(alt[k]).get(doc);
              if (q === undefined) return;
              total += score(q, alt[k]);
            }
            var d = docs.get(doc);
            if (!d) { d = { doc: doc, clause: new Array(cl.length).fill(0) }; docs.set(doc, d); }
            var weight = c.weights[ai];
            d.clause[ci] = Math.max(d.clause[ci], weight * (total + (alt.length > 1 ? total * 0.5 : 0)));
          });
        });
      });
      var hits = [];
      docs.forEach(function (d) {
        for (var f = 0; f < filters.length; f++) if (!byToken.get(filters[f]).has(d.doc)) return;
        var matched = 0, required = 0, sum = 0;
        d.clause.forEach(function (s, ci) {
          if (cl[ci].optional) { sum += s * 0.5; return; }
          required++;
          if (s > 0) { matched++; sum += s; }
        });
        var coverage = required ? matched / required : 1;
        if (coverage < 0.5 || sum <= 0) return;   /* one bigram of four is chance, not a hit */
        var phrase = matched === required && required > 1 ? 1.5 : 1;
        d.matched = matched;
        d.score = sum * coverage * coverage * phrase;
        hits.push(d);
      });
      hits.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || b.doc - a.doc; });
      var phrase = normalize(query).replace(/\s+/g, '');
      return { hits: hits, clauses: cl, phrase: cl.length > 1 ? phrase : '' };
    });
  }

  /* Snippet: the fragment's text around the first match, matches in <mark>. */
  function highlight(parent, text, words) {
    var lower = normalize(text), marks = new Array(text.length).fill(false);
    words.forEach(function (w) {
      if (!w) return;
      for (var at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
        for (var k = at; k < at + w.length && k < marks.length; k++) marks[k] = true;
      }
    });
    var start = 0;
    if (text.length > 90) {
      var first = marks.indexOf(true);
      start = first > 30 ? first - 30 : 0;
    }
    var end = Math.min(text.length, start + 90);
    if (start > 0) parent.appendChild(document.createTextNode('…'));
    var i = start;
    while (i < end) {
      var j = i;
      while (j < end && marks[j] === marks[i]) j++;
      var piece = document.createTextNode(text.slice(i, j));
      if (marks[i]) { var m = document.createElement('mark'); m.appendChild(piece); parent.appendChild(m); }
      else parent.appendChild(piece);
      i = j;
    }
    if (end < text.length) parent.appendChild(document.createTextNode('…'));
    return marks.indexOf(true) >= 0;
  }

  /* The index has no positions: among the hits on screen, the exact phrase
     in the title, then in the text, comes first (order kept otherwise). */
  function phraseLevel(f, phrase) {
    if (!f || !phrase) return 0;
    if (normalize(f.t).replace(/\s+/g, '').indexOf(phrase) >= 0) return 2;
    return normalize(f.x || '').replace(/\s+/g, '').indexOf(phrase) >= 0 ? 1 : 0;
  }

  function render(found, from, words) {
    var slice = found.hits.slice(from, from + PAGE);
    return Promise.all(slice.map(function (h) {
      return json('d/' + h.doc + '.json').catch(function () { return null; });
    })).then(function (frags) {
      var order = frags.map(function (f, i) { return { f: f, i: i, level: phraseLevel(f, found.phrase) }; });
      order.sort(function (a, b) { return b.level - a.level || a.i - b.i; });
      frags = order.map(function (o) { return o.f; });
      slice = order.map(function (o) { return slice[o.i]; });
      frags.forEach(function (f, i) {
        if (!f) return;
        var li = document.createElement('li');
        li.className = 'item hit';
        var a = document.createElement('a');
        a.href = '../' + f.u;
        a.className = 'item-title';
        highlight(a, f.t, words);
        li.appendChild(a);
        var meta = document.createElement('p');
        meta.className = 'item-meta';
        [f.d.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'), f.c, f.k].concat(f.n ? [f.n] : []).forEach(function (t) {
          var span = document.createElement('span'); span.textContent = t; meta.appendChild(span);
        });
        li.appendChild(meta);
        var snippet = document.createElement('p');
        snippet.className = 'snippet';
        highlight(snippet, f.x, words);
        li.appendChild(snippet);
        results.appendChild(li);
        slice[i].rendered = true;
      });
    });
  }

  function run() {
    var params = new URLSearchParams(location.search);
    var query = (params.get('q') || '').trim();
    var filters = [];
    var c = params.get('community') || '', k = params.get('category') || '';
    input.value = query;
    if (community) community.value = c;
    if (category) category.value = k;
    if (c) filters.push('@c:' + c);
    if (k) filters.push('@k:' + k);
    if (!query) { results.setAttribute('data-state', 'idle'); return; }
    results.setAttribute('data-state', 'loading');
    status.textContent = '正在搜索“' + query + '”…';
    json('manifest.json').then(function (manifest) {
      return search(manifest, query, filters);
    }).then(function (found) {
      var words = [];
      found.clauses.forEach(function (c) { c.words.forEach(function (w) { words.push(w); }); });
      var shown = 0;
      function page() {
        return render(found, shown, words).then(function () {
          shown = Math.min(found.hits.length, shown + PAGE);
          more.hidden = shown >= found.hits.length;
        });
      }
      return page().then(function () {
        var n = found.hits.length;
        status.textContent = n ? '找到 ' + n + ' 篇与“' + query + '”有关的公告' + (n > PAGE ? '，先显示最相关的 ' + Math.min(n, PAGE) + ' 篇。' : '。')
          : '没有找到与“' + query + '”有关的公告。';
        help.hidden = n > 0;
        results.setAttribute('data-count', String(n));
        results.setAttribute('data-state', 'done');
        more.onclick = function () {
          var before = shown;
          page().then(function () {
            var next = results.children[before];
            if (next) { var link = next.querySelector('a'); if (link) link.focus(); }
          });
        };
      });
    }).catch(function (error) {
      status.textContent = '搜索暂时无法使用，请稍后再试，或按村（社区）和类别查找。';
      results.setAttribute('data-count', '0');
      results.setAttribute('data-state', 'error');
      if (window.console) console.error(error);
    });
  }
  run();
})();
