// Progressive enhancement of the score sheet: saves the draft in the background a moment after each
// change, keeping the form's version current. Without this script the Save draft button does the same.
(() => {
  const form = document.getElementById('sheet-form');
  const status = document.getElementById('autosave-status');
  if (!form || !status || !window.fetch || !window.FormData) return;
  const versionInput = form.querySelector('input[name="version"]');
  let timer = null;
  let saving = false;
  let again = false;
  status.hidden = false;

  const show = (text) => {
    status.textContent = text;
  };

  async function save() {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    show(status.dataset.saving);
    try {
      const body = new FormData(form);
      body.delete('intent');
      const res = await fetch(`${form.getAttribute('action')}/autosave`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      const data = await res.json();
      if (data.ok) {
        versionInput.value = String(data.version);
        const time = new Date(data.savedAt).toLocaleTimeString(document.documentElement.lang || 'id', {
          hour: '2-digit',
          minute: '2-digit',
        });
        show(status.dataset.saved.replace('{time}', time));
      } else {
        show(status.dataset.failed.replace('{message}', data.message || res.status));
      }
    } catch (err) {
      show(status.dataset.failed.replace('{message}', String(err && err.message ? err.message : err)));
    } finally {
      saving = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 1200);
  }

  form.addEventListener('change', schedule);
  form.addEventListener('input', (e) => {
    if (e.target && e.target.tagName === 'TEXTAREA') schedule();
  });
  // Submitting with a pending autosave would send a stale version: cancel the pending one.
  form.addEventListener('submit', () => {
    if (timer) clearTimeout(timer);
  });
})();
