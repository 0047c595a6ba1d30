// Claimwire web UI, analyst views: the claims explorer (#/claims?…, filters kept in the URL, export), the entity
// page's stance-over-time chart (uPlot) and "who answers whom", titles next to names, and the live view (#/live,
// fed by /api/v1/stream). app.js routes here and hands over its helpers through init(). No inline script or style.
window.ClaimwireAnalyst = (function () {
  'use strict';
  var h = null;            // helpers from app.js: esc, badge, kindTag, date, getJson, show, fail, storyLink, STANCE, KIND, main
  var stream = null;       // the live view's EventSource while it is shown
  var titleCache = {};     // entity id -> Promise of its titles
  var FILTERS = ['stance', 'kind', 'speaker', 'about', 'source', 'from', 'to', 'q'];
  var COLORS = { ASSERTS: '#1f7a3a', DENIES: '#b3261e', NEITHER_CONFIRMS_NOR_DENIES: '#8a5a00',
    DECLINES_TO_COMMENT: '#6b4fa3', NO_RESPONSE: '#555e6b', UNCLASSIFIED: '#9aa3ad' };

  function init(helpers) { h = helpers; }

  // ---------- titles next to names ----------
  function titlesOf(id) {
    return id == null ? '' : ' <span class="titles" data-titles-for="' + h.esc(id) + '"></span>';
  }
  function titles(id) {
    if (!titleCache[id]) {
      titleCache[id] = h.getJson('/api/v1/entities/' + encodeURIComponent(id))
        .then(function (e) { return e.titles || []; }, function () { return []; });
    }
    return titleCache[id];
  }
  function fillTitles(root) {
    if (!root) { return; }
    Array.prototype.forEach.call(root.querySelectorAll('span.titles[data-titles-for]'), function (span) {
      if (span.getAttribute('data-filled')) { return; }
      span.setAttribute('data-filled', '1');
      titles(span.getAttribute('data-titles-for')).then(function (t) {
        span.textContent = t.length ? '(' + t.slice(0, 3).join(', ') + ')' : '';
      });
    });
  }

  // ---------- claims ----------
  function speakerHtml(c) {
    var name = (c.speaker && c.speaker.name) || c.speakerText || 'Unattributed';
    return c.speaker && c.speaker.id
      ? '<a class="speaker" href="#/entity/' + h.esc(c.speaker.id) + '">' + h.esc(name) + '</a>' + titlesOf(c.speaker.id)
      : '<span class="speaker">' + h.esc(name) + '</span>';
  }
  function claimLi(c) {
    return '<li class="claim-item" data-claim-id="' + h.esc(c.id) + '" data-stance="' + h.esc(c.stance || 'UNCLASSIFIED') +
      '" data-kind="' + h.esc(c.kind || 'STATEMENT') + '">' + h.badge(c.stance) + ' ' + h.kindTag(c.kind) + ' <strong>' +
      speakerHtml(c) + '</strong> ' + h.esc(c.cue || '') +
      (c.recipient ? ' to ' + h.esc(c.recipient.name || c.recipientText) : '') + ': <a href="' +
      h.storyLink(c.storyId, c.contentStart, c.contentEnd) + '">“' + h.esc(c.content) + '”</a>' +
      '<div class="cite-meta">' + h.date(c.saidAt) + (c.source ? ' · ' + h.esc(c.source) : '') + ' · ' +
      '<a href="#/story/' + h.esc(c.storyId) + '">' + h.esc(c.headline || c.uri) + '</a></div></li>';
  }

  // ---------- explorer ----------
  function query(params) {
    var q = new URLSearchParams();
    FILTERS.forEach(function (f) {
      var v = params.get(f);
      if (v && v.trim()) { q.set(f, v.trim()); }
    });
    return q;
  }
  function options(map, selected, any) {
    return '<option value="">' + any + '</option>' + Object.keys(map).map(function (k) {
      return '<option value="' + k + '"' + (k === selected ? ' selected' : '') + '>' + h.esc(map[k]) + '</option>';
    }).join('');
  }
  function field(id, label, value, type, placeholder) {
    return '<label class="field" for="f-' + id + '"><span>' + label + '</span><input id="f-' + id + '" name="' + id +
      '" type="' + (type || 'text') + '" value="' + h.esc(value || '') + '"' +
      (placeholder ? ' placeholder="' + h.esc(placeholder) + '"' : '') + ' autocomplete="off"></label>';
  }
  function explorer(params) {
    var q = query(params);
    var stances = {};
    Object.keys(h.STANCE).filter(function (k) { return k !== 'UNCLASSIFIED'; }).forEach(function (k) { stances[k] = h.STANCE[k]; });
    var html = '<section class="card" id="explorer"><h2>Claims</h2>' +
      '<form id="claim-filters" class="filters" role="search" aria-label="Filter claims">' +
      '<label class="field" for="f-stance"><span>Stance</span><select id="f-stance" name="stance">' +
      options(stances, q.get('stance'), 'any') + '</select></label>' +
      '<label class="field" for="f-kind"><span>Kind</span><select id="f-kind" name="kind">' +
      options(h.KIND, q.get('kind'), 'any') + '</select></label>' +
      field('speaker', 'Speaker', q.get('speaker'), 'text', 'name or id') +
      field('about', 'Subject', q.get('about'), 'text', 'who it is about') +
      field('source', 'Outlet', q.get('source'), 'text', 'e.g. Reuters') +
      field('from', 'From', q.get('from'), 'date') +
      field('to', 'To', q.get('to'), 'date') +
      field('q', 'Words', q.get('q'), 'search', 'in the claim') +
      '<div class="filter-actions"><button type="submit" id="apply-filters">Apply</button>' +
      '<a class="button-link" id="clear-filters" href="#/claims">Clear</a>' +
      '<a class="button-link" id="export-csv" download="claims.csv" href="/api/v1/claims?' +
      h.esc(withFormat(q, 'csv')) + '">Export CSV</a>' +
      '<a class="button-link" id="export-ndjson" download="claims.ndjson" href="/api/v1/claims?' +
      h.esc(withFormat(q, 'ndjson')) + '">NDJSON</a></div></form>' +
      '<p class="cite-meta" id="claim-count" aria-live="polite">Loading…</p><ul class="list" id="claim-list"></ul>' +
      '<button type="button" class="link" id="more-claims" hidden>More</button></section>';
    h.show(html);
    var form = document.getElementById('claim-filters');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var next = new URLSearchParams();
      FILTERS.forEach(function (f) {
        var v = form.elements[f].value.trim();
        if (v) { next.set(f, v); }
      });
      var target = '#/claims' + (next.toString() ? '?' + next.toString() : '');
      if (location.hash === target) { explorer(next); } else { location.hash = target; }
    });
    ['f-stance', 'f-kind', 'f-from', 'f-to'].forEach(function (id) {
      document.getElementById(id).addEventListener('change', function () { form.requestSubmit(); });
    });
    var shown = 0;
    function load(cursor) {
      var url = '/api/v1/claims?limit=50' + (q.toString() ? '&' + q.toString() : '') +
        (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      h.getJson(url).then(function (p) {
        var list = document.getElementById('claim-list');
        if (!list) { return; }
        list.insertAdjacentHTML('beforeend', (p.items || []).map(claimLi).join(''));
        shown += (p.items || []).length;
        fillTitles(list);
        document.getElementById('claim-count').textContent = shown === 0 ? 'No claims match.'
          : shown + (p.nextCursor ? '+' : '') + ' claim' + (shown === 1 ? '' : 's');
        var more = document.getElementById('more-claims');
        more.hidden = !p.nextCursor;
        more.onclick = function () { load(p.nextCursor); };
      }).catch(function (e) {
        var count = document.getElementById('claim-count');
        if (count) { count.textContent = e.message; count.className = 'error'; }
      });
    }
    load(null);
  }
  function withFormat(q, format) {
    var x = new URLSearchParams(q.toString());
    x.set('format', format);
    return x.toString();
  }

  // ---------- entity page: stance over time, who answers whom ----------
  function entityExtras(e) {
    var box = document.getElementById('entity-analysis');
    if (!box) { return; }
    box.insertAdjacentHTML('beforeend',
      '<section id="timeline" aria-labelledby="timeline-title"><h3 id="timeline-title">Stance over time</h3>' +
      '<label class="field inline" for="timeline-bucket"><span>per</span><select id="timeline-bucket">' +
      '<option value="day">day</option><option value="week" selected>week</option><option value="month">month</option>' +
      '</select></label><div id="timeline-chart" class="chart" role="img" aria-label="Claims by ' + h.esc(e.name) +
      ' per stance over time"></div><div class="table-wrap"><table id="timeline-table" class="counts"></table></div></section>' +
      '<section id="exchanges" aria-labelledby="exchanges-title"><h3 id="exchanges-title">Who answers whom</h3>' +
      '<div id="exchange-list"><p class="muted">Loading…</p></div></section>' +
      '<p><a href="#/claims?speaker=' + encodeURIComponent(e.id) + '">All claims by ' + h.esc(e.name) + ' in the explorer</a></p>');
    var bucket = document.getElementById('timeline-bucket');
    bucket.addEventListener('change', function () { timeline(e.id, bucket.value); });
    timeline(e.id, 'week');
    exchanges(e.id);
  }
  function timeline(id, bucket) {
    h.getJson('/api/v1/entities/' + encodeURIComponent(id) + '/timeline?bucket=' + bucket).then(function (t) {
      var series = t.series || [];
      var stances = Object.keys(COLORS).filter(function (s) {
        return series.some(function (p) { return (p.counts[s] || 0) > 0; });
      });
      var table = document.getElementById('timeline-table');
      var chart = document.getElementById('timeline-chart');
      if (!table || !chart) { return; }
      if (!series.length) {
        chart.innerHTML = '<p class="muted">No claims by this entity.</p>';
        table.innerHTML = '';
        return;
      }
      table.innerHTML = '<caption>Claims per ' + h.esc(t.bucket) + ' and stance</caption><thead><tr><th scope="col">' +
        h.esc(t.bucket) + ' from</th>' + stances.map(function (s) {
          return '<th scope="col">' + h.esc(h.STANCE[s] || s) + '</th>';
        }).join('') + '</tr></thead><tbody>' + series.map(function (p) {
          return '<tr data-start="' + h.esc(p.start) + '"><th scope="row">' + h.esc(String(p.start).slice(0, 10)) + '</th>' +
            stances.map(function (s) { return '<td data-stance="' + s + '">' + (p.counts[s] || 0) + '</td>'; }).join('') + '</tr>';
        }).join('') + '</tbody>';
      draw(chart, series, stances, t.bucket);
    }).catch(function (x) {
      var chart = document.getElementById('timeline-chart');
      if (chart) { chart.textContent = x.message; }
    });
  }
  var BUCKET_SECONDS = { day: 86400, week: 7 * 86400, month: 31 * 86400 };
  function draw(el, series, stances, bucket) {
    el.innerHTML = '';
    if (typeof window.uPlot !== 'function') { el.textContent = 'Chart library not loaded.'; return; }
    var data = [series.map(function (p) { return Date.parse(p.start) / 1000; })];
    stances.forEach(function (s) { data.push(series.map(function (p) { return p.counts[s] || 0; })); });
    var opts = {
      width: Math.max(260, el.clientWidth || 600), height: 220,
      scales: {
        // half a bucket of room on each side, so that one bucket (one story) is not stretched over years
        x: { time: true, range: function (u, min, max) { var pad = (BUCKET_SECONDS[bucket] || 86400) / 2; return [min - pad, max + pad]; } },
        y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } }
      },
      axes: [{}, { values: function (u, vals) { return vals.map(function (v) { return v % 1 === 0 ? v : ''; }); } }],
      series: [{}].concat(stances.map(function (s) {
        return { label: h.STANCE[s] || s, stroke: COLORS[s], width: 2, points: { size: 7, fill: COLORS[s] } };
      }))
    };
    var plot = new window.uPlot(opts, data, el);
    el.setAttribute('data-points', String(series.length));
    window.addEventListener('resize', function () {
      if (el.isConnected) { plot.setSize({ width: Math.max(260, el.clientWidth), height: 220 }); }
    });
  }
  function exchanges(id) {
    h.getJson('/api/v1/entities/' + encodeURIComponent(id) + '/exchanges').then(function (x) {
      var box = document.getElementById('exchange-list');
      if (!box) { return; }
      var items = x.items || [];
      if (!items.length) { box.innerHTML = '<p class="muted">No other speaker answers these claims yet.</p>'; return; }
      box.innerHTML = items.map(function (it, i) {
        return '<article class="exchange" id="exchange-' + i + '"><p class="reason">' + h.esc(it.reason) + '</p>' +
          ((it.about || []).length ? '<p class="cite-meta">About: ' + it.about.map(function (a) {
            return '<a href="#/entity/' + h.esc(a.id) + '">' + h.esc(a.name) + '</a>' +
              ((a.titles || []).length ? ' <span class="titles">(' + h.esc(a.titles.slice(0, 3).join(', ')) + ')</span>' : '');
          }).join(', ') + '</p>' : '') +
          '<ul class="list">' + (it.claims || []).map(claimLi).join('') + '</ul></article>';
      }).join('');
      fillTitles(box);
    }).catch(function (e) {
      var box = document.getElementById('exchange-list');
      if (box) { box.textContent = e.message; }
    });
  }

  // ---------- live view ----------
  function live() {
    h.show('<section class="card" id="live"><h2>Live</h2><p class="cite-meta" id="live-status" aria-live="polite">' +
      'Connecting…</p><ul class="list" id="live-list" aria-live="polite"></ul></section>');
    var es = new EventSource('/api/v1/stream');
    stream = es;
    es.onopen = function () { setStatus('Connected: new claims appear here as they are stored.'); };
    es.onerror = function () { setStatus('Connection lost; reconnecting…'); };
    es.addEventListener('claim', function (ev) {
      var c;
      try { c = JSON.parse(ev.data); } catch (e) { return; }
      var list = document.getElementById('live-list');
      if (!list) { return; }
      list.insertAdjacentHTML('afterbegin', '<li class="live-claim" data-claim-id="' + h.esc(c.claimId) + '" data-stance="' +
        h.esc(c.stance || 'UNCLASSIFIED') + '">' + h.badge(c.stance) + ' ' + h.kindTag(c.kind) + ' <strong>' +
        (c.speakerId ? '<a href="#/entity/' + h.esc(c.speakerId) + '">' + h.esc(c.speaker || 'Unattributed') + '</a>' +
          titlesOf(c.speakerId) : h.esc(c.speaker || 'Unattributed')) + '</strong>: <a href="#/story/' + h.esc(c.storyId) +
        '">“' + h.esc(c.content) + '”</a><div class="cite-meta">' + h.esc(new Date().toISOString().slice(11, 19)) +
        ' UTC · ' + h.esc(c.uri) + '</div></li>');
      while (list.children.length > 200) { list.removeChild(list.lastChild); }
      fillTitles(list);
    });
  }
  function setStatus(text) {
    var s = document.getElementById('live-status');
    if (s) { s.textContent = text; }
  }
  function leave() {
    if (stream) { stream.close(); stream = null; }
  }

  return { init: init, explorer: explorer, entityExtras: entityExtras, live: live, leave: leave,
    titlesOf: titlesOf, fillTitles: fillTitles };
})();
