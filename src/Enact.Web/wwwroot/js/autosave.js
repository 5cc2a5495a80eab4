// Autosave for the submission template: after a change, posts the step's form (with its antiforgery token) to the
// page's autosave handler about every 10 seconds and when the page is hidden, then updates the version field and a
// polite status ("Saved at 10:42"). Without JavaScript the form works as it is: every button saves the step.
(function () {
  'use strict';
  var form = document.getElementById('step-form');
  var status = document.getElementById('autosave-status');
  if (!form || !status || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute('data-autosave');
  var version = form.querySelector('input[name="Input.Version"]');
  var dirty = false;
  var busy = false;
  var stopped = false;
  var timer = null;

  function say(text) { status.textContent = text; }

  function time(iso) {
    var date = iso ? new Date(iso) : new Date();
    try {
      return date.toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });
    } catch (e) {
      return date.toTimeString().slice(0, 5);
    }
  }

  function data() {
    var body = new FormData(form);
    body.delete('Upload'); // files go with the upload button only
    body.delete('Nav');
    return body;
  }

  function save(leaving) {
    if (!dirty || busy || stopped) { return; }
    dirty = false;
    if (leaving && navigator.sendBeacon) {
      // The page is going away: the answer cannot be read, so the version is not updated (the next load reads it).
      navigator.sendBeacon(url, data());
      return;
    }
    busy = true;
    say(form.getAttribute('data-saving'));
    fetch(url, { method: 'POST', body: data(), credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) { return { ok: response.ok, status: response.status, json: json }; });
      })
      .then(function (result) {
        busy = false;
        if (result.ok && result.json.version) {
          version.value = result.json.version;
          say(form.getAttribute('data-saved-template').replace('{0}', time(result.json.savedAt)));
        } else {
          if (result.status === 409) { stopped = true; }
          say(result.json.message || form.getAttribute('data-failed'));
        }
      })
      .catch(function () {
        busy = false;
        dirty = true;
        say(form.getAttribute('data-failed'));
      });
  }

  function changed(event) {
    if (event.target && event.target.type === 'file') { return; }
    dirty = true;
    if (timer === null) {
      timer = window.setInterval(function () { save(false); }, 10000);
    }
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  // A button press saves through the form itself: nothing left for autosave to do.
  form.addEventListener('submit', function () { dirty = false; stopped = true; });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { save(false); }
  });
  window.addEventListener('pagehide', function () { save(true); });
})();
