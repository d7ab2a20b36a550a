/**
 * The script of the playground's workbook page (plain browser JavaScript, inlined): editing a cell in
 * place, ticking a checkbox, refreshing the tab after the sidebar ran a server function (and showing
 * the cell `selectCell` activated), and the reset button.
 */
export const WORKBOOK_SCRIPT = `
(function () {
  var area = document.getElementById('workbook');
  function current() {
    var t = document.getElementById('tab-title');
    return t ? { tab: t.getAttribute('data-tab'), page: t.getAttribute('data-page') } : { tab: '', page: '1' };
  }
  // A refresh replaces the grid, so while a cell is being edited it waits for the edit to end: a call
  // the sidebar makes meanwhile (it loads the dashboard on open) must not throw away what staff typed,
  // neither when it starts during the edit nor when its answer arrives after the edit began.
  var editing = null;
  var deferred = null;
  function defer(follow) {
    deferred = { follow: Boolean(follow) || Boolean(deferred && deferred.follow) };
  }
  function refresh(follow) {
    if (editing) { defer(follow); return Promise.resolve(); }
    var c = current();
    var q = '/workbook?tab=' + encodeURIComponent(c.tab || '') + '&page=' + encodeURIComponent(c.page || '1') + (follow ? '&follow=1' : '');
    return fetch(q).then(function (r) { return r.text(); }).then(function (html) {
      if (editing) { defer(follow); return; }
      area.innerHTML = html;
      var active = area.querySelector('td.active');
      if (active && follow) { active.scrollIntoView({ block: 'center' }); active.focus(); }
    });
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) {
      return r.text().then(function (t) { if (!r.ok) throw new Error(t); return JSON.parse(t); });
    });
  }
  function endEdit() {
    editing = null;
    var pending = deferred;
    deferred = null;
    return pending;
  }
  function save(td, value) {
    var pending = endEdit();
    var follow = Boolean(pending && pending.follow);
    var tab = current().tab;
    return post('/api/edit', { tab: tab, row: Number(td.getAttribute('data-row')), column: td.getAttribute('data-col'), value: value })
      .then(function (out) { if (!out.ok) alert('Il trigger di modifica non è riuscito: ' + out.errors.join('; ')); return refresh(follow); })
      .catch(function (e) { alert(e.message); return refresh(follow); });
  }
  function cancelled() {
    var pending = endEdit();
    if (pending) refresh(pending.follow);
  }
  function startEdit(td) {
    if (td.querySelector('input')) return;
    var old = td.textContent;
    var input = document.createElement('input');
    input.type = 'text';
    input.value = old;
    input.setAttribute('aria-label', td.getAttribute('aria-label') || 'Valore');
    td.textContent = '';
    td.appendChild(input);
    editing = input;
    input.focus();
    input.select();
    var done = false;
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); done = true; if (input.value === old) { td.textContent = old; cancelled(); return; } save(td, input.value); }
      else if (e.key === 'Escape') { done = true; td.textContent = old; td.focus(); cancelled(); }
    });
    input.addEventListener('blur', function () { if (!done) { done = true; if (input.value === old) { td.textContent = old; cancelled(); } else save(td, input.value); } });
  }
  area.addEventListener('click', function (e) {
    var td = e.target.closest && e.target.closest('td.editable');
    if (!td || e.target.type === 'checkbox') return;
    startEdit(td);
  });
  area.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || e.target.tagName !== 'TD') return;
    e.preventDefault();
    startEdit(e.target);
  });
  area.addEventListener('change', function (e) {
    if (e.target.type !== 'checkbox') return;
    save(e.target.closest('td'), e.target.checked);
  });
  window.addEventListener('message', function (e) {
    if (e.origin !== window.location.origin || !e.data || e.data.type !== 'a4pa-ran') return;
    refresh(e.data.fn === 'selectCell');
  });
  var reset = document.getElementById('reset');
  if (reset) reset.addEventListener('click', function () {
    if (!confirm('Ricominciare dalla demo? Tutto ciò che hai fatto nel playground andrà perso.')) return;
    post('/api/reset', {}).then(function () { window.location.href = '/'; });
  });
})();
`;
