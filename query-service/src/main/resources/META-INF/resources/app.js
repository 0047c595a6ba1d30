// Claimwire web UI: plain JS over the query-service API. Routes (hash): #/ , #/search?q= , #/story/{id}?hl=s-e ,
// #/entity/{id} , #/ask?q= . Every text from the API is escaped before it reaches the page.
(function () {
  'use strict';
  var main = document.getElementById('main');
  var answerRegion = document.getElementById('answer-region');
  var askInput = document.getElementById('ask-input');
  var STANCE = {
    ASSERTS: 'Asserts', DENIES: 'Denies', NEITHER_CONFIRMS_NOR_DENIES: 'Neither confirms nor denies',
    DECLINES_TO_COMMENT: 'Declines to comment', NO_RESPONSE: 'No response', UNCLASSIFIED: 'Unclassified'
  };

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function badge(stance) {
    var s = stance || 'UNCLASSIFIED';
    return '<span class="badge ' + esc(s) + '">' + esc(STANCE[s] || s) + '</span>';
  }
  var analyst = window.ClaimwireAnalyst;
  var KIND = { STATEMENT: 'Statement', QUESTION: 'Question', BELIEF: 'Belief', INTENTION: 'Intention', EVIDENCE: 'Evidence' };
  function kindTag(kind) {
    var k = kind || 'STATEMENT';
    return '<span class="kind ' + esc(k) + '" title="kind of claim">' + esc(KIND[k] || k) + '</span>';
  }
  function date(t) { return t ? esc(String(t).slice(0, 10)) : ''; }
  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) { throw new Error((body && (body.detail || body.title)) || ('HTTP ' + r.status)); }
        return body;
      });
    });
  }
  function parseHash() {
    var h = location.hash.replace(/^#/, '') || '/';
    var qi = h.indexOf('?');
    var path = qi >= 0 ? h.slice(0, qi) : h;
    var params = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
    return { path: path, params: params };
  }
  function storyLink(storyId, start, end) {
    var hl = (start != null && start >= 0 && end > start) ? '?hl=' + start + '-' + end : '';
    return '#/story/' + encodeURIComponent(storyId) + hl;
  }
  function show(html) { main.innerHTML = html; analyst.fillTitles(main); }
  function fail(e) { show('<p class="error" role="alert">' + esc(e.message || e) + '</p>'); }

  analyst.init({ esc: esc, badge: badge, kindTag: kindTag, date: date, getJson: getJson, show: show, fail: fail,
    storyLink: storyLink, STANCE: STANCE, KIND: KIND, main: main });

  // ---------- Ask ----------
  function renderAnswer(a) {
    var html = '';
    if (!a.answered) {
      html += '<div class="card no-answer" id="answer"><p id="answer-text" class="answer-text">' + esc(a.message) + '</p>';
    } else {
      var text = esc(a.answer).replace(/\[(\d+)\]/g, function (m, n) {
        var c = a.citations[Number(n) - 1];
        if (!c) { return m; }
        return '<a class="marker" href="' + storyLink(c.storyId, c.start, c.end) + '" aria-label="source ' + n +
          ': ' + esc(c.speaker || 'story') + '">[' + n + ']</a>';
      });
      html += '<div class="card" id="answer"><h2 class="sr">Answer</h2><p id="answer-text" class="answer-text">' + text + '</p>';
      html += '<h3>Sources</h3><ol class="citations" id="citations">';
      a.citations.forEach(function (c) {
        html += '<li class="citation" id="cite-' + c.n + '" data-claim-id="' + esc(c.claimId) + '" data-story-id="' +
          esc(c.storyId) + '" data-speaker="' + esc(c.speaker) + '" data-stance="' + esc(c.stance) + '">' +
          '<strong>' + esc(c.speaker || 'Story') + '</strong> ' + (c.stance ? badge(c.stance) : '') +
          '<br><a class="cite-link" href="' + storyLink(c.storyId, c.start, c.end) + '">“' + esc(c.text) + '”</a>' +
          '<div class="cite-meta">' + (c.attribution ? esc(c.attribution) + (c.recipient ? ' (to ' + esc(c.recipient) + ')' : '') :
          esc(c.cue || '') + (c.recipient ? ' to ' + esc(c.recipient) : '')) +
          (c.time ? ' · ' + esc(c.time) : '') + ' · ' + esc(c.headline || c.storyUri || '') +
          (c.publishedAt ? ' · ' + date(c.publishedAt) : '') + '</div></li>';
      });
      html += '</ol>';
      if (a.perspectives && a.perspectives.length > 1) {
        html += '<h3>Perspectives</h3><div class="perspectives" id="perspectives">';
        a.perspectives.forEach(function (p) {
          html += '<section class="perspective ' + esc(p.stance) + '" aria-label="' + esc(p.label) + '"><h4>' +
            badge(p.stance) + '</h4><ul>';
          p.claims.forEach(function (c) {
            html += '<li><a href="' + storyLink(c.storyId, c.start, c.end) + '">' + esc(c.speaker || 'Story') +
              '</a>: ' + esc(c.text) + ' <span class="muted">[' + c.n + ']</span></li>';
          });
          html += '</ul></section>';
        });
        html += '</div>';
      }
    }
    if (a.relatedQuestions && a.relatedQuestions.length) {
      html += '<div class="related" id="related"><h3>' + (a.answered ? 'Explore related questions' :
        'Questions that can be answered') + '</h3><ul>';
      a.relatedQuestions.forEach(function (q) {
        html += '<li><button type="button" class="link related-question" data-q="' + esc(q) + '">' + esc(q) + '</button></li>';
      });
      html += '</ul></div>';
    }
    html += '</div>';
    answerRegion.innerHTML = html;
    answerRegion.setAttribute('aria-busy', 'false');
  }

  function ask(q) {
    q = (q || '').trim();
    if (!q) { askInput.focus(); return; }
    askInput.value = q;
    answerRegion.setAttribute('aria-busy', 'true');
    answerRegion.innerHTML = '<p class="muted">Looking through stored claims…</p>';
    getJson('/api/v1/ask?q=' + encodeURIComponent(q)).then(renderAnswer).catch(function (e) {
      answerRegion.innerHTML = '<p class="error" role="alert">' + esc(e.message) + '</p>';
      answerRegion.setAttribute('aria-busy', 'false');
    });
  }

  document.getElementById('ask-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = askInput.value.trim();
    if (!q) { askInput.focus(); return; }
    var target = '#/ask?q=' + encodeURIComponent(q);
    if (location.hash === target) { ask(q); } else { location.hash = target; }
  });
  answerRegion.addEventListener('click', function (ev) {
    var b = ev.target.closest('button.related-question');
    if (b) { location.hash = '#/ask?q=' + encodeURIComponent(b.getAttribute('data-q')); }
  });

  // ---------- Stories ----------
  function storyList(page, title) {
    var items = (page && page.items) || [];
    var html = '<h2>' + esc(title) + '</h2>';
    if (!items.length) { return html + '<p class="muted">No stories.</p>'; }
    html += '<ul class="list" id="story-list">';
    items.forEach(function (s) {
      html += '<li>' + (s.flash ? '<span class="badge FLASH">Flash</span> ' : '') + '<a href="#/story/' + esc(s.id) + '">' +
        esc(s.headline || s.uri) + '</a><div class="cite-meta">' +
        date(s.versionCreated) + (s.source ? ' · ' + esc(s.source) : '') + '</div>' +
        (s.excerpt ? '<div>' + esc(s.excerpt) + '</div>' : '') + '</li>';
    });
    return html + '</ul>';
  }
  function home() {
    getJson('/api/v1/stories?limit=20').then(function (p) { show(storyList(p, 'Latest stories')); }).catch(fail);
  }
  function search(q) {
    document.getElementById('search-input').value = q;
    getJson('/api/v1/stories?limit=50&q=' + encodeURIComponent(q))
      .then(function (p) { show(storyList(p, 'Stories matching “' + q + '”')); }).catch(fail);
  }

  function story(id, hl) {
    getJson('/api/v1/stories/' + encodeURIComponent(id)).then(function (s) {
      var body = s.body || '';
      var marks = [];
      (s.entities || []).forEach(function (e) {
        (e.mentions || []).forEach(function (m) { marks.push({ s: m.start, e: m.end, kind: 'm', id: e.id, name: e.canonicalName || e.name }); });
      });
      (s.claims || []).forEach(function (c) {
        if (c.contentStart != null && c.contentEnd > c.contentStart) {
          marks.push({ s: c.contentStart, e: c.contentEnd, kind: 'c', id: c.id, stance: c.stance || 'UNCLASSIFIED', speaker: c.speaker && c.speaker.name });
        }
      });
      var hls = null;
      if (hl && /^\d+-\d+$/.test(hl)) { var p = hl.split('-'); hls = { s: Number(p[0]), e: Number(p[1]) }; }
      var cuts = [0, body.length];
      marks.concat(hls ? [hls] : []).forEach(function (m) { if (m.s >= 0 && m.e <= body.length) { cuts.push(m.s, m.e); } });
      cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
      var out = '';
      var firstCited = true;
      for (var i = 0; i < cuts.length - 1; i++) {
        var a = cuts[i], b = cuts[i + 1];
        if (a >= b) { continue; }
        var seg = esc(body.slice(a, b));
        var mention = marks.find(function (m) { return m.kind === 'm' && m.s <= a && m.e >= b; });
        var claim = marks.find(function (m) { return m.kind === 'c' && m.s <= a && m.e >= b; });
        if (mention) {
          seg = '<a class="mention" href="#/entity/' + esc(mention.id) + '" title="' + esc(mention.name) + '">' + seg + '</a>';
        }
        if (claim) {
          seg = '<span class="claim ' + esc(claim.stance) + '" data-claim-id="' + esc(claim.id) + '" title="' +
            esc((claim.speaker || '') + ' — ' + (STANCE[claim.stance] || claim.stance)) + '">' + seg + '</span>';
        }
        if (hls && hls.s <= a && hls.e >= b) {
          seg = '<mark class="cited"' + (firstCited ? ' id="cited" tabindex="-1"' : '') + '>' + seg + '</mark>';
          firstCited = false;
        }
        out += seg;
      }
      var html = '<article class="card" id="story" data-story-id="' + esc(s.id) + '"><h2>' + (s.flash ? '<span class="badge FLASH">Flash</span> ' : '') +
        esc(s.headline || s.uri) + '</h2>' +
        '<p class="cite-meta">' + date(s.versionCreated) + (s.byline ? ' · ' + esc(s.byline) : '') +
        (s.source ? ' · ' + esc(s.source) : '') + ' · version ' + esc(s.version) + '</p>' +
        '<p class="legend cite-meta" aria-hidden="true"><span class="mention">entity</span>' +
        Object.keys(STANCE).map(function (k) { return '<span class="claim ' + k + '">' + esc(STANCE[k]) + '</span>'; }).join('') +
        '</p><div class="story-body" id="story-body">' + out + '</div></article>';
      var claims = s.claims || [];
      if (claims.length) {
        html += '<section class="card"><h3>Claims in this story</h3><ul class="list" id="story-claims">';
        claims.forEach(function (c) {
          html += '<li>' + badge(c.stance) + ' ' + kindTag(c.kind) + ' <strong>' + (c.speaker && c.speaker.id ? '<a href="#/entity/' + esc(c.speaker.id) + '">' +
            esc(c.speaker.name) + '</a>' : esc((c.speaker && c.speaker.name) || c.speakerText || 'Unattributed')) + '</strong>' +
            (c.speaker && c.speaker.id ? analyst.titlesOf(c.speaker.id) : '') + ' ' +
            esc(c.cue || '') + (c.recipient ? ' to ' + esc(c.recipient.name || c.recipientText) : '') + ': “' + esc(c.content) + '”' +
            (c.time ? ' <span class="muted">(' + esc(c.time) + ')</span>' : '') + '</li>';
        });
        html += '</ul></section>';
      }
      show(html);
      var cited = document.getElementById('cited');
      if (cited) { cited.scrollIntoView({ block: 'center' }); cited.focus({ preventScroll: true }); }
    }).catch(fail);
  }

  // ---------- Entities ----------
  function claimItems(page) {
    var items = (page && page.items) || [];
    if (!items.length) { return '<p class="muted">None stored.</p>'; }
    return '<ul class="list">' + items.map(function (c) {
      return '<li>' + badge(c.stance) + ' ' + kindTag(c.kind) + ' <strong>' + esc((c.speaker && c.speaker.name) || c.speakerText || 'Unattributed') +
        '</strong>' + (c.speaker && c.speaker.id ? analyst.titlesOf(c.speaker.id) : '') + ' ' + esc(c.cue || '') + (c.recipient ? ' to ' + esc(c.recipient.name || c.recipientText) : '') +
        ': <a href="' + storyLink(c.storyId, c.contentStart, c.contentEnd) + '">“' + esc(c.content) + '”</a>' +
        ' <span class="muted">' + date(c.saidAt) + '</span></li>';
    }).join('') + '</ul>';
  }
  function entity(id) {
    getJson('/api/v1/entities/' + encodeURIComponent(id)).then(function (e) {
      var html = '<article class="card" id="entity"><h2>' + esc(e.name) + ' <span class="muted">' + esc(e.type) + '</span></h2>';
      html += '<p><strong>Titles:</strong> ' + ((e.titles || []).length ? e.titles.map(esc).join(', ') : '<span class="muted">none learned</span>') + '</p>';
      html += '<p><strong>Also named:</strong> ' + ((e.aliases || []).length ? e.aliases.map(esc).join(', ') : '<span class="muted">—</span>') + '</p>';
      html += '<p class="cite-meta">' + esc(e.mentionCount) + ' mentions in ' + esc(e.storyCount) + ' stories</p>';
      if ((e.coMentioned || []).length) {
        html += '<p><strong>Often with:</strong> ' + e.coMentioned.map(function (c) {
          return '<a href="#/entity/' + esc(c.id) + '">' + esc(c.name) + '</a>' + analyst.titlesOf(c.id);
        }).join(', ') + '</p>';
      }
      html += '<p><button type="button" class="link related-question" id="ask-who">Ask: who is ' + esc(e.name) + '?</button></p>';
      html += '<div id="entity-analysis"></div>';
      html += '<h3>Claims by ' + esc(e.name) + '</h3><div id="claims-by">…</div><h3>Claims about ' + esc(e.name) +
        '</h3><div id="claims-about">…</div></article>';
      show(html);
      document.getElementById('ask-who').addEventListener('click', function () {
        location.hash = '#/ask?q=' + encodeURIComponent((e.type === 'PERSON' ? 'Who is ' : 'What is ') + e.name + '?');
      });
      analyst.entityExtras(e);
      getJson('/api/v1/claims?limit=50&speaker=' + encodeURIComponent(e.id)).then(function (p) {
        document.getElementById('claims-by').innerHTML = claimItems(p);
        analyst.fillTitles(document.getElementById('claims-by'));
      }).catch(function (x) { document.getElementById('claims-by').textContent = x.message; });
      getJson('/api/v1/claims?limit=50&about=' + encodeURIComponent(e.id)).then(function (p) {
        document.getElementById('claims-about').innerHTML = claimItems(p);
        analyst.fillTitles(document.getElementById('claims-about'));
      }).catch(function (x) { document.getElementById('claims-about').textContent = x.message; });
    }).catch(fail);
  }

  // ---------- Routing ----------
  document.getElementById('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = document.getElementById('search-input').value.trim();
    location.hash = q ? '#/search?q=' + encodeURIComponent(q) : '#/';
  });
  function route() {
    var r = parseHash();
    analyst.leave(); // closes the live view's stream when another view is shown
    var m;
    if (r.path === '/ask') { ask(r.params.get('q')); if (!main.innerHTML) { home(); } return; }
    if (r.path === '/search') { search(r.params.get('q') || ''); return; }
    if ((m = r.path.match(/^\/story\/(\d+)$/))) { story(m[1], r.params.get('hl')); return; }
    if ((m = r.path.match(/^\/entity\/(\d+)$/))) { entity(m[1]); return; }
    if (r.path === '/claims') { analyst.explorer(r.params); return; }
    if (r.path === '/live') { analyst.live(); return; }
    home();
  }
  window.addEventListener('hashchange', route);
  route();
})();
