/*
 * The explorer's only stylesheet and script, served from the package by the explorer
 * itself (never a CDN): the CSP allows scripts and styles from this origin only. Kept as
 * strings so the Lambda bundle carries them without a loader.
 */

export const EXPLORER_CSS = `
:root { --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de; --accent: #0550ae; --bad: #a40e26; --ok: #116329; --warn: #7d4e00; --path: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, main:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--fg); color: #fff; padding: .5em 1em; }
.skip:focus { left: 0; z-index: 10; }
.top { display: flex; gap: 1.5em; align-items: center; padding: .6em 1.5em; background: #24292f; color: #fff; }
.top a, .top button.link { color: #fff; }
.brand { font-weight: 700; text-decoration: none; font-size: 1.1em; }
.who { margin-left: auto; font-size: .9em; }
main { max-width: 1180px; margin: 0 auto; padding: 1em 1.5em 4em; }
h1 { font-size: 1.5em; margin: .4em 0; overflow-wrap: anywhere; }
h2 { font-size: 1.2em; margin: 1.8em 0 .6em; padding-bottom: .2em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
th, td { text-align: left; vertical-align: top; padding: .45em .6em; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.score { min-width: 7.5em; }
svg.bar { width: 60px; vertical-align: middle; }
tr.winner td { background: #fff8e6; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.log { background: var(--panel); border: 1px solid var(--line); padding: .5em .7em; white-space: pre-wrap; overflow-wrap: anywhere; margin: .3em 0; }
code.query, code.detail { white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.small { font-size: .87em; }
.error { color: var(--bad); font-weight: 600; }
.ok-text { color: var(--ok); font-weight: 600; }
.lead { font-size: 1.02em; }
.badge { display: inline-block; padding: .05em .55em; border-radius: 1em; font-size: .85em; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.status-awaiting_approval, .status-investigating, .severity-warning, .warn { color: var(--warn); }
.status-remediated, .status-diagnosed, .ok { color: var(--ok); }
.status-failed, .status-denied, .status-rejected, .status-expired, .severity-critical, .severity-high, .bad { color: var(--bad); }
.status-approved { color: var(--ok); }
.muted-badge, .status-pending, .severity-info { color: var(--muted); }
.chips { display: inline; }
a.ev { display: inline-block; font: 600 12px/1.6 ui-monospace, Menlo, Consolas, monospace; padding: 0 .45em; margin: 0 .15em .15em 0; border: 1px solid var(--accent); border-radius: 4px; text-decoration: none; background: #ddf4ff; color: #0a3069; }
a.ev:hover { background: #b6e3ff; }
.verdict { display: flex; flex-wrap: wrap; gap: 2em; align-items: baseline; }
.cause { font-size: 1.5em; margin: .2em 0; }
.confidence meter { width: 10em; height: 1em; vertical-align: middle; }
.toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4em 1.2em; margin: 1em 0; font-size: .92em; }
.filters { display: flex; flex-wrap: wrap; gap: 1em; align-items: end; background: var(--panel); padding: .8em 1em; border: 1px solid var(--line); border-radius: 6px; }
.filters label, .stack label { display: block; font-weight: 600; font-size: .9em; }
input, select, textarea, button { font: inherit; padding: .35em .5em; border: 1px solid #8c959f; border-radius: 5px; color: var(--fg); background: #fff; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; font-weight: 600; }
button[disabled] { background: #8c959f; border-color: #8c959f; cursor: not-allowed; }
button.link { background: none; border: 0; text-decoration: underline; padding: 0; font-weight: 400; }
form.inline { display: inline; }
.stack { display: grid; gap: .35em; max-width: 32em; }
.stack button { justify-self: start; margin-top: .5em; }
fieldset { border: 1px solid var(--line); border-radius: 6px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1em; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.reasons { margin: .2em 0; padding-left: 1.1em; font-size: .92em; }
.lost { margin: 0; color: var(--bad); font-size: .92em; }
.won { margin: 0; color: var(--ok); font-weight: 600; font-size: .92em; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 1em; }
a.chart-link { color: inherit; text-decoration: none; display: block; }
a.chart-link:hover figcaption { text-decoration: underline; }
figure { margin: 0; }
figure.chart, figure.graph { border: 1px solid var(--line); border-radius: 6px; padding: .5em; background: #fff; }
figure.chart { max-width: 760px; }
figure.graph { overflow-x: auto; }
figcaption { font-size: .87em; color: var(--muted); margin-top: .3em; overflow-wrap: anywhere; }
svg { max-width: 100%; height: auto; }
svg .axis { stroke: #8c959f; stroke-width: 1; }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .series { fill: none; stroke: var(--accent); stroke-width: 2; }
svg .series-dot { fill: var(--accent); }
svg .marker.onset { stroke: var(--bad); stroke-width: 1.5; }
svg .marker.change { stroke: var(--warn); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg .marker-label { font-size: 10px; }
svg .marker-label.onset { fill: var(--bad); }
svg .marker-label.change { fill: var(--warn); }
svg .bar-bg { fill: #eaeef2; }
svg .bar-fg { fill: var(--accent); }
svg .edge { stroke: #8c959f; stroke-width: 1.5; }
svg .edge.on-path { stroke: var(--path); stroke-width: 3.5; }
svg .arrowhead { fill: #57606a; }
svg .node rect { fill: #fff; stroke: #8c959f; stroke-width: 1.5; }
svg .node text { font-size: 13px; fill: var(--fg); }
svg .node.path rect { stroke: var(--path); stroke-width: 3; fill: #ddf4ff; }
svg .node.root rect { stroke: var(--bad); stroke-width: 3; fill: #ffebe9; }
svg .node.alerting rect { stroke: var(--warn); stroke-width: 3; fill: #fff8c5; }
.key { display: inline-block; padding: 0 .5em; margin-left: .6em; border: 2px solid; border-radius: 4px; color: var(--fg); }
.key.root { border-color: var(--bad); background: #ffebe9; }
.key.path { border-color: var(--path); background: #ddf4ff; }
.key.alerting { border-color: var(--warn); background: #fff8c5; }
.key.other { border-color: #8c959f; }
ol.chain li, ul.evidence li { margin: .25em 0; overflow-wrap: anywhere; }
ul.evidence { list-style: none; padding: 0; }
.crumbs { margin: .2em 0; }
.pager { display: flex; gap: 2em; margin-top: 2em; }
.ev-id { font-family: ui-monospace, Menlo, Consolas, monospace; color: #0a3069; }
`;

