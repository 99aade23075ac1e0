// levelmap explorer: the page's own script. It reads the data levelmap embedded
// (schema levelmap/explore), draws the map and the timeline with Cytoscape.js at the
// positions levelmap computed, and keeps the view's state in the URL fragment.
// Text from the corpus only ever reaches the page through textContent, never as markup.
// The page paints its frame first ("Loading…"), then reads the data and draws: on a
// large corpus the reader sees the page at once instead of a blank window.
(function () {
  'use strict';
  document.getElementById('status').textContent = 'Loading the graph…';
  requestAnimationFrame(function () { setTimeout(levelmapExplore, 0); });
})();

function levelmapExplore() {
  'use strict';
  var D = JSON.parse(document.getElementById('data').textContent);
  var N = D.graph.nodes, E = D.graph.edges;
  var KINDS = ['article', 'actor', 'policy', 'claim', 'event'];
  var STANCES = ['for', 'against', 'mixed', 'neutral'];
  var FILL = { article: '#fdf6e3', actor: '#e3f2fd', policy: '#ede7f6', claim: '#ffffff', event: '#fff3e0' };
  var STROKE = { article: '#8a6d3b', actor: '#1565c0', policy: '#5e35b1', claim: '#546e7a', event: '#ef6c00' };
  var SHAPE = { article: 'rectangle', actor: 'ellipse', policy: 'hexagon', claim: 'round-rectangle', event: 'cut-rectangle' };
  var EDGE_COLOR = {
    attacks: '#c62828', supports: '#2e7d32', echoes: '#6a1b9a', 'evolves-into': '#4527a0', replaces: '#4527a0',
    'part-of': '#7e57c2', mentions: '#b0bec5', proposes: '#1565c0', criticises: '#d84315', about: '#78909c',
    makes: '#90a4ae', authored: '#90a4ae', 'published-by': '#90a4ae', 'attributed-to': '#0277bd',
    'member-of': '#90a4ae', 'refers-to': '#ef6c00'
  };
  var STANCE_COLOR = { 'for': '#2e7d32', against: '#c62828', mixed: '#f9a825', neutral: '#78909c' };

  // ---- the graph: indices, adjacency --------------------------------------------
  var index = new Map();
  N.forEach(function (n, i) { index.set(n.id, i); });
  var from = E.map(function (e) { return index.get(e.from); });
  var to = E.map(function (e) { return index.get(e.to); });
  var adj = N.map(function () { return []; });
  E.forEach(function (e, k) { adj[from[k]].push(k); if (to[k] !== from[k]) adj[to[k]].push(k); });
  var edgeKinds = Array.from(new Set(E.map(function (e) { return e.kind; }))).sort();
  var articleOf = new Map(); // article stem -> node index
  N.forEach(function (n, i) { if (n.kind === 'article') articleOf.set(n.id.slice('article:'.length), i); });

  function dayLabel(day) {
    for (var i = 0; i < D.days.length; i++) if (D.days[i][0] === day) return D.days[i][1];
    var d = new Date(day * 86400000);
    return d.toISOString().slice(0, 10);
  }
  // "2021", "2021-09" or "2021-09-14" to the first day, or null.
  function parseDay(s, end) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec((s || '').trim());
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : (end ? 11 : 0);
    var d = m[3] ? +m[3] : (end ? new Date(Date.UTC(y, mo + 1, 0)).getUTCDate() : 1);
    return Math.floor(Date.UTC(y, mo, d) / 86400000);
  }

  // ---- state, kept in the URL fragment -------------------------------------------
  var DEFAULT_EDGES = edgeKinds.filter(function (k) { return k !== 'mentions'; });
  var S;
  function defaults() {
    return {
      view: 'map', focus: null, n: 1, q: '', t: D.days.length - 1,
      kinds: KINDS.slice(), edges: DEFAULT_EDGES.slice(), stances: STANCES.concat(['none']),
      actor: '', policy: '', from: '', to: '', path: null
    };
  }
  function sameSet(a, b) { return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; }); }
  function toHash() {
    var d = defaults(), p = new URLSearchParams();
    if (S.view !== d.view) p.set('view', S.view);
    if (S.focus !== null) p.set('focus', N[S.focus].id);
    if (S.n !== d.n) p.set('n', String(S.n));
    if (S.q) p.set('q', S.q);
    if (S.t !== d.t && D.days[S.t]) p.set('t', D.days[S.t][1]);
    if (!sameSet(S.kinds, d.kinds)) p.set('kinds', S.kinds.join(','));
    if (!sameSet(S.edges, d.edges)) p.set('edges', S.edges.join(','));
    if (!sameSet(S.stances, d.stances)) p.set('stances', S.stances.join(','));
    ['actor', 'policy', 'from', 'to'].forEach(function (k) { if (S[k]) p.set(k, S[k]); });
    if (S.path) p.set('path', N[S.path[0]].id + ' ' + N[S.path[1]].id);
    return p.toString();
  }
  function fromHash(h) {
    var s = defaults(), p = new URLSearchParams(h.replace(/^#/, ''));
    if (p.get('view') === 'timeline' && D.timeline) s.view = 'timeline';
    if (p.has('focus') && index.has(p.get('focus'))) s.focus = index.get(p.get('focus'));
    var n = parseInt(p.get('n'), 10); if (n >= 1 && n <= 5) s.n = n;
    if (p.has('q')) s.q = p.get('q');
    if (p.has('t')) D.days.forEach(function (d, i) { if (d[1] === p.get('t')) s.t = i; });
    function list(key, all) {
      if (!p.has(key)) return;
      s[key] = p.get(key).split(',').filter(function (x) { return all.indexOf(x) >= 0; });
    }
    list('kinds', KINDS); list('edges', edgeKinds); list('stances', STANCES.concat(['none']));
    ['actor', 'policy'].forEach(function (k) { if (p.has(k) && index.has(p.get(k))) s[k] = p.get(k); });
    ['from', 'to'].forEach(function (k) { if (p.has(k) && parseDay(p.get(k))) s[k] = p.get(k); });
    if (p.has('path')) {
      var ab = p.get('path').split(' ');
      if (ab.length === 2 && index.has(ab[0]) && index.has(ab[1])) s.path = [index.get(ab[0]), index.get(ab[1])];
    }
    return s;
  }
  var writingHash = false;
  function saveHash() {
    var h = toHash();
    if (h === location.hash.replace(/^#/, '')) return;
    writingHash = true;
    history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    writingHash = false;
  }

  // ---- what is visible -----------------------------------------------------------
  function within(start, depth, kinds) {
    var seen = new Map([[start, 0]]), q = [start];
    while (q.length) {
      var u = q.shift(), du = seen.get(u);
      if (du >= depth) continue;
      adj[u].forEach(function (k) {
        if (kinds && kinds.indexOf(E[k].kind) < 0) return;
        var v = from[k] === u ? to[k] : from[k];
        if (!seen.has(v)) { seen.set(v, du + 1); q.push(v); }
      });
    }
    return seen;
  }
  var nodeVis = [], edgeVis = [];
  // The nodes each drawing places (the map leaves out names only mentioned).
  var placed = { map: new Set(), timeline: new Set() };
  D.map.boxes.forEach(function (b) { if (b.n >= 0) placed.map.add(b.n); });
  if (D.timeline) D.timeline.boxes.forEach(function (b) { if (b.n >= 0) placed.timeline.add(b.n); });
  function computeVisible() {
    var tDay = D.days.length ? D.days[S.t][0] : Infinity;
    var lo = S.from ? parseDay(S.from, false) : -Infinity, hi = S.to ? parseDay(S.to, true) : Infinity;
    var scope = null;
    [S.actor, S.policy].forEach(function (id) {
      if (!id) return;
      var near = within(index.get(id), 2, DEFAULT_EDGES);
      scope = scope ? new Set(Array.from(scope).filter(function (i) { return near.has(i); })) : new Set(near.keys());
    });
    nodeVis = N.map(function (n, i) {
      var f = D.first[i];
      if (S.kinds.indexOf(n.kind) < 0) return false;
      if (f !== null && (f > tDay || f < lo || f > hi)) return false;
      return !scope || scope.has(i);
    });
    edgeVis = E.map(function (e, k) {
      var d = D.edge_day[k];
      if (S.edges.indexOf(e.kind) < 0) return false;
      if (e.kind === 'about' && S.stances.indexOf(e.stance || 'none') < 0) return false;
      if (d !== null && (d > tDay || d < lo || d > hi)) return false;
      return nodeVis[from[k]] && nodeVis[to[k]];
    });
  }

  // ---- drawing ---------------------------------------------------------------------
  function shortLabel(s, max) { return s.length > max ? s.slice(0, max - 1) + '…' : s; }
  function style() {
    var st = [
      { selector: 'node', style: {
        shape: 'data(shape)', width: 'data(w)', height: 'data(h)', 'background-color': 'data(fill)',
        'border-color': 'data(stroke)', 'border-width': 1.5, label: 'data(label)', 'font-size': 11,
        'text-wrap': 'wrap', 'text-max-width': 'data(tw)', 'text-valign': 'center', 'text-halign': 'center',
        color: '#1b1b1b', 'font-family': 'system-ui, DejaVu Sans, sans-serif', 'min-zoomed-font-size': 5 } },
      { selector: 'node.draft', style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#f57f17' } },
      { selector: 'edge', style: {
        width: 1.4, 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.85 } },
      { selector: 'edge.thread', style: { 'line-color': '#b0bec5', 'target-arrow-shape': 'none', 'line-style': 'dashed', width: 1 } },
      { selector: 'edge.draft', style: { 'line-style': 'dashed' } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: '.faded', style: { opacity: 0.12 } },
      { selector: 'node.hl', style: { 'border-width': 3, 'border-color': '#0d47a1', opacity: 1 } },
      { selector: 'edge.hl', style: { width: 3, opacity: 1 } },
      { selector: 'node.focus', style: { 'border-width': 5, 'border-color': '#ff6f00', 'background-color': '#fff8e1' } },
      { selector: 'node.match', style: { 'underlay-color': '#ffeb3b', 'underlay-opacity': 0.9, 'underlay-padding': 6 } },
      { selector: '.path', style: { opacity: 1 } },
      { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#c2185b' } },
      { selector: 'edge.path', style: { width: 5, 'line-color': '#c2185b', 'target-arrow-color': '#c2185b' } },
      { selector: 'node.label', style: { shape: 'rectangle', 'background-opacity': 0, 'border-width': 0, 'font-weight': 'bold' } }
    ];
    return st;
  }
  // Above this many lines a drawing is large: Cytoscape takes minutes to lay out every
  // line, so only the lines of the highlighted neighbourhood and of the path are drawn.
  var LARGE = 20000;
  function lineElement(layout, i) {
    var l = layout.lines[i], e = l[2] >= 0 ? E[l[2]] : null;
    var color = e ? (e.kind === 'about' ? STANCE_COLOR[e.stance || 'neutral'] : EDGE_COLOR[e.kind] || '#78909c') : '#b0bec5';
    var base = e ? (e.kind + (e.origin === 'extracted' ? ' draft' : '')) : 'thread';
    return { group: 'edges', data: { id: 'l' + i, source: 'b' + l[0], target: 'b' + l[1], e: l[2], color: color,
      sn: layout.boxes[l[0]].n, tn: layout.boxes[l[1]].n, base: base }, classes: base };
  }
  // In a large drawing: the lines to show now (at most LARGE).
  function syncLines(cy, layout, highlighted, pathEdges) {
    var want = [];
    if (highlighted || pathEdges.size) {
      layout.lines.forEach(function (l, i) {
        var sn = layout.boxes[l[0]].n, tn = layout.boxes[l[1]].n;
        if ((highlighted && highlighted.has(sn) && highlighted.has(tn)) || (l[2] >= 0 && pathEdges.has(l[2]))) want.push(i);
      });
    }
    cy.edges().remove();
    cy.add(want.slice(0, LARGE).map(function (i) { return lineElement(layout, i); }));
  }
  function elements(layout) {
    var els = [];
    layout.boxes.forEach(function (b, i) {
      var n = b.n >= 0 ? N[b.n] : null;
      var r = b.r, kind = n ? n.kind : 'label';
      var draft = n && n.origin === 'extracted';
      var base = (n ? kind : 'label') + (draft ? ' draft' : '');
      els.push({ group: 'nodes', data: {
        id: 'b' + i, n: b.n, base: base, w: r[2], h: r[3], tw: Math.max(20, r[2] - 10),
        shape: SHAPE[kind] || 'rectangle', fill: FILL[kind] || '#ffffff', stroke: STROKE[kind] || '#ffffff',
        label: (draft ? '[draft] ' : '') + shortLabel(b.t || (n ? n.label : ''), Math.max(12, Math.floor(r[2] * r[3] / 90)))
      }, position: { x: r[0] + r[2] / 2, y: r[1] + r[3] / 2 }, classes: base });
    });
    if (layout.lines.length <= LARGE) {
      layout.lines.forEach(function (l, i) { els.push(lineElement(layout, i)); });
    }
    return els;
  }
  var cys = {};
  function makeCy(view) {
    if (cys[view]) return cys[view];
    var layout = view === 'map' ? D.map : D.timeline;
    var cy = cytoscape({
      container: document.getElementById('cy-' + view), elements: elements(layout), style: style(),
      layout: { name: 'preset' }, minZoom: 0.02, maxZoom: 4,
      boxSelectionEnabled: false, autoungrabify: true,
      // Large maps stay responsive: edges hidden and a texture shown while panning.
      hideEdgesOnViewport: layout.lines.length > 5000, textureOnViewport: layout.lines.length > 5000
    });
    cy.on('tap', 'node', function (ev) {
      var n = ev.target.data('n');
      if (n >= 0) { S.focus = n; update(); }
    });
    cy.on('tap', function (ev) { if (ev.target === cy) { S.focus = null; update(); } });
    cys[view] = cy;
    cy.fit(undefined, 20);
    return cy;
  }

  // ---- neighbourhood, search, path highlight ---------------------------------------
  var highlighted = null;
  function visibleWithin(start, depth) {
    var seen = new Map([[start, 0]]), q = [start];
    while (q.length) {
      var u = q.shift(), du = seen.get(u);
      if (du >= depth) continue;
      adj[u].forEach(function (k) {
        if (!edgeVis[k]) return;
        var v = from[k] === u ? to[k] : from[k];
        if (!seen.has(v)) { seen.set(v, du + 1); q.push(v); }
      });
    }
    return seen;
  }
  var pathResult = null;
  function paint() {
    var cy = cys[S.view];
    if (!cy) return;
    highlighted = S.focus !== null && nodeVis[S.focus] ? visibleWithin(S.focus, S.n) : null;
    var onPath = new Set(), pathEdges = new Set();
    if (pathResult && pathResult.path) {
      onPath.add(pathResult.a);
      pathResult.path.forEach(function (h) { onPath.add(h.to); pathEdges.add(h.edge); });
    }
    var q = S.q.trim().toLowerCase(), matches = q ? searchMatches(q) : null;
    var large = (S.view === 'map' ? D.map : D.timeline).lines.length > LARGE;
    if (large) syncLines(cy, S.view === 'map' ? D.map : D.timeline, highlighted, pathEdges);
    var shown = 0, lit = 0;
    nodeVis.forEach(function (v, i) { if (v && placed[S.view].has(i)) shown++; });
    cy.batch(function () {
      // One class string per element, set only when it changes (fast on large graphs).
      var dim = !!(highlighted || onPath.size);
      function set(el, cls) { if (el.scratch('_c') !== cls) { el.scratch('_c', cls); el.classes(cls); } }
      cy.nodes().forEach(function (el) {
        var n = el.data('n'), c = el.data('base');
        if (!(n < 0 || nodeVis[n])) c += ' hidden';
        var hl = highlighted && n >= 0 && highlighted.has(n);
        if (hl) c += ' hl';
        if (n >= 0 && n === S.focus) c += ' focus';
        if (dim && !hl && !onPath.has(n)) c += ' faded';
        if (onPath.has(n)) c += ' path';
        if (matches && matches.nodes.has(n)) c += ' match';
        set(el, c);
      });
      cy.edges().forEach(function (el) {
        var k = el.data('e'), src = el.data('sn'), dst = el.data('tn'), c = el.data('base');
        var vis = k >= 0 ? edgeVis[k] : (nodeVis[src] && nodeVis[dst]);
        if (!vis) c += ' hidden';
        var hl = highlighted && highlighted.has(src) && highlighted.has(dst);
        if (hl) c += ' hl';
        if (dim && !hl && !pathEdges.has(k)) c += ' faded';
        if (k >= 0 && pathEdges.has(k)) c += ' path';
        set(el, c);
      });
    });
    if (highlighted) {
      cy.nodes().forEach(function (el) { if (highlighted.has(el.data('n'))) lit++; });
    }
    var status = document.getElementById('status');
    var parts = [shown + ' of ' + placed[S.view].size + ' nodes shown'];
    if (highlighted) parts.push(highlighted.size + ' highlighted within ' + S.n + ' step(s) of ' + N[S.focus].label);
    if (D.days.length) parts.push('as of ' + D.days[S.t][1]);
    if (large) parts.push('large graph: lines drawn only around the focus and along the path');
    status.textContent = parts.join(' · ');
    status.dataset.highlighted = highlighted ? String(highlighted.size) : '0';
    status.dataset.highlightedBoxes = String(lit);
    status.dataset.shown = String(shown);
  }

  function searchText(i) {
    var n = N[i];
    return [n.label, n.id, (n.aliases || []).join(' '), n.description || '', n.evidence ? n.evidence.quote : '']
      .join('\n').toLowerCase();
  }
  var nodeText = N.map(function (_, i) { return searchText(i); });
  var quoteText = E.map(function (e) { return (e.evidence.quote || '').toLowerCase(); });
  function searchMatches(q) {
    var nodes = new Set(), quotes = [];
    nodeText.forEach(function (t, i) { if (t.indexOf(q) >= 0) nodes.add(i); });
    quoteText.forEach(function (t, k) { if (t.indexOf(q) >= 0) quotes.push(k); });
    return { nodes: nodes, quotes: quotes };
  }
  function el(tag, attrs, text) {
    var x = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { x.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) x.textContent = text;
    return x;
  }
  function button(text, onclick, cls) {
    var b = el('button', { type: 'button' }, text);
    if (cls) b.className = cls;
    b.addEventListener('click', onclick);
    return b;
  }
  function renderResults() {
    var ul = document.getElementById('results');
    ul.textContent = '';
    var q = S.q.trim().toLowerCase();
    if (!q) return;
    var m = searchMatches(q), count = 0;
    Array.from(m.nodes).slice(0, 40).forEach(function (i) {
      var li = el('li'), b = button('', function () { S.focus = i; update(); centre(i); });
      b.appendChild(el('span', null, N[i].label + ' '));
      b.appendChild(el('span', { 'class': 'kind' }, N[i].kind));
      b.dataset.node = N[i].id;
      li.appendChild(b); ul.appendChild(li); count++;
    });
    m.quotes.slice(0, 40).forEach(function (k) {
      var li = el('li'), e = E[k];
      var b = button('', function () { S.focus = from[k]; update(); centre(from[k]); });
      b.appendChild(el('span', null, '“' + shortLabel(e.evidence.quote, 90) + '” '));
      b.appendChild(el('span', { 'class': 'kind' }, N[from[k]].label + ' ' + e.kind + ' ' + N[to[k]].label));
      b.dataset.node = N[from[k]].id;
      li.appendChild(b); ul.appendChild(li); count++;
    });
    if (!count) ul.appendChild(el('li', null, 'No match.'));
  }
  function centre(i) {
    var cy = cys[S.view];
    if (!cy) return;
    var boxes = cy.nodes().filter(function (x) { return x.data('n') === i; });
    if (boxes.length) cy.animate({ center: { eles: boxes.first() }, zoom: Math.max(cy.zoom(), 0.8) }, { duration: 200 });
  }

  // ---- the side panel and the reader ------------------------------------------------
  function dateOf(n) { return n.date ? n.date.value + (n.date.provenance === 'inferred' ? ' (inferred)' : '') : null; }
  function renderPanel() {
    var p = document.getElementById('panel');
    p.textContent = '';
    if (S.focus === null) {
      p.appendChild(el('p', { 'class': 'hint' }, 'Click a node, or search and press Enter. Escape clears.'));
      return;
    }
    var i = S.focus, n = N[i];
    p.appendChild(el('h2', { id: 'panel-title' }, n.label));
    if (n.origin === 'extracted') p.appendChild(el('p', { 'class': 'badge draft' }, 'Draft (levelmap extract): not reviewed'));
    var dl = el('dl');
    function row(k, v) { if (v === null || v === undefined || v === '') return; dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', { 'data-field': k }, v)); }
    row('Kind', n.kind + (n.subkind ? ' (' + n.subkind + ')' : ''));
    row('Id', n.id);
    row('Date', dateOf(n));
    row('First evidenced', D.first[i] !== null ? dayLabel(D.first[i]) : null);
    row('Aliases', (n.aliases || []).join(', '));
    row('Description', n.description);
    row('Claim kind', n.claim_kind);
    row('Hedged', n.hedged ? 'yes' : null);
    row('Origin', n.origin + (n.confidence !== undefined ? ' (confidence ' + n.confidence + ')' : ''));
    p.appendChild(dl);
    if (n.evidence) {
      p.appendChild(el('blockquote', null, n.evidence.quote));
      p.appendChild(articleButton(n.evidence.article, n.evidence.quote));
    }
    // Relations that explain best first (as `levelmap path` ranks them), mentions last.
    var edges = adj[i].slice().sort(function (a, b) {
      return D.kinds[E[a].kind].rank - D.kinds[E[b].kind].rank || a - b;
    });
    p.appendChild(el('h3', null, 'Edges (' + edges.length + ')'));
    var ul = el('ul', { id: 'panel-edges' });
    edges.forEach(function (k) {
      var e = E[k], out = from[k] === i, other = out ? to[k] : from[k];
      var li = el('li', { 'class': 'edge' + (edgeVis[k] ? '' : ' hidden-edge') });
      li.dataset.edge = e.id;
      var head = el('div');
      head.appendChild(el('span', null, (out ? D.kinds[e.kind].phrase : D.kinds[e.kind].inverse) + ' '));
      head.appendChild(button(N[other].label, function () { S.focus = other; update(); centre(other); }, 'linkish'));
      if (e.stance) head.appendChild(el('span', { 'class': 'stance-' + e.stance }, ' (' + e.stance + ')'));
      if (e.origin === 'extracted') head.appendChild(el('span', { 'class': 'badge draft' }, ' draft'));
      li.appendChild(head);
      li.appendChild(el('blockquote', null, e.evidence.quote));
      if (e.note) li.appendChild(el('p', null, e.note));
      li.appendChild(articleButton(e.evidence.article, e.evidence.quote));
      ul.appendChild(li);
    });
    p.appendChild(ul);
  }
  function articleButton(stem, quote) {
    var a = articleOf.get(stem), t = D.texts[stem];
    var title = t ? t.title : (a !== undefined ? N[a].label : stem);
    var date = a !== undefined && N[a].date ? ' (' + N[a].date.value + ')' : '';
    var b = button('Read in ' + title + date, function () { openReader(stem, quote); }, 'linkish article-link');
    b.dataset.article = stem;
    return b;
  }
  // The text with every run of whitespace, quote marks and dashes as levelmap
  // normalises them, and where each normalised character came from.
  function normalise(s) {
    var out = '', at = [], space = false;
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (/\s/.test(c)) { if (!space && out.length) { out += ' '; at.push(i); } space = true; continue; }
      space = false;
      if ('\u2018\u2019\u201a\u201b\u2032'.indexOf(c) >= 0) c = "'";
      else if ('\u201c\u201d\u201e\u201f\u2033'.indexOf(c) >= 0) c = '"';
      else if ('\u2010\u2011\u2012\u2013\u2014\u2015\u2212'.indexOf(c) >= 0) c = '-';
      out += c; at.push(i);
    }
    return { text: out, at: at };
  }
  function openReader(stem, quote) {
    var r = document.getElementById('reader'), box = document.getElementById('reader-text');
    var t = D.texts[stem];
    document.getElementById('reader-title').textContent = t ? t.title : stem;
    box.textContent = '';
    r.hidden = false;
    if (!t) { box.textContent = 'The text of this article is not in this page (it was made from a graph.json).'; return; }
    var nt = normalise(t.text), nq = normalise(quote).text.trim();
    var pos = nq ? nt.text.indexOf(nq) : -1;
    if (pos < 0) pos = nq ? nt.text.toLowerCase().indexOf(nq.toLowerCase()) : -1;
    if (pos < 0) { box.textContent = t.text; return; }
    var start = nt.at[pos], end = nt.at[pos + nq.length - 1] + 1;
    box.appendChild(document.createTextNode(t.text.slice(0, start)));
    var mark = el('mark', { id: 'quote' }, t.text.slice(start, end));
    box.appendChild(mark);
    box.appendChild(document.createTextNode(t.text.slice(end)));
    mark.scrollIntoView({ block: 'center' });
    document.getElementById('reader-close').focus();
  }
  function closeReader() { document.getElementById('reader').hidden = true; }

  // ---- the path rule of `levelmap path` ----------------------------------------------
  // Breadth-first over every edge kind but mentions, either way; among the shortest
  // paths (at most 200 enumerated), the lowest sum of explanation ranks, then the
  // node order; between two nodes the first edge in (rank, node, edge) order stands.
  function incident(i, kinds) {
    var out = [];
    adj[i].forEach(function (k) {
      if (kinds.indexOf(E[k].kind) < 0) return;
      var o = from[k] === i ? to[k] : from[k];
      if (o === i) return;
      out.push([D.kinds[E[k].kind].rank, o, k]);
    });
    out.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
    return out;
  }
  function findPath(a, b) {
    var kinds = D.path_edges;
    if (a === b) return { a: a, b: b, path: [], length: 0 };
    var dist = N.map(function () { return Infinity; });
    dist[a] = 0;
    var q = [a], head = 0;
    while (head < q.length) {
      var u = q[head++], du = dist[u];
      if (dist[b] !== Infinity && du >= dist[b]) break;
      incident(u, kinds).forEach(function (x) {
        if (dist[x[1]] === Infinity) { dist[x[1]] = du + 1; q.push(x[1]); }
      });
    }
    if (dist[b] === Infinity) return { a: a, b: b, path: null };
    var predCache = new Map();
    function preds(v) {
      if (predCache.has(v)) return predCache.get(v);
      var best = new Map();
      incident(v, kinds).forEach(function (x) {
        var u = x[1];
        if (dist[u] !== Infinity && dist[u] + 1 === dist[v] && !best.has(u)) best.set(u, [x[0], x[2]]);
      });
      var list = Array.from(best.entries()).map(function (en) { return [en[1][0], en[0], en[1][1]]; });
      list.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
      predCache.set(v, list);
      return list;
    }
    var found = [], stack = [[]], limit = 200;
    while (stack.length) {
      var partial = stack.pop();
      var at = partial.length ? partial[partial.length - 1][0] : b;
      if (at === a) { found.push(partial); if (found.length >= limit) break; continue; }
      var ps = preds(at);
      for (var j = ps.length - 1; j >= 0; j--) stack.push(partial.concat([[ps[j][1], ps[j][2]]]));
    }
    function score(p) {
      var s = 0; p.forEach(function (x) { s += D.kinds[E[x[1]].kind].rank; });
      return [s, p.slice().reverse().map(function (x) { return x[0]; })];
    }
    function cmp(x, y) {
      var sx = score(x), sy = score(y);
      if (sx[0] !== sy[0]) return sx[0] - sy[0];
      for (var i = 0; i < Math.min(sx[1].length, sy[1].length); i++) if (sx[1][i] !== sy[1][i]) return sx[1][i] - sy[1][i];
      return sx[1].length - sy[1].length;
    }
    found.sort(cmp);
    var best = found[0].slice().reverse(), hops = [];
    best.forEach(function (x) {
      var u = x[0], k = x[1], fwd = from[k] === u;
      hops.push({ from: u, to: fwd ? to[k] : from[k], edge: k, phrase: fwd ? D.kinds[E[k].kind].phrase : D.kinds[E[k].kind].inverse });
    });
    return { a: a, b: b, path: hops, length: dist[b] };
  }
  function resolveName(s) {
    s = (s || '').trim();
    if (!s) return null;
    if (index.has(s)) return index.get(s);
    var m = /\(([a-z]+:[^()]+)\)$/.exec(s);
    if (m && index.has(m[1])) return index.get(m[1]);
    var low = s.toLowerCase(), i;
    for (i = 0; i < N.length; i++) if (N[i].label.toLowerCase() === low) return i;
    for (i = 0; i < N.length; i++) if ((N[i].aliases || []).some(function (x) { return x.toLowerCase() === low; })) return i;
    for (i = 0; i < N.length; i++) if (N[i].label.toLowerCase().indexOf(low) >= 0) return i;
    return null;
  }
  function renderPath() {
    var out = document.getElementById('path-out');
    out.textContent = '';
    pathResult = S.path ? findPath(S.path[0], S.path[1]) : null;
    if (!pathResult) return;
    if (!pathResult.path) { out.appendChild(el('p', { id: 'path-text' }, 'No connection between ' + N[S.path[0]].label + ' and ' + N[S.path[1]].label + '.')); return; }
    var words = [N[pathResult.a].label];
    pathResult.path.forEach(function (h) { words.push(h.phrase, N[h.to].label); });
    out.appendChild(el('p', { id: 'path-text' }, words.join(', ')));
    var ol = el('ol');
    pathResult.path.forEach(function (h) {
      var li = el('li');
      li.appendChild(el('span', null, N[h.from].label + ' ' + h.phrase + ' ' + N[h.to].label));
      li.appendChild(el('blockquote', null, E[h.edge].evidence.quote));
      li.appendChild(articleButton(E[h.edge].evidence.article, E[h.edge].evidence.quote));
      ol.appendChild(li);
    });
    out.appendChild(ol);
  }

  // ---- controls ------------------------------------------------------------------------
  function checkboxes(id, values, key, label) {
    var fs = document.getElementById(id);
    values.forEach(function (v) {
      var l = el('label'), c = el('input', { type: 'checkbox', value: v, 'data-filter': key });
      c.addEventListener('change', function () {
        S[key] = Array.from(fs.querySelectorAll('input:checked')).map(function (x) { return x.value; });
        update();
      });
      l.appendChild(c); l.appendChild(document.createTextNode(' ' + (label ? label(v) : v)));
      fs.appendChild(l);
    });
  }
  function options(id, kind) {
    var sel = document.getElementById(id);
    N.map(function (n, i) { return i; }).filter(function (i) { return N[i].kind === kind; })
      .sort(function (x, y) { return N[x].label.localeCompare(N[y].label); })
      .forEach(function (i) { sel.appendChild(el('option', { value: N[i].id }, N[i].label)); });
  }
  var playing = null;
  function stopPlay() {
    if (playing) clearInterval(playing);
    playing = null;
    var b = document.getElementById('play');
    b.textContent = '▶ Play'; b.setAttribute('aria-pressed', 'false');
  }
  function play() {
    if (playing) { stopPlay(); return; }
    if (S.t >= D.days.length - 1) S.t = 0;
    var b = document.getElementById('play');
    b.textContent = '⏸ Pause'; b.setAttribute('aria-pressed', 'true');
    update();
    playing = setInterval(function () {
      if (S.t >= D.days.length - 1) { stopPlay(); return; }
      S.t++; update();
    }, 700);
  }
  function syncControls() {
    document.getElementById('search').value = S.q;
    document.getElementById('depth').value = S.n;
    document.getElementById('depth-out').textContent = S.n;
    var t = document.getElementById('time');
    t.max = Math.max(0, D.days.length - 1); t.value = S.t;
    document.getElementById('time-out').textContent = D.days.length ? D.days[S.t][1] : 'undated';
    t.setAttribute('aria-valuetext', D.days.length ? D.days[S.t][1] : 'undated');
    [['f-kinds', 'kinds'], ['f-edges', 'edges'], ['f-stances', 'stances']].forEach(function (x) {
      document.getElementById(x[0]).querySelectorAll('input').forEach(function (c) { c.checked = S[x[1]].indexOf(c.value) >= 0; });
    });
    document.getElementById('f-actor').value = S.actor;
    document.getElementById('f-policy').value = S.policy;
    document.getElementById('f-from').value = S.from;
    document.getElementById('f-to').value = S.to;
    document.getElementById('path-from').value = S.path ? N[S.path[0]].label + ' (' + N[S.path[0]].id + ')' : document.getElementById('path-from').value;
    document.getElementById('path-to').value = S.path ? N[S.path[1]].label + ' (' + N[S.path[1]].id + ')' : document.getElementById('path-to').value;
    ['map', 'timeline'].forEach(function (v) {
      document.getElementById('view-' + v).setAttribute('aria-pressed', String(S.view === v));
      document.getElementById('cy-' + v).hidden = S.view !== v;
    });
  }
  function update() {
    computeVisible();
    syncControls();
    makeCy(S.view);
    renderPath();
    paint();
    renderResults();
    renderPanel();
    saveHash();
    document.body.dataset.ready = 'true';
  }
  function setup() {
    document.title = D.title;
    if (D.drafts > 0) {
      var d = document.getElementById('drafts');
      d.hidden = false;
      d.textContent = D.drafts + ' item(s) drafted by levelmap extract are shown and NOT reviewed (dashed, marked [draft])';
    }
    if (!D.timeline) document.getElementById('view-timeline').disabled = true;
    checkboxes('f-kinds', KINDS, 'kinds');
    checkboxes('f-edges', edgeKinds, 'edges');
    checkboxes('f-stances', STANCES.concat(['none']), 'stances', function (v) { return v === 'none' ? 'no stance' : v; });
    options('f-actor', 'actor'); options('f-policy', 'policy');
    var dl = document.getElementById('names');
    N.forEach(function (n) { dl.appendChild(el('option', { value: n.label + ' (' + n.id + ')' })); });
    document.getElementById('search').addEventListener('input', function (e) { S.q = e.target.value; update(); });
    document.getElementById('search').addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var f = document.querySelector('#results button'); if (f) f.click(); }
      if (e.key === 'Escape') { S.q = ''; update(); }
    });
    document.getElementById('depth').addEventListener('input', function (e) { S.n = +e.target.value; update(); });
    document.getElementById('time').addEventListener('input', function (e) { stopPlay(); S.t = +e.target.value; update(); });
    document.getElementById('play').addEventListener('click', play);
    ['actor', 'policy'].forEach(function (k) {
      document.getElementById('f-' + k).addEventListener('change', function (e) { S[k] = e.target.value; update(); });
    });
    ['from', 'to'].forEach(function (k) {
      document.getElementById('f-' + k).addEventListener('change', function (e) {
        var v = e.target.value.trim();
        S[k] = parseDay(v) !== null ? v : '';
        update();
      });
    });
    document.getElementById('f-reset').addEventListener('click', function () {
      var d = defaults();
      ['kinds', 'edges', 'stances', 'actor', 'policy', 'from', 'to'].forEach(function (k) { S[k] = d[k]; });
      update();
    });
    function findPathNow() {
      var a = resolveName(document.getElementById('path-from').value), b = resolveName(document.getElementById('path-to').value);
      if (a === null || b === null) {
        S.path = null; update();
        document.getElementById('path-out').appendChild(el('p', { id: 'path-text' }, 'Name two nodes (pick from the list).'));
        return;
      }
      S.path = [a, b]; update();
    }
    document.getElementById('path-go').addEventListener('click', findPathNow);
    ['path-from', 'path-to'].forEach(function (id) {
      document.getElementById(id).addEventListener('keydown', function (e) { if (e.key === 'Enter') findPathNow(); });
    });
    document.getElementById('path-clear').addEventListener('click', function () {
      S.path = null;
      document.getElementById('path-from').value = ''; document.getElementById('path-to').value = '';
      update();
    });
    document.getElementById('view-map').addEventListener('click', function () { S.view = 'map'; update(); });
    document.getElementById('view-timeline').addEventListener('click', function () {
      S.view = 'timeline'; update(); cys.timeline.resize(); cys.timeline.fit(undefined, 20);
    });
    document.getElementById('reader-close').addEventListener('click', closeReader);
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') return;
      if (!document.getElementById('reader').hidden) { closeReader(); return; }
      if (S.focus !== null || S.path) { S.focus = null; S.path = null; update(); }
    });
    window.addEventListener('hashchange', function () {
      if (writingHash) return;
      S = fromHash(location.hash); update();
    });
  }
  // A read-only hook for tests and scripts: where a node's boxes are on screen.
  window.levelmapExplorer = Object.freeze({
    reveal: function (id, zoom) {
      var cy = cys[S.view], i = index.get(id);
      var boxes = cy.nodes().filter(function (x) { return x.data('n') === i && !x.hasClass('hidden'); });
      if (!boxes.length) return null;
      cy.zoom(zoom || 1); cy.center(boxes.first());
      var r = document.getElementById('cy-' + S.view).getBoundingClientRect(), p = boxes.first().renderedPosition();
      return { x: r.left + p.x, y: r.top + p.y, w: boxes.first().renderedWidth(), h: boxes.first().renderedHeight() };
    },
    counts: function () {
      var ns = cys[S.view].nodes().filter(function (x) { return !x.hasClass('hidden'); });
      function c(cls) { return ns.filter(function (x) { return x.hasClass(cls); }).length; }
      return { visible: ns.length, hl: c('hl'), faded: c('faded'), focus: c('focus') };
    },
    visibleBoxes: function () { return cys[S.view].nodes().filter(function (x) { return !x.hasClass('hidden'); }).length; }
  });
  S = fromHash(location.hash);
  setup();
  update();
  if (S.focus !== null) centre(S.focus);
}
