/**
 * The inbox's only stylesheet and script, served from /inbox/assets (the CSP allows nothing inline).
 * Kept as strings so the built server needs no asset copy step. The script only enhances: every
 * page works without it (filters are a GET form, actions are POST forms).
 */

export const INBOX_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:Arial,Helvetica,sans-serif;font-size:100%;line-height:1.5;color:#212b32;background:#f0f4f5}
body{margin:0}
a{color:#005eb8}
a:visited{color:#330072}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,main:focus-visible{outline:3px solid #ffeb3b;outline-offset:0;box-shadow:0 0 0 6px #212b32}
main:focus:not(:focus-visible){outline:none;box-shadow:none}
.skip{position:absolute;left:-9999px}
.skip:focus{left:1rem;top:1rem;background:#ffeb3b;color:#212b32;padding:.5rem;z-index:10}
.top{background:#005eb8;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.top a{color:#fff}
.top .brand{font-weight:bold;margin:0}
.top nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.top a[aria-current=page]{font-weight:bold;text-decoration-thickness:3px}
.signout{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-left:auto}
.signout p{margin:0}
main{padding:1rem;max-width:75rem;margin:0 auto}
h1{font-size:1.75rem;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin:1.5rem 0 .5rem}
button{font:inherit;font-weight:bold;background:#007f3b;color:#fff;border:2px solid #00401e;border-radius:4px;padding:.4rem 1rem;cursor:pointer}
button.secondary{background:#fff;color:#005eb8;border-color:#005eb8}
.signout button{background:#fff;color:#005eb8;border-color:#fff}
label{display:block;font-weight:bold}
input,select,textarea{font:inherit;border:2px solid #4c6272;border-radius:0;padding:.3rem;max-width:100%;background:#fff;color:#212b32}
textarea{width:100%}
.field{margin-bottom:.75rem}
.stack{max-width:30rem}
.hint{color:#4c6272}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;background:#fff;padding:.75rem;margin-bottom:1rem}
.filters .field{margin:0}
.live:empty{display:none}
.live{background:#fff9c4;border-left:6px solid #212b32;padding:.5rem}
.error-summary{border:4px solid #d5281b;background:#fff;padding:.5rem 1rem;margin-bottom:1rem}
.error-summary h2{margin-top:0}
.notice{border-left:6px solid #007f3b;background:#fff;padding:.5rem 1rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #d8dde0}
th{background:#e8edee}
.tier{display:inline-block;font-weight:bold;padding:0 .4rem;border:2px solid currentColor}
.tier-emergency .tier,.tier.tier-emergency{background:#8a1538;color:#fff;border-color:#8a1538}
.tier-urgent .tier,.tier.tier-urgent{color:#b3200f}
.tier-routine .tier,.tier.tier-routine{color:#005eb8}
.tier-selfcare .tier,.tier.tier-selfcare{color:#00703c}
tr.overdue{background:#fde9e7}
tr.overdue td:first-child{border-left:6px solid #b3200f}
.badge{display:inline-block;margin:0 .25rem .25rem 0;padding:0 .4rem;border:1px solid #4c6272;border-radius:3px;background:#fff;font-size:.95rem}
.badge-overdue{border:2px solid #b3200f;color:#b3200f}
.badge-flag{border-color:#b3200f;color:#8a1538}
.summary{font-size:1.2rem;background:#fff;border-left:6px solid #005eb8;padding:.5rem 1rem}
blockquote{margin:0 0 .75rem;background:#fff;border-left:6px solid #4c6272;padding:.5rem 1rem;white-space:pre-wrap;overflow-wrap:anywhere}
dl.pairs{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;background:#fff;padding:.5rem 1rem;margin:0}
dl.pairs dt{font-weight:bold}
dl.pairs dd{margin:0;overflow-wrap:anywhere}
.actions{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.actions form{background:#fff;padding:.75rem}
.actions fieldset{border:0;padding:0;margin:0 0 .5rem}
.actions legend{font-weight:bold;font-size:1.1rem}
.notes li{background:#fff;padding:.5rem;margin-bottom:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0}
.tools{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
@media (max-width:40em){
  table.queue thead{position:absolute;left:-9999px}
  table.queue,table.queue tbody,table.queue tr,table.queue td{display:block;width:100%}
  table.queue tr{border-bottom:3px solid #d8dde0;padding:.25rem 0}
  table.queue td{border:0;padding:.2rem .5rem}
  table.queue td::before{content:attr(data-label) ": ";font-weight:bold}
  dl.pairs{grid-template-columns:1fr}
  dl.pairs dd{margin-bottom:.5rem}
}
@media print{
  .top,.skip,.actions,.tools,form,.live{display:none!important}
  html,body,main{background:#fff;color:#000;max-width:none;padding:0}
  a{color:#000;text-decoration:none}
  blockquote,.summary,dl.pairs{border-color:#000}
  h2{break-after:avoid}
  section{break-inside:avoid}
}
`;

export const INBOX_JS = `'use strict';
(function () {
  var print = document.getElementById('print');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
  }
  var rows = document.getElementById('queue-rows');
  var live = document.getElementById('live');
  if (!rows || !live || !('EventSource' in window)) return;
  var table = document.getElementById('queue');
  var query = table ? table.getAttribute('data-query') || '' : '';
  var source = new EventSource('/inbox/events');
  var busy = false;
  source.addEventListener('queue', function (e) {
    var data = {};
    try { data = JSON.parse(e.data); } catch (err) { return; }
    if (busy) return;
    busy = true;
    fetch('/inbox/rows' + query, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (text) {
        var t = document.createElement('template');
        t.innerHTML = '<table><tbody>' + text + '</tbody></table>';
        var fresh = t.content.querySelector('tbody');
        if (fresh) rows.replaceChildren.apply(rows, Array.prototype.slice.call(fresh.childNodes));
        if (data.kind === 'new') live.textContent = data.count === 1 ? 'A new request has arrived. The list is up to date.' : data.count + ' new requests have arrived. The list is up to date.';
      })
      .catch(function () { live.textContent = 'The list could not be updated. Reload the page.'; })
      .then(function () { busy = false; });
  });
  source.addEventListener('error', function () {
    if (source.readyState === 2) live.textContent = 'Live updates stopped (you may have been signed out). Reload the page.';
  });
})();
`;
