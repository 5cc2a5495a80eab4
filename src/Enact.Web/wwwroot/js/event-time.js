// Progressive enhancement for event pages: without a remembered zone, show the event in the browser's own zone.
(function () {
  var el = document.getElementById('reader-time');
  if (!el || document.cookie.indexOf('enact-tz=') >= 0 || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var select = document.getElementById('tz');
  if (!zone || !select) { return; }
  var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
  if (!known) { var o = document.createElement('option'); o.value = zone; o.textContent = zone; select.appendChild(o); }
  select.value = zone;
  var lang = document.documentElement.lang === 'ar' ? 'ar-u-ca-gregory-nu-latn' : 'en-GB';
  var opts = { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  var start = new Date(el.getAttribute('data-start')), end = new Date(el.getAttribute('data-end'));
  var range = el.querySelector('.reader-range'), label = el.querySelector('.reader-zone');
  try {
    range.textContent = new Intl.DateTimeFormat(lang, opts).formatRange(start, end);
    label.textContent = '(' + zone + ')';
  } catch (e) { /* keep the server's text */ }
})();
