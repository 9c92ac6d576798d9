/* gongkai search client: no framework, no innerHTML with indexed text.
   Contract (docs/design.md §5): ?q= runs on load; hits best first as <li> in
   #results, first link to the notice (to the section the query names, when
   it names one); #results gets data-state="done" and data-count when the
   first 10 (or all) are rendered. Format of the files: docs/search-index.md. */
(function () {
  'use strict';
  var PAGE = 10;
  var VERSION = 3;
  /* a token in at least this share of the notices is common (docs: "Common tokens") */
  var COMMON = 0.25;
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
  var LOG_MAX = Math.log1p(4.4);
  var VALUE = {};
  for (var i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charAt(i)] = i;

  /* Every file but the manifest is asked for with the build's stamp, so a
     copy cached from an older build is never mixed with this one. */
  var stamp = '';
  var files = {};
  function json(path) {
    if (!files[path]) {
      files[path] = fetch(path + (stamp ? '?b=' + stamp : '')).then(function (r) {
        if (!r.ok) throw new Error(path + ' ' + r.status);
        return r.json();
      });
    }
    return files[path];
  }
  function manifest() {
    function get(mode) {
      return fetch('manifest.json', { cache: mode }).then(function (r) {
        if (!r.ok) throw new Error('manifest.json ' + r.status);
        return r.json();
      });
    }
    /* An index of another format (a cached copy, or a site half uploaded):
       ask the server once more, past every cache, then give up. */
    return get('no-cache').then(function (m) {
      return m && m.v === VERSION ? m : get('reload');
    }).then(function (m) {
      if (!m || m.v !== VERSION) throw new Error('index format ' + (m && m.v));
      stamp = m.b || '';
      return m;
    });
  }

  function normalize(text) { return text.normalize('NFKC').toLowerCase(); }
  function isCJK(c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3040 && c <= 0x30FF) ||
      (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
  }
  function isWord(ch) { return /^[\p{L}\p{N}]$/u.test(ch); }
  /* The index's rule: a CJK run of one character is that character, a longer
     run its overlapping bigrams; letters and digits form whole words.
     `runs` receives each chain of three or more units (CJK characters and
     words with nothing between them, 2026年10月): a phrase. */
  function tokens(text, runs) {
    var out = [], run = [], word = '', chain = [];
    function flushRun() {
      if (run.length === 1) out.push(run[0]);
      for (var k = 0; k + 1 < run.length; k++) out.push(run[k] + run[k + 1]);
      run = [];
    }
    function flushWord() { if (word) { out.push(word); chain.push(word); } word = ''; }
    function breakChain() { if (runs && chain.length >= 3) runs.push(chain); chain = []; }
    for (var ch of normalize(text)) {
      var c = ch.codePointAt(0);
      if (isCJK(c)) { flushWord(); run.push(ch); chain.push(ch); }
      else if (isWord(ch)) { flushRun(); word += ch; }
      else { flushRun(); flushWord(); breakChain(); }
    }
    flushRun(); flushWord(); breakChain();
    return out;
  }
  function trigrams(chain) {
    var out = [];
    for (var k = 0; k + 2 < chain.length; k++) out.push(chain[k] + chain[k + 1] + chain[k + 2]);
    return out;
  }
  /* The `^` keys of where a title starts and ends, its closing note in
     brackets aside (docs/search-index.md, "Whole titles"); the rule of
     SearchIndexBuilder.titleAnchors. */
  var TITLE_START = '\u27E8', TITLE_END = '\u27E9';
  function titleAnchors(text) {
    var s = Array.from(normalize(text)), end = s.length, k = s.length;
    while (k > 0 && (s[k - 1] === ' ' || s[k - 1] === '\u3000')) k--;
    if (k > 0 && s[k - 1] === ')') {
      for (var i = k - 2; i >= 0; i--) {
        if (s[i] === '(') { if (i > 0) end = i; break; }
        if (s[i] === ')') break;
      }
    }
    var units = [], word = '';
    for (var j = 0; j < end; j++) {
      var ch = s[j];
      if (isCJK(ch.codePointAt(0))) { if (word) units.push(word); word = ''; units.push(ch); }
      else if (isWord(ch)) word += ch;
      else { if (word) units.push(word); word = ''; }
    }
    if (word) units.push(word);
    var n = units.length, keys = [];
    if (n < 2) return keys;
    function hasCJK(t) { return Array.from(t).some(function (c) { return isCJK(c.codePointAt(0)); }); }
    if (hasCJK(units[0] + units[1])) keys.push(TITLE_START + units[0] + units[1]);
    if (hasCJK(units[n - 2] + units[n - 1])) keys.push(units[n - 2] + units[n - 1] + TITLE_END);
    return keys;
  }
  function fnv32(text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  /* A scored list: number → impact. */
  function decodeScored(s, map) {
    map = map || new Map();
    var doc = -1, gap = 0, shift = 0, impact = false;
    for (var i = 0; i < s.length; i++) {
      var v = VALUE[s.charAt(i)];
      if (impact) { map.set(doc, v); impact = false; continue; }
      gap += (v & 31) * Math.pow(2, shift);
      if (v & 32) { shift += 5; } else { doc += gap; gap = 0; shift = 0; impact = true; }
    }
    return map;
  }
  /* A membership list; `~` lists the notices that are not members. */
  function decodeMembership(s) {
    var set = new Set(), doc = -1, gap = 0, shift = 0, out = s.charAt(0) === '~';
    for (var i = out ? 1 : 0; i < s.length; i++) {
      var v = VALUE[s.charAt(i)];
      gap += (v & 31) * Math.pow(2, shift);
      if (v & 32) { shift += 5; } else { doc += gap; set.add(doc); gap = 0; shift = 0; }
    }
    return { has: function (d) { return set.has(d) !== out; } };
  }

  /* A token's entry in its shard: undefined, a list, or "file/length". */
  function entry(m, token, anchor) {
    return json('s/' + (fnv32(anchor || token) % m.s) + '.json').then(function (table) {
      return table[token];
    }, function () { return undefined; });
  }
  function large(value) { return value !== undefined && value !== null && value.indexOf('/') >= 0; }
  function info(value) {
    if (value === undefined) return { df: 0 };
    if (!large(value)) return { df: decodeScored(value).size, inline: value };
    var at = value.lastIndexOf('/');
    return { df: Number(value.slice(at + 1)), file: value.slice(0, at) };
  }
  /* A scored list, whole or only where the token is strong (the first file
     of a large list; docs: "Large lists"). */
  function scored(token, it, strongOnly) {
    if (it.inline !== undefined) return Promise.resolve(decodeScored(it.inline));
    if (!it.file) return Promise.resolve(new Map());
    var parts = [json(it.file + '.json')];
    if (!strongOnly) parts.push(json(it.file + 'r.json'));
    return Promise.all(parts).then(function (got) {
      var map = new Map();
      got.forEach(function (t) { decodeScored(t[token] || '', map); });
      return map;
    }, function () { return new Map(); });
  }
  function membership(token, value) {
    if (value === undefined) return Promise.resolve(null);
    if (!large(value)) return Promise.resolve(decodeMembership(value));
    return json(value.slice(0, value.lastIndexOf('/')) + '.json').then(function (t) {
      return decodeMembership(t[token] || '');
    }, function () { return null; });
  }

  /* A query is a list of clauses; a clause is one token, or a phrase of the
     synonym table with its alternatives (each a list of tokens, all needed).
     Phrases (CJK runs of three or more characters) are checked whole. */
  function clauses(m, query) {
    var text = normalize(query).replace(/\s+/g, ' ').trim();
    var found = [];
    (m.synonyms || []).forEach(function (group) {
      group.forEach(function (phrase) {
        var p = normalize(phrase), at = text.indexOf(p);
        if (p && at >= 0) found.push({ at: at, end: at + p.length, group: group });
      });
    });
    found.sort(function (a, b) { return a.at - b.at || (b.end - b.at) - (a.end - a.at); });
    var result = [], phrases = [], cursor = 0, seams = {};
    function plain(part) {
      var runs = [];
      tokens(part, runs).forEach(function (t) { result.push({ alts: [[t]], weights: [1], words: [t] }); });
      runs.forEach(function (run) { phrases.push({ chain: run, clause: -1 }); });
    }
    /* offsets from indexOf are UTF-16 units; a surrogate is never taken for CJK */
    function cjkAt(i) { return i >= 0 && i < text.length && isCJK(text.charCodeAt(i)); }
    found.forEach(function (f) {
      if (f.at < cursor) return;
      plain(text.slice(cursor, f.at));
      /* Where a synonym phrase meets the typed text ("2025年|财务"), the pair
         across the seam is a bonus: titles saying it (almost) together rank first.
         Two phrases side by side share their seam: count it once. */
      function seam(i) {
        if (seams[i] || !cjkAt(i) || !cjkAt(i + 1)) return;
        seams[i] = true;
        result.push({ alts: [[text.charAt(i) + text.charAt(i + 1)]], weights: [1], words: [], seam: true });
      }
      seam(f.at - 1);
      seam(f.end - 1);
      var alts = [], weights = [], words = [], typed = text.slice(f.at, f.end), runs = [];
      f.group.forEach(function (phrase) {
        var t = tokens(phrase);
        if (t.length) {
          alts.push(t);
          /* what the resident typed counts more than what it stands for */
          weights.push(normalize(phrase) === typed ? 1 : 0.7);
          words.push(normalize(phrase));
        }
      });
      /* what was typed, as a phrase: said as typed, or as one of its synonyms */
      tokens(typed, runs);
      runs.forEach(function (run) { phrases.push({ chain: run, clause: result.length }); });
      result.push({ alts: alts, weights: weights, words: words });
      cursor = f.end;
    });
    plain(text.slice(cursor));
    /* A single character left between words ("2023年鱼塘") is too common to
       decide a hit: it adds to the score but is not required. */
    if (result.length > 1) {
      result.forEach(function (c) { c.optional = c.seam || (c.alts.length === 1 && c.alts[0].length === 1 && c.alts[0][0].length === 1 && isCJK(c.alts[0][0].codePointAt(0))); });
    }
    return { clauses: result, phrases: phrases };
  }

  function search(m, query, filters) {
    var q = clauses(m, query), cl = q.clauses;
    var needed = new Set();
    cl.forEach(function (c) { c.alts.forEach(function (a) { a.forEach(function (t) { needed.add(t); }); }); });
    var list = Array.from(needed);
    var values = new Map();
    return Promise.all(list.concat(filters).map(function (t) { return entry(m, t); })).then(function (got) {
      list.concat(filters).forEach(function (t, i) { values.set(t, got[i]); });
      var infos = new Map();
      list.forEach(function (t) { infos.set(t, info(values.get(t))); });
      /* A very common token (in a quarter of the notices or more) decides
         nothing when the query has rarer ones: it counts only where it is
         strong (title, 文号, headings), and only its strong part is read. */
      function common(c) {
        return c.alts.every(function (a) { return a.every(function (t) { return infos.get(t).df >= COMMON * m.n; }); });
      }
      var rare = cl.some(function (c) { return !c.optional && !common(c); });
      cl.forEach(function (c) { c.boost = c.optional || (rare && common(c)); });
      /* In the phrases a synonym stands for (not what was typed), a common
         token also counts only where it is strong. */
      var whole = new Set();
      cl.forEach(function (c) {
        if (c.boost) return;
        c.alts.forEach(function (a, ai) {
          a.forEach(function (t) {
            if (!(rare && c.weights[ai] < 1 && infos.get(t).df >= COMMON * m.n)) whole.add(t);
          });
        });
      });
      return Promise.all(list.map(function (t) { return scored(t, infos.get(t), !whole.has(t)); }))
        .then(function (maps) {
          return Promise.all(filters.map(function (f) { return membership(f, values.get(f)); })).then(function (sets) {
            var byToken = new Map();
            list.forEach(function (t, i) { byToken.set(t, maps[i]); });
            return rank(m, cl, byToken, infos, sets);
          });
        })
        .then(function (hits) { return phraseFirst(m, q.phrases, hits, values); })
        .then(function (hits) { return wholeTitles(m, query, q.phrases, hits); })
        .then(function (hits) { return { hits: hits, clauses: cl }; });
    });
  }

  /* BM25: impacts are per notice (docs/search-index.md); the rarer a token,
     the more it counts: idf from its number of postings. */
  function rank(m, cl, byToken, infos, filters) {
    function idf(t) { var df = infos.get(t).df; return Math.log(1 + (m.n - df + 0.5) / (df + 0.5)); }
    function score(q, t) { return q ? idf(t) * Math.expm1(q / 63 * LOG_MAX) : 0; }
    var docs = new Map();
    cl.forEach(function (c, ci) {
      c.alts.forEach(function (alt, ai) {
        byToken.get(alt[0]).forEach(function (_, doc) {
          var total = 0;
          for (var k = 0; k < alt.length; k++) {
            var q = byToken.get(alt[k]).get(doc);
            if (q === undefined) return;
            total += score(q, alt[k]);
          }
          var d = docs.get(doc);
          if (!d) { d = { doc: doc, clause: new Array(cl.length).fill(0), other: new Array(cl.length).fill(false), phrases: 0 }; docs.set(doc, d); }
          d.clause[ci] = Math.max(d.clause[ci], c.weights[ai] * (total + (alt.length > 1 ? total * 0.5 : 0)));
          if (c.weights[ai] < 1) d.other[ci] = true;
        });
      });
    });
    var hits = [];
    docs.forEach(function (d) {
      for (var f = 0; f < filters.length; f++) if (!filters[f] || !filters[f].has(d.doc)) return;
      var matched = 0, required = 0, sum = 0;
      d.clause.forEach(function (s, ci) {
        if (cl[ci].boost) { sum += s * (cl[ci].optional ? 0.5 : 1); return; }
        required++;
        if (s > 0) { matched++; sum += s; }
      });
      var coverage = required ? matched / required : 1;
      if (coverage < 0.5 || sum <= 0) return;   /* one bigram of four is chance, not a hit */
      d.matched = matched;
      d.score = sum * coverage * coverage * (matched === required && required > 1 ? 1.5 : 1);
      hits.push(d);
    });
    return hits;
  }

  /* A phrase is in a notice when all its trigrams are (docs: "Phrases"):
     counted 2 when the title, 文号 or a heading says it (the `^` lists),
     1 when the text does (or, for a phrase of the synonym table, when the
     notice says one of its synonyms). Notices with more come first, over
     all hits. */
  function phraseFirst(m, phrases, hits, values) {
    function order() {
      hits.sort(function (a, b) { return b.phrases - a.phrases || b.matched - a.matched || b.score - a.score || b.doc - a.doc; });
      return hits;
    }
    if (!phrases.length || !hits.length) return order();
    var wanted = [];
    phrases.forEach(function (p) { trigrams(p.chain).forEach(function (t) { wanted.push(t); }); });
    function where(tri) {
      /* a trigram of three CJK characters lives with its first bigram, else
         its last, unless their lists are large; else (and with a word in it)
         with itself. Its title list (`^`) lives with it. */
      var chars = Array.from(tri);
      if (chars.length !== 3 || !chars.every(function (ch) { return isCJK(ch.codePointAt(0)); })) return tri;
      /* a bigram in no list (as across a title and a heading) is not large */
      var h = values.get(chars[0] + chars[1]), t = values.get(chars[1] + chars[2]);
      return !large(h) ? chars[0] + chars[1] : !large(t) ? chars[1] + chars[2] : tri;
    }
    return Promise.all(wanted.map(function (tri) {
      var at = where(tri);
      return Promise.all([entry(m, tri, at), entry(m, '^' + tri, at)]).then(function (v) {
        return Promise.all([membership(tri, v[0]), membership('^' + tri, v[1])]);
      });
    })).then(function (sets) {
      var byTri = new Map();
      wanted.forEach(function (tri, i) { byTri.set(tri, sets[i]); });
      function all(p, k, doc) {
        return trigrams(p.chain).every(function (tri) { var s = byTri.get(tri)[k]; return s && s.has(doc); });
      }
      hits.forEach(function (d) {
        phrases.forEach(function (p) {
          if (all(p, 1, d.doc)) d.phrases += 2;
          else if (all(p, 0, d.doc) || (p.clause >= 0 && d.other[p.clause])) d.phrases += 1;
        });
      });
      return order();
    });
  }

  /* A query that is a notice's whole title (its closing note aside) puts the
     notices with that title first, newest first: the versions of one law,
     a list published again. Only for a phrase of four units or more. */
  function wholeTitles(m, query, phrases, hits) {
    var keys = titleAnchors(query);
    if (!keys.length || hits.length < 2 || !phrases.some(function (p) { return p.chain.length >= 4; })) return hits;
    return Promise.all(keys.map(function (k) {
      return entry(m, '^' + k, k).then(function (v) { return membership('^' + k, v); });
    })).then(function (sets) {
      if (sets.some(function (set) { return !set; })) return hits;
      var need = 2 * phrases.length, whole = [], rest = [];
      hits.forEach(function (d) {
        (d.phrases >= need && sets.every(function (set) { return set.has(d.doc); }) ? whole : rest).push(d);
      });
      whole.sort(function (a, b) { return b.doc - a.doc; });
      return whole.concat(rest);
    });
  }

  /* The heading a query names (a chapter, a section, an article, a Markdown
     heading), from a fragment's `h`: where the hit links. */
  var DIGITS = '零一二三四五六七八九';
  function chinese(n) {
    if (n < 10) return DIGITS.charAt(n);
    if (n < 20) return '十' + (n % 10 ? DIGITS.charAt(n % 10) : '');
    if (n < 100) return DIGITS.charAt(Math.floor(n / 10)) + '十' + (n % 10 ? DIGITS.charAt(n % 10) : '');
    var rest = n % 100, head = DIGITS.charAt(Math.floor(n / 100)) + '百';
    if (!rest) return head;
    if (rest < 10) return head + '零' + DIGITS.charAt(rest);
    return head + chinese(rest).replace(/^十/, '一十');
  }
  function headings(h) {
    var out = [];
    (h || []).forEach(function (x) {
      if (typeof x === 'string') {
        var at = x.lastIndexOf('#');
        out.push(at >= 0 ? { text: x.slice(0, at), anchor: x.slice(at + 1) } : { text: x, anchor: x });
      } else if (x && x.length === 2) {
        for (var n = x[0]; n <= x[1] && n < 1000; n++) { var t = '第' + chinese(n) + '条'; out.push({ text: t, anchor: t }); }
      }
    });
    return out;
  }
  function section(f, cl, query) {
    var list = headings(f.h);
    if (!list.length) return null;
    var article = normalize(query).match(/第[〇零一二三四五六七八九十百千两0-9]+[条章节]/);
    if (article) {
      for (var i = 0; i < list.length; i++) if (normalize(list[i].text).indexOf(article[0]) === 0) return list[i];
    }
    var title = normalize(f.t).replace(/\s+/g, '');
    var needed = cl.filter(function (c) { return !c.optional && c.words.length; });
    if (!needed.length) return null;
    function covered(text) {
      return needed.filter(function (c) {
        return c.alts.some(function (a) { return a.every(function (t) { return text.indexOf(t) >= 0; }); });
      }).length;
    }
    /* A notice whose title says it all is linked as a whole. */
    if (covered(title) === needed.length) return null;
    var best = null, most = 0;
    list.forEach(function (x) {
      var k = covered(normalize(x.text).replace(/\s+/g, ''));
      if (k > most) { most = k; best = x; }
    });
    return most * 2 >= needed.length && most > covered(title) ? best : null;
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

  function render(found, from, words, query) {
    var slice = found.hits.slice(from, from + PAGE);
    return Promise.all(slice.map(function (h) {
      return json('d/' + h.doc + '.json').catch(function () { return null; });
    })).then(function (frags) {
      frags.forEach(function (f, i) {
        if (!f) return;
        var li = document.createElement('li');
        li.className = 'item hit';
        /* how the hit ranked, for tests and the curious */
        li.setAttribute('data-rank', [slice[i].phrases, slice[i].matched, slice[i].score.toFixed(3)].join(' '));
        var a = document.createElement('a');
        var sec = section(f, found.clauses, query);
        a.href = '../' + f.u + (sec ? '#' + encodeURIComponent(sec.anchor) : '');
        a.className = 'item-title';
        highlight(a, f.t, words);
        li.appendChild(a);
        if (sec) {
          var where = document.createElement('p');
          where.className = 'hit-section';
          where.appendChild(document.createTextNode('见：'));
          var link = document.createElement('a');
          link.href = a.href;
          highlight(link, sec.text, words);
          where.appendChild(link);
          li.appendChild(where);
        }
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
    manifest().then(function (m) {
      return search(m, query, filters);
    }).then(function (found) {
      var words = [];
      found.clauses.forEach(function (c) { c.words.forEach(function (w) { words.push(w); }); });
      var shown = 0;
      function page() {
        return render(found, shown, words, query).then(function () {
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
