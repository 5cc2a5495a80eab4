// Call pages: when the server did not know the reader's time zone (it showed UTC), show the deadline in the zone the
// browser reports and remember it in a cookie, so the next page is right from the server. Without JavaScript the page
// is complete: the reader picks a zone in the form.
(function () {
  'use strict';
  var root = document.querySelector('[data-reader-zone-source="default"]');
  if (!root || !window.Intl || !Intl.DateTimeFormat) { return; }
  var zone, date, time;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var lang = document.documentElement.lang || 'ar';
    date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone, calendar: 'gregory', numberingSystem: 'latn' });
    time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  } catch (e) { return; }
  if (!zone) { return; }
  document.cookie = 'enact-tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax'
    + (location.protocol === 'https:' ? '; secure' : '');
  if (zone === root.getAttribute('data-reader-zone')) { return; }

  var joiner = root.getAttribute('data-joiner') || ' ';
  root.querySelectorAll('time[data-reader-time]').forEach(function (el) {
    var instant = new Date(el.getAttribute('data-instant'));
    el.textContent = date.format(instant) + joiner + time.format(instant);
    el.setAttribute('datetime', el.getAttribute('data-instant'));
  });

  var select = root.querySelector('select[name="tz"]');
  var name = zone;
  if (select) {
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
    if (!option) {
      option = new Option(zone, zone);
      select.add(option);
    }
    name = option.textContent;
    select.value = zone;
  }
  root.querySelectorAll('[data-reader-zone-name]').forEach(function (el) { el.textContent = name; });
  root.setAttribute('data-reader-zone', zone);
  root.setAttribute('data-reader-zone-source', 'script');
}());