/**
 * Progressive enhancement only: the pages read completely without it. It sends the
 * feedback form as JSON to the feedback route (the session cookie is the credential, the
 * identity comes from it) and says what the route answered, errors included.
 */
export const EXPLORER_JS = `'use strict';
(function () {
  var form = document.getElementById('feedback-form');
  if (!form) return;
  var button = form.querySelector('button[type=submit]');
  var status = document.getElementById('feedback-status');
  button.disabled = false;
  function say(text, kind) { status.textContent = text; status.className = kind || ''; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var service = String(data.get('service') || '').trim();
    var kind = String(data.get('kind') || '');
    var note = String(data.get('note') || '').trim();
    if ((service && !kind) || (!service && kind)) { say('Name both the service and its kind, or neither.', 'error'); return; }
    var body = { verdict: data.get('verdict') };
    if (service) body.rootCause = { service: service, kind: kind };
    if (note) body.note = note;
    button.disabled = true;
    say('Sending…');
    fetch(form.getAttribute('data-action'), { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var message = '';
          try { message = JSON.parse(text).error || ''; } catch (e) { message = ''; }
          if (response.ok) { say('Recorded. Thank you.', 'ok-text'); return; }
          say('Not recorded: HTTP ' + response.status + (message ? ' — ' + message : ''), 'error');
          button.disabled = false;
        });
      })
      .catch(function (error) { say('Not recorded: ' + error.message, 'error'); button.disabled = false; });
  });
})();
`;

/** A plain mark, so the browser's favicon request finds something rather than a 404. */
export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#24292f"/><path d="M3 11 L7 5 L9 8 L13 3" stroke="#fff" stroke-width="2" fill="none"/></svg>';
